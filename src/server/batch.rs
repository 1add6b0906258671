//! `POST /moderate/batch`: `{ "comments": [request, …] }` → `{ "results": [response, …] }`, in order.
//!
//! The batch is checked whole before any comment is judged: one bad item is a 400 that names it,
//! and nothing is judged. A batch takes a batch slot and its characters from the judging pool's
//! bounds (503 beyond them) and is judged in slices on every judge; slices not yet started when
//! its client goes away are skipped.

use std::sync::Arc;

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;

use super::body::{batch_items, parse_comment, read_json, BatchRequest, ModerationRequest};
use super::connection::Connection;
use super::error::{ApiError, ErrorBody};
use super::moderate::{judge, ModerationResponse};
use super::AppState;

/// The answers to a batch, in the order of its comments.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct BatchResponse<'a> {
    results: Vec<ModerationResponse<'a>>,
}

/// Judges many comments; one bad item fails the batch whole, naming it.
#[utoipa::path(
    post,
    path = "/moderate/batch",
    request_body = BatchRequest,
    responses(
        (status = 200, description = "One answer per comment, in order", body = BatchResponse),
        (status = 400, description = "Malformed JSON or a bad item (named in the message)", body = ErrorBody),
        (status = 413, description = "The body, a text or the number of comments is over the limit", body = ErrorBody),
        (status = 408, description = "The body did not arrive in time", body = ErrorBody),
        (status = 415, description = "Not `application/json`, or compressed", body = ErrorBody),
        (status = 503, description = "Too many batches or comments are being judged; retry after `Retry-After` seconds", body = ErrorBody),
    )
)]
pub(super) async fn moderate_batch(
    state: web::Data<AppState>,
    request: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let engine = state.engine_for(&request);
    let body = read_json(&state, &request, payload).await?;
    let items = batch_items(&body)?;
    if items.len() > state.limits.max_batch {
        return Err(ApiError::too_large(
            "batch_too_large",
            format!("the batch has {} comments, over the limit of {}", items.len(), state.limits.max_batch),
        ));
    }
    let comments = items
        .iter()
        .enumerate()
        .map(|(index, item)| parse_comment(item, &state.limits, &format!("comments[{index}].")))
        .collect::<Result<Vec<_>, _>>()?;
    drop(body);
    let _batch = state.judges.admit_batch()?;
    let _admitted = state.judges.admit_chars(comments.iter().map(|c| c.text.chars().count()).sum())?;

    // Judged in slices, queued behind the single comments that came first so a large batch does
    // not hold the judges, and on every judge at once; a slice whose client has gone is skipped.
    let connection = request.conn_data::<Arc<Connection>>().cloned();
    let comments = Arc::new(comments);
    let jobs = slices(&comments).into_iter().map(|slice| {
        let (worker_state, worker_engine, worker_comments, connection) = (state.clone(), engine.clone(), comments.clone(), connection.clone());
        state.judges.run(move || {
            if connection.is_some_and(|c| c.client_gone()) {
                return None;
            }
            Some(worker_comments[slice].iter().map(|c| judge(&worker_state, &worker_engine, c)).collect::<Vec<_>>())
        })
    });
    let judged = futures_util::future::try_join_all(jobs).await?;
    let Some(verdicts) = judged.into_iter().collect::<Option<Vec<Vec<_>>>>().map(|v| v.concat()) else {
        tracing::info!(comments = comments.len(), "batch abandoned: the client has gone");
        return Err(ApiError::client_gone());
    };
    let results = comments
        .iter()
        .zip(&verdicts)
        .map(|(comment, verdict)| ModerationResponse::new(comment.id.as_deref(), verdict, engine.policy()))
        .collect();
    Ok(HttpResponse::Ok().json(BatchResponse { results }))
}

/// About this many bytes of text are judged in one go (a few milliseconds of work).
const SLICE_BYTES: usize = 20_000;

/// The batch cut into consecutive ranges of about `SLICE_BYTES` bytes of text.
fn slices(comments: &[ModerationRequest]) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (index, comment) in comments.iter().enumerate() {
        bytes += comment.text.len();
        if bytes >= SLICE_BYTES {
            ranges.push(start..index + 1);
            (start, bytes) = (index + 1, 0);
        }
    }
    if start < comments.len() {
        ranges.push(start..comments.len());
    }
    ranges
}

//! `POST /moderate/batch`: `{ "comments": [request, …] }` → `{ "results": [response, …] }`, in order.
//!
//! The batch is checked whole before any comment is judged: one bad item is a 400 that names it,
//! and nothing is judged.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;

use super::body::{batch_items, parse_comment, read_json, BatchRequest};
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
        (status = 415, description = "Not `application/json`, or compressed", body = ErrorBody),
    )
)]
pub(super) async fn moderate_batch(
    state: web::Data<AppState>,
    request: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let body = read_json(&request, payload, state.limits.max_body_bytes).await?;
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

    // Judging a large batch is CPU work; it runs on the blocking pool so this worker keeps serving.
    let worker_state = state.clone();
    let (comments, verdicts) = web::block(move || {
        let verdicts = comments.iter().map(|c| judge(&worker_state, c)).collect::<Result<Vec<_>, _>>();
        (comments, verdicts)
    })
    .await
    .map_err(|_| ApiError::internal())?;
    let verdicts = verdicts?;
    let policy = state.engine.policy();
    let results = comments
        .iter()
        .zip(&verdicts)
        .map(|(comment, verdict)| ModerationResponse::new(comment.id.as_deref(), verdict, policy))
        .collect();
    Ok(HttpResponse::Ok().json(BatchResponse { results }))
}

//! `POST /moderate/batch`: `{ "comments": [request, …] }` → `{ "results": [response, …] }`, in order.
//!
//! The batch is checked whole before any comment is judged: one bad item is a 400 that names it,
//! and nothing is judged.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;

use super::body::{batch_items, parse_comment, read_json};
use super::error::ApiError;
use super::moderate::{judge, ModerationResponse};
use super::AppState;

#[derive(Serialize)]
struct BatchResponse<'a> {
    results: Vec<ModerationResponse<'a>>,
}

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

//! `POST /moderate`: judge one comment.

use std::time::Instant;

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;
use serde_json::value::RawValue;

use super::body::{comment_document, parse_comment, read_json, ModerationRequest};
use super::error::{ApiError, ErrorBody};
use super::AppState;
use crate::{Comment, Decision, Language, Policy, Reason, Verdict};

/// The policy that decided, as every response names it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct PolicyInfo<'a> {
    pub name: &'a str,
    pub version: &'a str,
}

impl<'a> PolicyInfo<'a> {
    pub fn of(policy: &'a Policy) -> Self {
        PolicyInfo { name: policy.name(), version: policy.version() }
    }
}

/// The body of a `POST /moderate` answer (and of `moderate check --json`).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ModerationResponse<'a> {
    /// The request's `id`, exactly as sent (any JSON value); absent when the request had none.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<serde_json::Value>)]
    pub id: Option<&'a RawValue>,
    pub decision: Decision,
    pub language: Language,
    #[schema(value_type = Vec<Reason>)]
    pub reasons: &'a [Reason],
    /// Every reason's fix applied together: the commenter's one-click correction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<&'a str>,
    pub policy: PolicyInfo<'a>,
}

impl<'a> ModerationResponse<'a> {
    pub fn new(id: Option<&'a RawValue>, verdict: &'a Verdict, policy: &'a Policy) -> Self {
        ModerationResponse {
            id,
            decision: verdict.decision,
            language: verdict.language,
            reasons: &verdict.reasons,
            suggestion: verdict.suggestion.as_deref(),
            policy: PolicyInfo::of(policy),
        }
    }
}

/// Judges one request, records it in the metrics and the log (never the comment's text).
pub(super) fn judge(state: &AppState, request: &ModerationRequest) -> Result<Verdict, ApiError> {
    let started = Instant::now();
    let comment = Comment { text: &request.text, language: request.language, locale: request.locale };
    // The engine is written not to panic; if it ever does, this comment gets a 500 and the
    // service keeps running for every other.
    let verdict = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| state.engine.moderate(&comment)))
        .map_err(|_| {
            tracing::error!(id = request.id.as_deref().map(RawValue::get), "the engine panicked on a comment");
            ApiError::internal()
        })?;
    let elapsed = started.elapsed();
    state.metrics.record_verdict(&verdict, elapsed);
    tracing::info!(
        id = request.id.as_deref().map(RawValue::get),
        decision = verdict.decision.as_str(),
        rules = %verdict.reasons.iter().map(|r| r.rule.as_str()).collect::<Vec<_>>().join(","),
        micros = elapsed.as_micros() as u64,
        "judged",
    );
    Ok(verdict)
}

/// Judges one comment.
#[utoipa::path(
    post,
    path = "/moderate",
    request_body = ModerationRequest,
    responses(
        (status = 200, description = "The decision, with the reasons", body = ModerationResponse),
        (status = 400, description = "Malformed JSON, missing or non-string `text`, empty text, bad `language` or `locale`", body = ErrorBody),
        (status = 413, description = "The body or the text is over the limit", body = ErrorBody),
        (status = 415, description = "Not `application/json`, or compressed", body = ErrorBody),
    )
)]
pub(super) async fn moderate(
    state: web::Data<AppState>,
    request: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let (comment, verdict) = read_and_judge(&state, &request, payload).await?;
    Ok(HttpResponse::Ok().json(ModerationResponse::new(comment.id.as_deref(), &verdict, state.engine.policy())))
}

/// Reads one comment from a request body (as `POST /moderate` takes it) and judges it.
pub(super) async fn read_and_judge(state: &AppState, request: &HttpRequest, payload: web::Payload) -> Result<(ModerationRequest, Verdict), ApiError> {
    let body = read_json(request, payload, state.limits.max_body_bytes).await?;
    let comment = parse_comment(comment_document(&body)?, &state.limits, "")?;
    let verdict = judge(state, &comment)?;
    Ok((comment, verdict))
}

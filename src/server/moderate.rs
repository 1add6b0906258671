//! `POST /moderate`: judge one comment.

use std::sync::Arc;
use std::time::Instant;

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;
use serde_json::value::RawValue;

use super::body::{comment_document, parse_comment, read_json, ModerationRequest};
use super::error::{ApiError, ErrorBody};
use super::AppState;
use crate::{Comment, Decision, Engine, Language, Policy, Reason, Verdict};

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

/// Judges one request with `engine` (on a judge's thread), caps its spans, and records it in the
/// metrics and the log (never the comment's text).
pub(super) fn judge(state: &AppState, engine: &Engine, request: &ModerationRequest) -> Verdict {
    let started = Instant::now();
    let comment = Comment { text: &request.text, language: request.language, locale: request.locale };
    let mut verdict = engine.moderate(&comment);
    verdict.cap_spans(state.limits.max_spans);
    let elapsed = started.elapsed();
    state.metrics.record_verdict(&verdict, elapsed);
    tracing::info!(
        id = request.id.as_deref().map(|id| logged_id(id.get())).as_deref(),
        decision = verdict.decision.as_str(),
        rules = %verdict.reasons.iter().map(|r| r.rule.as_str()).collect::<Vec<_>>().join(","),
        micros = elapsed.as_micros() as u64,
        "judged",
    );
    verdict
}

/// Longest `id` a log line echoes: ids are the client's, and a log is not a place for megabytes.
const LOGGED_ID_CHARS: usize = 64;

fn logged_id(id: &str) -> std::borrow::Cow<'_, str> {
    match id.char_indices().nth(LOGGED_ID_CHARS) {
        Some((cut, _)) => format!("{}… ({} bytes)", &id[..cut], id.len()).into(),
        None => id.into(),
    }
}

/// Judges one comment.
#[utoipa::path(
    post,
    path = "/moderate",
    request_body = ModerationRequest,
    responses(
        (status = 200, description = "The decision, with the reasons", body = ModerationResponse),
        (status = 400, description = "Malformed JSON, missing or non-string `text`, empty text, bad `language` or `locale`", body = ErrorBody),
        (status = 408, description = "The body did not arrive in time", body = ErrorBody),
        (status = 413, description = "The body or the text is over the limit", body = ErrorBody),
        (status = 415, description = "Not `application/json`, or compressed", body = ErrorBody),
        (status = 503, description = "Too much is being judged; retry after `Retry-After` seconds", body = ErrorBody),
    )
)]
pub(super) async fn moderate(
    state: web::Data<AppState>,
    request: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let (comment, verdict, engine) = read_and_judge(&state, &request, payload).await?;
    Ok(HttpResponse::Ok().json(ModerationResponse::new(comment.id.as_deref(), &verdict, engine.policy())))
}

/// Reads one comment from a request body (as `POST /moderate` takes it) and judges it on the
/// judging pool, with the engine the request began with.
pub(super) async fn read_and_judge(
    state: &web::Data<AppState>,
    request: &HttpRequest,
    payload: web::Payload,
) -> Result<(ModerationRequest, Verdict, Arc<Engine>), ApiError> {
    let engine = state.engine_for(request);
    let body = read_json(state, request, payload).await?;
    let comment = parse_comment(comment_document(&body)?, &state.limits, "")?;
    let _admitted = state.judges.admit_chars(comment.text.chars().count())?;
    let (worker_state, worker_engine) = (state.clone(), engine.clone());
    let (comment, verdict) = state
        .judges
        .run(move || {
            let verdict = judge(&worker_state, &worker_engine, &comment);
            (comment, verdict)
        })
        .await?;
    Ok((comment, verdict, engine))
}

#[cfg(test)]
mod tests {
    use super::logged_id;

    #[test]
    fn long_ids_are_cut_in_logs() {
        assert_eq!(logged_id("\"cms-1\""), "\"cms-1\"");
        let long = "ş".repeat(1000);
        let logged = logged_id(&long);
        assert!(logged.starts_with(&"ş".repeat(64)) && logged.ends_with("… (2000 bytes)"), "{logged}");
    }
}

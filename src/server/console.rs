//! The moderators' console: `GET /` serves one page (compiled in, no build step) that judges a
//! comment through `POST /console/moderate` and lists the rules from `GET /rules`.
//!
//! Only with `moderate serve --console`: the console shows which list entry fired, which the public
//! API never does (commenters would learn the lists).

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;

use super::error::ApiError;
use super::moderate::{read_and_judge, PolicyInfo};
use super::AppState;
use crate::{Decision, Language, Locale, Span};

const PAGE: &str = include_str!("console.html");

pub(super) async fn page() -> HttpResponse {
    HttpResponse::Ok().content_type("text/html; charset=utf-8").body(PAGE)
}

/// A reason as a moderator sees it: both messages and the list entries behind it.
#[derive(Serialize)]
struct ConsoleReason<'a> {
    rule: &'a str,
    message_tr: &'a str,
    message_en: &'a str,
    spans: &'a [Span],
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestion: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<f32>,
    evidence: &'a [String],
}

#[derive(Serialize)]
struct ConsoleResponse<'a> {
    decision: Decision,
    language: Language,
    reasons: Vec<ConsoleReason<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suggestion: Option<&'a str>,
    policy: PolicyInfo<'a>,
}

/// `POST /console/moderate`: the body of `POST /moderate`; the answer adds each reason's messages in
/// both languages and its evidence.
pub(super) async fn moderate(state: web::Data<AppState>, request: HttpRequest, payload: web::Payload) -> Result<HttpResponse, ApiError> {
    let (_, verdict, engine) = read_and_judge(&state, &request, payload).await?;
    let policy = engine.policy();
    let message = |rule: &str, locale: Locale| policy.rules().find(|r| r.id() == rule).map_or("", |r| r.message(locale));
    let reasons = verdict
        .reasons
        .iter()
        .map(|reason| ConsoleReason {
            rule: &reason.rule,
            message_tr: message(&reason.rule, Locale::Tr),
            message_en: message(&reason.rule, Locale::En),
            spans: &reason.spans,
            suggestion: reason.suggestion.as_deref(),
            score: reason.score,
            evidence: &reason.evidence,
        })
        .collect();
    Ok(HttpResponse::Ok().json(ConsoleResponse {
        decision: verdict.decision,
        language: verdict.language,
        reasons,
        suggestion: verdict.suggestion.as_deref(),
        policy: PolicyInfo::of(policy),
    }))
}

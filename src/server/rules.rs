//! `GET /rules`: the active policy: each rule's id, description, action and messages, and the version.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;

use super::moderate::PolicyInfo;
use super::AppState;
use crate::{Decision, Language, Locale, Policy};

#[derive(Debug, Serialize, utoipa::ToSchema)]
struct RuleInfo<'a> {
    id: &'a str,
    description: &'a str,
    action: Decision,
    /// Empty when the rule judges every language.
    #[schema(value_type = Vec<Language>)]
    languages: &'a [Language],
    message: Messages<'a>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
struct Messages<'a> {
    tr: &'a str,
    en: &'a str,
}

/// The body of `GET /rules` (and of `moderate rules --json`).
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RulesResponse<'a> {
    policy: PolicyInfo<'a>,
    rules: Vec<RuleInfo<'a>>,
}

impl<'a> RulesResponse<'a> {
    pub fn new(policy: &'a Policy) -> Self {
        RulesResponse {
            policy: PolicyInfo::of(policy),
            rules: policy
                .rules()
                .map(|rule| RuleInfo {
                    id: rule.id(),
                    description: rule.description(),
                    action: rule.action(),
                    languages: rule.languages(),
                    message: Messages { tr: rule.message(Locale::Tr), en: rule.message(Locale::En) },
                })
                .collect(),
        }
    }
}

/// The active policy: each rule's id, description, action and messages, and the policy version.
#[utoipa::path(get, path = "/rules", responses((status = 200, description = "The active policy", body = RulesResponse)))]
pub(super) async fn rules(state: web::Data<AppState>, request: HttpRequest) -> HttpResponse {
    let engine = state.engine_for(&request);
    HttpResponse::Ok().json(RulesResponse::new(engine.policy()))
}

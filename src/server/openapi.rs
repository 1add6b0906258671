//! `GET /openapi.json`: the API described as OpenAPI 3.1, generated from the types the handlers
//! read and write (`utoipa`), so the document cannot drift from the service.

use std::sync::OnceLock;

use actix_web::HttpResponse;
use utoipa::OpenApi;

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};

use super::{admin, batch, health, metrics, moderate, rules};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "moderate",
        description = "Comment moderation for a Turkish news site: approve, review or reject, with the rule, a message, the exact spans (in code points) and a fix where one exists."
    ),
    paths(moderate::moderate, batch::moderate_batch, health::health, rules::rules, metrics::metrics, openapi, admin::reload),
    modifiers(&AdminToken),
    components(schemas(crate::Span, crate::Reason, crate::Decision, crate::Language, crate::Locale, super::error::ErrorBody))
)]
struct ApiDoc;

/// `POST /admin/reload` takes `Authorization: Bearer $MODERATE_ADMIN_TOKEN`.
struct AdminToken;

impl utoipa::Modify for AdminToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("admin_token", SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()));
    }
}

/// The OpenAPI document of this service.
#[utoipa::path(get, path = "/openapi.json", responses((status = 200, description = "This document (OpenAPI 3.1)", content_type = "application/json")))]
pub(super) async fn openapi() -> HttpResponse {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    let document = DOCUMENT.get_or_init(|| ApiDoc::openapi().to_json().unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}")));
    HttpResponse::Ok().content_type("application/json").body(document.as_str())
}

//! `GET /health`: 200 while the service is up, with the policy it serves.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;

use super::moderate::PolicyInfo;
use super::AppState;

/// The body of `GET /health`.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct HealthResponse<'a> {
    /// Always `ok`: an answer at all means the service is up.
    status: &'static str,
    policy: PolicyInfo<'a>,
}

/// 200 while the service is up, with the policy it serves (HEAD too, for load balancers).
#[utoipa::path(get, path = "/health", responses((status = 200, description = "The service is up", body = HealthResponse)))]
pub(super) async fn health(state: web::Data<AppState>, request: HttpRequest) -> HttpResponse {
    let engine = state.engine_for(&request);
    HttpResponse::Ok().json(HealthResponse { status: "ok", policy: PolicyInfo::of(engine.policy()) })
}

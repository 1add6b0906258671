//! `GET /health`: 200 while the service is up, with the policy it serves.

use actix_web::{web, HttpResponse};
use serde_json::json;

use super::AppState;

pub(super) async fn health(state: web::Data<AppState>) -> HttpResponse {
    let policy = state.engine.policy();
    HttpResponse::Ok().json(json!({ "status": "ok", "policy": { "name": policy.name(), "version": policy.version() } }))
}

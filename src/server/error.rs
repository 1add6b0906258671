//! Errors as the contract has them: `{ "error": { "code": "…", "message": "…" } }`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

/// A request the service refuses, with the status, a stable code and a message a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        ApiError { status: StatusCode::BAD_REQUEST, code, message: message.into() }
    }

    pub fn too_large(code: &'static str, message: impl Into<String>) -> Self {
        ApiError { status: StatusCode::PAYLOAD_TOO_LARGE, code, message: message.into() }
    }

    pub fn unsupported_media_type(message: impl Into<String>) -> Self {
        ApiError { status: StatusCode::UNSUPPORTED_MEDIA_TYPE, code: "unsupported_media_type", message: message.into() }
    }

    pub fn not_found() -> Self {
        ApiError { status: StatusCode::NOT_FOUND, code: "not_found", message: "no such endpoint".into() }
    }

    pub fn method_not_allowed() -> Self {
        ApiError { status: StatusCode::METHOD_NOT_ALLOWED, code: "method_not_allowed", message: "this endpoint does not take that method".into() }
    }

    /// The service sheds load: 503, with `Retry-After`.
    pub fn overloaded(message: impl Into<String>) -> Self {
        ApiError { status: StatusCode::SERVICE_UNAVAILABLE, code: "overloaded", message: message.into() }
    }

    pub fn timeout(code: &'static str, message: impl Into<String>) -> Self {
        ApiError { status: StatusCode::REQUEST_TIMEOUT, code, message: message.into() }
    }

    pub fn unauthorized() -> Self {
        ApiError { status: StatusCode::UNAUTHORIZED, code: "unauthorized", message: "send `Authorization: Bearer` with the admin token".into() }
    }

    /// A policy that would not load; the one in use is kept.
    pub fn policy_invalid(message: impl Into<String>) -> Self {
        ApiError { status: StatusCode::UNPROCESSABLE_ENTITY, code: "policy_invalid", message: message.into() }
    }

    /// The client closed the connection before its answer; nobody reads this one.
    pub fn client_gone() -> Self {
        ApiError { status: StatusCode::BAD_REQUEST, code: "client_gone", message: "the connection was closed before the answer".into() }
    }

    pub fn internal() -> Self {
        ApiError { status: StatusCode::INTERNAL_SERVER_ERROR, code: "internal", message: "the comment could not be judged; this is a bug".into() }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status);
        match self.status {
            StatusCode::SERVICE_UNAVAILABLE => {
                response.insert_header((actix_web::http::header::RETRY_AFTER, "1"));
            }
            StatusCode::UNAUTHORIZED => {
                response.insert_header((actix_web::http::header::WWW_AUTHENTICATE, "Bearer"));
            }
            // The client is too slow to finish this request; the connection is not reused.
            StatusCode::REQUEST_TIMEOUT => {
                response.insert_header((actix_web::http::header::CONNECTION, "close"));
            }
            _ => {}
        }
        response.json(ErrorBody { error: ErrorDetail { code: self.code, message: &self.message } })
    }
}

/// Every error answer: `{ "error": { "code", "message" } }`.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ErrorBody<'a> {
    error: ErrorDetail<'a>,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
struct ErrorDetail<'a> {
    /// Stable, for programs: `malformed_json`, `missing_text`, `text_too_large`, …
    code: &'a str,
    /// For people.
    message: &'a str,
}

pub(super) async fn not_found() -> HttpResponse {
    ApiError::not_found().error_response()
}

/// The answer to a method an endpoint does not take, naming the ones it does (`Allow`, as HTTP
/// asks of a 405).
pub(super) fn method_not_allowed(allow: &'static str) -> actix_web::Route {
    actix_web::web::to(move || async move {
        let mut response = ApiError::method_not_allowed().error_response();
        response.headers_mut().insert(actix_web::http::header::ALLOW, actix_web::http::header::HeaderValue::from_static(allow));
        response
    })
}

//! Reading a request body: content type, size limit, UTF-8 and JSON, each failure its own error.
//!
//! The body is read by hand rather than with actix's `Json` extractor so every failure has the
//! contract's JSON error shape and the right status (413 past the limit, 415 for a wrong type).

use actix_web::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use actix_web::{web, HttpRequest};
use futures_util::StreamExt;
use serde_json::Value;

use super::error::ApiError;
use super::Limits;
use crate::{Language, Locale};

/// One comment to judge, as the CMS sends it.
#[derive(Debug, Clone)]
pub(super) struct ModerationRequest {
    pub text: String,
    pub language: Option<Language>,
    pub locale: Locale,
    pub id: Option<Value>,
}

pub(super) async fn read_json(request: &HttpRequest, mut payload: web::Payload, limit: usize) -> Result<Value, ApiError> {
    let content_type = request.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let essence = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if essence != "application/json" && !essence.ends_with("+json") {
        return Err(ApiError::unsupported_media_type(format!(
            "send the body as application/json (got `{}`)",
            if content_type.is_empty() { "no content type" } else { content_type }
        )));
    }
    let too_large = || ApiError::too_large("body_too_large", format!("the body is over the limit of {limit} bytes"));
    let declared = request.headers().get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|length| length > limit) {
        return Err(too_large());
    }
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|e| ApiError::bad_request("unreadable_body", format!("the body could not be read: {e}")))?;
        if body.len() + chunk.len() > limit {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    let text = std::str::from_utf8(&body)
        .map_err(|e| ApiError::bad_request("invalid_utf8", format!("the body is not UTF-8 (at byte {})", e.valid_up_to())))?;
    serde_json::from_str(text).map_err(|e| ApiError::bad_request("malformed_json", format!("the body is not valid JSON: {e}")))
}

/// Reads one comment from a JSON value; `at` names it in errors ("" or "comments[3].").
pub(super) fn parse_comment(value: &Value, limits: &Limits, at: &str) -> Result<ModerationRequest, ApiError> {
    let Some(object) = value.as_object() else {
        return Err(ApiError::bad_request("invalid_request", format!("{}must be a JSON object", name(at))));
    };
    let text = match object.get("text") {
        None | Some(Value::Null) => return Err(ApiError::bad_request("missing_text", format!("`{at}text` is required"))),
        Some(Value::String(text)) => text,
        Some(_) => return Err(ApiError::bad_request("invalid_text", format!("`{at}text` must be a string"))),
    };
    if text.trim().is_empty() {
        return Err(ApiError::bad_request("empty_text", format!("`{at}text` is empty")));
    }
    let length = text.chars().count();
    if length > limits.max_text_chars {
        return Err(ApiError::too_large(
            "text_too_long",
            format!("`{at}text` has {length} characters, over the limit of {}", limits.max_text_chars),
        ));
    }
    let language = match object.get("language") {
        None | Some(Value::Null) => None,
        Some(Value::String(tag)) if tag.eq_ignore_ascii_case("auto") || tag.is_empty() => None,
        Some(Value::String(tag)) => Some(Language::from_tag(tag).ok_or_else(|| {
            ApiError::bad_request("invalid_language", format!("`{at}language` must be \"tr\" or \"en\", or absent to detect it"))
        })?),
        Some(_) => return Err(ApiError::bad_request("invalid_language", format!("`{at}language` must be a string"))),
    };
    let locale = match object.get("locale") {
        None | Some(Value::Null) => Locale::default(),
        Some(Value::String(tag)) => Locale::from_tag(tag)
            .ok_or_else(|| ApiError::bad_request("invalid_locale", format!("`{at}locale` must be \"tr\" or \"en\"")))?,
        Some(_) => return Err(ApiError::bad_request("invalid_locale", format!("`{at}locale` must be a string"))),
    };
    Ok(ModerationRequest { text: text.clone(), language, locale, id: object.get("id").cloned() })
}

fn name(at: &str) -> String {
    match at.strip_suffix('.') {
        Some(item) => format!("`{item}` "),
        None => "the body ".to_string(),
    }
}

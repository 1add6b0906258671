//! Reading a request body: content type, size limit, UTF-8 and JSON, each failure its own error.
//!
//! The body is read by hand rather than with actix's `Json` extractor so every failure has the
//! contract's JSON error shape and the right status (413 past the limit, 415 for a wrong type).

use std::sync::Arc;

use actix_web::http::header::{CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE};
use actix_web::{web, HttpRequest};
use futures_util::StreamExt;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use super::connection::{Connection, Phase};
use super::error::ApiError;
use super::{AppState, Limits};
use crate::{Language, Locale};

/// One comment to judge, as the CMS sends it.
#[derive(Debug, Clone, utoipa::ToSchema)]
pub(super) struct ModerationRequest {
    /// The comment, any Unicode; not empty.
    pub text: String,
    /// The comment's language; detected when absent.
    pub language: Option<Language>,
    /// The language of the reasons' messages; `tr` when absent.
    #[schema(required = false)]
    pub locale: Locale,
    /// Kept as the client wrote it, so it is echoed unchanged whatever its type or precision.
    #[schema(value_type = Option<serde_json::Value>)]
    pub id: Option<Box<RawValue>>,
}

/// A batch of comments, judged in order.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)] // Read by hand (`batch_items`); this type describes the body for the API document.
pub(super) struct BatchRequest {
    pub comments: Vec<ModerationRequest>,
}

/// The fields of a comment, before they are checked one by one. A field given twice is an error
/// here rather than a silent choice.
#[derive(Deserialize)]
struct CommentFields<'a> {
    #[serde(default)]
    text: Option<Value>,
    #[serde(default)]
    language: Option<Value>,
    #[serde(default)]
    locale: Option<Value>,
    #[serde(default, borrow, deserialize_with = "raw_including_null")]
    id: Option<&'a RawValue>,
}

/// `"id": null` is echoed as null, not dropped.
fn raw_including_null<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<&'de RawValue>, D::Error> {
    <&RawValue>::deserialize(deserializer).map(Some)
}

/// Reads a body: the right content type, not compressed, within the size limit and the body
/// timeout, UTF-8. Whether it is JSON is told by the one parse that reads it (`comment_document`,
/// `batch_items`), which keeps the text so values can be echoed exactly.
pub(super) async fn read_json(state: &AppState, request: &HttpRequest, payload: web::Payload) -> Result<String, ApiError> {
    let connection = request.conn_data::<Arc<Connection>>();
    if let Some(connection) = connection {
        connection.set_phase(Phase::Body);
    }
    let read = tokio::time::timeout(state.body_timeout, read_body(request, payload, state.limits.max_body_bytes)).await;
    if let Some(connection) = connection {
        connection.set_phase(Phase::Busy);
    }
    read.unwrap_or_else(|_| {
        state.metrics.record_timeout("body");
        Err(ApiError::timeout("body_timeout", format!("the body did not arrive within {} s", state.body_timeout.as_secs_f32())))
    })
}

async fn read_body(request: &HttpRequest, mut payload: web::Payload, limit: usize) -> Result<String, ApiError> {
    let content_type = request.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let essence = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if essence != "application/json" && !essence.ends_with("+json") {
        return Err(ApiError::unsupported_media_type(format!(
            "send the body as application/json (got `{}`)",
            if content_type.is_empty() { "no content type" } else { content_type }
        )));
    }
    let encoding = request.headers().get(CONTENT_ENCODING).and_then(|v| v.to_str().ok()).unwrap_or("identity");
    if !encoding.trim().eq_ignore_ascii_case("identity") {
        return Err(ApiError::unsupported_media_type(format!("send the body uncompressed (got content encoding `{encoding}`)")));
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
    body_text(body.to_vec())
}

fn body_text(body: Vec<u8>) -> Result<String, ApiError> {
    String::from_utf8(body)
        .map_err(|e| ApiError::bad_request("invalid_utf8", format!("the body is not UTF-8 (at byte {})", e.utf8_error().valid_up_to())))
}

/// A body read the way `POST /moderate` (`batch` false) or `POST /moderate/batch` reads it, after
/// the transport: the comments it holds, or the error the client gets. For the fuzzer.
pub(super) fn parse_body(body: &[u8], batch: bool, limits: &Limits) -> Result<Vec<ModerationRequest>, ApiError> {
    let text = body_text(body.to_vec())?;
    if batch {
        batch_items(&text)?.iter().enumerate().map(|(index, item)| parse_comment(item, limits, &format!("comments[{index}]."))).collect()
    } else {
        Ok(vec![parse_comment(comment_document(&text)?, limits, "")?])
    }
}

fn malformed(error: serde_json::Error) -> ApiError {
    ApiError::bad_request("malformed_json", format!("the body is not valid JSON: {error}"))
}

/// A JSON error is malformed JSON when the text is not JSON, else the document has the wrong shape.
fn shape_or_syntax(error: serde_json::Error, shape: impl FnOnce(serde_json::Error) -> ApiError) -> ApiError {
    match error.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => malformed(error),
        _ => shape(error),
    }
}

/// The body of `POST /moderate` as a JSON document.
pub(super) fn comment_document(body: &str) -> Result<&RawValue, ApiError> {
    serde_json::from_str(body).map_err(malformed)
}

/// Reads one comment from its JSON text; `at` names it in errors ("" or "comments[3].").
pub(super) fn parse_comment(raw: &RawValue, limits: &Limits, at: &str) -> Result<ModerationRequest, ApiError> {
    if !raw.get().trim_start().starts_with('{') {
        return Err(ApiError::bad_request("invalid_request", format!("{}must be a JSON object", name(at))));
    }
    let fields: CommentFields<'_> = serde_json::from_str(raw.get())
        .map_err(|e| ApiError::bad_request("invalid_request", format!("{}is not a valid comment: {e}", name(at))))?;
    let text = match fields.text {
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
    let language = match fields.language {
        None | Some(Value::Null) => None,
        Some(Value::String(tag)) if tag.eq_ignore_ascii_case("auto") || tag.is_empty() => None,
        Some(Value::String(tag)) => Some(Language::from_tag(&tag).ok_or_else(|| {
            ApiError::bad_request("invalid_language", format!("`{at}language` must be \"tr\" or \"en\", or absent to detect it"))
        })?),
        Some(_) => return Err(ApiError::bad_request("invalid_language", format!("`{at}language` must be a string"))),
    };
    let locale = match fields.locale {
        None | Some(Value::Null) => Locale::default(),
        Some(Value::String(tag)) if tag.is_empty() => Locale::default(),
        Some(Value::String(tag)) => Locale::from_tag(&tag)
            .ok_or_else(|| ApiError::bad_request("invalid_locale", format!("`{at}locale` must be \"tr\" or \"en\"")))?,
        Some(_) => return Err(ApiError::bad_request("invalid_locale", format!("`{at}locale` must be a string"))),
    };
    Ok(ModerationRequest { text, language, locale, id: fields.id.map(|raw| raw.to_owned()) })
}

/// The comments of a batch body, each as its JSON text.
pub(super) fn batch_items(body: &str) -> Result<Vec<&RawValue>, ApiError> {
    #[derive(Deserialize)]
    struct Batch<'a> {
        #[serde(default, borrow)]
        comments: Option<&'a RawValue>,
    }
    let not_an_object = || ApiError::bad_request("invalid_request", "the body must be a JSON object with a `comments` array");
    let batch: Batch<'_> = serde_json::from_str(body).map_err(|e| shape_or_syntax(e, |_| not_an_object()))?;
    // serde also reads a struct from an array; a batch is an object.
    if !body.trim_start().starts_with('{') {
        return Err(not_an_object());
    }
    let comments = batch.comments.ok_or_else(|| ApiError::bad_request("invalid_request", "the body needs a `comments` array"))?;
    if !comments.get().trim_start().starts_with('[') {
        return Err(ApiError::bad_request("invalid_request", "`comments` must be an array"));
    }
    serde_json::from_str(comments.get()).map_err(malformed)
}

fn name(at: &str) -> String {
    match at.strip_suffix('.') {
        Some(item) => format!("`{item}` "),
        None => "the body ".to_string(),
    }
}

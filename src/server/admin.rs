//! Reloading the policy without downtime: `POST /admin/reload` (with the bearer token from
//! `MODERATE_ADMIN_TOKEN`) and SIGHUP read the rules, lists and models again and swap the new policy
//! in at once. Requests in flight finish on the policy they began with; a policy that fails to
//! load changes nothing, and the answer and the log say why.
//!
//! Also here: the signals that stop the server (SIGINT, SIGTERM), which log what a stop cuts off.

use std::sync::Arc;
use std::time::{Duration, Instant};

use actix_web::http::header::AUTHORIZATION;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;

use super::error::ApiError;
use super::moderate::PolicyInfo;
use super::AppState;
use crate::{Engine, PolicyError};

/// Why a reload changed nothing.
#[derive(Debug, thiserror::Error)]
pub(super) enum ReloadError {
    #[error("{0}")]
    Policy(#[from] PolicyError),
    #[error("the reload was interrupted (the server is stopping)")]
    Interrupted,
}

/// What a reload did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Reloaded {
    /// A new policy is in use; the version it replaced.
    Swapped { previous: String },
    /// The files give the policy already in use.
    Unchanged,
}

impl AppState {
    /// Reads the policy again and swaps it in if it changed. Loading runs off the async workers.
    pub(super) async fn reload(&self) -> Result<Reloaded, ReloadError> {
        let Some(reloading) = &self.reloading else { return Ok(Reloaded::Unchanged) };
        let _one_at_a_time = reloading.lock.lock().await;
        let started = Instant::now();
        let source = reloading.source.clone();
        let current = self.engine.load_full();
        let current_version = current.policy().version().to_string();
        let built = web::block(move || -> Result<Option<Engine>, PolicyError> {
            // Reading and hashing the files takes milliseconds; building the policy (dictionaries,
            // classifier) most of a second, so a reload that changes nothing stops here.
            if source.version()? == current_version {
                return Ok(None);
            }
            Ok(Some(Engine::new(source.load()?)))
        })
        .await
        .map_err(|_| self.failed(ReloadError::Interrupted))?;
        let engine = match built {
            Ok(Some(engine)) => engine,
            Ok(None) => {
                self.metrics.record_reload("unchanged");
                return Ok(Reloaded::Unchanged);
            }
            Err(error) => return Err(self.failed(ReloadError::Policy(error))),
        };
        self.metrics.set_policy(engine.policy());
        let version = engine.policy().version().to_string();
        let previous = current.policy().version().to_string();
        self.engine.store(Arc::new(engine));
        self.metrics.record_reload("reloaded");
        tracing::info!(%previous, %version, millis = started.elapsed().as_millis() as u64, "policy reloaded");
        Ok(Reloaded::Swapped { previous })
    }

    fn failed(&self, error: ReloadError) -> ReloadError {
        self.metrics.record_reload("failed");
        tracing::error!(%error, "the policy was not reloaded; the one in use stays");
        error
    }
}

/// The answer to `POST /admin/reload`.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct ReloadResponse<'a> {
    /// `reloaded` (a new policy is in use) or `unchanged` (the files give the policy in use).
    outcome: &'static str,
    /// The policy now in use.
    policy: PolicyInfo<'a>,
    /// The version replaced, when one was.
    #[serde(skip_serializing_if = "Option::is_none")]
    previous_version: Option<String>,
}

/// Reloads the policy from its files.
#[utoipa::path(
    post,
    path = "/admin/reload",
    security(("admin_token" = [])),
    responses(
        (status = 200, description = "Reloaded, or unchanged; the policy now in use", body = ReloadResponse),
        (status = 401, description = "No bearer token, or the wrong one", body = super::error::ErrorBody),
        (status = 422, description = "The policy did not load; the one in use stays, and the message says why", body = super::error::ErrorBody),
    )
)]
pub(super) async fn reload(state: web::Data<AppState>, request: HttpRequest) -> Result<HttpResponse, ApiError> {
    let expected = state.reloading.as_ref().and_then(|r| r.admin_token.as_deref()).ok_or_else(ApiError::not_found)?;
    let given = request.headers().get(AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer ")).unwrap_or("");
    if !same_secret(given.trim().as_bytes(), expected.as_bytes()) {
        return Err(ApiError::unauthorized());
    }
    let outcome = state.reload().await.map_err(|error| ApiError::policy_invalid(error.to_string()))?;
    let engine = state.engine.load_full();
    let (outcome, previous_version) = match outcome {
        Reloaded::Swapped { previous } => ("reloaded", Some(previous)),
        Reloaded::Unchanged => ("unchanged", None),
    };
    Ok(HttpResponse::Ok().json(ReloadResponse { outcome, policy: PolicyInfo::of(engine.policy()), previous_version }))
}

/// Compares in time that depends only on the length, so the token cannot be guessed byte by byte
/// from how long a refusal takes.
fn same_secret(given: &[u8], expected: &[u8]) -> bool {
    given.len() == expected.len() && given.iter().zip(expected).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

/// SIGHUP reloads; SIGINT and SIGTERM stop the server, letting requests in flight finish within
/// `grace` and logging how many were cut off.
pub(super) async fn signals(state: web::Data<AppState>, server: actix_web::dev::ServerHandle, grace: Duration) {
    use tokio::signal::unix::{signal, SignalKind};
    let (Ok(mut hangup), Ok(mut interrupt), Ok(mut terminate)) =
        (signal(SignalKind::hangup()), signal(SignalKind::interrupt()), signal(SignalKind::terminate()))
    else {
        tracing::error!("signal handlers could not be installed; stop the server with SIGKILL");
        return;
    };
    loop {
        let stop = tokio::select! {
            _ = hangup.recv() => false,
            _ = interrupt.recv() => true,
            _ = terminate.recv() => true,
        };
        if !stop {
            tracing::info!("SIGHUP: reloading the policy");
            // The outcome is logged by `reload`.
            let _ = state.reload().await;
            continue;
        }
        let in_flight = state.metrics.in_flight();
        let cut_before = state.metrics.cut_off();
        tracing::info!(in_flight, grace_seconds = grace.as_secs(), "stopping: finishing the requests in flight");
        server.stop(true).await;
        let cut = state.metrics.cut_off().saturating_sub(cut_before);
        if cut > 0 {
            tracing::warn!(cut_off = cut, "stopped: requests still running after the grace period were cut off");
        } else {
            tracing::info!("stopped: every request in flight was answered");
        }
        return;
    }
}

#[cfg(test)]
mod tests {
    use super::same_secret;

    #[test]
    fn secrets_match_only_whole() {
        assert!(same_secret(b"token", b"token"));
        assert!(!same_secret(b"toke", b"token"));
        assert!(!same_secret(b"tokem", b"token"));
        assert!(!same_secret(b"", b"token"));
    }
}

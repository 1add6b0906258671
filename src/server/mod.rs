//! The HTTP service (see `CONTRACT.md`): an app factory that the server and the tests share, and one
//! file per endpoint.
//!
//! | endpoint               | file          |
//! |------------------------|---------------|
//! | `POST /moderate`       | `moderate.rs` |
//! | `POST /moderate/batch` | `batch.rs`    |
//! | `GET /health`          | `health.rs`   |
//! | `GET /rules`           | `rules.rs`    |
//! | `GET /metrics`         | `metrics.rs`  |

mod batch;
mod body;
mod console;
mod error;
mod health;
mod metrics;
mod moderate;
mod openapi;
mod rules;

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::{web, App, HttpServer};
use futures_util::FutureExt;

pub use error::ApiError;
pub use moderate::{ModerationResponse, PolicyInfo};
pub use rules::RulesResponse;

use crate::Engine;
use metrics::Metrics;

/// How much a client may send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// A request body, in bytes (413 beyond).
    pub max_body_bytes: usize,
    /// One comment's text, in code points (413 beyond).
    pub max_text_chars: usize,
    /// Comments in one batch (413 beyond).
    pub max_batch: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_body_bytes: 1024 * 1024, max_text_chars: 10_000, max_batch: 1_000 }
    }
}

/// What every request handler shares.
pub struct AppState {
    engine: Engine,
    limits: Limits,
    metrics: Metrics,
    console: bool,
}

impl AppState {
    pub fn new(engine: Engine, limits: Limits) -> std::io::Result<Self> {
        let metrics = Metrics::new(engine.policy()).map_err(std::io::Error::other)?;
        Ok(AppState { engine, limits, metrics, console: false })
    }

    /// Also serve the moderators' console (`GET /`, `POST /console/moderate`), which shows the list
    /// entries behind each reason: not for a public address.
    pub fn with_console(self) -> Self {
        AppState { console: true, ..self }
    }
}

/// The application: routes, JSON errors for unknown paths and methods, and request metrics. The
/// server runs it; tests call it through `actix_web::test` to exercise the real thing.
pub fn app(
    state: web::Data<AppState>,
) -> App<
    impl ServiceFactory<ServiceRequest, Config = (), Response = ServiceResponse<impl MessageBody>, Error = actix_web::Error, InitError = ()>,
> {
    let recorder = state.clone();
    let console = state.console;
    App::new()
        .app_data(state)
        .configure(|config| {
            if console {
                config
                    .service(readable("/", console::page))
                    .service(web::resource("/console/moderate").route(web::post().to(console::moderate)).default_service(error::method_not_allowed("POST")));
            }
        })
        .service(web::resource("/moderate").route(web::post().to(moderate::moderate)).default_service(error::method_not_allowed("POST")))
        .service(web::resource("/moderate/batch").route(web::post().to(batch::moderate_batch)).default_service(error::method_not_allowed("POST")))
        .service(readable("/health", health::health))
        .service(readable("/rules", rules::rules))
        .service(readable("/metrics", metrics::metrics))
        .service(readable("/openapi.json", openapi::openapi))
        .default_service(web::to(error::not_found))
        .wrap_fn(move |request, service| {
            let started = Instant::now();
            let endpoint = request.match_pattern().unwrap_or_else(|| "unmatched".to_string());
            let recorder = recorder.clone();
            actix_web::dev::Service::call(service, request).map(move |result| {
                let status = match &result {
                    Ok(response) => response.status().as_u16(),
                    Err(error) => error.as_response_error().status_code().as_u16(),
                };
                recorder.metrics.record_request(&endpoint, status, started.elapsed());
                result
            })
        })
}

/// A resource answering GET and HEAD (load balancers probe with either).
fn readable<F, Args>(path: &str, handler: F) -> actix_web::Resource
where
    F: actix_web::Handler<Args>,
    Args: actix_web::FromRequest + 'static,
    F::Output: actix_web::Responder + 'static,
{
    web::resource(path)
        .route(web::get().to(handler.clone()))
        .route(web::head().to(handler))
        .default_service(error::method_not_allowed("GET, HEAD"))
}

/// Where and how the server listens.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub addr: String,
    /// Worker threads; one per core when `None`.
    pub workers: Option<usize>,
    pub limits: Limits,
    /// Serve the moderators' console too.
    pub console: bool,
}

/// Binds the server (an `addr` with port 0 takes a free port) and returns it with the addresses it
/// listens on; awaiting the server serves until SIGINT or SIGTERM, then finishes the requests in
/// flight. Call it inside an actix system.
pub fn bind(config: &ServerConfig, engine: Engine) -> std::io::Result<(actix_web::dev::Server, Vec<std::net::SocketAddr>)> {
    let state = AppState::new(engine, config.limits)?;
    let state = web::Data::new(if config.console { state.with_console() } else { state });
    let mut server = HttpServer::new(move || app(state.clone())).bind(&config.addr)?;
    if let Some(workers) = config.workers {
        server = server.workers(workers.max(1));
    }
    let addrs = server.addrs();
    Ok((server.run(), addrs))
}

/// Serves until SIGINT or SIGTERM.
pub fn run(config: ServerConfig, engine: Engine) -> std::io::Result<()> {
    actix_web::rt::System::new().block_on(async move {
        let (name, version) = (engine.policy().name().to_string(), engine.policy().version().to_string());
        let (server, addrs) = bind(&config, engine)?;
        tracing::info!(addrs = ?addrs, policy = %name, version = %version, "serving");
        server.await
    })
}

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
//! | `POST /admin/reload`   | `admin.rs`    |
//!
//! Around them: `connection.rs` guards every socket (timeouts, the connection cap, JSON answers
//! for the HTTP layer's own errors) and `judges.rs` judges comments on a bounded pool of threads.

mod admin;
mod batch;
mod body;
mod connection;
mod console;
mod error;
mod health;
mod judges;
mod metrics;
mod moderate;
mod openapi;
mod rules;

use std::sync::Arc;
use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::{web, App, HttpMessage, HttpRequest};
use actix_service::ServiceFactoryExt;
use arc_swap::ArcSwap;

pub use connection::ConnectionLimits;
pub use error::ApiError;
pub use judges::WorkLimits;
pub use moderate::{ModerationResponse, PolicyInfo};
pub use rules::RulesResponse;

use crate::{Engine, PolicySource};
use connection::{Connection, Phase};
use judges::Judges;
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
    /// Spans one reason reports; the rest are counted in `more_spans`.
    pub max_spans: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_body_bytes: 1024 * 1024, max_text_chars: 10_000, max_batch: 1_000, max_spans: 25 }
    }
}

/// Reloading the policy: where it is read from, and the token `POST /admin/reload` needs (the
/// endpoint does not exist without one).
struct Reloading {
    source: PolicySource,
    admin_token: Option<String>,
    /// One reload at a time.
    lock: tokio::sync::Mutex<()>,
}

/// What every request handler shares.
pub struct AppState {
    engine: ArcSwap<Engine>,
    limits: Limits,
    metrics: Arc<Metrics>,
    judges: Judges,
    body_timeout: Duration,
    console: bool,
    reloading: Option<Reloading>,
}

impl AppState {
    /// A state with the default bounds on work.
    pub fn new(engine: Engine, limits: Limits) -> std::io::Result<Self> {
        Self::with_work_limits(engine, limits, WorkLimits::default())
    }

    pub fn with_work_limits(engine: Engine, limits: Limits, work: WorkLimits) -> std::io::Result<Self> {
        let metrics = Arc::new(Metrics::new(engine.policy()).map_err(std::io::Error::other)?);
        let judges = Judges::start(work, metrics.clone())?;
        Ok(AppState {
            engine: ArcSwap::from_pointee(engine),
            limits,
            metrics,
            judges,
            body_timeout: ConnectionLimits::default().body_timeout,
            console: false,
            reloading: None,
        })
    }

    /// Also serve the moderators' console (`GET /`, `POST /console/moderate`), which shows the list
    /// entries behind each reason: not for a public address.
    pub fn with_console(self) -> Self {
        AppState { console: true, ..self }
    }

    /// Reload the policy from `source` on SIGHUP, and on `POST /admin/reload` when a token is given.
    pub fn with_reloading(self, source: PolicySource, admin_token: Option<String>) -> Self {
        let admin_token = admin_token.filter(|token| !token.is_empty());
        AppState { reloading: Some(Reloading { source, admin_token, lock: tokio::sync::Mutex::new(()) }), ..self }
    }

    /// The engine a request is judged with: the one in use when the request began, so a reload
    /// midway changes nothing for it.
    fn engine_for(&self, request: &HttpRequest) -> Arc<Engine> {
        request.extensions().get::<Arc<Engine>>().cloned().unwrap_or_else(|| self.engine.load_full())
    }
}

const POLICY_VERSION: HeaderName = HeaderName::from_static("x-policy-version");

/// A request being handled; counted as cut off if dropped before its answer.
struct InFlight {
    metrics: Arc<Metrics>,
    answered: bool,
}

impl InFlight {
    fn answered(mut self) {
        self.answered = true;
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.metrics.request_ended(self.answered);
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
    let admin = state.reloading.as_ref().is_some_and(|r| r.admin_token.is_some());
    App::new()
        .app_data(state)
        .configure(|config| {
            if console {
                config
                    .service(readable("/", console::page))
                    .service(web::resource("/console/moderate").route(web::post().to(console::moderate)).default_service(error::method_not_allowed("POST")));
            }
            if admin {
                config.service(web::resource("/admin/reload").route(web::post().to(admin::reload)).default_service(error::method_not_allowed("POST")));
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
            let engine = recorder.engine.load_full();
            let version = HeaderValue::from_str(engine.policy().version()).ok();
            request.extensions_mut().insert(engine);
            let connection = request.conn_data::<Arc<Connection>>().cloned();
            if let Some(connection) = &connection {
                connection.set_phase(Phase::Busy);
            }
            recorder.metrics.request_started();
            let in_flight = InFlight { metrics: recorder.metrics.clone(), answered: false };
            let call = actix_web::dev::Service::call(service, request);
            async move {
                // A request pipelined behind answers the client has not read waits for it to read.
                if let Some(connection) = &connection {
                    connection.writable().await;
                }
                let mut result = call.await;
                let status = match &mut result {
                    Ok(response) => {
                        if let Some(version) = version {
                            response.headers_mut().insert(POLICY_VERSION, version);
                        }
                        response.status().as_u16()
                    }
                    Err(error) => error.as_response_error().status_code().as_u16(),
                };
                recorder.metrics.record_request(&endpoint, status, started.elapsed());
                in_flight.answered();
                if let Some(connection) = connection {
                    connection.answered();
                }
                result
            }
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
    /// Async workers that read and answer requests; one per core when `None`.
    pub workers: Option<usize>,
    pub limits: Limits,
    pub connections: ConnectionLimits,
    pub work: WorkLimits,
    /// Serve the moderators' console too.
    pub console: bool,
    /// Where the policy is reloaded from (SIGHUP, `POST /admin/reload`).
    pub source: PolicySource,
    /// The bearer token of `POST /admin/reload`; the endpoint is off without one.
    pub admin_token: Option<String>,
    /// How long requests in flight may take to finish once a stop is asked for.
    pub shutdown_grace: Duration,
}

impl ServerConfig {
    /// A server on `addr` with every other setting at its default.
    pub fn new(addr: impl Into<String>) -> Self {
        ServerConfig {
            addr: addr.into(),
            workers: None,
            limits: Limits::default(),
            connections: ConnectionLimits::default(),
            work: WorkLimits::default(),
            console: false,
            source: PolicySource::default(),
            admin_token: None,
            shutdown_grace: Duration::from_secs(30),
        }
    }
}

/// A bound server: await `server` to serve; `state` is what its requests share.
pub struct BoundServer {
    pub server: actix_web::dev::Server,
    pub addrs: Vec<std::net::SocketAddr>,
    state: web::Data<AppState>,
}

/// Binds the server (an `addr` with port 0 takes a free port). It serves until stopped through its
/// handle; `run` adds the signals. Call it inside an actix system.
pub fn bind(config: &ServerConfig, engine: Engine) -> std::io::Result<BoundServer> {
    let mut state = AppState::with_work_limits(engine, config.limits, config.work)?.with_reloading(config.source.clone(), config.admin_token.clone());
    state.body_timeout = config.connections.body_timeout;
    let state = web::Data::new(if config.console { state.with_console() } else { state });
    let connections = connection::Connections::new(config.connections, state.metrics.clone());
    let listener = std::net::TcpListener::bind(&config.addr)?;
    let addrs = vec![listener.local_addr()?];
    let workers = config.workers.unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get())).max(1);
    let keep_alive = config.connections.keep_alive;
    let factory_state = state.clone();
    let server = actix_server::Server::build()
        .workers(workers)
        // The cap that matters is ours (`max_connections`, which makes room); actix's stays above it.
        .max_concurrent_connections(config.connections.max_connections + 1024)
        .shutdown_timeout(config.shutdown_grace.as_secs())
        .disable_signals()
        .listen("moderate", listener, move || {
            let connections = connections.clone();
            let state = factory_state.clone();
            actix_service::fn_service(move |io: actix_web::rt::net::TcpStream| {
                let admitted = connections.admit(io);
                async move {
                    let stream = admitted.ok_or_else(|| actix_http::error::DispatchError::Io(std::io::ErrorKind::ConnectionRefused.into()))?;
                    let peer = stream.peer_addr();
                    Ok((stream, actix_http::Protocol::Http1, peer))
                }
            })
            .and_then(
                actix_http::HttpService::build()
                    .keep_alive(keep_alive)
                    // Head timeouts are the guarded stream's, on every request, with a JSON answer.
                    .client_request_timeout(Duration::ZERO)
                    .client_disconnect_timeout(Duration::from_secs(1))
                    .on_connect_ext(|io: &connection::GuardedStream, extensions: &mut actix_http::Extensions| {
                        extensions.insert(io.connection().clone());
                    })
                    .finish(actix_service::map_config(app(state.clone()), |_| actix_web::dev::AppConfig::default())),
            )
        })?
        .run();
    Ok(BoundServer { server, addrs, state })
}

/// Serves until SIGINT or SIGTERM, reloading the policy on SIGHUP.
pub fn run(config: ServerConfig, engine: Engine) -> std::io::Result<()> {
    raise_open_files_limit();
    actix_web::rt::System::new().block_on(async move {
        let (name, version) = (engine.policy().name().to_string(), engine.policy().version().to_string());
        let BoundServer { server, addrs, state } = bind(&config, engine)?;
        tracing::info!(addrs = ?addrs, policy = %name, version = %version, "serving");
        let handle = server.handle();
        let grace = config.shutdown_grace;
        let signals = actix_web::rt::spawn(admin::signals(state.clone(), handle, grace));
        let served = server.await;
        // After a signal, the task is logging what the stop cut off; let it finish.
        let stopping = signals.abort_handle();
        if actix_web::rt::time::timeout(Duration::from_secs(1), signals).await.is_err() {
            stopping.abort();
        }
        served
    })
}

/// Entry points for the fuzz targets (`fuzz/`): the request parsing of the service, without the
/// sockets. Not part of the API.
#[doc(hidden)]
pub mod fuzzing {
    /// Parses `body` as `POST /moderate` (or `/moderate/batch`) would; the number of comments, or
    /// the error's status.
    pub fn parse_body(body: &[u8], batch: bool) -> Result<usize, u16> {
        super::body::parse_body(body, batch, &super::Limits::default()).map(|comments| comments.len()).map_err(|e| e.status.as_u16())
    }

    /// What the connection guard hands to the HTTP layer of `stream` arriving in `pieces`.
    pub fn gate_stream(stream: &[u8], pieces: &[usize]) -> Vec<u8> {
        super::connection::gate_stream(stream, pieces)
    }
}

/// Many connections each need a file descriptor; the soft limit is often 1024 where the hard one
/// allows far more.
fn raise_open_files_limit() {
    match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(limit) => tracing::debug!(limit, "open files limit"),
        Err(error) => tracing::warn!(%error, "the open files limit could not be raised"),
    }
}

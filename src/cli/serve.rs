//! `moderate serve`: the HTTP API on the active policy.

use clap::{Args, ValueEnum};

use super::{engine, CliError, PolicyArgs};
use std::time::Duration;

use crate::server::{self, ConnectionLimits, Limits, ServerConfig, WorkLimits};

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LogFormat {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub(super) struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "MODERATE_ADDR", default_value = "127.0.0.1:8080")]
    addr: String,
    /// Worker threads (default: one per core).
    #[arg(long, env = "MODERATE_WORKERS")]
    workers: Option<usize>,
    /// Largest request body, in bytes.
    #[arg(long, env = "MODERATE_MAX_BODY_BYTES", default_value_t = Limits::default().max_body_bytes)]
    max_body_bytes: usize,
    /// Longest comment, in characters.
    #[arg(long, env = "MODERATE_MAX_TEXT_CHARS", default_value_t = Limits::default().max_text_chars)]
    max_text_chars: usize,
    /// Most comments in one batch.
    #[arg(long, env = "MODERATE_MAX_BATCH", default_value_t = Limits::default().max_batch)]
    max_batch: usize,
    /// Spans one reason reports; the rest are counted (`more_spans`).
    #[arg(long, env = "MODERATE_MAX_SPANS", default_value_t = Limits::default().max_spans)]
    max_spans: usize,
    /// Seconds a client may take to send a request head (every request of a connection).
    #[arg(long, env = "MODERATE_HEAD_TIMEOUT", default_value_t = ConnectionLimits::default().head_timeout.as_secs_f64())]
    head_timeout: f64,
    /// Seconds a client may take to send a body.
    #[arg(long, env = "MODERATE_BODY_TIMEOUT", default_value_t = ConnectionLimits::default().body_timeout.as_secs_f64())]
    body_timeout: f64,
    /// Seconds a response may wait on a client that does not read it.
    #[arg(long, env = "MODERATE_WRITE_TIMEOUT", default_value_t = ConnectionLimits::default().write_timeout.as_secs_f64())]
    write_timeout: f64,
    /// Seconds an idle kept-alive connection stays open.
    #[arg(long, env = "MODERATE_KEEP_ALIVE", default_value_t = ConnectionLimits::default().keep_alive.as_secs_f64())]
    keep_alive: f64,
    /// Open connections; past it, the one waiting longest on its client is closed to make room.
    #[arg(long, env = "MODERATE_MAX_CONNECTIONS", default_value_t = ConnectionLimits::default().max_connections)]
    max_connections: usize,
    /// Threads that judge comments (default: one per core).
    #[arg(long, env = "MODERATE_JUDGES")]
    judges: Option<usize>,
    /// Judging jobs that may wait for a thread (503 beyond).
    #[arg(long, env = "MODERATE_MAX_QUEUED", default_value_t = WorkLimits::default().max_queued)]
    max_queued: usize,
    /// Characters of comments being judged at once, all requests together (503 beyond).
    #[arg(long, env = "MODERATE_MAX_CHARS_IN_FLIGHT", default_value_t = WorkLimits::default().max_chars_in_flight)]
    max_chars_in_flight: usize,
    /// Batches being judged at once (503 beyond; default: two per core).
    #[arg(long, env = "MODERATE_MAX_BATCHES")]
    max_batches: Option<usize>,
    /// Seconds requests in flight may take to finish after SIGTERM or SIGINT.
    #[arg(long, env = "MODERATE_SHUTDOWN_GRACE", default_value_t = 30)]
    shutdown_grace: u64,
    /// Bearer token of `POST /admin/reload`; the endpoint does not exist without it.
    #[arg(long, env = "MODERATE_ADMIN_TOKEN", hide_env_values = true)]
    admin_token: Option<String>,
    /// Also serve the moderators' console at `/` (it shows which list entry fired: keep it off a
    /// public address).
    #[arg(long, env = "MODERATE_CONSOLE")]
    console: bool,
    /// Log lines as human-readable text or JSON.
    #[arg(long, value_enum, env = "MODERATE_LOG_FORMAT", default_value = "human")]
    log_format: LogFormat,
    #[command(flatten)]
    policy: PolicyArgs,
}

pub(super) fn run(args: &ServeArgs) -> Result<(), CliError> {
    init_logging(args.log_format);
    let engine = engine(&args.policy)?;
    let seconds = |value: f64, name: &str| {
        Duration::try_from_secs_f64(value).ok().filter(|d| !d.is_zero()).ok_or_else(|| CliError::Input(format!("--{name} must be a positive number of seconds")))
    };
    let defaults = WorkLimits::default();
    let judges = args.judges.unwrap_or(defaults.judges).max(1);
    let config = ServerConfig {
        addr: args.addr.clone(),
        workers: args.workers,
        limits: Limits {
            max_body_bytes: args.max_body_bytes,
            max_text_chars: args.max_text_chars,
            max_batch: args.max_batch,
            max_spans: args.max_spans,
        },
        connections: ConnectionLimits {
            head_timeout: seconds(args.head_timeout, "head-timeout")?,
            body_timeout: seconds(args.body_timeout, "body-timeout")?,
            write_timeout: seconds(args.write_timeout, "write-timeout")?,
            keep_alive: seconds(args.keep_alive, "keep-alive")?,
            max_connections: args.max_connections.max(1),
        },
        work: WorkLimits {
            judges,
            max_queued: args.max_queued.max(1),
            max_chars_in_flight: args.max_chars_in_flight.max(1),
            max_batches: args.max_batches.unwrap_or(2 * judges).max(1),
        },
        console: args.console,
        source: args.policy.source(),
        admin_token: args.admin_token.clone(),
        shutdown_grace: Duration::from_secs(args.shutdown_grace),
    };
    server::run(config, engine)?;
    Ok(())
}

/// Logs go to standard error; `RUST_LOG` filters them (default `info`).
fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // Colour codes only where a person reads a terminal, never in a file or a log collector.
    let colour = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(colour);
    // A second initialisation (in tests) is harmless, so its error is ignored.
    let _ = match format {
        LogFormat::Human => builder.try_init(),
        LogFormat::Json => builder.json().try_init(),
    };
}

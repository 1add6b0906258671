//! `moderate serve`: the HTTP API on the active policy.

use clap::{Args, ValueEnum};

use super::{engine, CliError, PolicyArgs};
use crate::server::{self, Limits, ServerConfig};

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
    let config = ServerConfig {
        addr: args.addr.clone(),
        workers: args.workers,
        limits: Limits { max_body_bytes: args.max_body_bytes, max_text_chars: args.max_text_chars, max_batch: args.max_batch },
        console: args.console,
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

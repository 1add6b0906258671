//! `moderate rules`: the active policy's rules.

use std::io::Write;

use clap::Args;

use super::{engine, CliError, PolicyArgs};
use crate::server::RulesResponse;

#[derive(Debug, Args)]
pub(super) struct RulesArgs {
    /// Print the same JSON as GET /rules.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    policy: PolicyArgs,
}

pub(super) fn run(args: &RulesArgs) -> Result<(), CliError> {
    let engine = engine(&args.policy)?;
    let policy = engine.policy();
    let mut out = std::io::stdout().lock();
    if args.json {
        let json = serde_json::to_string_pretty(&RulesResponse::new(policy)).map_err(|e| CliError::Input(e.to_string()))?;
        writeln!(out, "{json}")?;
        return Ok(());
    }
    writeln!(out, "policy {} {}", policy.name(), policy.version())?;
    for rule in policy.rules() {
        writeln!(out, "{:<20} {:<7} {}", rule.id(), rule.action().as_str(), rule.description())?;
    }
    Ok(())
}

//! The command line: `moderate check`, `eval`, `rules`, `serve`.
//!
//! Exit status: `check` 0 approve, 1 reject, 2 error, 3 review; every other command 0 on success,
//! 2 on error.

mod bulk;
mod check;
mod eval;
mod fix;
mod rules;
mod serve;
mod train;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::{Engine, Language, Locale, Policy, PolicyError, PolicySource};

#[derive(Debug, Parser)]
#[command(name = "moderate", version, about = "Comment moderation for a Turkish news site: check comments, evaluate the policy, serve it over HTTP.")]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Judge one comment (TEXT, or standard input) and show the reasons with their spans marked.
    Check(check::CheckArgs),
    /// Print the comment (TEXT, or standard input) with every fix applied: Turkish letters restored,
    /// sentence case. Nothing else is printed.
    Fix(fix::FixArgs),
    /// Measure the policy on labeled comments: confusion matrix, precision, recall, F1, macro-F1.
    Eval(eval::EvalArgs),
    /// List the rules of the active policy.
    Rules(rules::RulesArgs),
    /// Train the learned offense check on labeled comments, with optional cross-validation.
    Train(train::TrainArgs),
    /// Serve the HTTP API (POST /moderate, POST /moderate/batch, GET /health, /rules, /metrics).
    Serve(serve::ServeArgs),
}

/// Where the policy comes from; the embedded default unless a directory is given.
#[derive(Debug, Clone, Args)]
struct PolicyArgs {
    /// Directory of rule files (*.toml) replacing the default rules.
    #[arg(long = "rules", value_name = "DIR", env = "MODERATE_RULES")]
    rules: Option<PathBuf>,
    /// Directory of word lists (<lang>/<name>.txt) replacing the default lists.
    #[arg(long, value_name = "DIR", env = "MODERATE_WORDLISTS")]
    wordlists: Option<PathBuf>,
    /// Directory of models (<name>/words.txt, patterns.txt) replacing the default models.
    #[arg(long, value_name = "DIR", env = "MODERATE_MODELS")]
    models: Option<PathBuf>,
}

impl PolicyArgs {
    fn source(&self) -> PolicySource {
        PolicySource { rules: self.rules.clone(), wordlists: self.wordlists.clone(), models: self.models.clone() }
    }

    fn load(&self) -> Result<Policy, PolicyError> {
        self.source().load()
    }
}

fn load_policy(rules: Option<&Path>, wordlists: Option<&Path>, models: Option<&Path>) -> Result<Policy, PolicyError> {
    PolicySource { rules: rules.map(Path::to_path_buf), wordlists: wordlists.map(Path::to_path_buf), models: models.map(Path::to_path_buf) }.load()
}

fn parse_language(tag: &str) -> Result<Language, String> {
    Language::from_tag(tag).ok_or_else(|| format!("unknown language `{tag}` (use tr or en)"))
}

fn parse_locale(tag: &str) -> Result<Locale, String> {
    Locale::from_tag(tag).ok_or_else(|| format!("unknown locale `{tag}` (use tr or en)"))
}

/// An error of the CLI: printed on standard error, exit status 2.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Policy(#[from] PolicyError),
    #[error("{0}")]
    Input(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Runs the command line and returns the process's exit status.
pub fn run(cli: Cli) -> ExitCode {
    let outcome = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Fix(args) => fix::run(&args).map(|()| ExitCode::SUCCESS),
        Command::Eval(args) => eval::run(&args).map(|()| ExitCode::SUCCESS),
        Command::Rules(args) => rules::run(&args).map(|()| ExitCode::SUCCESS),
        Command::Serve(args) => serve::run(&args).map(|()| ExitCode::SUCCESS),
        Command::Train(args) => train::run(&args).map(|()| ExitCode::SUCCESS),
    };
    outcome.unwrap_or_else(|error| match error {
        // The reader went away (`moderate check --file … | head`): nothing more to say.
        CliError::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        error => {
            eprintln!("moderate: {error}");
            ExitCode::from(2)
        }
    })
}

fn engine(policy: &PolicyArgs) -> Result<Engine, CliError> {
    Ok(Engine::new(policy.load()?))
}

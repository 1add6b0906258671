//! `moderate fix [TEXT]`: the comment with every fix applied (Turkish letters restored, sentence
//! case), and nothing else, for editors and scripts. A comment with nothing to fix comes back as it is.

use clap::Args;

use super::check::read_comment;
use super::{engine, parse_language, CliError, PolicyArgs};
use crate::{Comment, Language, Locale};

#[derive(Debug, Args)]
pub(super) struct FixArgs {
    /// The comment; read from standard input when absent.
    text: Option<String>,
    /// The comment's language (tr or en); detected when absent.
    #[arg(long, value_parser = parse_language)]
    language: Option<Language>,
    #[command(flatten)]
    policy: PolicyArgs,
}

pub(super) fn run(args: &FixArgs) -> Result<(), CliError> {
    let engine = engine(&args.policy)?;
    let text = read_comment(args.text.as_deref())?;
    let verdict = engine.moderate(&Comment { text: &text, language: args.language, locale: Locale::Tr });
    println!("{}", verdict.suggestion.as_deref().unwrap_or(&text));
    Ok(())
}

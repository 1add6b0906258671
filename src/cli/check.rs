//! `moderate check [TEXT]`: one comment, its decision and reasons, spans marked.

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use clap::Args;

use super::{engine, parse_language, parse_locale, CliError, PolicyArgs};
use crate::server::ModerationResponse;
use crate::{Comment, Decision, Language, Locale, Span, Verdict};

#[derive(Debug, Args)]
pub(super) struct CheckArgs {
    /// The comment; read from standard input when absent.
    #[arg(conflicts_with_all = ["file", "lines"])]
    text: Option<String>,
    /// Judge every comment of FILE (one a line, or JSONL with `text`, `id`, `language`) and print one
    /// JSON result a line, in order, using every core.
    #[arg(long, value_name = "FILE")]
    file: Option<std::path::PathBuf>,
    /// Like --file, reading the comments from standard input.
    #[arg(long, conflicts_with = "file")]
    lines: bool,
    /// Print the HTTP response body (JSON) instead.
    #[arg(long)]
    json: bool,
    /// The comment's language (tr or en); detected when absent.
    #[arg(long, value_parser = parse_language)]
    language: Option<Language>,
    /// Language of the messages (tr or en).
    #[arg(long, value_parser = parse_locale, default_value = "tr")]
    locale: Locale,
    #[command(flatten)]
    policy: PolicyArgs,
}

pub(super) fn run(args: &CheckArgs) -> Result<ExitCode, CliError> {
    let engine = engine(&args.policy)?;
    if args.file.is_some() || args.lines {
        return super::bulk::run(&engine, args.file.as_deref(), args.language, args.locale);
    }
    let text = read_comment(args.text.as_deref())?;
    let verdict = engine.moderate(&Comment { text: &text, language: args.language, locale: args.locale });
    let mut out = std::io::stdout().lock();
    if args.json {
        let body = ModerationResponse::new(None, &verdict, engine.policy());
        let json = serde_json::to_string_pretty(&body).map_err(|e| CliError::Input(e.to_string()))?;
        writeln!(out, "{json}")?;
    } else {
        write_human(&mut out, &text, &verdict, std::io::stdout().is_terminal())?;
    }
    Ok(match verdict.decision {
        Decision::Approve => ExitCode::SUCCESS,
        Decision::Reject => ExitCode::from(1),
        Decision::Review => ExitCode::from(3),
    })
}

/// The comment given on the command line, or else standard input; never blank.
pub(super) fn read_comment(given: Option<&str>) -> Result<String, CliError> {
    let text = match given {
        Some(text) => text.to_string(),
        None => read_stdin()?,
    };
    if text.trim().is_empty() {
        return Err(CliError::Input("the comment is empty".into()));
    }
    Ok(text)
}

fn read_stdin() -> Result<String, CliError> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes)?;
    let mut text = String::from_utf8(bytes).map_err(|_| CliError::Input("standard input is not UTF-8 text".into()))?;
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    Ok(text)
}

fn write_human(out: &mut impl Write, text: &str, verdict: &Verdict, colour: bool) -> std::io::Result<()> {
    writeln!(out, "{} ({})", verdict.decision.as_str(), verdict.language.code())?;
    for reason in &verdict.reasons {
        match reason.score {
            Some(score) => writeln!(out, "  {} (score {score:.2}): {}", reason.rule, reason.message)?,
            None => writeln!(out, "  {}: {}", reason.rule, reason.message)?,
        }
        writeln!(out, "    {}", marked(text, &reason.spans, colour))?;
        if let Some(suggestion) = &reason.suggestion {
            writeln!(out, "    suggestion: {suggestion}")?;
        }
        for entry in &reason.evidence {
            writeln!(out, "    matched: {entry}")?;
        }
    }
    if let Some(fixed) = &verdict.suggestion {
        writeln!(out, "  fixed: {fixed}")?;
    }
    Ok(())
}

/// The comment with each span marked: red and underlined on a terminal, `⟦…⟧` otherwise.
fn marked(text: &str, spans: &[Span], colour: bool) -> String {
    let (open, close) = if colour { ("\x1b[1;4;31m", "\x1b[0m") } else { ("⟦", "⟧") };
    let mut out = String::with_capacity(text.len() + spans.len() * 8);
    let mut spans = spans.iter().peekable();
    for (index, c) in text.chars().enumerate() {
        if spans.peek().is_some_and(|s| s.start == index && s.end > s.start) {
            out.push_str(open);
        }
        // Newlines would break the one-line display.
        out.push(if c == '\n' { ' ' } else { c });
        if spans.peek().is_some_and(|s| s.end == index + 1) {
            out.push_str(close);
            spans.next();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_marked_by_code_point() {
        let spans = [Span { start: 2, end: 5, text: "göt".into() }];
        assert_eq!(marked("😡 göt herif", &spans, false), "😡 ⟦göt⟧ herif");
    }
}

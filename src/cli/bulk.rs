//! `moderate check --file FILE` (or `--lines`, reading standard input): many comments at once, the
//! way a site re-checks its archive after a policy change.
//!
//! Input is one comment a line, or JSONL with `text` and optional `id` and `language` (read as JSONL
//! when the first line starts with `{`). Blank lines are skipped. Output is one JSON object a line,
//! in input order: the HTTP response body plus `line`, the input line it answers; a line that cannot
//! be judged (bad JSON, no text) gets `{"line": N, "error": {"code", "message"}}` and the rest go on.
//! Comments are judged on every core, a block at a time; a summary (counts by decision and by rule)
//! goes to standard error, with a progress counter when that is a terminal. Exit status 0, or 2
//! when a line could not be judged.

use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::CliError;
use crate::server::ModerationResponse;
use crate::{Comment, Decision, Engine, Language, Locale};

/// Comments judged together before their results are written: enough to keep every core busy,
/// few enough to hold a block in memory whatever the file's size.
const BLOCK: usize = 4096;

#[derive(Deserialize)]
struct JsonLine<'a> {
    text: Option<String>,
    #[serde(borrow)]
    id: Option<&'a RawValue>,
    language: Option<String>,
}

#[derive(Serialize)]
struct Judged<'a> {
    line: usize,
    #[serde(flatten)]
    response: ModerationResponse<'a>,
}

#[derive(Serialize)]
struct Failed<'a> {
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a RawValue>,
    error: LineError,
}

#[derive(Serialize)]
struct LineError {
    code: &'static str,
    message: String,
}

#[derive(Default)]
struct Summary {
    comments: usize,
    failed: usize,
    decisions: BTreeMap<&'static str, usize>,
    rules: BTreeMap<String, usize>,
}

/// Judges every comment of `path` (standard input when `None`) and writes the results to standard output.
pub(super) fn run(engine: &Engine, path: Option<&Path>, language: Option<Language>, locale: Locale) -> Result<ExitCode, CliError> {
    let reader: Box<dyn BufRead> = match path {
        Some(path) => {
            let file = std::fs::File::open(path).map_err(|e| CliError::Input(format!("cannot read {}: {e}", path.display())))?;
            Box::new(std::io::BufReader::new(file))
        }
        None => Box::new(std::io::stdin().lock()),
    };
    let shown = path.map_or_else(|| "standard input".to_string(), |p| p.display().to_string());
    let progress = ProgressBar::new_spinner();
    if !std::io::stderr().is_terminal() {
        progress.set_draw_target(ProgressDrawTarget::hidden());
    }
    progress.set_style(ProgressStyle::with_template("{spinner} {pos} comments ({per_sec})").unwrap_or_else(|_| ProgressStyle::default_spinner()));
    let started = Instant::now();
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut summary = Summary::default();
    let mut jsonl: Option<bool> = None;
    let mut block: Vec<(usize, String)> = Vec::with_capacity(BLOCK);
    let mut lines = reader.lines().enumerate();
    loop {
        block.clear();
        for (index, line) in lines.by_ref() {
            let line = line.map_err(|e| CliError::Input(format!("{shown}:{}: {e} (the input must be UTF-8 text)", index + 1)))?;
            if line.trim().is_empty() {
                continue;
            }
            jsonl.get_or_insert_with(|| line.trim_start().starts_with('{'));
            block.push((index + 1, line));
            if block.len() == BLOCK {
                break;
            }
        }
        if block.is_empty() {
            break;
        }
        let is_jsonl = jsonl.unwrap_or(false);
        let results = judge_block(engine, &block, is_jsonl, language, locale, workers);
        for (text, outcome) in results {
            match outcome {
                Outcome::Judged { decision, rules } => {
                    summary.comments += 1;
                    *summary.decisions.entry(decision.as_str()).or_default() += 1;
                    for rule in rules {
                        *summary.rules.entry(rule).or_default() += 1;
                    }
                }
                Outcome::Failed => summary.failed += 1,
            }
            writeln!(out, "{text}")?;
        }
        progress.inc(block.len() as u64);
    }
    out.flush()?;
    progress.finish_and_clear();
    if jsonl.is_none() {
        return Err(CliError::Input(format!("{shown}: no comments")));
    }
    report(&summary, started.elapsed().as_secs_f64(), workers)?;
    Ok(if summary.failed > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

enum Outcome {
    Judged { decision: Decision, rules: Vec<String> },
    Failed,
}

/// Judges a block on `workers` threads, each a contiguous part, and returns the results in order.
fn judge_block(engine: &Engine, block: &[(usize, String)], jsonl: bool, language: Option<Language>, locale: Locale, workers: usize) -> Vec<(String, Outcome)> {
    let part = block.len().div_ceil(workers.max(1)).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = block
            .chunks(part)
            .map(|chunk| scope.spawn(move || chunk.iter().map(|(line, text)| judge_line(engine, *line, text, jsonl, language, locale)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| {
                handle.join().unwrap_or_else(|_| {
                    let error = LineError { code: "internal", message: "judging failed unexpectedly; this is a bug".into() };
                    let text = serde_json::to_string(&Failed { line: 0, id: None, error }).unwrap_or_default();
                    vec![(text, Outcome::Failed)]
                })
            })
            .collect()
    })
}

fn judge_line(engine: &Engine, line: usize, raw: &str, jsonl: bool, language: Option<Language>, locale: Locale) -> (String, Outcome) {
    let fail = |id: Option<&RawValue>, code: &'static str, message: String| {
        let text = serde_json::to_string(&Failed { line, id, error: LineError { code, message } }).unwrap_or_default();
        (text, Outcome::Failed)
    };
    let (text, id, language) = if jsonl {
        let parsed: JsonLine<'_> = match serde_json::from_str(raw) {
            Ok(parsed) => parsed,
            Err(e) => return fail(None, "malformed_json", format!("not a JSON object with `text`: {e}")),
        };
        let Some(text) = parsed.text.filter(|t| !t.trim().is_empty()) else {
            return fail(parsed.id, "missing_text", "no non-empty string `text`".into());
        };
        let language = match parsed.language.as_deref() {
            None => language,
            Some(tag) => match Language::from_tag(tag) {
                Some(language) => Some(language),
                None => return fail(parsed.id, "bad_language", format!("unknown language `{tag}` (use tr or en)")),
            },
        };
        (text, parsed.id, language)
    } else {
        (raw.to_string(), None, language)
    };
    let verdict = engine.moderate(&Comment { text: &text, language, locale });
    let rules = verdict.reasons.iter().map(|r| r.rule.clone()).collect();
    let judged = Judged { line, response: ModerationResponse::new(id, &verdict, engine.policy()) };
    match serde_json::to_string(&judged) {
        Ok(json) => (json, Outcome::Judged { decision: verdict.decision, rules }),
        Err(e) => fail(id, "internal", format!("the result could not be written: {e}")),
    }
}

fn report(summary: &Summary, seconds: f64, workers: usize) -> std::io::Result<()> {
    let mut err = std::io::stderr().lock();
    let rate = if seconds > 0.0 { summary.comments as f64 / seconds } else { 0.0 };
    writeln!(err, "{} comments judged in {seconds:.1} s ({rate:.0}/s on {workers} threads)", summary.comments)?;
    let decisions: Vec<String> = ["approve", "review", "reject"].iter().map(|d| format!("{d} {}", summary.decisions.get(d).copied().unwrap_or(0))).collect();
    writeln!(err, "decisions: {}", decisions.join(", "))?;
    let rules: Vec<String> = summary.rules.iter().map(|(rule, n)| format!("{rule} {n}")).collect();
    writeln!(err, "reasons by rule: {}", if rules.is_empty() { "none".to_string() } else { rules.join(", ") })?;
    if summary.failed > 0 {
        writeln!(err, "{} lines could not be judged (see their `error`)", summary.failed)?;
    }
    Ok(())
}

//! `moderate eval FILE`: how well the policy agrees with labeled comments.
//!
//! Input is TSV whose last column is the label and the one before it the text (`text<TAB>label`, or
//! OffensEval's `id<TAB>text<TAB>label`), or JSONL with `text` and `label`. Labels: `reject`/`approve`,
//! `OFF`/`NOT`, `1`/`0`. A comment counts as rejected when the decision is not `approve`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

use super::{load_policy, parse_language, CliError};
use crate::{Comment, Decision, Engine, Language, Locale};

#[derive(Debug, Args)]
pub(super) struct EvalArgs {
    /// Labeled comments (TSV or JSONL).
    file: PathBuf,
    /// Count only these rules (comma-separated ids). A directory here is read as the rules directory.
    #[arg(long, value_name = "IDS|DIR")]
    rules: Option<String>,
    /// Directory of rule files replacing the default rules.
    #[arg(long, value_name = "DIR", env = "MODERATE_RULES")]
    policy: Option<PathBuf>,
    /// Directory of word lists replacing the default lists.
    #[arg(long, value_name = "DIR", env = "MODERATE_WORDLISTS")]
    wordlists: Option<PathBuf>,
    /// Directory of models replacing the default models.
    #[arg(long, value_name = "DIR", env = "MODERATE_MODELS")]
    models: Option<PathBuf>,
    /// Judge every comment as this language (tr or en) instead of detecting it.
    #[arg(long, value_parser = parse_language)]
    language: Option<Language>,
    /// Print the figures as JSON.
    #[arg(long)]
    json: bool,
    /// Also list up to N wrongly rejected and N wrongly approved comments.
    #[arg(long, value_name = "N", default_value_t = 0)]
    errors: usize,
}

pub(super) struct Labeled {
    pub line: usize,
    pub text: String,
    pub reject: bool,
}

/// A confusion matrix with "reject" as the positive class.
#[derive(Debug, Default, Clone, Copy, Serialize)]
struct Confusion {
    true_reject: usize,
    false_reject: usize,
    false_approve: usize,
    true_approve: usize,
}

#[derive(Debug, Serialize)]
struct Scores {
    #[serde(flatten)]
    confusion: Confusion,
    precision: f64,
    recall: f64,
    f1: f64,
    macro_f1: f64,
    accuracy: f64,
}

#[derive(Debug, Serialize)]
struct RuleScores {
    rule: String,
    fired: usize,
    #[serde(flatten)]
    scores: Scores,
}

#[derive(Debug, Serialize)]
struct Report {
    file: String,
    comments: usize,
    labeled_reject: usize,
    rules: Vec<String>,
    overall: Scores,
    per_rule: Vec<RuleScores>,
}

fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        0.0
    } else {
        numerator as f64 / denominator as f64
    }
}

fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

impl Confusion {
    fn add(&mut self, labeled_reject: bool, predicted_reject: bool) {
        match (labeled_reject, predicted_reject) {
            (true, true) => self.true_reject += 1,
            (false, true) => self.false_reject += 1,
            (true, false) => self.false_approve += 1,
            (false, false) => self.true_approve += 1,
        }
    }

    fn scores(self) -> Scores {
        let precision = ratio(self.true_reject, self.true_reject + self.false_reject);
        let recall = ratio(self.true_reject, self.true_reject + self.false_approve);
        let approve_precision = ratio(self.true_approve, self.true_approve + self.false_approve);
        let approve_recall = ratio(self.true_approve, self.true_approve + self.false_reject);
        let total = self.true_reject + self.false_reject + self.false_approve + self.true_approve;
        Scores {
            confusion: self,
            precision,
            recall,
            f1: f1(precision, recall),
            macro_f1: (f1(precision, recall) + f1(approve_precision, approve_recall)) / 2.0,
            accuracy: ratio(self.true_reject + self.true_approve, total),
        }
    }
}

pub(super) fn run(args: &EvalArgs) -> Result<(), CliError> {
    // `--rules` takes rule ids, as the contract says; a directory of rule files there is read as the
    // rules directory.
    let holds_rules = |dir: &Path| {
        std::fs::read_dir(dir).is_ok_and(|entries| entries.flatten().any(|e| e.path().extension().is_some_and(|x| x == "toml")))
    };
    let (rules_dir, only) = match &args.rules {
        Some(value) if holds_rules(Path::new(value)) => (Some(PathBuf::from(value)), None),
        Some(value) => (args.policy.clone(), Some(value.clone())),
        None => (args.policy.clone(), None),
    };
    let mut policy = load_policy(rules_dir.as_deref(), args.wordlists.as_deref(), args.models.as_deref())?;
    if let Some(ids) = &only {
        let ids: Vec<&str> = ids.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
        policy = policy.only(&ids)?;
    }
    let engine = Engine::new(policy);
    let comments = read_labeled(&args.file)?;

    let progress = ProgressBar::new(comments.len() as u64);
    if !std::io::stderr().is_terminal() || comments.len() < 2_000 {
        progress.set_draw_target(ProgressDrawTarget::hidden());
    }
    progress.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} comments ({per_sec}, {eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );

    let rule_ids: Vec<String> = engine.policy().rules().map(|r| r.id().to_string()).collect();
    let mut overall = Confusion::default();
    let mut per_rule = vec![Confusion::default(); rule_ids.len()];
    let mut fired = vec![0usize; rule_ids.len()];
    let mut false_rejects = Vec::new();
    let mut false_approves = Vec::new();
    for comment in &comments {
        let verdict = engine.moderate(&Comment { text: &comment.text, language: args.language, locale: Locale::En });
        let predicted = verdict.decision != Decision::Approve;
        overall.add(comment.reject, predicted);
        for (index, id) in rule_ids.iter().enumerate() {
            let hit = verdict.reasons.iter().any(|r| &r.rule == id);
            fired[index] += usize::from(hit);
            per_rule[index].add(comment.reject, hit);
        }
        let rules = || verdict.reasons.iter().map(|r| r.rule.as_str()).collect::<Vec<_>>().join(",");
        if predicted && !comment.reject && false_rejects.len() < args.errors {
            false_rejects.push(format!("{}\t{}\t{}", comment.line, rules(), comment.text));
        } else if !predicted && comment.reject && false_approves.len() < args.errors {
            false_approves.push(format!("{}\t{}", comment.line, comment.text));
        }
        progress.inc(1);
    }
    progress.finish_and_clear();

    let report = Report {
        file: args.file.display().to_string(),
        comments: comments.len(),
        labeled_reject: comments.iter().filter(|c| c.reject).count(),
        rules: rule_ids.clone(),
        overall: overall.scores(),
        per_rule: rule_ids
            .iter()
            .zip(per_rule)
            .zip(fired)
            .map(|((rule, confusion), fired)| RuleScores { rule: rule.clone(), fired, scores: confusion.scores() })
            .collect(),
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        let json = serde_json::to_string_pretty(&report).map_err(|e| CliError::Input(e.to_string()))?;
        writeln!(out, "{json}")?;
    } else {
        write_report(&mut out, &report)?;
    }
    if args.errors > 0 {
        writeln!(out, "\nwrongly rejected (line, rules, text):")?;
        for line in &false_rejects {
            writeln!(out, "  {line}")?;
        }
        writeln!(out, "\nwrongly approved (line, text):")?;
        for line in &false_approves {
            writeln!(out, "  {line}")?;
        }
    }
    Ok(())
}

fn write_report(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    let o = &report.overall;
    let c = &o.confusion;
    writeln!(out, "{}: {} comments, {} labeled reject", report.file, report.comments, report.labeled_reject)?;
    writeln!(out, "rules: {}", report.rules.join(", "))?;
    writeln!(out)?;
    writeln!(out, "                   predicted reject  predicted approve")?;
    writeln!(out, "labeled reject     {:>16}  {:>17}", c.true_reject, c.false_approve)?;
    writeln!(out, "labeled approve    {:>16}  {:>17}", c.false_reject, c.true_approve)?;
    writeln!(out)?;
    writeln!(out, "{:<16} {:>7} {:>9} {:>7} {:>7} {:>9} {:>9}", "", "fired", "precision", "recall", "F1", "macro-F1", "accuracy")?;
    let fired = c.true_reject + c.false_reject;
    writeln!(out, "{:<16} {:>7} {:>9.3} {:>7.3} {:>7.3} {:>9.3} {:>9.3}", "overall", fired, o.precision, o.recall, o.f1, o.macro_f1, o.accuracy)?;
    for rule in &report.per_rule {
        let s = &rule.scores;
        writeln!(out, "{:<16} {:>7} {:>9.3} {:>7.3} {:>7.3} {:>9.3} {:>9.3}", rule.rule, rule.fired, s.precision, s.recall, s.f1, s.macro_f1, s.accuracy)?;
    }
    Ok(())
}

fn parse_label(label: &str) -> Option<bool> {
    match label.trim().to_ascii_lowercase().as_str() {
        "reject" | "off" | "1" => Some(true),
        "approve" | "not" | "0" => Some(false),
        _ => None,
    }
}

pub(super) fn read_labeled(path: &Path) -> Result<Vec<Labeled>, CliError> {
    let bytes = std::fs::read(path).map_err(|e| CliError::Input(format!("cannot read {}: {e}", path.display())))?;
    let content = String::from_utf8(bytes).map_err(|_| CliError::Input(format!("{}: not UTF-8 text", path.display())))?;
    let jsonl = path.extension().is_some_and(|e| e == "jsonl" || e == "json")
        || content.lines().find(|l| !l.trim().is_empty()).is_some_and(|l| l.trim_start().starts_with('{'));
    let mut comments = Vec::new();
    for (index, line) in content.lines().enumerate() {
        let number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |why: &str| CliError::Input(format!("{}:{number}: {why}", path.display()));
        let (text, label) = if jsonl {
            let value: serde_json::Value = serde_json::from_str(line).map_err(|e| bad(&format!("not JSON: {e}")))?;
            let text = value.get("text").and_then(|v| v.as_str()).ok_or_else(|| bad("no string `text`"))?;
            let label = match value.get("label") {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Number(n)) => n.to_string(),
                Some(serde_json::Value::Bool(b)) => if *b { "1" } else { "0" }.to_string(),
                _ => return Err(bad("no `label`")),
            };
            (text.to_string(), label)
        } else {
            let columns: Vec<&str> = line.split('\t').collect();
            if columns.len() < 2 {
                return Err(bad("expected `text<TAB>label` (or `id<TAB>text<TAB>label`)"));
            }
            (columns[columns.len() - 2].to_string(), columns[columns.len() - 1].to_string())
        };
        match parse_label(&label) {
            Some(reject) => comments.push(Labeled { line: number, text, reject }),
            // A header row names its columns.
            None if comments.is_empty() && label.trim().eq_ignore_ascii_case("label") => {}
            None => return Err(bad(&format!("unknown label `{label}` (use reject/approve, OFF/NOT or 1/0)"))),
        }
    }
    Ok(comments)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_follow_their_definitions() {
        let confusion = Confusion { true_reject: 6, false_reject: 2, false_approve: 4, true_approve: 8 };
        let scores = confusion.scores();
        assert!((scores.precision - 0.75).abs() < 1e-9);
        assert!((scores.recall - 0.6).abs() < 1e-9);
        let approve_f1 = f1(8.0 / 12.0, 0.8);
        assert!((scores.macro_f1 - (f1(0.75, 0.6) + approve_f1) / 2.0).abs() < 1e-9);
        assert!((scores.accuracy - 0.7).abs() < 1e-9);
    }

    #[test]
    fn labels_in_every_contract_spelling() {
        for (label, reject) in [("reject", true), ("OFF", true), ("1", true), ("approve", false), ("NOT", false), ("0", false)] {
            assert_eq!(parse_label(label), Some(reject), "{label}");
        }
        assert_eq!(parse_label("maybe"), None);
    }
}

//! `moderate eval FILE`: how well the policy agrees with labeled comments.
//!
//! Input is TSV whose last column is the label and the one before it the text (`text<TAB>label`, or
//! OffensEval's `id<TAB>text<TAB>label`), or JSONL with `text` and `label`. Labels: `reject`/`approve`,
//! `OFF`/`NOT`, `1`/`0`, and `review`. Precision, recall and F1 treat `review` as flagged (a comment
//! counts as flagged when its label or decision is not `approve`); when `review` is among the labels
//! or the decisions, a 3×3 matrix shows it as its own class. A figure with nothing to count (no
//! flagged comments predicted, none labeled) is undefined: `–` in the table, `null` in JSON.

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
    pub label: Decision,
}

impl Labeled {
    /// Labeled anything but approve.
    pub(super) fn flagged(&self) -> bool {
        self.label != Decision::Approve
    }
}

/// The three decisions, in the order the matrix shows them.
const CLASSES: [Decision; 3] = [Decision::Reject, Decision::Review, Decision::Approve];

fn class_index(decision: Decision) -> usize {
    CLASSES.iter().position(|c| *c == decision).unwrap_or(2)
}

/// Labels against decisions, three by three: `counts[label][decision]`, in the order of [`CLASSES`].
#[derive(Debug, Default, Clone, Copy, Serialize)]
struct Matrix {
    labels: [&'static str; 3],
    counts: [[usize; 3]; 3],
}

/// A confusion matrix with "reject" as the positive class.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub(super) struct Confusion {
    pub true_reject: usize,
    pub false_reject: usize,
    pub false_approve: usize,
    pub true_approve: usize,
}

/// Each figure is `None` where it has nothing to count.
#[derive(Debug, Serialize)]
pub(super) struct Scores {
    #[serde(flatten)]
    confusion: Confusion,
    precision: Option<f64>,
    recall: Option<f64>,
    f1: Option<f64>,
    pub macro_f1: Option<f64>,
    accuracy: Option<f64>,
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
    /// Present when `review` is among the labels or the decisions.
    #[serde(skip_serializing_if = "Option::is_none")]
    matrix: Option<Matrix>,
    per_rule: Vec<RuleScores>,
}

fn ratio(numerator: usize, denominator: usize) -> Option<f64> {
    (denominator > 0).then(|| numerator as f64 / denominator as f64)
}

/// F1 of one class: 2·TP / (2·TP + FP + FN), undefined when the class is neither labeled nor predicted.
fn f1(true_positive: usize, false_positive: usize, false_negative: usize) -> Option<f64> {
    ratio(2 * true_positive, 2 * true_positive + false_positive + false_negative)
}

/// The mean of the classes' F1 that are defined.
fn macro_f1(per_class: &[Option<f64>]) -> Option<f64> {
    let defined: Vec<f64> = per_class.iter().flatten().copied().collect();
    (!defined.is_empty()).then(|| defined.iter().sum::<f64>() / defined.len() as f64)
}

impl Confusion {
    pub(super) fn add(&mut self, labeled_reject: bool, predicted_reject: bool) {
        match (labeled_reject, predicted_reject) {
            (true, true) => self.true_reject += 1,
            (false, true) => self.false_reject += 1,
            (true, false) => self.false_approve += 1,
            (false, false) => self.true_approve += 1,
        }
    }

    pub(super) fn scores(self) -> Scores {
        let reject_f1 = f1(self.true_reject, self.false_reject, self.false_approve);
        let approve_f1 = f1(self.true_approve, self.false_approve, self.false_reject);
        let total = self.true_reject + self.false_reject + self.false_approve + self.true_approve;
        Scores {
            confusion: self,
            precision: ratio(self.true_reject, self.true_reject + self.false_reject),
            recall: ratio(self.true_reject, self.true_reject + self.false_approve),
            f1: reject_f1,
            macro_f1: macro_f1(&[reject_f1, approve_f1]),
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
    let mut matrix = Matrix { labels: ["reject", "review", "approve"], counts: [[0; 3]; 3] };
    for comment in &comments {
        let verdict = engine.moderate(&Comment { text: &comment.text, language: args.language, locale: Locale::En });
        let predicted = verdict.decision != Decision::Approve;
        matrix.counts[class_index(comment.label)][class_index(verdict.decision)] += 1;
        overall.add(comment.flagged(), predicted);
        for (index, id) in rule_ids.iter().enumerate() {
            let hit = verdict.reasons.iter().any(|r| &r.rule == id);
            fired[index] += usize::from(hit);
            per_rule[index].add(comment.flagged(), hit);
        }
        let rules = || verdict.reasons.iter().map(|r| r.rule.as_str()).collect::<Vec<_>>().join(",");
        if predicted && !comment.flagged() && false_rejects.len() < args.errors {
            false_rejects.push(format!("{}\t{}\t{}", comment.line, rules(), comment.text));
        } else if !predicted && comment.flagged() && false_approves.len() < args.errors {
            false_approves.push(format!("{}\t{}", comment.line, comment.text));
        }
        progress.inc(1);
    }
    progress.finish_and_clear();

    let report = Report {
        file: args.file.display().to_string(),
        comments: comments.len(),
        labeled_reject: comments.iter().filter(|c| c.flagged()).count(),
        rules: rule_ids.clone(),
        overall: overall.scores(),
        matrix: (matrix.counts.iter().any(|row| row[1] > 0) || matrix.counts[1].iter().any(|&n| n > 0)).then_some(matrix),
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
    let flagged = if report.matrix.is_some() { "labeled reject or review" } else { "labeled reject" };
    writeln!(out, "{}: {} comments, {} {flagged}", report.file, report.comments, report.labeled_reject)?;
    writeln!(out, "rules: {}", report.rules.join(", "))?;
    writeln!(out)?;
    writeln!(out, "                   predicted reject  predicted approve")?;
    writeln!(out, "labeled reject     {:>16}  {:>17}", c.true_reject, c.false_approve)?;
    writeln!(out, "labeled approve    {:>16}  {:>17}", c.false_reject, c.true_approve)?;
    writeln!(out)?;
    if let Some(matrix) = &report.matrix {
        writeln!(out)?;
        writeln!(out, "                   predicted reject  predicted review  predicted approve")?;
        for (label, row) in matrix.labels.iter().zip(&matrix.counts) {
            writeln!(out, "labeled {:<10} {:>16}  {:>16}  {:>17}", label, row[0], row[1], row[2])?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{:<16} {:>7} {:>9} {:>7} {:>7} {:>9} {:>9}", "", "fired", "precision", "recall", "F1", "macro-F1", "accuracy")?;
    let fired = c.true_reject + c.false_reject;
    let row = |name: &str, fired: usize, s: &Scores| {
        format!(
            "{:<16} {:>7} {:>9} {:>7} {:>7} {:>9} {:>9}",
            name,
            fired,
            shown(s.precision),
            shown(s.recall),
            shown(s.f1),
            shown(s.macro_f1),
            shown(s.accuracy)
        )
    };
    writeln!(out, "{}", row("overall", fired, o))?;
    for rule in &report.per_rule {
        writeln!(out, "{}", row(&rule.rule, rule.fired, &rule.scores))?;
    }
    writeln!(out)?;
    writeln!(out, "Flagged means rejected or sent to review. Each rule's row counts the comments it gave a reason for,")?;
    writeln!(out, "measured against the comment's label (a comment labeled reject for another rule counts as missed).")?;
    Ok(())
}

/// A figure to three places, or `–` where it has nothing to count.
fn shown(figure: Option<f64>) -> String {
    figure.map_or_else(|| "–".to_string(), |f| format!("{f:.3}"))
}

fn parse_label(label: &str) -> Option<Decision> {
    match label.trim().to_ascii_lowercase().as_str() {
        "reject" | "off" | "1" => Some(Decision::Reject),
        "review" => Some(Decision::Review),
        "approve" | "not" | "0" => Some(Decision::Approve),
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
            Some(label) => comments.push(Labeled { line: number, text, label }),
            // A header row names its columns.
            None if comments.is_empty() && label.trim().eq_ignore_ascii_case("label") => {}
            None => return Err(bad(&format!("unknown label `{label}` (use reject/review/approve, OFF/NOT or 1/0)"))),
        }
    }
    if comments.is_empty() {
        return Err(CliError::Input(format!("{}: no labeled comments", path.display())));
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
        let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-9);
        assert!(close(scores.precision, 0.75));
        assert!(close(scores.recall, 0.6));
        let (reject_f1, approve_f1) = (2.0 * 0.75 * 0.6 / 1.35, 2.0 * (8.0 / 12.0) * 0.8 / (8.0 / 12.0 + 0.8));
        assert!(close(scores.f1, reject_f1));
        assert!(close(scores.macro_f1, (reject_f1 + approve_f1) / 2.0));
        assert!(close(scores.accuracy, 0.7));
    }

    #[test]
    fn figures_with_nothing_to_count_are_undefined_not_zero() {
        // Clean text, nothing flagged: no precision or recall for "reject", F1 of approve alone.
        let scores = Confusion { true_approve: 10, ..Confusion::default() }.scores();
        assert_eq!((scores.precision, scores.recall, scores.f1), (None, None, None));
        assert_eq!(scores.macro_f1, Some(1.0));
        assert_eq!(shown(scores.precision), "–");
        // Offensive comments all missed: recall 0, precision undefined.
        let scores = Confusion { false_approve: 3, ..Confusion::default() }.scores();
        assert_eq!((scores.precision, scores.recall, scores.f1), (None, Some(0.0), Some(0.0)));
    }

    #[test]
    fn labels_in_every_contract_spelling() {
        for (label, decision) in [
            ("reject", Decision::Reject),
            ("OFF", Decision::Reject),
            ("1", Decision::Reject),
            ("review", Decision::Review),
            ("approve", Decision::Approve),
            ("NOT", Decision::Approve),
            ("0", Decision::Approve),
        ] {
            assert_eq!(parse_label(label), Some(decision), "{label}");
        }
        assert_eq!(parse_label("maybe"), None);
    }
}

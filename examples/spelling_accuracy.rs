//! Measures the `spelling` rule alone on labeled comments or on carefully written sentences.
//!
//! ```sh
//! cargo run --release --example spelling_accuracy -- ../shared/data/clean-tr/wiki-sentences.txt
//! cargo run --release --example spelling_accuracy -- tests/data/spelling-tweets.tsv --from 241
//! cargo run --release --example spelling_accuracy -- FILE --rules DIR --show rejected|missed|all
//! cargo run --release --example spelling_accuracy -- FILE --models DIR --wordlists DIR
//! ```
//! A line is `text<TAB>label` (`reject`/`approve`) or, with no tab, a sentence labeled `approve`.
//! Prints how many of each label the rule rejects. `--from N` / `--to N` keep lines N..=M (1-based,
//! the held-out third of `spelling-tweets.tsv` is `--from 241`); `--rules DIR` judges by another
//! rules directory (to try thresholds), `--models DIR` and `--wordlists DIR` by other dictionaries
//! and lists (the embedded ones where not given); `--show` lists lines with the words the rule counted.

use std::process::ExitCode;

use moderate::{Comment, Engine, Policy};

const RULE: &str = "spelling";

fn option<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: spelling_accuracy FILE [--from N] [--to N] [--rules DIR] [--models DIR] [--wordlists DIR] [--show rejected|missed|all]");
        return ExitCode::from(2);
    };
    let Ok(content) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}");
        return ExitCode::from(2);
    };
    let from: usize = option(&args, "--from").and_then(|n| n.parse().ok()).unwrap_or(1);
    let to: usize = option(&args, "--to").and_then(|n| n.parse().ok()).unwrap_or(usize::MAX);
    let show = option(&args, "--show").unwrap_or("");
    let dir = |name: &str| option(&args, name).map(std::path::Path::new);
    let policy = match (dir("--rules"), dir("--wordlists"), dir("--models")) {
        (None, None, None) => Policy::embedded(),
        (rules, wordlists, models) => Policy::from_dirs(rules, wordlists, models),
    };
    let engine = match policy.and_then(|p| p.only(&[RULE])) {
        Ok(policy) => Engine::new(policy),
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    // [label][rejected]
    let mut counts = [[0usize; 2]; 2];
    for (index, line) in content.lines().enumerate() {
        let number = index + 1;
        if number < from || number > to || line.trim().is_empty() {
            continue;
        }
        let (text, careless) = match line.rsplit_once('\t') {
            Some((text, label)) => (text, label.trim() == "reject"),
            None => (line, false),
        };
        let verdict = engine.moderate(&Comment::new(text));
        let reason = verdict.reasons.iter().find(|r| r.rule == RULE);
        counts[usize::from(careless)][usize::from(reason.is_some())] += 1;
        let listed = match show {
            "all" => true,
            "rejected" => reason.is_some(),
            "missed" => careless && reason.is_none(),
            "wrong" => careless != reason.is_some(),
            _ => false,
        };
        if listed {
            let words: Vec<&str> = reason.map(|r| r.evidence.iter().map(String::as_str).collect()).unwrap_or_default();
            println!("{number}\t{}\t{text}\t{}", if careless { "careless" } else { "careful" }, words.join(" | "));
        }
    }
    let share = |label: usize| 100.0 * counts[label][1] as f64 / (counts[label][0] + counts[label][1]).max(1) as f64;
    println!(
        "{path}: careless {} of {} rejected ({:.1}%); careful {} of {} rejected ({:.2}%)",
        counts[1][1],
        counts[1][0] + counts[1][1],
        share(1),
        counts[0][1],
        counts[0][0] + counts[0][1],
        share(0)
    );
    ExitCode::SUCCESS
}

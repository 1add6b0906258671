//! Measures the `turkish-characters` rule on sentences written with Turkish letters.
//!
//! ```sh
//! cargo run --release --example letters_accuracy -- ../shared/data/clean-tr/wiki-sentences.txt
//! cargo run --release --example letters_accuracy -- tests/data/english-comments.txt --as-is
//! ```
//! For each sentence: the original, and the sentence with every Turkish letter typed as its ASCII
//! look-alike, are judged by the rule alone. Prints the share of originals rejected, the share of
//! ASCII sentences with two or more such words rejected, and the share of words with Turkish letters
//! that the suggestion restores exactly (over the sentences rejected, and over all). `--as-is` only
//! counts the lines the rule rejects, as they are (for comments in other languages);
//! `--errors N` lists N words restored wrongly in rejected sentences and N ASCII sentences not rejected;
//! `--rejected-out FILE` writes the original of every sentence rejected once typed in ASCII, so
//! another restorer can be measured on the same sentences (`tools/compare-deasciifier.py`).

use std::collections::HashMap;
use std::process::ExitCode;

use moderate::{Comment, Engine, Policy};

#[path = "../tests/common/typing.rs"]
mod typing;
use typing::typed_in_ascii;

const RULE: &str = "turkish-characters";


fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’')).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: letters_accuracy FILE [--as-is] [--errors N]");
        return ExitCode::from(2);
    };
    let show_errors: usize = args.iter().position(|a| a == "--errors").and_then(|i| args.get(i + 1)).and_then(|n| n.parse().ok()).unwrap_or(0);
    let Ok(content) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}");
        return ExitCode::from(2);
    };
    let engine = match Policy::embedded().and_then(|p| p.only(&[RULE])) {
        Ok(policy) => Engine::new(policy),
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let judge = |text: &str| {
        let verdict = engine.moderate(&Comment::new(text));
        verdict.reasons.into_iter().find(|r| r.rule == RULE)
    };
    let lines: Vec<&str> = content.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if args.iter().any(|a| a == "--as-is") {
        let flagged: Vec<&&str> = lines.iter().filter(|l| judge(l).is_some()).collect();
        println!("{path}: {} lines, {} rejected by {RULE} ({:.2}%)", lines.len(), flagged.len(), 100.0 * flagged.len() as f64 / lines.len().max(1) as f64);
        for line in flagged.iter().take(20) {
            println!("  {line}");
        }
        return ExitCode::SUCCESS;
    }
    let (mut originals_rejected, mut eligible, mut eligible_rejected) = (0usize, 0usize, 0usize);
    let (mut needing, mut restored, mut needing_in_rejected, mut restored_in_rejected) = (0usize, 0usize, 0usize, 0usize);
    let (mut plain, mut plain_changed) = (0usize, 0usize);
    let mut errors: HashMap<(String, String), usize> = HashMap::new();
    let mut missed = Vec::new();
    let mut rejected_originals = String::new();
    for line in &lines {
        if judge(line).is_some() {
            originals_rejected += 1;
        }
        let ascii = typed_in_ascii(line);
        let with_letters = words(line).iter().filter(|w| typed_in_ascii(w) != **w).count();
        let reason = judge(&ascii);
        if with_letters >= 2 {
            eligible += 1;
            eligible_rejected += usize::from(reason.is_some());
            if reason.is_none() && missed.len() < show_errors {
                missed.push(ascii.clone());
            }
        }
        if reason.is_some() {
            rejected_originals.push_str(line);
            rejected_originals.push('\n');
        }
        let suggestion = reason.as_ref().and_then(|r| r.suggestion.clone()).unwrap_or(ascii.clone());
        let (before, after) = (words(line), words(&suggestion));
        if before.len() != after.len() {
            continue;
        }
        for (word, fixed) in before.iter().zip(&after) {
            if typed_in_ascii(word) != *word {
                needing += 1;
                restored += usize::from(word == fixed);
                if reason.is_some() {
                    needing_in_rejected += 1;
                    restored_in_rejected += usize::from(word == fixed);
                }
                if word != fixed && reason.is_some() {
                    *errors.entry((word.clone(), fixed.clone())).or_default() += 1;
                }
            } else if reason.is_some() {
                plain += 1;
                plain_changed += usize::from(word != fixed);
                if word != fixed {
                    *errors.entry((word.clone(), fixed.clone())).or_default() += 1;
                }
            }
        }
    }
    if let Some(out) = args.iter().position(|a| a == "--rejected-out").and_then(|i| args.get(i + 1)) {
        if let Err(e) = std::fs::write(out, &rejected_originals) {
            eprintln!("cannot write {out}: {e}");
            return ExitCode::from(2);
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!("{path}: {} sentences", lines.len());
    println!("  originals rejected:                      {originals_rejected} ({:.2}%)", pct(originals_rejected, lines.len()));
    println!("  ASCII-typed with 2+ such words rejected: {eligible_rejected} of {eligible} ({:.2}%)", pct(eligible_rejected, eligible));
    println!("  words with Turkish letters restored:     {restored_in_rejected} of {needing_in_rejected} in rejected sentences ({:.2}%), {restored} of {needing} in all ({:.2}%)", pct(restored_in_rejected, needing_in_rejected), pct(restored, needing));
    println!("  words without them changed:              {plain_changed} of {plain} in rejected sentences ({:.2}%)", pct(plain_changed, plain));
    let mut errors: Vec<_> = errors.into_iter().collect();
    errors.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for ((word, fixed), n) in errors.into_iter().take(show_errors) {
        println!("  {n:>4} {word} → {fixed}");
    }
    for sentence in missed {
        println!("  missed: {sentence}");
    }
    ExitCode::SUCCESS
}

//! Measures language detection on a file of comments, one a line, all in one language.
//!
//! ```sh
//! cargo run --release --example language_accuracy -- tr ../shared/data/clean-tr/wiki-sentences.txt
//! cargo run --release --example language_accuracy -- tr FILE --ascii --upper
//! ```
//! `--ascii` types every Turkish letter as its ASCII look-alike first, `--upper` writes the comment in
//! capitals (by Turkish rules for `tr`), `--max-words N` keeps only comments of at most N words.
//! Prints how many comments were judged as each language, and up to 15 that were not `EXPECTED`.

use std::process::ExitCode;

use moderate::{Comment, Engine, Language, Policy};

#[path = "../tests/common/typing.rs"]
mod typing;
use typing::typed_in_ascii;


fn upper(text: &str, turkish: bool) -> String {
    text.chars()
        .flat_map(|c| match c {
            'i' if turkish => vec!['İ'],
            'ı' => vec!['I'],
            c => c.to_uppercase().collect(),
        })
        .collect()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(expected), Some(path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: language_accuracy tr|en|other FILE [--ascii] [--upper] [--max-words N]");
        return ExitCode::from(2);
    };
    let max_words: usize = args.iter().position(|a| a == "--max-words").and_then(|i| args.get(i + 1)).and_then(|n| n.parse().ok()).unwrap_or(usize::MAX);
    let Ok(content) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}");
        return ExitCode::from(2);
    };
    let engine = match Policy::embedded() {
        Ok(policy) => Engine::new(policy.only(&[]).unwrap_or(policy)),
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let (mut tr, mut en, mut other, mut wrong) = (0usize, 0usize, 0usize, Vec::new());
    for line in content.lines() {
        let line = line.replace("@USER", "").trim().to_string();
        if line.is_empty() || line.split_whitespace().count() > max_words {
            continue;
        }
        let mut text = line;
        if args.iter().any(|a| a == "--ascii") {
            text = typed_in_ascii(&text);
        }
        if args.iter().any(|a| a == "--upper") {
            text = upper(&text, expected == "tr");
        }
        let language = engine.moderate(&Comment::new(&text)).language;
        match language {
            Language::Tr => tr += 1,
            Language::En => en += 1,
            Language::Other => other += 1,
        }
        if language.code() != expected && wrong.len() < 15 {
            wrong.push(format!("{}: {text}", language.code()));
        }
    }
    let total = tr + en + other;
    let right = match expected.as_str() {
        "tr" => tr,
        "en" => en,
        _ => other,
    };
    println!("{path}: {total} comments: tr {tr}, en {en}, other {other}; accuracy {:.4}", right as f64 / total.max(1) as f64);
    for w in wrong {
        println!("  {w}");
    }
    ExitCode::SUCCESS
}

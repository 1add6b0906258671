//! Searches for the costliest comments of about 10,000 characters, the default limit, and compares
//! them with typical ones of that length.
//!
//! ```sh
//! cargo run --release --example worst_case -- [--seconds 120] [--seed 7] [--out benches/worst-cases.txt]
//! ```
//!
//! A candidate is a short pattern repeated to 10,000 characters. Patterns are built from pieces
//! that stress some part of the engine (masks, initials, quotes around insults, apostrophes,
//! letters that fold to many, combining marks, homoglyphs, unknown words, list words, …); a piece
//! can be a generator (`{word}`, `{Word}`, `{ascii}`) that gives fresh random letters every time it
//! is repeated, so no cache holds the answer. The search keeps the slowest patterns and mutates
//! them (replace, insert or drop a piece, double the pattern), timing each candidate once and the
//! finalists again. Typical comments: real tweets (`../shared/data/offenseval-tr/train.tsv`) and
//! news sentences (`../shared/data/clean-tr/wiki-sentences.txt`) joined to the same length, never
//! judged before (the spelling memory would flatter them).
//!
//! Prints the slowest patterns with their cost against the typical median, and with `--out` writes
//! them to a file (one pattern a line, as the `worst cases` benchmark reads `benches/worst-cases.txt`;
//! add the ones worth keeping to it by hand).

use std::collections::HashSet;
use std::path::Path;
use std::time::{Duration, Instant};

use moderate::{Comment, Engine, Policy};

const LENGTH: usize = 10_000;

const PIECES: &[&str] = &[
    "aptal ", "*", "******ss ", "s.i.k ", "s*k ", "@mk ", "amk ", "ŞEREFSİZZZ ", "orospu ", "siktir ", "gavur ", "kafir ",
    "Müslümanlar ", "inananlar ", "dedi ", "'", "’", "ʼ", "\"", "«", "» ", "değil ", "demiyorum ", "aptallık ", "M.", "A. ",
    "ﷺ", "а", "о", "\u{301}", "\u{200d}", "😀", "🇹🇷", "http://a.co/x ", "#etiket ", "@kullanici ", "123 ", "1.000.000 ",
    "de ", "da ", "ki ", "mi ", "birşey ", "herkez ", "yapıyom ", "cok ", "guzel ", "ISTANBUL ", "İstanbul'da ", "ı", "İ",
    "ğğğğ ", "çoook ", ". ", "! ", "? ", ", ", " ", "\n", "{word} ", "{Word} ", "{ascii} ", "{word}", "{WORD} ",
];

/// A small, fast, deterministic generator (SplitMix64), so a run can be repeated with `--seed`.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn word(&mut self, letters: &[char]) -> String {
        let length = 3 + self.below(10);
        (0..length).map(|_| letters[self.below(letters.len())]).collect()
    }
}

const TURKISH: &[char] = &['a', 'b', 'c', 'ç', 'd', 'e', 'f', 'g', 'ğ', 'h', 'ı', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ö', 'p', 'r', 's', 'ş', 't', 'u', 'ü', 'v', 'y', 'z'];
const ASCII: &[char] = &['a', 'c', 'g', 'i', 'o', 's', 'u', 'l', 'r', 'k', 'e', 'm', 'n', 't', 'y', 'z'];

/// The comment a pattern gives: the pattern repeated to `LENGTH` characters, generators filled in.
fn expand(pattern: &[usize], random: &mut Random) -> String {
    let mut text = String::new();
    let mut chars = 0;
    'outer: loop {
        for &piece in pattern {
            let filled = match PIECES[piece] {
                "{word} " => random.word(TURKISH) + " ",
                "{word}" => random.word(TURKISH),
                "{Word} " => {
                    let word = random.word(TURKISH);
                    let mut letters = word.chars();
                    letters.next().map(|c| c.to_uppercase().collect::<String>() + letters.as_str() + " ").unwrap_or_default()
                }
                "{WORD} " => random.word(ASCII).to_uppercase() + " ",
                "{ascii} " => random.word(ASCII) + " ",
                other => other.to_string(),
            };
            for c in filled.chars() {
                if chars == LENGTH {
                    break 'outer;
                }
                text.push(c);
                chars += 1;
            }
        }
        if pattern.is_empty() {
            break;
        }
    }
    text
}

fn describe(pattern: &[usize]) -> String {
    pattern.iter().map(|&p| PIECES[p].replace('\n', "\\n")).collect::<Vec<_>>().join("·")
}

fn time(engine: &Engine, text: &str) -> Duration {
    let started = Instant::now();
    std::hint::black_box(engine.moderate(&Comment::new(text)));
    started.elapsed()
}

fn option<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
}

/// Typical comments of `LENGTH` characters: real lines joined until long enough.
fn typical(lines: &[String], skip: usize, count: usize) -> Vec<String> {
    let mut comments = Vec::new();
    let mut current = String::new();
    for line in lines.iter().skip(skip) {
        if comments.len() == count {
            break;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(line);
        if current.chars().count() >= LENGTH {
            comments.push(current.chars().take(LENGTH).collect());
            current.clear();
        }
    }
    comments
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values.get(values.len() / 2).copied().unwrap_or_default()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seconds: u64 = option(&args, "--seconds").and_then(|s| s.parse().ok()).unwrap_or(120);
    let mut random = Random(option(&args, "--seed").and_then(|s| s.parse().ok()).unwrap_or(7));
    // Written only when asked: the benchmark's file keeps the patterns of earlier searches too.
    let out = option(&args, "--out");
    let engine = Engine::new(Policy::embedded().expect("the default policy loads"));

    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let tweets: Vec<String> = std::fs::read_to_string(shared.join("offenseval-tr/train.tsv"))
        .map(|c| c.lines().skip(1).filter_map(|l| l.split('\t').nth(1)).map(str::to_string).collect())
        .unwrap_or_default();
    let news: Vec<String> =
        std::fs::read_to_string(shared.join("clean-tr/wiki-sentences.txt")).map(|c| c.lines().map(str::to_string).collect()).unwrap_or_default();
    let mut typical_times = Vec::new();
    for (name, lines) in [("tweets", &tweets), ("news", &news)] {
        let comments = typical(lines, 0, 12);
        if comments.is_empty() {
            continue;
        }
        let times: Vec<Duration> = comments.iter().map(|c| time(&engine, c)).collect();
        println!("typical {name}: {} comments of {LENGTH} characters, median {:.2} ms", comments.len(), median(times.clone()).as_secs_f64() * 1e3);
        typical_times.extend(times);
    }
    if typical_times.is_empty() {
        let fallback = "Bu haber çok güzel olmuş, emeğinize sağlık. ".repeat(LENGTH / 44);
        typical_times = (0..5).map(|_| time(&engine, &fallback)).collect();
    }
    let baseline = median(typical_times);
    println!("typical median: {:.2} ms", baseline.as_secs_f64() * 1e3);

    // Every piece alone, then mutations of the slowest.
    let mut scored: Vec<(Duration, Vec<usize>)> = (0..PIECES.len()).map(|p| (time(&engine, &expand(&[p], &mut random)), vec![p])).collect();
    let mut seen: HashSet<Vec<usize>> = scored.iter().map(|(_, p)| p.clone()).collect();
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut tried = scored.len();
    while Instant::now() < deadline {
        scored.sort_by(|a, b| b.0.cmp(&a.0));
        scored.truncate(40);
        let parent = scored[random.below(scored.len().min(12))].1.clone();
        let mut child = parent.clone();
        match random.below(4) {
            0 => {
                let at = random.below(child.len());
                child[at] = random.below(PIECES.len());
            }
            1 if child.len() < 8 => child.insert(random.below(child.len() + 1), random.below(PIECES.len())),
            2 if child.len() > 1 => {
                child.remove(random.below(child.len()));
            }
            _ if child.len() <= 4 => child.extend(parent.iter().copied()),
            _ => {
                let at = random.below(child.len());
                child[at] = random.below(PIECES.len());
            }
        }
        if !seen.insert(child.clone()) {
            continue;
        }
        tried += 1;
        let cost = time(&engine, &expand(&child, &mut random));
        scored.push((cost, child));
    }
    // Finalists timed twice more on fresh text; the median of three counts.
    scored.sort_by(|a, b| b.0.cmp(&a.0));
    let mut finalists: Vec<(Duration, Vec<usize>)> = scored
        .into_iter()
        .take(15)
        .map(|(first, pattern)| {
            let again: Vec<Duration> = (0..2).map(|_| time(&engine, &expand(&pattern, &mut random))).collect();
            (median(vec![first, again[0], again[1]]), pattern)
        })
        .collect();
    finalists.sort_by(|a, b| b.0.cmp(&a.0));
    println!("{tried} patterns tried in {seconds} s; the slowest, median of three, against the typical median:");
    println!("| pattern (repeated to {LENGTH} characters) | ms | × typical |");
    println!("|---|---:|---:|");
    for (cost, pattern) in &finalists {
        println!("| `{}` | {:.2} | {:.1} |", describe(pattern), cost.as_secs_f64() * 1e3, cost.as_secs_f64() / baseline.as_secs_f64().max(1e-9));
    }
    let lines: Vec<String> = finalists.iter().take(6).map(|(_, p)| p.iter().map(|&i| PIECES[i].replace('\n', "\\n")).collect::<String>()).collect();
    if let Some(out) = out {
        if let Err(error) = std::fs::write(out, lines.join("\n") + "\n") {
            eprintln!("cannot write {out}: {error}");
        }
    }
}

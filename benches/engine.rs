//! Engine throughput: comments judged per second by all rules, by each rule alone, and by no rule
//! (the text model and language detection alone); and `turkish-characters` on the same comments
//! typed without Turkish letters, where every comment is restored and most get a suggestion.
//!
//! Comments are the labeled tweets in `../shared/data/offenseval-tr/train.tsv` when that file is
//! beside the checkout (the figures in BENCHMARKS.md), else a small built-in sample.
//!
//! Run: `cargo bench --bench engine`

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use moderate::{Comment, Engine, Policy};

#[path = "../tests/common/typing.rs"]
mod typing;
use typing::typed_in_ascii;

const SAMPLE: &[&str] = &[
    "Bu haber çok güzel olmuş, emeğinize sağlık.",
    "Yazan da okuyan da aptal, böyle haber mi olur?",
    "İSTANBUL'DA HER ŞEY ÇOK GÜZEL OLDU BUGÜN",
    "Bu karar gerçekten REZALET olmuş arkadaşlar, kimse sorumluluk almıyor.",
    "amk bu ne biçim yorum",
    "Ekonomide sıkıntı büyük ama hükümet hâlâ sessiz, vatandaş ne yapsın?",
    "s*ktir git buradan",
    "Müslüman, Hristiyan ve Yahudi liderler barış çağrısı yaptı.",
    "This is the worst article I have ever read, what an idiot wrote it",
    "cok guzel bir haber olmus tesekkurler",
];

fn comments() -> Vec<String> {
    let tweets = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/offenseval-tr/train.tsv");
    match std::fs::read_to_string(&tweets) {
        Ok(content) => content.lines().filter_map(|l| l.split('\t').nth(1)).take(5_000).map(str::to_string).collect(),
        Err(_) => SAMPLE.iter().map(|s| s.to_string()).collect(),
    }
}

fn judge_all(engine: &Engine, comments: &[String]) {
    for text in comments {
        black_box(engine.moderate(&Comment::new(black_box(text))));
    }
}

fn engine_throughput(c: &mut Criterion) {
    let policy = Policy::embedded().expect("the default policy loads");
    let comments = comments();
    let mut group = c.benchmark_group("engine");
    group.throughput(Throughput::Elements(comments.len() as u64));
    group.sample_size(20);

    let all = Engine::new(policy.clone());
    group.bench_function("all rules", |b| b.iter(|| judge_all(&all, &comments)));
    let none = Engine::new(policy.only(&[]).expect("no rules is a valid selection"));
    group.bench_function("text model only", |b| b.iter(|| judge_all(&none, &comments)));
    for rule in policy.rules() {
        let one = Engine::new(policy.only(&[rule.id()]).expect("the rule exists"));
        group.bench_function(format!("rule {}", rule.id()), |b| b.iter(|| judge_all(&one, &comments)));
    }
    group.finish();
}


fn turkish_letters(c: &mut Criterion) {
    let policy = Policy::embedded().expect("the default policy loads");
    let typed: Vec<String> = comments().iter().map(|t| typed_in_ascii(t)).collect();
    let mut group = c.benchmark_group("typed without Turkish letters");
    group.throughput(Throughput::Elements(typed.len() as u64));
    group.sample_size(20);
    let letters = Engine::new(policy.only(&["turkish-characters"]).expect("the rule exists"));
    group.bench_function("rule turkish-characters", |b| b.iter(|| judge_all(&letters, &typed)));
    let all = Engine::new(policy);
    group.bench_function("all rules", |b| b.iter(|| judge_all(&all, &typed)));
    group.finish();
}

/// What the learned check adds: all seven rules as shipped against the same rules with their
/// `learned` parts cut off (`offensive` and `belief-attack` then judge by word lists alone), on the
/// same comments in one run.
fn learned_check(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let without = root.join("target/bench-rules/without-learned");
    std::fs::create_dir_all(&without).expect("bench rules dir");
    for entry in std::fs::read_dir(root.join("rules")).expect("rules/").flatten() {
        let rule = std::fs::read_to_string(entry.path()).expect("a rule file");
        // The learned part is the last of a rule's checks.
        let cut = rule.find("[[check.of]]\nkind = \"learned\"").unwrap_or(rule.len());
        std::fs::write(without.join(entry.file_name()), &rule[..cut]).expect("bench rule");
    }
    let comments = comments();
    let mut group = c.benchmark_group("learned check");
    group.throughput(Throughput::Elements(comments.len() as u64));
    group.sample_size(20);
    let shipped = Engine::new(Policy::embedded().expect("the default policy loads"));
    group.bench_function("all rules", |b| b.iter(|| judge_all(&shipped, &comments)));
    let lists_only = Engine::new(Policy::from_dirs(Some(&without), None, None).expect("bench policy loads"));
    group.bench_function("all rules, learned parts cut off", |b| b.iter(|| judge_all(&lists_only, &comments)));
    group.finish();
}

/// The costliest comments `examples/worst_case` found (`benches/worst-cases.txt`, one pattern a
/// line, repeated to 10,000 characters), against ordinary comments of that length. `{word}`,
/// `{Word}`, `{WORD}` and `{ascii}` in a pattern become a different made-up word at every
/// repetition and in every iteration, so no memory of the engine answers them.
fn worst_cases(c: &mut Criterion) {
    let engine = Engine::new(Policy::embedded().expect("the default policy loads"));
    let mut group = c.benchmark_group("worst cases");
    group.sample_size(20);
    let ordinary: String = comments().join(" ").chars().take(WORST_LENGTH).collect();
    group.bench_function("ordinary comments joined", |b| b.iter(|| black_box(engine.moderate(&Comment::new(black_box(&ordinary))))));
    let patterns = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/worst-cases.txt")).unwrap_or_default();
    let mut counter = 0u64;
    for (index, pattern) in patterns.lines().filter(|l| !l.is_empty()).enumerate() {
        let pattern = pattern.replace("\\n", "\n");
        group.bench_function(format!("pattern {}", index + 1), |b| {
            b.iter_batched(
                || worst_comment(&pattern, &mut counter),
                |text| black_box(engine.moderate(&Comment::new(&text))),
                criterion::BatchSize::SmallInput,
            )
        });
    }
    group.finish();
}

const WORST_LENGTH: usize = 10_000;

/// The pattern repeated to `WORST_LENGTH` characters, each generator a new word.
fn worst_comment(pattern: &str, counter: &mut u64) -> String {
    const LETTERS: &[char] = &['a', 'c', 'g', 'i', 'o', 's', 'u', 'l', 'r', 'k', 'e', 'm', 'n', 't', 'y', 'z'];
    let mut word = || {
        *counter += 1;
        let mut n = *counter;
        let mut letters = String::new();
        while n > 0 || letters.len() < 4 {
            letters.push(LETTERS[(n % LETTERS.len() as u64) as usize]);
            n /= LETTERS.len() as u64;
        }
        letters
    };
    let mut text = String::new();
    while text.chars().count() < WORST_LENGTH {
        let mut rest = pattern;
        while let Some(open) = rest.find('{') {
            text.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else { break };
            let generated = word();
            match &rest[open + 1..open + close] {
                "WORD" => text.push_str(&generated.to_uppercase()),
                "Word" => text.push_str(&(generated[..1].to_uppercase() + &generated[1..])),
                _ => text.push_str(&generated),
            }
            rest = &rest[open + close + 1..];
        }
        text.push_str(rest);
        if pattern.is_empty() {
            break;
        }
    }
    text.chars().take(WORST_LENGTH).collect()
}

fn policy_load(c: &mut Criterion) {
    c.bench_function("load embedded policy", |b| b.iter(|| black_box(Policy::embedded().expect("loads"))));
}

criterion_group!(benches, engine_throughput, turkish_letters, learned_check, worst_cases, policy_load);
criterion_main!(benches);

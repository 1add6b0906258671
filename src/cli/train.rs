//! `moderate train FILE --out MODEL`: trains the learned offense check on labeled comments.
//!
//! Input as for `eval` (TSV `text<TAB>label` or OffensEval's `id<TAB>text<TAB>label`, or JSONL).
//! `--negatives` adds carefully written sentences (one a line) as clean examples: a model trained on
//! tweets alone over-fires on edited text; `--positives` adds offensive ones (one a line). Every fold
//! trains on both and none judges them. `--folds K` cross-validates first: each fold is judged by
//! the policy's offense rules with a model trained without it, and macro-F1 is printed per fold and
//! over all folds, with the learned score alone at several thresholds. Training is deterministic:
//! the same data and options give the same file.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::eval::{read_labeled, Confusion};
use super::{CliError, PolicyArgs};
use crate::checks::Scan;
use crate::learn::train::{fit, Example, SplitMix, TrainOptions};
use crate::learn::{scored_parts, Classifier, FeatureShape};
use crate::text::Text;
use crate::{Comment, Decision, Engine, Locale, Policy};

#[derive(Debug, Args)]
pub(super) struct TrainArgs {
    /// Labeled comments (TSV or JSONL, as for `eval`).
    file: PathBuf,
    /// Where to write the model (a `classifier.txt` for `models/<name>/`).
    #[arg(long, value_name = "MODEL")]
    out: Option<PathBuf>,
    /// Clean sentences, one a line, added as inoffensive examples (may be given more than once).
    #[arg(long, value_name = "FILE")]
    negatives: Vec<PathBuf>,
    /// Offensive comments, one a line, added as offensive examples (may be given more than once).
    #[arg(long, value_name = "FILE")]
    positives: Vec<PathBuf>,
    /// Cross-validate with this many folds before training on everything.
    #[arg(long, value_name = "K")]
    folds: Option<usize>,
    /// Clean sentences, one a line, never trained on: how many the policy's offense rules flag.
    #[arg(long, value_name = "FILE")]
    clean: Option<PathBuf>,
    /// Write each comment's cross-validated result here: `decision<TAB>rules<TAB>score<TAB>label<TAB>text`.
    #[arg(long, value_name = "FILE", requires = "folds")]
    out_of_fold: Option<PathBuf>,
    /// The policy's model folder the new model stands in for when judging folds.
    #[arg(long, default_value = "offense-tr")]
    model: String,
    /// The rules judged together in cross-validation (comma-separated ids).
    #[arg(long, default_value = "insult,profanity,offensive,belief-attack")]
    judge: String,
    /// Word lists whose hits are features (contempt, scorn and calls for harm too: "sinsi", "masal", "yıkılmalı"
    /// are no insult alone, but a sign of offense the model weighs; +0.0008 cross-validated).
    #[arg(long, default_value = "insult,profanity,offensive,contempt,scorn,hostility")]
    lists: String,
    /// Word lists whose words the model never sees (names of religions, peoples and identities; borderline words;
    /// calls for lawful punishment, "en ağır cezayı", "yargılansın"; innocent senses, "mal etmek").
    #[arg(long, default_value = "belief,borderline,acronyms,peoples,identities,justice,innocent-senses")]
    ignore: String,
    /// The model has 2^BITS weights.
    #[arg(long, default_value_t = 20)]
    bits: u32,
    #[arg(long, default_value_t = 1)]
    min_gram: usize,
    #[arg(long, default_value_t = 5)]
    max_gram: usize,
    /// Also n-grams across the space between two words.
    #[arg(long)]
    across: bool,
    /// Also emoji and punctuation between words.
    #[arg(long)]
    symbols: bool,
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    epochs: usize,
    #[arg(long, default_value_t = TrainOptions::default().alpha)]
    alpha: f64,
    #[arg(long, default_value_t = TrainOptions::default().l1)]
    l1: f64,
    #[arg(long, default_value_t = TrainOptions::default().l2)]
    l2: f64,
    /// How much more an offensive example counts than a clean one.
    #[arg(long, default_value_t = TrainOptions::default().positive_weight)]
    positive_weight: f64,
    #[arg(long, default_value_t = TrainOptions::default().seed)]
    seed: u64,
    /// Do not scale features by their Naive-Bayes log-count ratio.
    #[arg(long)]
    no_naive_bayes: bool,
    /// Average the weights of this many models trained in different orders.
    #[arg(long, default_value_t = TrainOptions::default().bags)]
    bags: usize,
    #[command(flatten)]
    policy: PolicyArgs,
}

struct Sample {
    text: String,
    offensive: bool,
}

fn read_lines(path: &PathBuf) -> Result<Vec<String>, CliError> {
    let content = std::fs::read_to_string(path).map_err(|e| CliError::Input(format!("cannot read {}: {e}", path.display())))?;
    Ok(content.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect())
}

pub(super) fn run(args: &TrainArgs) -> Result<(), CliError> {
    let policy = args.policy.load()?;
    let lists: Vec<String> = args.lists.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
    let list_ids = policy.lexicon_ids(&lists).map_err(CliError::Input)?;
    let ignore: Vec<String> = args.ignore.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
    let ignore_ids = policy.lexicon_ids(&ignore).map_err(CliError::Input)?;
    let shape = FeatureShape { bits: args.bits, min_gram: args.min_gram, max_gram: args.max_gram, across: args.across, symbols: args.symbols };
    if !(8..=24).contains(&args.bits) || args.min_gram == 0 || args.min_gram > args.max_gram {
        return Err(CliError::Input("--bits must be 8–24, and 1 ≤ --min-gram ≤ --max-gram".into()));
    }
    let options = TrainOptions {
        epochs: args.epochs,
        alpha: args.alpha,
        l1: args.l1,
        l2: args.l2,
        positive_weight: args.positive_weight,
        seed: args.seed,
        naive_bayes: !args.no_naive_bayes,
        bags: args.bags,
        ..TrainOptions::default()
    };
    let labeled = read_labeled(&args.file)?;
    let samples: Vec<Sample> = labeled.into_iter().map(|l| Sample { offensive: l.flagged(), text: l.text }).collect();
    // Trained on in every fold, judged in none: cross-validation measures the tweets alone.
    let mut always_trained = Vec::new();
    for path in &args.negatives {
        always_trained.extend(read_lines(path)?.into_iter().map(|text| Sample { text, offensive: false }));
    }
    for path in &args.positives {
        always_trained.extend(read_lines(path)?.into_iter().map(|text| Sample { text, offensive: true }));
    }
    let features = |sample: &Sample| {
        let text = Text::new(&sample.text);
        let scan = Scan::new(&text, text.detected_language(), policy.scan_data());
        let words = 0..text.tokens().len();
        let skip: Vec<usize> = ignore_ids.iter().flat_map(|(list, _)| scan.hits(*list)).flat_map(|hit| hit.words.clone()).collect();
        Example { features: crate::learn::features::extract(shape, &scan, words, &list_ids, &skip), offensive: sample.offensive }
    };
    let examples: Vec<Example> = samples.iter().map(features).collect();
    let always_trained_examples: Vec<Example> = always_trained.iter().map(features).collect();
    let classifier =
        |bias: f32, weights: Vec<f32>, about: Vec<String>| Classifier::from_trained(shape, lists.clone(), ignore.clone(), bias, &weights, about);
    let mut out = std::io::stdout().lock();

    if let Some(folds) = args.folds {
        if folds < 2 || folds > samples.len() {
            return Err(CliError::Input(format!("--folds must be between 2 and the number of comments ({})", samples.len())));
        }
        let judge: Vec<&str> = args.judge.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
        let mut order: Vec<usize> = (0..samples.len()).collect();
        SplitMix(args.seed ^ 0xF01D).shuffle(&mut order);
        let mut fold_of = vec![0usize; samples.len()];
        for (position, &index) in order.iter().enumerate() {
            fold_of[index] = position % folds;
        }
        let mut pooled = Confusion::default();
        let mut out_of_fold = vec![0.0f32; samples.len()];
        let mut out_of_fold_whole = vec![0.0f32; samples.len()];
        let mut results = vec![String::new(); samples.len()];
        writeln!(out, "{folds}-fold cross-validation of {} ({} comments), rules {}:", args.file.display(), samples.len(), judge.join(","))?;
        for fold in 0..folds {
            let training: Vec<&Example> =
                examples.iter().enumerate().filter(|(i, _)| fold_of[*i] != fold).map(|(_, e)| e).chain(always_trained_examples.iter()).collect();
            let (bias, weights) = fit(&training, shape.bits, options);
            let model = classifier(bias, weights, Vec::new());
            let judged = policy.with_classifier(&args.model, model).map_err(CliError::Input)?.only(&judge)?;
            let engine = Engine::new(judged);
            let mut counts = Confusion::default();
            for (index, sample) in samples.iter().enumerate().filter(|(i, _)| fold_of[*i] == fold) {
                let verdict = engine.moderate(&Comment { text: &sample.text, language: None, locale: Locale::En });
                counts.add(sample.offensive, verdict.decision != Decision::Approve);
                pooled.add(sample.offensive, verdict.decision != Decision::Approve);
                let rules: Vec<&str> = verdict.reasons.iter().map(|r| r.rule.as_str()).collect();
                let score = verdict.reasons.iter().filter_map(|r| r.score).fold(0.0f32, f32::max);
                let label = if sample.offensive { "OFF" } else { "NOT" };
                results[index] = format!("{}\t{}\t{score:.3}\t{label}\t{}", verdict.decision.as_str(), rules.join(","), sample.text);
                (out_of_fold[index], out_of_fold_whole[index]) = learned_score(engine.policy(), &args.model, &sample.text);
            }
            let flagged = counts.true_reject + counts.false_reject;
            writeln!(out, "  fold {}: macro-F1 {} (flagged {flagged}, of them offensive {})", fold + 1, macro_f1(counts), counts.true_reject)?;
        }
        writeln!(out, "  overall: macro-F1 {}", macro_f1(pooled))?;
        if let Some(path) = &args.out_of_fold {
            let lines: String = results.iter().map(|line| format!("{line}\n")).collect();
            std::fs::write(path, lines).map_err(|e| CliError::Input(format!("cannot write {}: {e}", path.display())))?;
        }
        writeln!(out, "learned score alone, out of fold: highest sentence | whole comment")?;
        for step in 3..=9 {
            let threshold = step as f32 / 10.0;
            let (mut counts, mut whole) = (Confusion::default(), Confusion::default());
            for ((sample, score), score_whole) in samples.iter().zip(&out_of_fold).zip(&out_of_fold_whole) {
                counts.add(sample.offensive, *score >= threshold);
                whole.add(sample.offensive, *score_whole >= threshold);
            }
            writeln!(
                out,
                "  ≥ {threshold:.1}: macro-F1 {}, flagged {} | macro-F1 {}, flagged {}",
                macro_f1(counts),
                counts.true_reject + counts.false_reject,
                macro_f1(whole),
                whole.true_reject + whole.false_reject
            )?;
        }
    }

    let all: Vec<&Example> = examples.iter().chain(always_trained_examples.iter()).collect();
    let (bias, weights) = fit(&all, shape.bits, options);
    let offensive_added = always_trained.iter().filter(|s| s.offensive).count();
    let about = vec![
        format!(
            "trained by `moderate train` on {} ({} comments), {} clean sentences and {offensive_added} offensive ones",
            args.file.display(),
            samples.len(),
            always_trained.len() - offensive_added
        ),
        format!(
            "options: epochs {} alpha {} l1 {} l2 {} positive_weight {} seed {} naive_bayes {} bags {}",
            options.epochs, options.alpha, options.l1, options.l2, options.positive_weight, options.seed, options.naive_bayes, options.bags
        ),
    ];
    let model = classifier(bias, weights, about);
    if let Some(clean) = &args.clean {
        let judge: Vec<&str> = args.judge.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
        let judged = policy.with_classifier(&args.model, model.clone()).map_err(CliError::Input)?.only(&judge)?;
        let engine = Engine::new(judged);
        let sentences = read_lines(clean)?;
        let (mut rejected, mut reviewed) = (0, 0);
        for sentence in &sentences {
            match engine.moderate(&Comment::new(sentence)).decision {
                Decision::Reject => rejected += 1,
                Decision::Review => reviewed += 1,
                Decision::Approve => {}
            }
        }
        let share = |n: usize| 100.0 * n as f64 / sentences.len().max(1) as f64;
        writeln!(out, "clean sentences {}: {} rejected ({:.2}%), {} to review ({:.2}%) of {}", clean.display(), rejected, share(rejected), reviewed, share(reviewed), sentences.len())?;
    }
    if let Some(path) = &args.out {
        std::fs::write(path, model.to_file()).map_err(|e| CliError::Input(format!("cannot write {}: {e}", path.display())))?;
        writeln!(out, "model written to {}", path.display())?;
    }
    Ok(())
}

/// The highest learned score among the comment's sentences, and the score of the whole comment, by
/// the policy's classifier `name`.
fn learned_score(policy: &Policy, name: &str, comment: &str) -> (f32, f32) {
    let Some(classifier) = policy.classifier(name) else { return (0.0, 0.0) };
    let text = Text::new(comment);
    let scan = Scan::new(&text, text.detected_language(), policy.scan_data());
    let skip = classifier.ignored_words(&scan);
    let highest = scored_parts(&scan, &skip).into_iter().map(|range| classifier.score(&scan, range, &skip)).fold(0.0, f32::max);
    (highest, classifier.score(&scan, 0..text.tokens().len(), &skip))
}

/// Macro-F1 to four places (folds differ in the third), or `–` where nothing was counted.
fn macro_f1(confusion: Confusion) -> String {
    confusion.scores().macro_f1.map_or_else(|| "–".to_string(), |f| format!("{f:.4}"))
}

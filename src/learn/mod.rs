//! A learned offense score: logistic regression over hashed features of the comment.
//!
//! The model is one file, `models/<name>/classifier.txt`, made by `moderate train`: a few header
//! lines (`key = value`) saying how features are made, then the weights, quantised to 16 bits and
//! written in base64. Reading a model and scoring a sentence need nothing but this file and the
//! policy's word lists (whose hits are features).

pub(crate) mod features;
pub(crate) mod train;

use std::fmt::Write as _;
use std::ops::Range;

use base64::Engine as _;
use rustc_hash::FxHashMap;

use crate::checks::{ListId, Scan};
pub(crate) use features::{FeatureShape, Feature};

/// A trained model: a bias, one weight per hashed feature, and how its features are made.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Classifier {
    pub shape: FeatureShape,
    /// Word lists whose hits are features, by name.
    pub lists: Vec<String>,
    pub bias: f32,
    /// The weights as 16-bit integers (half the memory a look-up walks), each times `scale`.
    weights: Vec<i16>,
    scale: f32,
    /// Free text kept in the file: what the model was trained on.
    pub about: Vec<String>,
    /// Word lists whose words the model never sees, in training or scoring: names of religions and
    /// peoples, which are no evidence of offense ("Allah aşkına"), and borderline words, whose
    /// sentence is what is judged.
    pub ignore: Vec<String>,
    /// [`Self::lists`] as the policy's word lists, set when the policy is loaded.
    pub list_ids: Vec<(ListId, String)>,
    /// [`Self::ignore`] as the policy's word lists.
    pub ignore_ids: Vec<(ListId, String)>,
}

/// What a sentence scored, and which words pushed it most.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scored {
    /// Probability of offense, 0–1.
    pub score: f32,
    /// Token positions and their summed contribution to the log-odds, largest first; only words
    /// that pushed the score up.
    pub pushes: Vec<(Range<usize>, f32)>,
}

#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub(crate) struct ModelFileError {
    pub line: usize,
    pub message: String,
}

const FORMAT: &str = "moderate-classifier 1";

impl Classifier {
    /// A model from trained weights, quantised as the file stores them.
    pub(crate) fn from_trained(shape: FeatureShape, lists: Vec<String>, ignore: Vec<String>, bias: f32, trained: &[f32], about: Vec<String>) -> Self {
        let largest = trained.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if largest > 0.0 { largest / f32::from(i16::MAX) } else { 1.0 };
        let weights = trained.iter().map(|w| (w / scale).round().clamp(f32::from(i16::MIN), f32::from(i16::MAX)) as i16).collect();
        Classifier { shape, lists, bias, weights, scale, about, ignore, list_ids: Vec::new(), ignore_ids: Vec::new() }
    }

    fn weight(&self, index: u32) -> f32 {
        f32::from(self.weights[index as usize]) * self.scale
    }

    /// The raw log-odds of a feature vector.
    pub(crate) fn margin(&self, features: &[Feature]) -> f32 {
        self.bias + features.iter().map(|f| self.weight(f.index) * f.value).sum::<f32>()
    }

    /// Positions of the words the model never sees (hits of [`Self::ignore`]).
    pub(crate) fn ignored_words(&self, scan: &Scan<'_>) -> Vec<usize> {
        self.ignore_ids.iter().flat_map(|(list, _)| scan.hits(*list)).flat_map(|hit| hit.words.clone()).collect()
    }

    /// The features of the words `tokens` of a scanned comment, without the words at `skip`.
    pub(crate) fn features(&self, scan: &Scan<'_>, tokens: Range<usize>, skip: &[usize]) -> Vec<Feature> {
        features::extract(self.shape, scan, tokens, &self.list_ids, skip)
    }

    /// The probability of offense of the words `tokens` of a scanned comment, leaving out the words
    /// at positions `skip` (which should include [`Self::ignored_words`]).
    pub(crate) fn score(&self, scan: &Scan<'_>, tokens: Range<usize>, skip: &[usize]) -> f32 {
        // Every feature has the same value, one over the root of their number: sum, then scale.
        // The indices first, then the weights: the reads into the table (the costly part, misses in
        // a table of megabytes) are issued together instead of one between each hash.
        let mut indices: Vec<u32> = Vec::with_capacity(tokens.len() * 24);
        features::visit(self.shape, scan, tokens, &self.list_ids, skip, &mut |index, _| indices.push(index));
        let count = indices.len();
        let sum: i64 = indices.iter().map(|&index| i64::from(self.weights[index as usize])).sum();
        let value = if count == 0 { 0.0 } else { 1.0 / (count as f32).sqrt() };
        sigmoid(self.bias + sum as f32 * self.scale * value)
    }

    /// [`Self::score`] with the words that pushed it: slower, for the reasons shown.
    pub(crate) fn explain(&self, scan: &Scan<'_>, tokens: Range<usize>, skip: &[usize]) -> Scored {
        let features = self.features(scan, tokens, skip);
        let margin = self.margin(&features);
        // Summed per stretch of words; a pair of words shares its weight between them, a hit keeps
        // its whole stretch.
        let mut by_words: FxHashMap<(usize, usize), f32> = FxHashMap::default();
        for feature in &features {
            let push = self.weight(feature.index) * feature.value;
            let words = &feature.words;
            if words.len() == 2 {
                for at in words.clone() {
                    *by_words.entry((at, at + 1)).or_default() += push / 2.0;
                }
            } else {
                *by_words.entry((words.start, words.end)).or_default() += push;
            }
        }
        let mut single: Vec<(Range<usize>, f32)> = by_words.into_iter().filter(|(_, push)| *push > 0.0).map(|((start, end), push)| (start..end, push)).collect();
        single.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.start.cmp(&b.0.start)).then(a.0.end.cmp(&b.0.end)));
        Scored { score: sigmoid(margin), pushes: single }
    }

    pub(crate) fn parse(content: &str) -> Result<Self, ModelFileError> {
        let err = |line: usize, message: &str| ModelFileError { line, message: message.to_string() };
        let mut lines = content.lines().enumerate();
        match lines.next() {
            Some((_, first)) if first.trim() == FORMAT => {}
            _ => return Err(err(1, &format!("not a classifier (the first line must be `{FORMAT}`)"))),
        }
        let mut bits = None;
        let (mut min_gram, mut max_gram) = (None, None);
        let (mut across, mut symbols) = (false, false);
        let mut lists = Vec::new();
        let mut ignore = Vec::new();
        let mut bias = None;
        let mut scale = None;
        let mut about = Vec::new();
        let mut encoded = String::new();
        let mut weights_line = 0;
        for (index, line) in lines.by_ref() {
            let number = index + 1;
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            if let Some(text) = line.strip_prefix('#') {
                about.push(text.trim().to_string());
                continue;
            }
            if line == "weights" {
                weights_line = number;
                break;
            }
            let (key, value) = line.split_once('=').ok_or_else(|| err(number, "expected `key = value`"))?;
            let (key, value) = (key.trim(), value.trim());
            let number_of = |what: &str| value.parse::<f64>().map_err(|_| err(number, &format!("`{what}` is not a number")));
            match key {
                "bits" => bits = Some(number_of("bits")? as u32),
                "min_gram" => min_gram = Some(number_of("min_gram")? as usize),
                "max_gram" => max_gram = Some(number_of("max_gram")? as usize),
                "across" => across = value == "true",
                "symbols" => symbols = value == "true",
                "lists" => lists = value.split_whitespace().map(str::to_string).collect(),
                "ignore" => ignore = value.split_whitespace().map(str::to_string).collect(),
                "bias" => bias = Some(number_of("bias")? as f32),
                "scale" => scale = Some(number_of("scale")? as f32),
                other => return Err(err(number, &format!("unknown key `{other}`"))),
            }
        }
        for (_, line) in lines {
            encoded.push_str(line.trim());
        }
        let missing = |what: &str| err(weights_line.max(1), &format!("the header has no `{what}`"));
        let bits = bits.ok_or_else(|| missing("bits"))?;
        if !(8..=24).contains(&bits) {
            return Err(err(1, "`bits` must be between 8 and 24"));
        }
        let shape = FeatureShape {
            bits,
            min_gram: min_gram.ok_or_else(|| missing("min_gram"))?,
            max_gram: max_gram.ok_or_else(|| missing("max_gram"))?,
            across,
            symbols,
        };
        if shape.min_gram == 0 || shape.min_gram > shape.max_gram {
            return Err(err(1, "`min_gram` must be at least 1 and at most `max_gram`"));
        }
        let (bias, scale) = (bias.ok_or_else(|| missing("bias"))?, scale.ok_or_else(|| missing("scale"))?);
        if weights_line == 0 {
            return Err(err(content.lines().count().max(1), "no `weights` line"));
        }
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(encoded.as_bytes())
            .map_err(|e| err(weights_line + 1, &format!("the weights are not base64: {e}")))?;
        if bytes.len() != 2 << bits {
            return Err(err(weights_line + 1, &format!("expected {} weights, found {}", 1u64 << bits, bytes.len() / 2)));
        }
        let weights = bytes.chunks_exact(2).map(|pair| i16::from_le_bytes([pair[0], pair[1]])).collect();
        Ok(Classifier { shape, lists, bias, weights, scale, about, ignore, list_ids: Vec::new(), ignore_ids: Vec::new() })
    }

    /// The model file: readable header, then the weights as 16-bit integers in base64.
    pub(crate) fn to_file(&self) -> String {
        let mut bytes = Vec::with_capacity(self.weights.len() * 2);
        for w in &self.weights {
            bytes.extend_from_slice(&w.to_le_bytes());
        }
        let encoded = base64::engine::general_purpose::STANDARD.encode(&bytes);
        let mut out = String::new();
        out.push_str(FORMAT);
        out.push('\n');
        for line in &self.about {
            let _ = writeln!(out, "# {line}");
        }
        let _ = writeln!(out, "bits = {}", self.shape.bits);
        let _ = writeln!(out, "min_gram = {}", self.shape.min_gram);
        let _ = writeln!(out, "max_gram = {}", self.shape.max_gram);
        let _ = writeln!(out, "across = {}", self.shape.across);
        let _ = writeln!(out, "symbols = {}", self.shape.symbols);
        let _ = writeln!(out, "lists = {}", self.lists.join(" "));
        let _ = writeln!(out, "ignore = {}", self.ignore.join(" "));
        let _ = writeln!(out, "bias = {:e}", self.bias);
        let _ = writeln!(out, "scale = {:e}", self.scale);
        out.push_str("weights\n");
        for chunk in encoded.as_bytes().chunks(100) {
            out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
            out.push('\n');
        }
        out
    }
}

/// The most words scored together: a longer sentence is scored in parts of this many words. A
/// model trained on tweets has seen sentences of up to about this length; far longer ones (a
/// comment of a thousand words and no full stop) would pile up many small weights into a score
/// that means nothing, and cost time that grows with the sentence.
const LONGEST_PART: usize = 40;

/// The comment's sentences, as ranges of its tokens, a long one cut into parts of [`LONGEST_PART`]
/// words. Initials ("M.K.", "T.C.") end no sentence: a run of one-letter words joins the sentence
/// after it.
pub(crate) fn sentences(scan: &Scan<'_>) -> Vec<Range<usize>> {
    whole_sentences(scan)
        .into_iter()
        .flat_map(|sentence| {
            (sentence.start..sentence.end).step_by(LONGEST_PART).map(move |start| start..(start + LONGEST_PART).min(sentence.end))
        })
        .collect()
}

/// A sentence with fewer words the model sees than this is scored together with the sentence after
/// it (the last with the one before): "Allahım!" alone, its name left out, would be scored by its
/// exclamation mark only, one feature standing for a whole sentence.
const FEWEST_SEEN_WORDS: usize = 2;

/// The parts of a comment the learned check scores: its [`sentences`], those with fewer than
/// [`FEWEST_SEEN_WORDS`] words the model sees (not at `skip`, not names) joined to a neighbour.
pub(crate) fn scored_parts(scan: &Scan<'_>, skip: &[usize]) -> Vec<Range<usize>> {
    let tokens = scan.text.tokens();
    let seen = |range: &Range<usize>| range.clone().filter(|&at| !skip.contains(&at) && !tokens[at].proper_name).count();
    let mut parts: Vec<Range<usize>> = Vec::new();
    let mut pending: Option<Range<usize>> = None;
    for sentence in sentences(scan) {
        let part = match pending.take() {
            Some(before) => before.start..sentence.end,
            None => sentence,
        };
        // Never past a part of the longest length: a run of short sentences is scored in pieces.
        if seen(&part) < FEWEST_SEEN_WORDS && part.len() < LONGEST_PART {
            pending = Some(part);
        } else {
            parts.push(part);
        }
    }
    if let Some(rest) = pending {
        match parts.last_mut() {
            Some(last) if last.end == rest.start && last.len() + rest.len() <= 2 * LONGEST_PART => last.end = rest.end,
            _ => parts.push(rest),
        }
    }
    parts
}

fn whole_sentences(scan: &Scan<'_>) -> Vec<Range<usize>> {
    let tokens = scan.text.tokens();
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut initials_only = false;
    for (at, token) in tokens.iter().enumerate() {
        let initial = token.syms.len() <= 1;
        match out.last_mut() {
            Some(last) if tokens[last.end - 1].sentence == token.sentence || initials_only => {
                last.end = at + 1;
                initials_only = initials_only && initial;
            }
            _ => {
                out.push(at..at + 1);
                initials_only = initial;
            }
        }
    }
    out
}

pub(crate) fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trained() -> Vec<f32> {
        (0..256).map(|i| ((i * 37 % 101) as f32 - 50.0) / 17.0).collect()
    }

    fn model() -> Classifier {
        let shape = FeatureShape { bits: 8, min_gram: 1, max_gram: 4, across: true, symbols: true };
        let lists = vec!["insult".into(), "profanity".into()];
        Classifier::from_trained(shape, lists, vec!["belief".into()], -1.25, &trained(), vec!["a test model".into()])
    }

    #[test]
    fn a_model_file_reads_back_as_written_and_keeps_the_trained_weights_within_quantisation() {
        let original = model();
        let read = Classifier::parse(&original.to_file()).expect("the written file parses");
        assert_eq!(read.shape, original.shape);
        assert_eq!(read.lists, original.lists);
        assert_eq!(read.ignore, original.ignore);
        assert_eq!(read.about, original.about);
        assert!((read.bias - original.bias).abs() < 1e-6);
        assert_eq!(read.weights, original.weights);
        let trained = trained();
        let largest = trained.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        for (index, w) in trained.iter().enumerate() {
            let stored = read.weight(index as u32);
            assert!((stored - w).abs() <= largest / 32767.0, "{stored} vs {w}");
        }
        assert_eq!(read.to_file(), original.to_file());
    }

    #[test]
    fn broken_model_files_name_the_line() {
        let good = model().to_file();
        let error = Classifier::parse("hello\n").expect_err("not a model");
        assert_eq!(error.line, 1);
        let error = Classifier::parse(&good.replace("bias = ", "bias = x")).expect_err("bad number");
        assert!(error.message.contains("bias"), "{error}");
        assert_eq!(error.line, good.lines().position(|l| l.starts_with("bias")).expect("has bias") + 1);
        let truncated: String = good.lines().take(good.lines().count() - 1).map(|l| format!("{l}\n")).collect();
        let error = Classifier::parse(&truncated).expect_err("weights missing");
        assert!(error.message.contains("weights"), "{error}");
        let error = Classifier::parse(&good.replace("bits = 8", "bits = 40")).expect_err("bits out of range");
        assert!(error.message.contains("bits"), "{error}");
    }

    #[test]
    fn sigmoid_is_a_probability() {
        assert!((sigmoid(0.0) - 0.5).abs() < 1e-6);
        assert!(sigmoid(50.0) <= 1.0 && sigmoid(-50.0) >= 0.0);
    }
}

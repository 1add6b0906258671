//! What the learned check sees of a comment: hashed features, each tied to the words it came from.
//!
//! Words are read as people type them on any keyboard: the ASCII skeleton of the normalised word
//! (`şerefsiz` and `serefsiz` are one word, `@mk` is `amk`, look-alike letters are folded), with a
//! letter repeated for emphasis written once ("salaaaak" is "salak"). From these the check takes
//! - character n-grams of each word with its edges marked (`<sal`, `alak>`): they carry a stem through
//!   Turkish suffixes ("aptallar", "aptalsın") and through misspellings;
//! - the words themselves and each pair of neighbouring words ("ne diyon", "allah belani");
//! - optionally the n-grams across the space between two words, and the emoji and punctuation
//!   between words;
//! - the word lists' hits, by list and by entry: what the lists know, weighed by the model.
//!
//! Proper names written with their suffix after an apostrophe ("Atatürk'ün", "Erdoğan'ın") are left
//! out: who is named is no evidence of offense, and news comments name people all the time. (A
//! capital alone is no sign of a name in comments Written Like This.)
//!
//! Every feature is hashed into a fixed number of weights, so the model is one array whatever the
//! vocabulary; a feature remembers the words it came from, so the score can be explained by them.

use std::hash::Hasher;
use std::ops::Range;

use rustc_hash::FxHasher;

use crate::checks::{ListId, Scan};
use crate::text::{Sym, Token};

/// The shape of the features: fixed by the model file, so a model is read the way it was trained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FeatureShape {
    /// The model has `1 << bits` weights.
    pub bits: u32,
    /// Character n-grams from `min_gram` to `max_gram` letters (edge marks included).
    pub min_gram: usize,
    pub max_gram: usize,
    /// Also the n-grams that span the space between two words ("m ben", "a bak"): what a word
    /// pair's spelling shares with its neighbour's.
    pub across: bool,
    /// Also the symbols between words (emoji, "!!!", "?"), each as one feature.
    pub symbols: bool,
}

/// One feature of a comment: its weight's index, its value, and the comment's words it came from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Feature {
    pub index: u32,
    pub value: f32,
    /// Positions in the scanned token list.
    pub words: Range<usize>,
}

/// A word as typed on any keyboard: ASCII skeleton, a letter repeated three or more times for
/// emphasis written once ("salaaaak" is "salak"); two of a letter is spelling ("saat", "hakkı").
pub(crate) fn word_form(token: &Token) -> String {
    let mut out = Vec::new();
    typed_letters(token, &mut out);
    out.into_iter().collect()
}

fn typed_letters(token: &Token, out: &mut Vec<char>) {
    out.clear();
    let syms = &token.syms;
    let typed = |sym: &Sym| match *sym {
        Sym::Letter { skeleton, .. } => skeleton,
        Sym::OneOf(options) => options.first().copied().unwrap_or('?'),
        Sym::Any => '*',
        Sym::Literal(c) => c,
    };
    let mut at = 0;
    while at < syms.len() {
        let c = typed(&syms[at]);
        let run = syms[at..].iter().take_while(|s| typed(s) == c).count();
        let kept = if run >= 3 { 1 } else { run };
        out.extend(std::iter::repeat_n(c, kept));
        at += run;
    }
}

/// Hashes a feature's kind and its parts without building a string.
fn hash(kind: u8, parts: &[&[char]]) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write_u8(kind);
    for part in parts {
        for &c in *part {
            hasher.write_u32(c as u32);
        }
        hasher.write_u32(u32::MAX);
    }
    hasher.finish()
}

fn hash_str(kind: u8, parts: &[&str]) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write_u8(kind);
    for part in parts {
        hasher.write(part.as_bytes());
        hasher.write_u8(0xff);
    }
    hasher.finish()
}

/// The features of the words `tokens` (one sentence or the whole comment), with the hits of
/// `lists` that lie among them, leaving out the words at positions `skip` (words only mentioned,
/// whose sentence is judged without them). Values are scaled so that the vector has unit length:
/// a long comment weighs no more than a short one.
pub(crate) fn extract(shape: FeatureShape, scan: &Scan<'_>, tokens: Range<usize>, lists: &[(ListId, String)], skip: &[usize]) -> Vec<Feature> {
    let mut raw: Vec<(u32, Range<usize>)> = Vec::with_capacity(tokens.len() * 16);
    visit(shape, scan, tokens, lists, skip, &mut |index, words| raw.push((index, words)));
    let scale = if raw.is_empty() { 0.0 } else { 1.0 / (raw.len() as f32).sqrt() };
    raw.into_iter().map(|(index, words)| Feature { index, value: scale, words }).collect()
}

/// Calls `emit` with each feature's weight index and the words it came from, in a fixed order;
/// [`extract`] scales them to unit length.
pub(crate) fn visit(
    shape: FeatureShape,
    scan: &Scan<'_>,
    tokens: Range<usize>,
    lists: &[(ListId, String)],
    skip: &[usize],
    emit: &mut dyn FnMut(u32, Range<usize>),
) {
    let all = scan.text.tokens();
    let tokens = tokens.start.min(all.len())..tokens.end.min(all.len());
    let mask = (1u64 << shape.bits) - 1;
    let mut push = |h: u64, words: Range<usize>| emit((h & mask) as u32, words);
    // Each word with its edges marked (`<salak>`), all in one buffer; `None` for words left out.
    let mut letters: Vec<char> = Vec::with_capacity(tokens.len() * 8);
    let mut bounds: Vec<Option<Range<usize>>> = Vec::with_capacity(tokens.len());
    let mut word = Vec::new();
    for at in tokens.clone() {
        if skip.contains(&at) || all[at].proper_name {
            bounds.push(None);
            continue;
        }
        typed_letters(&all[at], &mut word);
        let start = letters.len();
        letters.push('<');
        letters.extend_from_slice(&word);
        letters.push('>');
        bounds.push(Some(start..letters.len()));
    }
    for (offset, bound) in bounds.iter().enumerate() {
        let Some(bound) = bound else { continue };
        let at = tokens.start + offset;
        let padded = &letters[bound.clone()];
        let bare = &padded[1..padded.len() - 1];
        let next = bounds.get(offset + 1).and_then(Option::as_ref).map(|b| &letters[b.start + 1..b.end - 1]);
        push(hash(b'w', &[bare]), at..at + 1);
        if let Some(next) = next {
            push(hash(b'b', &[bare, next]), at..at + 2);
        }
        for n in shape.min_gram..=shape.max_gram.min(padded.len()) {
            for window in padded.windows(n) {
                push(hash(b'c', &[window]), at..at + 1);
            }
        }
        if let (true, Some(next)) = (shape.across, next) {
            let tail = &bare[bare.len().saturating_sub(3)..];
            let head = &next[..next.len().min(3)];
            for left in 1..=tail.len() {
                for right in 1..=head.len() {
                    if left + right + 1 <= shape.max_gram {
                        push(hash(b'x', &[&tail[tail.len() - left..], &head[..right]]), at..at + 2);
                    }
                }
            }
        }
    }
    if shape.symbols {
        symbol_features(scan, tokens.clone(), &mut push);
    }
    for (list, name) in lists {
        for hit in scan.hits(*list) {
            let words = hit.words.start.max(tokens.start)..hit.words.end.min(tokens.end);
            if words.is_empty() || words.clone().any(|at| skip.contains(&at)) {
                continue;
            }
            let origin = scan.origin(*list, hit);
            let entry = origin.split_once(' ').map_or(origin.as_str(), |(_, entry)| entry);
            push(hash_str(b'l', &[name]), words.clone());
            push(hash_str(b'e', &[name, entry]), words.clone());
            if hit.masked {
                push(hash_str(b'm', &[name]), words);
            }
        }
    }
}

/// Emoji and punctuation between the words `tokens`, each tied to the word before it (or the first),
/// except a word's closing full stop.
fn symbol_features(scan: &Scan<'_>, tokens: Range<usize>, push: &mut impl FnMut(u64, Range<usize>)) {
    let all = scan.text.tokens();
    if tokens.is_empty() {
        return;
    }
    let original = scan.text.original();
    let start = all[tokens.start].source.start;
    let end = all.get(tokens.end).map_or(original.len(), |t| t.source.start);
    let mut word = tokens.start;
    for at in start..end {
        while word + 1 < tokens.end && all[word + 1].source.start <= at {
            word += 1;
        }
        let c = original[at];
        if c.is_alphanumeric() || c.is_whitespace() || all[word].source.contains(&at) {
            continue;
        }
        // A full stop closing a word is no evidence of tone, and whether it is there depends on
        // whether another sentence follows: a sentence is scored the same either way. An
        // ellipsis ("...") and other marks ("!", "?") still count.
        let closes_word = all[word].source.end == at;
        if c == '.' && closes_word && original.get(at + 1) != Some(&'.') {
            continue;
        }
        push(hash(b's', &[&[c]]), word..word + 1);
    }
}

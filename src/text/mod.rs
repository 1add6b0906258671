//! The text model: one comment, normalised once and shared by every check.
//!
//! Checks never look at the raw string. They see a [`Text`]: the comment folded character by character
//! (see [`fold`]), cut into [`Token`]s that know which code points of the original they came from, plus
//! extra tokens rebuilt from letters that were split apart to evade filters ("s.i.k", "S İ K T İ R").
//! Because every folded character carries its source range, any match maps back to an exact span of
//! the comment, counted in code points as the contract requires.

pub(crate) mod fold;
mod language;
mod tokens;

use std::ops::Range;

pub use language::Language;
pub(crate) use tokens::{Sym, Token};

use crate::verdict::Span;

/// One character of the normalised view and the code points of the comment it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NormChar {
    /// Lower-cased by Turkish rules, accents outside the Turkish alphabet removed.
    pub letter: char,
    /// `letter` with the Turkish letters typed as ASCII (`ş`→`s`, `ı`→`i`).
    pub skeleton: char,
    /// A look-alike from another script stood here.
    pub masked: bool,
    /// An `ı` written as capital `I`, which may mean i (see `fold::Folded`).
    pub dotless_capital: bool,
    pub source: Range<usize>,
}

/// A comment, normalised and tokenised.
#[derive(Debug)]
pub(crate) struct Text {
    original: Vec<char>,
    tokens: Vec<Token>,
    rebuilt: Vec<Token>,
    /// Found when first asked: word-list entries are texts too, and never need it.
    detected_language: std::cell::OnceCell<Language>,
}

impl Text {
    pub(crate) fn new(comment: &str) -> Self {
        let original: Vec<char> = comment.chars().collect();
        let chars = normalise(&original);
        let mut tokens = tokens::tokenize(&chars, &original);
        for token in tokens.iter_mut().filter(|t| t.suffix_at.is_some()) {
            token.proper_name = original.get(token.source.start).is_some_and(|c| c.is_uppercase());
        }
        let rebuilt = tokens::rebuild_split_words(&chars, &tokens, &original);
        Text { original, tokens, rebuilt, detected_language: std::cell::OnceCell::new() }
    }

    /// The comment's code points.
    pub(crate) fn original(&self) -> &[char] {
        &self.original
    }

    /// Words in reading order.
    pub(crate) fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Words put back together from letters split by spaces or punctuation; they overlap `tokens`.
    pub(crate) fn rebuilt_tokens(&self) -> &[Token] {
        &self.rebuilt
    }

    pub(crate) fn detected_language(&self) -> Language {
        *self.detected_language.get_or_init(|| language::detect(&self.original, &self.tokens))
    }

    /// The span of the comment between two code-point offsets, with its text.
    pub(crate) fn span(&self, range: Range<usize>) -> Span {
        let end = range.end.min(self.original.len());
        let start = range.start.min(end);
        Span { start, end, text: self.original[start..end].iter().collect() }
    }
}

/// Folds every code point and attaches combining marks to the letter before them, so `s` + U+0327 is
/// `ş` and `a` + U+0301 is `a` whose source covers both code points.
fn normalise(original: &[char]) -> Vec<NormChar> {
    let mut chars: Vec<NormChar> = Vec::with_capacity(original.len());
    let mut folded = Vec::with_capacity(4);
    for (index, &c) in original.iter().enumerate() {
        if fold::is_invisible(c) {
            continue;
        }
        folded.clear();
        fold::fold_char(c, |f| folded.push(f));
        let is_mark = |f: &fold::Folded| unicode_normalization::char::is_combining_mark(f.letter);
        // A mark reaches back to the letter before only when its own code point brings no letter
        // (Lao "ຳ" decomposes to a mark and then a letter: the mark is its own).
        let standalone = folded.iter().all(is_mark);
        for f in &folded {
            if !is_mark(f) {
                chars.push(NormChar {
                    letter: f.letter,
                    skeleton: fold::ascii_skeleton(f.letter),
                    masked: f.masked,
                    dotless_capital: f.dotless_capital,
                    source: index..index + 1,
                });
                continue;
            }
            let Some(last) = chars.last_mut() else { continue };
            let own = last.source.start == index;
            let follows = standalone && last.source.end == index;
            if !own && !follows {
                continue;
            }
            if let Some(composed) = fold::compose_turkish(last.letter, f.letter) {
                last.letter = composed;
                last.skeleton = fold::ascii_skeleton(composed);
                last.dotless_capital = false;
            }
            // Every character folded from the same code point ("ﬀ" → "ff") keeps one range.
            let shared = last.source.clone();
            for c in chars.iter_mut().rev().take_while(|c| c.source == shared) {
                c.source.end = index + 1;
            }
        }
    }
    chars
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(comment: &str) -> Vec<NormChar> {
        normalise(&comment.chars().collect::<Vec<_>>())
    }

    fn letters(comment: &str) -> String {
        folded(comment).iter().map(|c| c.letter).collect()
    }

    #[test]
    fn dotted_capital_i_lowers_to_i_and_keeps_one_source() {
        assert_eq!(letters("İSTANBUL"), "istanbul");
        assert_eq!(folded("İSTANBUL")[0].source, 0..1);
    }

    #[test]
    fn combining_cedilla_makes_the_turkish_letter_and_spans_both_code_points() {
        assert_eq!(letters("s\u{0327}ey"), "şey");
        assert_eq!(folded("s\u{0327}ey")[0].source, 0..2);
    }

    #[test]
    fn foreign_accents_are_dropped_but_stay_inside_the_span() {
        assert_eq!(letters("ama\u{0301}k"), "amak");
        assert_eq!(folded("ama\u{0301}k")[2].source, 2..4);
    }

    #[test]
    fn invisible_characters_vanish_from_the_view() {
        let text = Text::new("si\u{200b}k\u{200b}tir");
        assert_eq!(letters("si\u{200b}k\u{200b}tir"), "siktir");
        assert_eq!(text.tokens().len(), 1);
        assert!(text.tokens()[0].masked);
        assert_eq!(text.tokens()[0].source, 0..8);
    }

    proptest::proptest! {
        #[test]
        fn every_offset_of_the_model_lies_in_the_comment_and_in_order(comment in "(\\PC|[İIıiŞş\u{301}\u{327}\u{200b}\u{202e} .*@$1-]){0,60}") {
            let text = Text::new(&comment);
            let length = comment.chars().count();
            let mut previous: Option<std::ops::Range<usize>> = None;
            for c in &folded(&comment) {
                proptest::prop_assert!(c.source.start < c.source.end && c.source.end <= length, "{:?}", c);
                // One code point may fold to several ("¼" → "1⁄4"); they share its range.
                if let Some(before) = &previous {
                    proptest::prop_assert!(c.source.start >= before.end || c.source == *before, "{:?} overlaps {:?}", c, before);
                }
                previous = Some(c.source.clone());
            }
            // Words come in reading order; two may share a code point that folds to several
            // characters across a word break ("¼" → "1⁄4").
            let mut previous_token = 0..0;
            for token in text.tokens() {
                proptest::prop_assert!(token.source.start < token.source.end && token.source.end <= length);
                proptest::prop_assert!(token.source.start >= previous_token.start && token.source.end >= previous_token.end, "words out of order");
                proptest::prop_assert!(!token.syms.is_empty());
                previous_token = token.source.clone();
            }
            for token in text.rebuilt_tokens() {
                proptest::prop_assert!(token.words.len() >= 2 && token.words.end <= text.tokens().len());
                proptest::prop_assert_eq!(token.source.start, text.tokens()[token.words.start].source.start);
                proptest::prop_assert_eq!(token.source.end, text.tokens()[token.words.end - 1].source.end);
            }
        }
    }

    #[test]
    fn spans_count_code_points_not_bytes() {
        let text = Text::new("😡 göt");
        let span = text.span(text.tokens()[0].source.clone());
        assert_eq!((span.start, span.end, span.text.as_str()), (2, 5, "göt"));
    }
}

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
    pub source: Range<usize>,
}

/// A comment, normalised and tokenised.
#[derive(Debug)]
pub(crate) struct Text {
    original: Vec<char>,
    chars: Vec<NormChar>,
    tokens: Vec<Token>,
    rebuilt: Vec<Token>,
    detected_language: Language,
}

impl Text {
    pub(crate) fn new(comment: &str) -> Self {
        let original: Vec<char> = comment.chars().collect();
        let chars = normalise(&original);
        let tokens = tokens::tokenize(&chars);
        let rebuilt = tokens::rebuild_split_words(&chars, &tokens, &original);
        let detected_language = language::detect(&tokens);
        Text { original, chars, tokens, rebuilt, detected_language }
    }

    /// The comment's code points.
    pub(crate) fn original(&self) -> &[char] {
        &self.original
    }

    pub(crate) fn chars(&self) -> &[NormChar] {
        &self.chars
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
        self.detected_language
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
    for (index, &c) in original.iter().enumerate() {
        if fold::is_invisible(c) {
            continue;
        }
        fold::fold_char(c, |folded| {
            if unicode_normalization::char::is_combining_mark(folded.letter) {
                if let Some(last) = chars.last_mut() {
                    // Only a mark that directly follows its letter (or came out of the same code point)
                    // belongs to it.
                    if last.source.end == index || last.source.end == index + 1 {
                        if let Some(composed) = fold::compose_turkish(last.letter, folded.letter) {
                            last.letter = composed;
                            last.skeleton = fold::ascii_skeleton(composed);
                        }
                        last.source.end = index + 1;
                    }
                }
                return;
            }
            chars.push(NormChar {
                letter: folded.letter,
                skeleton: fold::ascii_skeleton(folded.letter),
                masked: folded.masked,
                source: index..index + 1,
            });
        });
    }
    chars
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letters(text: &Text) -> String {
        text.chars().iter().map(|c| c.letter).collect()
    }

    #[test]
    fn dotted_capital_i_lowers_to_i_and_keeps_one_source() {
        let text = Text::new("İSTANBUL");
        assert_eq!(letters(&text), "istanbul");
        assert_eq!(text.chars()[0].source, 0..1);
    }

    #[test]
    fn combining_cedilla_makes_the_turkish_letter_and_spans_both_code_points() {
        let text = Text::new("s\u{0327}ey");
        assert_eq!(letters(&text), "şey");
        assert_eq!(text.chars()[0].source, 0..2);
    }

    #[test]
    fn foreign_accents_are_dropped_but_stay_inside_the_span() {
        let text = Text::new("ama\u{0301}k");
        assert_eq!(letters(&text), "amak");
        assert_eq!(text.chars()[2].source, 2..4);
    }

    #[test]
    fn invisible_characters_vanish_from_the_view() {
        let text = Text::new("si\u{200b}k\u{200b}tir");
        assert_eq!(letters(&text), "siktir");
        assert_eq!(text.tokens().len(), 1);
        assert!(text.tokens()[0].masked);
        assert_eq!(text.tokens()[0].source, 0..8);
    }

    #[test]
    fn spans_count_code_points_not_bytes() {
        let text = Text::new("😡 göt");
        let span = text.span(text.tokens()[0].source.clone());
        assert_eq!((span.start, span.end, span.text.as_str()), (2, 5, "göt"));
    }
}

//! `uppercase`: the comment is written in capital letters.
//!
//! ## What it catches
//! Comments typed with caps lock on: most of their words entirely in capitals. Case is read per
//! Unicode, which is right for Turkish (`İ` is a capital, `ı` a small letter); only case *mapping*
//! needs Turkish rules, and the suggested rewrite uses them.
//!
//! ## What it leaves alone
//! One word shouted in an ordinary sentence, acronyms (NATO, ABD, TBMM: listed ones do not count at
//! all), single capital letters, mentions and hashtags, and short comments ("ÇOK İYİ").
//!
//! ## Why
//! The policy rejects comments "written in capital letters": they read as shouting and are hard to
//! read. The reason offers the comment in sentence case so fixing it is one click.
//!
//! ## Parameters
//! - `min_words`: at least this many words in capitals (words of two letters or more).
//! - `min_letters`: at least this many capital letters in those words.
//! - `min_ratio`: and at least this share of the comment's words in capitals.
//! - `acronyms` (optional): a word list of acronyms, which are ignored.
//!
//! ## Example
//! "BU HABER TAMAMEN YALAN, KİMSE İNANMASIN" → rejected, suggestion "Bu haber tamamen yalan, kimse
//! inanmasın". "NATO ve ABD yetkilileri TBMM'de görüştü" → approved.

use serde::Deserialize;

use super::{Check, Finding, ListId, ListNames, Scan};
use crate::text::fold::turkish_lowercase;
use crate::text::Language;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct UppercaseSpec {
    min_words: usize,
    min_letters: usize,
    min_ratio: f64,
    #[serde(default)]
    acronyms: Option<String>,
}

impl UppercaseSpec {
    pub(crate) fn build(&self, lists: &ListNames<'_>) -> Result<Box<dyn Check>, String> {
        if !(0.0..=1.0).contains(&self.min_ratio) {
            return Err(format!("`min_ratio` must be between 0 and 1, not {}", self.min_ratio));
        }
        let acronyms = self.acronyms.as_deref().map(|name| lists.resolve(name)).transpose()?;
        Ok(Box::new(UppercaseCheck {
            min_words: self.min_words.max(1),
            min_letters: self.min_letters,
            min_ratio: self.min_ratio,
            acronyms,
        }))
    }
}

#[derive(Debug)]
struct UppercaseCheck {
    min_words: usize,
    min_letters: usize,
    min_ratio: f64,
    acronyms: Option<ListId>,
}

impl Check for UppercaseCheck {
    fn find(&self, scan: &Scan<'_>) -> Option<Finding> {
        let original = scan.text.original();
        let acronym_hits = self.acronyms.map(|list| scan.hits(list)).unwrap_or_default();
        let is_acronym = |word: usize| acronym_hits.iter().any(|h| h.words.contains(&word));

        let mut words = 0usize;
        let mut capital_letters = 0usize;
        let mut shouted = Vec::new();
        for (index, token) in scan.text.tokens().iter().enumerate() {
            // Mentions and hashtags are names, not the commenter's writing.
            let handle = |at: usize| original.get(at).is_some_and(|c| matches!(c, '@' | '#'));
            if handle(token.source.start) || token.source.start.checked_sub(1).is_some_and(handle) {
                continue;
            }
            let letters = &original[token.source.clone()];
            let upper = letters.iter().filter(|c| c.is_uppercase()).count();
            let lower = letters.iter().filter(|c| c.is_lowercase()).count();
            if upper + lower < 2 || is_acronym(index) {
                continue;
            }
            words += 1;
            if lower == 0 {
                capital_letters += upper;
                shouted.push(token.source.clone());
            }
        }
        let ratio = shouted.len() as f64 / words.max(1) as f64;
        if shouted.len() < self.min_words || capital_letters < self.min_letters || ratio < self.min_ratio {
            return None;
        }
        let keep: Vec<_> = acronym_hits.iter().map(|h| h.source.clone()).collect();
        Some(Finding { spans: shouted, suggestion: Some(sentence_case(original, &keep, scan.language)), evidence: Vec::new() })
    }
}

/// The comment in sentence case: lower case by the language's rules, a capital at each sentence's
/// start, acronyms as written.
fn sentence_case(original: &[char], keep: &[std::ops::Range<usize>], language: Language) -> String {
    let mut out = String::with_capacity(original.len());
    let mut sentence_start = true;
    let mut after_stop = false;
    for (index, &c) in original.iter().enumerate() {
        if keep.iter().any(|r| r.contains(&index)) {
            out.push(c);
            sentence_start = false;
            after_stop = false;
            continue;
        }
        // A full stop starts a sentence only when white space follows it ("3.5" does not).
        if c.is_whitespace() && after_stop {
            sentence_start = true;
        }
        after_stop = matches!(c, '.' | '!' | '?' | '…') || (after_stop && !c.is_alphanumeric() && !c.is_whitespace());
        if c.is_alphabetic() {
            if sentence_start {
                out.push(c);
            } else {
                match language {
                    Language::Tr => out.extend(turkish_lowercase(c)),
                    Language::En => out.extend(c.to_lowercase()),
                }
            }
            sentence_start = false;
        } else {
            out.push(c);
            if c == '\n' {
                sentence_start = true;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::Fixture;

    fn fixture() -> Fixture {
        Fixture::new(&[("acronyms", "nato\nabd\ntbmm\nab\n")])
    }

    const SPEC: &str = "kind = 'uppercase'\nmin_words = 3\nmin_letters = 12\nmin_ratio = 0.6\nacronyms = 'acronyms'";

    #[test]
    fn a_comment_in_capitals_fires_with_a_sentence_case_suggestion() {
        let fixture = fixture();
        let check = fixture.check(SPEC);
        let comment = "BU HABER TAMAMEN YALAN, KİMSE İNANMASIN";
        assert_eq!(fixture.spans(&*check, comment).map(|s| s.len()), Some(6));
        assert_eq!(fixture.suggestion(&*check, comment).as_deref(), Some("Bu haber tamamen yalan, kimse inanmasın"));
    }

    #[test]
    fn sentences_start_after_a_full_stop_and_a_space_only() {
        let fixture = fixture();
        let check = fixture.check(SPEC);
        assert_eq!(
            fixture.suggestion(&*check, "ENFLASYON 3.5 PUAN ARTTI. HERKES ÇOK KIZGIN").as_deref(),
            Some("Enflasyon 3.5 puan arttı. Herkes çok kızgın")
        );
    }

    #[test]
    fn dotted_and_dotless_capitals_lower_by_turkish_rules() {
        let fixture = fixture();
        let check = fixture.check(SPEC);
        assert_eq!(
            fixture.suggestion(&*check, "IŞIKLAR İSTANBUL'DA HİÇ SÖNMEDİ").as_deref(),
            Some("Işıklar istanbul'da hiç sönmedi")
        );
    }

    #[test]
    fn one_shouted_word_acronyms_and_short_comments_pass() {
        let fixture = fixture();
        let check = fixture.check(SPEC);
        assert_eq!(fixture.spans(&*check, "Bu karar gerçekten REZALET olmuş arkadaşlar"), None);
        assert_eq!(fixture.spans(&*check, "NATO ve ABD yetkilileri TBMM'de görüştü"), None);
        assert_eq!(fixture.spans(&*check, "ÇOK İYİ"), None);
        assert_eq!(fixture.spans(&*check, "ııı küçük harfler"), None);
        assert_eq!(fixture.spans(&*check, "@USER @USER @USER @USER Analizin sonucunu paylaşır mısınız #TBMM #SEÇİM"), None);
    }
}

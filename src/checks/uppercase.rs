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
//! - `restore` (optional): a model of Turkish letters (`models/<name>/`). A Turkish comment in
//!   capitals is usually typed without Turkish letters too ("TRAFIK" for "TRAFİK"): the suggestion
//!   restores them before lowering the case, and keeps the capital of names the model knows.
//!
//! ## Example
//! "BU HABER TAMAMEN YALAN, KİMSE İNANMASIN" → rejected, suggestion "Bu haber tamamen yalan, kimse
//! inanmasın"; "ISTANBUL'DA TRAFIK YINE FELC OLDU" → "İstanbul'da trafik yine felç oldu"; English
//! keeps its "I": "THIS IS THE WORST ARTICLE I HAVE EVER READ" → "This is the worst article I have
//! ever read". "NATO ve ABD yetkilileri TBMM'de görüştü" → approved.

use serde::Deserialize;

use std::ops::Range;

use super::{Check, Finding, ListId, ModelId, PolicyData, Scan};
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
    #[serde(default)]
    restore: Option<String>,
}

impl UppercaseSpec {
    pub(crate) fn build(&self, lists: &PolicyData<'_>) -> Result<Box<dyn Check>, String> {
        if !(0.0..=1.0).contains(&self.min_ratio) {
            return Err(format!("`min_ratio` must be between 0 and 1, not {}", self.min_ratio));
        }
        let acronyms = self.acronyms.as_deref().map(|name| lists.resolve(name)).transpose()?;
        let restore = self.restore.as_deref().map(|name| lists.resolve_model(name)).transpose()?;
        Ok(Box::new(UppercaseCheck {
            min_words: self.min_words.max(1),
            min_letters: self.min_letters,
            min_ratio: self.min_ratio,
            acronyms,
            restore,
        }))
    }
}

#[derive(Debug)]
struct UppercaseCheck {
    min_words: usize,
    min_letters: usize,
    min_ratio: f64,
    acronyms: Option<ListId>,
    restore: Option<ModelId>,
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
            // Mentions and hashtags are names, not the commenter's writing; a word right after a
            // letter is the next word of a hashtag in camel case ("#EytHakkımız").
            let handle = |c: &char| matches!(c, '@' | '#');
            let before = token.source.start.checked_sub(1).and_then(|at| original.get(at));
            if original.get(token.source.start).is_some_and(handle) || before.is_some_and(|c| handle(c) || c.is_alphabetic()) {
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
        Some(Finding { spans: shouted, suggestion: self.fix(scan), ..Finding::default() })
    }

    fn fix(&self, scan: &Scan<'_>) -> Option<String> {
        let acronym_hits = self.acronyms.map(|list| scan.hits(list)).unwrap_or_default();
        let mut keep: Vec<Range<usize>> = acronym_hits.iter().map(|h| h.source.clone()).collect();
        let restored = match (self.restore, scan.language) {
            (Some(model), Language::Tr) => {
                let text = &scan.restoration(model).text;
                let model = scan.model(model);
                // A name keeps its capital: the first letter of a word the model writes with one.
                for token in scan.text.tokens() {
                    let word = &text[token.source.clone()];
                    let stem: String = word.iter().take_while(|c| !matches!(c, '\'' | '’')).collect();
                    if word.first().is_some_and(|c| c.is_uppercase()) && model.is_name(&stem) {
                        keep.push(token.source.start..token.source.start + 1);
                    }
                }
                text.as_slice()
            }
            _ => scan.text.original(),
        };
        if scan.language == Language::En {
            // The pronoun I, alone or in "I'm", "I've", "I'd", "I'll".
            for token in scan.text.tokens() {
                let word = &restored[token.source.clone()];
                if word.first() == Some(&'I') && word.get(1).is_none_or(|c| matches!(c, '\'' | '’')) {
                    keep.push(token.source.start..token.source.start + 1);
                }
            }
        }
        let mut kept = vec![false; restored.len()];
        for range in keep {
            kept[range.start.min(restored.len())..range.end.min(restored.len())].fill(true);
        }
        Some(sentence_case(restored, &kept, scan.language))
    }

    fn fix_order(&self) -> u8 {
        2
    }
}

/// The comment in sentence case: lower case by the language's rules, a capital at each sentence's
/// start, the characters `kept` marks (acronyms, names) as written.
fn sentence_case(original: &[char], kept: &[bool], language: Language) -> String {
    let mut out = String::with_capacity(original.len());
    let mut sentence_start = true;
    let mut after_stop = false;
    for (index, &c) in original.iter().enumerate() {
        if kept.get(index).copied().unwrap_or(false) {
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
                    _ => out.extend(c.to_lowercase()),
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

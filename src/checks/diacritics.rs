//! `diacritics`: Turkish typed without its letters.
//!
//! ## What it catches
//! Comments written on a keyboard without ç ğ ı İ ö ş ü: "Bu haber cok guzel olmus, emeginize
//! saglik." A model of Turkish letters (`models/<name>/`, see `crate::restore`) puts the letters
//! back word by word; a word counts against the comment when the vocabulary knows its restored
//! spelling and that spelling is far commoner than the one typed ("cok" is a word the vocabulary
//! has seen, 370 times less often than "çok"). So does a word typed with some of its Turkish
//! letters but not all ("göründügü", "ugraşmayın"), which the vocabulary completes without changing
//! a letter the writer typed: the writer has the letters and left these out.
//!
//! ## What it leaves alone
//! One or two slips in a comment otherwise written with Turkish letters; names the vocabulary does
//! not know in a Turkish spelling, acronyms, mentions, hashtags, URLs, numbers, words with letters
//! foreign to Turkish; and every comment not judged as Turkish (the rule file limits it to
//! `tr`, so an English comment is never told to use Turkish letters).
//!
//! ## Why
//! The policy rejects comments that "do not use Turkish characters": they are harder to read and
//! ambiguous ("sık" or "sik"). The suggestion is the whole comment with the letters restored and
//! every other character as typed, so fixing it is one click.
//!
//! ## Parameters
//! - `model`: the model of Turkish letters (a folder under `models/`).
//! - `min_words`: at least this many words typed without the letters they need.
//! - `min_ratio`: and at least this share of the words that need Turkish letters typed without
//!   them (the rest were typed with them).
//! - `allow` (optional): word lists of names and abbreviations left as typed where they begin with
//!   a capital, neither counted nor restored: foreign ones the model reads as Turkish words
//!   ("Salomon Brothers Inc" is not "İnç", the inch; "5 inc" still is "5 inç"). A moderator adds
//!   one by editing the list.
//!
//! Names the vocabulary knows in a Turkish spelling ("Besiktas'in") and unknown words the patterns
//! give Turkish letters count too, but at least one of the words must be a common word the
//! vocabulary knows ("cok") or a suffix the writer typed ("Malakka'yi"): an English comment about
//! Besiktas is not Turkish typed in ASCII.
//!
//! ## Example
//! "Bu haber cok guzel olmus" → rejected, spans `cok`, `guzel`, `olmus`, suggestion "Bu haber çok
//! güzel olmuş". "Bu haber çok güzel olmus" → approved (a slip: two of three words carry their letters).

use serde::Deserialize;

use super::{overlaps_any, Check, Finding, ListId, ModelId, PolicyData, Scan};
use crate::restore::RestoredWord;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DiacriticsSpec {
    model: String,
    min_words: usize,
    min_ratio: f64,
    #[serde(default)]
    allow: Vec<String>,
}

impl DiacriticsSpec {
    pub(crate) fn build(&self, data: &PolicyData<'_>) -> Result<Box<dyn Check>, String> {
        if !(0.0..=1.0).contains(&self.min_ratio) {
            return Err(format!("`min_ratio` must be between 0 and 1, not {}", self.min_ratio));
        }
        Ok(Box::new(DiacriticsCheck {
            model: data.resolve_model(&self.model)?,
            min_words: self.min_words.max(1),
            min_ratio: self.min_ratio,
            allow: self.allow.iter().map(|name| data.resolve(name)).collect::<Result<_, _>>()?,
        }))
    }
}

#[derive(Debug)]
struct DiacriticsCheck {
    model: ModelId,
    min_words: usize,
    min_ratio: f64,
    allow: Vec<ListId>,
}

impl DiacriticsCheck {
    /// The restored words, but those an `allow` list holds written with a capital: the list
    /// holds names and abbreviations ("Salomon Brothers Inc"), and the same letters in lower case
    /// are as often a Turkish word typed without its letters ("5 inc" is "5 inç").
    fn judged<'s>(&self, scan: &'s Scan<'_>) -> Vec<&'s RestoredWord> {
        let allowed = scan.capitalised_hits(&self.allow);
        scan.restoration(self.model).words.iter().filter(|w| !overlaps_any(&allowed, &w.source)).collect()
    }

    /// The comment with the judged words restored; allowed ones keep the letters they were typed with.
    fn restored(&self, scan: &Scan<'_>, words: &[&RestoredWord]) -> String {
        let restoration = scan.restoration(self.model);
        let mut text = scan.text.original().to_vec();
        for word in words {
            text[word.source.clone()].copy_from_slice(&restoration.text[word.source.clone()]);
        }
        text.iter().collect()
    }
}

impl Check for DiacriticsCheck {
    fn find(&self, scan: &Scan<'_>) -> Option<Finding> {
        let restoration = scan.restoration(self.model);
        let words = self.judged(scan);
        let without = words.iter().filter(|w| w.needs_letters).count();
        // A word typed with some Turkish letters that lacked others counts as typed without them.
        let completed = words.iter().filter(|w| w.partly_typed && w.needs_letters).count();
        let typed_with = restoration.typed_with_letters.saturating_sub(completed);
        let ratio = without as f64 / (without + typed_with).max(1) as f64;
        // Names and guesses support the case; a common word (or a suffix) typed without its letters
        // makes it.
        let anchored = words.iter().any(|w| w.known_word);
        if without < self.min_words || ratio < self.min_ratio || !anchored {
            return None;
        }
        Some(Finding {
            spans: words.iter().filter(|w| w.changed).map(|w| w.source.clone()).collect(),
            suggestion: Some(self.restored(scan, &words)),
            evidence: Vec::new(),
            ..Finding::default()
        })
    }

    fn fix(&self, scan: &Scan<'_>) -> Option<String> {
        Some(self.restored(scan, &self.judged(scan)))
    }

    fn fix_order(&self) -> u8 {
        1
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::Fixture;

    const WORDS: &str = "inç\t-5\nçok\t-2.4\ncok\t-4.9\ngüzel\t-3.0\nolmuş\t-3.2\nemeğinize\t-5\nsağlık\t-4\nsaglik\t-6.9\n";
    const SPEC: &str = "kind = 'diacritics'\nmodel = 'letters'\nmin_words = 2\nmin_ratio = 0.5";

    fn fixture() -> Fixture {
        Fixture::new(&[]).with_model("letters", WORDS, "")
    }

    #[test]
    fn turkish_typed_in_ascii_fires_with_the_restored_comment() {
        let fixture = fixture();
        let check = fixture.check(SPEC);
        let comment = "Bu haber cok guzel olmus, emeginize saglik.";
        assert_eq!(
            fixture.spans(&*check, comment),
            Some(vec!["cok".to_string(), "guzel".into(), "olmus".into(), "emeginize".into(), "saglik".into()])
        );
        assert_eq!(fixture.suggestion(&*check, comment).as_deref(), Some("Bu haber çok güzel olmuş, emeğinize sağlık."));
    }

    #[test]
    fn one_slip_among_turkish_letters_passes() {
        let fixture = fixture();
        let check = fixture.check(SPEC);
        assert_eq!(fixture.spans(&*check, "Bu haber çok güzel olmus"), None);
        assert_eq!(fixture.spans(&*check, "Bu haber cok iyi"), None);
    }

    #[test]
    fn a_word_typed_with_some_turkish_letters_but_not_all_lacks_them() {
        let fixture = fixture();
        let check = fixture.check(SPEC);
        // "saglık" has its ı but not its ğ: it counts with "emeginize", not with "Çok" and "güzel".
        let comment = "Çok güzel, emeginize saglık.";
        assert_eq!(fixture.spans(&*check, comment), Some(vec!["emeginize".to_string(), "saglık".into()]));
        assert_eq!(fixture.suggestion(&*check, comment).as_deref(), Some("Çok güzel, emeğinize sağlık."));
    }

    #[test]
    fn words_of_an_allow_list_are_neither_counted_nor_restored() {
        let fixture = Fixture::new(&[("letters-allow", "inc\n")]).with_model("letters", WORDS, "");
        let spec = format!("{SPEC}\nallow = ['letters-allow']");
        let check = fixture.check(&spec);
        let comment = "Salomon Brothers Inc haberi cok guzel olmus";
        assert_eq!(fixture.spans(&*check, comment), Some(vec!["cok".to_string(), "guzel".into(), "olmus".into()]));
        assert_eq!(fixture.suggestion(&*check, comment).as_deref(), Some("Salomon Brothers Inc haberi çok güzel olmuş"));
        // Without the list, "Inc" is the inch.
        let unlisted = fixture.check(SPEC);
        assert_eq!(fixture.suggestion(&*unlisted, comment).as_deref(), Some("Salomon Brothers İnç haberi çok güzel olmuş"));
        // In lower case it is the inch typed without its letter.
        assert_eq!(fixture.suggestion(&*check, "5 inc ekran cok guzel").as_deref(), Some("5 inç ekran çok güzel"));
        // Only one word typed without letters once the allowed one is left out: a slip.
        assert_eq!(fixture.spans(&*check, "Salomon Brothers Inc haberi çok güzel olmus"), None);
    }
}

//! Turkish word forms with their frequency, found by the way they are typed in ASCII.
//!
//! `words.txt` holds one form a line with its log10 probability (`çok<TAB>-2.373`). Forms are kept
//! in one string and sorted by their ASCII spelling, so every spelling of "cok" (`çok`, `cok`) is
//! one binary search away and the whole vocabulary costs a few bytes a word beyond its text.

use std::cmp::Ordering;
use std::ops::Range;

use crate::text::fold::{ascii_skeleton, turkish_lowercase};

/// The log10 probability of a form seen only a few times in the model's corpus.
const RARE: f32 = -6.5;

/// How much rarer (log10) a name's suffixed forms may be than the word alone.
const NAME_MARGIN: f32 = 1.5;

#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    forms: String,
    entries: Vec<Entry>,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    start: u32,
    len: u16,
    log_probability: f32,
}

/// One spelling of a word and its log10 probability.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Form<'a> {
    /// In lower case, except that a name keeps its capital (`İstanbul`).
    pub text: &'a str,
    pub log_probability: f32,
}

/// The ASCII spelling a form is found by: Turkish lower case, Turkish letters as ASCII.
fn ascii_key(form: &str) -> impl Iterator<Item = char> + '_ {
    form.chars().flat_map(turkish_lowercase).map(ascii_skeleton)
}

impl Vocabulary {
    /// Reads `form<TAB>log10 probability` lines; `#` starts a comment line.
    pub(crate) fn parse(content: &str) -> Result<Self, (usize, String)> {
        let mut vocabulary = Vocabulary { forms: String::with_capacity(content.len()), entries: Vec::new() };
        for (index, line) in content.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let problem = |message: &str| (index + 1, message.to_string());
            let Some((form, probability)) = line.split_once('\t') else {
                return Err(problem("expected `word<TAB>log10 probability`"));
            };
            if form.is_empty() || form.len() > usize::from(u16::MAX) || form.chars().any(|c| c.is_whitespace()) {
                return Err(problem("a word is one or more characters without spaces"));
            }
            let log_probability: f32 = probability
                .trim()
                .parse()
                .ok()
                .filter(|p: &f32| p.is_finite() && *p <= 0.0)
                .ok_or_else(|| problem("the log10 probability must be a number no greater than 0"))?;
            let start = u32::try_from(vocabulary.forms.len()).map_err(|_| problem("the vocabulary is too large"))?;
            vocabulary.forms.push_str(form);
            vocabulary.entries.push(Entry { start, len: form.len() as u16, log_probability });
        }
        // The exported file is sorted already; a hand-edited one may not be.
        let sorted = vocabulary.entries.windows(2).all(|pair| vocabulary.order(&pair[0], &pair[1]) != Ordering::Greater);
        if !sorted {
            let mut entries = std::mem::take(&mut vocabulary.entries);
            entries.sort_by(|a, b| vocabulary.order(a, b));
            vocabulary.entries = entries;
        }
        Ok(vocabulary)
    }

    fn text(&self, entry: &Entry) -> &str {
        let start = entry.start as usize;
        &self.forms[start..start + usize::from(entry.len)]
    }

    fn order(&self, a: &Entry, b: &Entry) -> Ordering {
        ascii_key(self.text(a))
            .cmp(ascii_key(self.text(b)))
            .then(b.log_probability.total_cmp(&a.log_probability))
    }

    fn range_of(&self, key: &str) -> Range<usize> {
        let start = self.entries.partition_point(|e| ascii_key(self.text(e)).cmp(key.chars()) == Ordering::Less);
        let len = self.entries[start..].partition_point(|e| ascii_key(self.text(e)).eq(key.chars()));
        start..start + len
    }

    /// Every form typed in ASCII as `key` (lower case ASCII), most probable first.
    pub(crate) fn spellings(&self, key: &str) -> impl Iterator<Item = Form<'_>> + '_ {
        self.entries[self.range_of(key)]
            .iter()
            .map(|e| Form { text: self.text(e), log_probability: e.log_probability })
    }

    pub(crate) fn knows(&self, key: &str) -> bool {
        !self.range_of(key).is_empty()
    }

    /// The word is a name: its commonest form has a capital, or its forms with a suffix after an
    /// apostrophe are written with one and are not much rarer than the word alone ("istanbul" is
    /// found as "İstanbul'da"; "güzel" as a word is far commoner than the surname in "Güzel'in").
    pub(crate) fn is_name(&self, key: &str) -> bool {
        let capital = |text: &str| text.chars().next().is_some_and(char::is_uppercase);
        let alone = self.spellings(key).next();
        if alone.is_some_and(|f| capital(f.text)) {
            return true;
        }
        let prefix: Vec<char> = key.chars().chain(['\'']).collect();
        let start = self.entries.partition_point(|e| ascii_key(self.text(e)).cmp(prefix.iter().copied()) == Ordering::Less);
        let commonest_suffixed = self.entries[start..]
            .iter()
            .take_while(|e| ascii_key(self.text(e)).take(prefix.len()).eq(prefix.iter().copied()))
            .filter(|e| capital(self.text(e)))
            .map(|e| e.log_probability)
            .fold(f32::NEG_INFINITY, f32::max);
        // Forms seen once or twice are noise ("Oldu'da").
        commonest_suffixed > RARE && alone.is_none_or(|f| commonest_suffixed > f.log_probability - NAME_MARGIN)
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_found_by_their_ascii_spelling_most_probable_first() {
        let vocabulary = Vocabulary::parse("# test\nsik\t-6.9\nİstanbul\t-3.0\nsık\t-3.8\nçok\t-2.4\ncok\t-4.9\n").expect("parses");
        let forms: Vec<&str> = vocabulary.spellings("sik").map(|f| f.text).collect();
        assert_eq!(forms, ["sık", "sik"]);
        assert_eq!(vocabulary.spellings("istanbul").next().map(|f| f.text), Some("İstanbul"));
        assert!(vocabulary.knows("cok"));
        assert!(!vocabulary.knows("co"));
        assert_eq!(vocabulary.len(), 5);
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        assert_eq!(Vocabulary::parse("çok\t-2\nçok\n").err().map(|e| e.0), Some(2));
        assert_eq!(Vocabulary::parse("çok\t0.5\n").err().map(|e| e.0), Some(1));
        assert_eq!(Vocabulary::parse("ç ok\t-1\n").err().map(|e| e.0), Some(1));
    }
}

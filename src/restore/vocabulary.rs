//! Turkish word forms with their frequency, found by the way they are typed in ASCII.
//!
//! `words.txt` holds one form a line with its log10 probability (`çok<TAB>-2.373`). Each form is
//! stored with its ASCII key (`cok`), and the forms are sorted by key, so every spelling of "cok"
//! (`çok`, `cok`) is one binary search over plain bytes away. Whether a key is a name is worked out
//! once, when the file is read.

use std::cmp::Ordering;
use std::ops::Range;

use crate::text::fold::{ascii_skeleton, turkish_lowercase};

/// The log10 probability of a form seen only a few times in the model's corpus.
const RARE: f32 = -6.5;

/// How much rarer (log10) a name's suffixed forms may be than the word alone.
const NAME_MARGIN: f32 = 0.9;

#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    forms: String,
    keys: Vec<u8>,
    entries: Vec<Entry>,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    form_start: u32,
    key_start: u32,
    form_len: u16,
    key_len: u16,
    log_probability: f32,
    /// Set on every form of a key that is a name (see [`Vocabulary::is_name`]).
    name: bool,
}

/// One spelling of a word and its log10 probability.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Form<'a> {
    /// In lower case, except that a name keeps its capital (`İstanbul`).
    pub text: &'a str,
    pub log_probability: f32,
}

/// The ASCII spelling a word is found by: Turkish lower case, Turkish letters and â, î, û as their
/// plain letters ("İstanbul" → "istanbul").
pub(crate) fn ascii_key(word: &str) -> String {
    word.chars().flat_map(turkish_lowercase).map(plain_letter).collect()
}

/// How a letter of a form is typed in ASCII: Turkish letters and â, î, û as their plain letters.
fn plain_letter(c: char) -> char {
    match c {
        'â' => 'a',
        'î' => 'i',
        'û' => 'u',
        c => ascii_skeleton(c),
    }
}

/// The forms of one ASCII spelling, most probable first.
pub(crate) struct Spellings<'a> {
    vocabulary: &'a Vocabulary,
    entries: &'a [Entry],
}

impl<'a> Spellings<'a> {
    pub(crate) fn iter(&self) -> impl Iterator<Item = Form<'a>> + 'a {
        let vocabulary = self.vocabulary;
        self.entries.iter().map(move |e| Form { text: vocabulary.text(e), log_probability: e.log_probability })
    }

    /// The word is a name (see [`Vocabulary::mark_names`]): "istanbul", not "güzel".
    pub(crate) fn is_name(&self) -> bool {
        self.entries.first().is_some_and(|e| e.name)
    }
}

impl Vocabulary {
    /// Reads `form<TAB>log10 probability` lines; `#` starts a comment line.
    pub(crate) fn parse(content: &str) -> Result<Self, (usize, String)> {
        let mut vocabulary = Vocabulary { forms: String::with_capacity(content.len()), keys: Vec::with_capacity(content.len()), entries: Vec::new() };
        for (index, line) in content.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let problem = |message: &str| (index + 1, message.to_string());
            let Some((form, probability)) = line.split_once('\t') else {
                return Err(problem("expected `word<TAB>log10 probability`"));
            };
            let key_start = vocabulary.keys.len();
            for c in form.chars().flat_map(turkish_lowercase).map(plain_letter) {
                let mut buffer = [0u8; 4];
                vocabulary.keys.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
            }
            let key_len = vocabulary.keys.len() - key_start;
            let plain = vocabulary.keys[key_start..].iter().all(|b| b.is_ascii_alphabetic() || matches!(b, b'\'' | b'.'));
            if form.len() > usize::from(u16::MAX) {
                return Err(problem("a word is longer than 65,535 bytes"));
            }
            if form.is_empty() || !plain {
                return Err(problem("a word is Turkish letters, with at most an apostrophe, or initials with dots"));
            }
            let log_probability: f32 = probability
                .trim()
                .parse()
                .ok()
                .filter(|p: &f32| p.is_finite() && *p <= 0.0)
                .ok_or_else(|| problem("the log10 probability must be a number no greater than 0"))?;
            let too_large = || problem("the vocabulary is too large");
            let form_start = u32::try_from(vocabulary.forms.len()).map_err(|_| too_large())?;
            let key_start = u32::try_from(key_start).map_err(|_| too_large())?;
            vocabulary.forms.push_str(form);
            vocabulary.entries.push(Entry {
                form_start,
                key_start,
                form_len: form.len() as u16,
                key_len: key_len as u16,
                log_probability,
                name: false,
            });
        }
        // The exported file is sorted already; a hand-edited one may not be.
        let order = |v: &Vocabulary, a: &Entry, b: &Entry| v.key(a).cmp(v.key(b)).then(b.log_probability.total_cmp(&a.log_probability));
        if !vocabulary.entries.windows(2).all(|pair| order(&vocabulary, &pair[0], &pair[1]) != Ordering::Greater) {
            let mut entries = std::mem::take(&mut vocabulary.entries);
            entries.sort_by(|a, b| order(&vocabulary, a, b));
            vocabulary.entries = entries;
        }
        vocabulary.mark_names();
        Ok(vocabulary)
    }

    fn key(&self, entry: &Entry) -> &[u8] {
        let start = entry.key_start as usize;
        &self.keys[start..start + usize::from(entry.key_len)]
    }

    fn text(&self, entry: &Entry) -> &str {
        let start = entry.form_start as usize;
        &self.forms[start..start + usize::from(entry.form_len)]
    }

    /// A key is a name when its commonest form has a capital, or when its forms with a suffix after
    /// an apostrophe are written with one and are not much rarer than the word alone ("istanbul" is
    /// found as "İstanbul'da"; "güzel" as a word is far commoner than the surname in "Güzel'in").
    /// The suffixed forms of a key sort right after it (`'` comes before every letter).
    fn mark_names(&mut self) {
        let capital = |text: &str| text.chars().next().is_some_and(char::is_uppercase);
        let mut start = 0;
        while start < self.entries.len() {
            let key = self.key(&self.entries[start]).to_vec();
            let end = start + self.entries[start..].iter().take_while(|e| self.key(e) == key.as_slice()).count();
            let alone = &self.entries[start];
            let mut commonest_suffixed = f32::NEG_INFINITY;
            for entry in &self.entries[end..] {
                let other = self.key(entry);
                if !(other.len() > key.len() && other.starts_with(&key) && other[key.len()] == b'\'') {
                    break;
                }
                if capital(self.text(entry)) {
                    commonest_suffixed = commonest_suffixed.max(entry.log_probability);
                }
            }
            // Forms seen once or twice are noise ("Oldu'da").
            let name = capital(self.text(alone))
                || commonest_suffixed > RARE && commonest_suffixed > alone.log_probability - NAME_MARGIN;
            for entry in &mut self.entries[start..end] {
                entry.name = name;
            }
            start = end;
        }
    }

    fn range_of(&self, key: &str) -> Range<usize> {
        let key = key.as_bytes();
        let start = self.entries.partition_point(|e| self.key(e) < key);
        let len = self.entries[start..].partition_point(|e| self.key(e) == key);
        start..start + len
    }

    /// Every form typed in ASCII as `key` (lower case ASCII), most probable first.
    pub(crate) fn spellings(&self, key: &str) -> Spellings<'_> {
        Spellings { vocabulary: self, entries: &self.entries[self.range_of(key)] }
    }

    pub(crate) fn knows(&self, key: &str) -> bool {
        !self.range_of(key).is_empty()
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
        let forms: Vec<&str> = vocabulary.spellings("sik").iter().map(|f| f.text).collect();
        assert_eq!(forms, ["sık", "sik"]);
        assert_eq!(vocabulary.spellings("istanbul").iter().next().map(|f| f.text), Some("İstanbul"));
        assert!(vocabulary.knows("cok"));
        assert!(!vocabulary.knows("co"));
        assert_eq!(vocabulary.len(), 5);
    }

    #[test]
    fn names_are_known_by_their_capital_or_their_common_suffixed_forms() {
        let words = "istanbul\t-3\nİstanbul'da\t-3.6\ngüzel\t-2.9\nGüzel'in\t-6\noldu\t-2.9\nOldu'da\t-6.9\nAnkara\t-3.4\n";
        let vocabulary = Vocabulary::parse(words).expect("parses");
        let is_name = |key: &str| vocabulary.spellings(key).is_name();
        assert!(is_name("istanbul"));
        assert!(is_name("ankara"));
        assert!(!is_name("guzel"));
        assert!(!is_name("oldu"));
        assert!(!is_name("izmir"));
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        assert_eq!(Vocabulary::parse("çok\t-2\nçok\n").err().map(|e| e.0), Some(2));
        assert_eq!(Vocabulary::parse("çok\t0.5\n").err().map(|e| e.0), Some(1));
        assert_eq!(Vocabulary::parse("ç ok\t-1\n").err().map(|e| e.0), Some(1));
        assert_eq!(Vocabulary::parse("日本\t-1\n").err().map(|e| e.0), Some(1));
        assert_eq!(Vocabulary::parse("a-b\t-1\n").err().map(|e| e.0), Some(1));
    }
}

//! Turkish endings written once for every word they follow, as grammars write them: "DIr" is
//! "dır" after "kapı", "dir" after "ev", "dur" after "okul", "tür" after "süt": its letters change
//! with the word's last vowel and last sound.
//!
//! Used for the copula the Turkish dictionary lacks after many forms it knows ("müfrezedir",
//! "zeamettir", "mıntıkadaydı"): a word the dictionary rejects is still spelled right when it is
//! a known word followed by one of `copulas.txt`'s endings, written as the word's sounds demand.
//! The same phonology keeps a careless spelling out: "etdim" and "atmışdı" are not "et" + "(y)DIm"
//! or "atmış" + "(y)DI", which after a voiceless consonant are written "ettim", "atmıştı".

use super::is_vowel;

/// An ending in archiphonemes: `D` is "d", or "t" after a voiceless consonant; `I` is ı, i, u or
/// ü and `A` is a or e, by the last vowel before it; `(y)` is "y" after a vowel and nothing after
/// a consonant; any other letter is itself. "DIr", "(y)DI", "(y)mIşlAr".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Ending {
    parts: Vec<Part>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Letter(char),
    /// d or t
    Stop,
    /// ı, i, u, ü
    HighVowel,
    /// a, e
    LowVowel,
    /// y after a vowel
    Buffer,
}

impl Ending {
    /// Reads one ending; `None` when it is empty or has a letter that is not lower-case.
    pub(crate) fn parse(text: &str) -> Option<Ending> {
        let mut parts = Vec::new();
        let mut rest = text.trim();
        while let Some(c) = rest.chars().next() {
            if let Some(after) = rest.strip_prefix("(y)") {
                parts.push(Part::Buffer);
                rest = after;
                continue;
            }
            parts.push(match c {
                'D' => Part::Stop,
                'I' => Part::HighVowel,
                'A' => Part::LowVowel,
                c if c.is_lowercase() => Part::Letter(c),
                _ => return None,
            });
            rest = &rest[c.len_utf8()..];
        }
        (!parts.is_empty()).then_some(Ending { parts })
    }

    /// The ending as written after `stem` (in lower case), or `None` where the stem has no vowel
    /// for it to follow (an acronym, "pkk").
    pub(crate) fn after(&self, stem: &str) -> Option<String> {
        let mut last_vowel = stem.chars().rev().find(|c| is_vowel(*c))?;
        let mut last = stem.chars().next_back()?;
        let mut written = String::new();
        for part in &self.parts {
            let letter = match *part {
                Part::Letter(c) => c,
                Part::Stop if is_voiceless(last) => 't',
                Part::Stop => 'd',
                Part::HighVowel => high_vowel_after(last_vowel),
                Part::LowVowel => low_vowel_after(last_vowel),
                Part::Buffer if is_vowel(last) => 'y',
                Part::Buffer => continue,
            };
            written.push(letter);
            last = letter;
            if is_vowel(letter) {
                last_vowel = letter;
            }
        }
        Some(written)
    }

    /// How many letters the ending has when written, at least and at most.
    pub(crate) fn lengths(&self) -> std::ops::RangeInclusive<usize> {
        let buffers = self.parts.iter().filter(|p| **p == Part::Buffer).count();
        self.parts.len() - buffers..=self.parts.len()
    }
}

/// The voiceless consonant a word's last one was softened from before a vowel ("kitabı" from
/// "kitap", "ağacı" from "ağaç", "sokağı" from "sokak", "kanadı" from "kanat").
pub(super) fn hardened(c: char) -> Option<char> {
    match c {
        'b' => Some('p'),
        'c' => Some('ç'),
        'ğ' | 'g' => Some('k'),
        'd' => Some('t'),
        _ => None,
    }
}

/// The consonants after which "d" is written "t" ("kitaptır", "gitti"): "fıstıkçı şahap".
pub(super) fn is_voiceless(c: char) -> bool {
    matches!(c, 'f' | 's' | 't' | 'k' | 'ç' | 'ş' | 'h' | 'p')
}

fn is_back(vowel: char) -> bool {
    matches!(vowel, 'a' | 'ı' | 'o' | 'u' | 'â' | 'û')
}

fn high_vowel_after(vowel: char) -> char {
    match vowel {
        'a' | 'ı' | 'â' => 'ı',
        'o' | 'u' | 'û' => 'u',
        'ö' | 'ü' => 'ü',
        _ => 'i',
    }
}

fn low_vowel_after(vowel: char) -> char {
    if is_back(vowel) {
        'a'
    } else {
        'e'
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(ending: &str, stem: &str) -> Option<String> {
        Ending::parse(ending).and_then(|e| e.after(stem))
    }

    #[test]
    fn an_ending_follows_the_word_s_last_vowel_and_sound() {
        assert_eq!(after("DIr", "müfreze").as_deref(), Some("dir"));
        assert_eq!(after("DIr", "zeamet").as_deref(), Some("tir"));
        assert_eq!(after("DIr", "okul").as_deref(), Some("dur"));
        assert_eq!(after("DIr", "göz").as_deref(), Some("dür"));
        assert_eq!(after("DIrlAr", "renkli").as_deref(), Some("dirler"));
        assert_eq!(after("(y)DI", "mıntıkada").as_deref(), Some("ydı"));
        assert_eq!(after("(y)DI", "atmış").as_deref(), Some("tı"), "not the careless \"atmışdı\"");
        assert_eq!(after("(y)mIşlAr", "hasta").as_deref(), Some("ymışlar"));
        assert_eq!(after("DIr", "pkk"), None, "no vowel to follow");
    }

    #[test]
    fn an_ending_is_lower_case_letters_and_archiphonemes() {
        assert!(Ending::parse("").is_none());
        assert!(Ending::parse("DIX").is_none());
        assert_eq!(Ending::parse("(y)DIm").map(|e| e.lengths()), Some(3..=4));
    }
}

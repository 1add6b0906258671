//! Which language a comment is written in: Turkish, English, or another.
//!
//! Short comments, comments in capitals and Turkish typed without Turkish letters are exactly where
//! general-purpose detectors fail, so this one is built for them:
//! - a naive-Bayes score over character 1-3-grams, from per-language counts taken from Wikipedia
//!   (`language-profiles.tsv`, from the langdetect profiles); the Turkish counts are folded to ASCII,
//!   so "cok guzel olmus" reads as Turkish as well as "çok güzel olmuş", and letters are lower-cased
//!   first, so capitals read like any other text;
//! - the commonest function words of Turkish and English, in their ASCII spellings too, which
//!   decide most short comments ("Great game, I am proud": `i`, `am` are English function words);
//! - Turkish letters (ş, ğ, ı) that only Turkish uses among these languages.
//!
//! With little evidence either way the comment is taken as Turkish, the site's language; a third
//! language needs clear evidence, and a comment mostly in a script other than Latin is "other".
//! Only the first [`MAX_LETTERS`] letters are read: that is plenty, and keeps long comments cheap.
//! Measured in `BENCHMARKS.md`.

use std::collections::HashMap;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use serde::{Deserialize, Serialize};

use super::{Sym, Token};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Tr,
    En,
    /// Neither Turkish nor English: only the rules without a `languages` limit apply.
    Other,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Tr => "tr",
            Language::En => "en",
            Language::Other => "other",
        }
    }

    /// Reads `tr`, `en`, or a tag such as `tr-TR` / `en_US`, in any case. A request may name only
    /// these two: `other` is what detection says of the rest.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        match primary.as_str() {
            "tr" => Some(Language::Tr),
            "en" => Some(Language::En),
            _ => None,
        }
    }
}

/// Letters read for the character n-gram score.
const MAX_LETTERS: usize = 240;

/// Function words in their ASCII skeleton, so "cok" and "çok" count alike.
const TURKISH_WORDS: &[&str] = &[
    "ve", "bir", "bu", "da", "de", "ne", "icin", "cok", "ile", "gibi", "ama", "daha", "mi", "mu",
    "ben", "sen", "biz", "siz", "onlar", "var", "yok", "degil", "kadar", "olan", "olarak", "her",
    "sey", "diye", "ki", "ya", "hic", "nasil", "neden", "simdi", "sonra", "bile", "hem", "cunku",
    "artik", "boyle", "su", "bunu", "buna", "bunlar", "sana", "bana", "beni", "seni", "onu", "ona",
    "olsun", "oldu", "olur", "lan", "abi", "iyi", "yine", "hep", "hala", "zaten", "sadece", "ise",
    "ayni", "bizim", "sizin", "onun", "benim", "senin", "yani", "tamam", "evet", "hayir", "mesela",
    "iste", "bi", "bisey", "birsey", "hersey", "once", "insallah", "allah", "bence", "neyse", "tabi",
    "tabii", "galiba", "acaba", "hicbir", "kim", "kimse", "nerede", "niye", "olmaz", "olmus", "etti",
    "bunun", "icin", "gercekten", "hemen", "bazi", "baska", "nasil", "bak", "gel", "git", "lazim",
];

const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "is", "are", "was", "were", "you", "your", "to", "of", "that", "this", "it",
    "for", "with", "not", "be", "have", "has", "my", "we", "they", "she", "but", "just", "what",
    "who", "how", "why", "all", "do", "does", "can", "will", "would", "if", "about", "there",
    "their", "from", "by", "or", "no", "yes", "like", "get", "out", "up", "been", "should", "could",
    "me", "he", "his", "her", "them", "our", "than", "then", "when", "which", "very", "really", "i",
    "am", "im", "it's", "i'm", "don't", "dont", "so", "an", "at", "in", "on", "too", "its", "any",
];

/// Each function word and its language (a word in both lists is Turkish, as it was listed first).
static FUNCTION_WORDS: LazyLock<FxHashMap<&'static str, Language>> = LazyLock::new(|| {
    let mut words = FxHashMap::default();
    for &word in ENGLISH_WORDS {
        words.insert(word, Language::En);
    }
    for &word in TURKISH_WORDS {
        words.insert(word, Language::Tr);
    }
    words
});

/// Per n-gram, the log probability of each language; see [`Profiles::parse`].
struct Profiles {
    /// Row of each lower-cased n-gram (see [`pack`]) in `others`.
    rows: FxHashMap<u64, usize>,
    /// Non-Turkish languages' log probabilities, one row of `names.len()` per n-gram.
    others: Vec<f32>,
    /// Turkish log probabilities by ASCII-folded n-gram.
    turkish: FxHashMap<u64, f32>,
    /// The log probability of an n-gram a language's profile lacks, by language and n.
    unseen: Vec<[f32; 3]>,
    turkish_unseen: [f32; 3],
    /// Language codes of the `others` columns; `en` is first.
    names: Vec<String>,
}

/// Up to three characters as one number: 21 bits each.
fn pack(gram: impl Iterator<Item = char>) -> u64 {
    gram.fold(0, |packed, c| packed << 21 | u64::from(c))
}

static PROFILES: LazyLock<Profiles> = LazyLock::new(|| Profiles::parse(include_str!("language-profiles.tsv")));

impl Profiles {
    /// `=<lang><TAB>n1<TAB>n2<TAB>n3` gives a language's totals, `<lang><TAB>gram<TAB>count` a count.
    /// The file is compiled in; a line that does not read is skipped (a unit test reads them all).
    fn parse(content: &str) -> Self {
        let mut totals: Vec<(String, [f64; 3])> = Vec::new();
        let mut counts: Vec<(String, String, f64)> = Vec::new();
        for line in content.lines().filter(|l| !l.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            if let Some(language) = fields[0].strip_prefix('=') {
                let total = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(1.0).max(1.0);
                totals.push((language.to_string(), [total(1), total(2), total(3)]));
            } else if let [language, gram, count] = fields[..] {
                let length = gram.chars().count();
                if let (Ok(count), 1..=3) = (count.parse::<f64>(), length) {
                    counts.push((language.to_string(), gram.to_string(), count));
                }
            }
        }
        let names: Vec<String> = totals.iter().map(|(l, _)| l.clone()).filter(|l| l != "tr").collect();
        let total_of = |language: &str, n: usize| totals.iter().find(|(l, _)| l == language).map_or(1.0, |(_, t)| t[n]);
        // Profiles keep only n-grams above a count; one they lack is rarer than the rarest they keep.
        let mut rarest: HashMap<(&str, usize), f64> = HashMap::new();
        for (language, gram, count) in &counts {
            let slot = rarest.entry((language.as_str(), gram.chars().count() - 1)).or_insert(f64::MAX);
            *slot = slot.min(*count);
        }
        let unseen_of = |language: &str| -> [f32; 3] {
            std::array::from_fn(|n| {
                let rare = rarest.get(&(language, n)).copied().unwrap_or(1.0);
                ((rare / 2.0) / total_of(language, n)).ln() as f32
            })
        };
        let unseen: Vec<[f32; 3]> = names.iter().map(|l| unseen_of(l)).collect();
        let turkish_unseen = unseen_of("tr");
        let mut rows: FxHashMap<u64, usize> = FxHashMap::default();
        let mut others: Vec<f32> = Vec::new();
        let mut turkish = FxHashMap::default();
        for (language, gram, count) in &counts {
            let n = gram.chars().count() - 1;
            let probability = (count / total_of(language, n)).ln() as f32;
            if language == "tr" {
                turkish.insert(pack(gram.chars()), probability);
            } else if let Some(column) = names.iter().position(|l| l == language) {
                let row = *rows.entry(pack(gram.chars())).or_insert_with(|| {
                    others.extend(unseen.iter().map(|u| u[n]));
                    others.len() / names.len() - 1
                });
                others[row * names.len() + column] = probability;
            }
        }
        Profiles { rows, others, turkish, unseen, turkish_unseen, names }
    }
}

/// The evidence for each language, in log probability: `[turkish, english, best other]`.
fn ngram_scores(original: &[char]) -> Option<(f32, f32, f32, usize)> {
    let profiles = &*PROFILES;
    let columns = profiles.names.len();
    let mut turkish = 0.0_f32;
    let mut others = vec![0.0_f32; columns];
    let mut grams = 0usize;
    let mut letters = 0usize;
    let mut word: Vec<char> = Vec::with_capacity(24);
    let mut at = 0;
    // Where the current stretch without white space began.
    let mut chunk_start = 0;
    while at < original.len() && letters < MAX_LETTERS {
        if !original[at].is_alphabetic() {
            if original[at].is_whitespace() {
                chunk_start = at + 1;
            }
            at += 1;
            continue;
        }
        let start = at;
        while at < original.len() && original[at].is_alphabetic() {
            at += 1;
        }
        // Mentions and hashtags are names, often English ones, in comments of any language.
        if matches!(original.get(chunk_start), Some('#' | '@')) {
            continue;
        }
        let letters_of_word = &original[start..at];
        letters += letters_of_word.len();
        word.clear();
        word.push(' ');
        word.extend(letters_of_word.iter().map(|&c| lower(c)));
        word.push(' ');
        for n in 1..=3 {
            for window in word.windows(n) {
                if n == 1 && window[0] == ' ' {
                    continue;
                }
                let other = profiles.rows.get(&pack(window.iter().copied()));
                let tr = profiles.turkish.get(&pack(window.iter().map(|&c| super::fold::ascii_skeleton(c))));
                if other.is_none() && tr.is_none() {
                    continue;
                }
                grams += 1;
                turkish += tr.copied().unwrap_or(profiles.turkish_unseen[n - 1]);
                match other {
                    Some(&row) => {
                        for (score, p) in others.iter_mut().zip(&profiles.others[row * columns..(row + 1) * columns]) {
                            *score += p;
                        }
                    }
                    None => {
                        for (score, unseen) in others.iter_mut().zip(&profiles.unseen) {
                            *score += unseen[n - 1];
                        }
                    }
                }
            }
        }
    }
    if grams == 0 {
        return None;
    }
    let english = others[0];
    let other = others[1..].iter().copied().fold(f32::NEG_INFINITY, f32::max);
    Some((turkish, english, other, grams))
}

/// Lower case for the profiles: `I` and `İ` both as `i`, since a capital I is `i` in English and
/// in Turkish typed without Turkish letters.
fn lower(c: char) -> char {
    match c {
        'I' | 'İ' => 'i',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// How far ahead (log probability per n-gram) another language must be to beat Turkish.
const TURKISH_PRIOR: f32 = 0.05;
/// How far ahead a third language must be of both Turkish and English.
const OTHER_MARGIN: f32 = 0.3;
/// The fewest n-grams (about three words) on which a third language is told.
const MIN_GRAMS_FOR_OTHER: usize = 30;
/// Weight of one function word, in log probability per n-gram of the comment.
const FUNCTION_WORD: f32 = 3.0;

pub(crate) fn detect(original: &[char], tokens: &[Token]) -> Language {
    let latin = original.iter().filter(|c| c.is_alphabetic() && is_latin(**c)).count();
    let letters = original.iter().filter(|c| c.is_alphabetic()).count();
    if letters > 0 && latin * 2 < letters {
        return Language::Other;
    }
    let (mut turkish_words, mut english_words, mut turkish_letters) = (0.0_f32, 0.0_f32, 0.0_f32);
    let mut skeleton = String::new();
    for token in tokens.iter().take(MAX_LETTERS / 2) {
        skeleton.clear();
        let mut has_turkish_letter = false;
        for sym in &token.syms {
            if let Sym::Letter { letter, skeleton: ascii, dotless_capital } = *sym {
                // A capital I is in every language; only a typed ı is evidence of Turkish. ç, ö and ü
                // are French, German and Portuguese letters too.
                has_turkish_letter |= matches!(letter, 'ş' | 'ğ') || letter == 'ı' && !dotless_capital;
                skeleton.push(ascii);
            }
        }
        if has_turkish_letter && !token.masked {
            turkish_letters += 1.0;
        }
        match FUNCTION_WORDS.get(skeleton.as_str()) {
            Some(Language::Tr) => turkish_words += 1.0,
            Some(Language::En) => english_words += 1.0,
            _ => {}
        }
    }
    // A letter or two ("x", "ok") says nothing about the language.
    let Some((turkish, english, other, grams)) = ngram_scores(original).filter(|_| letters >= 3) else {
        return Language::Tr;
    };
    let per_gram = |score: f32| score / grams as f32;
    let turkish = per_gram(turkish) + TURKISH_PRIOR + (turkish_words - english_words + 2.0 * turkish_letters) * FUNCTION_WORD / grams as f32;
    let english = per_gram(english);
    let other = per_gram(other) - (turkish_words + english_words + 2.0 * turkish_letters) * FUNCTION_WORD / grams as f32;
    if grams >= MIN_GRAMS_FOR_OTHER && other > turkish + OTHER_MARGIN && other > english + OTHER_MARGIN {
        Language::Other
    } else if english > turkish {
        Language::En
    } else {
        Language::Tr
    }
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;

    fn detect_text(s: &str) -> Language {
        Text::new(s).detected_language()
    }

    #[test]
    fn the_profiles_read_whole() {
        let content = include_str!("language-profiles.tsv");
        let lines = content.lines().filter(|l| !l.starts_with('#')).count();
        let profiles = &*PROFILES;
        assert_eq!(profiles.names.first().map(String::as_str), Some("en"));
        let read = profiles.turkish.len() + profiles.rows.len();
        assert!(profiles.turkish.len() > 1000 && profiles.rows.len() > 10_000 && read <= lines, "{read} of {lines}");
    }

    #[test]
    fn turkish_with_and_without_turkish_letters_and_in_capitals() {
        assert_eq!(detect_text("Bu haber çok güzel olmuş."), Language::Tr);
        assert_eq!(detect_text("bu haber cok guzel olmus"), Language::Tr);
        assert_eq!(detect_text("ISTANBUL'DA TRAFIK YINE FELC OLDU"), Language::Tr);
        assert_eq!(detect_text("emeginize saglik"), Language::Tr);
    }

    #[test]
    fn english_short_long_and_in_capitals() {
        assert_eq!(detect_text("This is the worst article I have ever read."), Language::En);
        assert_eq!(detect_text("THIS IS THE WORST ARTICLE I HAVE EVER READ"), Language::En);
        assert_eq!(detect_text("Great game, I am proud"), Language::En);
        assert_eq!(detect_text("Besiktas played well tonight"), Language::En);
    }

    #[test]
    fn other_languages_need_clear_evidence() {
        assert_eq!(detect_text("Das ist der schlechteste Artikel, den ich je gelesen habe."), Language::Other);
        assert_eq!(detect_text("Это худшая статья"), Language::Other);
    }

    #[test]
    fn no_evidence_means_turkish() {
        assert_eq!(detect_text("😡😡"), Language::Tr);
    }

    #[test]
    fn tags_are_read_by_their_primary_subtag() {
        assert_eq!(Language::from_tag("tr-TR"), Some(Language::Tr));
        assert_eq!(Language::from_tag("EN_us"), Some(Language::En));
        assert_eq!(Language::from_tag("de"), None);
    }
}

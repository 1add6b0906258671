//! Which language a comment is written in: Turkish or English.
//!
//! Short comments and Turkish typed without Turkish letters defeat general-purpose detectors, so this
//! one scores the evidence that matters here: Turkish letters, the commonest function words of each
//! language (in their ASCII spellings too), and typical word endings. With no evidence either way the
//! comment is taken as Turkish, the site's language.

use serde::{Deserialize, Serialize};

use super::{Sym, Token};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Tr,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Tr => "tr",
            Language::En => "en",
        }
    }

    /// Reads `tr`, `en`, or a tag such as `tr-TR` / `en_US`, in any case.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        match primary.as_str() {
            "tr" => Some(Language::Tr),
            "en" => Some(Language::En),
            _ => None,
        }
    }
}

/// Function words in their ASCII skeleton, so "cok" and "çok" count alike.
const TURKISH_WORDS: &[&str] = &[
    "ve", "bir", "bu", "da", "de", "ne", "icin", "cok", "ile", "gibi", "ama", "daha", "mi", "mu",
    "ben", "sen", "biz", "siz", "onlar", "var", "yok", "degil", "kadar", "olan", "olarak", "her",
    "sey", "diye", "ki", "ya", "hic", "nasil", "neden", "simdi", "sonra", "bile", "hem", "cunku",
    "artik", "boyle", "su", "bunu", "buna", "bunlar", "sana", "bana", "beni", "seni", "onu", "ona",
    "olsun", "oldu", "olur", "lan", "abi", "iyi", "yine", "hep", "hala", "zaten", "sadece", "ise",
    "ayni", "bizim", "sizin", "onun", "benim", "senin", "yani", "tamam", "evet", "hayir", "mesela",
];

const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "is", "are", "was", "were", "you", "your", "to", "of", "that", "this", "it",
    "for", "with", "not", "be", "have", "has", "my", "we", "they", "she", "but", "just", "what",
    "who", "how", "why", "all", "do", "does", "can", "will", "would", "if", "about", "there",
    "their", "from", "by", "or", "no", "yes", "like", "get", "out", "up", "been", "should", "could",
    "me", "he", "his", "her", "them", "our", "than", "then", "when", "which", "very", "really",
];

const TURKISH_ENDINGS: &[&str] = &[
    "lar", "ler", "yor", "mis", "mus", "dir", "dur", "tir", "sin", "siniz", "mak", "mek", "nin",
    "nun", "dan", "den", "tan", "ten", "lari", "leri", "sun", "iz", "cak", "cek", "yim", "yum",
];

const ENGLISH_ENDINGS: &[&str] = &["ing", "tion", "ly", "ed", "ness", "ment", "ght", "th"];

pub(crate) fn detect(tokens: &[Token]) -> Language {
    let mut turkish = 0.0_f32;
    let mut english = 0.0_f32;
    let mut skeleton = String::new();
    for token in tokens {
        skeleton.clear();
        let mut has_turkish_letter = false;
        for sym in &token.syms {
            if let Sym::Letter { letter, skeleton: ascii, dotless_capital } = *sym {
                // A capital I is in every language; only a typed ı is evidence of Turkish.
                has_turkish_letter |= letter != ascii || letter == 'ı' && !dotless_capital;
                skeleton.push(ascii);
            }
        }
        if has_turkish_letter && !token.masked {
            turkish += 2.0;
        }
        // Single letters ("I", or letters spelled apart) say nothing about the language.
        if skeleton.len() < 2 {
            continue;
        }
        if TURKISH_WORDS.contains(&skeleton.as_str()) {
            turkish += 1.0;
        } else if ENGLISH_WORDS.contains(&skeleton.as_str()) {
            english += 1.0;
        } else if skeleton.len() > 4 {
            if TURKISH_ENDINGS.iter().any(|e| skeleton.ends_with(e)) {
                turkish += 0.5;
            }
            if ENGLISH_ENDINGS.iter().any(|e| skeleton.ends_with(e)) {
                english += 0.5;
            }
        }
    }
    if english > turkish {
        Language::En
    } else {
        Language::Tr
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;

    fn detect_text(s: &str) -> Language {
        Text::new(s).detected_language()
    }

    #[test]
    fn turkish_with_and_without_turkish_letters() {
        assert_eq!(detect_text("Bu haber çok güzel olmuş."), Language::Tr);
        assert_eq!(detect_text("bu haber cok guzel olmus"), Language::Tr);
    }

    #[test]
    fn english_comment() {
        assert_eq!(detect_text("This is the worst article I have ever read."), Language::En);
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

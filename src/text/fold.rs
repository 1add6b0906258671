//! Character folding: how one code point of a comment is seen by the checks.
//!
//! Every character is decomposed (NFKD, so full-width, mathematical and circled letters become plain
//! letters), lower-cased by Turkish rules (`I`→`ı`, `İ`→`i`), stripped of accents that are not part of
//! a Turkish letter, and, when it is a look-alike from another script (Cyrillic `а`, Greek `ο`), mapped
//! to the Latin letter it imitates using Unicode's confusables data. Each result keeps two spellings:
//! `letter`, which still tells `ı` from `i` and `ş` from `s`, and `skeleton`, plain ASCII, which is how
//! people type Turkish on a keyboard without Turkish letters.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Characters that render as nothing or only steer layout: zero-width spaces and joiners, bidi
/// controls, soft hyphens, variation selectors. People put them inside words to slip past filters.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{1BCA0}'..='\u{1BCA3}' | '\u{E0000}'..='\u{E0FFF}')
}

/// Lower-cases one character by Turkish rules. `char::to_lowercase` maps `I` to `i` and `İ` to
/// `i` + U+0307, both wrong for Turkish.
pub(crate) fn turkish_lowercase(c: char) -> impl Iterator<Item = char> {
    let special = match c {
        'I' => Some('ı'),
        'İ' => Some('i'),
        _ => None,
    };
    let general = match special {
        Some(_) => None,
        None => Some(c.to_lowercase()),
    };
    special.into_iter().chain(general.into_iter().flatten())
}

/// Upper-cases one letter by Turkish rules (`i`→`İ`, `ı`→`I`); a letter with no one-letter capital
/// stays as it is.
pub(crate) fn turkish_uppercase(c: char) -> char {
    match c {
        'i' => 'İ',
        'ı' => 'I',
        other => {
            let mut upper = other.to_uppercase();
            match (upper.next(), upper.next()) {
                (Some(one), None) => one,
                _ => other,
            }
        }
    }
}

/// The Turkish letter a base letter and a combining mark make together, if any.
pub(crate) fn compose_turkish(base: char, mark: char) -> Option<char> {
    Some(match (base, mark) {
        ('c', '\u{0327}') => 'ç',
        ('s', '\u{0327}') => 'ş',
        ('g', '\u{0306}') => 'ğ',
        ('o', '\u{0308}') => 'ö',
        ('u', '\u{0308}') => 'ü',
        // `İ` decomposes to `I` + dot above; `I` was already lowered to `ı`, the dot makes it `i`.
        ('ı', '\u{0307}') | ('i', '\u{0307}') => 'i',
        _ => return None,
    })
}

/// The plain ASCII letter a Turkish letter is typed as on a keyboard without Turkish letters.
pub(crate) fn ascii_skeleton(c: char) -> char {
    match c {
        'ç' => 'c',
        'ğ' => 'g',
        'ı' => 'i',
        'ö' => 'o',
        'ş' => 's',
        'ü' => 'u',
        other => other,
    }
}

pub(crate) fn is_turkish_letter(c: char) -> bool {
    matches!(c, 'ç' | 'ğ' | 'ı' | 'ö' | 'ş' | 'ü')
}

/// The Latin letter a letter from another script imitates (Cyrillic `а` → `a`, Greek `Κ` → `k`), or
/// `None` when it imitates none. Lower-case forms are often confusable only through their capital
/// (Cyrillic `к` is listed as `ĸ`, its capital `К` as `K`), so both are tried.
pub(crate) fn homoglyph(c: char) -> Option<char> {
    // Symbols count too: "ş℮refsiz" uses the estimated sign for e.
    if c.is_ascii() || is_turkish_letter(c) || c.is_whitespace() || is_combining_mark(c) {
        return None;
    }
    let single_ascii = |probe: char| -> Option<char> {
        let mut buffer = [0u8; 4];
        let mut skeleton = unicode_security::skeleton(probe.encode_utf8(&mut buffer));
        match (skeleton.next(), skeleton.next()) {
            (Some(s), None) if s.is_ascii_alphabetic() => Some(s.to_ascii_lowercase()),
            _ => None,
        }
    };
    single_ascii(c).or_else(|| {
        let mut upper = c.to_uppercase();
        match (upper.next(), upper.next()) {
            (Some(u), None) if u != c => single_ascii(u),
            _ => None,
        }
    })
}

/// One character of the folded view, before it is tied to a position in the comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Folded {
    pub letter: char,
    /// True when the character was a look-alike from another script.
    pub masked: bool,
    /// An `ı` lowered from a capital `I`: in Turkish that is ı, but a comment typed in capitals on
    /// a keyboard without Turkish letters means i ("AMIN" for amen).
    pub dotless_capital: bool,
}

/// Characters a compatibility decomposition may give before the character is kept as it is
/// ("ﬃ" → "ffi" and "⑽" → "(10)" fold; "ﷺ" does not).
const LONGEST_FOLD: usize = 4;

/// Decomposes and lower-cases one code point. Combining marks come back as themselves so the
/// caller can attach them to the letter before.
pub(crate) fn fold_char(c: char, mut emit: impl FnMut(Folded)) {
    let mut decomposed: [char; 18] = ['\0'; 18];
    let mut count = 0;
    decompose_compatible(c, |d| {
        if count < decomposed.len() {
            decomposed[count] = d;
            count += 1;
        }
    });
    // A character standing for a whole phrase ("ﷺ" is 18 Arabic letters) stays one character:
    // it hides no Latin word, and unfolded it would make a 10,000-character comment 180,000.
    if count > LONGEST_FOLD {
        emit(Folded { letter: c, masked: false, dotless_capital: false });
        return;
    }
    for &d in &decomposed[..count] {
        if is_combining_mark(d) {
            emit(Folded { letter: d, masked: false, dotless_capital: false });
            continue;
        }
        for lower in turkish_lowercase(d) {
            match homoglyph(lower) {
                Some(latin) => emit(Folded { letter: latin, masked: true, dotless_capital: false }),
                None => emit(Folded { letter: lower, masked: false, dotless_capital: d == 'I' }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            fold_char(c, |f| out.push(f.letter));
        }
        out
    }

    #[test]
    fn a_character_for_a_whole_phrase_is_not_unfolded() {
        assert_eq!(fold("ﷺ"), "ﷺ");
        assert_eq!(fold("ﬃ"), "ffi");
        assert_eq!(fold("⑽"), "(10)");
    }

    #[test]
    fn turkish_capitals_lower_to_their_own_letters() {
        let lowered: String = "IŞIK İSTANBUL".chars().flat_map(turkish_lowercase).collect();
        assert_eq!(lowered, "ışık istanbul");
        assert_eq!(fold("ILIK"), "ılık");
    }

    #[test]
    fn cyrillic_and_greek_lookalikes_become_latin() {
        assert_eq!(homoglyph('а'), Some('a'));
        assert_eq!(homoglyph('о'), Some('o'));
        assert_eq!(homoglyph('ѕ'), Some('s'));
        assert_eq!(homoglyph('к'), Some('k'));
        assert_eq!(homoglyph('Κ'), Some('k'));
        assert_eq!(homoglyph('ş'), None);
        assert_eq!(homoglyph('ı'), None);
    }

    #[test]
    fn symbols_that_imitate_letters_become_letters() {
        assert_eq!(homoglyph('℮'), Some('e'));
        assert_eq!(homoglyph('😡'), None);
    }

    #[test]
    fn compatibility_forms_become_plain_letters() {
        assert_eq!(fold("ｓｉｋ"), "sik");
        assert_eq!(fold("𝐬𝐢𝐤"), "sik");
    }

    #[test]
    fn skeleton_drops_turkish_letters_to_ascii() {
        let skeleton: String = "çğıöşü".chars().map(ascii_skeleton).collect();
        assert_eq!(skeleton, "cgiosu");
    }
}

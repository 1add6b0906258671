//! Cutting the normalised comment into words, and putting split words back together.
//!
//! A word is a run of letters, digits and the symbols people use for letters (`@mk`, `s*ktir`,
//! `$ik`); digits and symbols become [`Sym::OneOf`] or [`Sym::Any`] so a listed word still matches
//! through them. Letters pulled apart to dodge a filter ("s.i.k", "S İ K T İ R", "si.ktir") are also
//! offered as one rebuilt word, marked as masked.

use std::ops::Range;

use super::NormChar;

/// What one position of a word may stand for when it is compared with a listed word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Sym {
    /// A letter: `letter` keeps Turkish letters, `skeleton` is its plain ASCII spelling;
    /// `dotless_capital` marks an `ı` written as capital `I`, which may mean i.
    Letter { letter: char, skeleton: char, dotless_capital: bool },
    /// A digit or symbol used as a letter: `@` for a, `1` for i or l.
    OneOf(&'static [char]),
    /// A mask for any one letter, as `*` in `s*ktir`.
    Any,
    /// A digit or symbol that stands for no letter.
    Literal(char),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub syms: Vec<Sym>,
    /// Code points of the comment the word covers.
    pub source: Range<usize>,
    /// Positions in the normalised view.
    pub chars: Range<usize>,
    /// Which of the comment's words this is (for a rebuilt word, the ones it joins).
    pub words: Range<usize>,
    pub sentence: usize,
    /// The word reached its spelling only through look-alikes, digits, symbols, invisible
    /// characters or letters split apart: the marks of deliberate masking.
    pub masked: bool,
    /// Where an apostrophe separates a name from its suffixes ("ABD'de", "İsa'ya"): the number of
    /// `syms` before it.
    pub suffix_at: Option<usize>,
    /// The word before the apostrophe starts with a capital: a proper name ("Götze'nin").
    pub proper_name: bool,
}

/// Where the word ends a sentence and the next begins (for rules that look within one sentence).
fn ends_sentence(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '\n' | '\r' | ';')
}

/// Symbols that stand for a letter inside a word.
fn leet(c: char) -> Option<&'static [char]> {
    Some(match c {
        '0' => &['o'],
        '1' => &['i', 'l'],
        '3' => &['e'],
        '4' => &['a'],
        '5' => &['s'],
        '6' | '9' => &['g'],
        '7' | '+' => &['t'],
        '8' => &['b'],
        '@' => &['a'],
        '$' => &['s'],
        '€' => &['e'],
        '!' | '¡' => &['i'],
        '|' => &['i', 'l'],
        _ => return None,
    })
}

/// Symbols that hide one letter: `s*ktir`, `f#ck`.
fn is_wildcard(c: char) -> bool {
    matches!(c, '*' | '#' | '%' | '?')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´')
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic()
}

fn is_symbol_in_word(c: char) -> bool {
    c.is_ascii_digit() || leet(c).is_some() || is_wildcard(c)
}

fn is_word_char(c: char) -> bool {
    is_letter(c) || is_symbol_in_word(c) || is_apostrophe(c)
}

/// Symbols that may open a word as a letter when a letter or digit follows ("@mk", "$1ktir");
/// not `#` (a hashtag) nor `!` (punctuation before a word, "!!!amk").
fn may_open_word(c: char) -> bool {
    matches!(c, '@' | '$' | '*' | '€')
}

/// Where a hashtag written in camel case begins a new word ("#SuriyelilerDefolsun",
/// "#ÜlkemdeAfganİstemiyoruz"): a capital after a small letter. Campaign hashtags are sentences
/// with the spaces taken out, and read as one word they hide what they say from every list. Only
/// where every word after the first is a capital and two small letters or more: letters in mixed
/// case ("#oRoSpU", "#SiKTiR") are masking, and stay one word for the lists to see through.
fn hashtag_words(chars: &[NormChar], original: &[char], range: Range<usize>) -> Vec<Range<usize>> {
    let at = |i: usize| original.get(chars[i].source.start).copied().unwrap_or(' ');
    let mut words = Vec::new();
    let mut start = range.start;
    for i in range.start + 1..range.end {
        if at(i).is_uppercase() && at(i - 1).is_lowercase() {
            words.push(start..i);
            start = i;
        }
    }
    words.push(start..range.end);
    let titled = |word: &Range<usize>| {
        let mut letters = word.clone().map(at);
        letters.next().is_some_and(char::is_uppercase) && word.len() >= 3 && letters.all(char::is_lowercase)
    };
    if words.len() > 1 && words[1..].iter().all(titled) {
        words
    } else {
        vec![range]
    }
}

pub(crate) fn tokenize(chars: &[NormChar], original: &[char]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut sentence = 0;
    let mut sentence_ended = false;
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(chars[i].letter) {
            sentence_ended |= ends_sentence(chars[i].letter);
            i += 1;
            continue;
        }
        let run_start = i;
        while i < chars.len() && is_word_char(chars[i].letter) {
            i += 1;
        }
        let (mut start, mut end) = (run_start, i);
        while end > start && !is_letter(chars[end - 1].letter) && !chars[end - 1].letter.is_ascii_digit() {
            end -= 1;
        }
        let last_letter = chars[start..end].iter().rposition(|c| is_letter(c.letter)).map(|i| start + i);
        while start < end && !is_letter(chars[start].letter) {
            let c = chars[start].letter;
            let opens = may_open_word(c)
                && last_letter.is_some_and(|last| start < last)
                && chars.get(start + 1).is_some_and(|n| is_letter(n.letter) || is_symbol_in_word(n.letter));
            if opens || c.is_ascii_digit() {
                break;
            }
            start += 1;
        }
        if !chars[start..end].iter().any(|c| is_letter(c.letter)) {
            sentence_ended |= chars[run_start..i].iter().any(|c| ends_sentence(c.letter));
            continue;
        }
        if sentence_ended && !tokens.is_empty() {
            sentence += 1;
        }
        sentence_ended = chars[end..i].iter().any(|c| ends_sentence(c.letter));
        if chars[run_start].letter == '#' && run_start < start {
            for word in hashtag_words(chars, original, start..end) {
                let index = tokens.len();
                tokens.push(build_token(chars, word, index, sentence));
            }
            continue;
        }
        let index = tokens.len();
        tokens.push(build_token(chars, start..end, index, sentence));
    }
    tokens
}

fn build_token(chars: &[NormChar], range: Range<usize>, index: usize, sentence: usize) -> Token {
    let span = &chars[range.clone()];
    let letters = span.iter().filter(|c| is_letter(c.letter)).count();
    // Consecutive masks hide one stretch of letters ("s***k"), so they count once.
    let masked_stretches = span
        .iter()
        .enumerate()
        .filter(|(i, c)| is_wildcard(c.letter) && (*i == 0 || !is_wildcard(span[i - 1].letter)))
        .count();
    // A word of masks alone ("****") would match every listed word, and a long run of masks hides
    // no word at all: masks stand for letters only in short stretches ("f***", "s**tir").
    const LONGEST_MASK: usize = 8;
    let longest_mask = span
        .split(|c| !is_wildcard(c.letter))
        .map(<[NormChar]>::len)
        .max()
        .unwrap_or(0);
    let wildcards_allowed = letters >= 2 && masked_stretches <= letters && longest_mask <= LONGEST_MASK;
    let mut masked = false;
    let mut suffix_at = None;
    let mut syms = Vec::with_capacity(span.len());
    for (offset, c) in span.iter().enumerate() {
        masked |= c.masked;
        if let Some(next) = span.get(offset + 1) {
            // A gap in the sources inside one word is where invisible characters were removed.
            masked |= c.source.end != next.source.start;
        }
        let sym = if is_letter(c.letter) {
            Sym::Letter { letter: c.letter, skeleton: c.skeleton, dotless_capital: c.dotless_capital }
        } else if is_apostrophe(c.letter) {
            if suffix_at.is_none() && !syms.is_empty() {
                suffix_at = Some(syms.len());
            }
            continue;
        } else if let Some(letters) = leet(c.letter) {
            masked = true;
            Sym::OneOf(letters)
        } else if is_wildcard(c.letter) && wildcards_allowed {
            masked = true;
            Sym::Any
        } else {
            Sym::Literal(c.letter)
        };
        syms.push(sym);
    }
    // A number with a suffix ("2019'da", "45$'dan", "%10'unu") is not leetspeak.
    if let Some(at) = suffix_at {
        if !syms[..at].iter().any(|s| matches!(s, Sym::Letter { .. })) {
            for (sym, c) in syms[..at].iter_mut().zip(span.iter().filter(|c| !is_apostrophe(c.letter))) {
                *sym = Sym::Literal(c.letter);
            }
        }
    }
    let source = span.first().map_or(0, |c| c.source.start)..span.last().map_or(0, |c| c.source.end);
    Token { syms, source, chars: range, words: index..index + 1, sentence, masked, suffix_at, proper_name: false }
}

/// Words pulled apart and put back together: runs of single letters ("a m k", "S İ K T İ R",
/// "o.ç") and short pieces joined by one dot, dash or underscore ("si.ktir", "amı-na").
pub(crate) fn rebuild_split_words(chars: &[NormChar], tokens: &[Token], original: &[char]) -> Vec<Token> {
    // A split word is rebuilt from each of its letters onwards, so a real one-letter word before
    // it ("o S İ K T İ R") cannot hide it, and a long run has no blind spots.
    const MAX_PARTS: usize = 24;
    let mut rebuilt: Vec<Token> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut push_windows = |run: Range<usize>| {
        for start in run.clone() {
            let window = start..run.end.min(start + MAX_PARTS);
            if window.len() < 2 || !seen.insert((window.start, window.end)) {
                continue;
            }
            let parts = &tokens[window.clone()];
            if looks_like_initials(chars, parts, original) {
                continue;
            }
            let (first, last) = (&parts[0], &parts[parts.len() - 1]);
            rebuilt.push(Token {
                syms: parts.iter().flat_map(|t| t.syms.iter().copied()).collect(),
                source: first.source.start..last.source.end,
                chars: first.chars.start..last.chars.end,
                words: window,
                sentence: first.sentence,
                masked: true,
                suffix_at: None,
                proper_name: false,
            });
        }
    };

    // One letter, possibly repeated for emphasis ("kkk a f i r").
    let is_single = |t: &Token| match t.syms.first() {
        Some(first @ Sym::Letter { .. }) => t.syms.iter().all(|s| s == first),
        _ => false,
    };
    let gap = |a: &Token, b: &Token| &chars[a.chars.end..b.chars.start];

    let mut start = 0;
    while start < tokens.len() {
        let mut end = start + 1;
        if is_single(&tokens[start]) {
            while end < tokens.len() && is_single(&tokens[end]) && {
                let between = gap(&tokens[end - 1], &tokens[end]);
                between.len() <= 3 && !between.iter().any(|c| matches!(c.letter, '\n' | '\r'))
            } {
                end += 1;
            }
            push_windows(start..end);
        }
        start = end;
    }

    let mut start = 0;
    while start < tokens.len() {
        let mut end = start + 1;
        while end < tokens.len() && {
            let between = gap(&tokens[end - 1], &tokens[end]);
            between.len() == 1 && matches!(between[0].letter, '.' | '-' | '_' | '~' | '·' | '/')
        } {
            end += 1;
        }
        if tokens[start..end].iter().any(|t| t.syms.len() <= 2) {
            push_windows(start..end);
        }
        start = end;
    }
    rebuilt
}

/// "M.K. Atatürk", "A.Ş.", "T.B.M.M.": up to four capitals, each followed by a dot, are initials,
/// not a masked word ("S.İ.K", "A.M.K" lack the final dot; "R.E.Z.İ.L" is too long).
fn looks_like_initials(chars: &[NormChar], parts: &[Token], original: &[char]) -> bool {
    const MAX_INITIALS: usize = 4;
    let all_capitals = parts.iter().all(|t| {
        original[t.source.clone()].iter().all(|c| !c.is_alphabetic() || c.is_uppercase())
    });
    let dotted = parts.windows(2).all(|pair| {
        chars[pair[0].chars.end..pair[1].chars.start].iter().any(|c| c.letter == '.')
    });
    let final_dot = parts.last().is_some_and(|t| chars.get(t.chars.end).is_some_and(|c| c.letter == '.'));
    parts.len() <= MAX_INITIALS && all_capitals && dotted && final_dot
}

#[cfg(test)]
mod tests {
    use crate::text::Text;

    fn words(text: &str) -> Vec<String> {
        let text = Text::new(text);
        text.tokens().iter().map(|t| text.span(t.source.clone()).text).collect()
    }

    fn rebuilt(text: &str) -> Vec<String> {
        let text = Text::new(text);
        text.rebuilt_tokens().iter().map(|t| text.span(t.source.clone()).text).collect()
    }

    #[test]
    fn words_keep_apostrophe_suffixes_and_drop_surrounding_punctuation() {
        assert_eq!(words("Türkiye'nin, (en) iyi!"), ["Türkiye'nin", "en", "iyi"]);
    }

    #[test]
    fn symbols_inside_words_stay_in_the_word() {
        assert_eq!(words("@mk s*ktir $ik #etiket $1ktir !!!amk"), ["@mk", "s*ktir", "$ik", "etiket", "$1ktir", "amk"]);
    }

    #[test]
    fn a_hashtag_in_camel_case_is_read_as_its_words() {
        assert_eq!(words("#SuriyelilerDefolsun hemen"), ["Suriyeliler", "Defolsun", "hemen"]);
        assert_eq!(words("#ÜlkemdeAfganİstemiyorum"), ["Ülkemde", "Afgan", "İstemiyorum"]);
        // Capitals in a row, or a word outside a hashtag, stay one word.
        assert_eq!(words("#EYT2019 #diyanetkapatılsın YouTube"), ["EYT2019", "diyanetkapatılsın", "YouTube"]);
        // Mixed case is masking, not words: the lists see through it as one word.
        assert_eq!(words("#oRoSpU #SiKTiR"), ["oRoSpU", "SiKTiR"]);
    }

    #[test]
    fn a_number_with_a_suffix_is_not_leetspeak() {
        let text = Text::new("45$'dan");
        assert!(text.tokens()[0].syms.iter().take(3).all(|s| matches!(s, super::Sym::Literal(_))));
    }

    #[test]
    fn numbers_alone_are_not_words() {
        assert_eq!(words("2024 yılında 3.5 puan"), ["yılında", "puan"]);
    }

    #[test]
    fn single_letters_split_apart_are_rebuilt() {
        assert_eq!(rebuilt("S İ K T İ R git")[0], "S İ K T İ R");
        assert_eq!(rebuilt("bu ne a.q"), ["a.q"]);
        assert_eq!(rebuilt("o.ç herif"), ["o.ç"]);
    }

    #[test]
    fn a_one_letter_word_before_split_letters_does_not_hide_them() {
        let text = Text::new("o S İ K T İ R");
        let words: Vec<String> = text.rebuilt_tokens().iter().map(|t| text.span(t.source.clone()).text).collect();
        assert!(words.contains(&"S İ K T İ R".to_string()), "{words:?}");
    }

    #[test]
    fn short_pieces_joined_by_a_dot_are_rebuilt() {
        assert_eq!(rebuilt("si.ktir git"), ["si.ktir"]);
    }

    #[test]
    fn dotted_capital_initials_are_not_rebuilt() {
        assert!(rebuilt("M.K. Atatürk ve A.Ş. yönetimi, T.B.M.M. kararı").is_empty());
        assert_eq!(rebuilt("S.İ.K git")[0], "S.İ.K");
    }

    #[test]
    fn sentences_are_counted() {
        let text = Text::new("Bir. İki! Üç");
        let sentences: Vec<usize> = text.tokens().iter().map(|t| t.sentence).collect();
        assert_eq!(sentences, [0, 1, 2]);
    }
}

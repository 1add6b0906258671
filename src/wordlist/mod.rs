//! Word lists: the plain-text format of `wordlists/<lang>/<name>.txt`, and the matcher they compile to.
//!
//! One entry a line (full description in `wordlists/README.md`):
//!
//! ```text
//! # a comment
//! aptal*            a stem: the word and every suffixed form (aptallar, aptalsın)
//! amk               a whole word, and nothing longer
//! mal mısın         a phrase: words in a row, each a whole word or a stem*
//! !götür*           an exception: an innocent word that an entry would otherwise catch
//! =amın*            letters exactly as written: here `ı` must be `ı`, not `i`
//! 🖕                 a single symbol, matched wherever it stands
//! ```
//!
//! Entries match the normalised words of a comment (see `crate::text`), so case, Turkish letters typed
//! as ASCII, look-alikes, leetspeak, repeated letters and split letters need no entries of their own.
//! When several entries match one word, the longest decides; an exception as long as an entry wins.

mod lexicon;

use crate::text::{Sym, Text};

pub(crate) use lexicon::{Hit, Lexicon};

/// A line of a word list that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct EntryError {
    pub line: usize,
    pub message: String,
}

/// One word of an entry, in both spellings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EntryWord {
    pub letters: Vec<char>,
    pub skeleton: Vec<char>,
    /// Matches the word followed by any suffix.
    pub stem: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub words: Vec<EntryWord>,
    pub exception: bool,
    /// Compare Turkish letters as written instead of by their ASCII spelling.
    pub exact_letters: bool,
    /// A single-symbol entry (🖕) instead of words.
    pub symbol: Option<char>,
    pub line: usize,
    pub text: String,
}

const MAX_PHRASE_WORDS: usize = 8;

/// Reads a word list. Every problem is reported with its line number.
pub(crate) fn parse(content: &str) -> Result<Vec<Entry>, EntryError> {
    let mut entries = Vec::new();
    for (index, raw) in content.lines().enumerate() {
        let line = index + 1;
        let text = raw.split_once(" #").map_or(raw, |(entry, _)| entry).trim();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let error = |message: String| EntryError { line, message };
        let (exception, rest) = match text.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (exact_letters, rest) = match rest.strip_prefix('=') {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        if let Some(symbol) = single_symbol(rest) {
            if exception {
                return Err(error(format!("`{text}`: a symbol cannot be an exception; remove the entry that lists it instead")));
            }
            entries.push(Entry { words: Vec::new(), exception, exact_letters, symbol: Some(symbol), line, text: text.to_string() });
            continue;
        }
        let words = rest
            .split_whitespace()
            .map(|word| parse_word(word).map_err(&error))
            .collect::<Result<Vec<_>, _>>()?;
        if words.is_empty() {
            return Err(error(format!("`{text}` has no word after its markers")));
        }
        if words.len() > MAX_PHRASE_WORDS {
            return Err(error(format!("a phrase may have at most {MAX_PHRASE_WORDS} words")));
        }
        entries.push(Entry { words, exception, exact_letters, symbol: None, line, text: text.to_string() });
    }
    Ok(entries)
}

/// A lone symbol such as an emoji; not a letter, digit, invisible character, or a character the
/// format itself uses.
fn single_symbol(entry: &str) -> Option<char> {
    let mut chars = entry.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None)
            if !c.is_alphanumeric() && !c.is_whitespace() && !c.is_ascii_punctuation() && !crate::text::fold::is_invisible(c) =>
        {
            Some(c)
        }
        _ => None,
    }
}

fn parse_word(word: &str) -> Result<EntryWord, String> {
    let (body, stem) = match word.strip_suffix('*') {
        Some(body) => (body, true),
        None => (word, false),
    };
    if body.contains('*') {
        return Err(format!("`{word}`: `*` may only end a word"));
    }
    if let Some(bad) = body.chars().find(|c| !c.is_alphabetic()) {
        return Err(format!("`{word}`: only letters may be listed, not `{bad}`"));
    }
    // The entry goes through the same normalisation as comments, so both compare alike.
    let text = Text::new(body);
    let [token] = text.tokens() else {
        return Err(format!("`{word}` is not a single word"));
    };
    let mut letters = Vec::with_capacity(token.syms.len());
    let mut skeleton = Vec::with_capacity(token.syms.len());
    for sym in &token.syms {
        match *sym {
            Sym::Letter { letter, skeleton: ascii, .. } => {
                letters.push(letter);
                skeleton.push(ascii);
            }
            _ => return Err(format!("`{word}`: only letters may be listed")),
        }
    }
    if token.masked {
        return Err(format!("`{word}` mixes scripts; write it in Latin letters"));
    }
    if stem && letters.len() < 2 {
        return Err(format!("`{word}`: a stem needs at least two letters, or it would match nearly every word"));
    }
    Ok(EntryWord { letters, skeleton, stem })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_stems_words_phrases_exceptions_and_exact_letters() {
        let entries = parse("# header\naptal*\namk\nmal mısın  # phrase\n!götür*\n=amın*\n\n").unwrap();
        let summary: Vec<(usize, bool, bool, bool)> =
            entries.iter().map(|e| (e.words.len(), e.words[0].stem, e.exception, e.exact_letters)).collect();
        assert_eq!(summary, [(1, true, false, false), (1, false, false, false), (2, false, false, false), (1, true, true, false), (1, true, false, true)]);
        assert_eq!(entries[2].words[1].skeleton, ['m', 'i', 's', 'i', 'n']);
        assert_eq!(entries[4].words[0].letters, ['a', 'm', 'ı', 'n']);
    }

    #[test]
    fn entries_are_folded_like_comments() {
        let entries = parse("ŞEREFSİZ*").unwrap();
        assert_eq!(entries[0].words[0].letters.iter().collect::<String>(), "şerefsiz");
        assert_eq!(entries[0].words[0].skeleton.iter().collect::<String>(), "serefsiz");
    }

    #[test]
    fn errors_name_the_line() {
        let error = parse("aptal*\nsa*lak\n").unwrap_err();
        assert_eq!(error.line, 2);
        assert!(error.message.contains("may only end"), "{error}");
        assert_eq!(parse("ok\n!\n").unwrap_err().line, 2);
        assert!(parse("a*").unwrap_err().message.contains("two letters"));
        assert!(parse("s1k").unwrap_err().message.contains("only letters"));
        assert!(parse("!🖕").unwrap_err().message.contains("cannot be an exception"));
        assert!(parse("\u{200b}").unwrap_err().message.contains("only letters"));
    }
}

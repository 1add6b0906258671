//! Restoring Turkish letters to a comment typed without them: "cok guzel olmus" → "çok güzel olmuş".
//!
//! A word is looked up by its ASCII spelling in a vocabulary of 437,000 Turkish word forms with their
//! frequencies (`models/turkish-letters/words.txt`). One spelling known: that is the word. Several
//! common ones (`sen`/`şen`, `on`/`ön`): the one the neighbouring words make likeliest under a
//! bigram model (`context.txt`, see [`context`]), or, where that model is silent, the commonest
//! unless Deniz Yuret's context patterns (`patterns.txt`, see [`patterns`]) pick another that is
//! nearly as common. A name with a suffix not
//! in the vocabulary ("Besiktas'in") gets its stem from the vocabulary and its suffix by vowel
//! harmony; so do a number's suffix ("1990'larin" → "1990'ların", from the number read aloud) and
//! the question particle ("aldi mi" → "aldı mı"). Words the vocabulary does not know at all are left
//! to the patterns alone, except names that share no stem with a Turkish word ("Muldoon" stays as
//! written) and acronyms.
//!
//! Only the letters c, g, i, o, s, u (either case) ever change. A word typed with some Turkish
//! letters is the writer's own choice and stays as it is, unless the vocabulary's commonest spelling
//! of it keeps every letter typed and only gives plain ones their accents, and the word as typed is
//! far rarer ("göründügü" → "göründüğü": the writer has the letters and left one out); a completed
//! word is that spelling, which fits itself, so restoring twice changes nothing more (a property
//! test holds it to that). Mentions, hashtags, URLs, e-mail addresses, the digits of numbers and
//! words with letters foreign to Turkish (q, w, x, é) are left alone.
//!
//! On measured data (`BENCHMARKS.md`) this restores more words exactly than the patterns alone.

mod context;
mod patterns;
mod vocabulary;

use std::ops::Range;

use context::Context;
use patterns::Patterns;
use vocabulary::Vocabulary;

use unicode_normalization::char::is_combining_mark;

use crate::text::fold::{ascii_skeleton, is_turkish_letter, turkish_lowercase, turkish_uppercase};

/// How much less probable (log10) than the best spelling a spelling may be and still win because
/// the context patterns choose it.
const CONTEXT_MARGIN: f32 = 0.5;

/// How much less probable (log10) than the best spelling a spelling may be and still win because
/// the words around it choose it (see [`context`]).
const NEIGHBOUR_WINDOW: f32 = 1.0;

/// How much more probable (log10) the restored spelling must be than the ASCII one for the word to
/// count as typed without its letters ("cok" is a word of the vocabulary too, 370 times rarer than
/// "çok").
const EVIDENCE_GAP: f32 = 1.0;

/// The shortest stem a name unknown to the vocabulary must share with a known word before its
/// letters are restored by the patterns.
const NAME_STEM: usize = 5;

/// The vocabulary and patterns that put Turkish letters back.
#[derive(Debug)]
pub(crate) struct LetterModel {
    vocabulary: Vocabulary,
    patterns: Patterns,
    context: Context,
}

/// A file of the model that does not read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ModelFileError {
    pub file: &'static str,
    pub line: usize,
    pub message: String,
}

/// The comment with its Turkish letters restored, and what happened to each word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Restoration {
    /// As many code points as the comment, the same characters but for c, g, i, o, s, u.
    pub text: Vec<char>,
    /// The words that were judged: letters that could carry a Turkish accent typed without any, or
    /// with some but not all ([`RestoredWord::partly_typed`]).
    pub words: Vec<RestoredWord>,
    /// Words the writer typed with Turkish letters, those typed with some but not all among them: a
    /// writer who has the letters is not writing without.
    pub typed_with_letters: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RestoredWord {
    /// Code points of the comment.
    pub source: Range<usize>,
    pub changed: bool,
    /// The word shows the writer typing without Turkish letters: its restored spelling is a known
    /// word (or name) far commoner than the ASCII one, the suffix after a name lacks its letters
    /// ("Malakka'yi"), or the patterns give an unknown lower-case word Turkish letters. Acronyms and
    /// names the vocabulary does not know in a Turkish spelling never count.
    pub needs_letters: bool,
    /// Among those, the surest signs: a common word the vocabulary knows (not a name, not a
    /// guess), or a suffix the writer typed after a name or a number.
    pub known_word: bool,
    /// The writer typed some of the word's Turkish letters ("göründügü").
    pub partly_typed: bool,
}

/// What is known about one word before it is restored.
struct Word {
    source: Range<usize>,
    /// Lower-case ASCII letters, apostrophes as `'`.
    key: Vec<char>,
    /// Capitalised inside a sentence.
    name: bool,
    /// In capitals while the comment is not.
    acronym: bool,
    /// In capitals.
    capitals: bool,
    /// A suffix written after a number ("1990'larin"): the last vowel of the number as it is read.
    after_number: Option<char>,
    /// A word typed with some of its Turkish letters but not all ("göründügü", "ugraşmayın"):
    /// its letters as typed. Only the vocabulary restores it.
    partly_typed: Option<Vec<TypedLetter>>,
}

enum Choice {
    /// A spelling the vocabulary knows, whether the ASCII spelling is far rarer, and whether the
    /// word is a name.
    Known { spelling: Vec<char>, ascii_far_rarer: bool, name: bool },
    /// A name the vocabulary lacks with its suffix: the stem as known or kept, the suffix made to
    /// agree with it; whether the suffix, which is the writer's own spelling, lacked letters.
    Suffixed { spelling: Vec<char>, suffix_lacked_letters: bool },
    /// Spelled by the patterns alone.
    Guessed(Vec<char>),
    Kept,
}

impl LetterModel {
    /// Reads `words.txt`, `patterns.txt` and, where the model has one, `context.txt`.
    pub(crate) fn parse(words: &str, patterns: &str, context: Option<&str>) -> Result<Self, ModelFileError> {
        let vocabulary = Vocabulary::parse(words)
            .map_err(|(line, message)| ModelFileError { file: "words.txt", line, message })?;
        let patterns = Patterns::parse(patterns)
            .map_err(|(line, message)| ModelFileError { file: "patterns.txt", line, message })?;
        let context = Context::parse(context.unwrap_or_default())
            .map_err(|(line, message)| ModelFileError { file: "context.txt", line, message })?;
        Ok(LetterModel { vocabulary, patterns, context })
    }

    /// Restores the Turkish letters of a comment.
    pub(crate) fn restore(&self, original: &[char]) -> Restoration {
        let (words, typed_with_letters) = words_to_restore(original);
        let mut text = original.to_vec();
        // The comment as the patterns read what lies before a letter: lower case, restored so far;
        // a word typed with Turkish letters in Turkish lower case ("AÇIK" is "açık").
        let mut before: Vec<char> = original.iter().map(|&c| lower_letter(c)).collect();
        for span in &typed_with_letters {
            for at in span.clone() {
                before[at] = turkish_lowercase(original[at]).next().unwrap_or(original[at]);
            }
        }
        let typed_with_letters = typed_with_letters.len();
        let mut restored = Vec::with_capacity(words.len());
        for word in &words {
            let after = &original[word.source.end..];
            let choice = self.choose(word, &before[..word.source.start], after);
            let (spelling, needs_letters) = match &choice {
                // Restored to a known word far commoner than the ASCII spelling, or whose only change
                // is a capital İ ("Ingilizler" → "İngilizler": "ıngilizler" is no word).
                Choice::Known { spelling, ascii_far_rarer, .. } => (Some(spelling), *ascii_far_rarer || *spelling == word.key),
                Choice::Suffixed { spelling, suffix_lacked_letters } => (Some(spelling), *suffix_lacked_letters),
                // A word the vocabulary lacks, that the patterns give Turkish letters, when it reads
                // as a Turkish word (its vowels in harmony: "ısıtılan", not "artıcle"); never a name.
                Choice::Guessed(spelling) => (Some(spelling), !word.name && in_vowel_harmony(spelling)),
                Choice::Kept => (None, false),
            };
            let needs_letters = needs_letters && !word.acronym;
            // The surest signs: a common word the vocabulary knows, or a suffix the writer typed
            // after a name or number ("Malakka'yi", "1990'larin").
            let known_word = match &choice {
                // Not a word in capitals whose only change is a capital İ: in capitals typed on
                // any keyboard, every I looks like that.
                Choice::Known { name, spelling, .. } => !name && (*spelling != word.key || !word.capitals),
                Choice::Suffixed { .. } => true,
                Choice::Guessed(_) | Choice::Kept => false,
            };
            let mut changed = false;
            if let Some(spelling) = spelling {
                for (at, &letter) in word.source.clone().zip(spelling) {
                    // Only an ASCII letter changes, and only into its Turkish letter (a spelling
                    // with â, î or û leaves those as typed).
                    if !original[at].is_ascii_alphabetic() || !(is_turkish_letter(letter) || letter.is_ascii_lowercase()) {
                        continue;
                    }
                    before[at] = letter;
                    let cased = if original[at].is_uppercase() { turkish_uppercase(letter) } else { letter };
                    changed |= cased != original[at];
                    text[at] = cased;
                }
            }
            let needs_letters = changed && needs_letters;
            restored.push(RestoredWord {
                source: word.source.clone(),
                changed,
                needs_letters,
                known_word: needs_letters && known_word,
                partly_typed: word.partly_typed.is_some(),
            });
        }
        Restoration { text, words: restored, typed_with_letters }
    }

    /// The vocabulary writes this word (lower-case ASCII key or Turkish spelling) with a capital:
    /// it is a name ("istanbul" → "İstanbul'da" is how it is found).
    pub(crate) fn is_name(&self, word: &str) -> bool {
        self.vocabulary.spellings(&vocabulary::ascii_key(word)).is_name()
    }

    /// The vocabulary has this very form (compared in Turkish lower case) at least as often as
    /// `min_log_probability`: "kapitalizm" is a word of the corpus even where a dictionary lacks it.
    pub(crate) fn has_form(&self, word: &str, min_log_probability: f32) -> bool {
        let lowered: String = word.chars().flat_map(turkish_lowercase).collect();
        self.vocabulary
            .spellings(&vocabulary::ascii_key(word))
            .iter()
            .any(|form| form.log_probability >= min_log_probability && form.text.chars().flat_map(turkish_lowercase).eq(lowered.chars()))
    }

    fn choose(&self, word: &Word, before: &[char], after: &[char]) -> Choice {
        if let Some(typed) = &word.partly_typed {
            return self.complete(word, typed);
        }
        if let Some(vowel) = word.after_number {
            let spelling = harmonise(&[vowel], &word.key);
            return Choice::Suffixed { suffix_lacked_letters: spelling != word.key, spelling };
        }
        // The question particle agrees with the word before it: "geldi mi", "aldı mı", "gördün mü".
        // A wrong one is as often a slip of grammar as of the keyboard ("olmuş mi"), so it is
        // restored but never counts as typing without Turkish letters.
        if is_question_particle(&word.key) {
            if let Some(previous) = word_before(before) {
                return Choice::Suffixed { spelling: harmonise(previous, &word.key), suffix_lacked_letters: false };
            }
        }
        let key: String = word.key.iter().collect();
        if let Some(choice) = self.known(word, &key, before, after) {
            return choice;
        }
        if let Some(apostrophe) = word.key.iter().position(|&c| c == '\'') {
            // A name with a suffix: the stem on its own, the suffix by vowel harmony.
            let stem = Word {
                source: word.source.start..word.source.start + apostrophe,
                key: word.key[..apostrophe].to_vec(),
                name: word.name,
                acronym: word.acronym,
                capitals: word.capitals,
                after_number: None,
                partly_typed: None,
            };
            let stem_spelling = match self.choose(&stem, before, after) {
                Choice::Known { spelling, .. } | Choice::Suffixed { spelling, .. } | Choice::Guessed(spelling) => spelling,
                Choice::Kept => stem.key.clone(),
            };
            let suffix = &word.key[apostrophe + 1..];
            let harmonised = harmonise(&stem_spelling, suffix);
            let suffix_lacked_letters = harmonised != suffix;
            let mut spelling = stem_spelling;
            spelling.push('\'');
            spelling.extend(harmonised);
            return Choice::Suffixed { spelling, suffix_lacked_letters };
        }
        let shares_a_stem = || (NAME_STEM..word.key.len()).rev().any(|len| self.vocabulary.knows(&key[..len]));
        if word.acronym || word.name && !shares_a_stem() {
            return Choice::Kept;
        }
        Choice::Guessed(self.guess(&word.key, before, after))
    }

    /// A word typed with some of its Turkish letters: the commonest spelling of the vocabulary that
    /// keeps every letter as typed and gives Turkish letters only to plain ones ("göründügü" →
    /// "göründüğü"), where the word as typed is far rarer or unknown. Names are kept.
    fn complete(&self, word: &Word, typed: &[TypedLetter]) -> Choice {
        let key: String = word.key.iter().collect();
        let spellings = self.vocabulary.spellings(&key);
        if spellings.is_name() {
            return Choice::Kept;
        }
        let fits = |form: &[char]| form.len() == typed.len() && form.iter().zip(typed).all(|(&f, &(t, open))| f == t || open && f == with_accent(t));
        let typed: Vec<char> = typed.iter().map(|&(letter, _)| letter).collect();
        // Most probable first, in lower case.
        let forms: Vec<(Vec<char>, f32)> = spellings.iter().map(|f| (lower(f.text), f.log_probability)).collect();
        let Some((spelling, probability)) = forms.iter().find(|(form, _)| fits(form)) else {
            return Choice::Kept;
        };
        let as_typed = forms.iter().find(|(form, _)| *form == typed).map(|&(_, p)| p);
        if *spelling == typed || as_typed.is_some_and(|p| p >= probability - EVIDENCE_GAP) {
            return Choice::Kept;
        }
        Choice::Known { spelling: spelling.clone(), ascii_far_rarer: true, name: false }
    }

    /// The spelling the vocabulary gives, if it knows the word. Where several spellings are common,
    /// the words around it choose (see [`context`]), or else the patterns.
    fn known(&self, word: &Word, key: &str, before: &[char], after: &[char]) -> Option<Choice> {
        let spellings = self.vocabulary.spellings(key);
        let best = spellings.iter().next()?;
        let ascii = spellings.iter().find(|f| f.text.is_ascii());
        let mut chosen = best;
        // The patterns and the neighbours read words in running text; an acronym ("MO" for MÖ) is
        // not one.
        if !word.acronym {
            let candidates: Vec<_> = spellings.iter().filter(|f| f.log_probability > best.log_probability - NEIGHBOUR_WINDOW).collect();
            if let Some(fitting) = self.fits_best(&candidates, before, after) {
                chosen = fitting;
            } else {
                let mut rivals = candidates.iter().skip(1).filter(|f| f.log_probability > best.log_probability - CONTEXT_MARGIN).peekable();
                if rivals.peek().is_some() {
                    let guessed = self.guess(&word.key, before, after);
                    if let Some(rival) = rivals.find(|f| f.text.chars().flat_map(turkish_lowercase).eq(guessed.iter().copied())) {
                        chosen = *rival;
                    }
                }
            }
        }
        let ascii_far_rarer = ascii.is_none_or(|a| a.log_probability < chosen.log_probability - EVIDENCE_GAP);
        Some(Choice::Known { spelling: lower(chosen.text), ascii_far_rarer, name: spellings.is_name() })
    }

    /// Of several common spellings, the one the neighbouring words make likeliest, when the context
    /// model knows them all.
    fn fits_best<'a>(&self, candidates: &[vocabulary::Form<'a>], before: &[char], after: &[char]) -> Option<vocabulary::Form<'a>> {
        if candidates.len() < 2 || self.context.is_empty() {
            return None;
        }
        let previous: Option<String> = word_before(before).map(|w| w.iter().collect());
        let next = self.word_after(after);
        // Neighbours the model has never paired with anything say nothing; the patterns decide.
        let known = |w: &Option<String>| w.as_deref().is_some_and(|w| self.context.knows(w));
        if !known(&previous) && !known(&next) {
            return None;
        }
        let mut best: Option<(f32, vocabulary::Form<'a>)> = None;
        for &candidate in candidates {
            let text: String = candidate.text.chars().flat_map(turkish_lowercase).collect();
            let score = self.context.score(previous.as_deref(), &text, next.as_deref())?;
            if best.is_none_or(|(top, _)| score > top) {
                best = Some((score, candidate));
            }
        }
        best.map(|(_, form)| form)
    }

    /// The next word, when only spaces lead to it: as typed if it has Turkish letters, else as the
    /// vocabulary most often spells it.
    fn word_after(&self, after: &[char]) -> Option<String> {
        let start = after.iter().position(|c| !c.is_whitespace())?;
        let word: Vec<char> = after[start..].iter().take_while(|c| c.is_alphabetic()).copied().collect();
        if word.is_empty() {
            return None;
        }
        if has_turkish_letter(&word) {
            return Some(word.iter().flat_map(|&c| turkish_lowercase(c)).collect());
        }
        let key: String = word.iter().map(|c| c.to_ascii_lowercase()).collect();
        let best = self.vocabulary.spellings(&key).iter().next();
        Some(best.map_or(key, |f| f.text.chars().flat_map(turkish_lowercase).collect()))
    }

    /// The word as the patterns spell it, letter by letter from the left.
    fn guess(&self, key: &[char], before: &[char], after: &[char]) -> Vec<char> {
        let mut spelling = key.to_vec();
        for at in 0..spelling.len() {
            let letter = spelling[at];
            if !is_ambiguous(letter) {
                continue;
            }
            let left = spelling[..at].iter().rev().chain(before.iter().rev()).copied();
            let right = key[at + 1..].iter().chain(after).copied();
            if self.patterns.is_turkish(letter, left, right) {
                spelling[at] = with_accent(letter);
            }
        }
        spelling
    }
}

/// The word was typed with a Turkish letter (a capital I is not one), or with a combining mark
/// that makes one ("s" + U+0327).
fn has_turkish_letter(word: &[char]) -> bool {
    word.iter().any(|&c| is_turkish_letter(c) || matches!(c, 'Ç' | 'Ğ' | 'İ' | 'Ö' | 'Ş' | 'Ü') || is_combining_mark(c))
}

/// A letter of a word typed with some of its Turkish letters: as typed, in Turkish lower case, and
/// whether it may still take its Turkish accent (a plain c, g, i, o, s or u).
type TypedLetter = (char, bool);

/// A word of two letters or more, of Turkish and plain letters only (no combining mark, no â, no
/// apostrophe, no q, w or x), some of them plain letters that have a Turkish counterpart: its
/// letters as typed.
fn partly_typed(letters: &[char]) -> Option<Vec<TypedLetter>> {
    let turkish = |c: char| is_turkish_letter(c) || matches!(c, 'Ç' | 'Ğ' | 'İ' | 'Ö' | 'Ş' | 'Ü');
    let plain = |c: char| c.is_ascii_alphabetic() && !matches!(c.to_ascii_lowercase(), 'q' | 'w' | 'x');
    if letters.len() < 2 || !letters.iter().all(|&c| plain(c) || turkish(c)) {
        return None;
    }
    // A capital I among Turkish letters is read as a Turkish keyboard types it, the capital of ı,
    // and so is a letter typed with its accent; a capital İ, "i", keeps its dot.
    let typed: Vec<TypedLetter> =
        letters.iter().map(|&c| if c == 'I' { ('ı', false) } else { (turkish_lowercase(c).next().unwrap_or(c), c.is_ascii() && is_ambiguous(c.to_ascii_lowercase())) }).collect();
    typed.iter().any(|&(_, open)| open).then_some(typed)
}

/// c, g, i, o, s, u: the letters that have a Turkish counterpart.
fn is_ambiguous(c: char) -> bool {
    matches!(c, 'c' | 'g' | 'i' | 'o' | 's' | 'u')
}

fn with_accent(c: char) -> char {
    match c {
        'c' => 'ç',
        'g' => 'ğ',
        'i' => 'ı',
        'o' => 'ö',
        's' => 'ş',
        'u' => 'ü',
        other => other,
    }
}

fn lower(text: &str) -> Vec<char> {
    text.chars().flat_map(turkish_lowercase).collect()
}

/// A character as the left context sees it before its word is restored.
fn lower_letter(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        turkish_lowercase(c).next().unwrap_or(c)
    }
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

/// "mi", "mu" and their personal forms ("misin", "muyuz", "miydi"), typed in ASCII: one vowel,
/// i or u, throughout.
fn is_question_particle(key: &[char]) -> bool {
    const SHAPES: [&str; 13] = ["m_", "m_s_n", "m_y_m", "m_y_z", "m_s_n_z", "m_yd_", "m_yd_m", "m_yd_n", "m_yd_k", "m_yd_n_z", "m_ym_s", "m_d_r", "m_yken"];
    let Some(&vowel) = key.get(1).filter(|v| matches!(v, 'i' | 'u')) else { return false };
    SHAPES.iter().any(|shape| shape.len() == key.len() && shape.chars().zip(key).all(|(s, &k)| if s == '_' { k == vowel } else { s == k }))
}

/// The letters of the word just before, when only spaces stand between it and this one.
fn word_before(before: &[char]) -> Option<&[char]> {
    let end = before.iter().rposition(|c| !c.is_whitespace())? + 1;
    if end == before.len() || !before[end - 1].is_alphabetic() {
        return None;
    }
    let start = before[..end].iter().rposition(|c| !c.is_alphabetic()).map_or(0, |i| i + 1);
    Some(&before[start..end])
}

/// A suffix written after an apostrophe, its i and u made to agree with the stem's last vowel
/// ("Besiktas'in" → "Beşiktaş'ın").
fn harmonise(stem: &[char], suffix: &[char]) -> Vec<char> {
    let is_vowel = |c: &char| "aeıioöuü".contains(*c);
    let Some(mut vowel) = stem.iter().rev().find(|c| is_vowel(c)).copied() else { return suffix.to_vec() };
    let mut harmonised = Vec::with_capacity(suffix.len());
    for (at, &c) in suffix.iter().enumerate() {
        let back = "aıou".contains(vowel);
        // The relative suffix "-ki" keeps its i ("Besiktas'taki", "1990'daki").
        let relative_ki = at > 0 && at == suffix.len() - 1 && suffix[at - 1] == 'k' && c == 'i';
        let letter = match c {
            'i' if back && !relative_ki => 'ı',
            'u' if !back => 'ü',
            other => other,
        };
        if is_vowel(&letter) {
            vowel = letter;
        }
        harmonised.push(letter);
    }
    harmonised
}

/// Native Turkish words have only front vowels (e, i, ö, ü) or only back ones (a, ı, o, u); most
/// words of other languages mix them. The present tense "-yor" and the "-bil" of "-abil" (can)
/// are suffixes outside harmony, so only what comes before them is read ("pişirilmiyordu",
/// "taşıyabiliyordu").
fn in_vowel_harmony(spelling: &[char]) -> bool {
    let outside = |w: &[char]| w == ['y', 'o', 'r'] || w == ['b', 'i', 'l'];
    let harmonic_part = spelling.windows(3).enumerate().position(|(at, w)| at > 0 && outside(w)).unwrap_or(spelling.len());
    let vowels = spelling[..harmonic_part].iter().filter(|c| "aeıioöuü".contains(**c));
    let (mut front, mut back) = (false, false);
    for &vowel in vowels {
        front |= "eiöü".contains(vowel);
        back |= "aıou".contains(vowel);
    }
    !(front && back)
}

/// Cuts the comment into the words to restore, and counts those typed with Turkish letters.
fn words_to_restore(original: &[char]) -> (Vec<Word>, Vec<Range<usize>>) {
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    while at < original.len() {
        if !original[at].is_alphabetic() {
            at += 1;
            continue;
        }
        let start = at;
        // Initials with dots are one word: "M.O." for "M.Ö.", "A.S." for "A.Ş.".
        let single_letter_then_dot = |i: usize| {
            original.get(i).is_some_and(|c| c.is_alphabetic())
                && original.get(i + 1) == Some(&'.')
                && (i == 0 || !original[i - 1].is_alphabetic())
        };
        if single_letter_then_dot(at) && single_letter_then_dot(at + 2) {
            while single_letter_then_dot(at) {
                at += 2;
            }
            spans.push(start..at);
            continue;
        }
        at = word_end(original, start);
        spans.push(start..at);
    }
    // A word is in capitals when the part before any apostrophe is ("CODIS'teki" is an acronym).
    let all_caps = |span: &Range<usize>| {
        let letters = &original[span.clone()];
        let stem = letters.split(|&c| is_apostrophe(c)).next().unwrap_or(letters);
        stem.iter().filter(|c| c.is_alphabetic()).count() >= 2 && !stem.iter().any(|c| c.is_lowercase())
    };
    let long_words = spans.iter().filter(|s| s.len() >= 2).count();
    let shouting = spans.iter().filter(|s| all_caps(s)).count() * 5 >= long_words * 3;

    let in_link = handles_and_links(original);
    let mut words = Vec::new();
    let mut typed_with_letters = Vec::new();
    let mut previous_end = None;
    for span in spans {
        let gap_start = previous_end.unwrap_or(0);
        let sentence_start = previous_end.is_none()
            || original[gap_start..span.start].iter().any(|c| matches!(c, '.' | '!' | '?' | '…' | ':' | '\n'));
        previous_end = Some(span.end);
        let letters = &original[span.clone()];
        let after_number = number_before_suffix(original, &span).map(|digits| last_vowel_of_number(&digits));
        if letters.len() < 2 && after_number.is_none() || in_link[span.start] {
            continue;
        }
        if after_number.is_none() && touches_a_digit(original, &span) {
            continue;
        }
        if has_turkish_letter(letters) {
            typed_with_letters.push(span.clone());
            // Not a suffix after a number: its vowels follow the number's, as restored below. Not a
            // word in capitals either: an I there may be ı or İ typed on any keyboard.
            if let Some(typed) = partly_typed(letters).filter(|_| !all_caps(&span) && after_number.is_none()) {
                let key = typed.iter().map(|&(c, _)| ascii_skeleton(c)).collect();
                words.push(Word { source: span, key, name: false, acronym: false, capitals: false, after_number: None, partly_typed: Some(typed) });
            }
            continue;
        }
        // â, î and û are Turkish too ("hâlâ", "millî"); they are read as a, i, u and never changed.
        let key: Vec<char> = letters
            .iter()
            .map(|&c| match c {
                'â' | 'Â' => 'a',
                'î' | 'Î' => 'i',
                'û' | 'Û' => 'u',
                c if is_apostrophe(c) => '\'',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        let foreign = key.iter().any(|&c| !(c.is_ascii_lowercase() || matches!(c, '\'' | '.')) || matches!(c, 'q' | 'w' | 'x'));
        if foreign || !key.iter().copied().any(is_ambiguous) {
            continue;
        }
        let caps = all_caps(&span);
        words.push(Word {
            source: span.clone(),
            key,
            name: !caps && letters[0].is_uppercase() && !sentence_start,
            acronym: caps && !shouting,
            capitals: caps,
            after_number,
            partly_typed: None,
        });
    }
    (words, typed_with_letters)
}

/// Where the word that starts at `start` ends: letters with their combining marks ("s" + U+0327
/// is a typed "ş"), joined across one apostrophe that a letter follows ("Türkiye’de").
/// The character at `start` always belongs to the word, so a word is never empty: "ʼ" (U+02BC)
/// is a letter and an apostrophe at once, and an empty word would never be passed.
pub(crate) fn word_end(text: &[char], start: usize) -> usize {
    let mut at = (start + 1).min(text.len());
    let mut joined = false;
    while at < text.len() {
        let joins = !joined && at > start && is_apostrophe(text[at]) && text.get(at + 1).is_some_and(|c| c.is_alphabetic());
        if text[at].is_alphabetic() && !is_apostrophe(text[at]) || is_combining_mark(text[at]) || joins {
            joined |= joins;
            at += 1;
        } else {
            break;
        }
    }
    at
}

/// For each code point, whether it is part of a mention, hashtag, URL or e-mail address: a
/// stretch between white space that starts with `#`, holds `@`, `://` or `.com`, or starts `www.`.
pub(crate) fn handles_and_links(original: &[char]) -> Vec<bool> {
    let mut marked = vec![false; original.len()];
    let mut start = 0;
    for chunk in original.split(|c| c.is_whitespace()) {
        let has = |needle: &str| {
            let needle: Vec<char> = needle.chars().collect();
            chunk.windows(needle.len()).any(|w| w.iter().zip(&needle).all(|(a, b)| a.to_ascii_lowercase() == *b))
        };
        let link = chunk.first() == Some(&'#') || chunk.contains(&'@') || chunk.contains(&'/') && has("://") || chunk.contains(&'.') && (has("www.") || has(".com"));
        if link {
            marked[start..start + chunk.len()].fill(true);
        }
        start += chunk.len() + 1;
    }
    marked
}

/// The digits of the number a suffix follows after an apostrophe ("1990'larin").
/// Separators inside it ("10.000'i", "%0,5'i") are dropped: the number is read by its digits.
fn number_before_suffix(original: &[char], span: &Range<usize>) -> Option<Vec<char>> {
    let apostrophe = span.start.checked_sub(1).filter(|&i| is_apostrophe(original[i]))?;
    if !original[..apostrophe].last().is_some_and(char::is_ascii_digit) {
        return None;
    }
    let start = original[..apostrophe].iter().rposition(|c| !(c.is_ascii_digit() || matches!(c, '.' | ','))).map_or(0, |i| i + 1);
    Some(original[start..apostrophe].iter().filter(|c| c.is_ascii_digit()).copied().collect())
}

/// The last vowel of a number as it is read aloud, which the suffix after it agrees with:
/// 1990 "bin dokuz yüz doksan" → a, 2000 "iki bin" → i, 3 "üç" → ü.
fn last_vowel_of_number(digits: &[char]) -> char {
    let zeros = digits.iter().rev().take_while(|&&c| c == '0').count();
    let digit_at = |from_end: usize| digits.len().checked_sub(from_end + 1).map(|i| digits[i]);
    const ONES: [char; 10] = ['ı', 'i', 'i', 'ü', 'ö', 'e', 'ı', 'i', 'i', 'u'];
    const TENS: [char; 10] = ['ı', 'o', 'i', 'u', 'ı', 'i', 'ı', 'i', 'e', 'a'];
    let index = |c: Option<char>| c.and_then(|c| c.to_digit(10)).unwrap_or(0) as usize;
    match zeros {
        _ if zeros == digits.len() => 'ı',
        0 => ONES[index(digit_at(0))],
        1 => TENS[index(digit_at(1))],
        2 => 'ü',
        3..=5 => 'i',
        6..=8 => 'o',
        _ => 'a',
    }
}

/// "2019'da", "3üncü", "mp3": letters that belong to a number.
pub(crate) fn touches_a_digit(original: &[char], span: &Range<usize>) -> bool {
    let before = span.start.checked_sub(1).map(|i| original[i]);
    let before_apostrophe = span.start.checked_sub(2).filter(|_| before.is_some_and(is_apostrophe)).map(|i| original[i]);
    before.is_some_and(|c| c.is_ascii_digit())
        || before_apostrophe.is_some_and(|c| c.is_ascii_digit())
        || original.get(span.end).is_some_and(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> LetterModel {
        let words = "çok\t-2.4\ncok\t-4.9\ngüzel\t-3.0\nolmuş\t-3.2\nsık\t-3.8\nsik\t-6.9\nBeşiktaş'ta\t-5\nbeşiktaş\t-4\nistanbul\t-3\nİstanbul'da\t-3.5\n";
        LetterModel::parse(words, "i\tXk\t-5\ni\tsXk\t3\n", None).expect("test model parses")
    }

    fn restored(comment: &str) -> String {
        model().restore(&comment.chars().collect::<Vec<_>>()).text.into_iter().collect()
    }

    #[test]
    fn known_words_get_their_letters_and_case_is_kept() {
        assert_eq!(restored("Cok guzel olmus!"), "Çok güzel olmuş!");
        assert_eq!(restored("COK GUZEL OLMUS"), "ÇOK GÜZEL OLMUŞ");
    }

    #[test]
    fn words_already_typed_with_turkish_letters_are_left_alone() {
        assert_eq!(restored("çok guzel"), "çok güzel");
        let restoration = model().restore(&"çok guzel".chars().collect::<Vec<_>>());
        assert_eq!(restoration.typed_with_letters, 1);
    }

    #[test]
    fn a_word_typed_with_some_of_its_turkish_letters_gets_the_rest() {
        let words = "göründüğü\t-5.3\nbüyük\t-3\nöğretiyordu\t-6.9\n";
        let model = LetterModel::parse(words, "", None).expect("parses");
        let restore = |text: &str| model.restore(&text.chars().collect::<Vec<_>>());
        let restoration = restore("Kimse göründügü kadar büyük değil");
        assert_eq!(restoration.text.iter().collect::<String>(), "Kimse göründüğü kadar büyük değil");
        let completed: Vec<&RestoredWord> = restoration.words.iter().filter(|w| w.needs_letters).collect();
        assert_eq!(completed.len(), 1);
        assert!(completed[0].known_word && completed[0].partly_typed);
        // A letter the writer typed is never changed: "öğretıyordu" is a typo, not a word lacking letters.
        assert_eq!(restore("öğretıyordu").text.iter().collect::<String>(), "öğretıyordu");
        assert_eq!(restore("öğretıyordu").typed_with_letters, 1);
    }

    #[test]
    fn a_suffix_after_an_apostrophe_follows_the_stem() {
        assert_eq!(restored("Besiktas'in maci"), "Beşiktaş'ın maci");
        assert_eq!(restored("Besiktas'ta"), "Beşiktaş'ta");
        assert_eq!(restored("Besiktas'taki"), "Beşiktaş'taki");
    }

    #[test]
    fn letters_typed_with_combining_marks_count_as_typed() {
        let decomposed = "c\u{0327}ok gu\u{0308}zel";
        assert_eq!(restored(decomposed), decomposed);
        let restoration = model().restore(&decomposed.chars().collect::<Vec<_>>());
        assert_eq!(restoration.typed_with_letters, 2);
    }

    #[test]
    fn initials_with_dots_are_one_word() {
        let words = "M.Ö.\t-5.3\nmo\t-6\nA.Ş.\t-4.4\n";
        let model = LetterModel::parse(words, "", None).expect("parses");
        let restore = |text: &str| -> String { model.restore(&text.chars().collect::<Vec<_>>()).text.into_iter().collect() };
        assert_eq!(restore("M.O. 300 yilinda, Koc A.S. ve T.C."), "M.Ö. 300 yilinda, Koc A.Ş. ve T.C.");
    }

    #[test]
    fn a_modifier_apostrophe_that_starts_a_word_ends_it() {
        assert_eq!(restored("ʼ cok guzel"), "ʼ çok güzel");
        assert_eq!(restored("ʼ"), "ʼ");
    }

    #[test]
    fn mentions_links_and_numbers_are_not_touched() {
        assert_eq!(restored("@cok #guzel www.cok.com mp3cok 2019'u"), "@cok #guzel www.cok.com mp3cok 2019'u");
    }

    #[test]
    fn the_question_particle_agrees_with_the_word_before_it() {
        let words = "geldi\t-4\naldı\t-4\nsen\t-3\nmi\t-3\nmı\t-3.5\n";
        let model = LetterModel::parse(words, "", None).expect("parses");
        let restore = |text: &str| -> String { model.restore(&text.chars().collect::<Vec<_>>()).text.into_iter().collect() };
        assert_eq!(restore("aldi mi? sen misin"), "aldı mı? sen misin");
        assert_eq!(restore("geldi mi"), "geldi mi");
        assert_eq!(restore("ALDI MI"), "ALDI MI");
        assert_eq!(restore("mi"), "mi");
    }

    #[test]
    fn a_suffix_after_a_number_agrees_with_the_number_read_aloud() {
        assert_eq!(restored("1990'larin 2000'lerin 3'u 40'i 100'u 1930'daki"), "1990'ların 2000'lerin 3'ü 40'ı 100'ü 1930'daki");
        assert_eq!(restored("10.000'i %0,5'i"), "10.000'i %0,5'i");
    }

    #[test]
    fn circumflexed_letters_stay_and_the_word_is_still_restored() {
        let words = "bazı\t-3\nhalâ\t-5\n";
        let model = LetterModel::parse(words, "", None).expect("parses");
        let text: String = model.restore(&"bâzi".chars().collect::<Vec<_>>()).text.into_iter().collect();
        assert_eq!(text, "bâzı");
    }

    #[test]
    fn a_rare_ascii_spelling_is_evidence_and_a_name_the_vocabulary_lacks_is_not() {
        let restoration = model().restore(&"bu cok guzel Istanbul Muldoon ABD".chars().collect::<Vec<_>>());
        let needs: Vec<(bool, bool)> = restoration.words.iter().map(|w| (w.changed, w.needs_letters)).collect();
        // bu, cok, guzel, Istanbul (known: İstanbul), Muldoon (unknown, kept); ABD has no c g i o s u.
        assert_eq!(needs, [(false, false), (true, true), (true, true), (true, true), (false, false)]);
    }

    #[test]
    fn names_are_known_by_their_capitalised_forms() {
        assert!(model().is_name("istanbul"));
        assert!(!model().is_name("cok"));
    }
}

#[cfg(test)]
mod properties {
    use std::sync::OnceLock;

    use proptest::prelude::*;

    use crate::policy::Policy;

    fn policy() -> &'static Policy {
        static POLICY: OnceLock<Policy> = OnceLock::new();
        POLICY.get_or_init(|| Policy::embedded().expect("the default policy loads"))
    }

    fn restore(text: &str) -> String {
        let model = &policy().models()[0];
        model.restore(&text.chars().collect::<Vec<_>>()).text.into_iter().collect()
    }

    /// Turkish-looking text typed in ASCII, with names, numbers, apostrophes and noise.
    fn ascii_turkish() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            "[a-z]{1,12}",
            "[A-Z][a-z]{1,10}",
            "[A-Z]{2,6}",
            "[A-Z]{2,10}( [A-Z]{2,10}){1,4}",
            "[a-z]{2,8}'[a-z]{1,5}",
            "[0-9]{1,4}'[a-z]{1,4}",
            prop::sample::select(vec!["cok", "guzel", "Istanbul'da", "ISIK", "sik", "aksam", "yasli", "cikar", "isik", "on", "su", "ogretmenlerimizden", "Besiktas'in", "@kullanici", "#gundem", "https://ornek.com/cok"]).prop_map(str::to_string),
        ];
        prop::collection::vec((word, prop::sample::select(vec![" ", ", ", ". ", "! ", "\n", " - ", "'"])), 0..16)
            .prop_map(|parts| parts.into_iter().map(|(w, s)| w + s).collect())
    }

    fn toggles(a: char, b: char) -> bool {
        matches!(
            (a, b),
            ('c', 'ç') | ('C', 'Ç') | ('g', 'ğ') | ('G', 'Ğ') | ('i', 'ı') | ('I', 'İ') | ('o', 'ö') | ('O', 'Ö') | ('s', 'ş') | ('S', 'Ş') | ('u', 'ü') | ('U', 'Ü')
        )
    }

    #[test]
    fn words_in_capitals_restored_once_read_the_same_the_second_time() {
        for text in ["ACIK MI SORDUM BUNU SIZE NEDEN BOYLE", "AGIR MU", "TASIYAN SU", "KURSU TUR HASTALIGI BULUNAN"] {
            let once = restore(text);
            assert_eq!(restore(&once), once, "from {text:?}");
        }
        assert_eq!(restore("ACIK MI"), "AÇIK MI");
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn restoring_changes_only_c_g_i_o_s_u_into_their_turkish_letters(text in prop_oneof![ascii_turkish(), any::<String>()]) {
            let restored = restore(&text);
            prop_assert_eq!(restored.chars().count(), text.chars().count());
            for (before, after) in text.chars().zip(restored.chars()) {
                prop_assert!(before == after || toggles(before, after), "{:?} became {:?} in {:?} → {:?}", before, after, text, restored);
            }
        }

        #[test]
        fn restoring_twice_changes_nothing_more(text in prop_oneof![ascii_turkish(), any::<String>()]) {
            let once = restore(&text);
            prop_assert_eq!(restore(&once), once.clone(), "from {:?}", text);
        }
    }
}

//! Deniz Yuret's deasciifier decision lists: which ASCII letter stands for a Turkish one, judged
//! from the letters around it.
//!
//! For each of c, g, i, o, s, u the data holds context patterns such as `"bu aXa"` (X is the letter
//! in question) with a signed rank. The context of a letter is up to ten letters on each side folded
//! into a small alphabet; of all patterns found in it, the one with the smallest |rank| decides, and
//! a positive rank means the Turkish letter (ç, ğ, ı, ö, ş, ü). Used for words the vocabulary does not
//! know and to break ties between words it knows in several spellings.

use rustc_hash::FxHashMap;

/// Letters on each side of the one judged.
const CONTEXT: usize = 10;

#[derive(Debug, Default)]
pub(crate) struct Patterns {
    /// One table per letter, in the order of [`LETTERS`].
    tables: [FxHashMap<Box<[u8]>, i32>; 6],
    longest: usize,
}

const LETTERS: [char; 6] = ['c', 'g', 'i', 'o', 's', 'u'];

fn table_index(letter: char) -> Option<usize> {
    LETTERS.iter().position(|&l| l == letter)
}

impl Patterns {
    /// Reads `letter<TAB>pattern<TAB>rank` lines; `#` starts a comment line.
    pub(crate) fn parse(content: &str) -> Result<Self, (usize, String)> {
        let mut patterns = Patterns::default();
        for (index, line) in content.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let problem = |message: &str| (index + 1, message.to_string());
            let mut fields = line.split('\t');
            let (Some(letter), Some(pattern), Some(rank), None) = (fields.next(), fields.next(), fields.next(), fields.next()) else {
                return Err(problem("expected `letter<TAB>pattern<TAB>rank`"));
            };
            let table = letter.chars().next().filter(|_| letter.chars().count() == 1).and_then(table_index);
            let Some(table) = table else {
                return Err(problem("the letter must be one of c g i o s u"));
            };
            if !pattern.is_ascii() || !pattern.contains('X') {
                return Err(problem("a pattern is ASCII and marks the letter with X"));
            }
            let rank: i32 = rank.trim().parse().map_err(|_| problem("the rank must be a whole number"))?;
            patterns.longest = patterns.longest.max(pattern.len());
            patterns.tables[table].insert(pattern.as_bytes().into(), rank);
        }
        Ok(patterns)
    }

    /// Whether the letter at the centre of its context is the Turkish one.
    ///
    /// `letter` is the ASCII letter (lower case); `before` yields the text before it, nearest first,
    /// as already restored and in lower case; `after` the text after it, as typed.
    pub(crate) fn is_turkish(&self, letter: char, before: impl Iterator<Item = char>, after: impl Iterator<Item = char>) -> bool {
        let Some(table) = table_index(letter).map(|i| &self.tables[i]) else { return false };
        let mut context = [b' '; 2 * CONTEXT + 1];
        context[CONTEXT] = b'X';
        // After the letter: the rest of its word, and one space where it ends.
        let mut end = CONTEXT + 1;
        for c in after {
            if end >= context.len() {
                break;
            }
            match fold_after(c) {
                Some(folded) => {
                    context[end] = folded;
                    end += 1;
                }
                None => {
                    end += 1;
                    break;
                }
            }
        }
        // Before it: letters across words, each run of other characters as one space.
        let mut at = CONTEXT;
        let mut space = false;
        for c in before {
            if at == 0 {
                break;
            }
            match fold_before(c) {
                Some(folded) => {
                    at -= 1;
                    context[at] = folded;
                    space = false;
                }
                None if !space => {
                    at -= 1;
                    space = true;
                }
                None => {}
            }
        }
        let mut best: Option<i32> = None;
        for start in 0..=CONTEXT {
            for stop in CONTEXT + 1..=end {
                if stop - start > self.longest {
                    break;
                }
                if let Some(&rank) = table.get(&context[start..stop]) {
                    if best.is_none_or(|b: i32| rank.unsigned_abs() < b.unsigned_abs()) {
                        best = Some(rank);
                    }
                }
            }
        }
        // A letter no pattern speaks for stays as typed. (The original takes it as the Turkish one;
        // with the full table some pattern nearly always matches, and a table edited down to a few
        // patterns must not turn every letter Turkish.)
        best.is_some_and(|rank| rank > 0)
    }
}

/// A letter after the judged one, as the patterns spell it: plain lower-case ASCII.
fn fold_after(c: char) -> Option<u8> {
    let lower = match c {
        'ç' | 'Ç' => 'c',
        'ğ' | 'Ğ' => 'g',
        'ı' | 'İ' => 'i',
        'ö' | 'Ö' => 'o',
        'ş' | 'Ş' => 's',
        'ü' | 'Ü' => 'u',
        c if c.is_ascii_alphabetic() => c.to_ascii_lowercase(),
        _ => return None,
    };
    Some(lower as u8)
}

/// A letter before the judged one, as the patterns spell it: Turkish letters as ASCII capitals
/// (`ş` → `S`), the others in lower case.
fn fold_before(c: char) -> Option<u8> {
    let folded = match c {
        'ç' | 'Ç' => 'C',
        'ğ' | 'Ğ' => 'G',
        'ı' => 'I',
        'ö' | 'Ö' => 'O',
        'ş' | 'Ş' => 'S',
        'ü' | 'Ü' => 'U',
        'İ' => 'i',
        c if c.is_ascii_alphabetic() => c.to_ascii_lowercase(),
        _ => return None,
    };
    Some(folded as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pattern_with_the_smallest_rank_decides() {
        let patterns = Patterns::parse("c\tXo\t5\nc\t aXo\t-2\n").expect("parses");
        // "cok" alone: only `Xo` matches → ç.
        assert!(patterns.is_turkish('c', "".chars(), "ok".chars()));
        // " acok": ` aXo` matches as well, with the smaller rank → c.
        assert!(!patterns.is_turkish('c', "a ".chars(), "ok".chars()));
    }

    #[test]
    fn malformed_lines_are_reported_with_their_number() {
        assert_eq!(Patterns::parse("# comment\nq\tXa\t1\n").err().map(|e| e.0), Some(2));
        assert_eq!(Patterns::parse("c\tXa\tmany\n").err().map(|e| e.0), Some(1));
        assert!(Patterns::parse("c\tno centre\t1\n").is_err());
    }
}

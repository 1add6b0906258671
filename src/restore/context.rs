//! Which of the words typed alike fits between its neighbours: "bir **su** içtim" but "**şu** an",
//! "**ön** plana", "**sen** de".
//!
//! `context.txt` keeps, from a bigram language model, only what this needs: for the forms that are
//! typed alike in ASCII and both common, their bigram log10 probabilities with the commonest words
//! before and after them (`b<TAB>first<TAB>second<TAB>log10 P(second | first)`), and every listed
//! word's unigram probability (`u`) and back-off weight (`a`). A candidate between two words is
//! scored log P(candidate | before) + log P(after | candidate), backing off to the unigram where the
//! pair was never seen (Katz back-off, as the model was built).

use rustc_hash::FxHashMap;

#[derive(Debug, Default)]
pub(crate) struct Context {
    ids: FxHashMap<Box<str>, u32>,
    unigrams: Vec<f32>,
    backoffs: Vec<f32>,
    bigrams: FxHashMap<(u32, u32), f32>,
}

impl Context {
    /// Reads the lines described above; `#` starts a comment line.
    pub(crate) fn parse(content: &str) -> Result<Self, (usize, String)> {
        let mut context = Context::default();
        for (index, line) in content.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let problem = |message: &str| (index + 1, message.to_string());
            let fields: Vec<&str> = line.split('\t').collect();
            let number = |field: &str| {
                field.trim().parse::<f32>().ok().filter(|p| p.is_finite()).ok_or_else(|| problem("expected a log10 probability"))
            };
            match fields[..] {
                ["u", word, p] => {
                    let id = context.id_or_insert(word);
                    context.unigrams[id as usize] = number(p)?;
                }
                ["a", word, p] => {
                    let id = context.id_or_insert(word);
                    context.backoffs[id as usize] = number(p)?;
                }
                ["b", first, second, p] => {
                    let (first, second) = (context.id_or_insert(first), context.id_or_insert(second));
                    context.bigrams.insert((first, second), number(p)?);
                }
                _ => return Err(problem("expected `u|a<TAB>word<TAB>number` or `b<TAB>word<TAB>word<TAB>number`")),
            }
        }
        Ok(context)
    }

    fn id_or_insert(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.unigrams.len() as u32;
        self.ids.insert(word.into(), id);
        // A word met first in a bigram line gets its own figures from its `u` and `a` lines; until
        // then it is as rare as can be and does not back off.
        self.unigrams.push(-7.0);
        self.backoffs.push(0.0);
        id
    }

    /// How well `candidate` fits between `before` and `after` (lower-case words), or `None` when the
    /// model does not know the candidate.
    pub(crate) fn score(&self, before: Option<&str>, candidate: &str, after: Option<&str>) -> Option<f32> {
        let candidate = *self.ids.get(candidate)?;
        let before = before.and_then(|w| self.ids.get(w)).copied();
        let after = after.and_then(|w| self.ids.get(w)).copied();
        let left = match before {
            Some(b) => self.bigrams.get(&(b, candidate)).copied().unwrap_or(self.backoffs[b as usize] + self.unigrams[candidate as usize]),
            None => self.unigrams[candidate as usize],
        };
        let right = match after {
            Some(a) => self.bigrams.get(&(candidate, a)).copied().unwrap_or(self.backoffs[candidate as usize] + self.unigrams[a as usize]),
            // P(after | candidate) backs off to P(after), the same for every candidate, times the
            // candidate's own weight.
            None => self.backoffs[candidate as usize],
        };
        Some(left + right)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The model has bigrams with this word (one of the commonest words, or a listed form).
    pub(crate) fn knows(&self, word: &str) -> bool {
        self.ids.contains_key(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "u\tön\t-3.7\nu\ton\t-3.9\nu\tplana\t-5\nu\tbir\t-2\na\tön\t-0.5\na\ton\t-0.3\na\tbir\t-0.4\n\
                         b\tön\tplana\t-0.8\nb\tbir\ton\t-2.0\nb\tbir\tön\t-3.6\n";

    #[test]
    fn the_neighbours_choose_between_words_typed_alike() {
        let context = Context::parse(TABLE).expect("parses");
        let score = |before, word, after| context.score(before, word, after).expect("known");
        assert!(score(None, "ön", Some("plana")) > score(None, "on", Some("plana")));
        assert!(score(Some("bir"), "on", None) > score(Some("bir"), "ön", None));
        assert_eq!(context.score(None, "su", None), None);
    }

    #[test]
    fn malformed_lines_are_reported_with_their_number() {
        assert_eq!(Context::parse("u\tön\t-3\nb\tön\n").err().map(|e| e.0), Some(2));
        assert_eq!(Context::parse("u\tön\tmany\n").err().map(|e| e.0), Some(1));
    }
}

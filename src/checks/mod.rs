//! Check kinds: the few general ways a rule can look at a comment.
//!
//! A rule file (`rules/*.toml`) picks one kind in its `[check]` table and gives its parameters, so a
//! new rule needs no code when an existing kind fits:
//!
//! | kind        | fires when                                                        | file            |
//! |-------------|-------------------------------------------------------------------|-----------------|
//! | `lexicon`   | a word list's entry is in the comment                             | `lexicon.rs`    |
//! | `near`      | an entry of one list stands within a few words of another's       | `near.rs`       |
//! | `uppercase` | the comment is written in capital letters                         | `uppercase.rs`  |
//! | `any`       | any of several checks fires (their spans are joined)              | `any.rs`        |

mod any;
mod lexicon;
mod near;
mod uppercase;

use std::cell::OnceCell;
use std::collections::HashMap;
use std::fmt::Debug;
use std::ops::Range;

use serde::Deserialize;

use crate::text::{Language, Text};
use crate::wordlist::{Hit, Lexicon};

/// What a check found: the stretches of the comment (code points), where it can a fix, and the
/// list entries that matched (for moderators tuning the lists).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Finding {
    pub spans: Vec<Range<usize>>,
    pub suggestion: Option<String>,
    pub evidence: Vec<String>,
}

/// One comment as the checks see it: its text model, the language it is judged in, and the hits of
/// every word list, each found at most once however many rules ask for it.
pub(crate) struct Scan<'a> {
    pub text: &'a Text,
    pub language: Language,
    lexicons: &'a [Lexicon],
    hits: Vec<OnceCell<Vec<Hit>>>,
}

impl<'a> Scan<'a> {
    pub(crate) fn new(text: &'a Text, language: Language, lexicons: &'a [Lexicon]) -> Self {
        Scan { text, language, lexicons, hits: (0..lexicons.len()).map(|_| OnceCell::new()).collect() }
    }

    pub(crate) fn hits(&self, list: ListId) -> &[Hit] {
        self.hits[list.0].get_or_init(|| self.lexicons[list.0].scan(self.text))
    }

    /// Where a hit's entry is written: `tr/insult.txt:12 aptal*`.
    pub(crate) fn origin(&self, list: ListId, hit: &Hit) -> String {
        self.lexicons[list.0].origin(hit.entry).to_string()
    }
}

/// A word list of the policy, by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct ListId(pub usize);

/// The word lists a policy has, by name, for checks to refer to.
pub(crate) struct ListNames<'a>(pub &'a HashMap<String, ListId>);

impl ListNames<'_> {
    fn resolve(&self, name: &str) -> Result<ListId, String> {
        self.0.get(name).copied().ok_or_else(|| {
            let mut known: Vec<&str> = self.0.keys().map(String::as_str).collect();
            known.sort_unstable();
            format!("no word list named `{name}` (known: {})", known.join(", "))
        })
    }
}

pub(crate) trait Check: Debug + Send + Sync {
    fn find(&self, scan: &Scan<'_>) -> Option<Finding>;
}

/// The `[check]` table of a rule file.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub(crate) enum CheckSpec {
    Lexicon(lexicon::LexiconSpec),
    Near(near::NearSpec),
    Uppercase(uppercase::UppercaseSpec),
    Any(any::AnySpec),
}

impl CheckSpec {
    pub(crate) fn build(&self, lists: &ListNames<'_>) -> Result<Box<dyn Check>, String> {
        match self {
            CheckSpec::Lexicon(spec) => spec.build(lists),
            CheckSpec::Near(spec) => spec.build(lists),
            CheckSpec::Uppercase(spec) => spec.build(lists),
            CheckSpec::Any(spec) => spec.build(lists),
        }
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! Builds a check against lists written inline, for the checks' unit tests.

    use super::*;
    use crate::wordlist::parse;

    pub(crate) struct Fixture {
        lexicons: Vec<Lexicon>,
        names: HashMap<String, ListId>,
    }

    impl Fixture {
        pub(crate) fn new(lists: &[(&str, &str)]) -> Self {
            let mut lexicons = Vec::new();
            let mut names = HashMap::new();
            for (name, content) in lists {
                let entries = parse(content).expect("test list parses");
                names.insert(name.to_string(), ListId(lexicons.len()));
                lexicons.push(Lexicon::build([("test.txt", entries.as_slice())]));
            }
            Fixture { lexicons, names }
        }

        pub(crate) fn check(&self, spec: &str) -> Box<dyn Check> {
            let spec: CheckSpec = toml::from_str(spec).expect("test spec parses");
            spec.build(&ListNames(&self.names)).expect("test spec builds")
        }

        /// The texts of the spans the check finds, or `None` when it does not fire.
        pub(crate) fn spans(&self, check: &dyn Check, comment: &str) -> Option<Vec<String>> {
            let text = Text::new(comment);
            let scan = Scan::new(&text, text.detected_language(), &self.lexicons);
            check.find(&scan).map(|f| {
                let mut spans = f.spans;
                spans.sort_by_key(|r| (r.start, r.end));
                spans.into_iter().map(|r| text.span(r).text).collect()
            })
        }

        pub(crate) fn suggestion(&self, check: &dyn Check, comment: &str) -> Option<String> {
            let text = Text::new(comment);
            let scan = Scan::new(&text, text.detected_language(), &self.lexicons);
            check.find(&scan).and_then(|f| f.suggestion)
        }
    }
}

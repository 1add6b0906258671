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
//! | `diacritics`| Turkish typed without its letters ("cok guzel")                   | `diacritics.rs` |
//! | `spelling`  | careless writing: chat-speak, misspellings ("herkez", "diyo")     | `spelling.rs`   |
//! | `learned`   | a trained model scores a sentence offensive (with a review band)   | `learned.rs`    |
//! | `any`       | any of several checks fires (their spans are joined)              | `any.rs`        |

mod any;
mod diacritics;
mod learned;
mod lexicon;
mod mentions;
mod near;
mod spelling;
mod uppercase;

use std::cell::OnceCell;
use std::collections::HashMap;
use std::fmt::Debug;
use std::ops::Range;

use serde::Deserialize;

use crate::learn::Classifier;
use crate::restore::{LetterModel, Restoration};
use crate::spell::SpellingModel;
use crate::text::{Language, Text};
use crate::wordlist::{Hit, Lexicon};

/// What a check found: the stretches of the comment (code points), where it can a fix, and the
/// list entries that matched (for moderators tuning the lists).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Finding {
    pub spans: Vec<Range<usize>>,
    pub suggestion: Option<String>,
    pub evidence: Vec<String>,
    /// A learned check's score, 0–1.
    pub score: Option<f32>,
    /// The check is unsure: the comment goes to a person (`review`) rather than being rejected.
    pub review: bool,
}

/// One comment as the checks see it: its text model, the language it is judged in, the hits of
/// every word list and the comment with its Turkish letters restored, each found at most once
/// however many rules ask for it.
pub(crate) struct Scan<'a> {
    pub text: &'a Text,
    pub language: Language,
    lexicons: &'a [Lexicon],
    models: &'a [LetterModel],
    spellers: &'a [SpellingModel],
    classifiers: &'a [Classifier],
    hits: Vec<OnceCell<Vec<Hit>>>,
    restorations: Vec<OnceCell<Restoration>>,
}

impl<'a> Scan<'a> {
    pub(crate) fn new(text: &'a Text, language: Language, data: ScanData<'a>) -> Self {
        let ScanData { lexicons, models, spellers, classifiers } = data;
        Scan {
            text,
            language,
            lexicons,
            models,
            spellers,
            classifiers,
            hits: (0..lexicons.len()).map(|_| OnceCell::new()).collect(),
            restorations: (0..models.len()).map(|_| OnceCell::new()).collect(),
        }
    }

    pub(crate) fn hits(&self, list: ListId) -> &[Hit] {
        self.hits[list.0].get_or_init(|| self.lexicons[list.0].scan(self.text))
    }

    /// Where the hits of these lists stand that begin with a capital: the names and abbreviations
    /// of an allow list ("Salomon Brothers Inc"), whose letters in lower case may be a word ("5 inc").
    pub(crate) fn capitalised_hits(&self, lists: &[ListId]) -> Vec<Range<usize>> {
        let original = self.text.original();
        lists
            .iter()
            .flat_map(|list| self.hits(*list).iter().map(|h| h.source.clone()))
            .filter(|span| original.get(span.start).is_some_and(|c| c.is_uppercase()))
            .collect()
    }

    /// The comment with its Turkish letters restored by a model.
    pub(crate) fn restoration(&self, model: ModelId) -> &Restoration {
        self.restorations[model.0].get_or_init(|| self.models[model.0].restore(self.text.original()))
    }

    pub(crate) fn model(&self, model: ModelId) -> &LetterModel {
        &self.models[model.0]
    }

    pub(crate) fn speller(&self, speller: SpellerId) -> &SpellingModel {
        &self.spellers[speller.0]
    }

    pub(crate) fn classifier(&self, classifier: ClassifierId) -> &Classifier {
        &self.classifiers[classifier.0]
    }

    /// Where a hit's entry is written: `tr/insult.txt:12 aptal*`.
    pub(crate) fn origin(&self, list: ListId, hit: &Hit) -> String {
        self.lexicons[list.0].origin(hit.entry).to_string()
    }
}

/// What a policy gives every scan: its word lists and models.
#[derive(Clone, Copy)]
pub(crate) struct ScanData<'a> {
    pub lexicons: &'a [Lexicon],
    pub models: &'a [LetterModel],
    pub spellers: &'a [SpellingModel],
    pub classifiers: &'a [Classifier],
}

/// A word list of the policy, by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct ListId(pub usize);

/// A model of the policy (`models/<name>/`), by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct ModelId(pub usize);

/// A spelling model of the policy (`models/<name>/` with a dictionary), by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct SpellerId(pub usize);

/// A learned classifier of the policy (`models/<name>/classifier.txt`), by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct ClassifierId(pub usize);

/// The word lists and models a policy has, by name, for checks to refer to.
pub(crate) struct PolicyData<'a> {
    pub lists: &'a HashMap<String, ListId>,
    pub models: &'a HashMap<String, ModelId>,
    pub spellers: &'a HashMap<String, SpellerId>,
    pub classifiers: &'a HashMap<String, ClassifierId>,
    /// Classifiers that cannot be used with this policy's word lists, and why.
    pub unusable_classifiers: &'a HashMap<String, String>,
}

impl PolicyData<'_> {
    fn resolve(&self, name: &str) -> Result<ListId, String> {
        find_by_name(self.lists, "word list", name)
    }

    fn resolve_model(&self, name: &str) -> Result<ModelId, String> {
        find_by_name(self.models, "model of Turkish letters", name)
    }

    fn resolve_speller(&self, name: &str) -> Result<SpellerId, String> {
        find_by_name(self.spellers, "spelling model", name)
    }

    fn resolve_classifier(&self, name: &str) -> Result<ClassifierId, String> {
        if let Some(why) = self.unusable_classifiers.get(name) {
            return Err(format!("classifier `{name}` cannot be used: {why}"));
        }
        find_by_name(self.classifiers, "classifier", name)
    }
}

/// Some span of `spans` shares a code point with `span`.
pub(crate) fn overlaps_any(spans: &[Range<usize>], span: &Range<usize>) -> bool {
    spans.iter().any(|a| a.start < span.end && span.start < a.end)
}

fn find_by_name<T: Copy>(names: &HashMap<String, T>, what: &str, name: &str) -> Result<T, String> {
    names.get(name).copied().ok_or_else(|| {
        let mut known: Vec<&str> = names.keys().map(String::as_str).collect();
        known.sort_unstable();
        format!("no {what} named `{name}` (known: {})", known.join(", "))
    })
}

pub(crate) trait Check: Debug + Send + Sync {
    fn find(&self, scan: &Scan<'_>) -> Option<Finding>;

    /// The check's fix applied to a comment: for the response's top-level suggestion, where the
    /// fixes of every rule that fired are applied one after another, in the order of [`Check::fix_order`].
    fn fix(&self, _scan: &Scan<'_>) -> Option<String> {
        None
    }

    /// When this check's fix is applied among others: letters before case.
    fn fix_order(&self) -> u8 {
        u8::MAX
    }
}

/// The `[check]` table of a rule file.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub(crate) enum CheckSpec {
    Lexicon(lexicon::LexiconSpec),
    Near(near::NearSpec),
    Uppercase(uppercase::UppercaseSpec),
    Diacritics(diacritics::DiacriticsSpec),
    Spelling(spelling::SpellingSpec),
    Learned(learned::LearnedSpec),
    Any(any::AnySpec),
}

impl CheckSpec {
    pub(crate) fn build(&self, lists: &PolicyData<'_>) -> Result<Box<dyn Check>, String> {
        match self {
            CheckSpec::Lexicon(spec) => spec.build(lists),
            CheckSpec::Near(spec) => spec.build(lists),
            CheckSpec::Uppercase(spec) => spec.build(lists),
            CheckSpec::Diacritics(spec) => spec.build(lists),
            CheckSpec::Spelling(spec) => spec.build(lists),
            CheckSpec::Learned(spec) => spec.build(lists),
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
        models: Vec<LetterModel>,
        model_names: HashMap<String, ModelId>,
        spellers: Vec<SpellingModel>,
        speller_names: HashMap<String, SpellerId>,
        classifiers: Vec<Classifier>,
        classifier_names: HashMap<String, ClassifierId>,
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
            Fixture {
                lexicons,
                names,
                models: Vec::new(),
                model_names: HashMap::new(),
                spellers: Vec::new(),
                speller_names: HashMap::new(),
                classifiers: Vec::new(),
                classifier_names: HashMap::new(),
            }
        }

        /// Adds a model of Turkish letters written inline.
        pub(crate) fn with_model(mut self, name: &str, words: &str, patterns: &str) -> Self {
            self.model_names.insert(name.to_string(), ModelId(self.models.len()));
            self.models.push(LetterModel::parse(words, patterns, None).expect("test model parses"));
            self
        }

        /// Adds a classifier trained on `examples` (comment, offensive) with the fixture's lists
        /// `lists` as features.
        pub(crate) fn with_trained_classifier(mut self, name: &str, examples: &[(&str, bool)], lists: &[&str]) -> Self {
            use crate::learn::train::{fit, Example, TrainOptions};
            use crate::learn::FeatureShape;
            let shape = FeatureShape { bits: 16, min_gram: 2, max_gram: 4, across: false, symbols: false };
            let list_ids: Vec<(ListId, String)> = lists.iter().map(|n| (self.names[*n], n.to_string())).collect();
            let trained: Vec<Example> = examples
                .iter()
                .map(|(comment, offensive)| {
                    let text = Text::new(comment);
                    let scan = Scan::new(&text, text.detected_language(), self.data());
                    let features = crate::learn::features::extract(shape, &scan, 0..text.tokens().len(), &list_ids, &[]);
                    Example { features, offensive: *offensive }
                })
                .collect();
            let refs: Vec<&Example> = trained.iter().collect();
            let (bias, weights) = fit(&refs, shape.bits, TrainOptions { epochs: 30, ..TrainOptions::default() });
            let lists = lists.iter().map(|n| n.to_string()).collect();
            let mut classifier = Classifier::from_trained(shape, lists, Vec::new(), bias, &weights, Vec::new());
            classifier.list_ids = list_ids;
            self.classifier_names.insert(name.to_string(), ClassifierId(self.classifiers.len()));
            self.classifiers.push(classifier);
            self
        }

        /// What the check finds, whole.
        pub(crate) fn finding(&self, check: &dyn Check, comment: &str) -> Option<Finding> {
            let text = Text::new(comment);
            let scan = Scan::new(&text, text.detected_language(), self.data());
            check.find(&scan)
        }

        /// Adds a spelling model.
        pub(crate) fn with_speller(mut self, name: &str, speller: SpellingModel) -> Self {
            self.speller_names.insert(name.to_string(), SpellerId(self.spellers.len()));
            self.spellers.push(speller);
            self
        }

        pub(crate) fn check(&self, spec: &str) -> Box<dyn Check> {
            self.try_check(spec).expect("test spec builds")
        }

        /// The check a spec builds, or why it does not.
        pub(crate) fn try_check(&self, spec: &str) -> Result<Box<dyn Check>, String> {
            let spec: CheckSpec = toml::from_str(spec).expect("test spec parses");
            let data = PolicyData {
                lists: &self.names,
                models: &self.model_names,
                spellers: &self.speller_names,
                classifiers: &self.classifier_names,
                unusable_classifiers: &HashMap::new(),
            };
            spec.build(&data).map_err(|e| e.to_string())
        }

        fn data(&self) -> ScanData<'_> {
            ScanData { lexicons: &self.lexicons, models: &self.models, spellers: &self.spellers, classifiers: &self.classifiers }
        }

        /// The texts of the spans the check finds, or `None` when it does not fire.
        pub(crate) fn spans(&self, check: &dyn Check, comment: &str) -> Option<Vec<String>> {
            let text = Text::new(comment);
            let scan = Scan::new(&text, text.detected_language(), self.data());
            check.find(&scan).map(|f| {
                let mut spans = f.spans;
                spans.sort_by_key(|r| (r.start, r.end));
                spans.into_iter().map(|r| text.span(r).text).collect()
            })
        }

        pub(crate) fn suggestion(&self, check: &dyn Check, comment: &str) -> Option<String> {
            let text = Text::new(comment);
            let scan = Scan::new(&text, text.detected_language(), self.data());
            check.find(&scan).and_then(|f| f.suggestion)
        }
    }
}

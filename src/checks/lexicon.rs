//! `lexicon`: the comment contains an entry of one of the named word lists.
//!
//! ## What it catches
//! Listed words and phrases in any of their forms: inflected ("aptallar", "şerefsizler"), in capitals,
//! typed without Turkish letters ("serefsiz"), with letters swapped the other way ("sıktır"),
//! repeated ("siiiiktir"), masked with symbols or digits ("s*ktir", "@mk", "s1kt1r"), written with
//! look-alike letters from other scripts, split apart ("s.i.k", "S İ K T İ R") or with invisible
//! characters inside. Words that merely contain a listed word ("sıkıntı", "götürmek", "amir",
//! "Scunthorpe") are not matched: entries match whole words or their beginnings, and exceptions in
//! the list win over shorter entries.
//!
//! ## Why
//! Swearing and insults are the core of the site's policy, and most of them are a closed set of words
//! that a moderator can read, review and extend as data.
//!
//! ## Parameters
//! - `lists`: word list names (files `wordlists/<lang>/<name>.txt`, all languages together).
//! - `forms`: `"any"` (default), `"plain"` (only words written openly) or `"masked"` (only words
//!   masked with symbols, look-alikes, split letters or invisible characters). Rules split one list
//!   by form: `profanity` takes the open swearing, `offensive` the masked.
//! - `mentions` (optional table): words quoted in reported speech, negated, or naming an act are
//!   spared (see `mentions.rs`): `reporting` and `negating` name word lists, `acts = true`.
//!
//! ## Example
//! With `lists = ["insult"]`: "Bu yazar tam bir aptal" is rejected (span "aptal"); "Yapmayın
//! arkadaşlar, aptalca bir karar" is rejected too ("aptalca"); "Kapıyı yaptalar" is approved.

use serde::Deserialize;

use super::mentions::{Mentions, MentionsSpec};
use super::{Check, Finding, ListId, PolicyData, Scan};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Forms {
    #[default]
    Any,
    Plain,
    Masked,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LexiconSpec {
    lists: Vec<String>,
    #[serde(default)]
    forms: Forms,
    mentions: Option<MentionsSpec>,
}

impl LexiconSpec {
    pub(crate) fn build(&self, lists: &PolicyData<'_>) -> Result<Box<dyn Check>, String> {
        if self.lists.is_empty() {
            return Err("`lists` names no word list".into());
        }
        let mentions = self.mentions.as_ref().map(|m| m.build(lists)).transpose()?;
        let lists = self.lists.iter().map(|name| lists.resolve(name)).collect::<Result<_, _>>()?;
        Ok(Box::new(LexiconCheck { lists, forms: self.forms, mentions }))
    }
}

#[derive(Debug)]
struct LexiconCheck {
    lists: Vec<ListId>,
    forms: Forms,
    mentions: Option<Mentions>,
}

impl Check for LexiconCheck {
    fn find(&self, scan: &Scan<'_>) -> Option<Finding> {
        let mut finding = Finding::default();
        for &list in &self.lists {
            for hit in scan.hits(list) {
                let wanted = match self.forms {
                    Forms::Any => true,
                    Forms::Plain => !hit.masked,
                    Forms::Masked => hit.masked,
                };
                if wanted && !self.mentions.as_ref().is_some_and(|m| m.spares(scan, list, hit)) {
                    finding.spans.push(hit.source.clone());
                    finding.evidence.push(scan.origin(list, hit));
                }
            }
        }
        (!finding.spans.is_empty()).then_some(finding)
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::Fixture;

    fn fixture() -> Fixture {
        Fixture::new(&[("insult", "aptal*\nşerefsiz*\n"), ("profanity", "siktir*\n")])
    }

    #[test]
    fn fires_on_inflected_forms_and_reports_the_words() {
        let fixture = fixture();
        let check = fixture.check("kind = 'lexicon'\nlists = ['insult']");
        assert_eq!(fixture.spans(&*check, "Bu yazar tam bir aptal, şerefsizler"), Some(vec!["aptal".into(), "şerefsizler".into()]));
        assert_eq!(fixture.spans(&*check, "Kapıyı yaptalar"), None);
    }

    #[test]
    fn forms_split_open_from_masked_words() {
        let fixture = fixture();
        let plain = fixture.check("kind = 'lexicon'\nlists = ['profanity']\nforms = 'plain'");
        let masked = fixture.check("kind = 'lexicon'\nlists = ['profanity']\nforms = 'masked'");
        assert!(fixture.spans(&*plain, "siktir git").is_some());
        assert!(fixture.spans(&*masked, "siktir git").is_none());
        assert!(fixture.spans(&*plain, "s*ktir git").is_none());
        assert_eq!(fixture.spans(&*masked, "s*ktir git"), Some(vec!["s*ktir".into()]));
    }
}

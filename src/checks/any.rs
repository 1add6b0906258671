//! `any`: fires when any of several checks fires; the spans of all that fire are joined.
//!
//! ## Why
//! One posted rule can need more than one way of looking: `offensive` is the list of abbreviated
//! swearing and allusions *or* a swear word from the profanity list written masked.
//!
//! ## Parameters
//! - `of`: an array of check tables, each with its own `kind`.
//!
//! ## Example
//! `of = [{ kind = "lexicon", lists = ["offensive"] }, { kind = "lexicon", lists = ["profanity"],
//! forms = "masked" }]` rejects "amk" (first) and "s*ktir" (second), and approves "siktir" (that is
//! `profanity`'s).

use serde::Deserialize;

use super::{Check, CheckSpec, Finding, PolicyData, Scan};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AnySpec {
    of: Vec<CheckSpec>,
}

impl AnySpec {
    pub(crate) fn build(&self, lists: &PolicyData<'_>) -> Result<Box<dyn Check>, String> {
        if self.of.is_empty() {
            return Err("`of` lists no checks".into());
        }
        let checks = self.of.iter().map(|spec| spec.build(lists)).collect::<Result<_, _>>()?;
        Ok(Box::new(AnyCheck { checks }))
    }
}

#[derive(Debug)]
struct AnyCheck {
    checks: Vec<Box<dyn Check>>,
}

impl Check for AnyCheck {
    fn find(&self, scan: &Scan<'_>) -> Option<Finding> {
        let mut joined: Option<Finding> = None;
        for finding in self.checks.iter().filter_map(|check| check.find(scan)) {
            // Unsure only when every part that fired is unsure; the highest score is reported.
            let first = joined.is_none();
            let all = joined.get_or_insert_with(Finding::default);
            all.review = if first { finding.review } else { all.review && finding.review };
            all.score = match (all.score, finding.score) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
            all.spans.extend(finding.spans);
            all.evidence.extend(finding.evidence);
            if all.suggestion.is_none() {
                all.suggestion = finding.suggestion;
            }
        }
        joined
    }

    /// The fix of the first part that has one and fires, as `find` suggests it.
    fn fix(&self, scan: &Scan<'_>) -> Option<String> {
        self.checks.iter().filter(|check| check.find(scan).is_some()).find_map(|check| check.fix(scan))
    }

    fn fix_order(&self) -> u8 {
        self.checks.iter().map(|check| check.fix_order()).min().unwrap_or(u8::MAX)
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::Fixture;

    #[test]
    fn fires_when_any_part_fires_and_joins_their_spans() {
        let fixture = Fixture::new(&[("offensive", "amk\n"), ("profanity", "siktir*\n")]);
        let check = fixture.check(
            "kind = 'any'\nof = [{ kind = 'lexicon', lists = ['offensive'] }, { kind = 'lexicon', lists = ['profanity'], forms = 'masked' }]",
        );
        assert_eq!(fixture.spans(&*check, "amk s*ktir"), Some(vec!["amk".into(), "s*ktir".into()]));
        assert_eq!(fixture.spans(&*check, "siktir"), None);
    }
}

//! `near`: an entry of one list stands within a few words of an entry of another, in one sentence.
//!
//! ## What it catches
//! Attacks aimed at something: with `targets = ["belief"]` and `hits = ["insult", "profanity"]`, an
//! insult or swear word next to a religion, its holy figures, books or believers ("Allah'ını ...",
//! "kafir Hristiyanlar ..."). Neither list fires this check on its own.
//!
//! ## Why
//! The policy names "attacks on beliefs". A list of religious words cannot reject anything by itself
//! without rejecting the news: "Müslüman, Hristiyan ve Yahudi liderler barış çağrısı yaptı" must be
//! approved. It is the combination, an insult aimed at a belief, that the policy means.
//!
//! ## Parameters
//! - `targets`, `hits`: word list names.
//! - `window`: how many words may stand between the two (0: adjacent or the same word).
//! - `mentions` (optional): hits only mentioned are spared, as in `lexicon`.
//! - `review` (optional): the comment goes to a person instead of being rejected.
//! - `compound` (optional): only the target's name as listed, without a suffix, right before the
//!   hit: the two make one noun ("Afgan köpekleri", "Şii domuzları"), where a suffixed name is a
//!   subject and the hit its object ("Müslümanlar domuzları sevmez") and a hit first is another
//!   phrase ("hayvanlar tanrısı"). `window` is then 0.
//!
//! ## Example
//! "Dinini ... aptal Hristiyanlar" → rejected (spans "aptal" and "Hristiyanlar"); "Hristiyan
//! liderler toplandı, toplantı aptalca bir kararla bitti" → approved (different sentence parts,
//! too far apart).

use serde::Deserialize;

use super::mentions::{Mentions, MentionsSpec};
use super::{Check, Finding, ListId, PolicyData, Scan};
use crate::learn::features::word_form;
use crate::text::fold::ascii_skeleton;
use crate::wordlist::Hit;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NearSpec {
    targets: Vec<String>,
    hits: Vec<String>,
    window: usize,
    /// Hits quoted, negated or naming an act are spared, as in `lexicon`.
    mentions: Option<MentionsSpec>,
    /// A person decides: the comment goes to review rather than being rejected.
    #[serde(default)]
    review: bool,
    /// The target's bare name right before the hit, making one noun with it.
    #[serde(default)]
    compound: bool,
}

impl NearSpec {
    pub(crate) fn build(&self, lists: &PolicyData<'_>) -> Result<Box<dyn Check>, String> {
        if self.targets.is_empty() || self.hits.is_empty() {
            return Err("`targets` and `hits` must each name at least one word list".into());
        }
        let resolve = |names: &[String]| names.iter().map(|n| lists.resolve(n)).collect::<Result<Vec<_>, _>>();
        let mentions = self.mentions.as_ref().map(|m| m.build(lists)).transpose()?;
        if self.compound && self.window != 0 {
            return Err("`compound` joins the target and the hit: `window` must be 0".into());
        }
        Ok(Box::new(NearCheck {
            targets: resolve(&self.targets)?,
            hits: resolve(&self.hits)?,
            window: self.window,
            mentions,
            review: self.review,
            compound: self.compound,
        }))
    }
}

#[derive(Debug)]
struct NearCheck {
    targets: Vec<ListId>,
    hits: Vec<ListId>,
    window: usize,
    mentions: Option<Mentions>,
    review: bool,
    compound: bool,
}

/// The target is its listed stem alone, as typed on any keyboard ("Afgan" for `afgan*`, not
/// "Afganlar"): the first half of a compound noun.
fn is_bare(scan: &Scan<'_>, list: ListId, target: &Hit) -> bool {
    let Some(token) = scan.text.tokens().get(target.words.start) else { return false };
    if target.words.len() != 1 || token.source != target.source {
        return false;
    }
    let origin = scan.origin(list, target);
    let entry = origin.split_once(' ').map_or(origin.as_str(), |(_, entry)| entry);
    let stem: String = entry.trim_start_matches(['!', '=']).trim_end_matches('*').chars().map(ascii_skeleton).collect();
    word_form(token) == stem
}

impl Check for NearCheck {
    fn find(&self, scan: &Scan<'_>) -> Option<Finding> {
        let spared = |l, h| self.mentions.as_ref().is_some_and(|m| m.spares(scan, l, h));
        let hits: Vec<_> = self.hits.iter().flat_map(|&l| scan.hits(l).iter().map(move |h| (l, h))).filter(|&(l, h)| !spared(l, h)).collect();
        if hits.is_empty() {
            return None;
        }
        let mut finding = Finding { review: self.review, ..Finding::default() };
        for (target_list, target) in self.targets.iter().flat_map(|&l| scan.hits(l).iter().map(move |h| (l, h))) {
            for &(hit_list, hit) in &hits {
                // Two different words: one masked word ("m*****man") may read as a target and as
                // an insult at once, and that is no attack on anything.
                let between = if hit.words.start >= target.words.end {
                    hit.words.start - target.words.end
                } else if target.words.start >= hit.words.end {
                    target.words.start - hit.words.end
                } else {
                    continue;
                };
                let joined = !self.compound || hit.words.start == target.words.end && is_bare(scan, target_list, target);
                if between <= self.window && hit.sentence == target.sentence && joined {
                    finding.spans.extend([target.source.clone(), hit.source.clone()]);
                    finding.evidence.extend([scan.origin(target_list, target), scan.origin(hit_list, hit)]);
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
        Fixture::new(&[("belief", "hristiyan*\nmüslüman*\nallah*\n"), ("insult", "aptal*\n"), ("profanity", "sik*\n")])
    }

    const SPEC: &str = "kind = 'near'\ntargets = ['belief']\nhits = ['insult', 'profanity']\nwindow = 2";

    #[test]
    fn an_insult_next_to_a_belief_fires() {
        let fixture = fixture();
        let check = fixture.check(SPEC);
        assert_eq!(fixture.spans(&*check, "aptal Hristiyanlar"), Some(vec!["aptal".into(), "Hristiyanlar".into()]));
        assert!(fixture.spans(&*check, "Allah'ını sikeyim").is_some());
    }

    #[test]
    fn one_word_that_reads_as_both_lists_is_not_an_attack() {
        let fixture = Fixture::new(&[("belief", "müslüman*\n"), ("insult", "mahluk*\n")]);
        let check = fixture.check(SPEC.replace(", 'profanity'", "").as_str());
        assert_eq!(fixture.spans(&*check, "m*****man"), None);
    }

    #[test]
    fn belief_words_alone_never_fire() {
        let fixture = fixture();
        let check = fixture.check(SPEC);
        assert_eq!(fixture.spans(&*check, "Müslüman, Hristiyan ve Yahudi liderler barış çağrısı yaptı"), None);
    }

    #[test]
    fn a_compound_needs_the_bare_name_right_before_the_hit() {
        let fixture = Fixture::new(&[("peoples", "afgan*\nşii*\n"), ("belief", "tanrı*\nmüslüman*\n"), ("animals", "köpekler*\ndomuzlar*\nhayvanlar*\n")]);
        let check = fixture.check("kind = 'near'\ntargets = ['peoples', 'belief']\nhits = ['animals']\nwindow = 0\ncompound = true");
        assert_eq!(fixture.spans(&*check, "Bu Afgan köpekleri"), Some(vec!["Afgan".into(), "köpekleri".into()]));
        assert_eq!(fixture.spans(&*check, "Şii domuzları"), Some(vec!["Şii".into(), "domuzları".into()]));
        // A subject and its object; another phrase with the hit first.
        assert_eq!(fixture.spans(&*check, "Müslümanlar domuzları sevmez"), None);
        assert_eq!(fixture.spans(&*check, "Mars, hayvanlar tanrısı"), None);
        assert!(fixture.try_check("kind = 'near'\ntargets = ['peoples']\nhits = ['animals']\nwindow = 2\ncompound = true").is_err());
    }

    #[test]
    fn far_apart_or_in_another_sentence_does_not_fire() {
        let fixture = fixture();
        let check = fixture.check(SPEC);
        assert_eq!(fixture.spans(&*check, "Hristiyan liderler toplandı ve uzun uzun konuştu, aptal"), None);
        assert_eq!(fixture.spans(&*check, "Hristiyanlar geldi. Aptal"), None);
    }
}

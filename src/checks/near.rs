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
//! - `idioms` (optional): lists of phrases that use a target word idiomatically; a target in or
//!   before one is no target ("Allah kahretsin bu hain teröristleri" invokes God, it does not
//!   call God a traitor).
//! - `verb_final` (optional): the hits are verbs that end their clause (calls for harm:
//!   "yıkılmalı", "asılmalı"), so a target after one across a comma, semicolon or colon is in the
//!   next clause, not its object ("Bu duyuru panoya Arapça da asılmalı, yoksa Suriyeli veliler
//!   haberdar olmaz").
//! - `referents` (optional): a list of words that refer back to the target ("hepsi", "bunlar"):
//!   one after a target, in its sentence (or "hepsi" opening the next), stands for it, so the
//!   window is counted from it to a hit after it too ("Şiiler İran'ın beşinci kolu, bu ülkedeki
//!   hepsi sınır dışı edilmeli", "Yahudiler dünyayı yönetiyor. Hepsi sinsi"). A generalisation
//!   about a whole people or faith is said with such a word, and it puts the target further from
//!   what is said of it than a window should reach.
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
    /// Words that refer back to a target before them ("hepsi", "bunlar").
    referents: Option<String>,
    /// Phrases that use a target word idiomatically ("Allah kahretsin"): see [`idiomatic`].
    #[serde(default)]
    idioms: Vec<String>,
    /// The hits end their clause: a target after one across a clause mark is another clause's.
    #[serde(default)]
    verb_final: bool,
}

impl NearSpec {
    pub(crate) fn build(&self, lists: &PolicyData<'_>) -> Result<Box<dyn Check>, String> {
        if self.targets.is_empty() || self.hits.is_empty() {
            return Err("`targets` and `hits` must each name at least one word list".into());
        }
        let resolve = |names: &[String]| names.iter().map(|n| lists.resolve(n)).collect::<Result<Vec<_>, _>>();
        let mentions = self.mentions.as_ref().map(|m| m.build(lists)).transpose()?;
        if self.compound && (self.window != 0 || self.referents.is_some()) {
            return Err("`compound` joins the target and the hit: `window` must be 0, without `referents`".into());
        }
        Ok(Box::new(NearCheck {
            targets: resolve(&self.targets)?,
            hits: resolve(&self.hits)?,
            window: self.window,
            mentions,
            review: self.review,
            compound: self.compound,
            referents: self.referents.as_deref().map(|n| lists.resolve(n)).transpose()?,
            idioms: resolve(&self.idioms)?,
            verb_final: self.verb_final,
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
    referents: Option<ListId>,
    idioms: Vec<ListId>,
    verb_final: bool,
}

/// The hit comes before the target with a comma, semicolon or colon between: where the hit is a
/// verb ending its clause, the target stands in the next one.
fn in_a_later_clause(scan: &Scan<'_>, hit: &Hit, target: &Hit) -> bool {
    hit.source.end <= target.source.start
        && scan.text.original().get(hit.source.end..target.source.start).is_some_and(|gap| gap.iter().any(|c| matches!(c, ',' | ';' | ':')))
}

/// The target is part of an idiom of `idioms`: inside one, or the word right before one ("Allah
/// belanı versin", "Allah kahretsin"), or its bare name up to a few words before one, as the
/// subject invoked ("Allah bu katilleri kahretsin"); not a name with a suffix ("Allah'ını ..."),
/// which is an object. Before an idiom that holds a target of its own ("dini istismar eden"), a
/// target stays one: it is the idiom's subject ("Müslümanlar dini istismar ediyor").
pub(super) fn idiomatic(scan: &Scan<'_>, idioms: &[ListId], list: ListId, target: &Hit) -> bool {
    const SUBJECT_WORDS_BEFORE: usize = 3;
    // Names of God, as ASCII skeletons: only God is asked to do something ("Yahudi milleti
    // sinsidir, Allah korusun" still says it of "Yahudi").
    const GOD: [&str; 6] = ["allah", "rabbim", "rabbimiz", "rabbi", "tanri", "tanrim"];
    // Looked at only when an idiom follows a few words on: most sentences hold none.
    let god_invoked =
        || is_bare(scan, list, target) && scan.text.tokens().get(target.words.start).is_some_and(|t| GOD.contains(&word_form(t).as_str()));
    let holds = |idiom: &Hit, hit: &Hit| idiom.source.start <= hit.source.start && hit.source.end <= idiom.source.end;
    idioms.iter().flat_map(|&idioms| scan.hits(idioms)).any(|idiom| {
        let inside = holds(idiom, target);
        // An idiom naming a target of its own ("dini istismar eden") is about that one: the word
        // before it is its subject ("Müslümanlar dini istismar ediyor, hepsi sahtekar").
        let own_target = || scan.hits(list).iter().any(|other| holds(idiom, other));
        let words_after = (idiom.sentence == target.sentence && idiom.words.start >= target.words.end).then(|| idiom.words.start - target.words.end);
        inside || words_after.is_some_and(|n| n == 0 || n <= SUBJECT_WORDS_BEFORE && god_invoked()) && !own_target()
    })
}

/// The referent opens its sentence and gathers all of a group ("Hepsi sinsi", "Tümü hain").
fn all_of_them_opening(scan: &Scan<'_>, referent: &Hit) -> bool {
    // Word forms are ASCII skeletons.
    const ALL: [&str; 7] = ["hepsi", "hepsinin", "hepsini", "hepsine", "tumu", "tumunun", "tamami"];
    let tokens = scan.text.tokens();
    let opens = referent.words.start.checked_sub(1).and_then(|before| tokens.get(before)).is_none_or(|t| t.sentence != referent.sentence);
    opens && tokens.get(referent.words.start).is_some_and(|t| ALL.contains(&word_form(t).as_str()))
}

/// How many words two hits stand apart; `None` when they overlap (one word read as both).
fn words_between(a: &Hit, b: &Hit) -> Option<usize> {
    if b.words.start >= a.words.end {
        Some(b.words.start - a.words.end)
    } else if a.words.start >= b.words.end {
        Some(a.words.start - b.words.end)
    } else {
        None
    }
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
        let referents = self.referents.map_or(&[][..], |list| scan.hits(list));
        let targets = self.targets.iter().flat_map(|&l| scan.hits(l).iter().map(move |h| (l, h)));
        for (target_list, target) in targets.filter(|&(l, h)| !idiomatic(scan, &self.idioms, l, h)) {
            // A word after the target that refers back to it, in its sentence, or "hepsi" opening
            // the next ("Yahudiler dünyayı yönetiyor. Hepsi sinsi"): there "bunlar" or "onlar" as
            // often mean what that sentence is about ("Almanlar enerji politikasını değiştirdi.
            // Bunlara göre santraller kapatılmalı").
            let standing_for = referents.iter().filter(|r| {
                r.words.start >= target.words.end
                    && (r.sentence == target.sentence || r.sentence == target.sentence + 1 && all_of_them_opening(scan, r))
            });
            for &(hit_list, hit) in &hits {
                // Two different words: one masked word ("m*****man") may read as a target and as
                // an insult at once, and that is no attack on anything.
                let Some(between) = words_between(target, hit) else { continue };
                if self.verb_final && in_a_later_clause(scan, hit, target) {
                    continue;
                }
                let joined = !self.compound || hit.words.start == target.words.end && is_bare(scan, target_list, target);
                if between <= self.window && hit.sentence == target.sentence && joined {
                    finding.spans.extend([target.source.clone(), hit.source.clone()]);
                    finding.evidence.extend([scan.origin(target_list, target), scan.origin(hit_list, hit)]);
                } else if let Some(referent) = standing_for.clone().find(|r| {
                    r.sentence == hit.sentence && hit.words.start >= r.words.end && hit.words.start - r.words.end <= self.window
                }) {
                    finding.spans.extend([target.source.clone(), referent.source.clone(), hit.source.clone()]);
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
    fn a_verb_final_hit_reaches_no_target_in_the_next_clause() {
        let fixture = Fixture::new(&[("peoples", "suriyeli*\n"), ("hostility", "asılmalı*\n")]);
        let spec = "kind = 'near'\ntargets = ['peoples']\nhits = ['hostility']\nwindow = 3\nverb_final = true";
        let check = fixture.check(spec);
        assert_eq!(fixture.spans(&*check, "Duyuru panoya asılmalı, yoksa Suriyeli veliler bilmez"), None);
        // Its object before it, or a target after it in the same clause, still counts.
        assert!(fixture.spans(&*check, "Suriyeliler asılmalı").is_some());
        assert!(fixture.spans(&*check, "Asılmalı bu Suriyeliler").is_some());
        // Without `verb_final`, the comma is no boundary.
        let check = fixture.check(&spec.replace("\nverb_final = true", ""));
        assert!(fixture.spans(&*check, "Duyuru panoya asılmalı, yoksa Suriyeli veliler bilmez").is_some());
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

    #[test]
    fn a_word_referring_back_to_the_target_stands_for_it() {
        let fixture = Fixture::new(&[("peoples", "şii*
yahudi*
"), ("hostility", "sınır dışı edilmeli*
"), ("contempt", "sinsi*
"), ("referents", "hepsi
bunlar
")]);
        let spec = "kind = 'near'\ntargets = ['peoples']\nhits = ['hostility', 'contempt']\nwindow = 2\nreferents = 'referents'";
        let check = fixture.check(spec);
        assert_eq!(
            fixture.spans(&*check, "Şiiler İran'ın beşinci kolu, bu ülkedeki hepsi toplanıp sınır dışı edilmeli"),
            Some(vec!["Şiiler".into(), "hepsi".into(), "sınır dışı edilmeli".into()])
        );
        // In the next sentence "hepsi" opening it still gathers them; "bunlar" as often means
        // what that sentence is about.
        assert!(fixture.spans(&*check, "Yahudiler dünyayı yönetiyor. Hepsi sinsi").is_some());
        assert_eq!(fixture.spans(&*check, "Yahudiler dünyayı yönetiyor. Bunlar sinsi"), None);
        assert_eq!(fixture.spans(&*check, "Yahudiler dünyayı yönetiyor. Maç bitti. Hepsi sinsi"), None);
        // Without the referent the target is too far; a referent before the target refers to
        // something else, and a hit before the referent is not said of what it gathers.
        let without = fixture.check(&spec.replace("\nreferents = 'referents'", ""));
        assert_eq!(fixture.spans(&*without, "Şiiler İran'ın beşinci kolu, bu ülkedeki hepsi toplanıp sınır dışı edilmeli"), None);
        assert_eq!(fixture.spans(&*check, "Hepsi sinsi, dedi. Yahudiler dün toplandı"), None);
        assert_eq!(fixture.spans(&*check, "Yahudiler dün akşam şehirde toplandı, sinsi bunlar"), None);
        assert!(fixture.try_check(&format!("{spec}\ncompound = true").replace("window = 2", "window = 0")).is_err());
    }
}

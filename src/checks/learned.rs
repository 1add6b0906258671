//! `learned`: a trained model scores each sentence; a high score rejects, a middling one asks a person.
//!
//! ## What it catches
//! Offensive sentences and allusions that no word list holds: "senin gibilerin yeri burası değil",
//! "bunların hepsi aynı, hepsi satılmış", curses spelled in ways no list foresaw. The model
//! (`models/<name>/classifier.txt`, made by `moderate train`) is logistic regression over character
//! n-grams, words, pairs of words and the word lists' hits (see `crate::learn`).
//!
//! ## Why
//! The policy rejects "offensive sentences or allusions", which are sentences, not words. A score
//! rather than a yes/no lets the site send the uncertain ones to a moderator instead of guessing.
//!
//! ## Parameters
//! - `model`: the model folder's name.
//! - `reject_at`: a sentence scoring at least this rejects the comment.
//! - `review_at`: a sentence scoring at least this (and below `reject_at`) sends it to review.
//! - `targets` (optional): word lists one of whose entries must stand in the scored sentence (for
//!   `belief-attack`: an offensive sentence about a religion or its believers); their hits are spans.
//! - `idioms` (optional): word lists whose phrases use a target word idiomatically: a target inside
//!   one of their hits, or right before one, is no target ("Allah belanı versin" is a curse,
//!   `offensive`'s, not an attack on a belief).
//! - `borderline` (optional): word lists whose words are offensive in one sentence and not in another
//!   ("gavur icadı", "gavur sevdası"): a hit sends the comment to review, or rejects it when its
//!   sentence scores at least `reject_at`.
//! - `mentions` and `mentioned` (optional): words of the `mentioned` lists that are only mentioned
//!   (quoted in reported speech, negated, naming an act; `mentions` as in `lexicon`) are left out of
//!   the score, so "Alınan karar tam bir aptallık" is judged as a sentence about a decision.
//! - `languages` (optional): the comment languages the model knows; others it does not score (a
//!   model of Turkish tweets reads English "it" as the Turkish word for dog).
//! - `min_words_to_reject` (optional, default 0): a sentence shorter than this is sent to review, not
//!   rejected, however high it scores: a few words are little evidence ("Köpek kudurunca saldırdı").
//! - `borderline_at` (optional, default 0): a borderline word whose sentence scores below this is
//!   approved: the model is sure the sentence is harmless ("Gavur icadı dedikleri makine bozuldu").
//! - `whole_comment_words` (optional, default 0: off; not with `targets`): a comment of at most
//!   this many words is also scored whole, as the model learned from whole tweets, and that score
//!   decides review: a short comment is judged by all it says ("Bu ne saygısızlık. Yazıklar olsun
//!   size.") rather than by its angriest sentence alone. Its sentences then count only when one
//!   scores `reject_at` or more, and only a sentence rejects: the whole score sends to review.
//!
//! Each sentence is scored on its own and the comment gets the highest, so adding a harmless
//! sentence never makes a comment rejected (with `whole_comment_words`, it may move a short
//! comment into or out of review). Borderline words are left out of their sentence's score: the
//! question is whether the sentence around them is offensive.
//!
//! ## Example
//! With `reject_at = 0.8`, `review_at = 0.6`: a sentence scoring 0.9 rejects, with the words that
//! pushed it most as spans and the score in the reason; 0.7 sends the comment to review; 0.3 approves.

use std::ops::Range;

use serde::Deserialize;

use super::mentions::{Mentions, MentionsSpec};
use super::near::idiomatic;
use super::{Check, ClassifierId, Finding, ListId, PolicyData, Scan};
use crate::learn::{scored_parts, Scored};
use crate::text::Language;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LearnedSpec {
    model: String,
    reject_at: f32,
    review_at: f32,
    #[serde(default)]
    targets: Vec<String>,
    #[serde(default)]
    borderline: Vec<String>,
    #[serde(default)]
    idioms: Vec<String>,
    #[serde(default)]
    borderline_at: f32,
    #[serde(default)]
    min_words_to_reject: usize,
    #[serde(default)]
    whole_comment_words: usize,
    /// Words of these lists only mentioned (see `mentions.rs`) are left out of the score.
    mentions: Option<MentionsSpec>,
    #[serde(default)]
    mentioned: Vec<String>,
    #[serde(default)]
    languages: Vec<Language>,
}

impl LearnedSpec {
    pub(crate) fn build(&self, data: &PolicyData<'_>) -> Result<Box<dyn Check>, String> {
        let in_range = |t: f32| (0.0..=1.0).contains(&t);
        if !in_range(self.borderline_at) || self.borderline_at > self.reject_at {
            return Err(format!("`borderline_at` ({}) must be between 0 and `reject_at`", self.borderline_at));
        }
        if !in_range(self.reject_at) || !in_range(self.review_at) || self.review_at > self.reject_at {
            return Err(format!(
                "`review_at` ({}) and `reject_at` ({}) must be between 0 and 1, review_at not above reject_at",
                self.review_at, self.reject_at
            ));
        }
        if self.whole_comment_words > 0 && !self.targets.is_empty() {
            return Err("`whole_comment_words` cannot go with `targets`: an attack on a belief is judged in the sentence that names it".into());
        }
        let resolve = |names: &[String]| names.iter().map(|n| data.resolve(n)).collect::<Result<Vec<_>, _>>();
        Ok(Box::new(LearnedCheck {
            model: data.resolve_classifier(&self.model)?,
            name: self.model.clone(),
            reject_at: self.reject_at,
            review_at: self.review_at,
            targets: resolve(&self.targets)?,
            borderline: resolve(&self.borderline)?,
            idioms: resolve(&self.idioms)?,
            borderline_at: self.borderline_at,
            min_words_to_reject: self.min_words_to_reject,
            whole_comment_words: self.whole_comment_words,
            mentions: self.mentions.as_ref().map(|m| m.build(data)).transpose()?,
            mentioned: resolve(&self.mentioned)?,
            languages: self.languages.clone(),
        }))
    }
}

#[derive(Debug)]
struct LearnedCheck {
    model: ClassifierId,
    name: String,
    reject_at: f32,
    review_at: f32,
    targets: Vec<ListId>,
    borderline: Vec<ListId>,
    idioms: Vec<ListId>,
    borderline_at: f32,
    min_words_to_reject: usize,
    whole_comment_words: usize,
    mentions: Option<Mentions>,
    mentioned: Vec<ListId>,
    languages: Vec<Language>,
}

/// How many of the words that pushed a score up become spans.
const EXPLAINING_WORDS: usize = 3;


impl LearnedCheck {
    fn in_sentence(scan: &Scan<'_>, lists: &[ListId], sentence: usize) -> bool {
        lists.iter().any(|&list| scan.hits(list).iter().any(|h| h.sentence == sentence))
    }

    /// A target word of the sentence that is not part of an idiom (see [`super::near::idiomatic`]).
    fn has_target(&self, scan: &Scan<'_>, sentence: usize) -> bool {
        self.targets.iter().any(|&list| scan.hits(list).iter().any(|h| h.sentence == sentence && !idiomatic(scan, &self.idioms, list, h)))
    }

    /// The hits of `lists` in the sentences `sentences`, as spans and evidence.
    fn add_hits(scan: &Scan<'_>, lists: &[ListId], sentences: &[usize], finding: &mut Finding) {
        for &list in lists {
            for hit in scan.hits(list).iter().filter(|h| sentences.contains(&h.sentence)) {
                finding.spans.push(hit.source.clone());
                finding.evidence.push(scan.origin(list, hit));
            }
        }
    }

    /// `whole`: the score is the whole short comment's, which only sends to review.
    fn explain(&self, scan: &Scan<'_>, score: f32, whole: bool, scored: &Scored, finding: &mut Finding) {
        let tokens = scan.text.tokens();
        let mut shown = Vec::new();
        // The words that pushed most; after the first, only those that pushed at least a third as hard.
        let strongest = scored.pushes.first().map_or(0.0, |(_, push)| *push);
        for (words, push) in scored.pushes.iter().take(EXPLAINING_WORDS).filter(|(_, push)| *push >= strongest / 3.0) {
            let (Some(first), Some(last)) = (tokens.get(words.start), words.end.checked_sub(1).and_then(|end| tokens.get(end))) else {
                continue;
            };
            finding.spans.push(first.source.start..last.source.end);
            let text: String = scan.text.original()[first.source.start..last.source.end].iter().collect();
            shown.push(format!("{text} {push:+.2}"));
        }
        let of_what = if whole { " for the whole comment (a short comment's whole score only sends to review)" } else { "" };
        finding.evidence.push(format!("model {} scored {score:.2}{of_what}; the words that pushed it most: {}", self.name, shown.join(", ")));
    }
}

impl Check for LearnedCheck {
    fn find(&self, scan: &Scan<'_>) -> Option<Finding> {
        if !self.languages.is_empty() && !self.languages.contains(&scan.language) {
            return None;
        }
        // `belief-attack`'s part: most comments name no belief, and then nothing is to be scored.
        if !self.targets.is_empty() && self.targets.iter().all(|&list| scan.hits(list).is_empty()) {
            return None;
        }
        let classifier = scan.classifier(self.model);
        let tokens = scan.text.tokens();
        // A sentence is judged without its borderline words and without the words it only
        // mentions: "gavur icadı" is scored as "… icadı", "'şerefsiz' dedi" as "'…' dedi".
        let mut skip = classifier.ignored_words(scan);
        skip.extend(self.borderline.iter().flat_map(|&l| scan.hits(l)).flat_map(|h| h.words.clone()));
        if let Some(mentions) = &self.mentions {
            for &list in &self.mentioned {
                skip.extend(scan.hits(list).iter().filter(|h| mentions.spares(scan, list, h)).flat_map(|h| h.words.clone()));
            }
        }
        let whole = (self.whole_comment_words > 0 && !tokens.is_empty() && tokens.len() <= self.whole_comment_words).then(|| 0..tokens.len());
        // In a short comment judged whole, a sentence counts alone only at the rejecting score.
        let sentence_counts = |score: f32| whole.is_none() || score >= self.reject_at;
        let mut best: Option<(f32, Range<usize>)> = None;
        // A comment of one sentence is its own whole: scored once.
        let mut whole_score = None;
        let mut borderline = Vec::new();
        let mut in_band = |score: f32, range: &Range<usize>| {
            if score >= self.borderline_at && score < self.reject_at {
                let (first, last) = (tokens[range.start].sentence, tokens[range.end - 1].sentence);
                borderline.extend((first..=last).filter(|&sentence| Self::in_sentence(scan, &self.borderline, sentence)));
            }
        };
        for range in scored_parts(scan, &skip) {
            let (first, last) = (tokens[range.start].sentence, tokens[range.end - 1].sentence);
            if !self.targets.is_empty() && !(first..=last).any(|sentence| self.has_target(scan, sentence)) {
                continue;
            }
            let score = classifier.score(scan, range.clone(), &skip);
            if whole.as_ref() == Some(&range) {
                whole_score = Some(score);
            }
            if !sentence_counts(score) {
                continue;
            }
            in_band(score, &range);
            if best.as_ref().is_none_or(|(b, _)| score > *b) {
                best = Some((score, range));
            }
        }
        let mut whole_decides = false;
        if let Some(range) = whole.filter(|_| best.is_none()) {
            let score = whole_score.unwrap_or_else(|| classifier.score(scan, range.clone(), &skip));
            in_band(score, &range);
            whole_decides = true;
            best = Some((score, range));
        }
        let (score, range) = best?;
        let mut finding = Finding { score: Some(score), ..Finding::default() };
        if score >= self.review_at {
            finding.review = whole_decides || score < self.reject_at || range.len() < self.min_words_to_reject;
            let sentences: Vec<usize> = (tokens[range.start].sentence..=tokens[range.end - 1].sentence).collect();
            let scored = classifier.explain(scan, range, &skip);
            self.explain(scan, score, whole_decides, &scored, &mut finding);
            Self::add_hits(scan, &self.targets, &sentences, &mut finding);
            return Some(finding);
        }
        if borderline.is_empty() {
            return None;
        }
        finding.review = true;
        Self::add_hits(scan, &self.borderline, &borderline, &mut finding);
        Some(finding)
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::Fixture;

    /// A model that learned that "zibidi" and "hödük" are offensive and news words are not.
    fn fixture() -> Fixture {
        let offensive = ["sen tam bir zibidisin", "zibidi herif", "hödük adam", "bu hödükler yine", "zibidiler ve hödükler"];
        let clean = ["bugün hava güzel", "maç yarın oynanacak", "belediye yolu açtı", "yeni kitap çıktı", "hava yarın yağmurlu"];
        let mut examples: Vec<(&str, bool)> = Vec::new();
        for _ in 0..10 {
            examples.extend(offensive.iter().map(|t| (*t, true)));
            examples.extend(clean.iter().map(|t| (*t, false)));
        }
        Fixture::new(&[("belief", "papaz*\nimam\n"), ("borderline", "gavur*\n")]).with_trained_classifier("offense", &examples, &[])
    }

    #[test]
    fn a_high_score_rejects_with_the_words_that_pushed_it() {
        let fixture = fixture();
        let check = fixture.check("kind = 'learned'\nmodel = 'offense'\nreject_at = 0.7\nreview_at = 0.5");
        let finding = fixture.finding(&*check, "Bu zibidi herif yine konuşmuş").expect("fires");
        assert!(!finding.review);
        assert!(finding.score.is_some_and(|s| s >= 0.7), "{:?}", finding.score);
        let spans = fixture.spans(&*check, "Bu zibidi herif yine konuşmuş").expect("fires");
        assert!(spans.contains(&"zibidi".to_string()), "{spans:?}");
        assert_eq!(fixture.finding(&*check, "Belediye yeni yolu yarın açacak"), None);
    }

    #[test]
    fn a_middling_score_asks_for_review() {
        let fixture = fixture();
        let strict = fixture.check("kind = 'learned'\nmodel = 'offense'\nreject_at = 1.0\nreview_at = 0.5");
        let finding = fixture.finding(&*strict, "zibidi herif").expect("fires");
        assert!(finding.review);
    }

    #[test]
    fn each_sentence_is_scored_alone() {
        let fixture = fixture();
        let check = fixture.check("kind = 'learned'\nmodel = 'offense'\nreject_at = 0.7\nreview_at = 0.5");
        let alone = fixture.finding(&*check, "zibidi herif").and_then(|f| f.score).expect("scored");
        let longer = fixture.finding(&*check, "zibidi herif. Belediye yolu açtı, hava güzel.").and_then(|f| f.score).expect("scored");
        assert_eq!(alone, longer);
    }

    #[test]
    fn a_short_comment_is_scored_whole_and_its_whole_score_only_reviews() {
        let fixture = fixture();
        let text = "zibidi herif. Belediye yolu açtı, hava güzel.";
        // No sentence can reject (reject_at 1.0): the whole comment decides, diluted by its clean words.
        // review_at 0: every comment gets a finding, so the scores can be compared.
        let by_sentence = fixture.check("kind = 'learned'\nmodel = 'offense'\nreject_at = 1.0\nreview_at = 0.0");
        let whole = fixture.check("kind = 'learned'\nmodel = 'offense'\nreject_at = 1.0\nreview_at = 0.0\nwhole_comment_words = 20");
        let sentence_score = fixture.finding(&*by_sentence, text).and_then(|f| f.score).expect("scored");
        let finding = fixture.finding(&*whole, text).expect("fires");
        assert!(finding.review);
        assert!(finding.evidence.iter().any(|e| e.contains("the whole comment")), "{:?}", finding.evidence);
        assert!(finding.score.is_some_and(|s| s < sentence_score), "{:?} against {sentence_score}", finding.score);
        // Longer than the limit: sentence by sentence, as without it.
        let short_limit = fixture.check("kind = 'learned'\nmodel = 'offense'\nreject_at = 1.0\nreview_at = 0.0\nwhole_comment_words = 3");
        assert_eq!(fixture.finding(&*short_limit, text).and_then(|f| f.score), Some(sentence_score));
        // A sentence scoring reject_at still rejects, however the comment is padded.
        let rejecting = fixture.check("kind = 'learned'\nmodel = 'offense'\nreject_at = 0.7\nreview_at = 0.5\nwhole_comment_words = 20");
        let finding = fixture.finding(&*rejecting, "Bu zibidi herif yine konuşmuş. Belediye yolu açtı, hava güzel.").expect("fires");
        assert!(!finding.review);
    }

    #[test]
    fn targets_limit_it_to_sentences_about_them() {
        let fixture = fixture();
        let check = fixture.check("kind = 'learned'\nmodel = 'offense'\nreject_at = 0.7\nreview_at = 0.5\ntargets = ['belief']");
        assert_eq!(fixture.finding(&*check, "zibidi herif"), None);
        let spans = fixture.spans(&*check, "bu papazlar zibidi herif").expect("fires");
        assert!(spans.contains(&"papazlar".to_string()), "{spans:?}");
    }

    #[test]
    fn a_borderline_word_asks_for_review_unless_its_sentence_scores_high() {
        let fixture = fixture();
        let check = fixture.check("kind = 'learned'\nmodel = 'offense'\nreject_at = 0.7\nreview_at = 0.6\nborderline = ['borderline']");
        let finding = fixture.finding(&*check, "gavur icadı, belediye yolu açtı").expect("fires");
        assert!(finding.review);
        let finding = fixture.finding(&*check, "gavur zibidi herif").expect("fires");
        assert!(!finding.review);
    }

    #[test]
    fn a_borderline_word_in_a_sentence_the_model_finds_harmless_is_approved() {
        let fixture = fixture();
        let check = fixture.check("kind = 'learned'\nmodel = 'offense'\nreject_at = 0.9\nreview_at = 0.8\nborderline = ['borderline']\nborderline_at = 0.3");
        assert_eq!(fixture.finding(&*check, "gavur icadı, belediye yolu açtı, hava güzel"), None);
        assert!(fixture.finding(&*check, "gavur zibidi herif").is_some());
    }

    #[test]
    fn a_short_sentence_is_reviewed_rather_than_rejected() {
        let fixture = fixture();
        let check = fixture.check("kind = 'learned'\nmodel = 'offense'\nreject_at = 0.7\nreview_at = 0.5\nmin_words_to_reject = 3");
        let finding = fixture.finding(&*check, "zibidi herif").expect("fires");
        assert!(finding.review);
        let finding = fixture.finding(&*check, "bu zibidi herif").expect("fires");
        assert!(!finding.review);
    }

    /// The error building a `learned` check from this rule text gives, with no lists or models.
    fn build_error(spec: &str) -> String {
        let spec: crate::checks::CheckSpec = toml::from_str(spec).expect("parses");
        let names = std::collections::HashMap::new();
        spec.build(&crate::checks::PolicyData {
            lists: &names,
            models: &Default::default(),
            spellers: &Default::default(),
            classifiers: &Default::default(),
            unusable_classifiers: &Default::default(),
        })
        .map(|_| ())
        .expect_err("the spec is refused")
    }

    #[test]
    fn thresholds_out_of_order_and_whole_comments_with_targets_are_errors() {
        let error = build_error("kind = 'learned'\nmodel = 'offense'\nreject_at = 0.5\nreview_at = 0.7");
        assert!(error.contains("review_at"), "{error}");
        let error = build_error("kind = 'learned'\nmodel = 'offense'\nreject_at = 0.7\nreview_at = 0.5\ntargets = ['belief']\nwhole_comment_words = 25");
        assert!(error.contains("whole_comment_words"), "{error}");
    }
}

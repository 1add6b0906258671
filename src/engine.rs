//! The engine: judges one comment by every rule of a policy.

use std::ops::Range;

use crate::checks::{Check, Scan, ScanData};
use crate::policy::Policy;
use crate::text::{Language, Text};
use crate::verdict::{Decision, Locale, Reason, Verdict};

/// A comment to judge.
#[derive(Debug, Clone, Copy)]
pub struct Comment<'a> {
    pub text: &'a str,
    /// The comment's language; detected when `None`.
    pub language: Option<Language>,
    /// The language of the reasons' messages.
    pub locale: Locale,
}

impl<'a> Comment<'a> {
    /// A comment whose language is detected, with reasons in Turkish.
    pub fn new(text: &'a str) -> Self {
        Comment { text, language: None, locale: Locale::Tr }
    }
}

/// Judges comments by a policy.
///
/// ```
/// use moderate::{Comment, Decision, Engine, Policy};
///
/// let engine = Engine::new(Policy::embedded().expect("the default policy loads"));
/// let verdict = engine.moderate(&Comment::new("Bu haber çok güzel olmuş, emeğinize sağlık."));
/// assert_eq!(verdict.decision, Decision::Approve);
///
/// let verdict = engine.moderate(&Comment::new("Yazan da okuyan da aptal"));
/// assert_eq!(verdict.decision, Decision::Reject);
/// assert_eq!(verdict.reasons[0].rule, "insult");
/// assert_eq!(verdict.reasons[0].spans[0].text, "aptal");
/// ```
#[derive(Debug, Clone)]
pub struct Engine {
    policy: Policy,
}

impl Engine {
    pub fn new(policy: Policy) -> Self {
        Engine { policy }
    }

    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    pub fn moderate(&self, comment: &Comment<'_>) -> Verdict {
        let text = Text::new(comment.text);
        let language = comment.language.unwrap_or_else(|| text.detected_language());
        let scan = Scan::new(&text, language, self.scan_data());
        let mut decision = Decision::Approve;
        let mut reasons = Vec::new();
        let mut fixers: Vec<(&dyn Check, String)> = Vec::new();
        // Found only when a rule fires: most comments are approved and need none.
        let clusters = std::cell::OnceCell::new();
        for rule in self.policy.rules().filter(|r| r.applies_to(language)) {
            let Some(mut finding) = rule.check.find(&scan) else { continue };
            let action = if finding.review { rule.action().min(Decision::Review) } else { rule.action() };
            decision = decision.max(action);
            if let Some(suggestion) = &finding.suggestion {
                fixers.push((rule.check.as_ref(), suggestion.clone()));
            }
            finding.evidence.sort_unstable();
            finding.evidence.dedup();
            let clusters = clusters.get_or_init(|| Clusters::of(comment.text));
            let widened = finding.spans.into_iter().map(|r| clusters.widen(r)).collect();
            let spans = merge(widened).into_iter().map(|r| text.span(r)).collect();
            reasons.push(Reason {
                rule: rule.id().to_string(),
                message: rule.message(comment.locale).to_string(),
                spans,
                suggestion: finding.suggestion,
                score: finding.score,
                more_spans: None,
                evidence: finding.evidence,
            });
        }
        let suggestion = self.fix_all(&scan, fixers);
        Verdict { decision, language, reasons, suggestion }
    }

    fn scan_data(&self) -> ScanData<'_> {
        self.policy.scan_data()
    }

    /// Every fix of the rules that fired, one after another (letters before case), each on the
    /// comment as the ones before left it: the commenter's one-click correction.
    /// The first fix is the one its rule already suggested for the comment as written.
    fn fix_all(&self, scan: &Scan<'_>, mut fixers: Vec<(&dyn Check, String)>) -> Option<String> {
        fixers.sort_by_key(|(check, _)| check.fix_order());
        let ((_, first), rest) = fixers.split_first()?;
        let mut fixed = first.clone();
        for (check, _) in rest {
            let text = Text::new(&fixed);
            let next = Scan::new(&text, scan.language, self.scan_data());
            if let Some(better) = check.fix(&next) {
                fixed = better;
            }
        }
        Some(fixed)
    }
}

/// Where the comment's user-perceived characters (grapheme clusters) begin, in code points, when any
/// of them is more than one code point: "🖕🏻" with its skin tone, a flag, a family joined by ZWJ, a
/// letter with a combining mark. A span never cuts one in two: a CMS highlighting it would show half
/// an emoji.
struct Clusters(Option<Vec<usize>>);

impl Clusters {
    fn of(text: &str) -> Self {
        use unicode_segmentation::UnicodeSegmentation;
        if text.is_ascii() {
            return Clusters(None);
        }
        let mut starts = Vec::new();
        let mut at = 0;
        let mut wide = false;
        for cluster in text.graphemes(true) {
            starts.push(at);
            let points = cluster.chars().count();
            wide |= points > 1;
            at += points;
        }
        starts.push(at);
        Clusters(wide.then_some(starts))
    }

    /// The span grown to whole clusters.
    fn widen(&self, span: Range<usize>) -> Range<usize> {
        let Some(starts) = &self.0 else { return span };
        let start = starts[starts.partition_point(|&s| s <= span.start).saturating_sub(1)];
        let end = starts.get(starts.partition_point(|&s| s < span.end)).copied().unwrap_or(span.end);
        start..end
    }
}

/// Sorts spans and joins the ones that overlap, so each stretch of the comment is reported once.
fn merge(mut spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    spans.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start < last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::{merge, Clusters};

    #[test]
    fn overlapping_spans_are_joined_and_sorted() {
        assert_eq!(merge(vec![5..9, 0..3, 2..4, 9..10]), vec![0..4, 5..9, 9..10]);
    }

    #[test]
    fn spans_grow_to_whole_user_perceived_characters() {
        // "a 🖕🏻 b": the finger (2) and its skin tone (3) are one character.
        let clusters = Clusters::of("a 🖕🏻 b");
        assert_eq!(clusters.widen(2..3), 2..4);
        assert_eq!(clusters.widen(3..4), 2..4);
        assert_eq!(clusters.widen(0..1), 0..1);
        // A flag is two regional indicators.
        assert_eq!(Clusters::of("🇹🇷 x").widen(0..1), 0..2);
        // "s" + combining cedilla + "ik".
        assert_eq!(Clusters::of("s\u{327}ik").widen(0..1), 0..2);
        // Plain text is left alone.
        assert_eq!(Clusters::of("aptal").widen(1..3), 1..3);
    }
}

//! What the engine says about a comment.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::text::Language;

/// A stretch of the comment: `start`..`end` in Unicode scalar values (code points), end exclusive;
/// `text` is exactly that slice of the comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    Approve,
    Review,
    Reject,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Approve => "approve",
            Decision::Review => "review",
            Decision::Reject => "reject",
        }
    }
}

/// The language reasons are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Tr,
    En,
}

impl Locale {
    /// Reads `tr`, `en`, or a tag such as `tr-TR`, in any case.
    pub fn from_tag(tag: &str) -> Option<Self> {
        Language::from_tag(tag).and_then(|language| match language {
            Language::Tr => Some(Locale::Tr),
            Language::En => Some(Locale::En),
            Language::Other => None,
        })
    }
}

/// One rule that fired, why, and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Reason {
    pub rule: String,
    pub message: String,
    pub spans: Vec<Span>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub suggestion: Option<String>,
    /// A learned check's score from 0 to 1 (how sure it is that the comment breaks the rule).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub score: Option<f32>,
    /// How many spans were left out of `spans` by the server's cap on spans per reason (absent
    /// when none were): `spans` holds the first ones.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub more_spans: Option<usize>,
    /// The word-list entries that matched, as `tr/insult.txt:12 aptal*`: for moderators tuning
    /// the lists (`moderate check` shows them), never sent to the CMS, which shows reasons to
    /// commenters.
    #[serde(skip)]
    #[schema(ignore)]
    pub evidence: Vec<String>,
}

/// The decision on one comment. `reasons` is empty exactly when the decision is `Approve`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    pub decision: Decision,
    pub language: Language,
    pub reasons: Vec<Reason>,
    /// The comment with every reason's fix applied together (Turkish letters restored, sentence
    /// case), when any reason has one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub suggestion: Option<String>,
}

impl Verdict {
    /// Keeps at most `max` spans per reason, counting the rest in `more_spans`, so an answer stays
    /// a few times the size of its comment however many words a rule marks.
    pub fn cap_spans(&mut self, max: usize) {
        for reason in &mut self.reasons {
            if reason.spans.len() > max {
                reason.more_spans = Some(reason.spans.len() - max);
                reason.spans.truncate(max);
            }
        }
    }
}

//! `moderate`: comment moderation for a Turkish news site.
//!
//! The site's posted policy rejects comments that contain insults, swearing, offensive sentences or
//! allusions, attacks on beliefs, that break spelling rules, lack Turkish letters, or are written in
//! capitals. This crate is the rule engine behind the `moderate` service and CLI:
//!
//! - [`Policy`]: rules (`rules/*.toml`) and word lists (`wordlists/<lang>/*.txt`), embedded by
//!   default, or loaded from directories;
//! - [`Engine`]: judges a [`Comment`] by the policy and returns a [`Verdict`]: a [`Decision`] and
//!   the [`Reason`]s, each with the rule's id, a message, the exact [`Span`]s and maybe a fix.
//!
//! Everything else (the text model, check kinds, word-list matcher) is internal.

mod checks;
mod engine;
mod learn;
mod policy;
mod restore;
mod spell;
mod text;
mod verdict;
mod wordlist;

pub mod cli;
pub mod server;

pub use engine::{Comment, Engine};
pub use policy::{Policy, PolicyError, PolicySource, Rule};
pub use text::Language;
pub use verdict::{Decision, Locale, Reason, Span, Verdict};

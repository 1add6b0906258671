//! The engine on any text: it must not panic, and what it answers must keep the contract's
//! promises (spans are true slices within the text, reasons exactly when not approved).
//!
//!     RUSTC_BOOTSTRAP=1 cargo fuzz run engine -s none fuzz/seeds/engine -- -max_len=12000
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use moderate::{Comment, Decision, Engine, Language, Locale, Policy};

static ENGINE: OnceLock<Engine> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let engine = ENGINE.get_or_init(|| Engine::new(Policy::embedded().expect("the default policy loads")));
    let language = match selector % 3 {
        0 => None,
        1 => Some(Language::Tr),
        _ => Some(Language::En),
    };
    let locale = if selector & 0x80 == 0 { Locale::Tr } else { Locale::En };
    let verdict = engine.moderate(&Comment { text, language, locale });
    let chars: Vec<char> = text.chars().collect();
    for reason in &verdict.reasons {
        for span in &reason.spans {
            assert!(span.start < span.end && span.end <= chars.len(), "span {span:?} outside {} characters", chars.len());
            let slice: String = chars[span.start..span.end].iter().collect();
            assert_eq!(span.text, slice);
        }
    }
    assert_eq!(verdict.reasons.is_empty(), verdict.decision == Decision::Approve);
});

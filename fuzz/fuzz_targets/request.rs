//! What a client sends, before the engine: the body parser of `POST /moderate` and
//! `/moderate/batch` (any bytes give comments or a client error, never a panic or a 500), and the
//! connection guard that hands requests to the HTTP layer one at a time (what it hands over is
//! always the start of what arrived, in order, whatever the pieces it arrived in).
//!
//!     RUSTC_BOOTSTRAP=1 cargo fuzz run request -s none fuzz/seeds/request
#![no_main]

use libfuzzer_sys::fuzz_target;
use moderate::server::fuzzing::{gate_stream, parse_body};

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    match mode % 3 {
        0 | 1 => {
            if let Err(status) = parse_body(rest, mode % 3 == 1) {
                assert!((400..500).contains(&status), "status {status} for a client's body");
            }
        }
        _ => {
            // The first bytes say how the stream is cut into pieces.
            let cut = rest.len().min(8);
            let pieces: Vec<usize> = rest[..cut].iter().map(|&b| usize::from(b) * 37 + 1).collect();
            let stream = &rest[cut..];
            let out = gate_stream(stream, &pieces);
            assert!(stream.starts_with(&out), "handed over bytes that did not arrive in that order");
        }
    }
});

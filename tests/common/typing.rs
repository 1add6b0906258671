//! Turkish as typed on a keyboard without Turkish letters: each of ç ğ ı İ ö ş ü as its ASCII
//! look-alike. Shared by the tests, the measurement examples and the benchmarks (`#[path]`), so they
//! all make the same ASCII text.

/// The text with every Turkish letter typed as its ASCII look-alike (`ı` → `i`, `İ` → `I`).
pub fn typed_in_ascii(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'ç' => 'c',
            'Ç' => 'C',
            'ğ' => 'g',
            'Ğ' => 'G',
            'ı' => 'i',
            'İ' => 'I',
            'ö' => 'o',
            'Ö' => 'O',
            'ş' => 's',
            'Ş' => 'S',
            'ü' => 'u',
            'Ü' => 'U',
            other => other,
        })
        .collect()
}

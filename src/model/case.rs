//! Lower case for comparisons, filters and messages, behind one small
//! interface so that the page can use the browser's
//! `String.prototype.toLowerCase` (`web::case`) instead of shipping the
//! standard library's case tables (about 8 KB gzip). Both are Unicode's
//! default, locale-independent full mapping (final sigma included).
//!
//! Text whose every character is in [`NO_CASE`] or ASCII is lowered here,
//! without a call (most of an English, CJK, Hebrew or Arabic article).
//! Natively the standard library answers; in wasm32 nothing answers the
//! rest until a function is [`install`]ed.

use std::cell::Cell;

/// Ranges of characters beyond ASCII that lower case leaves alone
/// (`tests::no_case_ranges_have_no_lower_case` checks every one).
pub const NO_CASE: &[(char, char)] = &[
    ('\u{80}', '\u{BF}'),       // Latin-1 punctuation and symbols
    ('\u{0590}', '\u{08FF}'),   // Hebrew, Arabic, Syriac, Thaana, NKo
    ('\u{0900}', '\u{109F}'),   // Indic scripts, Thai, Lao, Tibetan, Myanmar
    ('\u{2000}', '\u{20FF}'),   // punctuation, super/subscripts, currency
    ('\u{2190}', '\u{23FF}'),   // arrows, mathematical and technical signs
    ('\u{2500}', '\u{27FF}'),   // box drawing, shapes, dingbats
    ('\u{3000}', '\u{9FFF}'),   // CJK punctuation, kana, ideographs
    ('\u{AC00}', '\u{D7FF}'),   // Hangul syllables
    ('\u{FE00}', '\u{FEFF}'),   // variation selectors, Arabic forms, BOM
    ('\u{1F000}', '\u{1FAFF}'), // emoji and pictographs
    ('\u{E0000}', '\u{E007F}'), // tags (flag sequences)
];

/// A function that lowers any text.
pub type Lower = fn(&str) -> String;

thread_local! {
    static INSTALLED: Cell<Option<Lower>> = const { Cell::new(None) };
}

/// Make `lower` lower the text [`lowercase`] cannot, on this thread.
pub fn install(lower: Lower) {
    INSTALLED.set(Some(lower));
}

fn without_case(c: char) -> bool {
    c.is_ascii() || NO_CASE.iter().any(|(a, b)| (*a..=*b).contains(&c))
}

/// `s` in lower case, as `str::to_lowercase` gives it. O(len).
///
/// # Panics
/// In wasm32 when `s` needs the tables and nothing was installed.
pub fn lowercase(s: &str) -> String {
    if s.chars().all(without_case) {
        return s.to_ascii_lowercase();
    }
    match INSTALLED.get() {
        Some(lower) => lower(s),
        None => fallback(s),
    }
}

/// [`lowercase`] as a method: `label.lowercase()`.
pub trait Lowercase {
    fn lowercase(&self) -> String;
}

impl Lowercase for str {
    fn lowercase(&self) -> String {
        lowercase(self)
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn fallback(s: &str) -> String {
    s.to_lowercase()
}

#[cfg(target_arch = "wasm32")]
fn fallback(_: &str) -> String {
    panic!("no lower case installed (web::case::install)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_case_ranges_have_no_lower_case() {
        for &(a, b) in NO_CASE {
            for c in (a..=b).filter(|c| !c.is_ascii()) {
                assert_eq!(c.to_lowercase().collect::<String>(), c.to_string(), "{c:?}");
            }
        }
    }

    #[test]
    fn lowercase_is_the_standard_library_s() {
        for s in [
            "Mayor SAID “No” 👍🏽",
            "ΟΔΟΣ Σ",
            "İSTANBUL",
            "東京 ÉTÉ",
            "שלום ABC",
        ] {
            assert_eq!(lowercase(s), s.to_lowercase(), "{s}");
        }
    }
}

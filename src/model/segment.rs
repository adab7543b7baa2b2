//! Where text breaks into grapheme clusters, words and sentences (Unicode
//! UAX #29), behind one small interface so that the page can use the
//! browser's own tables (`Intl.Segmenter`, `web::segmenter`) instead of
//! shipping the `unicode-segmentation` crate's (about 23 KB gzip).
//!
//! Natively (tests, the command-line converter) the crate answers. In
//! wasm32 nothing answers until a segmenter is [`install`]ed, so that the
//! page's binary links none of the tables it does not use.

use std::cell::Cell;
use unicode_segmentation::UnicodeSegmentation;

/// What text is cut into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Granularity {
    /// User-perceived characters: `👍🏽`, `e\u{301}` and `🇺🇦` are one each.
    Grapheme,
    /// UAX #29 words, with the white space and punctuation between them.
    Word,
    /// UAX #29 sentences, each with its trailing white space.
    Sentence,
}

/// A source of UAX #29 boundaries.
pub trait Segmenter {
    /// The byte offsets in `text` where its pieces end, in order: each
    /// piece is non-empty and the last ends at `text.len()` (none for an
    /// empty text). Example: `"Hi 👍🏽"` by words is `[2, 3, 11]`.
    fn ends(&self, text: &str, granularity: Granularity) -> Vec<usize>;
}

/// The `unicode-segmentation` crate (Unicode 17).
pub struct Uax29;

impl Segmenter for Uax29 {
    fn ends(&self, text: &str, granularity: Granularity) -> Vec<usize> {
        let mut end = 0;
        let mut out = |piece: &str| {
            end += piece.len();
            end
        };
        match granularity {
            Granularity::Grapheme => text.graphemes(true).map(&mut out).collect(),
            Granularity::Word => text.split_word_bounds().map(&mut out).collect(),
            Granularity::Sentence => text.split_sentence_bounds().map(&mut out).collect(),
        }
    }
}

thread_local! {
    static INSTALLED: Cell<Option<&'static dyn Segmenter>> = const { Cell::new(None) };
}

/// Make `segmenter` answer [`ends`] on this thread from now on.
pub fn install(segmenter: &'static dyn Segmenter) {
    INSTALLED.set(Some(segmenter));
}

/// [`Segmenter::ends`] of the installed segmenter, else [`Uax29`]'s.
///
/// # Panics
/// In wasm32 when none was installed.
pub fn ends(text: &str, granularity: Granularity) -> Vec<usize> {
    match INSTALLED.get() {
        Some(s) => s.ends(text, granularity),
        None => fallback(text, granularity),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn fallback(text: &str, granularity: Granularity) -> Vec<usize> {
    Uax29.ends(text, granularity)
}

#[cfg(target_arch = "wasm32")]
fn fallback(_: &str, _: Granularity) -> Vec<usize> {
    panic!("no segmenter installed (web::segmenter::install)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_are_byte_offsets_of_whole_pieces() {
        assert_eq!(Uax29.ends("Hi 👍🏽", Granularity::Word), [2, 3, 11]);
        assert_eq!(Uax29.ends("e\u{301}🇺🇦", Granularity::Grapheme), [3, 11]);
        assert_eq!(Uax29.ends("One. Two.", Granularity::Sentence), [5, 9]);
        assert!(ends("", Granularity::Word).is_empty());
    }
}

//! The page's [`Segmenter`]: the browser's `Intl.Segmenter` (ICU) for
//! grapheme clusters and sentences, the crate ([`Uax29`]) for words.
//!
//! ICU gives the crate's grapheme and sentence boundaries on emoji (ZWJ
//! sequences, skin tones, flags), combining marks, CJK and right-to-left
//! text (`tests/e2e/test_segments.py` checks them key by key against the
//! crate's). Its words differ: dictionary words in Chinese, Japanese and
//! Thai, and "U.S." cut at its full stops, so words stay the crate's.
//! The locale is fixed ("en") so a user's browser language changes nothing.

use crate::model::segment::{install as install_segmenter, Granularity, Segmenter, Uax29};
use js_sys::Intl::{SegmentData, Segmenter as Intl, SegmenterGranularity, SegmenterOptions};
use js_sys::{Array, JsString};
use wasm_bindgen::JsCast;

struct Browser {
    grapheme: Intl,
    sentence: Intl,
}

impl Segmenter for Browser {
    /// Cost: one call into the browser, then one per piece (its UTF-16
    /// start), and one pass over `text`.
    fn ends(&self, text: &str, granularity: Granularity) -> Vec<usize> {
        let intl = match granularity {
            Granularity::Grapheme => &self.grapheme,
            Granularity::Sentence => &self.sentence,
            Granularity::Word => return Uax29.ends(text, granularity),
        };
        let pieces = Array::from(&intl.segment(text));
        let mut out = Vec::with_capacity(pieces.length() as usize);
        let mut chars = text.char_indices();
        let mut utf16 = 0;
        // Each piece after the first starts where the one before ends.
        for i in 1..pieces.length() {
            let start = pieces.get(i).unchecked_into::<SegmentData>().index();
            for (byte, c) in chars.by_ref() {
                if utf16 == start {
                    out.push(byte);
                    utf16 += c.len_utf16() as u32;
                    break;
                }
                utf16 += c.len_utf16() as u32;
            }
        }
        if !text.is_empty() {
            out.push(text.len());
        }
        out
    }
}

fn intl(granularity: SegmenterGranularity) -> Intl {
    let options = SegmenterOptions::new();
    options.set_granularity(granularity);
    Intl::new(&Array::of1(&JsString::from("en")), &options)
}

/// Make the browser segment the page's text (call once, before the app).
pub fn install() {
    let browser = Browser {
        grapheme: intl(SegmenterGranularity::Grapheme),
        sentence: intl(SegmenterGranularity::Sentence),
    };
    install_segmenter(Box::leak(Box::new(browser)));
}

//! Reading-cursor movement over the article: by grapheme, word, sentence and
//! paragraph, following Unicode UAX #29 (the `unicode-segmentation` crate).
//!
//! Moving forward lands on the **end** of the current or next unit, moving
//! backward on the **start** of the current or previous one, so that
//! Shift+move selects whole units. Paragraphs are the article's blocks;
//! words and sentences never cross a block. All offsets are code points.
//!
//! Cost: one block is segmented per call, O(block length).

use super::{Article, CharOffset, TextRange};
use unicode_segmentation::UnicodeSegmentation;

/// What the cursor moves by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A user-perceived character (grapheme cluster: `👍🏽` is one).
    Grapheme,
    /// A UAX #29 word that holds a letter or digit (punctuation is skipped).
    Word,
    /// A UAX #29 sentence, without its trailing white space.
    Sentence,
    /// A block of the article.
    Paragraph,
}

/// The units of block `block_idx`, in order, non-empty, absolute offsets.
fn units(article: &Article, block_idx: usize, unit: Unit) -> Vec<TextRange> {
    let block = article.blocks[block_idx].range;
    if unit == Unit::Paragraph {
        return vec![block];
    }
    let s = article.text.slice(block);
    let pieces: Box<dyn Iterator<Item = &str>> = match unit {
        Unit::Grapheme => Box::new(s.graphemes(true)),
        Unit::Word => Box::new(s.split_word_bounds()),
        Unit::Sentence => Box::new(s.split_sentence_bounds()),
        Unit::Paragraph => unreachable!("handled above"),
    };
    let mut out = Vec::new();
    let mut at = block.start();
    for piece in pieces {
        let n = piece.chars().count();
        let keep = match unit {
            Unit::Word => piece.chars().any(char::is_alphanumeric),
            _ => !piece.trim().is_empty(),
        };
        if keep {
            let lead = piece.chars().take_while(|c| c.is_whitespace()).count();
            let trail = piece
                .chars()
                .rev()
                .take_while(|c| c.is_whitespace())
                .count();
            let (lead, trail) = if unit == Unit::Grapheme {
                (0, 0)
            } else {
                (lead, trail)
            };
            out.push(
                TextRange::new(at + lead, at + n - trail).expect("trimmed piece is not empty"),
            );
        }
        at += n;
    }
    out
}

/// Where the cursor lands moving forward from `offset` by one `unit`: the end
/// of the unit that contains `offset` or follows it. At the end of the last
/// unit it stays.
pub fn forward(article: &Article, offset: CharOffset, unit: Unit) -> CharOffset {
    (article.block_at_or_after(offset)..article.blocks.len())
        .find_map(|b| {
            units(article, b, unit)
                .into_iter()
                .find(|u| u.end() > offset)
        })
        .map_or(offset, TextRange::end)
}

/// Where the cursor lands moving backward from `offset` by one `unit`: the
/// start of the unit that contains `offset` or precedes it.
pub fn backward(article: &Article, offset: CharOffset, unit: Unit) -> CharOffset {
    let last = article.blocks.partition_point(|b| b.range.start() < offset);
    (0..last)
        .rev()
        .find_map(|b| {
            units(article, b, unit)
                .into_iter()
                .rev()
                .find(|u| u.start() < offset)
        })
        .map_or(offset, TextRange::start)
}

/// [`forward`] or [`backward`] as `forward` says.
pub fn step(article: &Article, offset: CharOffset, unit: Unit, forward: bool) -> CharOffset {
    if forward {
        self::forward(article, offset, unit)
    } else {
        backward(article, offset, unit)
    }
}

/// The unit containing `offset`, else the next one, else the last one.
/// `None` only for an article without blocks.
pub fn around(article: &Article, offset: CharOffset, unit: Unit) -> Option<TextRange> {
    let from = article.block_at_or_after(offset);
    (from..article.blocks.len())
        .find_map(|b| {
            units(article, b, unit)
                .into_iter()
                .find(|u| u.end() > offset)
        })
        .or_else(|| {
            (0..from.min(article.blocks.len()))
                .rev()
                .find_map(|b| units(article, b, unit).pop())
        })
}

/// `range` grown so that it neither starts nor ends inside a word.
pub fn snap_to_words(article: &Article, range: TextRange) -> TextRange {
    let inside = |offset: CharOffset| {
        around(article, offset, Unit::Word).filter(|w| w.start() < offset && offset < w.end())
    };
    let start = inside(range.start()).map_or(range.start(), TextRange::start);
    let end = inside(range.end()).map_or(range.end(), TextRange::end);
    TextRange::new(start, end.max(start)).expect("end >= start")
}

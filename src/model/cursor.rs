//! Reading-cursor movement over the article: by grapheme, word, sentence and
//! paragraph, following Unicode UAX #29 ([`super::segment`]).
//!
//! Moving forward lands on the **end** of the current or next unit, moving
//! backward on the **start** of the current or previous one, so that
//! Shift+move selects whole units. Paragraphs are the article's blocks;
//! words and sentences never cross a block. All offsets are code points.
//!
//! Cost: a window of the block around the offset is segmented per call,
//! O(min(block length, [`WINDOW`])) for units shorter than the window, so a
//! paragraph of a million characters moves as fast as a short one.

use super::segment::{self, Granularity};
use super::{Article, CharOffset, TextRange};

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

/// Code points of a block segmented on each side of the offset, at first.
const WINDOW: usize = 4_096;

/// The units of block `block_idx` near `offset`, in order, non-empty,
/// absolute offsets: all of them for a block up to twice [`WINDOW`] long;
/// else those of a window around `offset` that are whole, the window
/// growing until the units there reach `offset` from both sides (or the
/// block's edges).
fn units(article: &Article, block_idx: usize, unit: Unit, offset: CharOffset) -> Vec<TextRange> {
    units_within(article, block_idx, unit, offset, WINDOW)
}

fn units_within(
    article: &Article,
    block_idx: usize,
    unit: Unit,
    offset: CharOffset,
    mut window: usize,
) -> Vec<TextRange> {
    let block = article.blocks[block_idx].range;
    if unit == Unit::Paragraph {
        return vec![block];
    }
    let at = offset.clamp(block.start(), block.end());
    loop {
        let from = at.saturating_sub(window);
        let end = (at + window).min(block.end());
        if from <= block.start() && end == block.end() {
            return segment(article, block, unit);
        }
        let start = if from <= block.start() {
            block.start()
        } else {
            safe_start(article, from, at)
        };
        let piece = TextRange::new(start, end).expect("start <= end");
        let mut found = segment(article, piece, unit);
        // A unit at a cut edge of the window may be only part of one.
        if start > block.start() && !found.is_empty() {
            found.remove(0);
        }
        if end < block.end() {
            found.pop();
        }
        let reaches_back = start == block.start() || found.first().is_some_and(|u| u.start() < at);
        let reaches_on = end == block.end() || found.last().is_some_and(|u| u.end() > at);
        if reaches_back && reaches_on {
            return found;
        }
        window *= 4;
    }
}

/// Where a window that should start at `from` may start: just after the
/// first white space in `from..at`, where no grapheme cluster, word or
/// regional-indicator pair (a flag) can straddle the cut; `from` itself
/// when there is none (the window then grows).
fn safe_start(article: &Article, from: CharOffset, at: CharOffset) -> CharOffset {
    let Some(before) = TextRange::new(from, at) else {
        return from;
    };
    article
        .text
        .slice(before)
        .chars()
        .position(char::is_whitespace)
        .map_or(from, |i| from + i + 1)
}

/// The units of `range` (a block, or part of one), segmented on their own.
fn segment(article: &Article, range: TextRange, unit: Unit) -> Vec<TextRange> {
    let block = range;
    let s = article.text.slice(block);
    let granularity = match unit {
        Unit::Grapheme => Granularity::Grapheme,
        Unit::Word => Granularity::Word,
        Unit::Sentence => Granularity::Sentence,
        Unit::Paragraph => return vec![block],
    };
    let mut out = Vec::new();
    let mut at = block.start();
    let mut from = 0;
    for end in segment::ends(s, granularity) {
        let piece = &s[from..end];
        from = end;
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
            units(article, b, unit, offset)
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
            units(article, b, unit, offset)
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
            units(article, b, unit, offset)
                .into_iter()
                .find(|u| u.end() > offset)
        })
        .or_else(|| {
            (0..from.min(article.blocks.len()))
                .rev()
                .find_map(|b| units(article, b, unit, offset).pop())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A long one-paragraph article in many scripts, flags and emoji.
    fn long_block() -> Article {
        let piece = "Mayor 👍🏽 said “no.” Then 东京 voted 7.5 to 2. שלום עולם! 🇺🇦🇺🇦🇺🇦 ok... e\u{301}t U.S. rules? ";
        Article::from_plain("t".into(), String::new(), piece.repeat(40))
    }

    #[test]
    fn windowed_units_are_the_block_s_own() {
        let article = long_block();
        let block = article.blocks[0].range;
        assert_eq!(article.blocks.len(), 1);
        for unit in [Unit::Grapheme, Unit::Word, Unit::Sentence] {
            let all = segment(&article, block, unit);
            for window in [8, 64, 300] {
                for at in (0..block.end().get()).step_by(37) {
                    let at = CharOffset::new(at);
                    let near = units_within(&article, 0, unit, at, window);
                    let first = all.iter().position(|u| *u == near[0]);
                    let first = first.unwrap_or_else(|| {
                        panic!("{unit:?} {window} {at}: {:?} is not a unit", near[0])
                    });
                    assert_eq!(
                        near,
                        all[first..first + near.len()],
                        "{unit:?} window {window} at {at}"
                    );
                    assert!(near[0].start() < at || first == 0);
                }
            }
        }
    }
}

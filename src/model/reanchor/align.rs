//! [`Alignment`]: which code points of an old text survive, unchanged, in a
//! new one, and where — from a diff by lines, then by sentences inside
//! changed lines, words inside changed sentences and code points inside
//! changed words.
//!
//! The levels keep the diff fast on real edits (a changed sentence in a
//! 1 MB article diffs a few lines, then a few sentences and words, even
//! when the article is one giant paragraph) and exact where it matters (a
//! typo fix moves no boundary). Each level is Myers' diff (`similar`), with
//! a deadline: past it the rest counts as replaced, which only sends more
//! annotations to quote matching.

use similar::{capture_diff_deadline, Algorithm, DiffOp, Instant};
use std::ops::Range;
use std::time::Duration;

/// Longest a whole alignment may take before the rest is left unmatched.
const DEADLINE: Duration = Duration::from_secs(2);

/// A stretch of code points equal in both texts: `old..old + len` in the
/// old text is `new..new + len` in the new one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    old: usize,
    new: usize,
    len: usize,
}

/// The unchanged runs of an old text in a new one, increasing in both.
#[derive(Clone, Debug)]
pub struct Alignment {
    runs: Vec<Run>,
    new_len: usize,
}

impl Alignment {
    /// Align `old` with `new` (code points). Cost: O((n + m) · d) per level
    /// for d edits at that level, bounded by the deadline.
    pub fn new(old: &[char], new: &[char]) -> Self {
        let mut a = Aligner {
            old,
            new,
            deadline: Instant::now().checked_add(DEADLINE),
            runs: Vec::new(),
        };
        a.refine(Level::Lines, 0..old.len(), 0..new.len());
        Self {
            runs: a.runs,
            new_len: new.len(),
        }
    }

    /// Where a span starting at old code point `start` starts in the new
    /// text: where that code point went, or, if it changed, where what
    /// replaced it starts. O(log runs).
    pub fn map_start(&self, start: usize) -> usize {
        let i = self.runs.partition_point(|r| r.old <= start);
        match i.checked_sub(1).map(|i| self.runs[i]) {
            Some(r) if start < r.old + r.len => r.new + (start - r.old),
            Some(r) => r.new + r.len,
            None => 0,
        }
    }

    /// Where a span ending (exclusive) at old code point `end` ends in the
    /// new text: just after where its last code point went, or, if that
    /// changed, where what replaced it ends. O(log runs).
    pub fn map_end(&self, end: usize) -> usize {
        let Some(last) = end.checked_sub(1) else {
            return self.map_start(0);
        };
        let i = self.runs.partition_point(|r| r.old <= last);
        match i.checked_sub(1).map(|i| self.runs[i]) {
            Some(r) if last < r.old + r.len => r.new + (last - r.old) + 1,
            _ => self.runs.get(i).map_or(self.new_len, |r| r.new),
        }
    }
}

/// How a stretch of text is cut into pieces, coarsest first.
#[derive(Clone, Copy)]
enum Level {
    Lines,
    Sentences,
    Words,
    Chars,
}

impl Level {
    fn pieces(self, text: &[char], within: Range<usize>) -> Vec<Range<usize>> {
        match self {
            Level::Lines => split_after(text, within, |t, i| t[i] == '\n'),
            Level::Sentences => split_after(text, within, sentence_end),
            Level::Words => words(text, within),
            Level::Chars => within.map(|i| i..i + 1).collect(),
        }
    }

    fn finer(self) -> Option<Level> {
        match self {
            Level::Lines => Some(Level::Sentences),
            Level::Sentences => Some(Level::Words),
            Level::Words => Some(Level::Chars),
            Level::Chars => None,
        }
    }
}

struct Aligner<'a> {
    old: &'a [char],
    new: &'a [char],
    deadline: Option<Instant>,
    runs: Vec<Run>,
}

impl Aligner<'_> {
    /// Diff `old` with `new` at `level`: equal pieces become runs, replaced
    /// ones are diffed again at the next finer level.
    fn refine(&mut self, level: Level, old: Range<usize>, new: Range<usize>) {
        if old.is_empty() || new.is_empty() {
            return;
        }
        let (a, b) = (level.pieces(self.old, old), level.pieces(self.new, new));
        for step in diff(&a, &b, self.old, self.new, self.deadline) {
            let (o, n) = (span(&a, step.old), span(&b, step.new));
            if step.equal {
                push(&mut self.runs, o.start, n.start, o.len());
            } else if let Some(finer) = level.finer() {
                self.refine(finer, o, n);
            }
        }
    }
}

/// One step of a diff over pieces: `old` and `new` index the pieces.
struct Step {
    equal: bool,
    old: Range<usize>,
    new: Range<usize>,
}

/// The diff of two lists of pieces (ranges of code points of `old_text` and
/// `new_text`), compared by their text.
fn diff(
    old: &[Range<usize>],
    new: &[Range<usize>],
    old_text: &[char],
    new_text: &[char],
    deadline: Option<Instant>,
) -> Vec<Step> {
    let a: Vec<&[char]> = old.iter().map(|r| &old_text[r.clone()]).collect();
    let b: Vec<&[char]> = new.iter().map(|r| &new_text[r.clone()]).collect();
    capture_diff_deadline(Algorithm::Myers, &a, 0..a.len(), &b, 0..b.len(), deadline)
        .into_iter()
        .map(|op| Step {
            equal: matches!(op, DiffOp::Equal { .. }),
            old: op.old_range(),
            new: op.new_range(),
        })
        .collect()
}

/// The code points that pieces `which` cover (contiguous).
fn span(pieces: &[Range<usize>], which: Range<usize>) -> Range<usize> {
    match (
        pieces.get(which.start),
        which.end.checked_sub(1).and_then(|i| pieces.get(i)),
    ) {
        (Some(first), Some(last)) if which.start < which.end => first.start..last.end,
        _ => {
            // An empty step sits between pieces: at the end of the one before.
            let at = which
                .start
                .checked_sub(1)
                .and_then(|i| pieces.get(i))
                .map_or(0, |p| p.end);
            at..at
        }
    }
}

fn push(runs: &mut Vec<Run>, old: usize, new: usize, len: usize) {
    if len > 0 {
        runs.push(Run { old, new, len });
    }
}

/// `within` cut after each code point `i` where `end(text, i)`.
fn split_after(
    text: &[char],
    within: Range<usize>,
    end: impl Fn(&[char], usize) -> bool,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = within.start;
    for i in within.clone() {
        if end(text, i) {
            out.push(from..i + 1);
            from = i + 1;
        }
    }
    if from < within.end {
        out.push(from..within.end);
    }
    out
}

/// A sentence ends at the space after `.`, `!` or `?`.
fn sentence_end(text: &[char], i: usize) -> bool {
    text[i] == ' ' && i > 0 && matches!(text[i - 1], '.' | '!' | '?')
}

/// Words of `text[within]`: runs of letters and digits, and every other
/// code point on its own.
fn words(text: &[char], within: Range<usize>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for i in within {
        let word = text[i].is_alphanumeric();
        match out.last_mut() {
            Some(last) if word && last.end == i && text[last.start].is_alphanumeric() => {
                last.end = i + 1;
            }
            _ => out.push(i..i + 1),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn a_typo_fix_moves_what_follows_by_its_length() {
        let (old, new) = (
            chars("Teh mayor said no.\nNext."),
            chars("The mayor said no.\nNext."),
        );
        let a = Alignment::new(&old, &new);
        assert_eq!((a.map_start(4), a.map_end(9)), (4, 9), "mayor");
        let (old, new) = (chars("A mayr said 👍🏽 no."), chars("A mayor said 👍🏽 no."));
        let a = Alignment::new(&old, &new);
        assert_eq!(
            (a.map_start(12), a.map_end(14)),
            (13, 15),
            "👍🏽 after the fix"
        );
        assert_eq!(
            (a.map_start(2), a.map_end(6)),
            (2, 7),
            "the fixed word itself"
        );
    }

    #[test]
    fn a_deleted_span_maps_to_an_empty_one() {
        let (old, new) = (chars("one two three"), chars("one three"));
        let a = Alignment::new(&old, &new);
        assert_eq!((a.map_start(4), a.map_end(7)), (4, 4));
    }

    #[test]
    fn lines_and_words_cover_every_code_point() {
        let t = chars("ab c\n\nd");
        assert_eq!(Level::Lines.pieces(&t, 0..7), vec![0..5, 5..6, 6..7]);
        assert_eq!(words(&t, 0..5), vec![0..2, 2..3, 3..4, 4..5]);
        let t = chars("One. Two! Three");
        assert_eq!(
            Level::Sentences.pieces(&t, 0..15),
            vec![0..5, 5..10, 10..15]
        );
    }
}

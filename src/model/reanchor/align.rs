//! [`Alignment`]: which code points of an old text survive, unchanged, in a
//! new one, and where — from a diff by lines, then by words inside changed
//! lines, then by code points inside changed words.
//!
//! Three levels keep the diff fast on real edits (a changed sentence in a
//! 1 MB article diffs a few lines, then a few words) and exact where it
//! matters (a typo fix moves no boundary). Each level is Myers' diff
//! (`similar`), with a deadline: past it the rest of a level counts as
//! replaced, which only sends more annotations to quote matching.

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
    /// for d edits, bounded by the deadline.
    pub fn new(old: &[char], new: &[char]) -> Self {
        let deadline = Instant::now().checked_add(DEADLINE);
        let mut runs = Vec::new();
        let (old_lines, new_lines) = (lines(old), lines(new));
        for op in diff(&old_lines, &new_lines, old, new, deadline) {
            let (o, n) = (span(&old_lines, op.old), span(&new_lines, op.new));
            if op.equal {
                push(&mut runs, o.start, n.start, o.len());
                continue;
            }
            let (old_words, new_words) = (words(old, o.clone()), words(new, n.clone()));
            for w in diff(&old_words, &new_words, old, new, deadline) {
                let (wo, wn) = (span(&old_words, w.old), span(&new_words, w.new));
                if w.equal {
                    push(&mut runs, wo.start, wn.start, wo.len());
                    continue;
                }
                let chars: Vec<_> = (wo.start..wo.end).map(|i| i..i + 1).collect();
                let new_chars: Vec<_> = (wn.start..wn.end).map(|i| i..i + 1).collect();
                for c in diff(&chars, &new_chars, old, new, deadline) {
                    if c.equal {
                        let (co, cn) = (span(&chars, c.old), span(&new_chars, c.new));
                        push(&mut runs, co.start, cn.start, co.len());
                    }
                }
            }
        }
        Self {
            runs,
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

/// Lines of `text`, each with its line break.
fn lines(text: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in text.iter().enumerate() {
        if *c == '\n' {
            out.push(from..i + 1);
            from = i + 1;
        }
    }
    if from < text.len() {
        out.push(from..text.len());
    }
    out
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
        assert_eq!(lines(&t), vec![0..5, 5..6, 6..7]);
        assert_eq!(words(&t, 0..5), vec![0..2, 2..3, 3..4, 4..5]);
    }
}

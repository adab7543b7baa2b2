//! [`TextRange`]: a span of the article's canonical text in Unicode code points.

use super::CharOffset;
use std::fmt;

/// A half-open range `[start, end)` of Unicode code points (Rust `char`s) into an
/// article's canonical text. Python's `text[start:end]` selects the same characters.
///
/// Over `"👍🏽 ok"` (thumbs-up, skin-tone modifier, space, `o`, `k`):
/// `(0, 2)` is `"👍🏽"`, `(3, 5)` is `"ok"`, `(2, 2)` is empty. In UTF-16 the
/// same `"ok"` sits at `(5, 7)`: convert only at the browser boundary
/// ([`crate::model::Text::utf16_to_char`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct TextRange {
    // Invariant: start <= end.
    start: CharOffset,
    end: CharOffset,
}

impl TextRange {
    /// `None` when `start > end`.
    pub fn new(start: CharOffset, end: CharOffset) -> Option<Self> {
        (start <= end).then_some(Self { start, end })
    }

    /// The empty range at `offset`.
    pub fn empty(offset: CharOffset) -> Self {
        Self {
            start: offset,
            end: offset,
        }
    }

    pub fn start(self) -> CharOffset {
        self.start
    }

    pub fn end(self) -> CharOffset {
        self.end
    }

    /// Length in code points.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when the two ranges share at least one code point.
    pub fn overlaps(self, other: TextRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside `self` (an empty `other` at either end
    /// of `self` counts).
    pub fn contains_range(self, other: TextRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The part of `self` inside `bounds`; `None` when they share no code point
    /// and `self` is not empty inside `bounds`.
    pub fn clip(self, bounds: TextRange) -> Option<TextRange> {
        let start = self.start.max(bounds.start);
        let end = self.end.min(bounds.end);
        TextRange::new(start, end)
    }
}

impl fmt::Display for TextRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(start: usize, end: usize) -> Option<TextRange> {
        TextRange::new(CharOffset::new(start), CharOffset::new(end))
    }

    #[test]
    fn rejects_reversed() {
        assert!(r(3, 2).is_none());
        assert_eq!(r(2, 2).unwrap().len(), 0);
    }

    #[test]
    fn clips_to_bounds() {
        let bounds = r(0, 10).unwrap();
        assert_eq!(r(5, 15).unwrap().clip(bounds), r(5, 10));
        assert_eq!(r(12, 15).unwrap().clip(bounds), None);
    }

    #[test]
    fn overlap_is_strict_and_containment_is_not() {
        let a = r(0, 5).unwrap();
        assert!(a.overlaps(r(4, 6).unwrap()));
        assert!(!a.overlaps(r(5, 6).unwrap()));
        assert!(a.contains_range(r(0, 5).unwrap()));
        assert!(a.contains_range(r(5, 5).unwrap()));
        assert!(!a.contains_range(r(4, 6).unwrap()));
        assert_eq!(a.to_string(), "0..5");
    }
}

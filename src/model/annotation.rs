//! [`Annotation`]: one tagged span.

use super::{Tag, TextRange};

/// One tagged span of the article. The quoted text, prefix and suffix are not
/// stored: they derive from the article text and `range` when exported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotation {
    /// Stable unique id (a UUID when made in the browser).
    pub id: String,
    pub tag: Tag,
    /// Code points into the article's canonical text; never empty.
    pub range: TextRange,
    /// Free text; empty when there is none.
    pub note: String,
    /// RFC 3339 timestamps.
    pub created: String,
    pub modified: String,
}

impl Annotation {
    /// Reading order: by start, then end, then id (so the order is total).
    pub fn reading_key(&self) -> (usize, usize, &str) {
        (self.range.start(), self.range.end(), &self.id)
    }
}

//! [`Annotation`]: one tagged span, and [`AnnotationId`], its name.

use super::{CharOffset, Tag, TextRange};
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::fmt;

/// The stable, unique id of an annotation (a UUID when made in the browser;
/// any non-empty string in a file). Serialised as a plain string.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnnotationId(String);

impl AnnotationId {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl From<String> for AnnotationId {
    fn from(id: String) -> Self {
        Self(id)
    }
}

impl From<&str> for AnnotationId {
    fn from(id: &str) -> Self {
        Self(id.to_owned())
    }
}

/// Hashes and orders like the string, so a map keyed by id can be searched by `&str`.
impl Borrow<str> for AnnotationId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for AnnotationId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for AnnotationId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for AnnotationId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl fmt::Display for AnnotationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One tagged span of the article. The quoted text, prefix and suffix are not
/// stored: they derive from the article text and `range` when exported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotation {
    pub id: AnnotationId,
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
    pub fn reading_key(&self) -> (CharOffset, CharOffset, &str) {
        (self.range.start(), self.range.end(), self.id.as_str())
    }
}

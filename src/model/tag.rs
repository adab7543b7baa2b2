//! [`Tag`]: what an annotated span is.

use serde::{Deserialize, Serialize};

/// The kind of an annotated span. Serialised in lower case (`"claim"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tag {
    /// A checkable statement of fact.
    Claim,
    /// Words attributed to someone, usually in quotation marks.
    Quote,
    /// Who or what the information comes from.
    Source,
}

impl Tag {
    /// All tags in chooser order (keys 1, 2, 3).
    pub const ALL: [Tag; 3] = [Tag::Claim, Tag::Quote, Tag::Source];

    /// The serialised name, also used as CSS class and highlight name suffix.
    pub fn name(self) -> &'static str {
        match self {
            Tag::Claim => "claim",
            Tag::Quote => "quote",
            Tag::Source => "source",
        }
    }

    /// Human label, capitalised.
    pub fn label(self) -> &'static str {
        match self {
            Tag::Claim => "Claim",
            Tag::Quote => "Quote",
            Tag::Source => "Source",
        }
    }

    /// The chooser key for this tag: `1`/`C`, `2`/`Q`, `3`/`S` (case-insensitive).
    pub fn from_key(key: &str) -> Option<Tag> {
        match key.to_ascii_lowercase().as_str() {
            "1" | "c" => Some(Tag::Claim),
            "2" | "q" => Some(Tag::Quote),
            "3" | "s" => Some(Tag::Source),
            _ => None,
        }
    }

    pub fn from_name(name: &str) -> Option<Tag> {
        Tag::ALL.into_iter().find(|t| t.name() == name)
    }
}

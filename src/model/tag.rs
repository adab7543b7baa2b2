//! [`Tag`]: what an annotated span is. The set of tags is closed and owned
//! here: code elsewhere iterates [`Tag::ALL`] or indexes by [`Tag::index`]
//! rather than writing the three tags out.

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
    /// How many tags there are.
    pub const COUNT: usize = 3;

    /// All tags in chooser order (keys 1, 2, 3); `ALL[t.index()] == t`.
    pub const ALL: [Tag; Tag::COUNT] = [Tag::Claim, Tag::Quote, Tag::Source];

    /// The position of `self` in [`Tag::ALL`], for arrays indexed by tag. O(1).
    pub const fn index(self) -> usize {
        match self {
            Tag::Claim => 0,
            Tag::Quote => 1,
            Tag::Source => 2,
        }
    }

    /// The tag after `self` in [`Tag::ALL`], the first after the last.
    pub const fn next(self) -> Tag {
        Tag::ALL[(self.index() + 1) % Tag::COUNT]
    }

    /// The tag before `self` in [`Tag::ALL`], the last before the first.
    pub const fn previous(self) -> Tag {
        Tag::ALL[(self.index() + Tag::COUNT - 1) % Tag::COUNT]
    }

    /// The serialised name, also used as CSS class suffix.
    pub const fn name(self) -> &'static str {
        match self {
            Tag::Claim => "claim",
            Tag::Quote => "quote",
            Tag::Source => "source",
        }
    }

    /// The name of the CSS custom highlight that paints this tag
    /// (`::highlight(ann-claim)` in the styles).
    pub const fn highlight(self) -> &'static str {
        match self {
            Tag::Claim => "ann-claim",
            Tag::Quote => "ann-quote",
            Tag::Source => "ann-source",
        }
    }

    /// Human label, capitalised.
    pub const fn label(self) -> &'static str {
        match self {
            Tag::Claim => "Claim",
            Tag::Quote => "Quote",
            Tag::Source => "Source",
        }
    }

    /// Inverse of [`Tag::name`]. O([`Tag::COUNT`]).
    pub fn from_name(name: &str) -> Option<Tag> {
        Tag::ALL.into_iter().find(|t| t.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_is_the_position_in_all() {
        for (i, t) in Tag::ALL.into_iter().enumerate() {
            assert_eq!(t.index(), i, "{t:?}");
            assert_eq!(Tag::from_name(t.name()), Some(t));
            assert_eq!(t.highlight(), format!("ann-{}", t.name()));
        }
    }

    #[test]
    fn next_and_previous_cycle_through_all() {
        let mut t = Tag::Claim;
        let mut seen = Vec::new();
        for _ in 0..Tag::COUNT {
            seen.push(t);
            assert_eq!(t.next().previous(), t);
            t = t.next();
        }
        assert_eq!(seen, Tag::ALL);
        assert_eq!(t, Tag::Claim, "back at the start");
        assert_eq!(Tag::Claim.previous(), Tag::Source);
    }
}

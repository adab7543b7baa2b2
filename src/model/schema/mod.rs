//! The tag set of a session ([`Schema`]): its tags ([`TagDef`]) with their
//! keys, colours and fields, and the types of relation between annotations
//! ([`RelationType`]). Tags are open: an annotation names its tag by
//! [`TagId`], and everything about the tag comes from here.
//!
//! Costs: a schema holds a few dozen tags at most ([`MAX_TAGS`]), so the
//! lookups by id scan the list, O(tags).

mod check;
mod defaults;
mod field;
mod input;
pub mod palette;
pub mod syntax;
mod value;

pub use check::{
    SchemaProblem, MAX_FIELDS, MAX_LABEL_LEN, MAX_RELATION_TYPES, MAX_TAGS, RESERVED_TAG_IDS,
};
pub use field::{FieldDef, FieldKind, FieldProblem, MAX_TEXT_LEN};
pub use palette::Cue;
pub use value::FieldValue;

use super::id::string_id;
use super::{Annotation, Fields};
use serde::{Deserialize, Serialize};

string_id! {
    /// The id of a tag (`"claim"`): lower-case words joined by hyphens
    /// ([`syntax::is_id`]). Its highlight is `ann-<id>` ([`TagDef::highlight`]).
    TagId
}

string_id! {
    /// The id of a field within its tag (`"verdict"`), the key of its value
    /// in an annotation's `fields`. Same form as a [`TagId`].
    FieldId
}

string_id! {
    /// The id of a relation type (`"said-by"`). Same form as a [`TagId`].
    RelationTypeId
}

/// One tag: what the chooser, the highlights and the panel show for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagDef {
    pub id: TagId,
    /// What the page calls it ("Claim"); unique in the set, ignoring case.
    pub label: String,
    /// Its number key in the chooser, `'1'` to `'9'`; unique.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<char>,
    /// Its letter key in the chooser, an ASCII letter (matched ignoring
    /// case); unique.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter: Option<char>,
    /// `"#rrggbb"`, a colour of the [`palette`] (others are shown with the
    /// nearest swatch).
    pub color: String,
    /// Its underline style, the cue that does not rely on colour.
    #[serde(default)]
    pub cue: Cue,
    #[serde(default)]
    pub fields: Vec<FieldDef>,
}

impl TagDef {
    /// A tag without keys or fields, in the palette's first colour.
    pub fn new(id: &str, label: &str) -> Self {
        Self {
            id: id.into(),
            label: label.to_owned(),
            key: None,
            letter: None,
            color: palette::PALETTE[0].color.to_owned(),
            cue: Cue::Solid,
            fields: Vec::new(),
        }
    }

    /// The name of the CSS custom highlight that paints it (`"ann-claim"`).
    pub fn highlight(&self) -> String {
        format!("ann-{}", self.id)
    }

    /// Its field with this id. O(fields).
    pub fn field(&self, id: &FieldId) -> Option<&FieldDef> {
        self.fields.iter().find(|f| f.id == *id)
    }

    /// Its field with this id, by string. O(fields).
    pub fn field_named(&self, id: &str) -> Option<&FieldDef> {
        self.fields.iter().find(|f| f.id == id)
    }

    /// Whether `c` is one of its keys (the digit, or the letter in either case).
    pub fn has_key(&self, c: char) -> bool {
        self.key == Some(c) || self.letter.is_some_and(|l| l.eq_ignore_ascii_case(&c))
    }

    /// The entries of `fields` this tag takes: a field of the same id whose
    /// value fits. What a retag keeps. O(fields × fields of the tag).
    pub fn fitting(&self, fields: &Fields) -> Fields {
        fields
            .iter()
            .filter(|(id, value)| self.field(id).is_some_and(|f| f.check(value).is_ok()))
            .map(|(id, value)| (id.clone(), value.clone()))
            .collect()
    }

    /// The value `a` has for field `id`: stored, else the field's default;
    /// `None` when unset or when the tag has no such field. O(fields + log).
    pub fn value<'a>(&'a self, a: &'a Annotation, id: &str) -> Option<&'a FieldValue> {
        self.field_named(id)?.effective(a.fields.get(id))
    }
}

/// A type of directed relation between two annotations (`said-by`: a quote
/// or claim → its source), and which tags may be at each end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationType {
    pub id: RelationTypeId,
    /// What it is called from its start ("Said by").
    pub label: String,
    /// What it is called from its end ("Quoted"); the label when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub inverse_label: String,
    /// Tags allowed at the start; not empty.
    pub from: Vec<TagId>,
    /// Tags allowed at the end; not empty.
    pub to: Vec<TagId>,
}

impl RelationType {
    /// Whether an annotation tagged `from` may be related to one tagged `to`.
    pub fn allows(&self, from: &TagId, to: &TagId) -> bool {
        self.from.contains(from) && self.to.contains(to)
    }

    /// What it is called from its end.
    pub fn inverse_label(&self) -> &str {
        if self.inverse_label.is_empty() {
            &self.label
        } else {
            &self.inverse_label
        }
    }
}

/// A schema as written in a file, before its checks ([`Schema::new`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchemaParts {
    pub tags: Vec<TagDef>,
    #[serde(default)]
    pub relations: Vec<RelationType>,
}

/// A valid tag set: its tags in chooser order and its relation types.
///
/// Invariants (checked by [`Schema::new`], see [`SchemaProblem`]): at least
/// one tag; ids of tags, of each tag's fields and of relation types are
/// unique and of the form [`syntax::is_id`]; labels are non-empty and
/// unique ignoring case; number keys and letters are unique; colours are
/// `#rrggbb`; choice fields have unique non-empty options, ratings only for
/// options, and defaults fit; relation types name only tags of the set.
///
/// Deserialising checks too: a bad schema fails with the problem's words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "SchemaParts")]
pub struct Schema {
    tags: Vec<TagDef>,
    relations: Vec<RelationType>,
}

impl TryFrom<SchemaParts> for Schema {
    type Error = SchemaProblem;

    fn try_from(parts: SchemaParts) -> Result<Self, SchemaProblem> {
        Schema::new(parts.tags, parts.relations)
    }
}

impl Default for Schema {
    /// Claim, Quote and Source with their fields, and the relations
    /// said-by, evidence, supports and contradicts (see `docs/format.md`).
    fn default() -> Self {
        defaults::default_schema()
    }
}

impl Schema {
    /// A checked schema. O(t² + f²) for t tags and f fields per tag (sets
    /// are small).
    ///
    /// # Errors
    /// The first broken invariant, in the order of the lists.
    pub fn new(tags: Vec<TagDef>, relations: Vec<RelationType>) -> Result<Self, SchemaProblem> {
        check::check(&tags, &relations)?;
        Ok(Self { tags, relations })
    }

    /// The schema as plain parts (to edit and check again).
    pub fn to_parts(&self) -> SchemaParts {
        SchemaParts {
            tags: self.tags.clone(),
            relations: self.relations.clone(),
        }
    }

    /// Tags in chooser order; never empty.
    pub fn tags(&self) -> &[TagDef] {
        &self.tags
    }

    pub fn relation_types(&self) -> &[RelationType] {
        &self.relations
    }

    /// The tag with this id. O(tags).
    pub fn tag(&self, id: &TagId) -> Option<&TagDef> {
        self.tags.iter().find(|t| t.id == *id)
    }

    /// The tag with this id, by string. O(tags).
    pub fn tag_named(&self, id: &str) -> Option<&TagDef> {
        self.tags.iter().find(|t| t.id == id)
    }

    /// The position of tag `id` in [`Schema::tags`], for arrays indexed by
    /// tag. O(tags).
    pub fn index(&self, id: &TagId) -> Option<usize> {
        self.tags.iter().position(|t| t.id == *id)
    }

    /// The first tag (key 1 in the default set).
    pub fn first_tag(&self) -> &TagDef {
        &self.tags[0]
    }

    /// The tag's label, or its id when the set has no such tag.
    pub fn label<'a>(&'a self, id: &'a TagId) -> &'a str {
        self.tag(id).map_or(id.as_str(), |t| t.label.as_str())
    }

    /// The tag after `id` in chooser order, the first after the last (and
    /// the first when `id` is not in the set). O(tags).
    pub fn next(&self, id: &TagId) -> &TagDef {
        let i = self.index(id).map_or(0, |i| (i + 1) % self.tags.len());
        &self.tags[i]
    }

    /// The tag before `id`, the last before the first (the first when `id`
    /// is not in the set). O(tags).
    pub fn previous(&self, id: &TagId) -> &TagDef {
        let n = self.tags.len();
        let i = self.index(id).map_or(0, |i| (i + n - 1) % n);
        &self.tags[i]
    }

    /// The tag whose number key or letter (either case) is `c`. O(tags).
    pub fn tag_for_key(&self, c: char) -> Option<&TagDef> {
        self.tags.iter().find(|t| t.has_key(c))
    }

    /// The relation type with this id. O(relation types).
    pub fn relation_type(&self, id: &RelationTypeId) -> Option<&RelationType> {
        self.relations.iter().find(|r| r.id == *id)
    }

    /// The relation types an annotation tagged `from` may start, to one
    /// tagged `to`.
    pub fn relation_types_between(
        &self,
        from: &TagId,
        to: &TagId,
    ) -> impl Iterator<Item = &RelationType> {
        let (from, to) = (from.clone(), to.clone());
        self.relations.iter().filter(move |r| r.allows(&from, &to))
    }

    /// A new tag for the tag dialog: the first free number key, the first
    /// letter of `label` that is free (else none), the first colour and
    /// cue no tag uses (else the palette's in turn). Not yet checked: the
    /// id or label may be taken.
    pub fn suggest_tag(&self, id: &str, label: &str) -> TagDef {
        let key = ('1'..='9').find(|k| self.tags.iter().all(|t| t.key != Some(*k)));
        let letter = label
            .chars()
            .filter(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_lowercase())
            .find(|c| self.tag_for_key(*c).is_none());
        let n = self.tags.len();
        let swatch = palette::PALETTE
            .iter()
            .find(|s| {
                self.tags
                    .iter()
                    .all(|t| !t.color.eq_ignore_ascii_case(s.color))
            })
            .unwrap_or(&palette::PALETTE[n % palette::PALETTE.len()]);
        let cue = Cue::ALL
            .into_iter()
            .find(|c| self.tags.iter().all(|t| t.cue != *c))
            .unwrap_or(Cue::ALL[n % Cue::ALL.len()]);
        TagDef {
            key,
            letter,
            color: swatch.color.to_owned(),
            cue,
            ..TagDef::new(id, label)
        }
    }
}

#[cfg(test)]
mod tests;

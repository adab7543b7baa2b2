//! The file as serde types (version 2, which reads version 1 too), and the
//! model written into them. Offsets are code points, serialised as plain
//! integers.

use super::excerpt;
use crate::model::limits::MAX_ANNOTATIONS;
use crate::model::reanchor::{Anchoring, Orphan};
use crate::model::selector::describe;
use crate::model::{
    Annotation, AnnotationId, Article, CharOffset, FieldId, Relation, RelationId, RelationTypeId,
    Schema, SchemaParts, TagId, Text,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A file as written: always the current version, with its schema.
#[derive(Serialize)]
pub(super) struct FileOut<'a> {
    pub version: u32,
    pub schema: &'a Schema,
    pub article: ArticleV1,
    pub annotations: Vec<AnnotationV2>,
    pub relations: Vec<RelationV2>,
    /// Annotations carried from another version that could not be placed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub orphans: Vec<AnnotationV2>,
}

/// A file as read, version 1 or 2: version 1 has neither `schema` nor
/// `relations` (nor annotation `fields`); in version 2 they may be left
/// out (the default tag set; none).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileIn {
    pub version: u32,
    #[serde(default)]
    pub schema: Option<SchemaParts>,
    pub article: ArticleV1,
    pub annotations: Capped<AnnotationV2>,
    #[serde(default)]
    pub relations: Option<Vec<RelationV2>>,
    #[serde(default)]
    pub orphans: Vec<AnnotationV2>,
}

/// A list read up to [`MAX_ANNOTATIONS`] items; any more are parsed
/// (syntax is still checked) but only counted, so memory stays bounded.
pub(super) struct Capped<T> {
    /// The first items, at most [`MAX_ANNOTATIONS`].
    pub items: Vec<T>,
    /// How many the list holds.
    pub n: usize,
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Capped<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Items<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Items<T> {
            type Value = Capped<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Capped<T>, A::Error> {
                let (mut items, mut n) = (Vec::new(), 0);
                loop {
                    let more = if items.len() < MAX_ANNOTATIONS {
                        seq.next_element::<T>()?.map(|item| items.push(item))
                    } else {
                        seq.next_element::<serde::de::IgnoredAny>()?.map(drop)
                    };
                    if more.is_none() {
                        return Ok(Capped { items, n });
                    }
                    n += 1;
                }
            }
        }
        d.deserialize_seq(Items(std::marker::PhantomData))
    }
}

#[derive(Serialize, Deserialize)]
pub(super) struct ArticleV1 {
    pub title: String,
    #[serde(default)]
    pub source: String,
    pub text: String,
    /// Optional on import; checked when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// How the text is shown (our addition); paragraphs of the text when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocks: Option<Vec<BlockV1>>,
    /// Inline formatting (our addition); omitted when there is none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inlines: Vec<InlineV1>,
    /// Metadata a web page states (our additions); omitted when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub byline: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub published: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub site_name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BlockV1 {
    pub kind: String,
    pub start: CharOffset,
    pub end: CharOffset,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub extra: bool,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct InlineV1 {
    pub kind: String,
    pub start: CharOffset,
    pub end: CharOffset,
}

/// An annotation; version 1 had no `fields`. Field values stay JSON until
/// they are checked against the tag's definitions.
#[derive(Serialize, Deserialize)]
pub(super) struct AnnotationV2 {
    pub id: AnnotationId,
    pub tag: TagId,
    pub start: CharOffset,
    pub end: CharOffset,
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub fields: BTreeMap<FieldId, serde_json::Value>,
    pub created: String,
    pub modified: String,
    /// Who made it; left out when unknown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub creator: String,
    /// The annotators a gold file's annotation came from; left out when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjudicated_from: Vec<String>,
    /// How the annotation was carried from another version of the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchoring: Option<AnchoringV2>,
}

/// One annotation as a storage or database record holds it (see
/// [`super::annotation_record`]), still unchecked: read it with
/// [`super::read_record`].
#[derive(Deserialize)]
#[serde(transparent)]
pub struct AnnotationRecord(pub(super) AnnotationV2);

/// `status`: `"exact"`, `"moved"` or `"fuzzy"`; `similarity` (fuzzy only):
/// the share of the old quote left, in [0.9, 1).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AnchoringV2 {
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
}

impl AnchoringV2 {
    pub fn of(a: Anchoring) -> Option<Self> {
        let (status, similarity) = match a {
            Anchoring::Exact => ("exact", None),
            Anchoring::Moved => ("moved", None),
            Anchoring::Fuzzy { similarity } => ("fuzzy", Some(f64::from(similarity) / 1000.0)),
            Anchoring::Orphaned => return None,
        };
        Some(Self {
            status: status.into(),
            similarity,
        })
    }

    /// The status, or why it is not one.
    pub fn read(&self) -> Result<Anchoring, String> {
        match (self.status.as_str(), self.similarity) {
            ("exact", None) => Ok(Anchoring::Exact),
            ("moved", None) => Ok(Anchoring::Moved),
            ("fuzzy", Some(s)) if (0.9..1.0).contains(&s) => Ok(Anchoring::Fuzzy {
                similarity: (s * 1000.0).round().min(999.0) as u16,
            }),
            ("fuzzy", _) => {
                Err("its \"fuzzy\" anchoring needs a similarity of at least 0.9 and below 1".into())
            }
            (_, Some(_)) => Err("only a \"fuzzy\" anchoring has a similarity".into()),
            (other, None) => Err(format!(
                "its anchoring status \"{}\" is not \"exact\", \"moved\" or \"fuzzy\"",
                excerpt(other, 20)
            )),
        }
    }
}

/// One relation as a database document holds it (see
/// [`super::relation_record`]), still unchecked: read it with
/// [`super::read_relation_record`].
#[derive(Deserialize)]
#[serde(transparent)]
pub struct RelationRecord(pub(super) RelationV2);

#[derive(Serialize, Deserialize)]
pub(super) struct RelationV2 {
    pub id: RelationId,
    #[serde(rename = "type")]
    pub kind: RelationTypeId,
    pub from: AnnotationId,
    pub to: AnnotationId,
    pub created: String,
}

/// `text` and `sha256` as given (a file has the text and its SHA-256;
/// storage records have neither, see [`super::article_records`]).
pub(super) fn article_v1(article: &Article, text: String, sha256: Option<String>) -> ArticleV1 {
    ArticleV1 {
        title: article.title.clone(),
        source: article.source.clone(),
        text,
        sha256,
        blocks: Some(
            article
                .blocks
                .iter()
                .map(|b| BlockV1 {
                    kind: b.kind.element().to_owned(),
                    start: b.range.start(),
                    end: b.range.end(),
                    extra: b.extra,
                })
                .collect(),
        ),
        inlines: article
            .inlines
            .iter()
            .map(|i| InlineV1 {
                kind: i.kind.name().to_owned(),
                start: i.range.start(),
                end: i.range.end(),
            })
            .collect(),
        byline: article.meta.byline.clone(),
        published: article.meta.published.clone(),
        site_name: article.meta.site_name.clone(),
        url: article.meta.url.clone(),
    }
}

/// `with_context`: fill `prefix` and `suffix` (exports do; storage does not).
pub(super) fn annotation_v2(text: &Text, a: &Annotation, with_context: bool) -> AnnotationV2 {
    let (exact, prefix, suffix) = if with_context {
        let q = describe(text, a.range);
        (q.exact, q.prefix, q.suffix)
    } else {
        (text.slice(a.range).to_owned(), String::new(), String::new())
    };
    AnnotationV2 {
        id: a.id.clone(),
        tag: a.tag.clone(),
        start: a.range.start(),
        end: a.range.end(),
        exact,
        prefix,
        suffix,
        note: a.note.clone(),
        fields: a
            .fields
            .iter()
            .map(|(id, v)| (id.clone(), serde_json::to_value(v).expect("finite values")))
            .collect(),
        created: a.created.clone(),
        modified: a.modified.clone(),
        creator: a.creator.clone(),
        adjudicated_from: a.adjudicated_from.clone(),
        anchoring: None,
    }
}

/// An orphan as written: its offsets and quote are those of the version
/// it was made on.
pub(super) fn orphan_v2(o: &Orphan) -> AnnotationV2 {
    let a = &o.annotation;
    AnnotationV2 {
        exact: o.quote.exact.clone(),
        prefix: o.quote.prefix.clone(),
        suffix: o.quote.suffix.clone(),
        ..annotation_v2(&Text::new(String::new()), a, false)
    }
}

/// A relation as written, unchecked.
pub(super) fn read_relation(r: RelationV2) -> Relation {
    Relation {
        id: r.id,
        kind: r.kind,
        from: r.from,
        to: r.to,
        created: r.created,
    }
}

pub(super) fn relation_v2(r: &Relation) -> RelationV2 {
    RelationV2 {
        id: r.id.clone(),
        kind: r.kind.clone(),
        from: r.from.clone(),
        to: r.to.clone(),
        created: r.created.clone(),
    }
}

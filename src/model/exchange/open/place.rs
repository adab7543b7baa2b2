//! Placing another tool's document ([`Foreign`]) on an article: which
//! article, which tags, where each span goes. A span is placed where its
//! offsets say when the text there is its quote (or when it has no quote),
//! else by its quote and context, else by its changed quote with
//! `reanchor`'s rules (status fuzzy); otherwise it is listed as not placed
//! and kept as an orphan. Nothing else is placed at text that is not its
//! quote.

use super::locate::{locate, orphan_quote, How};
use super::{Foreign, Span};
use crate::model::exchange::view::{hidden, kept_text};
use crate::model::format::{excerpt, sha256_hex, ImportError, Imported, Report};
use crate::model::reanchor::{Carried, Orphan};
use crate::model::schema::syntax::{is_id, MAX_ID_LEN};
use crate::model::{
    Annotation, AnnotationId, Article, FieldKind, FieldValue, Fields, Relation, RelationType,
    Schema, Session, TagDef, TagId, TextRange,
};
use std::collections::{HashMap, HashSet};

/// `foreign` as a session: on `current`'s article when the file has no
/// text or the same text (canonical or readable), else on a new plain
/// article of its text titled `stem`; under `current`'s tag set (the
/// default without one) plus a new tag for each label it lacks.
///
/// # Errors
/// W3C annotations with no article open; a document whose annotations all
/// fail to place; a tag set that cannot take the new tags.
pub(super) fn place(
    foreign: Foreign,
    current: Option<&Session>,
    stem: &str,
) -> Result<Imported, ImportError> {
    let (article, removed, onto_current) = article_for(&foreign, current, stem)?;
    let mut report = Report {
        format: Some(foreign.format),
        onto_current,
        notes: foreign.notes.clone(),
        ..Report::default()
    };
    let mut tags = Tags::new(current.map_or_else(Schema::default, |s| s.schema().clone()));
    let mut annotations = Vec::new();
    let mut ids: HashMap<&str, AnnotationId> = HashMap::new();
    let mut taken: HashSet<String> = HashSet::new();
    let mut n_reanchored = 0;
    let (mut finder, mut carried) = (None, Carried::default());
    for (i, span) in foreign.spans.iter().enumerate() {
        let number = i + 1;
        if span.label.trim().is_empty() {
            report
                .not_placed
                .push(not_placed(number, span, "it has no tag"));
            continue;
        }
        let placed = locate(
            &article.text,
            span,
            &removed,
            foreign.utf16_possible,
            &mut finder,
        );
        if let Err(why) = &placed {
            report.not_placed.push(not_placed(number, span, why));
        }
        let tag = tags.tag(&span.label);
        let fields = tags.fields(&tag, &span.fields, &mut report.fields_not_kept);
        let id = AnnotationId::new(unique_id(&span.id, number, &mut taken));
        let annotation = |range| Annotation {
            id: id.clone(),
            tag,
            range,
            note: span.note.clone(),
            fields,
            created: span.created.clone(),
            modified: span.modified.clone(),
            creator: span.creator.clone(),
            adjudicated_from: Vec::new(),
        };
        let (range, how) = match placed {
            Ok(found) => found,
            // A quote not found for certain is kept, as an orphan.
            Err(_) => {
                if let Some((quote, range)) = orphan_quote(span) {
                    let annotation = annotation(range);
                    carried.orphans.push(Orphan { annotation, quote });
                }
                continue;
            }
        };
        // Never at text that is not its quote but for a fuzzy placement
        // (the fuzz target's invariant; debug builds check it).
        debug_assert!(
            matches!(how, How::Fuzzy(_))
                || span
                    .exact
                    .as_deref()
                    .is_none_or(|e| e.is_empty() || article.text.slice(range) == e)
        );
        if !span.id.is_empty() {
            ids.insert(span.id.as_str(), id.clone());
        }
        match how {
            How::AtOffsets => {}
            How::ByQuote => n_reanchored += 1,
            How::Fuzzy(anchoring) => {
                carried.placed.insert(id.clone(), (range, anchoring));
            }
        }
        annotations.push(annotation(range));
    }
    if annotations.is_empty() && !foreign.spans.is_empty() {
        let elsewhere = match &foreign.source {
            Some(s) if !names_article(s, &article) => format!("; they were made on {s}"),
            _ => String::new(),
        };
        return Err(ImportError::Foreign(format!(
            "none of its {} annotations could be placed in this article{elsewhere} (the first: {})",
            foreign.spans.len(),
            lower(report.not_placed[0].trim_end_matches('.'))
        )));
    }
    let relations = tags.relations(&foreign, &ids, &annotations, &mut report.relations_not_kept);
    report.new_tags = tags.added.clone();
    let schema = tags
        .schema()
        .map_err(|p| ImportError::Foreign(format!("its tags do not fit the tag set: {p}")))?;
    let mut session = Session::from_parts(article, schema, annotations, relations)
        .map_err(|p| ImportError::Shape(p.to_string().trim_end_matches('.').to_owned()))?;
    session.set_carried(carried);
    Ok(Imported {
        session,
        n_reanchored,
        version: crate::model::format::VERSION,
        report,
    })
}

/// The article the spans go on, the ranges of its canonical text the
/// file's text leaves out (its hidden blocks, when the file holds the
/// readable text), and whether it is `current`'s.
fn article_for(
    foreign: &Foreign,
    current: Option<&Session>,
    stem: &str,
) -> Result<(Article, Vec<TextRange>, bool), ImportError> {
    let open = current.map(Session::article);
    let Some(text) = &foreign.text else {
        return match open {
            Some(a) => Ok((a.clone(), Vec::new(), true)),
            None => Err(ImportError::Foreign(
                "a W3C annotation file holds no text: open its article first".into(),
            )),
        };
    };
    if let Some(a) = open {
        if a.text.as_str() == text {
            return Ok((a.clone(), Vec::new(), true));
        }
        let removed = hidden(a);
        if !removed.is_empty() && kept_text(&a.text, &removed).as_str() == text {
            return Ok((a.clone(), removed, true));
        }
    }
    let title = foreign.title.clone().unwrap_or_else(|| stem.to_owned());
    Ok((
        Article::from_plain(title, stem.to_owned(), text.clone()),
        Vec::new(),
        false,
    ))
}

pub(super) fn quoted(s: &str) -> String {
    format!("“{}”", excerpt(s, 40))
}

/// "Annotation 3 (“…”): why."
fn not_placed(number: usize, span: &Span, why: &str) -> String {
    match span.exact.as_deref().filter(|e| !e.is_empty()) {
        Some(e) => format!("Annotation {number} ({}): {why}.", quoted(e)),
        None => format!("Annotation {number}: {why}."),
    }
}

/// `id` when it is free, else `imported-<number>` (then a suffix).
fn unique_id(id: &str, number: usize, taken: &mut HashSet<String>) -> String {
    let mut out = if id.trim().is_empty() {
        format!("imported-{number}")
    } else {
        id.to_owned()
    };
    let mut k = 1;
    while taken.contains(&out) {
        k += 1;
        out = format!("imported-{number}-{k}");
    }
    taken.insert(out.clone());
    out
}

/// The tag set as labels are resolved: found by id, else by label
/// (ignoring case), else added as a new tag.
struct Tags {
    tags: Vec<TagDef>,
    relations: Vec<RelationType>,
    /// Labels of what was added, in order.
    added: Vec<String>,
}

impl Tags {
    fn new(schema: Schema) -> Self {
        let parts = schema.to_parts();
        Self {
            tags: parts.tags,
            relations: parts.relations,
            added: Vec::new(),
        }
    }

    fn tag(&mut self, label: &str) -> TagId {
        let label = label.trim();
        if let Some(t) = self
            .tags
            .iter()
            .find(|t| t.id == label || t.label.eq_ignore_ascii_case(label))
        {
            return t.id.clone();
        }
        let schema = Schema::new(self.tags.clone(), Vec::new()).ok();
        let id = new_id(label, |id| self.tags.iter().any(|t| t.id == id));
        let def = match schema {
            Some(s) => s.suggest_tag(&id, label),
            None => TagDef::new(&id, label),
        };
        self.added.push(label.to_owned());
        self.tags.push(def);
        TagId::new(id)
    }

    /// The fields of `tag` from their text values; those that fit no field
    /// are counted in `dropped`.
    fn fields(&self, tag: &TagId, raw: &[(String, String)], dropped: &mut usize) -> Fields {
        let mut out = Fields::new();
        let def = self.tags.iter().find(|t| t.id == *tag);
        for (name, text) in raw {
            let field = def.and_then(|d| d.field_named(name));
            match field.and_then(|f| {
                field_value(&f.kind, text)
                    .filter(|v| f.check(v).is_ok())
                    .map(|v| (f, v))
            }) {
                Some((f, v)) => {
                    out.insert(f.id.clone(), v);
                }
                None => *dropped += 1,
            }
        }
        out
    }

    /// The links whose ends were placed and whose type allows their tags;
    /// others counted in `dropped`. An unknown type is added, allowing any
    /// tags.
    fn relations(
        &mut self,
        foreign: &Foreign,
        ids: &HashMap<&str, AnnotationId>,
        annotations: &[Annotation],
        dropped: &mut usize,
    ) -> Vec<Relation> {
        let tag_of: HashMap<&AnnotationId, &TagId> =
            annotations.iter().map(|a| (&a.id, &a.tag)).collect();
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for (i, l) in foreign.links.iter().enumerate() {
            let ends = ids.get(l.from.as_str()).zip(ids.get(l.to.as_str()));
            let Some((from, to)) = ends.filter(|(f, t)| f != t) else {
                *dropped += 1;
                continue;
            };
            let kind = self.relation_type(&l.kind);
            let rt = self
                .relations
                .iter()
                .find(|r| r.id == kind)
                .expect("just resolved");
            if !rt.allows(tag_of[from], tag_of[to])
                || !seen.insert((kind.clone(), from.clone(), to.clone()))
            {
                *dropped += 1;
                continue;
            }
            let id = if l.id.is_empty() {
                format!("imported-r{}", i + 1)
            } else {
                l.id.clone()
            };
            out.push(Relation {
                id: id.as_str().into(),
                kind,
                from: from.clone(),
                to: to.clone(),
                created: l.created.clone(),
            });
        }
        let mut ids = HashSet::new();
        for (i, r) in out.iter_mut().enumerate() {
            if !ids.insert(r.id.as_str().to_owned()) {
                r.id = format!("imported-r{}-{}", i + 1, ids.len()).as_str().into();
            }
        }
        out
    }

    fn relation_type(&mut self, label: &str) -> crate::model::RelationTypeId {
        let label = match label.trim() {
            "" => "related",
            l => l,
        };
        if let Some(r) = self
            .relations
            .iter()
            .find(|r| r.id == label || r.label.eq_ignore_ascii_case(label))
        {
            return r.id.clone();
        }
        let id = new_id(label, |id| self.relations.iter().any(|r| r.id == id));
        let all: Vec<TagId> = self.tags.iter().map(|t| t.id.clone()).collect();
        self.relations.push(RelationType {
            id: id.as_str().into(),
            label: label.to_owned(),
            inverse_label: String::new(),
            from: all.clone(),
            to: all,
        });
        self.added.push(label.to_owned());
        id.as_str().into()
    }

    /// The checked tag set (relation types are resolved after every tag,
    /// so a new type allows every tag).
    fn schema(self) -> Result<Schema, crate::model::SchemaProblem> {
        Schema::new(self.tags, self.relations)
    }
}

/// An id of the form tags need, from `label`: its ASCII letters and digits
/// in lower case joined by hyphens (`"Person name"` → `person-name`),
/// `tag` when none; a number appended while `taken`.
fn new_id(label: &str, taken: impl Fn(&str) -> bool) -> String {
    let words: Vec<String> = label
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let mut base = words.join("-");
    if !is_id(&base) {
        base = format!("tag-{base}").trim_end_matches('-').to_owned();
    }
    // Room for a "-k" suffix within the longest id: a longer base made
    // every candidate invalid, and this loop never ended (a fuzz finding).
    base.truncate(MAX_ID_LEN - 5);
    let base = base.trim_end_matches('-').to_owned();
    let mut id = base.clone();
    let mut k = 1;
    while taken(&id) || !is_id(&id) {
        k += 1;
        id = format!("{base}-{k}");
    }
    id
}

/// A field value from its text in another tool's file: a choice's option
/// (or that option with `_` for spaces, as brat writes it), yes-no as
/// `yes`/`no`/`true`/`false`, a number, or the text itself.
fn field_value(kind: &FieldKind, text: &str) -> Option<FieldValue> {
    Some(match kind {
        FieldKind::Choice { options, .. } => FieldValue::Text(
            options
                .iter()
                .find(|o| *o == text || o.replace(' ', "_") == text)?
                .clone(),
        ),
        FieldKind::YesNo => FieldValue::Bool(match text {
            "yes" | "true" => true,
            "no" | "false" => false,
            _ => return None,
        }),
        FieldKind::Number => FieldValue::Number(text.parse().ok().filter(|n: &f64| n.is_finite())?),
        _ => FieldValue::Text(text.to_owned()),
    })
}

fn lower(s: &str) -> String {
    crate::model::format::lower_first(s)
}

/// Whether `source` (a W3C `target.source`) names this article: its URL,
/// or the `urn:sha256:` of its text.
fn names_article(source: &str, article: &Article) -> bool {
    source == article.meta.url
        || source == article.source
        || source.strip_prefix("urn:sha256:") == Some(&sha256_hex(article.text.as_str()))
}

//! The panel as a worklist: which annotations it lists ([`Filter`]), and
//! what a row says about an annotation beyond its text (its fields, its
//! links). Pure: the panel renders from these, tests check them natively.

use crate::model::case::Lowercase;
use crate::model::format::excerpt;
use crate::model::{Annotation, AnnotationId, FieldId, RelationId, Session, TagId};

/// What the panel lists: annotations with this tag, this value of a
/// choice or yes/no field (the field's default counts where it is unset:
/// "claims whose verdict is still Unverified"), and this text in their
/// span or note (ignoring case). Each part is off when `None` or empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub tag: Option<TagId>,
    /// (tag, field, value as its editor shows it: "Unverified", "yes").
    pub field: Option<(TagId, FieldId, String)>,
    pub text: String,
}

impl Filter {
    pub fn is_off(&self) -> bool {
        self.tag.is_none() && self.field.is_none() && self.text.trim().is_empty()
    }

    /// Whether the panel lists `a`. O(fields + length of span and note).
    pub fn matches(&self, session: &Session, a: &Annotation, text_lower: &str) -> bool {
        if self.tag.as_ref().is_some_and(|t| *t != a.tag) {
            return false;
        }
        if let Some((tag, field, want)) = &self.field {
            let def = session.schema().tag(tag).and_then(|t| t.field(field));
            let shown = def.map(|d| d.input(a.fields.get(field)));
            if *tag != a.tag || shown.as_deref() != Some(want.as_str()) {
                return false;
            }
        }
        text_lower.is_empty()
            || session
                .article()
                .text
                .slice(a.range)
                .lowercase()
                .contains(text_lower)
            || a.note.lowercase().contains(text_lower)
    }

    /// The indices (in reading order) of the annotations listed; `None`
    /// when the filter is off and all are. O(n) otherwise.
    pub fn rows(&self, session: &Session) -> Option<Vec<usize>> {
        if self.is_off() {
            return None;
        }
        let lower = self.text.trim().lowercase();
        let all = session.annotations().iter().enumerate();
        Some(
            all.filter(|(_, a)| self.matches(session, a, &lower))
                .map(|(i, _)| i)
                .collect(),
        )
    }
}

/// The filters the panel offers for field values: one per option of every
/// choice field and per answer of every yes/no field, as (tag, field,
/// value, "Claim · Verdict: Unverified"). O(tags × fields × options).
pub fn field_filters(session: &Session) -> Vec<(TagId, FieldId, String, String)> {
    use crate::model::FieldKind;
    let mut out = Vec::new();
    for t in session.schema().tags() {
        for f in &t.fields {
            let values: Vec<String> = match &f.kind {
                FieldKind::Choice { options, .. } => options.clone(),
                FieldKind::YesNo => vec!["yes".into(), "no".into()],
                _ => continue,
            };
            for v in values {
                let label = format!("{} · {}: {v}", t.label, f.label);
                out.push((t.id.clone(), f.id.clone(), v, label));
            }
        }
    }
    out
}

/// A row's summary of `a`'s fields that have a value: "Verdict: False ·
/// Check-worthy: yes" (defaults included, so an open claim says
/// "Verdict: Unverified").
pub fn fields_summary(session: &Session, a: &Annotation) -> String {
    let Some(tag) = session.schema().tag(&a.tag) else {
        return String::new();
    };
    tag.fields
        .iter()
        .filter_map(|f| {
            let shown = f.input(a.fields.get(&f.id));
            (!shown.is_empty()).then(|| format!("{}: {}", f.label, excerpt(&shown, 40)))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// One link of an annotation as its row shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub id: RelationId,
    /// What it is from this side ("Said by", "Source of").
    pub label: String,
    pub other: AnnotationId,
    pub other_text: String,
}

/// The links of annotation `id`, in the order they were made. O(k log r).
pub fn links(session: &Session, id: &AnnotationId) -> Vec<Link> {
    session
        .relations_of(id)
        .filter_map(|r| {
            let t = session.schema().relation_type(&r.kind)?;
            let other = r.other_end(id)?;
            let b = session.get(other)?;
            let label = if r.from == *id {
                t.label.clone()
            } else {
                t.inverse_label().to_owned()
            };
            Some(Link {
                id: r.id.clone(),
                label,
                other: other.clone(),
                other_text: excerpt(session.article().text.slice(b.range), 40),
            })
        })
        .collect()
}

/// "Said by: Zas", or for several links of one kind "Source of (3): …".
pub fn links_summary(links: &[Link]) -> Vec<(String, usize)> {
    let mut groups: Vec<(String, usize)> = Vec::new();
    for l in links {
        match groups.iter_mut().find(|(label, _)| *label == l.label) {
            Some(g) => g.1 += 1,
            None => groups.push((l.label.clone(), 1)),
        }
    }
    groups
}

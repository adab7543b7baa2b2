//! Planning annotation and relation commands: each is checked against the
//! session and turned into the effects that carry it out (see
//! [`crate::model::Change`] for their shapes).

use super::Session;
use crate::model::limits::{check_names, check_note};
use crate::model::{
    Annotation, AnnotationId, Command, Effect, FieldProblem, Fields, Problem, Relation, Schema,
    TagDef, TagId,
};

/// Whether every entry of `fields` is a field of `def` whose value fits.
/// O(fields × fields of the tag).
///
/// # Errors
/// [`Problem::Field`] for the first that is not, in id order.
pub(crate) fn check_fields(def: &TagDef, fields: &Fields) -> Result<(), Problem> {
    for (id, value) in fields {
        let Some(field) = def.field(id) else {
            return Err(Problem::Field {
                field: id.to_string(),
                value: value.to_json(),
                problem: FieldProblem::Unknown {
                    tag: def.label.clone(),
                    known: def.fields.iter().map(|f| f.id.clone()).collect(),
                },
            });
        };
        field.check(value).map_err(|problem| Problem::Field {
            field: field.label.clone(),
            value: value.to_json(),
            problem,
        })?;
    }
    Ok(())
}

/// Add the `Unlinked` effects of `effects` to `unlinks`, each relation
/// once. O(|unlinks| × |effects|): plain lists, since a step unlinks a few
/// relations (and a set would cost the page a hash table instance).
pub(super) fn unlink_once(unlinks: &mut Vec<Effect>, effects: impl IntoIterator<Item = Effect>) {
    for e in effects {
        let id = &e.relation().expect("an unlink").id;
        if !unlinks
            .iter()
            .any(|u| u.relation().is_some_and(|r| r.id == *id))
        {
            unlinks.push(e);
        }
    }
}

/// Whether `schema` allows relation `r` between ends tagged `from` and `to`.
pub(super) fn relation_fits(schema: &Schema, r: &Relation, from: &TagId, to: &TagId) -> bool {
    schema
        .relation_type(&r.kind)
        .is_some_and(|t| t.allows(from, to))
}

impl Session {
    fn existing(&self, id: &AnnotationId) -> Result<&Annotation, Problem> {
        self.get(id)
            .ok_or_else(|| Problem::NoSuchAnnotation(id.clone()))
    }

    fn tag_def(&self, id: &TagId) -> Result<&TagDef, Problem> {
        self.schema
            .tag(id)
            .ok_or_else(|| Problem::UnknownTag(id.clone()))
    }

    /// The tag annotation `id` has (it must exist).
    pub(super) fn tag_of(&self, id: &AnnotationId) -> &TagId {
        &self.get(id).expect("relation ends exist").tag
    }

    /// The effects of the session's command `command`, or why it cannot apply.
    pub(super) fn plan(&self, command: Command) -> Result<Vec<Effect>, Problem> {
        let updated = |before: &Annotation, after: Annotation| Effect::Updated {
            before: before.clone(),
            after,
        };
        Ok(match command {
            Command::Tag(mut a) => {
                if self.index.spans.contains_key(&a.id) {
                    return Err(Problem::DuplicateId(a.id));
                }
                check_note(&a.note).map_err(Problem::NoteTooLong)?;
                check_names(&a.creator, &a.adjudicated_from).map_err(Problem::CreatorTooLong)?;
                check_fields(self.tag_def(&a.tag)?, &a.fields)?;
                a.range = self.normalize(a.range).ok_or(Problem::EmptySpan)?;
                let links = self.relinks(&a);
                std::iter::once(Effect::Added(a)).chain(links).collect()
            }
            Command::Retag { id, tag, at } => {
                let before = self.existing(&id)?;
                let fields = self.tag_def(&tag)?.fitting(&before.fields);
                let mut effects = self.unlinks_for_retag(&id, &tag);
                let after = Annotation {
                    tag,
                    fields,
                    modified: at,
                    ..before.clone()
                };
                effects.push(updated(before, after));
                effects
            }
            Command::Edit {
                id,
                tag,
                note,
                fields,
                at,
            } => {
                let before = self.existing(&id)?;
                check_note(&note).map_err(Problem::NoteTooLong)?;
                check_fields(self.tag_def(&tag)?, &fields)?;
                let mut effects = self.unlinks_for_retag(&id, &tag);
                let after = Annotation {
                    tag,
                    note,
                    fields,
                    modified: at,
                    ..before.clone()
                };
                effects.push(updated(before, after));
                effects
            }
            Command::Note { id, note, at } => {
                let before = self.existing(&id)?;
                check_note(&note).map_err(Problem::NoteTooLong)?;
                let after = Annotation {
                    note,
                    modified: at,
                    ..before.clone()
                };
                vec![updated(before, after)]
            }
            Command::SetField {
                id,
                field,
                value,
                at,
            } => {
                let before = self.existing(&id)?;
                let mut fields = before.fields.clone();
                match value {
                    Some(value) => {
                        fields.insert(field, value);
                    }
                    None => {
                        fields.remove(&field);
                    }
                }
                check_fields(self.tag_def(&before.tag)?, &fields)?;
                let after = Annotation {
                    fields,
                    modified: at,
                    ..before.clone()
                };
                vec![updated(before, after)]
            }
            Command::Resize { id, range, at } => {
                let before = self.existing(&id)?;
                let after = Annotation {
                    range: self.normalize(range).ok_or(Problem::EmptySpan)?,
                    modified: at,
                    ..before.clone()
                };
                vec![updated(before, after)]
            }
            Command::Remove { id } => {
                let a = self.existing(&id)?;
                let mut effects: Vec<Effect> = self
                    .relations_of(&id)
                    .map(|r| Effect::Unlinked(r.clone()))
                    .collect();
                effects.push(Effect::Removed(a.clone()));
                effects
            }
            Command::Replace { remove, add } => self.plan_replace(&remove, add)?,
            Command::Merge {
                put,
                remove,
                link,
                unlink,
            } => self.plan_merge(put, remove, link, unlink)?,
            Command::Link(r) => {
                self.check_link(&r)?;
                vec![Effect::Linked(r)]
            }
            Command::Unlink { id } => {
                let r = self
                    .relation(&id)
                    .ok_or_else(|| Problem::NoSuchRelation(id.clone()))?;
                vec![Effect::Unlinked(r.clone())]
            }
            schema_command => self.plan_schema(schema_command)?,
        })
    }

    /// The effects of [`Command::Replace`]: the relations of the removed
    /// annotations unlinked (each once), the annotations removed, the new
    /// ones added. O((removed + added)² + their relations): a decision's
    /// lists are a few long.
    fn plan_replace(
        &self,
        remove: &[AnnotationId],
        add: Vec<Annotation>,
    ) -> Result<Vec<Effect>, Problem> {
        // Decisions touch a few annotations: plain lists beat sets here
        // (and cost the page no new set code).
        let (mut unlinks, mut removals) = (Vec::new(), Vec::<Effect>::new());
        for id in remove {
            let a = self.existing(id)?;
            if removals
                .iter()
                .any(|e| e.annotation().is_some_and(|b| b.id == *id))
            {
                continue;
            }
            unlink_once(
                &mut unlinks,
                self.relations_of(id).cloned().map(Effect::Unlinked),
            );
            removals.push(Effect::Removed(a.clone()));
        }
        for (k, a) in add.iter().enumerate() {
            if self.index.spans.contains_key(&a.id) || add[..k].iter().any(|b| b.id == a.id) {
                return Err(Problem::DuplicateId(a.id.clone()));
            }
            self.check_as_is(a)?;
        }
        unlinks.extend(removals);
        unlinks.extend(add.into_iter().map(Effect::Added));
        Ok(unlinks)
    }

    /// Whether `a` could be put in the session as it is (its range
    /// neither trimmed nor clipped): non-empty, inside the text, a note
    /// and names within the limits, a tag of the set, fields that fit it.
    pub(super) fn check_as_is(&self, a: &Annotation) -> Result<(), Problem> {
        let text_len = self.article.text.char_len();
        if a.range.end().get() > text_len {
            let (id, range) = (a.id.clone(), a.range);
            return Err(Problem::OutsideText {
                id,
                range,
                text_len,
            });
        }
        if a.range.is_empty() {
            return Err(Problem::EmptySpan);
        }
        check_note(&a.note).map_err(Problem::NoteTooLong)?;
        check_names(&a.creator, &a.adjudicated_from).map_err(Problem::CreatorTooLong)?;
        check_fields(self.tag_def(&a.tag)?, &a.fields)
    }

    /// Linking the waiting relations of `a`, an orphan being attached,
    /// whose other end is in the session and which the tag set allows.
    /// O(carried relations); nothing for a new annotation.
    fn relinks(&self, a: &Annotation) -> Vec<Effect> {
        let waiting = &self.carried.relations;
        if waiting.is_empty() || !self.carried.orphans.iter().any(|o| o.annotation.id == a.id) {
            return Vec::new();
        }
        let tag_of = |id: &AnnotationId| {
            if *id == a.id {
                Some(&a.tag)
            } else {
                self.get(id).map(|b| &b.tag)
            }
        };
        waiting
            .iter()
            .filter(|r| (r.from == a.id || r.to == a.id) && r.from != r.to)
            .filter(|r| !self.relations.contains_key(&r.id))
            .filter(|r| {
                let other = if r.from == a.id { &r.to } else { &r.from };
                !self
                    .relations_of(other)
                    .any(|s| s.kind == r.kind && s.from == r.from && s.to == r.to)
            })
            .filter(|r| {
                match (
                    tag_of(&r.from),
                    tag_of(&r.to),
                    self.schema.relation_type(&r.kind),
                ) {
                    (Some(from), Some(to), Some(kind)) => kind.allows(from, to),
                    _ => false,
                }
            })
            .map(|r| Effect::Linked(r.clone()))
            .collect()
    }

    /// Unlinking the relations of annotation `id` that it could not take
    /// part in with tag `tag`. O(k log n).
    pub(super) fn unlinks_for_retag(&self, id: &AnnotationId, tag: &TagId) -> Vec<Effect> {
        self.relations_of(id)
            .filter(|r| {
                let from = if r.from == *id {
                    tag
                } else {
                    self.tag_of(&r.from)
                };
                let to = if r.to == *id { tag } else { self.tag_of(&r.to) };
                !relation_fits(&self.schema, r, from, to)
            })
            .map(|r| Effect::Unlinked(r.clone()))
            .collect()
    }

    /// Whether `r` could be added. O(log n + k log r).
    ///
    /// # Errors
    /// The first rule it breaks: a new id, a known type, ends that exist
    /// and differ, tags the type allows, no such link already.
    pub(super) fn check_link(&self, r: &Relation) -> Result<(), Problem> {
        if self.relations.contains_key(&r.id) {
            return Err(Problem::DuplicateRelationId(r.id.clone()));
        }
        let from = self.existing(&r.from)?;
        let to = self.existing(&r.to)?;
        self.check_relation_ends(r, from, to)?;
        if self.duplicate_of(r).is_some() {
            let kind = self.schema.relation_type(&r.kind).expect("checked");
            return Err(Problem::DuplicateRelation(kind.label.clone()));
        }
        Ok(())
    }

    /// Whether `r` may link `from` to `to`: a known type, two different
    /// ends, tags the type allows. O(types).
    ///
    /// # Errors
    /// The first rule it breaks.
    pub(super) fn check_relation_ends(
        &self,
        r: &Relation,
        from: &Annotation,
        to: &Annotation,
    ) -> Result<(), Problem> {
        let kind = self
            .schema
            .relation_type(&r.kind)
            .ok_or_else(|| Problem::UnknownRelationType(r.kind.clone()))?;
        if r.from == r.to {
            return Err(Problem::SelfRelation);
        }
        if !kind.allows(&from.tag, &to.tag) {
            let labels = |tags: &[TagId]| {
                tags.iter()
                    .map(|t| self.schema.label(t).to_owned())
                    .collect()
            };
            return Err(Problem::RelationNotAllowed {
                relation: kind.label.clone(),
                from: self.schema.label(&from.tag).to_owned(),
                to: self.schema.label(&to.tag).to_owned(),
                allowed_from: labels(&kind.from),
                allowed_to: labels(&kind.to),
            });
        }
        Ok(())
    }
}

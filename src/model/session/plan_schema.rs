//! Planning schema commands: tags and relation types added, changed,
//! moved and removed, and whole tag sets, each with what it does to the
//! annotations and relations that use them. O(n + r) each.

use super::plan::{check_fields, relation_fits};
use super::Session;
use crate::model::case::Lowercase;
use crate::model::{Annotation, Command, Disposal, Effect, Problem, Schema, SchemaParts, TagId};

impl Session {
    /// The effects of a schema command (any other command is a bug).
    pub(super) fn plan_schema(&self, command: Command) -> Result<Vec<Effect>, Problem> {
        let mut parts = self.schema.to_parts();
        let mut effects = Vec::new();
        match command {
            Command::AddTag(tag) => parts.tags.push(tag),
            Command::UpdateTag { tag, at } => {
                let i = self.tag_index(&tag.id)?;
                parts.tags[i] = tag.clone();
                let schema = checked(parts.clone())?;
                let def = schema.tag(&tag.id).expect("just put there");
                let mut misfits = self
                    .annotations
                    .iter()
                    .filter(|a| a.tag == tag.id)
                    .flat_map(|a| {
                        a.fields
                            .iter()
                            .filter(|(id, v)| def.field(id).is_some_and(|f| f.check(v).is_err()))
                    });
                if let Some((id, value)) = misfits.next() {
                    return Err(Problem::ValuesDoNotFit {
                        tag: tag.label.clone(),
                        field: def.field(id).map_or(id.to_string(), |f| f.label.clone()),
                        n: 1 + misfits.count(),
                        example: value.to_json(),
                    });
                }
                for a in self.annotations.iter().filter(|a| a.tag == tag.id) {
                    let fields = def.fitting(&a.fields);
                    if fields != a.fields {
                        effects.push(Effect::Updated {
                            before: a.clone(),
                            after: Annotation {
                                fields,
                                modified: at.clone(),
                                ..a.clone()
                            },
                        });
                    }
                }
            }
            Command::MoveTag { id, index } => {
                let i = self.tag_index(&id)?;
                let n_tags = parts.tags.len();
                if index >= n_tags {
                    return Err(Problem::NoSuchPosition { index, n_tags });
                }
                let tag = parts.tags.remove(i);
                parts.tags.insert(index, tag);
            }
            Command::RemoveTag { id, then, at } => {
                return self.plan_remove_tag(parts, &id, then, &at);
            }
            Command::AddRelationType(kind) => parts.relations.push(kind),
            Command::UpdateRelationType(kind) => {
                let i = self.relation_type_index(&kind)?;
                parts.relations[i] = kind.clone();
                let n = self
                    .relations
                    .values()
                    .filter(|r| r.kind == kind.id)
                    .filter(|r| !kind.allows(self.tag_of(&r.from), self.tag_of(&r.to)))
                    .count();
                if n > 0 {
                    return Err(Problem::RelationsDoNotFit {
                        relation: kind.label,
                        n,
                    });
                }
            }
            Command::RemoveRelationType { id } => {
                let i = parts
                    .relations
                    .iter()
                    .position(|k| k.id == id)
                    .ok_or_else(|| Problem::UnknownRelationType(id.clone()))?;
                parts.relations.remove(i);
                effects.extend(
                    self.relations
                        .values()
                        .filter(|r| r.kind == id)
                        .map(|r| Effect::Unlinked(r.clone())),
                );
            }
            Command::UseSchema(schema) => {
                self.check_fit(&schema).map_err(Problem::SchemaDoesNotFit)?;
                parts = schema.to_parts();
            }
            _ => unreachable!("plan handles annotation and relation commands"),
        }
        effects.push(self.schema_effect(checked(parts)?));
        Ok(effects)
    }

    fn schema_effect(&self, after: Schema) -> Effect {
        Effect::Schema {
            before: Box::new(self.schema.clone()),
            after: Box::new(after),
        }
    }

    fn tag_index(&self, id: &TagId) -> Result<usize, Problem> {
        self.schema
            .index(id)
            .ok_or_else(|| Problem::UnknownTag(id.clone()))
    }

    fn relation_type_index(&self, kind: &crate::model::RelationType) -> Result<usize, Problem> {
        self.schema
            .relation_types()
            .iter()
            .position(|k| k.id == kind.id)
            .ok_or_else(|| Problem::UnknownRelationType(kind.id.clone()))
    }

    /// Removing tag `id`: relation types lose it (those left without tags at
    /// an end go); its annotations are retagged or deleted; relations that
    /// no longer fit go first.
    fn plan_remove_tag(
        &self,
        mut parts: SchemaParts,
        id: &TagId,
        then: Disposal,
        at: &str,
    ) -> Result<Vec<Effect>, Problem> {
        let i = self.tag_index(id)?;
        parts.tags.remove(i);
        for kind in &mut parts.relations {
            kind.from.retain(|t| t != id);
            kind.to.retain(|t| t != id);
        }
        parts
            .relations
            .retain(|k| !k.from.is_empty() && !k.to.is_empty());
        let schema = checked(parts)?;
        let target = match &then {
            Disposal::Retag(t) if t == id => return Err(Problem::RetagToRemovedTag),
            Disposal::Retag(t) => Some(
                schema
                    .tag(t)
                    .ok_or_else(|| Problem::UnknownTag(t.clone()))?,
            ),
            Disposal::Delete => None,
        };
        // The tag each end will have; `None`: the annotation goes.
        let new_tag = |a: &TagId| -> Option<TagId> {
            if a != id {
                Some(a.clone())
            } else {
                target.map(|t| t.id.clone())
            }
        };
        let mut effects: Vec<Effect> = self
            .relations
            .values()
            .filter(|r| {
                let ends = (new_tag(self.tag_of(&r.from)), new_tag(self.tag_of(&r.to)));
                !matches!(ends, (Some(f), Some(t)) if relation_fits(&schema, r, &f, &t))
            })
            .map(|r| Effect::Unlinked(r.clone()))
            .collect();
        for a in self.annotations.iter().filter(|a| a.tag == *id) {
            effects.push(match target {
                None => Effect::Removed(a.clone()),
                Some(t) => Effect::Updated {
                    before: a.clone(),
                    after: Annotation {
                        tag: t.id.clone(),
                        fields: t.fitting(&a.fields),
                        modified: at.to_owned(),
                        ..a.clone()
                    },
                },
            });
        }
        effects.push(self.schema_effect(schema));
        Ok(effects)
    }

    /// Why `schema` does not fit the annotations and relations, if it does not.
    fn check_fit(&self, schema: &Schema) -> Result<(), String> {
        for a in &self.annotations {
            let Some(def) = schema.tag(&a.tag) else {
                let n = self.count(&a.tag);
                return Err(format!(
                    "it has no tag \"{}\", which {n} annotation{} ha{}",
                    a.tag,
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "s" } else { "ve" }
                ));
            };
            if let Err(p) = check_fields(def, &a.fields) {
                let text = crate::model::format::excerpt(self.article.text.slice(a.range), 40);
                let p = p.to_string();
                return Err(format!(
                    "for the {} “{text}”, {}",
                    def.label.lowercase(),
                    crate::model::format::lower_first(p.trim_end_matches('.'))
                ));
            }
        }
        for r in self.relations.values() {
            let (from, to) = (self.tag_of(&r.from), self.tag_of(&r.to));
            if !relation_fits(schema, r, from, to) {
                return Err(match schema.relation_type(&r.kind) {
                    None => format!("it has no relation type \"{}\"", r.kind),
                    Some(k) => format!(
                        "its relation type \"{}\" does not link a {} to a {}",
                        k.label,
                        schema.label(from).lowercase(),
                        schema.label(to).lowercase()
                    ),
                });
            }
        }
        Ok(())
    }
}

fn checked(parts: SchemaParts) -> Result<Schema, Problem> {
    Schema::new(parts.tags, parts.relations).map_err(Problem::Schema)
}

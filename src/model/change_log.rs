//! [`ChangeLog`]: a session's revision number, what each recent change
//! touched (annotations, relations, the schema), and the revision last
//! exported.

use super::{AnnotationId, Effect, RelationId};
use std::collections::{HashSet, VecDeque};

/// Changes remembered for [`ChangeLog::touched_since`].
pub const LOG_LEN: usize = 1024;

/// What changes touched: the ids of annotations and relations added,
/// changed or removed, each once in the order first touched, and whether
/// the schema changed. What the autosave writes: one record per
/// annotation, per relation and one for the schema.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Touched {
    pub annotations: Vec<AnnotationId>,
    pub relations: Vec<RelationId>,
    pub schema: bool,
}

/// What one revision touched.
#[derive(Clone, Debug, Default)]
struct Entry {
    annotations: Vec<AnnotationId>,
    relations: Vec<RelationId>,
    schema: bool,
}

/// Invariant: `entries[i]` is what revision
/// `revision - entries.len() + 1 + i` touched, and `entries.len() <= LOG_LEN`.
#[derive(Clone, Debug)]
pub struct ChangeLog {
    revision: u64,
    entries: VecDeque<Entry>,
    /// Everything up to this revision is exported; `None`: not even that.
    exported_at: Option<u64>,
}

impl ChangeLog {
    /// Revision 0, nothing unexported.
    pub fn new() -> Self {
        Self {
            revision: 0,
            entries: VecDeque::new(),
            exported_at: Some(0),
        }
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// A new revision that carried out `effects`. O(effects).
    pub fn record(&mut self, effects: &[Effect]) {
        self.revision += 1;
        if self.entries.len() == LOG_LEN {
            self.entries.pop_front();
        }
        let mut entry = Entry::default();
        for e in effects {
            match e {
                Effect::Schema { .. } => entry.schema = true,
                Effect::Linked(r) | Effect::Unlinked(r) => entry.relations.push(r.id.clone()),
                Effect::Added(a) | Effect::Removed(a) | Effect::Updated { after: a, .. } => {
                    entry.annotations.push(a.id.clone())
                }
            }
        }
        self.entries.push_back(entry);
    }

    /// What was touched after `revision`; `None` when `revision` is in the
    /// future or older than the log. O(k) for k ids touched since.
    pub fn touched_since(&self, revision: u64) -> Option<Touched> {
        let n = usize::try_from(self.revision.checked_sub(revision)?).ok()?;
        let skip = self.entries.len().checked_sub(n)?;
        let mut seen_a = HashSet::new();
        let mut seen_r = HashSet::new();
        let mut out = Touched::default();
        for entry in self.entries.iter().skip(skip) {
            out.schema |= entry.schema;
            for id in &entry.annotations {
                if seen_a.insert(id.as_str()) {
                    out.annotations.push(id.clone());
                }
            }
            for id in &entry.relations {
                if seen_r.insert(id.as_str()) {
                    out.relations.push(id.clone());
                }
            }
        }
        Some(out)
    }

    pub fn has_unexported(&self) -> bool {
        self.exported_at != Some(self.revision)
    }

    pub fn set_unexported(&mut self, unexported: bool) {
        self.exported_at = (!unexported).then_some(self.revision);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Relation, Schema};

    fn relation(id: &str) -> Relation {
        Relation {
            id: id.into(),
            kind: "said-by".into(),
            from: "q".into(),
            to: "s".into(),
            created: String::new(),
        }
    }

    #[test]
    fn the_log_forgets_the_oldest_change() {
        let mut log = ChangeLog::new();
        for i in 0..=LOG_LEN {
            log.record(&[Effect::Linked(relation(&format!("r{}", i % 3)))]);
        }
        let n = u64::try_from(LOG_LEN).unwrap();
        assert_eq!(log.revision(), n + 1);
        assert_eq!(log.touched_since(0), None, "one change too far back");
        let all = log.touched_since(1).unwrap();
        assert_eq!(all.relations, ["r1", "r2", "r0"].map(RelationId::from));
        assert!(all.annotations.is_empty() && !all.schema);
        assert_eq!(log.touched_since(n + 1), Some(Touched::default()));
        assert_eq!(log.touched_since(n + 2), None, "the future");
    }

    #[test]
    fn a_schema_change_is_remembered_until_it_is_older_than_asked() {
        let mut log = ChangeLog::new();
        let schema = Box::new(Schema::default());
        log.record(&[Effect::Schema {
            before: schema.clone(),
            after: schema,
        }]);
        log.record(&[Effect::Unlinked(relation("r"))]);
        assert!(log.touched_since(0).unwrap().schema);
        assert!(!log.touched_since(1).unwrap().schema);
    }
}

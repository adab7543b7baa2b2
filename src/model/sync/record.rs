//! What the replication keeps in step: the [`Record`]s of an article
//! (annotations and relations), their [`Key`]s and document ids, and the
//! session's copy of each.

use crate::model::{Annotation, AnnotationId, Relation, RelationId, Session, Touched};
use std::cmp::Ordering;

/// The name of one replicated record.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Annotation(AnnotationId),
    Relation(RelationId),
}

/// One replicated record as a side holds it.
#[derive(Clone, Debug, PartialEq)]
pub enum Record {
    Annotation(Annotation),
    Relation(Relation),
}

impl Key {
    /// What its document id starts with: `a` or `r`.
    fn kind(&self) -> &'static str {
        match self {
            Key::Annotation(_) => "a",
            Key::Relation(_) => "r",
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Key::Annotation(id) => id.as_str(),
            Key::Relation(id) => id.as_str(),
        }
    }

    /// Annotations first, then relations, each by id.
    pub fn order(&self, other: &Key) -> Ordering {
        (self.kind(), self.as_str()).cmp(&(other.kind(), other.as_str()))
    }

    /// Its document's id in the article with text hash `sha`:
    /// `a:<sha>:<annotation id>` or `r:<sha>:<relation id>`.
    pub fn doc_id(&self, sha: &str) -> String {
        format!("{}:{sha}:{}", self.kind(), self.as_str())
    }

    /// The key of document `doc`, when it is one of article `sha`'s.
    pub fn of_doc(sha: &str, doc: &str) -> Option<Key> {
        let (kind, rest) = doc.split_once(':')?;
        let id = rest.strip_prefix(sha)?.strip_prefix(':')?.to_owned();
        match kind {
            "a" => Some(Key::Annotation(AnnotationId::new(id))),
            "r" => Some(Key::Relation(RelationId::new(id))),
            _ => None,
        }
    }

    /// The records a session's changes touched (`Session::touched_since`;
    /// the tag set is not replicated).
    pub fn touched(t: Touched) -> impl Iterator<Item = Key> {
        let annotations = t.annotations.into_iter().map(Key::Annotation);
        annotations.chain(t.relations.into_iter().map(Key::Relation))
    }

    /// How the browser keeps it between visits: `a:<id>` or `r:<id>`.
    pub fn kept(&self) -> String {
        format!("{}:{}", self.kind(), self.as_str())
    }

    /// A key kept by [`Key::kept`]; a bare id (kept before relations were
    /// replicated) is an annotation's.
    pub fn from_kept(s: &str) -> Key {
        match s.split_once(':') {
            Some(("r", id)) => Key::Relation(RelationId::new(id)),
            Some(("a", id)) => Key::Annotation(AnnotationId::new(id)),
            _ => Key::Annotation(AnnotationId::new(s)),
        }
    }
}

impl Record {
    pub fn key(&self) -> Key {
        match self {
            Record::Annotation(a) => Key::Annotation(a.id.clone()),
            Record::Relation(r) => Key::Relation(r.id.clone()),
        }
    }
}

/// `keys` sorted ([`Key::order`]), each once. O(k log k).
pub(super) fn sorted(mut keys: Vec<Key>) -> Vec<Key> {
    crate::model::sort::by(&mut keys, Key::order);
    keys.dedup();
    keys
}

/// Whether the session's copy of `key` is `theirs` (`None`: both have
/// none). O(log n).
pub(super) fn holds(session: &Session, key: &Key, theirs: Option<&Record>) -> bool {
    match (key, theirs) {
        (Key::Annotation(id), Some(Record::Annotation(t))) => session.get(id) == Some(t),
        (Key::Relation(id), Some(Record::Relation(t))) => session.relation(id) == Some(t),
        (Key::Annotation(id), None) => session.get(id).is_none(),
        (Key::Relation(id), None) => session.relation(id).is_none(),
        _ => false,
    }
}

/// The session's copy of `key`, cloned. O(log n + its size).
pub(super) fn mine(session: &Session, key: &Key) -> Option<Record> {
    match key {
        Key::Annotation(id) => session.get(id).cloned().map(Record::Annotation),
        Key::Relation(id) => session.relation(id).cloned().map(Record::Relation),
    }
}

/// Every key the session holds. O(n + r).
pub(super) fn all_keys(session: &Session) -> impl Iterator<Item = Key> + '_ {
    let annotations = session.annotations().iter();
    (annotations.map(|a| Key::Annotation(a.id.clone())))
        .chain(session.relations().map(|r| Key::Relation(r.id.clone())))
}

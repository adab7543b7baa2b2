//! The records of one article, and the writes that keep them in step
//! with the session: a [`Batch`] is one IndexedDB transaction, so a tab
//! closed in the middle of one leaves the state before it, whole.

use super::{Entry, Label, LibraryKey};
use crate::model::agreement::adjudicate::Adjudication;
use crate::model::format::{self, ImportError};
use crate::model::{Session, Touched};

/// An object store of the library (see the table in [`super`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Store {
    Entries,
    Labels,
    Articles,
    Schemas,
    Annotations,
    Relations,
    Aside,
    /// How the annotations were carried from another version of the
    /// article ([`format::carried_record`]); absent when they were not.
    Carried,
    /// The undo history: `[<a>, "head"]` ([`format::head_record`]) and
    /// `[<a>, <step number, 20 digits>]` ([`format::step_record`]).
    History,
    /// An adjudication in progress on a gold article: its plan `<a>`
    /// ([`format::adjudication_record`]) and the items decided for no span
    /// `[<a>, "decided-none"]` ([`format::decided_none_record`]).
    Adjudication,
}

impl Store {
    pub const ALL: [Store; 10] = [
        Store::Entries,
        Store::Labels,
        Store::Articles,
        Store::Schemas,
        Store::Annotations,
        Store::Relations,
        Store::Aside,
        Store::Carried,
        Store::History,
        Store::Adjudication,
    ];

    /// Its name in the database.
    pub fn name(self) -> &'static str {
        match self {
            Store::Entries => "entries",
            Store::Labels => "labels",
            Store::Articles => "articles",
            Store::Schemas => "schemas",
            Store::Annotations => "annotations",
            Store::Relations => "relations",
            Store::Aside => "aside",
            Store::Carried => "carried",
            Store::History => "history",
            Store::Adjudication => "adjudication",
        }
    }
}

/// A record's key: an article's, or (article, annotation or relation id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Key {
    One(String),
    Pair(String, String),
}

/// One write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
    Put {
        store: Store,
        key: Key,
        value: String,
    },
    Delete {
        store: Store,
        key: Key,
    },
    /// Delete every `[article, …]` record of `store`.
    DeleteArticle {
        store: Store,
        article: LibraryKey,
    },
}

/// Writes carried out together, in one transaction: all or none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Batch {
    pub ops: Vec<Op>,
}

impl Batch {
    fn put(&mut self, store: Store, key: Key, value: String) {
        self.ops.push(Op::Put { store, key, value });
    }

    /// The whole session as article `key`: its article, tag set, every
    /// annotation and relation (those stored before are deleted first),
    /// its `entry`, and `label` when the article is new. O(size of the
    /// session).
    pub fn whole(
        key: &LibraryKey,
        session: &Session,
        entry: &Entry,
        label: Option<&Label>,
    ) -> Self {
        let (mut b, k) = (Self::default(), key.as_str().to_owned());
        let text = &session.article().text;
        for store in [
            Store::Articles,
            Store::Annotations,
            Store::Relations,
            Store::History,
        ] {
            b.ops.push(Op::DeleteArticle {
                store,
                article: key.clone(),
            });
        }
        b.history(key, session, 0);
        let (article, pieces) = format::article_records(session.article());
        b.put(Store::Articles, Key::One(k.clone()), article);
        for (i, piece) in pieces.iter().enumerate() {
            let id = Key::Pair(k.clone(), format!("text-{i:06}"));
            b.put(Store::Articles, id, (*piece).to_owned());
        }
        b.put(
            Store::Schemas,
            Key::One(k.clone()),
            format::schema_record(session.schema()),
        );
        for a in session.annotations() {
            let id = Key::Pair(k.clone(), a.id.to_string());
            b.put(Store::Annotations, id, format::annotation_record(text, a));
        }
        for r in session.relations() {
            let id = Key::Pair(k.clone(), r.id.to_string());
            b.put(Store::Relations, id, format::relation_record(r));
        }
        // Carrying changes only with the whole session (a re-attached
        // orphan is an annotation record like any other).
        match format::carried_record(session) {
            Some(record) => b.put(Store::Carried, Key::One(k.clone()), record),
            None => b.ops.push(Op::Delete {
                store: Store::Carried,
                key: Key::One(k.clone()),
            }),
        }
        if let Some(label) = label {
            b.put(Store::Labels, Key::One(k.clone()), label.to_json());
        }
        b.put(Store::Entries, Key::One(k), entry.to_json());
        b
    }

    /// What `touched` changed in the session of article `key`: one record
    /// per annotation and relation touched (put, or deleted when gone),
    /// the tag set if it changed, the undo steps numbered `new_steps` or
    /// more and the history's head, and the `entry`. O(touched + new steps).
    pub fn change(
        key: &LibraryKey,
        session: &Session,
        touched: &Touched,
        new_steps: u64,
        entry: &Entry,
    ) -> Self {
        let (mut b, k) = (Self::default(), key.as_str().to_owned());
        let text = &session.article().text;
        for id in &touched.annotations {
            let pair = Key::Pair(k.clone(), id.to_string());
            match session.get(id) {
                Some(a) => b.put(Store::Annotations, pair, format::annotation_record(text, a)),
                None => b.ops.push(Op::Delete {
                    store: Store::Annotations,
                    key: pair,
                }),
            }
        }
        for id in &touched.relations {
            let pair = Key::Pair(k.clone(), id.to_string());
            match session.relation(id) {
                Some(r) => b.put(Store::Relations, pair, format::relation_record(r)),
                None => b.ops.push(Op::Delete {
                    store: Store::Relations,
                    key: pair,
                }),
            }
        }
        if touched.schema {
            b.put(
                Store::Schemas,
                Key::One(k.clone()),
                format::schema_record(session.schema()),
            );
        }
        b.history(key, session, new_steps);
        b.put(Store::Entries, Key::One(k), entry.to_json());
        b
    }

    /// The kept undo steps numbered `from` or more, and the head.
    fn history(&mut self, key: &LibraryKey, session: &Session, from: u64) {
        let k = key.as_str();
        for step in format::kept_steps(session).filter(|s| s.seq >= from) {
            let id = Key::Pair(k.to_owned(), format!("{:020}", step.seq));
            self.put(Store::History, id, format::step_record(step));
        }
        let head = Key::Pair(k.to_owned(), "head".into());
        self.put(Store::History, head, format::head_record(session));
    }

    /// The user's `label` for article `key`.
    pub fn label(key: &LibraryKey, label: &Label) -> Self {
        let mut b = Self::default();
        b.put(
            Store::Labels,
            Key::One(key.as_str().to_owned()),
            label.to_json(),
        );
        b
    }

    /// Forget article `key` and all its records (delete from the bin).
    pub fn forget(key: &LibraryKey) -> Self {
        let mut b = Self::default();
        for store in [
            Store::Entries,
            Store::Labels,
            Store::Articles,
            Store::Schemas,
            Store::Carried,
            Store::Adjudication,
        ] {
            b.ops.push(Op::Delete {
                store,
                key: Key::One(key.as_str().to_owned()),
            });
        }
        for store in [
            Store::Articles,
            Store::Annotations,
            Store::Relations,
            Store::History,
            Store::Adjudication,
        ] {
            b.ops.push(Op::DeleteArticle {
                store,
                article: key.clone(),
            });
        }
        b
    }

    /// The adjudication on gold article `key`: its `plan` record when
    /// given (written once), and the items decided for no span.
    pub fn adjudication(key: &LibraryKey, plan: Option<String>, decided_none: String) -> Self {
        let (mut b, k) = (Self::default(), key.as_str().to_owned());
        if let Some(plan) = plan {
            b.put(Store::Adjudication, Key::One(k.clone()), plan);
        }
        let pair = Key::Pair(k, DECIDED_NONE.into());
        b.put(Store::Adjudication, pair, decided_none);
        b
    }

    /// The adjudication on article `key` is over: its records go.
    pub fn adjudication_over(key: &LibraryKey) -> Self {
        let mut b = Self::default();
        b.ops.push(Op::Delete {
            store: Store::Adjudication,
            key: Key::One(key.as_str().to_owned()),
        });
        b.ops.push(Op::DeleteArticle {
            store: Store::Adjudication,
            article: key.clone(),
        });
        b
    }

    /// Keep `doc` (saved work that could not be restored) aside as `key`.
    pub fn aside(key: &str, doc: &str) -> Self {
        let mut b = Self::default();
        b.put(Store::Aside, Key::One(key.to_owned()), doc.to_owned());
        b
    }

    /// The characters this batch writes (for telling a full storage).
    pub fn n_chars(&self) -> usize {
        self.ops
            .iter()
            .map(|op| match op {
                Op::Put { value, .. } => value.len(),
                _ => 0,
            })
            .sum()
    }
}

/// The second part of the key of the items decided for no span.
pub const DECIDED_NONE: &str = "decided-none";

/// The stored records of one article, as read back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Records {
    pub article: Option<String>,
    pub schema: Option<String>,
    pub annotations: Vec<String>,
    pub relations: Vec<String>,
    /// [`Store::Carried`]'s record, if any.
    pub carried: Option<String>,
    /// [`Store::History`]'s records of the article: its head and steps.
    pub history: Vec<String>,
    /// The pieces of its text (`[<a>, "text-<n>"]` in [`Store::Articles`],
    /// in order); none for an article kept whole by an older version.
    pub text: Vec<String>,
    /// [`Store::Adjudication`]'s plan of the article, and the items
    /// decided for no span.
    pub adjudication: Option<String>,
    pub decided_none: Option<String>,
}

impl Records {
    /// The records as one version 2 file (what is set aside when they
    /// cannot be restored, and what `restore` checks). `None` without an
    /// article record.
    pub fn assemble(&self) -> Option<String> {
        let article = format::with_text(self.article.as_deref()?, &self.text);
        Some(format::assemble(
            &article,
            self.schema.as_deref(),
            self.annotations.iter().map(String::as_str),
            self.relations.iter().map(String::as_str),
        ))
    }

    /// The session the records hold, through the same checks as an
    /// import, with the `label`'s title and the `entry`'s unexported flag.
    /// O(size of the records).
    ///
    /// # Errors
    /// The first problem [`format::import`] finds, or an annotation it
    /// could not place (saved work comes back whole or not at all).
    pub fn restore(&self, entry: &Entry, label: &Label) -> Result<Session, RestoreError> {
        let doc = self.assemble().ok_or(RestoreError::NoArticle)?;
        let imported = format::import(doc.as_bytes())
            .and_then(format::Imported::all_placed)
            .map_err(RestoreError::Import)?;
        let mut session = imported.session;
        if let Some(record) = &self.carried {
            format::restore_carried(&mut session, record).map_err(RestoreError::Import)?;
        }
        if let Some(title) = &label.title {
            session = retitled(session, title);
        }
        session.set_unexported(entry.unexported);
        Ok(session)
    }

    /// [`Records::restore`] with the kept undo history, for editing. Undo
    /// is a convenience: a history that does not replay is dropped, never
    /// the article. Cost: restore, plus two copies of the session and a
    /// replay of the kept steps.
    ///
    /// # Errors
    /// As [`Records::restore`].
    pub fn restore_for_editing(
        &self,
        entry: &Entry,
        label: &Label,
    ) -> Result<Session, RestoreError> {
        let mut session = self.restore(entry, label)?;
        if !self.history.is_empty() {
            let _ = format::restore_history(&mut session, &self.history);
        }
        Ok(session)
    }
}

impl Records {
    /// The adjudication in progress on this (gold) article, if one is
    /// kept: the union, the disagreements and the items decided for none.
    /// O(size of the plan).
    ///
    /// # Errors
    /// A plan that fails the checks ([`format::restore_adjudication`]).
    pub fn adjudication(&self) -> Option<Result<KeptAdjudication, RestoreError>> {
        let plan = self.adjudication.as_deref()?;
        let Some(article) = self.article.as_deref() else {
            return Some(Err(RestoreError::NoArticle));
        };
        let article = format::with_text(article, &self.text);
        Some(
            format::restore_adjudication(plan, &article)
                .map(|(union, adjudication)| {
                    let n = adjudication.items.len();
                    let neither = format::read_decided_none(self.decided_none.as_deref(), n);
                    (union, adjudication, neither)
                })
                .map_err(RestoreError::Import),
        )
    }
}

/// A kept adjudication: the union of the annotators' spans, the
/// disagreements, and per item whether it was decided for no span.
pub type KeptAdjudication = (Session, Adjudication, Vec<bool>);

/// `session` with its article titled `title` (a rename in the library).
fn retitled(session: Session, title: &str) -> Session {
    let schema = session.schema().clone();
    let annotations = session.annotations().to_vec();
    let relations = session.relations().cloned().collect();
    let carried = session.carried().clone();
    let mut article = session.into_article();
    article.title = title.to_owned();
    let mut session = Session::from_parts(article, schema, annotations, relations)
        .expect("the same parts passed the checks");
    session.set_carried(carried);
    session
}

/// Why an article's records could not be restored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestoreError {
    NoArticle,
    Import(ImportError),
}

impl std::fmt::Display for RestoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RestoreError::NoArticle => f.write_str("its article record is missing"),
            RestoreError::Import(e) => format::lower_first(&e.to_string())
                .trim_end_matches('.')
                .fmt(f),
        }
    }
}

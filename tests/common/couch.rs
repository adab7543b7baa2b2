//! A small in-memory stand-in for a CouchDB server that keeps CouchDB's
//! rules for revisions, conflicts, tombstones and the changes feed, and an
//! annotator's tab (a session and its `Replica`) that talks to it.

use super::invariants;
use annotator::model::sync::{docs, Base, Kept, Key, Merge, Replica};
use annotator::model::{format, Command, Session};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The server: each document's revision number, body and deletion, and
/// the sequence of its last change.
#[derive(Default)]
pub struct Couch {
    pub docs: BTreeMap<String, (u64, Value, bool, u64)>,
    pub seq: u64,
}

impl Couch {
    pub fn info(&self) -> String {
        json!({ "db_name": "test", "update_seq": self.seq }).to_string()
    }

    pub fn body(id: &str, n: u64, doc: &Value, deleted: bool) -> Value {
        let mut doc = if deleted { json!({}) } else { doc.clone() };
        doc["_id"] = json!(id);
        doc["_rev"] = json!(format!("{n}-x"));
        if deleted {
            doc["_deleted"] = json!(true);
        }
        doc
    }

    pub fn all_docs(&self, prefix: &str) -> String {
        let rows: Vec<Value> = (self.docs.iter())
            .filter(|(id, (_, _, deleted, _))| id.starts_with(prefix) && !deleted)
            .map(|(id, (n, doc, _, _))| json!({ "id": id, "doc": Couch::body(id, *n, doc, false) }))
            .collect();
        json!({ "total_rows": rows.len(), "rows": rows }).to_string()
    }

    /// The article's documents as the app reads them: one `_all_docs`
    /// reply per prefix.
    pub fn article_docs(&self, sha: &str) -> Vec<String> {
        docs::prefixes(sha)
            .iter()
            .map(|p| self.all_docs(p))
            .collect()
    }

    /// `_bulk_docs` with CouchDB's rule: a write names the revision it
    /// replaces, or there is none (or only a tombstone).
    pub fn bulk_docs(&mut self, body: &str) -> String {
        let body: Value = serde_json::from_str(body).unwrap();
        let mut out = Vec::new();
        for doc in body["docs"].as_array().unwrap() {
            let id = doc["_id"].as_str().unwrap().to_owned();
            let rev = doc["_rev"].as_str().map(str::to_owned);
            let current = self.docs.get(&id);
            let ok = match current {
                None => rev.is_none(),
                Some((n, _, deleted, _)) => {
                    rev.as_deref() == Some(&format!("{n}-x")) || (*deleted && rev.is_none())
                }
            };
            if !ok {
                out.push(
                    json!({ "id": id, "error": "conflict", "reason": "Document update conflict." }),
                );
                continue;
            }
            let n = current.map_or(0, |c| c.0) + 1;
            let deleted = doc["_deleted"] == json!(true);
            self.seq += 1;
            self.docs
                .insert(id.clone(), (n, doc.clone(), deleted, self.seq));
            out.push(json!({ "ok": true, "id": id, "rev": format!("{n}-x") }));
        }
        Value::Array(out).to_string()
    }

    pub fn get(&self, id: &str) -> String {
        let (n, doc, _, _) = &self.docs[id];
        Couch::body(id, *n, doc, false).to_string()
    }

    pub fn changes(&self, since: &str) -> String {
        let since: u64 = since.parse().unwrap();
        let mut results: Vec<(u64, Value)> = (self.docs.iter())
            .filter(|(_, (_, _, _, seq))| *seq > since)
            .map(|(id, (n, doc, deleted, seq))| {
                let mut change = json!({ "seq": seq, "id": id, "changes": [{ "rev": format!("{n}-x") }],
                                          "doc": Couch::body(id, *n, doc, *deleted) });
                if *deleted {
                    change["deleted"] = json!(true);
                }
                (*seq, change)
            })
            .collect();
        results.sort_by_key(|(seq, _)| *seq);
        let results: Vec<Value> = results.into_iter().map(|(_, c)| c).collect();
        json!({ "results": results, "last_seq": self.seq }).to_string()
    }
}

/// An annotator's tab: the session, its replica, and the revision the
/// replica was last told about.
pub struct Client {
    pub session: Session,
    pub replica: Replica,
    pub seen: u64,
}

impl Client {
    pub fn new(session: Session) -> Self {
        let sha = format::sha256_hex(session.article().text.as_str());
        Client {
            seen: session.revision(),
            session,
            replica: Replica::new(&sha),
        }
    }

    pub fn connect(&mut self, couch: &Couch) {
        let merge = self.look(couch, None);
        assert_eq!(merge.not_read, Vec::<String>::new());
        self.bring_in(merge.command());
    }

    /// A first look with a new replica (with what was kept, if anything):
    /// what it brings, not yet brought in.
    pub fn look(&mut self, couch: &Couch, base: Option<Base>) -> Merge {
        let sha = self.replica.sha().to_owned();
        self.replica = Replica::new(&sha);
        self.seen = self.session.revision();
        let all = couch.article_docs(&sha);
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        let info = couch.info();
        (self
            .replica
            .start(&self.session, &info, &all, base.as_ref()))
        .unwrap()
    }

    /// What the server changed since `kept`, as the page reads it for a
    /// first look.
    pub fn base(&self, couch: &Couch, kept: &Kept) -> Base {
        let changes = couch.changes(&kept.since);
        let (changed, _, _) = self.replica.changed_ids(&changes).unwrap();
        Base::new(changed, kept)
    }

    /// The changes feed read from where it was last read: what it brings,
    /// not yet brought in.
    pub fn read_feed(&mut self, couch: &Couch) -> Merge {
        let since = self.replica.since().unwrap();
        let changes = couch.changes(&since);
        self.replica.incoming(&self.session, &changes).unwrap()
    }

    /// What the browser keeps when the tab closes, through its JSON.
    pub fn kept(&self) -> Kept {
        let kept = self.replica.kept(&self.session).unwrap();
        serde_json::from_str(&serde_json::to_string(&kept).unwrap()).unwrap()
    }

    /// A new tab on the same session (the library kept it) and what was kept.
    pub fn reopen(&mut self, couch: &Couch, kept: Kept) {
        let base = self.base(couch, &kept);
        let merge = self.look(couch, Some(base));
        self.bring_in(merge.command());
    }

    pub fn bring_in(&mut self, command: Option<Command>) {
        if let Some(c) = command {
            self.session.apply(c).expect("a merge applies");
            invariants::check(&self.session);
        }
    }

    /// Tell the replica what changed since the last call.
    pub fn note_changes(&mut self) {
        let touched = self.session.touched_since(self.seen).unwrap();
        self.seen = self.session.revision();
        self.replica.touched(Key::touched(touched));
    }

    pub fn push(&mut self, couch: &mut Couch) -> Vec<String> {
        self.note_changes();
        match self.replica.outgoing(&self.session) {
            Some(body) => self.replica.pushed(&couch.bulk_docs(&body)).unwrap(),
            None => Vec::new(),
        }
    }

    pub fn pull(&mut self, couch: &Couch) {
        self.note_changes();
        let merge = self.read_feed(couch);
        assert_eq!(merge.not_read, Vec::<String>::new());
        self.bring_in(merge.command());
    }

    pub fn sync(&mut self, couch: &mut Couch) {
        self.push(couch);
        self.pull(couch);
    }

    /// A new claim on the first three code points.
    pub fn tag(&mut self, id: &str) {
        let a = super::annotation(id, "claim", super::range(0, 3));
        self.session.apply(Command::Tag(a)).unwrap();
    }

    pub fn retag(&mut self, id: &str, tag: &str, at: &str) {
        let c = Command::Retag {
            id: id.into(),
            tag: tag.into(),
            at: at.into(),
        };
        self.session.apply(c).unwrap();
    }

    pub fn waiting(&self) -> usize {
        self.replica.waiting(&self.session)
    }
}

/// Two annotators on `a`'s article: A has connected and sent its
/// annotations, B (the same article and tag set, no annotations) has
/// connected after.
pub fn pair(a: Session) -> (Couch, Client, Client) {
    let b = Session::with_schema(a.article().clone(), a.schema().clone());
    let (mut couch, mut a, mut b) = (Couch::default(), Client::new(a), Client::new(b));
    a.connect(&couch);
    a.sync(&mut couch);
    b.connect(&couch);
    (couch, a, b)
}

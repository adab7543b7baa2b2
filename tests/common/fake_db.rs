//! An in-memory stand-in for the library's IndexedDB: one map per store,
//! a batch applied whole, records read back as `web::library_db` reads
//! them.

use annotator::model::library::records::RestoreError;
use annotator::model::library::{
    Batch, Entry, Key, Label, LibraryKey, Op, Records, Store, DECIDED_NONE,
};
use annotator::model::Session;
use std::collections::BTreeMap;

/// The stores, keyed as IndexedDB keys them (a pair as `a\u{0}b`).
#[derive(Default, Clone)]
pub struct Fake {
    pub stores: BTreeMap<&'static str, BTreeMap<String, String>>,
}

fn flat(key: &Key) -> String {
    match key {
        Key::One(k) => k.clone(),
        Key::Pair(a, b) => format!("{a}\u{0}{b}"),
    }
}

impl Fake {
    pub fn apply(&mut self, batch: &Batch) {
        for op in &batch.ops {
            match op {
                Op::Put { store, key, value } => {
                    self.store(*store).insert(flat(key), value.clone());
                }
                Op::Delete { store, key } => {
                    self.store(*store).remove(&flat(key));
                }
                Op::DeleteArticle { store, article } => {
                    let prefix = format!("{article}\u{0}");
                    self.store(*store).retain(|k, _| !k.starts_with(&prefix));
                }
            }
        }
    }

    pub fn store(&mut self, store: Store) -> &mut BTreeMap<String, String> {
        self.stores.entry(store.name()).or_default()
    }

    pub fn get(&self, store: Store, key: &str) -> Option<String> {
        self.stores.get(store.name())?.get(key).cloned()
    }

    pub fn of_article(&self, store: Store, article: &LibraryKey) -> Vec<String> {
        let prefix = format!("{article}\u{0}");
        self.stores
            .get(store.name())
            .map(|m| {
                m.iter()
                    .filter(|(k, _)| k.starts_with(&prefix))
                    .map(|(_, v)| v.clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn records(&self, article: &LibraryKey) -> Records {
        Records {
            article: self.get(Store::Articles, article.as_str()),
            schema: self.get(Store::Schemas, article.as_str()),
            annotations: self.of_article(Store::Annotations, article),
            relations: self.of_article(Store::Relations, article),
            carried: self.get(Store::Carried, article.as_str()),
            history: self.of_article(Store::History, article),
            text: self.of_article(Store::Articles, article),
            adjudication: self.get(Store::Adjudication, article.as_str()),
            decided_none: self.get(
                Store::Adjudication,
                &flat(&Key::Pair(article.to_string(), DECIDED_NONE.into())),
            ),
        }
    }

    pub fn restore(&self, article: &LibraryKey) -> Result<Session, RestoreError> {
        let entry = Entry::parse(&self.get(Store::Entries, article.as_str()).unwrap()).unwrap();
        let label = Label::parse(&self.get(Store::Labels, article.as_str()).unwrap()).unwrap();
        self.records(article).restore_for_editing(&entry, &label)
    }
}

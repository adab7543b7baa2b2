//! The library: every article the user opened, kept in the browser with
//! its annotations, relations, tag set and undo history. Pure: the record layout and
//! its checks ([`records`]), the index entries the library view lists
//! ([`entry`]), search and sorting ([`query`]), and the move of the
//! version 2 `localStorage` records into the library ([`migrate`]).
//! `web::library_db` only carries out the [`Batch`]es planned here, each
//! in one IndexedDB transaction.
//!
//! Layout (IndexedDB database `annotator-library`, version 4; every value
//! is a string, JSON but for the text's pieces; `<a>` is an [`LibraryKey`]):
//!
//! | store | key | value | owner |
//! |---|---|---|---|
//! | `entries` | `<a>` | [`Entry`]: what the list shows, derived from the session | the saver |
//! | `labels` | `<a>` | [`Label`]: the user's title, status and bin | the library view |
//! | `articles` | `<a>`; `[<a>, "text-<n>"]` | the file format's `article` object with an empty `text` and without `sha256`; the text in pieces of at most 1 MB, as plain strings (an article kept by an older version has its text in the object and no pieces) | the saver (written with the whole article) |
//! | `schemas` | `<a>` | the tag set | the saver |
//! | `annotations` | `[<a>, <annotation id>]` | one annotation (file format, no context) | the saver |
//! | `relations` | `[<a>, <relation id>]` | one relation | the saver |
//! | `aside` | a unique string | saved work that could not be restored, whole | added once, never overwritten |
//! | `carried` | `<a>` | how the annotations were carried from another version (statuses, orphans, waiting relations) | the saver, with the whole article |
//! | `history` | `[<a>, "head"]`, `[<a>, <step number, 20 digits>]` | the undo history: the steps of each stack by number, and each step (at most 100 per stack) | the saver; a record no head names is ignored and dropped at the next whole write |
//! | `adjudication` | `<a>`; `[<a>, "decided-none"]` | a gold article's adjudication in progress: the plan (the disagreements and the union of the annotators' spans, lines of JSON); the items decided for no span | the adjudication saver: the plan once, when adjudicating starts; removed when the gold is replaced |

pub mod bundle;
pub mod entry;
pub mod migrate;
pub mod query;
pub mod records;

pub use entry::{Entry, Label, RecordError, Row, Status, TagCount};
pub use query::{select, Query, SortBy};
pub use records::{Batch, KeptAdjudication, Key, Op, Records, Store, DECIDED_NONE};

/// The name of an article in the library: a UUID made when the article
/// was first kept. Opening the same file twice keeps two articles.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct LibraryKey(String);

impl LibraryKey {
    pub fn new(key: impl Into<String>) -> Self {
        Self(key.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for LibraryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

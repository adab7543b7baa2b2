//! Replication of an article's annotations with a CouchDB database, pure:
//! the documents ([`docs`]) and what this tab knows of the server
//! ([`Replica`]): what to push, what came in, what conflicts. The browser
//! glue (`web::couch`, `ui::syncing`) only moves the JSON.
//!
//! One document per annotation, `a:<text SHA-256>:<annotation id>`, and
//! per relation, `r:<text SHA-256>:<relation id>`, holding it as the
//! library's record holds it; a deletion is a CouchDB tombstone. Articles
//! are told apart by their text's SHA-256, so two people who open the same
//! text share its annotations.

pub mod docs;
mod failure;
mod first_look;
mod incoming;
mod merge;
mod record;
mod replica;

pub use failure::{check_db_name, Failure, Step};
pub use first_look::{Base, Kept};
pub use merge::Merge;
pub use record::{Key, Record};
pub use replica::{Conflict, Replica};

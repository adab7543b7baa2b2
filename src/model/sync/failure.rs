//! Why talking to the database failed, in words a user can act on, and
//! the checks made before anything is sent.

use std::fmt;

/// What was being done when a request failed: the same status means
/// different things at each step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// `POST _session` with the name and password.
    SignIn,
    /// `GET <db>`, the `_all_docs`, `_changes` and `_bulk_docs` requests.
    Database,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// No answer (no network, no server, or a proxy in front of a stopped
    /// one: 502, 503, 504).
    Unreachable {
        server: String,
    },
    /// This build may only connect to its own origin and the one it was
    /// built with (the Content-Security-Policy).
    NotAllowed {
        origin: String,
        allowed: Vec<String>,
    },
    /// Not an http(s) address.
    BadUrl(String),
    /// A database name CouchDB does not take.
    BadName(String),
    WrongPassword,
    /// The session cookie ran out (or was never set): sign in again.
    SignedOut,
    NotMember {
        db: String,
        name: String,
    },
    NoDatabase(String),
    /// Any other answer: its status and CouchDB's `reason`.
    Other {
        status: u16,
        reason: String,
    },
}

impl Failure {
    /// The failure an HTTP answer `status` (not 2xx) with `body` means at
    /// `step`.
    pub fn of_status(step: Step, status: u16, body: &str, db: &str, name: &str) -> Self {
        match (step, status) {
            (_, 502..=504) => Failure::Unreachable {
                server: String::new(),
            },
            (Step::SignIn, 401) => Failure::WrongPassword,
            (Step::Database, 401) if name.is_empty() => Failure::SignedOut,
            (Step::Database, 401 | 403) => Failure::NotMember {
                db: db.to_owned(),
                name: name.to_owned(),
            },
            (Step::Database, 404) => Failure::NoDatabase(db.to_owned()),
            _ => Failure::Other {
                status,
                reason: reason(body),
            },
        }
    }

    /// Whether trying again later may work by itself (the server is away),
    /// rather than the user having to change something.
    pub fn passes(&self) -> bool {
        matches!(self, Failure::Unreachable { .. })
    }
}

/// CouchDB's `reason` (else `error`) of an error body, else the body cut short.
fn reason(body: &str) -> String {
    match super::docs::reply(body) {
        Ok(b) if !b.reason.is_empty() => b.reason,
        Ok(b) if !b.error.is_empty() => b.error,
        _ => crate::model::format::excerpt(body.trim(), 80),
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Unreachable { server } if server.is_empty() => write!(
                f,
                "The database server cannot be reached. Your work is kept here and is sent when it answers again."
            ),
            Failure::Unreachable { server } => write!(
                f,
                "The database server at {server} cannot be reached. Check the address; your work is kept here and is sent when it answers."
            ),
            Failure::NotAllowed { origin, allowed } => write!(
                f,
                "This build of the app may only connect to {}, not to {origin}. Put the database behind the same address (for example at /couchdb/), or build the app with ANNOTATOR_SYNC_ORIGIN={origin}.",
                allowed.join(" and ")
            ),
            Failure::BadUrl(url) => write!(
                f,
                "\u{201c}{url}\u{201d} is not a web address: write it as http://host:5984/ or as a path on this server such as /couchdb/."
            ),
            Failure::BadName(db) => write!(
                f,
                "\u{201c}{db}\u{201d} is not a database name CouchDB takes: use lower-case letters, digits and _$()+-/, starting with a letter."
            ),
            Failure::WrongPassword => write!(
                f,
                "The server did not accept this name and password. Check both and try again."
            ),
            Failure::SignedOut => write!(
                f,
                "The server has signed you out. Open Sync and sign in again; your work is kept here until then."
            ),
            Failure::NotMember { db, name } => write!(
                f,
                "{name} is not a member of the database \u{201c}{db}\u{201d}, so the server refuses to share it. Ask its administrator to add you."
            ),
            Failure::NoDatabase(db) => write!(
                f,
                "The server has no database \u{201c}{db}\u{201d}. Check its name, or ask the administrator to create it."
            ),
            Failure::Other { status, reason } => write!(
                f,
                "The database server refused the request ({status}: {reason})."
            ),
        }
    }
}

/// Whether `db` is a database name CouchDB takes: a lower-case letter,
/// then lower-case letters, digits and `_$()+-/`; at most 238 bytes.
///
/// # Errors
/// [`Failure::BadName`].
pub fn check_db_name(db: &str) -> Result<(), Failure> {
    let mut chars = db.chars();
    let first = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    let rest = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_$()+-/".contains(c));
    if first && rest && db.len() <= 238 {
        Ok(())
    } else {
        Err(Failure::BadName(db.to_owned()))
    }
}

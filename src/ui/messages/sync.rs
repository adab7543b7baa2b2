//! The sentences of working with a team through a database (`ui::syncing`).

use super::{count, quoted};
use crate::model::sync::Record;
use crate::model::{AnnotationId, Change, Relation, Session};

/// Where the sync stands, as the page shows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SyncState {
    /// Not connected to a database.
    #[default]
    Off,
    Connecting,
    /// Connected, nothing waiting.
    Synced,
    /// Connected, changes waiting to be sent.
    Syncing,
    /// The server does not answer; changes wait.
    Offline,
    /// Stopped until the user acts (signed out, not a member, …).
    Stopped,
}

/// The toolbar's sync button: "Sync", "Synced", "Offline · 3 waiting",
/// "… · 1 conflict".
pub fn sync_button(state: SyncState, waiting: usize, conflicts: usize) -> String {
    let waiting_part = |s: &str| match waiting {
        0 => s.to_owned(),
        n => format!("{s} · {n} waiting"),
    };
    let mut out = match state {
        SyncState::Off => "Sync".to_owned(),
        SyncState::Connecting => "Connecting…".to_owned(),
        SyncState::Synced if waiting == 0 => "Synced".to_owned(),
        SyncState::Synced | SyncState::Syncing => waiting_part("Syncing"),
        SyncState::Offline => waiting_part("Offline"),
        SyncState::Stopped => waiting_part("Sync stopped"),
    };
    if conflicts > 0 {
        out.push_str(&format!(" · {}", count(conflicts, "conflict")));
    }
    out
}

/// The dialog's line under its title while connected.
pub fn connected_to(db: &str, server: &str, name: &str) -> String {
    format!("Connected to the database \u{201c}{db}\u{201d} at {server} as {name}.")
}

/// A teammate's changes brought into the session (announced).
pub fn merged(session: &Session, change: &Change) -> String {
    let n = change.n_annotations();
    let relations = change.n_linked() + change.n_unlinked();
    match change.annotation_effect() {
        Some(e) if n == 1 => {
            let a = e.annotation().expect("an annotation effect");
            let label = session.schema().label(&a.tag);
            let text = quoted(session.article().text.slice(a.range), 40);
            format!("From the database: {label} {text} {}.", verb(e))
        }
        _ if n == 0 && change.n_linked() == 1 && change.n_unlinked() == 0 => {
            let r = change.effects().iter().find_map(|e| e.relation());
            let r = r.map(|r| relation(session, r)).unwrap_or_default();
            format!("From the database: {r} added.")
        }
        _ if n == 0 => format!(
            "From the database: {} changed.",
            count(relations, "relation")
        ),
        _ => format!("From the database: {} changed.", count(n, "annotation")),
    }
}

/// A relation in words: "Said by: Quote “the bridge…” → Source “…”".
fn relation(session: &Session, r: &Relation) -> String {
    let end = |id: &AnnotationId| match session.get(id) {
        Some(a) => format!(
            "{} {}",
            session.schema().label(&a.tag),
            quoted(session.article().text.slice(a.range), 30)
        ),
        None => format!("annotation {id}"),
    };
    let kind = session.schema().relation_type(&r.kind);
    let label = kind.map_or(r.kind.as_str(), |k| k.label.as_str());
    format!("{label}: {} \u{2192} {}", end(&r.from), end(&r.to))
}

fn verb(e: &crate::model::Effect) -> &'static str {
    match e {
        crate::model::Effect::Added(_) => "added",
        crate::model::Effect::Removed(_) => "deleted",
        _ => "changed",
    }
}

/// Documents from the database that this article could not take.
pub fn not_read(why: &[String]) -> String {
    format!(
        "{} from the database could not be placed in this article and {} left out: {}",
        count(why.len(), "annotation"),
        if why.len() == 1 { "is" } else { "are" },
        why.first().map(String::as_str).unwrap_or_default()
    )
}

/// One side of a conflict: "Claim “the bridge…”, note “…”", a relation
/// ("Said by: Quote “…” → Source “…”"), or "Deleted".
pub fn version(session: &Session, record: Option<&Record>) -> String {
    let a = match record {
        None => return "Deleted".into(),
        Some(Record::Relation(r)) => return relation(session, r),
        Some(Record::Annotation(a)) => a,
    };
    let text = session.article().text.slice(a.range);
    let mut out = format!("{} {}", session.schema().label(&a.tag), quoted(text, 60));
    if !a.note.is_empty() {
        out.push_str(&format!(", note {}", quoted(&a.note, 60)));
    }
    if !a.creator.is_empty() {
        out.push_str(&format!(", by {}", a.creator));
    }
    out
}

/// Documents the server refused for another reason than a conflict.
pub fn refused(n: usize, first: &str) -> String {
    format!(
        "The database refused {} ({first}); {} kept here and tried again with your next change.",
        count(n, "change"),
        if n == 1 { "it is" } else { "they are" }
    )
}

/// An article the database holds: "“Title” (12,345 characters)".
pub fn listed(title: &str, chars: usize) -> String {
    format!("\u{201c}{title}\u{201d} ({})", count(chars, "character"))
}

/// New conflicts came in (a notice: the toolbar alone is easy to miss).
pub fn conflicts_came(n: usize) -> String {
    format!(
        "{} changed here and on the server: open Sync to keep one version of {}.",
        count(n, "annotation"),
        if n == 1 { "it" } else { "each" }
    )
}

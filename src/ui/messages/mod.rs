//! Every sentence the page composes for the user: notices, announcements for
//! screen readers, confirmations. One place, so that wording, quoting and
//! pluralisation are the same everywhere and tested natively.
//!
//! Errors carry their own sentences (`Display` of the model's `Problem`,
//! `ImportError` and `LoadError`, and of [`crate::web::Error`]); these
//! functions put them in context.

pub mod adjudication;
mod annotator;
mod exchange;
mod library;
pub mod sync;
pub use annotator::*;
pub use exchange::*;
pub use library::*;

use crate::model::case::Lowercase;
use crate::model::format::{excerpt, Imported};
use crate::model::{Annotation, Change, Effect, Relation, Session};

/// `"1 annotation"`, `"2 annotations"`: `n` and `noun`, plural unless one.
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// `text` shortened to `n` code points in curly quotes: `“…”`.
pub fn quoted(text: &str, n: usize) -> String {
    format!("“{}”", excerpt(text, n))
}

/// A tag's label as a noun in a count ("Quote" → "quote").
fn noun(label: &str) -> String {
    label.lowercase()
}

/// After a tag, delete or retag: "Quote added: “…”. 3 quotes." `label` is
/// the tag's label in the tag set.
pub fn added(label: &str, text: &str, n_tag: usize) -> String {
    format!(
        "{label} added: {}. {}.",
        quoted(text, 80),
        count(n_tag, &noun(label))
    )
}

pub fn deleted(label: &str, text: &str, n_tag: usize) -> String {
    format!(
        "{label} deleted: {}. {}.",
        quoted(text, 80),
        count(n_tag, &noun(label))
    )
}

pub fn retagged(label: &str, text: &str, n_tag: usize) -> String {
    format!(
        "Changed to {label}: {}. {}.",
        quoted(text, 80),
        count(n_tag, &noun(label))
    )
}

pub fn resized(label: &str, text: &str) -> String {
    format!("{label} now reads {}.", quoted(text, 80))
}

pub fn note_saved(text: &str) -> String {
    format!("Note saved for {}.", quoted(text, 80))
}

pub fn fields_saved(text: &str) -> String {
    format!("Fields saved for {}.", quoted(text, 80))
}

pub const LINK_FOCUS_FIRST: &str =
    "Focus an annotation first (] or [, or click it), then press L to link it or F to follow its links.";
pub const NO_CANDIDATE: &str =
    "Nothing to link to: no annotation fits this relation and the filter.";
pub const NO_LINKS: &str = "This annotation has no links to follow.";

/// The link dialog's count: "3 candidates, nearest first."
pub fn candidates(n: usize) -> String {
    match n {
        0 => "No candidates.".into(),
        n => format!("{}, nearest first.", count(n, "candidate")),
    }
}

/// Why the focused annotation cannot be linked.
pub fn cannot_link(label: &str) -> String {
    format!("A {label} cannot be linked: no relation type of the tag set starts or ends at {label}. Add one in Tags.")
}

/// Where F went: "Said by: “Stanislav Zas” (link 1 of 2)."
pub fn followed(label: &str, text: &str, i: usize, n: usize) -> String {
    format!(
        "{label}: \"{}\" (link {} of {n}).",
        crate::model::format::excerpt(text, 60),
        i + 1
    )
}

/// A field editor's text that does not fit: "Check-worthy is "maybe", but
/// a yes/no field holds true or false."
pub fn field_problem(label: &str, text: &str, problem: &dyn std::fmt::Display) -> String {
    format!(
        "{label} is \"{}\", {problem}.",
        crate::model::format::excerpt(text, 40)
    )
}

/// Relations that went with a change of an annotation: " 2 relations removed."
pub fn relations_removed(n: usize) -> String {
    match n {
        0 => String::new(),
        n => format!(" {} removed.", count(n, "relation")),
    }
}

/// A relation added or removed: "Linked “…” to “…” (Said by)."
pub fn linked(session: &Session, r: &Relation, added: bool) -> String {
    let end = |id| {
        session.get(id).map_or_else(
            || id.to_string(),
            |a| quoted(session.article().text.slice(a.range), 40),
        )
    };
    let label = session
        .schema()
        .relation_type(&r.kind)
        .map_or(r.kind.as_str(), |k| k.label.as_str());
    let verb = if added { "Linked" } else { "Unlinked" };
    format!("{verb} {} to {} ({label}).", end(&r.from), end(&r.to))
}

/// The tag set changed, and with it `n_annotations` annotations and
/// `n_unlinked` relations.
pub fn schema_changed(n_annotations: usize, n_unlinked: usize) -> String {
    let mut msg = "Tag set changed.".to_owned();
    if n_annotations > 0 {
        msg.push_str(&format!(" {} changed.", count(n_annotations, "annotation")));
    }
    msg.push_str(&relations_removed(n_unlinked));
    msg
}

/// What a change did, with the counts after it ("Quote added: “…”. 3
/// quotes.").
pub fn change(session: &Session, change: &Change) -> String {
    let text = |a: &Annotation| session.article().text.slice(a.range);
    let label = |a: &Annotation| session.schema().label(&a.tag).to_owned();
    let n = |a: &Annotation| session.count(&a.tag);
    let gone = relations_removed(change.n_unlinked());
    if change.schema().is_some() {
        return schema_changed(change.n_annotations(), change.n_unlinked());
    }
    match change.annotation_effect() {
        Some(Effect::Added(a)) => added(&label(a), text(a), n(a)),
        Some(Effect::Removed(a)) => deleted(&label(a), text(a), n(a)) + &gone,
        Some(Effect::Updated { before, after }) if before.range != after.range => {
            resized(&label(after), text(after))
        }
        Some(Effect::Updated { before, after }) if before.tag != after.tag => {
            retagged(&label(after), text(after), n(after)) + &gone
        }
        Some(Effect::Updated { before, after }) if before.fields != after.fields => {
            fields_saved(text(after)) + &gone
        }
        Some(Effect::Updated { after, .. }) => note_saved(text(after)) + &gone,
        _ => match change.effects().first() {
            Some(Effect::Linked(r)) => linked(session, r, true),
            Some(Effect::Unlinked(r)) => linked(session, r, false),
            _ => String::new(),
        },
    }
}

/// What undo or redo did: "Undone: Quote added: …".
pub fn undone(what: &str) -> String {
    format!("Undone: {what}")
}

pub fn redone(what: &str) -> String {
    format!("Redone: {what}")
}

pub const NOTHING_TO_UNDO: &str = "Nothing to undo.";
pub const NOTHING_TO_REDO: &str = "Nothing to redo.";

/// A new article: "Opened “Title”." plus how it was read.
pub fn opened(title: &str, note: Option<&str>) -> String {
    match note {
        Some(note) => format!("Opened \"{title}\". {note}"),
        None => format!("Opened \"{title}\"."),
    }
}

/// An annotation file opened.
pub fn imported(imported: &Imported) -> String {
    let session = &imported.session;
    let mut out = opened_with(
        &session.article().title,
        session.annotations().len(),
        imported.n_reanchored,
    );
    out.push_str(&report(&imported.report));
    out
}

/// An annotation file: "Opened “Title” with 3 annotations."
pub fn opened_with(title: &str, n: usize, n_reanchored: usize) -> String {
    let mut msg = format!("Opened \"{title}\" with {}.", count(n, "annotation"));
    if n_reanchored > 0 {
        msg.push_str(&match n_reanchored {
            1 => " 1 was placed by its quoted text because its offsets did not match.".to_owned(),
            n => format!(
                " {n} were placed by their quoted text because their offsets did not match."
            ),
        });
    }
    msg
}

pub const SELECT_TO_ATTACH: &str =
    "Select the text the annotation belongs to, then press A to attach it.";

/// After carrying a file's annotations to this version of the article.
pub fn carried(name: &str, s: &crate::model::reanchor::Summary) -> String {
    let n = s.exact + s.moved + s.fuzzy + s.orphaned;
    let mut out = format!(
        "Carried {} from \u{201c}{name}\u{201d} to this version: {} where they were, {} found elsewhere, {} with changed text.",
        count(n, "annotation"),
        s.exact,
        s.moved,
        s.fuzzy
    );
    if s.orphaned > 0 {
        out.push_str(&format!(
            " {} could not be placed: see \u{201c}Not placed\u{201d} in the panel; select the text and press A to attach one.",
            s.orphaned
        ));
    }
    if s.relations_waiting > 0 {
        out.push_str(&format!(
            " {} to them {} linked again when they are attached.",
            count(s.relations_waiting, "relation"),
            if s.relations_waiting == 1 {
                "is"
            } else {
                "are"
            }
        ));
    }
    out
}

/// How an annotation was carried from another version, for its row.
pub fn anchoring(a: crate::model::reanchor::Anchoring) -> String {
    use crate::model::reanchor::Anchoring::*;
    match a {
        Exact => "Carried: exact".into(),
        Moved => "Carried: moved".into(),
        Fuzzy { similarity } => format!("Carried: fuzzy ({} %)", similarity / 10),
        Orphaned => "Not placed".into(),
    }
}

/// While the annotations are being carried over.
pub fn carrying(n: usize) -> String {
    format!(
        "Carrying {} over to this version\u{2026}",
        count(n, "annotation")
    )
}

/// The carry dialog's question when the older version is a library
/// article, last changed at `changed` (RFC 3339).
pub fn offer_carry_library(changed: &str, title: &str, n: usize) -> String {
    let day = changed.get(..10).unwrap_or(changed);
    format!(
        "Your library holds another version of \u{201c}{title}\u{201d} (last changed {day}) with {}. Carry them over to the version open now, or open the library's version?",
        count(n, "annotation")
    )
}

/// The carry dialog's question.
pub fn offer_carry(name: &str, title: &str, n: usize) -> String {
    format!(
        "\u{201c}{name}\u{201d} was made on another version of \u{201c}{title}\u{201d}. Carry its {} over to the version open now, or open the file's own version?",
        count(n, "annotation")
    )
}

pub const SELECT_FIRST: &str = "Select some text in the article first, then press Ctrl+Enter.";

/// The cursor entered an annotation tagged `label`.
pub fn inside(label: &str, text: &str) -> String {
    format!("In {}: {}.", noun(label), quoted(text, 80))
}

pub fn selected(text: &str) -> String {
    format!("Selected: {}.", quoted(text, 120))
}

/// `[` / `]` landed on annotation `i` (0-based) of `n`, tagged `label`.
pub fn at_annotation(label: &str, i: usize, n: usize, text: &str) -> String {
    format!(
        "{label} {} of {n}: {}. Enter edits, Delete deletes, R resizes.",
        i + 1,
        quoted(text, 120)
    )
}

pub fn no_neighbour(next: bool) -> String {
    format!("No {} annotation.", if next { "next" } else { "previous" })
}

pub fn resizing(label: &str, text: &str) -> String {
    format!(
        "Resizing {} {}: → and ← move its end, Shift+→ and Shift+← its start; Enter or Esc ends.",
        noun(label),
        quoted(text, 80)
    )
}

pub const RESIZING_DONE: &str = "Resizing done.";
pub const CANNOT_RESIZE: &str = "It cannot get any smaller or larger that way.";

pub const LOADING_STOPPED: &str = "Loading stopped. Your current work is unchanged.";

/// Asked before unexported work is replaced.
pub fn discard(n: usize) -> String {
    format!("Discard {} not yet exported?", count(n, "annotation"))
}

pub fn reading_file(name: &str, bytes: f64) -> String {
    format!(
        "Reading \"{name}\" ({} MB)…",
        (bytes / 1_048_576.0).round() as u64
    )
}

pub fn loading(name: &str) -> String {
    format!("Loading \"{name}\"…")
}

pub const READING_PASTED_PAGE: &str = "Reading the pasted page…";
pub const NO_ARTICLE_FOUND: &str =
    "No article was found in this page, so all of its text is shown.";

pub fn cannot_open(name: &str, why: &dyn std::fmt::Display) -> String {
    format!("Could not open \"{name}\": {why}")
}

pub fn cannot_import(name: &str, why: &dyn std::fmt::Display) -> String {
    format!("Could not open annotations \"{name}\": {why} Your current work is unchanged.")
}

pub fn cannot_paste(why: &dyn std::fmt::Display) -> String {
    format!("Could not use the pasted text: {why}")
}

pub fn exported(n: usize, file_name: &str) -> String {
    format!("Exported {} to {file_name}.", count(n, "annotation"))
}

/// The ClaimReview download: how many, and what the reviews lack (the
/// first few, then how many more).
pub fn claim_reviews_exported(
    n: usize,
    file_name: &str,
    missing: &[crate::model::format::claimreview::Missing],
) -> String {
    const LISTED: usize = 3;
    let mut out = if n == 0 {
        format!("Exported no ClaimReview to {file_name}: no claim has a verdict other than Unverified yet.")
    } else {
        format!("Exported {} to {file_name}.", count(n, "ClaimReview"))
    };
    for m in missing.iter().take(LISTED) {
        out.push(' ');
        out.push_str(&m.to_string());
    }
    if missing.len() > LISTED {
        out.push_str(&format!(" And {} more missing.", missing.len() - LISTED));
    }
    out
}

/// The saved session failed the import checks and was copied aside.
pub fn restore_failed_kept(why: &dyn std::fmt::Display) -> String {
    format!("Your saved work could not be restored ({why}). It was kept aside in this browser's storage.")
}

/// The saved session failed the import checks and could not be copied
/// aside either: it stays where it was, to be tried again next time.
pub fn restore_failed_left(why: &dyn std::fmt::Display, aside: &dyn std::fmt::Display) -> String {
    format!("Your saved work could not be restored ({why}), and it could not be kept aside ({aside}). It is left untouched in this browser's storage and will be tried again next time.")
}

/// The line under the article's title: its source and length.
pub fn article_meta(source: &str, n_chars: usize) -> String {
    let source = if source.is_empty() {
        "pasted text"
    } else {
        source
    };
    format!("{source} · {n_chars} characters")
}

pub fn save_state(unexported: bool, paused: bool) -> &'static str {
    match (paused, unexported) {
        (true, _) => "Not saved in this browser",
        (false, true) => "Saved in this browser · not exported",
        (false, false) => "Saved in this browser",
    }
}

/// A tag set file that could not be used.
pub fn cannot_load_tag_set(name: &str, why: &dyn std::fmt::Display) -> String {
    format!("Could not load the tag set \"{name}\": {why} Your tags are unchanged.")
}

pub fn tag_set_saved(file_name: &str) -> String {
    format!("Saved the tag set to {file_name}.")
}

/// Asked before removing a tag that `n` annotations have.
pub fn remove_tag_question(label: &str, n: usize) -> String {
    format!(
        "{} tagged {label}. What becomes of {}?",
        count(n, "annotation"),
        if n == 1 { "it" } else { "them" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_singular_for_one() {
        assert_eq!(count(0, "claim"), "0 claims");
        assert_eq!(count(1, "claim"), "1 claim");
        assert_eq!(exported(1, "a.json"), "Exported 1 annotation to a.json.");
        assert_eq!(exported(2, "a.json"), "Exported 2 annotations to a.json.");
        assert_eq!(discard(1), "Discard 1 annotation not yet exported?");
    }

    #[test]
    fn reanchored_annotations_are_counted_in_words() {
        assert_eq!(
            opened_with("T", 1, 1),
            "Opened \"T\" with 1 annotation. 1 was placed by its quoted text because its offsets did not match."
        );
        assert_eq!(opened_with("T", 3, 0), "Opened \"T\" with 3 annotations.");
    }

    #[test]
    fn quotes_are_shortened_by_code_points() {
        assert_eq!(quoted("👍🏽 fine", 2), "“👍🏽…”");
        assert_eq!(added("Quote", "ok", 1), "Quote added: “ok”. 1 quote.");
        assert_eq!(inside("Statistic", "4%"), "In statistic: “4%”.");
    }
}

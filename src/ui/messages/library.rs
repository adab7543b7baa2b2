//! Sentences about the library: restoring, moving saved work in, the
//! library view, storage.

use crate::model::case::Lowercase;
use crate::model::library::{Row, Status};

/// An article of the library that could not be restored, kept aside.
pub fn article_unreadable_kept(title: &str, why: &dyn std::fmt::Display) -> String {
    format!("\"{title}\" in your library could not be restored ({why}). Its records are left as they were, and a copy was kept aside in this browser's storage.")
}

/// As [`article_unreadable_kept`], when even the copy failed.
pub fn article_unreadable_left(title: &str, why: &dyn std::fmt::Display) -> String {
    format!("\"{title}\" in your library could not be restored ({why}). Its records are left as they were.")
}

pub const MOVED_IN: &str = "Your saved work was moved into the library.";

pub const UPDATED_ELSEWHERE: &str =
    "This article was changed in another tab; the page now shows that change.";

/// The counts of a row: "2 Claims · 1 Source" (tags with none left out).
pub fn row_counts(row: &Row) -> String {
    let Ok(entry) = &row.entry else {
        return "Unreadable record".into();
    };
    let parts: Vec<String> = entry
        .counts
        .iter()
        .filter(|c| c.n > 0)
        .map(|c| format!("{} {}", c.n, c.label))
        .collect();
    if parts.is_empty() {
        "No annotations".into()
    } else {
        parts.join(" · ")
    }
}

/// "12 articles" / "1 article in the bin".
pub fn n_articles(n: usize, bin: bool) -> String {
    let noun = if n == 1 { "article" } else { "articles" };
    if bin {
        format!("{n} {noun} in the bin")
    } else {
        format!("{n} {noun}")
    }
}

/// The library's "Show more" button: `next` more rows, `shown` of `n` listed.
pub fn show_more(next: usize, shown: usize, n: usize) -> String {
    format!("Show {next} more ({shown} of {n} shown)")
}

/// Storage used, in words: "1.2 MB used of 10.4 GB this browser allows".
pub fn storage_used(usage: f64, quota: f64, persisted: bool) -> String {
    let persistent = if persisted { " Kept persistently." } else { "" };
    format!(
        "{} used of {} this browser allows.{persistent}",
        bytes(usage),
        bytes(quota)
    )
}

fn bytes(n: f64) -> String {
    let (value, unit) = if n >= 1e9 {
        (n / 1e9, "GB")
    } else if n >= 1e6 {
        (n / 1e6, "MB")
    } else {
        (n / 1e3, "KB")
    };
    let tenths = (value * 10.0).round() as u64;
    format!("{}.{} {unit}", tenths / 10, tenths % 10)
}

pub fn persisted(granted: bool) -> &'static str {
    if granted {
        "The browser will keep the library even when storage runs low."
    } else {
        "The browser did not agree to keep the library persistently; it may clear it when storage runs low. Export what you need."
    }
}

pub fn renamed(title: &str) -> String {
    format!("Renamed to \"{title}\".")
}

pub fn binned(title: &str) -> String {
    format!("Moved \"{title}\" to the bin.")
}

pub fn restored_from_bin(title: &str) -> String {
    format!("Restored \"{title}\" from the bin.")
}

pub fn forget_question(title: &str) -> String {
    format!("Delete \"{title}\" and its annotations for good? This cannot be undone.")
}

pub fn status_set(title: &str, status: Status) -> String {
    format!("\"{title}\" is now {}.", status.label().lowercase())
}

pub fn opened_from_library(title: &str, n: usize) -> String {
    format!(
        "Opened \"{title}\" from the library with {}.",
        super::count(n, "annotation")
    )
}

/// A library export of `n` articles, in another tool's `format` (its
/// name) or native; `left_out`: titles that could not be restored.
pub fn library_exported(
    n: usize,
    file_name: &str,
    format: Option<&str>,
    left_out: &[String],
) -> String {
    let as_format = format.map(|f| format!(" ({f})")).unwrap_or_default();
    let mut out = format!(
        "Exported {} to {file_name}{as_format}.",
        n_articles(n, false)
    );
    if !left_out.is_empty() {
        out.push_str(&format!(
            " Left out, since they could not be restored: {}.",
            left_out.join(", ")
        ));
    }
    out
}

/// A dataset read into the library: `n` articles; the documents that
/// failed (where, why: the first is named) and the annotations that could
/// not be placed.
pub fn library_imported(
    n: usize,
    file_name: &str,
    bad: &[(String, String)],
    not_placed: usize,
) -> String {
    let mut out = format!(
        "Added {} from {file_name} to the library.",
        n_articles(n, false)
    );
    if let Some((at, why)) = bad.first() {
        let what = match bad.len() {
            1 => "1 document".to_owned(),
            k => format!("{k} documents"),
        };
        out.push_str(&format!(
            " {what} could not be read; the first, {at}: {why}"
        ));
    }
    if not_placed > 0 {
        let s = if not_placed == 1 { "" } else { "s" };
        out.push_str(&format!(
            " {not_placed} annotation{s} could not be placed on the text (those that quote it are under Not placed in their article)."
        ));
    }
    out
}

/// An Import library that read nothing.
pub fn library_not_imported(file_name: &str, why: &str) -> String {
    format!("{file_name} could not be imported into the library: {why}")
}

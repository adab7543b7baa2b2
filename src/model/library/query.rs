//! Search and sort over the library's [`Row`]s, as the library view asks.

use super::Row;
use crate::model::case::Lowercase;

/// The order of the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    /// Last change, newest first.
    #[default]
    Changed,
    /// Title, A to Z (ignoring case).
    Title,
    /// The article's date, newest first.
    Date,
    /// To do, in progress, done; then by last change.
    Status,
}

impl SortBy {
    pub const ALL: [SortBy; 4] = [SortBy::Changed, SortBy::Title, SortBy::Date, SortBy::Status];

    pub fn label(self) -> &'static str {
        match self {
            SortBy::Changed => "Last change",
            SortBy::Title => "Title",
            SortBy::Date => "Date",
            SortBy::Status => "Status",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SortBy::Changed => "changed",
            SortBy::Title => "title",
            SortBy::Date => "date",
            SortBy::Status => "status",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// What the library view shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Words that the title or source must all contain (ignoring case).
    pub text: String,
    pub sort: SortBy,
    /// The bin instead of the library.
    pub bin: bool,
}

/// Indices into `rows` of those `query` shows, in its order. Ties keep
/// the key order, so the list is stable. O(n log n) with the text of each
/// row lowered once.
pub fn select(rows: &[Row], query: &Query) -> Vec<usize> {
    let words: Vec<String> = query
        .text
        .split_whitespace()
        .map(|w| w.lowercase())
        .collect();
    let mut picked: Vec<(usize, String)> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.in_bin() == query.bin)
        .filter_map(|(i, r)| {
            let source = r.entry.as_ref().map_or("", |e| e.source.as_str());
            let hay = format!("{}\n{source}", r.title()).lowercase();
            words
                .iter()
                .all(|w| hay.contains(w.as_str()))
                .then(|| (i, r.title().lowercase()))
        })
        .collect();
    crate::model::sort::by(&mut picked, |(a, ta), (b, tb)| {
        let (ra, rb) = (&rows[*a], &rows[*b]);
        let order = match query.sort {
            SortBy::Changed => rb.changed().cmp(ra.changed()),
            SortBy::Title => ta.cmp(tb),
            SortBy::Date => rb.date().cmp(ra.date()),
            SortBy::Status => ra
                .label
                .status
                .cmp(&rb.label.status)
                .then_with(|| rb.changed().cmp(ra.changed())),
        };
        order.then_with(|| ra.key.cmp(&rb.key))
    });
    picked.into_iter().map(|(i, _)| i).collect()
}

//! What the library lists about an article: the [`Entry`] the saver
//! derives from the session at each change, the [`Label`] the user sets
//! (title, status, bin), and the [`Row`] that joins them.

use super::LibraryKey;
use crate::model::{Article, Session};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The version of [`Entry`] and [`Label`] records this build writes and reads.
pub const RECORD_VERSION: u32 = 1;

/// Where the user is with an article.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    ToDo,
    InProgress,
    Done,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::ToDo, Status::InProgress, Status::Done];

    /// What the page calls it.
    pub fn label(self) -> &'static str {
        match self {
            Status::ToDo => "To do",
            Status::InProgress => "In progress",
            Status::Done => "Done",
        }
    }

    /// The name in records and form values (`to_do`).
    pub fn name(self) -> &'static str {
        match self {
            Status::ToDo => "to_do",
            Status::InProgress => "in_progress",
            Status::Done => "done",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// How many annotations one tag has, in the tag set's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagCount {
    pub tag: String,
    pub label: String,
    pub n: usize,
}

/// One article as the saver last wrote it. Times are RFC 3339 in UTC.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// [`RECORD_VERSION`].
    pub v: u32,
    pub key: LibraryKey,
    /// The article's own title (a [`Label`] may rename it).
    pub title: String,
    pub source: String,
    /// The date the article states, if any (`published`).
    #[serde(default)]
    pub published: String,
    /// The page's canonical URL, if it states one (`meta.url`): how a
    /// later version with a new headline and file name is still known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// When the article was first kept.
    pub added: String,
    /// The last change saved.
    pub changed: String,
    pub counts: Vec<TagCount>,
    pub n_annotations: usize,
    /// Length of the text in code points.
    pub n_chars: usize,
    /// Changes not yet exported.
    pub unexported: bool,
}

impl Entry {
    /// The entry of `session` kept as `key`, first kept at `added`,
    /// changed last at `changed`. O(tags).
    pub fn of(key: &LibraryKey, session: &Session, added: &str, changed: &str) -> Self {
        let article = session.article();
        Self {
            v: RECORD_VERSION,
            key: key.clone(),
            title: article.title.clone(),
            source: article.source.clone(),
            published: article.meta.published.clone(),
            url: article.meta.url.clone(),
            added: added.to_owned(),
            changed: changed.to_owned(),
            counts: session
                .schema()
                .tags()
                .iter()
                .map(|t| TagCount {
                    tag: t.id.to_string(),
                    label: t.label.clone(),
                    n: session.count(&t.id),
                })
                .collect(),
            n_annotations: session.annotations().len(),
            n_chars: article.text.char_len(),
            unexported: session.has_unexported(),
        }
    }

    /// Read an entry record.
    ///
    /// # Errors
    /// [`RecordError`] when it is not JSON of an entry, or of a version
    /// this build does not read.
    pub fn parse(json: &str) -> Result<Self, RecordError> {
        parse_record(json)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("plain data serialises")
    }

    /// Whether `article` may be another version of this one: the same
    /// title, source (file name or address) or canonical URL, none empty.
    /// (Whether the text differs is for the caller, which reads it.)
    pub fn may_be_version_of(&self, article: &Article) -> bool {
        let same = |a: &str, b: &str| !a.is_empty() && a == b;
        same(&self.title, &article.title)
            || same(&self.source, &article.source)
            || same(&self.url, &article.meta.url)
    }
}

/// What the user set about an article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    /// [`RECORD_VERSION`].
    pub v: u32,
    /// The user's title; `None`: the article's own.
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub status: Status,
    /// When it was moved to the bin; `None`: not in the bin.
    #[serde(default)]
    pub binned: Option<String>,
}

impl Label {
    pub fn new() -> Self {
        Self {
            v: RECORD_VERSION,
            ..Self::default()
        }
    }

    /// Read a label record.
    ///
    /// # Errors
    /// As [`Entry::parse`].
    pub fn parse(json: &str) -> Result<Self, RecordError> {
        parse_record(json)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("plain data serialises")
    }
}

/// A record of any kind from its JSON, its version checked first.
fn parse_record<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, RecordError> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| RecordError::Shape(e.to_string()))?;
    check_version(&value)?;
    serde_json::from_str(json).map_err(|e| RecordError::Shape(e.to_string()))
}

fn check_version(value: &serde_json::Value) -> Result<(), RecordError> {
    match value.get("v").and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(RECORD_VERSION) => Ok(()),
        Some(v) => Err(RecordError::Version(v)),
        None => Err(RecordError::Shape("it has no version".into())),
    }
}

/// Why a library record could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// Not JSON of the expected shape: the reader's words.
    Shape(String),
    /// Written by a newer version of the app.
    Version(u64),
    /// The article's records are missing (`what`).
    Missing(&'static str),
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::Shape(why) => write!(f, "its record is damaged: {why}"),
            RecordError::Version(v) => write!(
                f,
                "its record is of version {v}, written by a newer version of this app"
            ),
            RecordError::Missing(what) => write!(f, "its {what} is missing"),
        }
    }
}

/// One line of the library view: an entry under its label, or a record
/// that could not be read (listed, never dropped).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub key: LibraryKey,
    /// `Err`: the entry record could not be read; the article's records
    /// are left as they are.
    pub entry: Result<Entry, RecordError>,
    pub label: Label,
}

impl Row {
    /// The title shown: the user's, else the article's (an unreadable
    /// entry: its key).
    pub fn title(&self) -> &str {
        match (&self.label.title, &self.entry) {
            (Some(t), _) => t,
            (None, Ok(e)) => &e.title,
            (None, Err(_)) => self.key.as_str(),
        }
    }

    /// The date shown: the one the article states, else when it was kept.
    pub fn date(&self) -> &str {
        match &self.entry {
            Ok(e) if !e.published.is_empty() => &e.published,
            Ok(e) => e.added.get(..10).unwrap_or(&e.added),
            Err(_) => "",
        }
    }

    /// The last change saved ("" when unreadable).
    pub fn changed(&self) -> &str {
        self.entry.as_ref().map_or("", |e| e.changed.as_str())
    }

    pub fn in_bin(&self) -> bool {
        self.label.binned.is_some()
    }
}

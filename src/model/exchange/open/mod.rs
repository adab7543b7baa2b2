//! "Open annotations" for every format: a native file, or another tool's
//! (W3C Web Annotation — ours, Hypothesis's and Recogito's —, Label
//! Studio, doccano, brat's `.txt` and `.ann` chosen together). Each reader
//! turns its file into a [`Foreign`] document; [`place`] puts that on an
//! article — the one open when the file holds no text or the same text,
//! else a new one of the file's text — and checks every annotation against
//! its quote, listing those it cannot place instead of guessing.

mod brat;
mod dataset;
mod doccano;
mod label_studio;
mod locate;
mod place;
mod w3c;

pub use dataset::{open_dataset, Documents};

use super::Format;
use crate::model::format::{self, ImportError, Imported};
use crate::model::Session;
use serde_json::Value;

/// A file the user chose: its name and bytes.
#[derive(Clone, Copy, Debug)]
pub struct InFile<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// Open `files` — one annotation file in any format we read, or brat's
/// `.txt` and `.ann` — as a session. `current` is the session open now:
/// W3C annotations are placed on its article, and a file whose text equals
/// its text (or its readable text) keeps its layout. O(n + a·anchoring).
///
/// # Errors
/// The first problem found, naming the file part (line, annotation
/// number) where there is one; nothing is partly opened. Annotations that
/// cannot be placed are not errors: they are listed in the report.
pub fn open(files: &[InFile], current: Option<&Session>) -> Result<Imported, ImportError> {
    match detect(files)? {
        None => format::import(files[0].bytes),
        Some(Format::Brat) => {
            let (txt, ann) = brat_pair(files).expect("detected as a pair");
            place::place(brat::read(txt, ann)?, current, stem(txt.name))
        }
        Some(f) => {
            let file = files[0];
            let foreign = match f {
                Format::Doccano => doccano::read(text_of(file.bytes)?)?,
                Format::LabelStudio => label_studio::read(&json_value(file.bytes)?)?,
                _ => w3c::read(&json_value(file.bytes)?)?,
            };
            place::place(foreign, current, stem(file.name))
        }
    }
}

/// The format of `files` by their names and content; `None` for a native
/// file (or one that is nothing we read: the native reader names why).
///
/// # Errors
/// A choice of files that is not one file or a brat pair.
pub fn detect(files: &[InFile]) -> Result<Option<Format>, ImportError> {
    let pick = |what: &str| Err(ImportError::Foreign(what.into()));
    match files {
        [] => pick("no file was chosen"),
        [_, _] if brat_pair(files).is_some() => Ok(Some(Format::Brat)),
        [one] if has_ext(one.name, ".ann") => {
            pick("a brat .ann file needs its .txt: choose both files together")
        }
        [one] if has_ext(one.name, ".txt") => pick(
            "a .txt file alone is an article: open it with \"Open article\", or choose it together with its brat .ann",
        ),
        [one] => Ok(sniff(one)),
        _ => pick("choose one annotations file, or a brat .txt and .ann together"),
    }
}

/// The format of one JSON or JSONL file by its shape.
fn sniff(file: &InFile) -> Option<Format> {
    let text = std::str::from_utf8(file.bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = match serde_json::from_str::<Value>(text) {
        Ok(v) => v,
        // JSONL: several objects, one a line.
        Err(_) => {
            let first = text.lines().find(|l| !l.trim().is_empty())?;
            let v: Value = serde_json::from_str(first).ok()?;
            return is_doccano(&v).then_some(Format::Doccano);
        }
    };
    let first = match &value {
        Value::Array(items) => items.first()?,
        v => v,
    };
    let has = |k: &str| first.get(k).is_some();
    if value.get("version").is_some() && has("article") {
        None
    } else if has("target") || has("@context") || has("rows") || is_hypothesis_export(first) {
        Some(Format::W3c)
    } else if has("data") && (has("annotations") || has("predictions") || value.is_array()) {
        Some(Format::LabelStudio)
    } else if is_doccano(first) {
        Some(Format::Doccano)
    } else {
        None
    }
}

fn is_doccano(v: &Value) -> bool {
    v.get("text").is_some_and(Value::is_string)
        && ["entities", "label", "labels", "relations"]
            .iter()
            .any(|k| v.get(k).is_some())
}

/// Hypothesis's own export: `{"annotations": [{"target": …}]}`.
fn is_hypothesis_export(v: &Value) -> bool {
    v.get("annotations")
        .and_then(Value::as_array)
        .and_then(|a| a.first())
        .is_some_and(|a| a.get("target").is_some())
}

/// `(txt, ann)` when `files` are brat's two files, in either order.
fn brat_pair<'a>(files: &[InFile<'a>]) -> Option<(InFile<'a>, InFile<'a>)> {
    match files {
        [a, b] if has_ext(a.name, ".txt") && has_ext(b.name, ".ann") => Some((*a, *b)),
        [a, b] if has_ext(a.name, ".ann") && has_ext(b.name, ".txt") => Some((*b, *a)),
        _ => None,
    }
}

fn has_ext(name: &str, ext: &str) -> bool {
    name.to_ascii_lowercase().ends_with(ext)
}

/// The file name without its extensions: the title of a new article.
fn stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.split('.')
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or(base)
}

/// The file as UTF-8 text, without a byte-order mark.
fn text_of(bytes: &[u8]) -> Result<&str, ImportError> {
    let s = std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)?;
    let s = s.strip_prefix('\u{feff}').unwrap_or(s);
    if s.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(s)
}

/// The file as one JSON value, syntax errors placed by line and column.
fn json_value(bytes: &[u8]) -> Result<Value, ImportError> {
    let s = text_of(bytes)?;
    serde_json::from_str(s).map_err(|e| ImportError::syntax(s, &e))
}

/// One annotation as another tool wrote it, before it is placed.
#[derive(Clone, Debug, Default)]
pub(super) struct Span {
    /// Its id in the file (relations refer to it); may be empty.
    pub id: String,
    /// Its tag's id or label; empty when it has none.
    pub label: String,
    /// Offsets as written, end-exclusive (code points; for W3C maybe UTF-16
    /// units); `None` when the file gives none.
    pub start: Option<usize>,
    pub end: Option<usize>,
    /// The text it quotes, when the file says.
    pub exact: Option<String>,
    pub prefix: String,
    pub suffix: String,
    pub note: String,
    /// Field values as text (`"Mostly false"`, `"Mostly_false"`, `"yes"`,
    /// `"12"`), read by each field's type when placed.
    pub fields: Vec<(String, String)>,
    pub created: String,
    pub modified: String,
    /// Who made it, when the file says; else empty.
    pub creator: String,
}

/// A relation as another tool wrote it: its ends are [`Span::id`]s.
#[derive(Clone, Debug, Default)]
pub(super) struct Link {
    pub id: String,
    /// Its type's id or label.
    pub kind: String,
    pub from: String,
    pub to: String,
    pub created: String,
}

/// A document of another tool, read but not yet placed.
#[derive(Clone, Debug)]
pub(super) struct Foreign {
    pub format: Format,
    /// Its text; `None` when the format holds none (W3C).
    pub text: Option<String>,
    pub title: Option<String>,
    /// Where its annotations were made (W3C `target.source`).
    pub source: Option<String>,
    pub spans: Vec<Span>,
    pub links: Vec<Link>,
    /// Offsets may count UTF-16 units (W3C from JavaScript tools).
    pub utf16_possible: bool,
    /// What was in the file but not read.
    pub notes: Vec<String>,
}

impl Foreign {
    fn new(format: Format) -> Self {
        Self {
            format,
            text: None,
            title: None,
            source: None,
            spans: Vec::new(),
            links: Vec::new(),
            utf16_possible: false,
            notes: Vec::new(),
        }
    }
}

/// A JSON value's string, `""` when absent or not a string.
fn str_at<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// A JSON value's string or number as text (ids are either).
fn id_at(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// A JSON value's offset: a whole number ≥ 0.
fn offset_at(v: &Value, key: &str) -> Option<usize> {
    v.get(key)
        .and_then(Value::as_u64)
        .and_then(|n| usize::try_from(n).ok())
}

//! "Import library" for datasets of many articles: each document becomes
//! an article of its own. Read: native JSONL (the library's own export),
//! doccano JSONL (a document a line), spaCy JSONL (the library's spaCy
//! download: `{"text", "spans", "meta"}` a line), Label Studio task lists
//! (a JSON array, or a task a line), and a zip of brat `.txt`/`.ann` pairs (the
//! library's brat export, or brat's own folder zipped). W3C and CSV hold
//! no text to make an article from and are refused with that reason.
//! A document that cannot be read is named and the others are read;
//! spans that cannot be placed are counted in each article's report.

use super::{
    brat, doccano, has_ext, label_studio, offset_at, place, str_at, text_of, Foreign, InFile, Span,
};
use crate::model::exchange::Format;
use crate::model::format::{self, ImportError, Imported};
use serde_json::Value;
use std::io::Read;

/// The documents of a dataset file: its articles in file order, and the documents that
/// could not be read (where, e.g. "line 3", "task 2", "a.ann"; and why).
#[derive(Debug, Default)]
pub struct Documents {
    pub articles: Vec<Imported>,
    pub bad: Vec<(String, ImportError)>,
}

impl Documents {
    fn take(&mut self, at: String, read: Result<Imported, ImportError>) {
        match read {
            Ok(imported) => self.articles.push(imported),
            Err(e) => self.bad.push((at, e)),
        }
    }
}

/// Every document of `file` as an article. O(size of the file + placing).
///
/// # Errors
/// A file that is none of the formats read, or holds no document.
pub fn open_dataset(file: InFile) -> Result<Documents, ImportError> {
    let stem = super::stem(file.name);
    let documents = if file.bytes.starts_with(b"PK\x03\x04") || has_ext(file.name, ".zip") {
        brat_zip(file.bytes)?
    } else {
        let text = text_of(file.bytes)?;
        match text.trim_start().starts_with('[') {
            true => task_list(text, stem)?,
            false => lines(text, stem),
        }
    };
    if documents.articles.is_empty() {
        // Nothing read: the file is refused with its first document's reason.
        return Err(documents
            .bad
            .into_iter()
            .next()
            .map_or(ImportError::Empty, |(_, e)| e));
    }
    Ok(documents)
}

/// Document `k`'s title when the file gives it none: "corpus 3".
fn numbered(stem: &str, k: usize) -> String {
    format!("{stem} {k}")
}

fn placed(
    foreign: Result<Foreign, ImportError>,
    stem: &str,
    k: usize,
) -> Result<Imported, ImportError> {
    place::place(foreign?, None, &numbered(stem, k))
}

/// A JSON array of documents: Label Studio tasks (or any document a line
/// of JSONL may hold).
fn task_list(text: &str, stem: &str) -> Result<Documents, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::syntax(text, &e))?;
    let Value::Array(tasks) = value else {
        unreachable!("the text starts with [")
    };
    let mut out = Documents::default();
    for (i, task) in tasks.iter().enumerate() {
        let k = i + 1;
        let raw = || task.to_string();
        out.take(format!("task {k}"), document(task, raw, k, stem, k));
    }
    Ok(out)
}

/// JSONL: a native file, a spaCy or doccano document or a Label Studio
/// task a line.
fn lines(text: &str, stem: &str) -> Documents {
    let mut out = Documents::default();
    for (k, (n, line)) in doccano::documents(text).enumerate() {
        let read = serde_json::from_str::<Value>(line)
            .map_err(|e| ImportError::syntax(line, &e).on_line(n))
            .and_then(|doc| document(&doc, || line.to_owned(), n, stem, k + 1));
        out.take(format!("line {n}"), read);
    }
    out
}

/// One document `doc` (its JSON text `raw`), number `n` in its file and
/// the `k`th read: a native file, a Label Studio task, a spaCy line or a
/// doccano one, by its keys.
fn document(
    doc: &Value,
    raw: impl FnOnce() -> String,
    n: usize,
    stem: &str,
    k: usize,
) -> Result<Imported, ImportError> {
    let foreign = match () {
        _ if doc.get("version").is_some() => return format::import(raw().as_bytes()),
        _ if doc.get("data").is_some() => label_studio::read_task(doc, n),
        _ if doc.get("spans").is_some() => spacy_line(doc, n),
        _ if doc.get("text").is_some() => doccano::read_doc(doc, n),
        _ => Err(ImportError::Foreign(format!(
            "document {n} is none we read: doccano and spaCy documents have a \"text\", Label Studio tasks \"data\", native files \"version\" and \"article\""
        ))),
    };
    placed(foreign, stem, k)
}

/// One spaCy line, `{"text", "spans": [{"start", "end", "label"}],
/// "meta": {"title", "source"}}` (offsets in code points), from line `n`.
fn spacy_line(doc: &Value, n: usize) -> Result<Foreign, ImportError> {
    let shape = |what: String| ImportError::Shape(format!("line {n} {what}"));
    let text = doc.get("text").and_then(Value::as_str);
    let mut out = Foreign::new(Format::Spacy);
    out.text = Some(
        text.ok_or_else(|| shape("has no \"text\"".into()))?
            .to_owned(),
    );
    let meta = doc.get("meta").unwrap_or(&Value::Null);
    out.title = meta.get("title").and_then(Value::as_str).map(str::to_owned);
    let spans = doc
        .get("spans")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    for (i, s) in spans.iter().enumerate() {
        let (start, end) = (offset_at(s, "start"), offset_at(s, "end"));
        if start.is_none() || end.is_none() {
            return Err(shape(format!(
                "span {} has no whole-number \"start\" and \"end\"",
                i + 1
            )));
        }
        out.spans.push(Span {
            id: str_at(s, "id").to_owned(),
            label: str_at(s, "label").to_owned(),
            start,
            end,
            ..Span::default()
        });
    }
    Ok(out)
}

/// The most a zip may unpack to (its `.txt` and `.ann` files), bytes: as
/// much as one file opened may hold.
const MAX_UNPACKED: usize = crate::model::limits::MAX_FILE_BYTES;

/// A zip of brat pairs: `<name>.txt` with `<name>.ann` (a `.txt` without
/// its `.ann` is an article without annotations; an `.ann` without its
/// `.txt` is named). Other entries are skipped; a zip of nothing but W3C
/// or CSV files is refused: they hold no text.
fn brat_zip(bytes: &[u8]) -> Result<Documents, ImportError> {
    let not_zip = |e: zip::result::ZipError| {
        ImportError::Foreign(format!("it is not a zip we can read ({e})"))
    };
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(not_zip)?;
    let (mut files, mut unpacked): (Vec<(String, Vec<u8>)>, usize) = (Vec::new(), 0);
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(not_zip)?;
        let name = entry.name().to_owned();
        let hidden = name.starts_with("__MACOSX/")
            || name.rsplit('/').next().is_some_and(|n| n.starts_with('.'));
        if hidden || !(has_ext(&name, ".txt") || has_ext(&name, ".ann")) {
            continue;
        }
        let mut content = Vec::new();
        let left = (MAX_UNPACKED - unpacked) as u64 + 1;
        entry
            .take(left)
            .read_to_end(&mut content)
            .map_err(|e| ImportError::Foreign(format!("{name} could not be unpacked ({e})")))?;
        unpacked += content.len();
        if unpacked > MAX_UNPACKED {
            return Err(ImportError::Foreign(format!(
                "it unpacks to more than {} MB",
                MAX_UNPACKED >> 20
            )));
        }
        files.push((name, content));
    }
    if files.is_empty() {
        return Err(ImportError::Foreign(
            "the zip holds no brat .txt and .ann files (W3C and CSV files hold no text to make articles from: open each article, then its annotations)".into(),
        ));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    // Pairs by name without the extension, whatever its case.
    let base = |n: &str| n[..n.len() - 4].to_owned();
    let with_ext = |n: &str, ext: &str| {
        files
            .iter()
            .find(|(m, _)| has_ext(m, ext) && base(m) == base(n))
    };
    let mut out = Documents::default();
    for (name, content) in files.iter().filter(|(n, _)| has_ext(n, ".txt")) {
        let ann = with_ext(name, ".ann");
        let ann_name = ann.map_or_else(|| format!("{}.ann", base(name)), |(n, _)| n.clone());
        let txt = InFile {
            name,
            bytes: content,
        };
        let ann = InFile {
            name: &ann_name,
            bytes: ann.map_or(&[][..], |(_, b)| b.as_slice()),
        };
        let read = brat::read(txt, ann).and_then(|f| place::place(f, None, super::stem(name)));
        out.take(name.clone(), read);
    }
    for (name, _) in files.iter().filter(|(n, _)| has_ext(n, ".ann")) {
        if with_ext(name, ".txt").is_none() {
            let why = format!("{name} has no {}.txt beside it", base(name));
            out.bad.push((name.clone(), ImportError::Foreign(why)));
        }
    }
    Ok(out)
}

//! Many articles in one format, as one download (the library's "Export
//! these articles"). Formats whose file holds many documents get one file:
//! Label Studio (one task per article, ids from 1), doccano and spaCy (one
//! line per article) and CoNLL-2003 (one `-DOCSTART-` per article, when
//! every article has the same tags and so the same columns). The others —
//! W3C, brat, CSV, and CoNLL over different tag sets — get a zip of each
//! article's files, named by the article's slug (made unique: `-2`, `-3`).

use super::bundle::zip_named;
use super::{export, Exported, Format, Kept};
use crate::model::{slug, Session};
use std::collections::HashSet;

/// One download of many articles, and what the export left out of all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Many {
    pub name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
    /// Sums of [`Exported::left_out`] and [`Exported::relations_left_out`].
    pub left_out: usize,
    pub relations_left_out: usize,
    /// What any article has that the format cannot hold.
    pub dropped: Vec<Kept>,
}

/// `sessions` in `format` as one download whose name starts with `stem`
/// (`library.label-studio.json`, `library.brat.zip`). O(total size).
pub fn export_many(sessions: &[Session], format: Format, everything: bool, stem: &str) -> Many {
    let exports: Vec<Exported> = sessions
        .iter()
        .map(|s| export(s, format, everything))
        .collect();
    let (name, mime, bytes) = if merges(sessions, format) {
        merged(&exports, format, stem)
    } else {
        let stems = unique_stems(sessions);
        let files = exports.iter().zip(&stems).flat_map(|(e, stem)| {
            e.files
                .iter()
                .map(move |f| (format!("{stem}{}", f.suffix), f.content.as_str()))
        });
        (
            format!("{stem}.{}.zip", format.id()),
            "application/zip",
            zip_named(files),
        )
    };
    let mut dropped: Vec<Kept> = Vec::new();
    for k in exports.iter().flat_map(|e| &e.dropped) {
        if !dropped.contains(k) {
            dropped.push(*k);
        }
    }
    Many {
        name,
        mime,
        bytes,
        left_out: exports.iter().map(|e| e.left_out).sum(),
        relations_left_out: exports.iter().map(|e| e.relations_left_out).sum(),
        dropped,
    }
}

/// Whether `format` writes `sessions` as one file.
fn merges(sessions: &[Session], format: Format) -> bool {
    match format {
        Format::LabelStudio | Format::Doccano | Format::Spacy => true,
        Format::Conll => {
            let tags = |s: &Session| -> Vec<String> {
                s.schema().tags().iter().map(|t| t.id.to_string()).collect()
            };
            sessions.windows(2).all(|w| tags(&w[0]) == tags(&w[1]))
        }
        Format::W3c | Format::Brat | Format::Csv => false,
    }
}

/// The one-file formats' files joined: Label Studio's task lists as one
/// list (task ids renumbered from 1), the others one after another.
fn merged(exports: &[Exported], format: Format, stem: &str) -> (String, &'static str, Vec<u8>) {
    let (suffix, mime) = match exports.first() {
        Some(e) => (first(e).suffix.to_owned(), first(e).mime),
        None => (format!(".{}", format.id()), "text/plain"),
    };
    let content = if format == Format::LabelStudio {
        let mut tasks: Vec<serde_json::Value> = Vec::new();
        for e in exports {
            let list: Vec<serde_json::Value> =
                serde_json::from_str(&first(e).content).expect("our Label Studio export is JSON");
            tasks.extend(list);
        }
        for (n, task) in tasks.iter_mut().enumerate() {
            task["id"] = (n + 1).into();
        }
        let mut out = serde_json::to_string_pretty(&tasks).expect("plain data serialises");
        out.push('\n');
        out
    } else {
        let parts: Vec<&str> = exports.iter().map(|e| first(e).content.as_str()).collect();
        // CoNLL documents are separated by a blank line; JSONL needs none.
        parts.join(if format == Format::Conll { "\n" } else { "" })
    };
    (format!("{stem}{suffix}"), mime, content.into_bytes())
}

/// The one file of a one-file format's export.
fn first(e: &Exported) -> &super::OutFile {
    &e.files[0]
}

/// Each session's slug, with `-2`, `-3`… added where slugs repeat.
fn unique_stems(sessions: &[Session]) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::new();
    sessions
        .iter()
        .map(|s| {
            let base = slug(&s.article().title);
            let mut stem = base.clone();
            let mut n = 1;
            while !taken.insert(stem.clone()) {
                n += 1;
                stem = format!("{base}-{n}");
            }
            stem
        })
        .collect()
}

//! What the converters' web worker does, as a pure function: a [`Job`]
//! (JSON) and its files in, a reply (JSON) and maybe bytes out. The page
//! keeps the converters (and the Markdown parser) out of its first load: it
//! sends native files ([`crate::model::format::export`]) and gets native
//! files back, so only the worker holds the other formats' code.

use super::{export, export_many, one_file, open, Format, InFile, Kept};
use crate::model::agreement::adjudicate::{prepare, Adjudication};
use crate::model::agreement::view::{coder_names, View};
use crate::model::agreement::{compare, Coder};
use crate::model::format::{self, Report};
use crate::model::reanchor::{carry, Summary};
use crate::model::{load, Session};
use serde::{Deserialize, Serialize};

/// One request to the worker.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum Job {
    /// Export the native file `native` in `format`, named from `stem`.
    Export {
        native: String,
        format: Format,
        everything: bool,
        stem: String,
    },
    /// Export the native files `natives` (many articles) in `format` as one
    /// download named from `stem` ([`super::export_many`]).
    ExportMany {
        natives: Vec<String>,
        format: Format,
        everything: bool,
        stem: String,
    },
    /// Open the job's files (their names here, bytes beside the job) onto
    /// the native file `current`.
    Open { names: Vec<String>, current: String },
    /// Load the job's one file, named `name`, as an article
    /// ([`crate::model::load::load_file`]: Markdown, or plain text).
    Load { name: String },
    /// Compare annotators: the job's files (their names here, bytes beside
    /// the job) are native files of one article, one per annotator.
    Agree { names: Vec<String> },
    /// Prepare adjudicating the same files' disagreements
    /// ([`crate::model::agreement::adjudicate::prepare`]).
    Adjudicate { names: Vec<String> },
    /// Carry the annotations of the native file `file`, made on another
    /// version of the article, onto the article of the native file
    /// `current` ([`crate::model::reanchor::carry`]).
    Carry { file: String, current: String },
    /// Read the job's one file, named `name`, as a dataset of many
    /// articles for the library ([`super::open_dataset`]).
    OpenDataset { name: String },
}

/// The worker's answer to an [`Job::Export`] or [`Job::ExportMany`]; the
/// file's bytes come beside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportReply {
    pub name: String,
    pub mime: String,
    pub left_out: usize,
    pub relations_left_out: usize,
    pub dropped: Vec<Kept>,
}

/// The worker's answer to an [`Job::Open`]: the session as a native file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenReply {
    pub native: String,
    pub n_reanchored: usize,
    pub report: Report,
}

/// The worker's answer to a [`Job::Load`]: the article as a native file
/// without annotations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadReply {
    pub native: String,
}

/// The worker's answer to a [`Job::Carry`]: the carried session as a
/// native file, and what became of its annotations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarryReply {
    pub native: String,
    pub summary: Summary,
}

/// The worker's answer to a [`Job::Agree`]: what the dialog shows, and
/// the whole report as JSON and CSV (`docs/agreement.md`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgreeReply {
    pub view: View,
    pub json: String,
    pub csv: String,
}

/// The worker's answer to a [`Job::Adjudicate`]: every distinct span of
/// the annotators as a native file (each naming who marked it in
/// `adjudicated_from`), and the disagreements over it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdjudicateReply {
    pub union: String,
    pub adjudication: Adjudication,
}

/// The worker's answer to a [`Job::OpenDataset`]: the articles as the
/// library's JSONL (one native file a line), the documents that could not
/// be read (where, why), and how many spans could not be placed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatasetReply {
    pub jsonl: String,
    pub bad: Vec<(String, String)>,
    pub not_placed: usize,
}

/// Any answer: `ok` or the error's sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reply {
    Exported(ExportReply),
    Opened(OpenReply),
    Loaded(LoadReply),
    Carried(CarryReply),
    Agreed(AgreeReply),
    Adjudicating(AdjudicateReply),
    Dataset(DatasetReply),
    Failed(String),
}

/// Run `job` (JSON) with `files` (the bytes of [`Job::Open`]'s names):
/// the reply as JSON, and the exported file's bytes. O(the conversion, plus
/// reading and writing the native file).
pub fn run(job: &str, files: &[Vec<u8>]) -> (String, Vec<u8>) {
    let (reply, bytes) = match serde_json::from_str::<Job>(job) {
        Ok(job) => answer(job, files),
        Err(e) => (
            Reply::Failed(format!("the converter got a bad request ({e})")),
            Vec::new(),
        ),
    };
    (
        serde_json::to_string(&reply).expect("plain data serialises"),
        bytes,
    )
}

fn answer(job: Job, files: &[Vec<u8>]) -> (Reply, Vec<u8>) {
    let fail = |e: format::ImportError| (Reply::Failed(e.to_string()), Vec::new());
    match job {
        Job::Export {
            native,
            format,
            everything,
            stem,
        } => {
            let session = match format::import(native.as_bytes()) {
                Ok(i) => i.session,
                Err(e) => return fail(e),
            };
            let exported = export(&session, format, everything);
            let (name, mime, bytes) = one_file(&stem, format, &exported);
            let reply = ExportReply {
                name,
                mime: mime.to_owned(),
                left_out: exported.left_out,
                relations_left_out: exported.relations_left_out,
                dropped: exported.dropped,
            };
            (Reply::Exported(reply), bytes)
        }
        Job::ExportMany {
            natives,
            format,
            everything,
            stem,
        } => {
            let mut sessions = Vec::with_capacity(natives.len());
            for native in &natives {
                match format::import(native.as_bytes()) {
                    Ok(i) => sessions.push(i.session),
                    Err(e) => return fail(e),
                }
            }
            let many = export_many(&sessions, format, everything, &stem);
            let reply = ExportReply {
                name: many.name,
                mime: many.mime.to_owned(),
                left_out: many.left_out,
                relations_left_out: many.relations_left_out,
                dropped: many.dropped,
            };
            (Reply::Exported(reply), many.bytes)
        }
        Job::Open { names, current } => {
            let current = match format::import(current.as_bytes()) {
                Ok(i) => i.session,
                Err(e) => return fail(e),
            };
            let files: Vec<InFile> = names
                .iter()
                .zip(files)
                .map(|(name, bytes)| InFile { name, bytes })
                .collect();
            match open(&files, Some(&current)) {
                Ok(opened) => {
                    let reply = OpenReply {
                        native: format::export(&opened.session),
                        n_reanchored: opened.n_reanchored,
                        report: opened.report,
                    };
                    (Reply::Opened(reply), Vec::new())
                }
                Err(e) => fail(e),
            }
        }
        Job::OpenDataset { name } => {
            let bytes = files.first().map_or(&[][..], Vec::as_slice);
            match super::open_dataset(InFile { name: &name, bytes }) {
                Ok(read) => {
                    let sessions = read.articles.iter().map(|i| &i.session);
                    let reply = DatasetReply {
                        jsonl: crate::model::library::bundle::to_jsonl(sessions),
                        bad: (read.bad.iter())
                            .map(|(at, e)| (at.clone(), e.to_string()))
                            .collect(),
                        not_placed: read
                            .articles
                            .iter()
                            .map(|i| i.report.not_placed.len())
                            .sum(),
                    };
                    (Reply::Dataset(reply), Vec::new())
                }
                Err(e) => fail(e),
            }
        }
        Job::Carry { file, current } => {
            let (file, current) = match (
                format::import(file.as_bytes()),
                format::import(current.as_bytes()),
            ) {
                (Ok(f), Ok(c)) => (f.session, c.session),
                (Err(e), _) | (_, Err(e)) => return fail(e),
            };
            match carry(&file, current.into_article()) {
                Ok((session, summary)) => {
                    let native = format::export(&session);
                    (Reply::Carried(CarryReply { native, summary }), Vec::new())
                }
                Err(p) => (Reply::Failed(p.to_string()), Vec::new()),
            }
        }
        Job::Agree { names } => match agree(&names, files) {
            Ok(reply) => (Reply::Agreed(reply), Vec::new()),
            Err(why) => (Reply::Failed(why), Vec::new()),
        },
        Job::Adjudicate { names } => match adjudicate(&names, files) {
            Ok(reply) => (Reply::Adjudicating(reply), Vec::new()),
            Err(why) => (Reply::Failed(why), Vec::new()),
        },
        Job::Load { name } => {
            let bytes = files.first().map_or(&[][..], Vec::as_slice);
            match load::load_file(&name, bytes) {
                Ok(article) => {
                    let native = format::export(&Session::new(article));
                    (Reply::Loaded(LoadReply { native }), Vec::new())
                }
                Err(e) => (Reply::Failed(e.to_string()), Vec::new()),
            }
        }
    }
}

/// The annotators' sessions read from their native files, and their names.
fn annotators(names: &[String], files: &[Vec<u8>]) -> Result<(Vec<Session>, Vec<String>), String> {
    let mut sessions = Vec::with_capacity(files.len());
    for (name, bytes) in names.iter().zip(files) {
        let imported = format::import(bytes).map_err(|e| format!("\u{201c}{name}\u{201d}: {e}"))?;
        sessions.push(imported.session);
    }
    let files: Vec<(&str, &Session)> = names.iter().map(String::as_str).zip(&sessions).collect();
    let coder_names = coder_names(&files, &ANNOTATION_SUFFIXES);
    Ok((sessions, coder_names))
}

fn coders<'a>(sessions: &'a [Session], names: &'a [String]) -> Vec<Coder<'a>> {
    names
        .iter()
        .zip(sessions)
        .map(|(name, session)| Coder { name, session })
        .collect()
}

/// The union and disagreements of [`Job::Adjudicate`].
fn adjudicate(names: &[String], files: &[Vec<u8>]) -> Result<AdjudicateReply, String> {
    let (sessions, coder_names) = annotators(names, files)?;
    let (union, adjudication) =
        prepare(&coders(&sessions, &coder_names)).map_err(|e| e.to_string())?;
    Ok(AdjudicateReply {
        union: format::export(&union),
        adjudication,
    })
}

/// Suffixes an annotator's file name loses to name them.
const ANNOTATION_SUFFIXES: [&str; 2] = [".annotations.json", ".json"];

/// The report of [`Job::Agree`]; the error names the file that does not
/// read or the one of another article.
fn agree(names: &[String], files: &[Vec<u8>]) -> Result<AgreeReply, String> {
    let (sessions, coder_names) = annotators(names, files)?;
    let report = compare(&coders(&sessions, &coder_names)).map_err(|e| e.to_string())?;
    let schema = sessions[0].schema();
    let tag_label = |id: &str| {
        schema
            .tag_named(id)
            .map_or_else(|| id.to_owned(), |t| t.label.clone())
    };
    let field_label = |tag: &str, field: &str| {
        let def = schema.tag_named(tag).and_then(|t| t.field_named(field));
        def.map_or_else(|| field.to_owned(), |f| f.label.clone())
    };
    let view = View::of(&report, tag_label, field_label);
    Ok(AgreeReply {
        view,
        json: serde_json::to_string_pretty(&report).expect("plain data serialises") + "\n",
        csv: report.to_csv(),
    })
}

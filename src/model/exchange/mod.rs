//! Other tools' formats (see `docs/formats.md`): W3C Web Annotation, Label
//! Studio, doccano, brat standoff, CoNLL-2003 BIO, spaCy and CSV. Each
//! export is a pure function of the session; offsets are code points
//! everywhere, as each format's readers (Python slicing) count them.
//!
//! W3C holds everything and uses the canonical text. The dataset formats
//! write a [`Dataset`]: by default the readable text, without the page
//! clutter that "Show everything" reveals.

mod brat;
mod bundle;
mod conll;
mod csv;
mod doccano;
pub mod job;
mod label_studio;
mod many;
mod open;
mod spacy;
mod view;
mod w3c;

pub use bundle::{one_file, zip};
pub use many::{export_many, Many};
pub use open::{detect, open, open_dataset, Documents, InFile};
pub use view::{Dataset, Item};

use super::Session;

/// A format we export, in the order the Export menu lists them. Serialised
/// as its [`Format::id`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    W3c,
    LabelStudio,
    Doccano,
    Brat,
    Conll,
    Spacy,
    Csv,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::W3c,
        Format::LabelStudio,
        Format::Doccano,
        Format::Brat,
        Format::Conll,
        Format::Spacy,
        Format::Csv,
    ];

    /// Its name in the Export menu.
    pub const fn label(self) -> &'static str {
        match self {
            Format::W3c => "W3C Web Annotation",
            Format::LabelStudio => "Label Studio",
            Format::Doccano => "doccano",
            Format::Brat => "brat standoff",
            Format::Conll => "CoNLL-2003 BIO",
            Format::Spacy => "spaCy",
            Format::Csv => "CSV",
        }
    }

    /// Its name on the command line (`--to spacy`).
    pub const fn id(self) -> &'static str {
        match self {
            Format::W3c => "w3c",
            Format::LabelStudio => "label-studio",
            Format::Doccano => "doccano",
            Format::Brat => "brat",
            Format::Conll => "conll",
            Format::Spacy => "spacy",
            Format::Csv => "csv",
        }
    }

    /// Inverse of [`Format::id`].
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.id() == id)
    }

    /// What of notes, fields and relations it cannot hold (tags it holds
    /// always).
    pub const fn cannot_hold(self) -> &'static [Kept] {
        match self {
            Format::W3c | Format::Brat | Format::Csv => &[],
            Format::LabelStudio => &[Kept::Fields],
            Format::Doccano => &[Kept::Notes, Kept::Fields],
            Format::Conll | Format::Spacy => &[Kept::Notes, Kept::Fields, Kept::Relations],
        }
    }

    /// Whether it writes a [`Dataset`] (the readable text) rather than the
    /// canonical text.
    pub const fn is_dataset(self) -> bool {
        !matches!(self, Format::W3c)
    }
}

/// What an annotation session holds beside its tagged spans.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kept {
    Notes,
    Fields,
    Relations,
}

impl Kept {
    /// Whether `session` has any.
    fn in_session(self, session: &Session) -> bool {
        match self {
            Kept::Notes => session.annotations().iter().any(|a| !a.note.is_empty()),
            Kept::Fields => session.annotations().iter().any(|a| !a.fields.is_empty()),
            Kept::Relations => session.relations().len() > 0,
        }
    }
}

/// One file of an export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutFile {
    /// What follows the article's file stem: `".w3c.jsonld"`, `".ann"`.
    pub suffix: &'static str,
    pub mime: &'static str,
    pub content: String,
}

/// An export: its files (two for brat, else one) and what it left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exported {
    pub files: Vec<OutFile>,
    /// Annotations and relations left out because they touch hidden page
    /// clutter (never with `everything`, never for W3C).
    pub left_out: usize,
    pub relations_left_out: usize,
    /// What the session has that the format cannot hold, so it is not in
    /// the files ([`Format::cannot_hold`]).
    pub dropped: Vec<Kept>,
}

/// `session` in `format`. With `everything`, dataset formats keep the page
/// clutter (the canonical text) instead of the readable text. O(n + a log a)
/// for n code points and a annotations (CoNLL: plus segmenting the text).
pub fn export(session: &Session, format: Format, everything: bool) -> Exported {
    let file = |suffix, mime, content| OutFile {
        suffix,
        mime,
        content,
    };
    let dropped = format
        .cannot_hold()
        .iter()
        .copied()
        .filter(|k| k.in_session(session))
        .collect();
    if format == Format::W3c {
        return Exported {
            files: vec![file(
                ".w3c.jsonld",
                "application/ld+json",
                w3c::export(session),
            )],
            left_out: 0,
            relations_left_out: 0,
            dropped,
        };
    }
    let d = Dataset::new(session, everything);
    let json = "application/json";
    let files = match format {
        Format::W3c => unreachable!("handled above"),
        Format::LabelStudio => vec![file(".label-studio.json", json, label_studio::export(&d))],
        Format::Doccano => vec![file(
            ".doccano.jsonl",
            "application/jsonl",
            doccano::export(&d),
        )],
        Format::Brat => {
            let (txt, ann) = brat::export(&d);
            vec![
                file(".txt", "text/plain", txt),
                file(".ann", "text/plain", ann),
            ]
        }
        Format::Conll => vec![file(".conll", "text/plain", conll::export(&d))],
        Format::Spacy => vec![file(".spacy.jsonl", "application/jsonl", spacy::export(&d))],
        Format::Csv => vec![file(".csv", "text/csv", csv::export(&d))],
    };
    Exported {
        files,
        left_out: d.left_out,
        relations_left_out: d.relations_left_out,
        dropped,
    }
}

/// One JSON value on one line, with a line feed (a JSONL record).
fn json_line(value: &serde_json::Value) -> String {
    let mut line = serde_json::to_string(value).expect("plain data serialises");
    line.push('\n');
    line
}

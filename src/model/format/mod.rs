//! The annotation file, version 1 (see `docs/format.md` and
//! `docs/annotations.schema.json`): export is a pure function of the session,
//! import checks everything and names the first problem it finds.

mod file;
mod import;

pub use import::{import, ImportError, Imported};

use super::{Annotation, Article, Session, Text};
use file::{annotation_v1, article_v1, FileV1};
use sha2::{Digest, Sha256};

/// The only version this build writes and reads.
pub const VERSION: u32 = 1;

/// Hex SHA-256 of `text` as UTF-8.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The session as a version 1 annotation file: pretty-printed JSON, UTF-8,
/// annotations sorted by start, then end.
pub fn export(session: &Session) -> String {
    let article = session.article();
    let file = FileV1 {
        version: VERSION,
        article: article_v1(article),
        annotations: session
            .annotations()
            .iter()
            .map(|a| annotation_v1(&article.text, a, true))
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&file).expect("plain data serialises");
    out.push('\n');
    out
}

/// The `article` object of a file, as compact JSON (a storage record).
pub fn article_record(article: &Article) -> String {
    serde_json::to_string(&article_v1(article)).expect("plain data serialises")
}

/// One annotation as compact JSON without `prefix`/`suffix` (a storage
/// record; [`assemble`] turns records back into a file).
pub fn annotation_record(text: &Text, annotation: &Annotation) -> String {
    serde_json::to_string(&annotation_v1(text, annotation, false)).expect("plain data serialises")
}

/// A version 1 file from an [`article_record`] and [`annotation_record`]s, for
/// [`import`] to check and read.
pub fn assemble<'a>(article: &str, annotations: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = format!("{{\"version\":{VERSION},\"article\":{article},\"annotations\":[");
    for (i, a) in annotations.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(a);
    }
    out.push_str("]}");
    out
}

/// At most `n` code points of `s`, with an ellipsis when cut.
pub fn excerpt(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((b, _)) => format!("{}…", &s[..b]),
        None => s.to_owned(),
    }
}

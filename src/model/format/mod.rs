//! The annotation file, version 2 (see `docs/format.md` and
//! `docs/annotations.schema.json`): export is a pure function of the
//! session; import reads versions 1 and 2, checks everything and names the
//! first problem it finds. Also: storage records, tag set files
//! ([`tag_set`]) and ClaimReview JSON-LD ([`claimreview`]).

mod adjudication;
mod carried;
pub mod claimreview;
mod file;
mod history;
mod import;
pub mod tag_set;

pub use adjudication::{
    adjudication_record, decided_none_record, read_decided_none, restore_adjudication,
};
pub use carried::{carried_record, restore_carried};
pub use file::{AnnotationRecord, RelationRecord};
pub use history::{head_record, kept_steps, restore_history, step_record, MAX_KEPT_STEPS};
pub use import::{
    import, read_record, read_relation_record, ImportError, Imported, Part, Place, Report,
};

use super::{Annotation, Article, Relation, Schema, Session, Text};
use file::{
    annotation_v2, article_v1, orphan_v2, relation_v2, AnchoringV2, AnnotationV2, FileOut,
    RelationV2,
};
use sha2::{Digest, Sha256};

/// The version this build writes.
pub const VERSION: u32 = 2;

/// The versions this build reads.
pub const READS: [u32; 2] = [1, 2];

/// Hex SHA-256 of `text` as UTF-8.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The session as a version 2 annotation file: pretty-printed JSON, UTF-8,
/// with its tag set, annotations sorted by start, then end, and relations
/// by id. O(n + r).
pub fn export(session: &Session) -> String {
    let article = session.article();
    let file = FileOut {
        version: VERSION,
        schema: session.schema(),
        article: article_v1(
            article,
            article.text.as_str().to_owned(),
            Some(sha256_hex(article.text.as_str())),
        ),
        annotations: session
            .annotations()
            .iter()
            .map(|a| AnnotationV2 {
                anchoring: session.anchoring(a).and_then(AnchoringV2::of),
                ..annotation_v2(&article.text, a, true)
            })
            .collect(),
        relations: relations_v2(session),
        orphans: session.orphans().map(orphan_v2).collect(),
    };
    let mut out = serde_json::to_string_pretty(&file).expect("plain data serialises");
    out.push('\n');
    out
}

/// The session's relations, and those waiting for an orphan end, by id.
fn relations_v2(session: &Session) -> Vec<RelationV2> {
    let mut all: Vec<&Relation> = session.relations().collect();
    let n = all.len();
    all.extend(session.waiting_relations());
    if all.len() > n {
        crate::model::sort::by(&mut all, |a, b| a.id.cmp(&b.id));
    }
    all.into_iter().map(relation_v2).collect()
}

/// The most bytes of the text one storage record holds ([`article_records`]).
pub const TEXT_CHUNK_BYTES: usize = 1 << 20;

/// The `article` object of a file as storage records: the object as
/// compact JSON with an empty `text` and without `sha256`, and the text in
/// pieces of at most [`TEXT_CHUNK_BYTES`] cut between characters (a
/// record each, as it is: no JSON escaping). So a 45 MB page is neither
/// hashed nor escaped to be kept, and is written piece by piece. O(size of
/// the blocks); the pieces borrow the text.
pub fn article_records(article: &Article) -> (String, Vec<&str>) {
    let record = article_v1(article, String::new(), None);
    let json = serde_json::to_string(&record).expect("plain data serialises");
    let (text, mut pieces, mut at) = (article.text.as_str(), Vec::new(), 0);
    while at < text.len() {
        let mut end = (at + TEXT_CHUNK_BYTES).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        pieces.push(&text[at..end]);
        at = end;
    }
    (json, pieces)
}

/// The `article` object of a file in one record without `sha256`, text
/// and all: how the library kept it before [`article_records`] (and how
/// the version 2 `localStorage` records hold it); [`with_text`] reads both.
pub fn article_record(article: &Article) -> String {
    let text = article.text.as_str().to_owned();
    serde_json::to_string(&article_v1(article, text, None)).expect("plain data serialises")
}

/// An [`article_records`] record with its text `pieces` put back, as the
/// file's `article` object; a record of an older version, which holds its
/// text, comes back as it is when there are no pieces. O(size).
pub fn with_text(record: &str, pieces: &[String]) -> String {
    if pieces.is_empty() {
        return record.to_owned();
    }
    let text = serde_json::to_string(&pieces.concat()).expect("a string serialises");
    // Keys hold no escaped quote, and a value's quotes are escaped, so the
    // first `"text":""` is the key written empty.
    record.replacen("\"text\":\"\"", &format!("\"text\":{text}"), 1)
}

/// One annotation as compact JSON without `prefix`/`suffix` (a storage
/// record; [`assemble`] turns records back into a file).
pub fn annotation_record(text: &Text, annotation: &Annotation) -> String {
    serde_json::to_string(&annotation_v2(text, annotation, false)).expect("plain data serialises")
}

/// One relation as compact JSON (a storage record).
pub fn relation_record(relation: &Relation) -> String {
    serde_json::to_string(&relation_v2(relation)).expect("plain data serialises")
}

/// The tag set as compact JSON (a storage record).
pub fn schema_record(schema: &Schema) -> String {
    serde_json::to_string(schema).expect("plain data serialises")
}

/// A version 2 file from an [`article_record`], a [`schema_record`]
/// (`None`: records saved before tag sets existed, read with the default
/// set), [`annotation_record`]s and [`relation_record`]s, for [`import`]
/// to check and read.
pub fn assemble<'a>(
    article: &str,
    schema: Option<&str>,
    annotations: impl IntoIterator<Item = &'a str>,
    relations: impl IntoIterator<Item = &'a str>,
) -> String {
    let mut out = format!("{{\"version\":{VERSION},");
    if let Some(schema) = schema {
        out.push_str("\"schema\":");
        out.push_str(schema);
        out.push(',');
    }
    out.push_str("\"article\":");
    out.push_str(article);
    for (key, records) in [
        (
            "annotations",
            &mut annotations.into_iter() as &mut dyn Iterator<Item = &str>,
        ),
        ("relations", &mut relations.into_iter()),
    ] {
        out.push_str(&format!(",\"{key}\":["));
        for (i, r) in records.enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(r);
        }
        out.push(']');
    }
    out.push('}');
    out
}

/// At most `n` code points of `s`, with an ellipsis when cut.
pub fn excerpt(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((b, _)) => format!("{}…", &s[..b]),
        None => s.to_owned(),
    }
}

/// The JSON text `json` cut to `n` code points, like [`excerpt`]; a cut
/// string keeps its closing quote (`"abc…"`).
pub fn json_excerpt(json: &str, n: usize) -> String {
    match json.char_indices().nth(n) {
        Some((b, _)) if json.starts_with('"') => format!("{}…\"", &json[..b]),
        Some((b, _)) => format!("{}…", &json[..b]),
        None => json.to_owned(),
    }
}

/// `s` with its first letter in lower case ("Tag 2 …" → "tag 2 …"), to
/// put a sentence inside another.
pub fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| crate::model::case::lowercase(c.encode_utf8(&mut [0; 4])) + chars.as_str())
        .unwrap_or_default()
}

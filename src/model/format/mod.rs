//! The annotation file, version 1 (see `docs/format.md` and
//! `docs/annotations.schema.json`): export is a pure function of the session,
//! import checks everything and names the first problem it finds.

use super::selector::{anchor, describe, TextQuoteSelector};
use super::{
    Annotation, Article, Block, BlockKind, Inline, InlineKind, Metadata, Session, Tag, Text,
    TextRange,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// The only version this build writes and reads.
pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileV1 {
    version: u32,
    article: ArticleV1,
    annotations: Vec<AnnotationV1>,
}

#[derive(Serialize, Deserialize)]
struct ArticleV1 {
    title: String,
    #[serde(default)]
    source: String,
    text: String,
    /// Optional on import; checked when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sha256: Option<String>,
    /// How the text is shown (our addition); paragraphs of the text when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    blocks: Option<Vec<BlockV1>>,
    /// Inline formatting (our addition); omitted when there is none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    inlines: Vec<InlineV1>,
    /// Metadata a web page states (our additions); omitted when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    byline: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    published: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    site_name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    url: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BlockV1 {
    kind: String,
    start: usize,
    end: usize,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    extra: bool,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct InlineV1 {
    kind: String,
    start: usize,
    end: usize,
}

#[derive(Serialize, Deserialize)]
struct AnnotationV1 {
    id: String,
    tag: Tag,
    start: usize,
    end: usize,
    exact: String,
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    suffix: String,
    #[serde(default)]
    note: String,
    created: String,
    modified: String,
}

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

fn article_v1(article: &Article) -> ArticleV1 {
    let text = article.text.as_str();
    ArticleV1 {
        title: article.title.clone(),
        source: article.source.clone(),
        text: text.to_owned(),
        sha256: Some(sha256_hex(text)),
        blocks: Some(
            article
                .blocks
                .iter()
                .map(|b| BlockV1 {
                    kind: b.kind.element().to_owned(),
                    start: b.range.start(),
                    end: b.range.end(),
                    extra: b.extra,
                })
                .collect(),
        ),
        inlines: article
            .inlines
            .iter()
            .map(|i| InlineV1 {
                kind: i.kind.name().to_owned(),
                start: i.range.start(),
                end: i.range.end(),
            })
            .collect(),
        byline: article.meta.byline.clone(),
        published: article.meta.published.clone(),
        site_name: article.meta.site_name.clone(),
        url: article.meta.url.clone(),
    }
}

/// `with_context`: fill `prefix` and `suffix` (exports do; storage does not).
fn annotation_v1(text: &Text, a: &Annotation, with_context: bool) -> AnnotationV1 {
    let (exact, prefix, suffix) = if with_context {
        let q = describe(text, a.range);
        (q.exact, q.prefix, q.suffix)
    } else {
        (text.slice(a.range).to_owned(), String::new(), String::new())
    };
    AnnotationV1 {
        id: a.id.clone(),
        tag: a.tag,
        start: a.range.start(),
        end: a.range.end(),
        exact,
        prefix,
        suffix,
        note: a.note.clone(),
        created: a.created.clone(),
        modified: a.modified.clone(),
    }
}

/// An import that succeeded.
#[derive(Debug)]
pub struct Imported {
    pub session: Session,
    /// Annotations whose `start`/`end` did not match `exact` and that were
    /// placed by their quote instead.
    pub n_reanchored: usize,
}

/// Why a file could not be imported. Each message names the problem in words
/// a user can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    NotUtf8,
    Empty,
    /// JSON syntax error; `truncated` when the text ends too early.
    Syntax {
        line: usize,
        column: usize,
        truncated: bool,
    },
    /// Valid JSON that is not an annotation file.
    Foreign(String),
    UnsupportedVersion(u64),
    /// A field has the wrong shape (message from the JSON reader).
    Shape(String),
    ChecksumMismatch,
    BadBlock(usize),
    /// Annotation number `index` (1-based) has a problem.
    Annotation {
        index: usize,
        id: String,
        problem: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotUtf8 => write!(
                f,
                "This file is not UTF-8 text, so it cannot be an annotations file."
            ),
            ImportError::Empty => write!(f, "This file is empty."),
            ImportError::Syntax {
                line,
                column,
                truncated: true,
            } => write!(
                f,
                "This file ends too early (line {line}, column {column}): it looks truncated."
            ),
            ImportError::Syntax { line, column, .. } => {
                write!(
                    f,
                    "This file is not valid JSON: error at line {line}, column {column}."
                )
            }
            ImportError::Foreign(what) => write!(f, "This is not an annotations file: {what}."),
            ImportError::UnsupportedVersion(v) => write!(
                f,
                "This annotations file has version {v}; this app reads version {VERSION}."
            ),
            ImportError::Shape(msg) => write!(f, "This annotations file is malformed: {msg}."),
            ImportError::ChecksumMismatch => write!(
                f,
                "The article text does not match its sha256: the file was changed after export."
            ),
            ImportError::BadBlock(i) => {
                write!(f, "Block {i} of the article lies outside its text.")
            }
            ImportError::Annotation { index, id, problem } => {
                write!(f, "Annotation {index} (id \"{id}\"): {problem}.")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Read an annotation file.
///
/// Each annotation is placed at `start`/`end` when the text there equals
/// `exact`; otherwise by its quote and context ([`anchor`]).
///
/// # Errors
/// The first problem found; nothing is partly imported.
pub fn import(bytes: &[u8]) -> Result<Imported, ImportError> {
    let s = std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)?;
    let s = s.strip_prefix('\u{feff}').unwrap_or(s);
    if s.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: serde_json::Value = serde_json::from_str(s).map_err(|e| ImportError::Syntax {
        line: e.line(),
        column: e.column(),
        truncated: e.is_eof(),
    })?;
    let obj = value
        .as_object()
        .ok_or_else(|| ImportError::Foreign("it holds no JSON object".into()))?;
    let version = obj
        .get("version")
        .ok_or_else(|| ImportError::Foreign("it has no \"version\" field".into()))?;
    match version.as_u64() {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) => return Err(ImportError::UnsupportedVersion(v)),
        None => return Err(ImportError::Foreign("\"version\" is not a number".into())),
    }
    if !obj.contains_key("article") || !obj.contains_key("annotations") {
        return Err(ImportError::Foreign(
            "it needs both \"article\" and \"annotations\"".into(),
        ));
    }
    let file: FileV1 =
        serde_json::from_value(value).map_err(|e| ImportError::Shape(e.to_string()))?;
    if let Some(hash) = &file.article.sha256 {
        if !hash.eq_ignore_ascii_case(&sha256_hex(&file.article.text)) {
            return Err(ImportError::ChecksumMismatch);
        }
    }
    let article = read_article(file.article)?;
    let mut n_reanchored = 0;
    let annotations = file
        .annotations
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            let (annotation, moved) = read_annotation(&article.text, i + 1, a)?;
            n_reanchored += usize::from(moved);
            Ok(annotation)
        })
        .collect::<Result<Vec<_>, ImportError>>()?;
    let session = Session::with_annotations(article, annotations)
        .map_err(|p| ImportError::Shape(p.to_string().trim_end_matches('.').to_owned()))?;
    Ok(Imported {
        session,
        n_reanchored,
    })
}

fn read_article(a: ArticleV1) -> Result<Article, ImportError> {
    let meta = Metadata {
        byline: a.byline,
        published: a.published,
        site_name: a.site_name,
        url: a.url,
    };
    let Some(blocks) = a.blocks else {
        let mut article = Article::from_plain(a.title, a.source, a.text);
        article.meta = meta;
        return Ok(article);
    };
    let text = Text::new(a.text);
    let mut prev_end = 0;
    let blocks = blocks
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let kind = BlockKind::from_element(&b.kind).ok_or_else(|| {
                ImportError::Shape(format!("block {i} has unknown kind \"{}\"", b.kind))
            })?;
            match TextRange::new(b.start, b.end) {
                Some(range)
                    if b.start >= prev_end && !range.is_empty() && b.end <= text.char_len() =>
                {
                    prev_end = b.end;
                    Ok(Block {
                        kind,
                        range,
                        extra: b.extra,
                    })
                }
                _ => Err(ImportError::BadBlock(i)),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut inlines = a
        .inlines
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            let kind = InlineKind::from_name(&m.kind).ok_or_else(|| {
                ImportError::Shape(format!("inline {i} has unknown kind \"{}\"", m.kind))
            })?;
            TextRange::new(m.start, m.end)
                .filter(|r| !r.is_empty() && r.end() <= text.char_len())
                .map(|range| Inline { kind, range })
                .ok_or_else(|| ImportError::Shape(format!("inline {i} lies outside the text")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    inlines.sort_by_key(|i| (i.range.start(), i.range.end()));
    Ok(Article {
        title: a.title,
        source: a.source,
        text,
        blocks,
        inlines,
        meta,
    })
}

/// The annotation and whether it had to be re-anchored by its quote.
fn read_annotation(
    text: &Text,
    index: usize,
    a: AnnotationV1,
) -> Result<(Annotation, bool), ImportError> {
    let fail = |problem: String| ImportError::Annotation {
        index,
        id: a.id.clone(),
        problem,
    };
    if a.id.trim().is_empty() {
        return Err(fail("its id is empty".into()));
    }
    let hint = TextRange::new(a.start, a.end).filter(|r| r.end() <= text.char_len());
    let quote = TextQuoteSelector {
        exact: a.exact.clone(),
        prefix: a.prefix.clone(),
        suffix: a.suffix.clone(),
    };
    let range = anchor(text, &quote, hint).ok_or_else(|| {
        if a.exact.is_empty() {
            fail("its \"exact\" text is empty".into())
        } else {
            fail(format!(
                "its text \"{}\" is not in the article",
                excerpt(&a.exact, 40)
            ))
        }
    })?;
    let moved = Some(range) != hint;
    Ok((
        Annotation {
            id: a.id,
            tag: a.tag,
            range,
            note: a.note,
            created: a.created,
            modified: a.modified,
        },
        moved,
    ))
}

/// At most `n` code points of `s`, with an ellipsis when cut.
pub fn excerpt(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((b, _)) => format!("{}…", &s[..b]),
        None => s.to_owned(),
    }
}

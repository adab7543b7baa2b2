//! Reading a version 1 file: every check, and the message a user sees when
//! one fails.

use super::file::{AnnotationV1, ArticleV1, FileV1};
use super::{excerpt, sha256_hex, VERSION};
use crate::model::selector::{anchor, TextQuoteSelector};
use crate::model::{
    Annotation, AnnotationId, Article, Block, BlockKind, CharOffset, Inline, InlineKind, Metadata,
    Session, Text, TextRange,
};
use std::collections::HashMap;
use std::fmt;

/// An import that succeeded.
#[derive(Clone, Debug)]
pub struct Imported {
    pub session: Session,
    /// Annotations whose `start`/`end` did not match `exact` and that were
    /// placed by their quote instead.
    pub n_reanchored: usize,
}

/// Why a file could not be imported. Each message names the problem in words
/// a user can act on; numbers of blocks, inline runs and annotations count
/// from 1 in file order.
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
    /// Valid JSON that is not an annotations file.
    Foreign(String),
    UnsupportedVersion(u64),
    /// A field has the wrong shape (message from the JSON reader).
    Shape(String),
    ChecksumMismatch,
    /// Block `number` of the article cannot be shown; `problem` says why.
    BadBlock {
        number: usize,
        problem: String,
    },
    /// Inline run `number` of the article cannot be shown; `problem` says why.
    BadInline {
        number: usize,
        problem: String,
    },
    /// Annotation `index` has a problem.
    Annotation {
        index: usize,
        id: AnnotationId,
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
            ImportError::BadBlock { number, problem } => {
                write!(f, "Block {number} of the article {problem}.")
            }
            ImportError::BadInline { number, problem } => {
                write!(f, "Inline run {number} of the article {problem}.")
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
    let mut first_with_id: HashMap<AnnotationId, usize> = HashMap::new();
    let annotations = file
        .annotations
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            let (annotation, moved) = read_annotation(&article.text, i + 1, a)?;
            if let Some(first) = first_with_id.insert(annotation.id.clone(), i + 1) {
                return Err(ImportError::Annotation {
                    index: i + 1,
                    id: annotation.id,
                    problem: format!("annotation {first} has the same id"),
                });
            }
            n_reanchored += usize::from(moved);
            Ok(annotation)
        })
        .collect::<Result<Vec<_>, ImportError>>()?;
    // Every span was anchored inside the text and ids are unique, so the
    // session's own checks pass; should one not, its message is kept.
    let session = Session::with_annotations(article, annotations)
        .map_err(|p| ImportError::Shape(p.to_string().trim_end_matches('.').to_owned()))?;
    Ok(Imported {
        session,
        n_reanchored,
    })
}

/// Why `start..end` cannot be a block or inline run of `text`, if it cannot.
fn span_problem(start: CharOffset, end: CharOffset, text: &Text) -> Option<String> {
    if start == end {
        Some(format!("is empty (it starts and ends at {start})"))
    } else if start > end {
        Some(format!("ends at {end}, before it starts ({start})"))
    } else if end > text.full_range().end() {
        Some(format!(
            "ends at {end}, past the end of its text ({} characters)",
            text.char_len()
        ))
    } else {
        None
    }
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
    let mut prev_end = CharOffset::ZERO;
    let blocks = blocks
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let fail = |problem: String| ImportError::BadBlock {
                number: i + 1,
                problem,
            };
            let kind = BlockKind::from_element(&b.kind)
                .ok_or_else(|| fail(format!("has the unknown kind \"{}\"", b.kind)))?;
            if let Some(problem) = span_problem(b.start, b.end, &text) {
                return Err(fail(problem));
            }
            if b.start < prev_end {
                return Err(fail(format!(
                    "starts at {}, before block {i} ends (at {prev_end})",
                    b.start
                )));
            }
            prev_end = b.end;
            Ok(Block {
                kind,
                range: TextRange::new(b.start, b.end).expect("start < end"),
                extra: b.extra,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut inlines = a
        .inlines
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            let fail = |problem: String| ImportError::BadInline {
                number: i + 1,
                problem,
            };
            let kind = InlineKind::from_name(&m.kind)
                .ok_or_else(|| fail(format!("has the unknown kind \"{}\"", m.kind)))?;
            if let Some(problem) = span_problem(m.start, m.end, &text) {
                return Err(fail(problem));
            }
            let range = TextRange::new(m.start, m.end).expect("start < end");
            Ok(Inline { kind, range })
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
    if a.id.as_str().trim().is_empty() {
        return Err(fail("its id is empty".into()));
    }
    let hint = TextRange::new(a.start, a.end).filter(|r| text.full_range().contains_range(*r));
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

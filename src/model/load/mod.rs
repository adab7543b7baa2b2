//! Turning a file or pasted text into an [`Article`].
//!
//! Every loader is pure: it reads bytes and never runs or fetches anything
//! the input refers to.

mod blocks;
pub mod html;
mod markdown;

pub use blocks::BlockBuilder;

use super::Article;
use std::fmt;

/// Largest article we accept, in bytes.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// Why a file could not be loaded as an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    Empty,
    /// The input's size and the limit, in bytes.
    TooLarge(usize, usize),
    NotUtf8,
    Binary,
    UnknownKind(String),
    /// The file parsed but holds no text to show.
    NoText,
    /// The page declares a character encoding the browser does not know.
    UnknownCharset(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Empty => write!(f, "The file is empty."),
            LoadError::TooLarge(n, limit) => write!(
                f,
                "The file is {} MB; the limit is {} MB.",
                n.div_ceil(1_048_576),
                limit / 1_048_576
            ),
            LoadError::NotUtf8 => write!(
                f,
                "The file is not UTF-8 text. Save it as UTF-8 and open it again."
            ),
            LoadError::Binary => write!(f, "The file looks binary, not like text."),
            LoadError::UnknownKind(ext) => write!(
                f,
                "Files of type \"{ext}\" cannot be opened; use .txt, .md, .html or .htm."
            ),
            LoadError::NoText => write!(f, "The file holds no text to annotate."),
            LoadError::UnknownCharset(label) => write!(
                f,
                "The page declares the character encoding \"{label}\", which this browser does not know."
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// What a file is, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `.txt`, `.text` or no extension.
    Text,
    /// `.md`, `.markdown`.
    Markdown,
    /// `.html`, `.htm`, `.xhtml`: parsed by the browser, read by [`html::Extractor`].
    Html,
}

/// The kind of file `file_name` is.
///
/// # Errors
/// [`LoadError::UnknownKind`] for other extensions.
pub fn kind_of(file_name: &str) -> Result<Kind, LoadError> {
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "txt" | "text" | "" => Ok(Kind::Text),
        "md" | "markdown" => Ok(Kind::Markdown),
        "html" | "htm" | "xhtml" => Ok(Kind::Html),
        _ => Err(LoadError::UnknownKind(ext)),
    }
}

/// `file_name` without its extension (the title when a file has no headline).
pub fn stem(file_name: &str) -> &str {
    file_name.rsplit_once('.').map_or(file_name, |(s, _)| s)
}

/// Load a plain-text or Markdown file. The page loads Markdown through the
/// converters' worker ([`crate::model::exchange::job`]), keeping the Markdown
/// parser out of its first load, and plain text itself ([`load_text`]).
///
/// # Errors
/// [`LoadError`] for empty, oversized, binary or non-UTF-8 input, an
/// extension that is not text or Markdown, or input with no text.
pub fn load_file(file_name: &str, bytes: &[u8]) -> Result<Article, LoadError> {
    match kind_of(file_name)? {
        Kind::Text => load_text(file_name, bytes),
        Kind::Markdown => {
            let article = markdown::load(&decode(bytes)?, stem(file_name).to_owned());
            finish(article, file_name)
        }
        Kind::Html => Err(LoadError::UnknownKind("html".into())),
    }
}

/// Load `bytes` as plain text, whatever the name's extension: one block per
/// paragraph (see `docs/format.md`), titled by the name's stem.
///
/// # Errors
/// [`LoadError`] for empty, oversized, binary or non-UTF-8 input, or input
/// with no text.
pub fn load_text(file_name: &str, bytes: &[u8]) -> Result<Article, LoadError> {
    let text = decode(bytes)?;
    let article = Article::from_plain(stem(file_name).to_owned(), String::new(), text);
    finish(article, file_name)
}

/// Check the bytes of a web page before the browser decodes and parses them.
///
/// # Errors
/// [`LoadError`] for empty, oversized or binary input.
pub fn check_page(bytes: &[u8]) -> Result<(), LoadError> {
    if bytes.len() > MAX_BYTES {
        return Err(LoadError::TooLarge(bytes.len(), MAX_BYTES));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty);
    }
    let utf16 = matches!(
        html::sniff_charset(bytes).as_deref(),
        Some("utf-16le" | "utf-16be")
    );
    if !utf16 && bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(LoadError::Binary);
    }
    Ok(())
}

/// Set the article's source and refuse one without text.
///
/// # Errors
/// [`LoadError::NoText`] when the article has no block.
pub fn finish(mut article: Article, file_name: &str) -> Result<Article, LoadError> {
    article.source = file_name.to_owned();
    if article.blocks.is_empty() {
        return Err(LoadError::NoText);
    }
    Ok(article)
}

/// Load pasted text as plain text; the title is its first line.
///
/// # Errors
/// [`LoadError::Empty`] when the text is blank.
pub fn load_pasted(text: &str) -> Result<Article, LoadError> {
    let text = normalize_newlines(text.strip_prefix('\u{feff}').unwrap_or(text));
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .ok_or(LoadError::Empty)?;
    let title = super::format::excerpt(title, 80);
    Ok(Article::from_plain(title, String::new(), text))
}

/// UTF-8 text with the byte-order mark dropped and CRLF turned into LF.
fn decode(bytes: &[u8]) -> Result<String, LoadError> {
    if bytes.len() > MAX_BYTES {
        return Err(LoadError::TooLarge(bytes.len(), MAX_BYTES));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::Empty);
    }
    if bytes.contains(&0) {
        return Err(LoadError::Binary);
    }
    let s = std::str::from_utf8(bytes).map_err(|_| LoadError::NotUtf8)?;
    Ok(normalize_newlines(s))
}

fn normalize_newlines(s: &str) -> String {
    if s.as_bytes().contains(&b'\r') {
        s.replace("\r\n", "\n")
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_keeps_characters() {
        let a = load_file("note.txt", b"\xEF\xBB\xBFa\r\nb\r\n\r\nc\td").unwrap();
        assert_eq!(a.text.as_str(), "a\nb\n\nc\td");
        assert_eq!(a.title, "note");
        assert_eq!(a.source, "note.txt");
        assert_eq!(a.blocks.len(), 2);
    }

    #[test]
    fn bad_inputs_are_named() {
        assert_eq!(load_file("a.txt", b""), Err(LoadError::Empty));
        assert_eq!(
            load_file("a.txt", b"\xEF\xBB\xBF \n"),
            Err(LoadError::Empty)
        );
        assert_eq!(
            load_file("a.txt", b"\x89PNG\r\n\x1a\n\0\0"),
            Err(LoadError::Binary)
        );
        assert_eq!(check_page(b"\x89PNG\r\n\x1a\n\0\0"), Err(LoadError::Binary));
        assert_eq!(check_page(b" \n"), Err(LoadError::Empty));
        assert_eq!(check_page(b"\xFF\xFE<\0p\0>\0"), Ok(()));
        assert_eq!(load_file("a.txt", b"caf\xe9"), Err(LoadError::NotUtf8));
        assert!(matches!(
            load_file("a.pdf", b"x"),
            Err(LoadError::UnknownKind(_))
        ));
    }

    #[test]
    fn pasted_title_is_first_line() {
        let a = load_pasted("\n  Headline here \r\nBody").unwrap();
        assert_eq!(a.title, "Headline here");
        assert_eq!(a.text.as_str(), "\n  Headline here \nBody");
        assert_eq!(load_pasted(" \n "), Err(LoadError::Empty));
    }
}

//! Turning a file or pasted text into an [`Article`].
//!
//! Every loader is pure: it reads bytes and never runs or fetches anything
//! the input refers to.

mod blocks;
mod html;
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
    TooLarge(usize),
    NotUtf8,
    Binary,
    UnknownKind(String),
    /// The file parsed but holds no text to show.
    NoText,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Empty => write!(f, "The file is empty."),
            LoadError::TooLarge(n) => write!(
                f,
                "The file is {:.1} MB; the limit is {} MB.",
                *n as f64 / 1_048_576.0,
                MAX_BYTES / 1_048_576
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
        }
    }
}

impl std::error::Error for LoadError {}

/// Load a file by its extension: `.txt` (and no extension) as plain text,
/// `.md`/`.markdown` as Markdown, `.html`/`.htm` as HTML.
///
/// # Errors
/// [`LoadError`] for empty, oversized, binary or non-UTF-8 input, an unknown
/// extension, or input with no text.
pub fn load_file(file_name: &str, bytes: &[u8]) -> Result<Article, LoadError> {
    let ext = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let stem = file_name
        .rsplit_once('.')
        .map_or(file_name, |(s, _)| s)
        .to_owned();
    let text = decode(bytes)?;
    let mut article = match ext.as_str() {
        "txt" | "text" | "" => Article::from_plain(stem, file_name.into(), text),
        "md" | "markdown" => markdown::load(&text, stem),
        "html" | "htm" | "xhtml" => html::load(&text, stem),
        _ => return Err(LoadError::UnknownKind(ext)),
    };
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
        return Err(LoadError::TooLarge(bytes.len()));
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
    s.replace("\r\n", "\n")
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
            load_file("a.html", b"\x89PNG\r\n\x1a\n\0\0"),
            Err(LoadError::Binary)
        );
        assert_eq!(load_file("a.txt", b"caf\xe9"), Err(LoadError::NotUtf8));
        assert!(matches!(
            load_file("a.pdf", b"x"),
            Err(LoadError::UnknownKind(_))
        ));
        assert_eq!(
            load_file("a.html", b"<script>x()</script>"),
            Err(LoadError::NoText)
        );
    }

    #[test]
    fn pasted_title_is_first_line() {
        let a = load_pasted("\n  Headline here \r\nBody").unwrap();
        assert_eq!(a.title, "Headline here");
        assert_eq!(a.text.as_str(), "\n  Headline here \nBody");
        assert_eq!(load_pasted(" \n "), Err(LoadError::Empty));
    }
}

//! The built-in sample article shown on first open.

use super::{format, Article};

/// Markdown source of the sample: an invented local news story written for
/// this project, with quotes, checkable claims, named sources and some of the
/// clutter real pages carry.
pub const SAMPLE_MARKDOWN: &str = include_str!("sample.md");

/// The sample loaded from [`SAMPLE_MARKDOWN`], as a native file without
/// annotations, so that the page shows it without a Markdown parser (which
/// only the converters' worker holds). `tests/sample.rs` checks that it is
/// the Markdown loaded, and writes it anew when run with `UPDATE_GOLDEN=1`.
pub const SAMPLE_NATIVE: &str = include_str!("sample.annotations.json");

pub fn sample_article() -> Article {
    let mut article = format::import(SAMPLE_NATIVE.as_bytes())
        .expect("the sample article loads")
        .session
        .into_article();
    article.source = "built-in sample".to_owned();
    article
}

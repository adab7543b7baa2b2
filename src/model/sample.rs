//! The built-in sample article shown on first open.

use super::Article;

/// Markdown source of the sample: an invented local news story written for
/// this project, with quotes, checkable claims, named sources and some of the
/// clutter real pages carry.
pub const SAMPLE_MARKDOWN: &str = include_str!("sample.md");

pub fn sample_article() -> Article {
    let mut article = super::load::load_file("sample.md", SAMPLE_MARKDOWN.as_bytes())
        .expect("the sample article loads");
    article.source = "built-in sample".to_owned();
    article
}

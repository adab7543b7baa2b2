//! Markdown to article, with pulldown-cmark: headings, paragraphs, block
//! quotes, list items and code blocks become blocks; emphasis, strong text,
//! inline code and link text become inline runs. Raw HTML in the Markdown is
//! dropped; link targets and image sources are never kept or followed.

use super::BlockBuilder;
use crate::model::{Article, BlockKind, InlineKind};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::ops::Range;

/// The block being collected.
struct Pending {
    kind: BlockKind,
    text: String,
    /// Finished inline runs, as byte ranges of `text`.
    marks: Vec<(InlineKind, Range<usize>)>,
    /// Inline runs still open, with their start byte.
    open: Vec<(InlineKind, usize)>,
}

impl Pending {
    fn new(kind: BlockKind) -> Self {
        Self {
            kind,
            text: String::new(),
            marks: Vec::new(),
            open: Vec::new(),
        }
    }
}

fn inline_kind(tag: &Tag) -> Option<InlineKind> {
    match tag {
        Tag::Emphasis => Some(InlineKind::Emphasis),
        Tag::Strong => Some(InlineKind::Strong),
        Tag::Link { .. } => Some(InlineKind::Link),
        _ => None,
    }
}

pub fn load(source: &str, fallback_title: String) -> Article {
    let mut out = BlockBuilder::default();
    // Open containers that decide a paragraph's kind.
    let mut n_quotes = 0usize;
    let mut n_items = 0usize;
    let mut current: Option<Pending> = None;
    let mut in_code = false;
    let flush = |out: &mut BlockBuilder, current: &mut Option<Pending>| {
        if let Some(p) = current.take() {
            out.push_marked(p.kind, &p.text, &p.marks, false);
        }
    };
    let paragraph_kind = |n_quotes: usize, n_items: usize| {
        if n_quotes > 0 {
            BlockKind::Quote
        } else if n_items > 0 {
            BlockKind::Item
        } else {
            BlockKind::Paragraph
        }
    };
    for event in Parser::new(source) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut out, &mut current);
                current = Some(Pending::new(BlockKind::Heading(level as u8)));
            }
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut out, &mut current);
                in_code = true;
                current = Some(Pending::new(BlockKind::Pre));
            }
            Event::Start(Tag::Paragraph) => {
                flush(&mut out, &mut current);
                current = Some(Pending::new(paragraph_kind(n_quotes, n_items)));
            }
            Event::Start(Tag::BlockQuote(_)) => {
                flush(&mut out, &mut current);
                n_quotes += 1;
            }
            Event::Start(Tag::Item) => {
                flush(&mut out, &mut current);
                n_items += 1;
            }
            Event::Start(tag) => {
                if let Some(kind) = inline_kind(&tag) {
                    let p = current
                        .get_or_insert_with(|| Pending::new(paragraph_kind(n_quotes, n_items)));
                    p.open.push((kind, p.text.len()));
                }
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                flush(&mut out, &mut current);
                n_quotes -= 1;
            }
            Event::End(TagEnd::Item) => {
                flush(&mut out, &mut current);
                n_items -= 1;
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                flush(&mut out, &mut current);
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Paragraph) => flush(&mut out, &mut current),
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link) => {
                if let Some(p) = current.as_mut() {
                    if let Some((kind, start)) = p.open.pop() {
                        p.marks.push((kind, start..p.text.len()));
                    }
                }
            }
            Event::Text(t) => {
                let kind = if in_code {
                    BlockKind::Pre
                } else {
                    paragraph_kind(n_quotes, n_items)
                };
                current
                    .get_or_insert_with(|| Pending::new(kind))
                    .text
                    .push_str(&t);
            }
            Event::Code(t) => {
                let p =
                    current.get_or_insert_with(|| Pending::new(paragraph_kind(n_quotes, n_items)));
                let start = p.text.len();
                p.text.push_str(&t);
                p.marks.push((InlineKind::Code, start..p.text.len()));
            }
            Event::SoftBreak => {
                if let Some(p) = current.as_mut() {
                    p.text.push(' ');
                }
            }
            Event::HardBreak => {
                if let Some(p) = current.as_mut() {
                    p.text.push('\n');
                }
            }
            _ => {}
        }
    }
    flush(&mut out, &mut current);
    out.finish(fallback_title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_title() {
        let a = load(
            "# Big *news*\n\nA [link](javascript:alert(1)) here.\n\n> Quoted\n> words\n\n- one\n- two\n\n<script>x</script>\n\n```\ncode  kept\n```\n",
            "f".into(),
        );
        assert_eq!(a.title, "Big news");
        assert_eq!(
            a.text.as_str(),
            "Big news\n\nA link here.\n\nQuoted words\n\none\n\ntwo\n\ncode  kept"
        );
        let kinds: Vec<_> = a.blocks.iter().map(|b| b.kind.element()).collect();
        assert_eq!(kinds, ["h1", "p", "blockquote", "li", "li", "pre"]);
    }

    #[test]
    fn inline_runs_follow_the_text() {
        let a = load(
            "Say *very*  **bold `x`** and [see   this](http://x.invalid).\n\n- *item*\n",
            "f".into(),
        );
        assert_eq!(a.text.as_str(), "Say very bold x and see this.\n\nitem");
        let runs: Vec<(&str, &str)> = a
            .inlines
            .iter()
            .map(|i| (i.kind.name(), a.text.slice(i.range)))
            .collect();
        assert_eq!(
            runs,
            [
                ("em", "very"),
                ("strong", "bold x"),
                ("code", "x"),
                ("a", "see this"),
                ("em", "item")
            ]
        );
    }
}

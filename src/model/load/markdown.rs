//! Markdown to article, with pulldown-cmark. Raw HTML in the Markdown is
//! dropped; link targets and image sources are never followed.

use super::BlockBuilder;
use crate::model::{Article, BlockKind};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

pub fn load(source: &str, fallback_title: String) -> Article {
    let mut out = BlockBuilder::default();
    // Open containers that decide a paragraph's kind.
    let mut n_quotes = 0usize;
    let mut n_items = 0usize;
    let mut current: Option<(BlockKind, String)> = None;
    let mut heading: Option<u8> = None;
    let mut in_code = false;
    let kind_here = |n_quotes: usize, n_items: usize| {
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
                heading = Some(level as u8);
                current = Some((BlockKind::Heading(level as u8), String::new()));
            }
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut out, &mut current);
                in_code = true;
                current = Some((BlockKind::Pre, String::new()));
            }
            Event::Start(Tag::Paragraph) => {
                flush(&mut out, &mut current);
                current = Some((kind_here(n_quotes, n_items), String::new()));
            }
            Event::Start(Tag::BlockQuote(_)) => {
                flush(&mut out, &mut current);
                n_quotes += 1;
            }
            Event::Start(Tag::Item) => {
                flush(&mut out, &mut current);
                n_items += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                flush(&mut out, &mut current);
                n_quotes -= 1;
            }
            Event::End(TagEnd::Item) => {
                flush(&mut out, &mut current);
                n_items -= 1;
            }
            Event::End(TagEnd::Heading(_)) => {
                heading = None;
                flush(&mut out, &mut current);
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                flush(&mut out, &mut current);
            }
            Event::End(TagEnd::Paragraph) => flush(&mut out, &mut current),
            Event::Text(t) | Event::Code(t) => {
                let kind = heading.map_or_else(
                    || {
                        if in_code {
                            BlockKind::Pre
                        } else {
                            kind_here(n_quotes, n_items)
                        }
                    },
                    BlockKind::Heading,
                );
                current
                    .get_or_insert_with(|| (kind, String::new()))
                    .1
                    .push_str(&t);
            }
            Event::SoftBreak => push_str(&mut current, " "),
            Event::HardBreak => push_str(&mut current, "\n"),
            _ => {}
        }
    }
    flush(&mut out, &mut current);
    out.finish(fallback_title)
}

fn push_str(current: &mut Option<(BlockKind, String)>, s: &str) {
    if let Some((_, text)) = current {
        text.push_str(s);
    }
}

fn flush(out: &mut BlockBuilder, current: &mut Option<(BlockKind, String)>) {
    if let Some((kind, text)) = current.take() {
        out.push(kind, &text);
    }
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
}

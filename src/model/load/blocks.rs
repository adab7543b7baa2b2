//! [`BlockBuilder`]: assembles canonical text from structured blocks.

use crate::model::{Article, Block, BlockKind, Inline, InlineKind, Text, TextRange};
use std::ops::Range;

/// Builds the canonical text of a structured article: each block's text with
/// its white space collapsed (except in [`BlockKind::Pre`]) and trimmed, blocks
/// joined by a blank line (`"\n\n"`). Empty blocks are dropped.
#[derive(Default)]
pub struct BlockBuilder {
    text: String,
    char_len: usize,
    blocks: Vec<Block>,
    inlines: Vec<Inline>,
    title: Option<String>,
}

impl BlockBuilder {
    pub fn push(&mut self, kind: BlockKind, raw: &str) {
        self.push_block(kind, raw, false);
    }

    /// Like [`BlockBuilder::push`]; `extra` marks page clutter (see [`Block::extra`]).
    pub fn push_block(&mut self, kind: BlockKind, raw: &str, extra: bool) {
        self.push_marked(kind, raw, &[], extra);
    }

    /// Like [`BlockBuilder::push_block`], with inline formatting given as
    /// byte ranges of `raw`; they follow the text through white-space collapsing.
    pub fn push_marked(
        &mut self,
        kind: BlockKind,
        raw: &str,
        marks: &[(InlineKind, Range<usize>)],
        extra: bool,
    ) {
        // `at[b]`: code points of content made from raw[..b].
        let mut content = String::with_capacity(raw.len());
        let mut at = vec![0usize; raw.len() + 1];
        let mut n = 0;
        if kind == BlockKind::Pre {
            let body = raw.trim_matches('\n').trim_end();
            let lead = raw.len() - raw.trim_start_matches('\n').len();
            for (b, c) in raw.char_indices() {
                at[b] = n;
                if b >= lead && b < lead + body.len() {
                    content.push(c);
                    n += 1;
                }
            }
        } else {
            let mut space = false;
            for (b, c) in raw.char_indices() {
                at[b] = n + usize::from(space && !c.is_whitespace());
                if c.is_whitespace() {
                    space = n > 0;
                } else {
                    if space {
                        content.push(' ');
                        n += 1;
                        space = false;
                    }
                    content.push(c);
                    n += 1;
                }
            }
        }
        at[raw.len()] = n;
        for b in (0..raw.len()).rev() {
            if !raw.is_char_boundary(b) {
                at[b] = at[b + 1];
            }
        }
        if content.is_empty() {
            return;
        }
        if matches!(kind, BlockKind::Heading(_)) && self.title.is_none() && !extra {
            self.title = Some(content.clone());
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
            self.char_len += 2;
        }
        let start = self.char_len;
        self.char_len += n;
        self.text.push_str(&content);
        self.blocks.push(Block {
            kind,
            range: TextRange::new(start, self.char_len).expect("end after start"),
            extra,
        });
        for (kind, bytes) in marks {
            let (a, b) = (at[bytes.start.min(raw.len())], at[bytes.end.min(raw.len())]);
            if a < b {
                let range = TextRange::new(start + a, start + b).expect("a < b");
                self.inlines.push(Inline { kind: *kind, range });
            }
        }
    }

    /// The article; its title is the first heading, else `fallback_title`.
    pub fn finish(self, fallback_title: String) -> Article {
        Article {
            title: self.title.unwrap_or(fallback_title),
            source: String::new(),
            text: Text::new(self.text),
            blocks: self.blocks,
            inlines: {
                let mut inlines = self.inlines;
                inlines.sort_by_key(|i| (i.range.start(), i.range.end()));
                inlines
            },
            meta: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each inline run's text after building.
    fn runs(
        raw: &str,
        kind: BlockKind,
        marks: &[(InlineKind, Range<usize>)],
    ) -> (String, Vec<String>) {
        let mut b = BlockBuilder::default();
        b.push_marked(kind, raw, marks, false);
        let a = b.finish("t".into());
        let texts = a
            .inlines
            .iter()
            .map(|i| a.text.slice(i.range).to_owned())
            .collect();
        (a.text.as_str().to_owned(), texts)
    }

    #[test]
    fn inline_runs_survive_white_space_collapsing() {
        let raw = "  Café  \n big\tnews 👍🏽 here ";
        let at = |s: &str| raw.find(s).unwrap();
        let marks = [
            (InlineKind::Emphasis, at("Café")..at("Café") + "Café".len()),
            (InlineKind::Strong, at("big")..at("news") + "news".len()),
            (InlineKind::Link, at("👍🏽")..raw.len()),
            // White space only: nothing to mark.
            (InlineKind::Code, 0..2),
        ];
        let (text, texts) = runs(raw, BlockKind::Paragraph, &marks);
        assert_eq!(text, "Café big news 👍🏽 here");
        assert_eq!(texts, ["Café", "big news", "👍🏽 here"]);
    }

    #[test]
    fn preformatted_text_keeps_its_spaces() {
        let raw = "\n  let  x = 1;\n";
        let at = raw.find("x").unwrap();
        let (text, texts) = runs(raw, BlockKind::Pre, &[(InlineKind::Code, at..at + 1)]);
        assert_eq!(text, "  let  x = 1;");
        assert_eq!(texts, ["x"]);
    }
}

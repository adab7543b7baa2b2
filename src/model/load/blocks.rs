//! [`BlockBuilder`]: assembles canonical text from structured blocks.

use crate::model::text::TextBuilder;
use crate::model::{Article, Block, BlockKind, CharOffset, Inline, InlineKind, TextRange};
use std::ops::Range;

/// Builds the canonical text of a structured article: each block's text with
/// its white space collapsed (except in [`BlockKind::Pre`]) and trimmed, blocks
/// joined by a blank line (`"\n\n"`). Empty blocks are dropped.
#[derive(Default)]
pub struct BlockBuilder {
    text: TextBuilder,
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
        // Mark boundaries (byte offsets of `raw`), sorted, and `at[k]`: the
        // code points of content made from raw[..bounds[k]].
        let mut bounds: Vec<usize> = marks
            .iter()
            .flat_map(|(_, r)| [r.start.min(raw.len()), r.end.min(raw.len())])
            .collect();
        bounds.sort_unstable();
        bounds.dedup();
        let mut at = vec![0usize; bounds.len()];
        let mut k = 0;
        let mut content = String::with_capacity(raw.len());
        let mut n = 0;
        // Words of content, each with its byte offset in `raw`.
        let words: Vec<(usize, &str)> = if kind == BlockKind::Pre {
            let body = raw.trim_matches('\n').trim_end();
            let lead = raw.len() - raw.trim_start_matches('\n').len();
            vec![(lead, body)]
        } else {
            raw.split_whitespace()
                .map(|w| (w.as_ptr() as usize - raw.as_ptr() as usize, w))
                .collect()
        };
        for (start, word) in words {
            // A boundary in the white space before a word: the end of the
            // content so far.
            while k < bounds.len() && bounds[k] < start {
                at[k] = n;
                k += 1;
            }
            if n > 0 && kind != BlockKind::Pre {
                content.push(' ');
                n += 1;
            }
            while k < bounds.len() && bounds[k] < start + word.len() {
                let mut b = bounds[k] - start;
                while !word.is_char_boundary(b) {
                    b += 1;
                }
                at[k] = n + word[..b].chars().count();
                k += 1;
            }
            content.push_str(word);
            n += word.chars().count();
        }
        at[k..].fill(n);
        let at = |b: usize| at[bounds.partition_point(|x| *x < b)];
        if content.is_empty() {
            return;
        }
        if matches!(kind, BlockKind::Heading(_)) && self.title.is_none() && !extra {
            self.title = Some(content.clone());
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = CharOffset::new(self.text.char_len());
        self.text.push_str(&content);
        self.blocks.push(Block {
            kind,
            range: TextRange::new(start, start + n).expect("end after start"),
            extra,
        });
        for (kind, bytes) in marks {
            let (a, b) = (at(bytes.start.min(raw.len())), at(bytes.end.min(raw.len())));
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
            text: self.text.finish(),
            blocks: self.blocks,
            inlines: {
                let mut inlines = self.inlines;
                crate::model::sort::by_key(&mut inlines, |i| (i.range.start(), i.range.end()));
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

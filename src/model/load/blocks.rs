//! [`BlockBuilder`]: assembles canonical text from structured blocks.

use crate::model::{Article, Block, BlockKind, Text, TextRange};

/// Builds the canonical text of a structured article: each block's text with
/// its white space collapsed (except in [`BlockKind::Pre`]) and trimmed, blocks
/// joined by a blank line (`"\n\n"`). Empty blocks are dropped.
#[derive(Default)]
pub struct BlockBuilder {
    text: String,
    char_len: usize,
    blocks: Vec<Block>,
    title: Option<String>,
}

impl BlockBuilder {
    pub fn push(&mut self, kind: BlockKind, raw: &str) {
        self.push_block(kind, raw, false);
    }

    /// Like [`BlockBuilder::push`]; `extra` marks page clutter (see [`Block::extra`]).
    pub fn push_block(&mut self, kind: BlockKind, raw: &str, extra: bool) {
        let content = if kind == BlockKind::Pre {
            raw.trim_matches('\n').trim_end().to_owned()
        } else {
            raw.split_whitespace().collect::<Vec<_>>().join(" ")
        };
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
        self.char_len += content.chars().count();
        self.text.push_str(&content);
        self.blocks.push(Block {
            kind,
            range: TextRange::new(start, self.char_len).expect("end after start"),
            extra,
        });
    }

    /// The article; its title is the first heading, else `fallback_title`.
    pub fn finish(self, fallback_title: String) -> Article {
        Article {
            title: self.title.unwrap_or(fallback_title),
            source: String::new(),
            text: Text::new(self.text),
            blocks: self.blocks,
            meta: Default::default(),
        }
    }
}

//! [`Article`]: canonical text plus the block structure it is shown with.

use super::{CharOffset, Text, TextRange};

/// How a block is shown. Blocks never nest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading of level 1 to 6.
    Heading(u8),
    Paragraph,
    Quote,
    /// One item of a list.
    Item,
    /// Preformatted text (code); white space is significant.
    Pre,
}

impl BlockKind {
    /// The HTML element name the block is shown as (`"h2"`, `"p"`, ...), also
    /// its name in the annotation file.
    pub fn element(self) -> &'static str {
        match self {
            BlockKind::Heading(1) => "h1",
            BlockKind::Heading(2) => "h2",
            BlockKind::Heading(3) => "h3",
            BlockKind::Heading(4) => "h4",
            BlockKind::Heading(5) => "h5",
            BlockKind::Heading(_) => "h6",
            BlockKind::Paragraph => "p",
            BlockKind::Quote => "blockquote",
            BlockKind::Item => "li",
            BlockKind::Pre => "pre",
        }
    }

    /// Inverse of [`BlockKind::element`].
    pub fn from_element(name: &str) -> Option<Self> {
        Some(match name {
            "h1" => BlockKind::Heading(1),
            "h2" => BlockKind::Heading(2),
            "h3" => BlockKind::Heading(3),
            "h4" => BlockKind::Heading(4),
            "h5" => BlockKind::Heading(5),
            "h6" => BlockKind::Heading(6),
            "p" => BlockKind::Paragraph,
            "blockquote" => BlockKind::Quote,
            "li" => BlockKind::Item,
            "pre" => BlockKind::Pre,
            _ => return None,
        })
    }
}

/// A run of the canonical text shown as one block element. Text between
/// blocks (separators such as `"\n\n"`) is part of the canonical text but is
/// not shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub range: TextRange,
    /// Page clutter that extraction left out of the readable view (menus,
    /// share bars, comments...): shown only with "Show everything". Its text
    /// stays in the canonical text, so offsets are the same in both views.
    pub extra: bool,
}

/// Inline formatting inside a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InlineKind {
    Emphasis,
    Strong,
    Code,
    /// Link text; the target is never kept (links are shown, not followed).
    Link,
}

impl InlineKind {
    pub const ALL: [InlineKind; 4] = [Self::Emphasis, Self::Strong, Self::Code, Self::Link];

    /// The name in the annotation file, the HTML element it comes from, and
    /// the suffix of its CSS class (`i-em`).
    pub const fn name(self) -> &'static str {
        match self {
            InlineKind::Emphasis => "em",
            InlineKind::Strong => "strong",
            InlineKind::Code => "code",
            InlineKind::Link => "a",
        }
    }

    /// The HTML element it is shown as when it is the only formatting of a
    /// segment: a link is shown as a `span`, never as a link.
    pub const fn element(self) -> &'static str {
        match self {
            InlineKind::Link => "span",
            kind => kind.name(),
        }
    }

    pub const fn is_link(self) -> bool {
        matches!(self, InlineKind::Link)
    }

    /// Inverse of [`InlineKind::name`].
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// A run of formatted text, inside one block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Inline {
    pub kind: InlineKind,
    pub range: TextRange,
}

/// An article as the annotator holds it.
///
/// Invariant: `blocks` are sorted, do not overlap, lie inside `text`, and are
/// not empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub title: String,
    /// File name or URL it came from; empty for pasted text.
    pub source: String,
    pub text: Text,
    pub blocks: Vec<Block>,
    /// Inline formatting, sorted by start; each lies inside one block.
    pub inlines: Vec<Inline>,
    /// What the page says about itself; empty fields when it says nothing.
    pub meta: Metadata,
}

/// Article metadata found in a web page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    pub byline: String,
    /// Publication date as the page states it (often ISO 8601).
    pub published: String,
    pub site_name: String,
    /// The page's canonical URL (`<link rel=canonical>` or `og:url`).
    pub url: String,
}

impl Article {
    /// An article whose blocks are the paragraphs of `text`: runs of lines
    /// separated by lines that are empty or white space only. A text with no
    /// blank line between two lines of text (one paragraph per line, as
    /// exports and transcripts are written) has one block per line instead.
    /// Only the blocks depend on this: the text, and so every offset, is the
    /// same either way. O(n).
    pub fn from_plain(title: String, source: String, text: String) -> Self {
        let blocks = paragraphs(&text, !has_blank_line(&text));
        Self {
            title,
            source,
            text: Text::new(text),
            blocks,
            inlines: Vec::new(),
            meta: Metadata::default(),
        }
    }

    /// The inline runs that overlap `range`. O(log n + k).
    pub fn inlines_in(&self, range: TextRange) -> &[Inline] {
        let lo = self
            .inlines
            .partition_point(|i| i.range.end() <= range.start());
        let hi = self
            .inlines
            .partition_point(|i| i.range.start() < range.end());
        &self.inlines[lo..hi.max(lo)]
    }

    /// The index of the block containing code point `offset`, or of the first
    /// block after it when `offset` falls between blocks. O(log n).
    pub fn block_at_or_after(&self, offset: CharOffset) -> usize {
        self.blocks.partition_point(|b| b.range.end() <= offset)
    }
}

/// Whether a blank line (empty or white space only) stands between two
/// lines of text.
fn has_blank_line(text: &str) -> bool {
    let mut seen_text = false;
    let mut blank_after_text = false;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            blank_after_text |= seen_text;
        } else if blank_after_text {
            return true;
        } else {
            seen_text = true;
        }
    }
    false
}

/// Paragraph blocks of plain text: maximal runs of lines that are not blank,
/// or with `per_line` each line that is not blank.
fn paragraphs(text: &str, per_line: bool) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut char_offset = CharOffset::ZERO;
    let mut open: Option<CharOffset> = None;
    let mut last_content_end = CharOffset::ZERO;
    for line in text.split_inclusive('\n') {
        let n = line.chars().count();
        if line.trim().is_empty() {
            if let Some(start) = open.take() {
                blocks.push(paragraph(start, last_content_end));
            }
        } else {
            open.get_or_insert(char_offset);
            last_content_end = char_offset + line.trim_end_matches(['\n', '\r']).chars().count();
            if per_line {
                blocks.push(paragraph(open.take().expect("just set"), last_content_end));
            }
        }
        char_offset += n;
    }
    if let Some(start) = open {
        blocks.push(paragraph(start, last_content_end));
    }
    blocks
}

fn paragraph(start: CharOffset, end: CharOffset) -> Block {
    Block {
        kind: BlockKind::Paragraph,
        range: TextRange::new(start, end).expect("paragraph end after start"),
        extra: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(article: &Article) -> Vec<&str> {
        article
            .blocks
            .iter()
            .map(|b| article.text.slice(b.range))
            .collect()
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let a = Article::from_plain(
            "t".into(),
            "".into(),
            "\nOne\nline two\n\n  \nThree 👍🏽\n".into(),
        );
        assert_eq!(shown(&a), ["One\nline two", "Three 👍🏽"]);
        let at = |c| a.block_at_or_after(CharOffset::new(c));
        assert_eq!(at(0), 0);
        assert_eq!(at(14), 1);
        assert_eq!(at(100), 2);
    }

    #[test]
    fn without_blank_lines_each_line_is_a_block() {
        let a = Article::from_plain("t".into(), "".into(), "One 👍🏽\nTwo\r\n  three\n\n".into());
        assert_eq!(shown(&a), ["One 👍🏽", "Two", "  three"]);
        // One blank line anywhere between text: paragraphs, as before.
        let b = Article::from_plain("t".into(), "".into(), "One\nTwo\n\nThree\nFour".into());
        assert_eq!(shown(&b), ["One\nTwo", "Three\nFour"]);
        // Blank lines only before or after the text do not count.
        let c = Article::from_plain("t".into(), "".into(), "\n \nOne\nTwo\n\n".into());
        assert_eq!(shown(&c), ["One", "Two"]);
    }

    #[test]
    fn inline_kinds_name_their_element() {
        for kind in InlineKind::ALL {
            assert_eq!(InlineKind::from_name(kind.name()), Some(kind));
            assert_eq!(kind.is_link(), kind.element() == "span");
        }
    }
}

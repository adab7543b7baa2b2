//! How a block is shown: its text cut into segments at inline formatting,
//! and the HTML that makes them (the browser parses it into one text node
//! per segment). Pure, so that what the page shows and how DOM offsets map
//! back to code points are decided, and tested, in one place.

use super::{Article, CharOffset, InlineKind, TextRange};
use std::fmt::Write;

/// A run of a block's text with one formatting: the code points it covers
/// and the inline kinds around it, in the order of the article's inline runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub range: TextRange,
    pub kinds: Vec<InlineKind>,
    /// A piece of a long run, in an element of its own (a bare `span` when
    /// it has no formatting) so that the browser keeps it a short text node.
    pub piece: bool,
}

impl Segment {
    /// Whether the segment's text node sits in an element of its own
    /// (rather than directly in the block).
    pub fn is_wrapped(&self) -> bool {
        self.piece || !self.kinds.is_empty()
    }
}

/// Longest segment before it is cut into pieces, in code points. A text node
/// of a million characters makes every change of its highlights or of the
/// selection cost the browser tens of milliseconds to repaint; pieces of
/// this size keep that local, and look the same.
pub const PIECE_CHARS: usize = 2_048;

/// How far past [`PIECE_CHARS`] a cut looks for white space before it cuts
/// at a grapheme boundary instead (text without spaces, such as Chinese).
const PIECE_SLACK: usize = 256;

/// The segments of block `i`, in order, covering it without gaps. Never two
/// unwrapped segments in a row (the parser would join their text nodes).
/// Runs longer than [`PIECE_CHARS`] come in pieces, each cut just after
/// white space (or, failing that, at a grapheme boundary), never inside a
/// character or a cluster.
pub fn segments(article: &Article, i: usize) -> Vec<Segment> {
    let runs = runs(article, i);
    if runs.iter().all(|s| s.range.len() <= PIECE_CHARS) {
        return runs;
    }
    runs.into_iter().flat_map(|s| pieces(article, s)).collect()
}

/// `s` cut into pieces of about [`PIECE_CHARS`] (itself when short).
fn pieces(article: &Article, s: Segment) -> Vec<Segment> {
    if s.range.len() <= PIECE_CHARS {
        return vec![s];
    }
    let mut out = Vec::new();
    let mut start = s.range.start();
    while s.range.end() - start > PIECE_CHARS {
        let cut = cut_after(article, start + PIECE_CHARS, s.range.end());
        out.push(Segment {
            range: TextRange::new(start, cut).expect("cut after start"),
            kinds: s.kinds.clone(),
            piece: true,
        });
        start = cut;
    }
    out.push(Segment {
        range: TextRange::new(start, s.range.end()).expect("start before end"),
        kinds: s.kinds,
        piece: true,
    });
    out
}

/// Where to end a piece at or after `at`: after the first white space within
/// [`PIECE_SLACK`], else at the first grapheme boundary; `end` at the most.
fn cut_after(article: &Article, at: CharOffset, end: CharOffset) -> CharOffset {
    use super::segment::{ends, Granularity};
    let look = TextRange::new(at, (at + PIECE_SLACK).min(end)).expect("at <= end");
    let text = article.text.slice(look);
    if let Some(i) = text.chars().position(char::is_whitespace) {
        return at + i + 1;
    }
    // A boundary after the first whole cluster that starts at or after `at`;
    // the window's first cluster may have begun before it.
    let from = TextRange::new(at.saturating_sub(16), look.end()).expect("ordered");
    let chars_before = at - from.start();
    let window = article.text.slice(from);
    let (mut seen, mut byte) = (0, 0);
    for cut in ends(window, Granularity::Grapheme) {
        seen += window[byte..cut].chars().count();
        byte = cut;
        if seen > chars_before {
            return (from.start() + seen).min(end);
        }
    }
    look.end()
}

/// The block's text cut at its inline formatting (see [`segments`]).
fn runs(article: &Article, i: usize) -> Vec<Segment> {
    let Some(block) = article.blocks.get(i) else {
        return Vec::new();
    };
    let range = block.range;
    let inlines = article.inlines_in(range);
    let mut cuts: Vec<CharOffset> = vec![range.start(), range.end()];
    for inline in inlines {
        cuts.push(inline.range.start().clamp(range.start(), range.end()));
        cuts.push(inline.range.end().clamp(range.start(), range.end()));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Segment> = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let Some(piece) = TextRange::new(pair[0], pair[1]) else {
            continue;
        };
        let kinds: Vec<InlineKind> = inlines
            .iter()
            .filter(|i| i.range.contains_range(piece))
            .map(|i| i.kind)
            .collect();
        match out.last_mut() {
            Some(last) if kinds.is_empty() && last.kinds.is_empty() => {
                last.range = TextRange::new(last.range.start(), piece.end()).unwrap_or(last.range);
            }
            _ => out.push(Segment {
                range: piece,
                kinds,
                piece: false,
            }),
        }
    }
    if out.is_empty() {
        // An empty block (never made by the loaders): one empty segment.
        out.push(Segment {
            range,
            kinds: Vec::new(),
            piece: false,
        });
    }
    out
}

/// Append the HTML of block `i` to `out`: its element with `data-block="i"`
/// (and class `extra` for clutter), each segment's escaped text directly in
/// it or in one wrapper: the [`InlineKind::element`] of a single kind that is
/// not a link, else a `span` with a class `i-<name>` per kind (links are
/// never real links).
pub fn block_html(article: &Article, i: usize, out: &mut String) {
    let Some(block) = article.blocks.get(i) else {
        return;
    };
    let tag = block.kind.element();
    let _ = write!(out, "<{tag} data-block=\"{i}\"");
    if block.extra {
        out.push_str(" class=\"extra\"");
    }
    out.push('>');
    let segments = segments(article, i);
    // The parser drops a newline right after `<pre>`: give it one to drop.
    if tag == "pre"
        && segments
            .first()
            .is_some_and(|s| article.text.slice(s.range).starts_with('\n'))
    {
        out.push('\n');
    }
    for s in &segments {
        let text = article.text.slice(s.range);
        match s.kinds.as_slice() {
            [] if s.piece => {
                out.push_str("<span>");
                escape(text, out);
                out.push_str("</span>");
            }
            [] => escape(text, out),
            [kind] if !kind.is_link() => {
                let element = kind.element();
                let _ = write!(out, "<{element}>");
                escape(text, out);
                let _ = write!(out, "</{element}>");
            }
            kinds => {
                out.push_str("<span class=\"");
                for (k, kind) in kinds.iter().enumerate() {
                    let space = if k > 0 { " " } else { "" };
                    let _ = write!(out, "{space}i-{}", kind.name());
                }
                out.push_str("\">");
                escape(text, out);
                out.push_str("</span>");
            }
        }
    }
    let _ = write!(out, "</{tag}>");
}

/// `text` as HTML text content that parses back to the same UTF-16 code
/// units: markup characters escaped; carriage return and NUL as character
/// references, since the parser turns a raw CR into LF and drops a raw NUL
/// (a NUL comes back as U+FFFD, still one code unit).
fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '\0' => out.push_str("&#0;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load::BlockBuilder;
    use crate::model::BlockKind;

    fn article(raw: &str, marks: &[(InlineKind, std::ops::Range<usize>)]) -> Article {
        let mut b = BlockBuilder::default();
        b.push_marked(BlockKind::Paragraph, raw, marks, false);
        b.finish("t".into())
    }

    #[test]
    fn long_runs_come_in_pieces_cut_after_white_space_or_between_clusters() {
        let words = "Mayor 👍🏽 said e\u{301}t 🇺🇦🇺🇦 東京 ".repeat(400);
        let cjk = "東京都👩\u{200d}👩\u{200d}👧e\u{301}".repeat(600);
        for raw in [words, cjk] {
            let a = Article::from_plain("t".into(), String::new(), raw.clone());
            let segs = segments(&a, 0);
            assert!(segs.len() > 2, "cut into pieces");
            let mut at = a.blocks[0].range.start();
            let mut html = String::new();
            for s in &segs {
                assert_eq!(s.range.start(), at, "no gaps");
                assert!(s.piece && s.is_wrapped() && s.range.len() <= PIECE_CHARS + PIECE_SLACK);
                at = s.range.end();
            }
            assert_eq!(at, a.blocks[0].range.end());
            // Every cut is a grapheme boundary of the whole text.
            use unicode_segmentation::UnicodeSegmentation;
            let text = a.text.as_str();
            let boundaries: Vec<usize> = text
                .grapheme_indices(true)
                .map(|(b, _)| text[..b].chars().count())
                .collect();
            for s in &segs[1..] {
                assert!(
                    boundaries.contains(&s.range.start().get()),
                    "cut inside a cluster"
                );
            }
            block_html(&a, 0, &mut html);
            assert_eq!(html.matches("<span>").count(), segs.len());
        }
        // Short blocks stay one text node.
        let short = Article::from_plain("t".into(), String::new(), "short".into());
        assert!(!segments(&short, 0)[0].is_wrapped());
    }

    #[test]
    fn segments_follow_formatting_and_html_escapes() {
        let a = article(
            "a <b> & big link",
            &[(InlineKind::Emphasis, 8..11), (InlineKind::Link, 8..16)],
        );
        let spans: Vec<(&str, Vec<InlineKind>)> = segments(&a, 0)
            .iter()
            .map(|s| (a.text.slice(s.range), s.kinds.clone()))
            .collect();
        use InlineKind::{Emphasis, Link};
        assert_eq!(
            spans,
            [
                ("a <b> & ", vec![]),
                ("big", vec![Emphasis, Link]),
                (" link", vec![Link])
            ]
        );
        let mut html = String::new();
        block_html(&a, 0, &mut html);
        assert_eq!(
            html,
            "<p data-block=\"0\">a &lt;b&gt; &amp; <span class=\"i-em i-a\">big</span>\
             <span class=\"i-a\"> link</span></p>"
        );
    }

    #[test]
    fn a_single_kind_is_its_element_and_a_link_a_span() {
        let a = article(
            "em strong code link",
            &[
                (InlineKind::Emphasis, 0..2),
                (InlineKind::Strong, 3..9),
                (InlineKind::Code, 10..14),
                (InlineKind::Link, 15..19),
            ],
        );
        let mut html = String::new();
        block_html(&a, 0, &mut html);
        assert_eq!(
            html,
            "<p data-block=\"0\"><em>em</em> <strong>strong</strong> <code>code</code> \
             <span class=\"i-a\">link</span></p>"
        );
    }

    #[test]
    fn what_the_parser_would_change_is_written_so_that_it_does_not() {
        let mut b = BlockBuilder::default();
        b.push_marked(BlockKind::Pre, "x\r\0y", &[], true);
        let a = b.finish("t".into());
        let mut html = String::new();
        block_html(&a, 0, &mut html);
        assert_eq!(
            html,
            "<pre data-block=\"0\" class=\"extra\">x&#13;&#0;y</pre>"
        );
    }
}

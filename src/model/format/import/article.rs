//! Reading the article of a file: its blocks and inline runs, each checked.

use super::ImportError;
use crate::model::format::file::ArticleV1;
use crate::model::{
    Article, Block, BlockKind, CharOffset, Inline, InlineKind, Metadata, Text, TextRange,
};

/// Why `start..end` cannot be a block or inline run of `text`, if it cannot.
fn span_problem(start: CharOffset, end: CharOffset, text: &Text) -> Option<String> {
    if start == end {
        Some(format!("is empty (it starts and ends at {start})"))
    } else if start > end {
        Some(format!("ends at {end}, before it starts ({start})"))
    } else if end > text.full_range().end() {
        Some(format!(
            "ends at {end}, past the end of its text ({} characters)",
            text.char_len()
        ))
    } else {
        None
    }
}

pub(super) fn read_article(a: ArticleV1) -> Result<Article, ImportError> {
    let meta = Metadata {
        byline: a.byline,
        published: a.published,
        site_name: a.site_name,
        url: a.url,
    };
    let Some(blocks) = a.blocks else {
        let mut article = Article::from_plain(a.title, a.source, a.text);
        article.meta = meta;
        return Ok(article);
    };
    let text = Text::new(a.text);
    let mut prev_end = CharOffset::ZERO;
    let blocks = blocks
        .into_iter()
        .enumerate()
        .map(|(i, b)| {
            let fail = |problem: String| ImportError::BadBlock {
                number: i + 1,
                problem,
            };
            let kind = BlockKind::from_element(&b.kind)
                .ok_or_else(|| fail(format!("has the unknown kind \"{}\"", b.kind)))?;
            if let Some(problem) = span_problem(b.start, b.end, &text) {
                return Err(fail(problem));
            }
            if b.start < prev_end {
                return Err(fail(format!(
                    "starts at {}, before block {i} ends (at {prev_end})",
                    b.start
                )));
            }
            prev_end = b.end;
            Ok(Block {
                kind,
                range: TextRange::new(b.start, b.end).expect("start < end"),
                extra: b.extra,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut inlines = a
        .inlines
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            let fail = |problem: String| ImportError::BadInline {
                number: i + 1,
                problem,
            };
            let kind = InlineKind::from_name(&m.kind)
                .ok_or_else(|| fail(format!("has the unknown kind \"{}\"", m.kind)))?;
            if let Some(problem) = span_problem(m.start, m.end, &text) {
                return Err(fail(problem));
            }
            let range = TextRange::new(m.start, m.end).expect("start < end");
            // Blocks are sorted and disjoint: the only candidate is the
            // first block that ends after the run starts.
            let home = blocks.partition_point(|b| b.range.end() <= range.start());
            if !blocks
                .get(home)
                .is_some_and(|b| b.range.contains_range(range))
            {
                return Err(fail(format!(
                    "runs from {} to {}, which is not inside one block",
                    m.start, m.end
                )));
            }
            Ok(Inline { kind, range })
        })
        .collect::<Result<Vec<_>, _>>()?;
    crate::model::sort::by_key(&mut inlines, |i| (i.range.start(), i.range.end()));
    Ok(Article {
        title: a.title,
        source: a.source,
        text,
        blocks,
        inlines,
        meta,
    })
}

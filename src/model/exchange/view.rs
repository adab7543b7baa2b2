//! [`Dataset`]: the text and spans a dataset format exports — the readable
//! text (the article as shown with "Show everything" off) with offsets
//! remapped, or the canonical text unchanged.

use crate::model::{Annotation, CharOffset, Relation, Session, Text, TextRange};
use std::collections::{HashMap, HashSet};

/// One annotation placed in the dataset's text.
#[derive(Clone, Copy, Debug)]
pub struct Item<'a> {
    pub annotation: &'a Annotation,
    /// Code points into [`Dataset::text`].
    pub range: TextRange,
}

/// What a dataset export writes: a text, the annotations that lie in it
/// (in reading order) and the relations whose ends both do.
///
/// Invariant: `text.slice(item.range)` equals the annotation's text in the
/// article, for every item.
#[derive(Clone, Debug)]
pub struct Dataset<'a> {
    pub session: &'a Session,
    pub text: Text,
    pub items: Vec<Item<'a>>,
    pub relations: Vec<&'a Relation>,
    /// Annotations left out because they touch a hidden block.
    pub left_out: usize,
    /// Relations left out with them.
    pub relations_left_out: usize,
}

impl<'a> Dataset<'a> {
    /// The readable text of `session`'s article, or with `everything` its
    /// canonical text. The readable text leaves out each `extra` block with
    /// the separator after it (before it, for the last block); an
    /// annotation that overlaps what is left out is left out (and counted).
    /// O(n + a log b) for n code points, a annotations and b blocks.
    pub fn new(session: &'a Session, everything: bool) -> Self {
        let article = session.article();
        let removed = if everything {
            Vec::new()
        } else {
            hidden(article)
        };
        let text = kept_text(&article.text, &removed);
        // removed_before[i]: code points removed by removed[..i].
        let mut removed_before = vec![0];
        for r in &removed {
            removed_before.push(removed_before.last().expect("starts with 0") + r.len());
        }
        let mut items = Vec::with_capacity(session.annotations().len());
        let mut left_out = 0;
        for a in session.annotations() {
            let i = removed.partition_point(|r| r.end() <= a.range.start());
            if removed.get(i).is_some_and(|r| r.overlaps(a.range)) {
                left_out += 1;
                continue;
            }
            let shift = removed_before[i];
            let range = TextRange::new(a.range.start() - shift, a.range.end() - shift)
                .expect("shift keeps order");
            items.push(Item {
                annotation: a,
                range,
            });
        }
        let kept: HashSet<&str> = items.iter().map(|i| i.annotation.id.as_str()).collect();
        let (relations, dropped): (Vec<_>, Vec<_>) = session
            .relations()
            .partition(|r| kept.contains(r.from.as_str()) && kept.contains(r.to.as_str()));
        Self {
            session,
            text,
            items,
            relations,
            left_out,
            relations_left_out: dropped.len(),
        }
    }

    /// The item's number in reading order, from 1, by annotation id: what
    /// formats with numeric ids (doccano, brat) write. O(items) to build.
    pub fn numbers(&self) -> HashMap<&'a str, usize> {
        self.items
            .iter()
            .enumerate()
            .map(|(i, item)| (item.annotation.id.as_str(), i + 1))
            .collect()
    }
}

/// The ranges the readable view leaves out, sorted and disjoint.
pub(super) fn hidden(article: &crate::model::Article) -> Vec<TextRange> {
    let blocks = &article.blocks;
    let mut out: Vec<TextRange> = Vec::new();
    for (i, b) in blocks.iter().enumerate().filter(|(_, b)| b.extra) {
        let range = match blocks.get(i + 1) {
            Some(next) => TextRange::new(b.range.start(), next.range.start()),
            None => {
                let from = i
                    .checked_sub(1)
                    .map_or(b.range.start(), |p| blocks[p].range.end());
                TextRange::new(from, article.text.full_range().end())
            }
        }
        .expect("blocks are sorted");
        match out.last_mut() {
            Some(last) if last.end() >= range.start() => {
                *last = TextRange::new(last.start(), range.end().max(last.end()))
                    .expect("merged in order");
            }
            _ => out.push(range),
        }
    }
    out
}

/// `text` without the `removed` ranges. O(n).
pub(super) fn kept_text(text: &Text, removed: &[TextRange]) -> Text {
    if removed.is_empty() {
        return text.clone();
    }
    let mut out = String::with_capacity(text.as_str().len());
    let mut from = CharOffset::ZERO;
    for r in removed {
        out.push_str(text.slice(TextRange::new(from, r.start()).expect("sorted")));
        from = r.end();
    }
    out.push_str(text.slice(TextRange::new(from, text.full_range().end()).expect("sorted")));
    Text::new(out)
}

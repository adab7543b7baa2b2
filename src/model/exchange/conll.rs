//! CoNLL-2003 BIO: one token a line, then one BIO column per tag of the tag
//! set, in the tag set's order, so overlapping spans of different tags lose
//! nothing:
//!
//! ```text
//! -DOCSTART- O O O
//!
//! Vaccines B-claim O O
//! work I-claim O O
//! ```
//!
//! Tokens are the UAX #29 words of the text (white space dropped); a blank
//! line separates lines of the text (sentences). A token is `B-<tag>` when
//! a span of that tag starts in it or in the white space before it,
//! `I-<tag>` when a span of that tag that started earlier covers any of it,
//! else `O`. So a span whose ends fall inside a token grows to the whole
//! token, two spans of a tag that touch stay two, and one inside another of
//! the same tag merges with it.

use super::Dataset;
use crate::model::TagId;
use unicode_segmentation::UnicodeSegmentation;

/// A tag's spans in code points, sorted by start, and the scan's state.
struct Column<'a> {
    tag: &'a TagId,
    spans: Vec<(usize, usize)>,
    next: usize,
    covered_to: usize,
}

impl Column<'_> {
    /// The label of the token `[start, end)` that follows a token ending at
    /// `previous_end`. Tokens must come in order.
    fn label(&mut self, previous_end: usize, start: usize, end: usize) -> String {
        let mut begins = false;
        while let Some(&(s, e)) = self.spans.get(self.next) {
            if s >= end {
                break;
            }
            begins |= s >= previous_end;
            self.covered_to = self.covered_to.max(e);
            self.next += 1;
        }
        if begins {
            format!("B-{}", self.tag)
        } else if self.covered_to > start {
            format!("I-{}", self.tag)
        } else {
            "O".into()
        }
    }
}

pub(super) fn export(d: &Dataset) -> String {
    let tags = d.session.schema().tags();
    let mut columns: Vec<Column> = tags
        .iter()
        .map(|t| Column {
            tag: &t.id,
            spans: Vec::new(),
            next: 0,
            covered_to: 0,
        })
        .collect();
    for item in &d.items {
        if let Some(c) = columns.iter_mut().find(|c| *c.tag == item.annotation.tag) {
            c.spans
                .push((item.range.start().get(), item.range.end().get()));
        }
    }
    let mut out = String::from("-DOCSTART-");
    out.push_str(&" O".repeat(tags.len()));
    out.push_str("\n\n");
    let (mut at, mut previous_end, mut line_open) = (0, 0, false);
    for word in d.text.as_str().split_word_bounds() {
        let n = word.chars().count();
        let (start, end) = (at, at + n);
        at = end;
        if word.chars().all(char::is_whitespace) {
            if line_open && word.contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
                out.push('\n');
                line_open = false;
            }
            continue;
        }
        out.push_str(word);
        for c in &mut columns {
            out.push(' ');
            out.push_str(&c.label(previous_end, start, end));
        }
        out.push('\n');
        previous_end = end;
        line_open = true;
    }
    out
}

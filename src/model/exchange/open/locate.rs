//! Where one span of another tool's document goes in the article's
//! canonical text ([`locate`]), and the quote it keeps when it goes nowhere
//! ([`orphan_quote`]). Offsets into the readable text are mapped past the
//! hidden blocks' ranges first ([`canonical`]).

use super::place::quoted;
use super::Span;
use crate::model::reanchor::{Anchoring, Placement, QuoteFinder};
use crate::model::selector::{anchor, TextQuoteSelector};
use crate::model::{CharOffset, Text, TextRange, Utf16Offset};

/// How a span was placed.
pub(super) enum How {
    /// Where its offsets say.
    AtOffsets,
    /// By its unchanged quote and context, elsewhere.
    ByQuote,
    /// By its changed quote, next to its context (`reanchor`'s rules).
    Fuzzy(Anchoring),
}

/// Where `span` goes in `text` (canonical), and how: at its offsets when
/// the text there is its quote (or it has none), else by its quote and
/// context, else by its changed quote (`finder`, made on first use). Never
/// at text that is not its quote, but for a fuzzy placement.
pub(super) fn locate(
    text: &Text,
    span: &Span,
    removed: &[TextRange],
    utf16_possible: bool,
    finder: &mut Option<QuoteFinder>,
) -> Result<(TextRange, How), String> {
    let hint = match (span.start, span.end) {
        (Some(s), Some(e)) => {
            let (s, e) = (canonical(s, removed, false), canonical(e, removed, true));
            TextRange::new(CharOffset::new(s), CharOffset::new(e))
        }
        _ => None,
    };
    let Some(exact) = span.exact.as_deref().filter(|e| !e.is_empty()) else {
        let n = text.char_len();
        return match hint {
            Some(h) if !h.is_empty() && h.end().get() <= n => Ok((h, How::AtOffsets)),
            Some(h) if h.is_empty() => Err("it is empty".into()),
            Some(h) => Err(format!(
                "it ends at {}, past the end of the text ({n} characters)",
                h.end()
            )),
            None => Err("it has neither offsets nor a quote".into()),
        };
    };
    let fits = |r: TextRange| text.full_range().contains_range(r) && text.slice(r) == exact;
    if let Some(h) = hint.filter(|h| fits(*h)) {
        return Ok((h, How::AtOffsets));
    }
    // JavaScript tools count UTF-16 units.
    if let (true, Some(h)) = (utf16_possible, hint) {
        let to_char = |u: CharOffset| text.utf16_to_char(Utf16Offset::new(u.get()));
        if let Some(r) = TextRange::new(to_char(h.start()), to_char(h.end())).filter(|r| fits(*r)) {
            return Ok((r, How::AtOffsets));
        }
    }
    let quote = TextQuoteSelector {
        exact: exact.to_owned(),
        prefix: span.prefix.clone(),
        suffix: span.suffix.clone(),
    };
    if let Some(r) = anchor(text, &quote, hint) {
        return Ok((r, How::ByQuote));
    }
    let finder = finder.get_or_insert_with(|| QuoteFinder::new(text));
    match finder.place(&quote, hint) {
        Placement {
            range: Some(r),
            anchoring: a @ Anchoring::Fuzzy { .. },
        } => Ok((r, How::Fuzzy(a))),
        _ => Err(format!("its text {} is not in the article", quoted(exact))),
    }
}

/// The quote an orphan keeps, and its range in the text it was made on
/// (its offsets when they span the quote, else from 0); `None` without a
/// quote.
pub(super) fn orphan_quote(span: &Span) -> Option<(TextQuoteSelector, TextRange)> {
    let exact = span.exact.as_deref().filter(|e| !e.is_empty())?;
    let n = exact.chars().count();
    let start = match (span.start, span.end) {
        (Some(s), Some(e)) if e.checked_sub(s) == Some(n) => s,
        _ => 0,
    };
    let range = TextRange::new(CharOffset::new(start), CharOffset::new(start + n))?;
    let quote = TextQuoteSelector {
        exact: exact.to_owned(),
        prefix: span.prefix.clone(),
        suffix: span.suffix.clone(),
    };
    Some((quote, range))
}

/// The canonical offset of readable offset `x`: past each removed range
/// that starts before it (at it, for a start; an end stays before).
fn canonical(x: usize, removed: &[TextRange], is_end: bool) -> usize {
    let mut shift = 0;
    for r in removed {
        let at = r.start().get() - shift;
        if at < x || (at == x && !is_end) {
            shift += r.len();
        } else {
            break;
        }
    }
    x + shift
}

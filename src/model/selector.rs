//! W3C-style selectors: describe a span by position and by quote, and anchor
//! a quote back into a text (after the text changed, or to check an import).

use super::{CharOffset, Text, TextRange};

/// Code points of context kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

/// The W3C TextQuoteSelector: the quoted text with some context around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextQuoteSelector {
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] code points before `exact`.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] code points after `exact`.
    pub suffix: String,
}

/// Describe `range` of `text` by its quote and context.
pub fn describe(text: &Text, range: TextRange) -> TextQuoteSelector {
    let before = TextRange::new(range.start().saturating_sub(CONTEXT_CHARS), range.start())
        .expect("start - n <= start");
    let after = TextRange::new(range.end(), range.end() + CONTEXT_CHARS).expect("end <= end + n");
    TextQuoteSelector {
        exact: text.slice(range).to_owned(),
        prefix: text.slice(before).to_owned(),
        suffix: text.slice(after).to_owned(),
    }
}

/// Find where `quote` sits in `text`. `hint` is the position the quote claims
/// (a TextPositionSelector); it wins when its text equals `quote.exact`.
/// Otherwise every occurrence of `exact` is scored by how much of prefix and
/// suffix match, then by distance to `hint`. `None` when `exact` is empty or
/// does not occur: the caller reports an orphan, never guesses.
///
/// Cost: O(n) in the length of the text per call.
pub fn anchor(
    text: &Text,
    quote: &TextQuoteSelector,
    hint: Option<TextRange>,
) -> Option<TextRange> {
    if quote.exact.is_empty() {
        return None;
    }
    if let Some(h) = hint {
        if text.full_range().contains_range(h) && text.slice(h) == quote.exact {
            return Some(h);
        }
    }
    let s = text.as_str();
    let exact = quote.exact.as_str();
    let exact_chars = exact.chars().count();
    let best_context = quote.prefix.chars().count() + quote.suffix.chars().count();
    // Occurrences may overlap ("aa" twice in "aaa"); none starts closer to
    // the previous one than the pattern's period, so step by that.
    let period = shortest_period(exact.as_bytes());
    let mut best: Option<((usize, std::cmp::Reverse<usize>), TextRange)> = None;
    let mut char_offset = CharOffset::ZERO;
    let mut byte_scanned = 0;
    let mut from = 0;
    while let Some(at) = s[from..].find(exact) {
        let byte = from + at;
        from = byte + period;
        char_offset += s[byte_scanned..byte].chars().count();
        byte_scanned = byte;
        let range = TextRange::new(char_offset, char_offset + exact_chars).expect("len >= 0");
        let context = common_suffix(&s[..byte], &quote.prefix)
            + common_prefix(&s[byte + exact.len()..], &quote.suffix);
        let distance = hint.map_or(0, |h| h.start().abs_diff(char_offset));
        let score = (context, std::cmp::Reverse(distance));
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, range));
        }
        // Nothing later can beat full context at or past the hint.
        if context == best_context && hint.is_none_or(|h| char_offset >= h.start()) {
            break;
        }
    }
    best.map(|(_, range)| range)
}

/// The smallest p > 0 with `pattern[i] == pattern[i + p]` for every i: the
/// shift from one occurrence to the next one that may overlap it. For UTF-8
/// the period ends on a character boundary (a border starts with a lead
/// byte). O(len) (the failure function of Knuth–Morris–Pratt).
fn shortest_period(pattern: &[u8]) -> usize {
    let mut border = vec![0usize; pattern.len()];
    let mut k = 0;
    for i in 1..pattern.len() {
        while k > 0 && pattern[i] != pattern[k] {
            k = border[k - 1];
        }
        if pattern[i] == pattern[k] {
            k += 1;
        }
        border[i] = k;
    }
    pattern.len() - border.last().copied().unwrap_or(0)
}

/// Code points that `a` and `b` share at their ends.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Code points that `a` and `b` share at their starts.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_then_anchor_round_trips() {
        let text = Text::new("ab 👍🏽 said the mayor. The mayor said so.".into());
        let range = TextRange::new(CharOffset::new(26), CharOffset::new(31)).unwrap();
        let q = describe(&text, range);
        assert_eq!(q.exact, "mayor");
        assert_eq!(anchor(&text, &q, Some(range)), Some(range));
        assert_eq!(
            anchor(&text, &q, None),
            Some(range),
            "context picks the 2nd"
        );
    }

    #[test]
    fn overlapping_occurrences_are_candidates() {
        // "aa" at 1..3 overlaps the first occurrence at 0..2.
        let text = Text::new("aaa".into());
        let range = TextRange::new(CharOffset::new(1), CharOffset::new(3)).unwrap();
        assert_eq!(anchor(&text, &describe(&text, range), None), Some(range));
        let text = Text::new("👍👍👍 abab·abab".into());
        let range = TextRange::new(CharOffset::new(1), CharOffset::new(3)).unwrap();
        assert_eq!(anchor(&text, &describe(&text, range), None), Some(range));
        assert_eq!(shortest_period(b"abab"), 2);
        assert_eq!(shortest_period(b"abc"), 3);
    }

    #[test]
    fn orphans_are_none() {
        let text = Text::new("nothing here".into());
        let q = TextQuoteSelector {
            exact: "absent".into(),
            prefix: String::new(),
            suffix: String::new(),
        };
        assert_eq!(anchor(&text, &q, None), None);
    }
}

//! [`Text`]: the article's canonical text with an index for offset conversion.

use super::TextRange;

/// Code points between two checkpoints of the index.
const STRIDE: usize = 64;

/// Where one checkpoint sits, in the three units we convert between.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Checkpoint {
    char_offset: usize,
    utf16_offset: usize,
    byte_offset: usize,
}

/// The article's canonical text (immutable) plus a checkpoint index, so that
/// converting between code points, UTF-16 code units and UTF-8 bytes costs
/// O(log n) to find a checkpoint and at most 64 code points of scanning.
/// The index takes about 24 bytes per 64 code points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    string: String,
    /// `index[i]` is at code point `i * STRIDE`; the last entry is the end of text.
    index: Vec<Checkpoint>,
}

impl Text {
    pub fn new(string: String) -> Self {
        let mut b = TextBuilder::default();
        b.push_str(&string);
        b.finish()
    }

    pub fn as_str(&self) -> &str {
        &self.string
    }

    /// Length in code points.
    pub fn char_len(&self) -> usize {
        self.end().char_offset
    }

    /// Length in UTF-16 code units.
    pub fn utf16_len(&self) -> usize {
        self.end().utf16_offset
    }

    /// The whole text as a range.
    pub fn full_range(&self) -> TextRange {
        TextRange::new(0, self.char_len()).expect("0 <= len")
    }

    fn end(&self) -> Checkpoint {
        *self.index.last().expect("index always holds the end")
    }

    /// Byte offset of code point `char_offset`, clamped to the end of text.
    pub fn char_to_byte(&self, char_offset: usize) -> usize {
        let cp = self.index[(char_offset / STRIDE).min(self.index.len() - 1)];
        let rest = char_offset.saturating_sub(cp.char_offset);
        self.string[cp.byte_offset..]
            .char_indices()
            .nth(rest)
            .map_or(self.string.len(), |(b, _)| cp.byte_offset + b)
    }

    /// UTF-16 offset of code point `char_offset`, clamped to the end of text.
    pub fn char_to_utf16(&self, char_offset: usize) -> usize {
        let cp = self.index[(char_offset / STRIDE).min(self.index.len() - 1)];
        let rest = char_offset.saturating_sub(cp.char_offset);
        cp.utf16_offset
            + self.string[cp.byte_offset..]
                .chars()
                .take(rest)
                .map(char::len_utf16)
                .sum::<usize>()
    }

    /// Code point offset of UTF-16 offset `utf16_offset`, clamped to the end of
    /// text. An offset between the two halves of a surrogate pair rounds down to
    /// the code point that pair encodes.
    pub fn utf16_to_char(&self, utf16_offset: usize) -> usize {
        let i = self
            .index
            .partition_point(|cp| cp.utf16_offset <= utf16_offset)
            .saturating_sub(1);
        let cp = self.index[i];
        let mut at = cp.utf16_offset;
        let mut char_offset = cp.char_offset;
        for c in self.string[cp.byte_offset..].chars() {
            let next = at + c.len_utf16();
            if next > utf16_offset {
                break;
            }
            at = next;
            char_offset += 1;
        }
        char_offset
    }

    /// The text of `range`, clamped to the end of text.
    pub fn slice(&self, range: TextRange) -> &str {
        &self.string[self.char_to_byte(range.start())..self.char_to_byte(range.end())]
    }

    /// `range` with leading and trailing whitespace removed; an all-whitespace
    /// range becomes empty at its start.
    pub fn trim(&self, range: TextRange) -> TextRange {
        let s = self.slice(range);
        let lead = s.chars().take_while(|c| c.is_whitespace()).count();
        if lead == range.len() {
            return TextRange::empty(range.start());
        }
        let trail = s.chars().rev().take_while(|c| c.is_whitespace()).count();
        TextRange::new(range.start() + lead, range.end() - trail).expect("lead + trail < len")
    }
}

/// Builds a [`Text`] piece by piece, indexing each piece as it comes, so
/// that a long text costs no single long pass at the end.
#[derive(Default)]
pub struct TextBuilder {
    string: String,
    index: Vec<Checkpoint>,
    /// Code points, UTF-16 units and bytes so far.
    at: Checkpoint,
}

impl TextBuilder {
    pub fn push_str(&mut self, piece: &str) {
        let base = self.string.len();
        self.string.push_str(piece);
        // A window runs up to the next checkpoint. An ASCII window is
        // counted at once; otherwise byte by byte: a code point starts at
        // every byte that is not a continuation byte (10xxxxxx), and takes
        // two UTF-16 units when it takes four bytes.
        let bytes = piece.as_bytes();
        let mut b = 0;
        while b < bytes.len() {
            let until = STRIDE - self.at.char_offset % STRIDE;
            let end = (b + until).min(bytes.len());
            if bytes[b..end].is_ascii() {
                if self.at.char_offset % STRIDE == 0 {
                    self.at.byte_offset = base + b;
                    self.index.push(self.at);
                }
                self.at.char_offset += end - b;
                self.at.utf16_offset += end - b;
                b = end;
                continue;
            }
            let next_window = self.at.char_offset + until;
            while b < bytes.len() {
                let byte = bytes[b];
                if byte & 0xC0 != 0x80 {
                    if self.at.char_offset == next_window {
                        break;
                    }
                    self.at.byte_offset = base + b;
                    if self.at.char_offset % STRIDE == 0 {
                        self.index.push(self.at);
                    }
                    self.at.char_offset += 1;
                    self.at.utf16_offset += if byte >= 0xF0 { 2 } else { 1 };
                }
                b += 1;
            }
        }
        self.at.byte_offset = self.string.len();
    }

    /// Length so far in code points.
    pub fn char_len(&self) -> usize {
        self.at.char_offset
    }

    pub fn is_empty(&self) -> bool {
        self.string.is_empty()
    }

    pub fn finish(mut self) -> Text {
        if self.index.last() != Some(&self.at) {
            self.index.push(self.at);
        }
        Text {
            string: self.string,
            index: self.index,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive_utf16(s: &str, char_offset: usize) -> usize {
        s.chars().take(char_offset).map(char::len_utf16).sum()
    }

    #[test]
    fn conversions_agree_with_a_scan_across_checkpoints() {
        let s: String = "a👍🏽é\u{301}中文שלום ".repeat(40);
        let text = Text::new(s.clone());
        let n = s.chars().count();
        assert_eq!(text.char_len(), n);
        for c in 0..=n {
            let u = naive_utf16(&s, c);
            assert_eq!(text.char_to_utf16(c), u, "char {c}");
            assert_eq!(text.utf16_to_char(u), c, "utf16 {u}");
            assert_eq!(
                text.char_to_byte(c),
                s.char_indices().nth(c).map_or(s.len(), |(b, _)| b)
            );
        }
    }

    #[test]
    fn built_in_pieces_the_index_is_the_same_and_right() {
        let pieces = [
            "plain ASCII ".repeat(13),
            "👍🏽 mixed é\u{301} ".to_owned(),
            "x".repeat(64),
            "中".repeat(70),
            "\n\n".to_owned(),
            "tail ASCII run".repeat(9),
        ];
        let whole: String = pieces.concat();
        let mut b = TextBuilder::default();
        for p in &pieces {
            b.push_str(p);
        }
        let built = b.finish();
        assert_eq!(built, Text::new(whole.clone()));
        let n = whole.chars().count();
        assert_eq!(built.char_len(), n);
        for c in 0..=n {
            let u = naive_utf16(&whole, c);
            assert_eq!(built.char_to_utf16(c), u, "char {c}");
            assert_eq!(built.utf16_to_char(u), c, "utf16 {u}");
            assert_eq!(
                built.char_to_byte(c),
                whole.char_indices().nth(c).map_or(whole.len(), |(b, _)| b)
            );
        }
    }

    #[test]
    fn empty_text() {
        let text = Text::new(String::new());
        assert_eq!(text.char_len(), 0);
        assert_eq!(text.utf16_to_char(5), 0);
        assert_eq!(text.slice(TextRange::new(0, 3).unwrap()), "");
    }
}

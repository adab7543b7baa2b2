//! [`Text`]: the article's canonical text with an index for offset conversion.

use super::{ByteOffset, CharOffset, TextRange, Utf16Offset};

/// Code points between two checkpoints of the index.
const STRIDE: usize = 64;

/// Where one checkpoint sits, in the three units we convert between.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Checkpoint {
    char_offset: CharOffset,
    utf16_offset: Utf16Offset,
    byte_offset: ByteOffset,
}

/// The article's canonical text (immutable) plus a checkpoint index, so that
/// converting between code points, UTF-16 code units and UTF-8 bytes costs
/// at most O(log n) to find a checkpoint and 64 code points of scanning.
/// The index takes about 24 bytes per 64 code points.
///
/// Offsets past the end of the text are clamped to it by every converter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    string: String,
    /// `index[i]` is at code point `i * STRIDE`; the last entry is the end of text.
    index: Vec<Checkpoint>,
}

impl Text {
    /// Indexes `string`: O(n), one pass.
    pub fn new(string: String) -> Self {
        let mut b = TextBuilder::default();
        b.push_str(&string);
        b.finish()
    }

    pub fn as_str(&self) -> &str {
        &self.string
    }

    /// Length in code points (a count, like [`TextRange::len`]). O(1).
    pub fn char_len(&self) -> usize {
        self.last().char_offset.get()
    }

    /// Length in UTF-16 code units (a count: what JavaScript's `length`
    /// says). O(1).
    pub fn utf16_len(&self) -> usize {
        self.last().utf16_offset.get()
    }

    /// The whole text as a range. O(1).
    pub fn full_range(&self) -> TextRange {
        TextRange::new(CharOffset::ZERO, self.last().char_offset).expect("0 <= len")
    }

    fn last(&self) -> Checkpoint {
        *self.index.last().expect("index always holds the end")
    }

    /// The checkpoint at or before `char_offset`, the code points from it,
    /// and whether they are all ASCII up to the next checkpoint (so one byte
    /// and one UTF-16 unit each, and no scan is needed). O(1).
    fn checkpoint_before(&self, char_offset: CharOffset) -> (Checkpoint, usize, bool) {
        let k = (char_offset.get() / STRIDE).min(self.index.len() - 1);
        let cp = self.index[k];
        let rest = char_offset.get().saturating_sub(cp.char_offset.get());
        let ascii = self.index.get(k + 1).is_some_and(|next| {
            let span = next.char_offset.get() - cp.char_offset.get();
            rest <= span && next.byte_offset.get() - cp.byte_offset.get() == span
        });
        (cp, rest, ascii)
    }

    /// The byte offset of code point `char_offset`, clamped to the end of
    /// text. O(1), plus a scan of at most 64 code points where they are not
    /// all ASCII.
    pub fn char_to_byte(&self, char_offset: CharOffset) -> ByteOffset {
        let (cp, rest, ascii) = self.checkpoint_before(char_offset);
        let from = cp.byte_offset.get();
        if ascii {
            return ByteOffset::new(from + rest);
        }
        ByteOffset::new(
            self.string[from..]
                .char_indices()
                .nth(rest)
                .map_or(self.string.len(), |(b, _)| from + b),
        )
    }

    /// The UTF-16 offset of code point `char_offset`, clamped to the end of
    /// text. O(1), plus a scan of at most 64 code points where they are not
    /// all ASCII.
    pub fn char_to_utf16(&self, char_offset: CharOffset) -> Utf16Offset {
        let (cp, rest, ascii) = self.checkpoint_before(char_offset);
        if ascii {
            return cp.utf16_offset + rest;
        }
        cp.utf16_offset
            + self.string[cp.byte_offset.get()..]
                .chars()
                .take(rest)
                .map(char::len_utf16)
                .sum::<usize>()
    }

    /// The code point at UTF-16 offset `utf16_offset`, clamped to the end of
    /// text. An offset between the two halves of a surrogate pair rounds down
    /// to the code point that pair encodes. O(log n) to find the checkpoint
    /// plus a scan of at most 64 code points.
    pub fn utf16_to_char(&self, utf16_offset: Utf16Offset) -> CharOffset {
        let i = self
            .index
            .partition_point(|cp| cp.utf16_offset <= utf16_offset)
            .saturating_sub(1);
        let cp = self.index[i];
        let mut at = cp.utf16_offset;
        let mut char_offset = cp.char_offset;
        for c in self.string[cp.byte_offset.get()..].chars() {
            let next = at + c.len_utf16();
            if next > utf16_offset {
                break;
            }
            at = next;
            char_offset += 1;
        }
        char_offset
    }

    /// The text of `range`, clamped to the end of text. Costs two
    /// [`Text::char_to_byte`].
    pub fn slice(&self, range: TextRange) -> &str {
        let start = self.char_to_byte(range.start()).get();
        let end = self.char_to_byte(range.end()).get();
        &self.string[start..end]
    }

    /// `range` with leading and trailing whitespace removed; an all-whitespace
    /// range becomes empty at its start. O(length of `range`).
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
            let until = STRIDE - self.at.char_offset.get() % STRIDE;
            let end = (b + until).min(bytes.len());
            if bytes[b..end].is_ascii() {
                if self.at.char_offset.get() % STRIDE == 0 {
                    self.at.byte_offset = ByteOffset::new(base + b);
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
                    self.at.byte_offset = ByteOffset::new(base + b);
                    if self.at.char_offset.get() % STRIDE == 0 {
                        self.index.push(self.at);
                    }
                    self.at.char_offset += 1;
                    self.at.utf16_offset += if byte >= 0xF0 { 2 } else { 1 };
                }
                b += 1;
            }
        }
        self.at.byte_offset = ByteOffset::new(self.string.len());
    }

    /// Length so far in code points (a count).
    pub fn char_len(&self) -> usize {
        self.at.char_offset.get()
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

    /// The three offsets of code point `c` of `s`, by a scan from the start.
    fn naive(s: &str, c: usize) -> (CharOffset, Utf16Offset, ByteOffset) {
        let u = s.chars().take(c).map(char::len_utf16).sum();
        let b = s.char_indices().nth(c).map_or(s.len(), |(b, _)| b);
        (CharOffset::new(c), Utf16Offset::new(u), ByteOffset::new(b))
    }

    fn check_against_a_scan(text: &Text, s: &str) {
        let n = s.chars().count();
        assert_eq!(text.char_len(), n);
        for c in 0..=n {
            let (c, u, b) = naive(s, c);
            assert_eq!(text.char_to_utf16(c), u, "char {c}");
            assert_eq!(text.utf16_to_char(u), c, "utf16 {u}");
            assert_eq!(text.char_to_byte(c), b, "char {c}");
        }
        assert_eq!(text.utf16_len(), naive(s, n).1.get());
    }

    #[test]
    fn conversions_agree_with_a_scan_across_checkpoints() {
        let s: String = "a👍🏽é\u{301}中文שלום ".repeat(40);
        check_against_a_scan(&Text::new(s.clone()), &s);
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
        check_against_a_scan(&built, &whole);
    }

    #[test]
    fn empty_text() {
        let text = Text::new(String::new());
        assert_eq!(text.char_len(), 0);
        assert_eq!(text.utf16_to_char(Utf16Offset::new(5)), CharOffset::ZERO);
        assert_eq!(text.char_to_byte(CharOffset::new(3)), ByteOffset::ZERO);
        let past = TextRange::new(CharOffset::ZERO, CharOffset::new(3)).unwrap();
        assert_eq!(text.slice(past), "");
    }
}

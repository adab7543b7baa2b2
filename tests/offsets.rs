//! Code point <-> UTF-16 conversion over scripts that break naive code.

use annotator::model::{CharOffset, Text, TextRange, Utf16Offset};

/// (text, code-point offset, UTF-16 offset) triples; each offset pair must
/// convert both ways.
const CASES: &[(&str, usize, usize)] = &[
    ("ascii", 3, 3),
    // Thumbs-up + skin-tone modifier: 2 code points, 4 UTF-16 units.
    ("👍🏽x", 2, 4),
    ("👍🏽x", 3, 5),
    // Family emoji joined by ZWJ: 5 code points, 8 units.
    ("👩\u{200d}👩\u{200d}👧 end", 5, 8),
    // e + combining acute: 2 code points, 2 units.
    ("e\u{301}t", 2, 2),
    // CJK in the BMP: one unit each; an astral ideograph (𠀋) takes two.
    ("东京", 1, 1),
    ("𠀋京", 1, 2),
    // Right-to-left scripts are stored in logical order.
    ("שלום עולם", 5, 5),
    ("مرحبا بالعالم", 6, 6),
    ("", 0, 0),
];

#[test]
fn code_points_and_utf16_convert_both_ways() {
    for &(s, char_offset, utf16_offset) in CASES {
        let text = Text::new(s.to_owned());
        let (c, u) = (CharOffset::new(char_offset), Utf16Offset::new(utf16_offset));
        assert_eq!(text.char_to_utf16(c), u, "{s:?} char {char_offset}");
        assert_eq!(text.utf16_to_char(u), c, "{s:?} utf16 {utf16_offset}");
    }
}

#[test]
fn an_offset_inside_a_surrogate_pair_rounds_down() {
    let text = Text::new("a👍b".into());
    let char_at = |u| text.utf16_to_char(Utf16Offset::new(u)).get();
    assert_eq!(char_at(2), 1, "between the halves of 👍");
    assert_eq!(char_at(3), 2);
}

#[test]
fn slices_are_by_code_point() {
    let text = Text::new("Café 👍🏽 东京 שלום".into());
    let range = |a, b| TextRange::new(CharOffset::new(a), CharOffset::new(b)).unwrap();
    assert_eq!(text.slice(range(0, 4)), "Café");
    assert_eq!(text.slice(range(5, 7)), "👍🏽");
    assert_eq!(text.slice(range(8, 10)), "东京");
    assert_eq!(text.slice(range(11, 15)), "שלום");
    assert_eq!(text.slice(range(11, 99)), "שלום", "clamped to the end");
}

#[test]
fn long_text_crosses_index_checkpoints() {
    let s = "ab👍🏽c\u{301}东".repeat(1000);
    let text = Text::new(s.clone());
    let mut utf16 = Utf16Offset::ZERO;
    for (i, c) in s.chars().enumerate() {
        let i = CharOffset::new(i);
        assert_eq!(text.char_to_utf16(i), utf16);
        assert_eq!(text.utf16_to_char(utf16), i);
        utf16 += c.len_utf16();
    }
    assert_eq!(text.utf16_len(), utf16.get());
}

#[test]
fn ascii_stretches_and_others_convert_alike_past_every_checkpoint() {
    // Whole ASCII strides (the fast path), strides with one emoji or one
    // combining mark, and a short ASCII tail past the last checkpoint.
    let s = format!(
        "{}👍🏽{}e\u{301}{}東京{}{}",
        "a".repeat(130),
        "b".repeat(64),
        "c".repeat(63),
        "d".repeat(70),
        "e".repeat(5)
    );
    let text = Text::new(s.clone());
    let (mut byte, mut utf16) = (0, 0);
    let n = s.chars().count();
    for (i, c) in s.chars().chain(std::iter::once('\0')).enumerate() {
        let at = CharOffset::new(i);
        assert_eq!(text.char_to_byte(at).get(), byte, "byte of {i}");
        assert_eq!(text.char_to_utf16(at).get(), utf16, "utf16 of {i}");
        if i < n {
            byte += c.len_utf8();
            utf16 += c.len_utf16();
        }
    }
    for past in [n + 1, n + 64, n + 1000] {
        assert_eq!(text.char_to_byte(CharOffset::new(past)).get(), s.len());
        assert_eq!(
            text.char_to_utf16(CharOffset::new(past)).get(),
            text.utf16_len()
        );
    }
}

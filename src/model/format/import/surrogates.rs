//! Lone surrogate escapes: a JavaScript tool that cuts a string in the
//! middle of an emoji (UTF-16 units, not characters) writes half of it as
//! `"\udc4d"`, which JSON readers that want Unicode text (ours) refuse.
//! [`repair`] turns each such escape into `\ufffd` (U+FFFD, the
//! replacement character) before the file is parsed, so the file reads;
//! the import then rebuilds the context it broke from the article text.

use std::borrow::Cow;

/// The replacement, as many bytes as any `\uXXXX` escape: positions in
/// the file (line, column) do not move.
const REPLACEMENT: &[u8; 6] = b"\\ufffd";

/// The value of the four hex digits at `at`, if there are four.
fn hex4(bytes: &[u8], at: usize) -> Option<u16> {
    let digits = std::str::from_utf8(bytes.get(at..at + 4)?).ok()?;
    u16::from_str_radix(digits, 16).ok()
}

fn is_high(u: u16) -> bool {
    (0xD800..=0xDBFF).contains(&u)
}

fn is_low(u: u16) -> bool {
    (0xDC00..=0xDFFF).contains(&u)
}

/// `bytes` with every `\uD800`–`\uDFFF` escape that is not half of a
/// valid pair (a high surrogate escape followed at once by a low one)
/// replaced by `\ufffd`, and how many were. Nothing else changes, not
/// even the length.
///
/// Only backslashes are looked at: in valid JSON they occur only inside
/// strings, each starting one escape, so `\\udc4d` (an escaped backslash
/// and the text "udc4d") is left alone; outside strings a backslash is a
/// syntax error either way. O(n); no copy when nothing is replaced.
pub(super) fn repair(bytes: &[u8]) -> (Cow<'_, [u8]>, usize) {
    let mut lone = Vec::new();
    let mut i = 0;
    while let Some(p) = bytes
        .get(i..)
        .and_then(|b| b.iter().position(|b| *b == b'\\'))
    {
        let at = i + p;
        i = at + 2;
        if bytes.get(at + 1) != Some(&b'u') {
            continue;
        }
        let Some(u) = hex4(bytes, at + 2) else {
            continue;
        };
        i = at + 6;
        let pair = is_high(u)
            && bytes.get(at + 6..at + 8) == Some(b"\\u")
            && hex4(bytes, at + 8).is_some_and(is_low);
        if pair {
            i = at + 12;
        } else if is_high(u) || is_low(u) {
            lone.push(at);
        }
    }
    if lone.is_empty() {
        return (Cow::Borrowed(bytes), 0);
    }
    let mut out = bytes.to_vec();
    for at in &lone {
        out[*at..*at + 6].copy_from_slice(REPLACEMENT);
    }
    (Cow::Owned(out), lone.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repaired(s: &str) -> (String, usize) {
        let (out, n) = repair(s.as_bytes());
        (String::from_utf8(out.into_owned()).unwrap(), n)
    }

    #[test]
    fn lone_halves_are_replaced_and_pairs_kept() {
        let cases = [
            (r#""\udc4d ok""#, r#""\ufffd ok""#, 1),
            (r#""ok \uD83D""#, r#""ok \ufffd""#, 1),
            (r#""\ud83d\udc4d""#, r#""\ud83d\udc4d""#, 0),
            (r#""\ud83d\ud83d\udc4d""#, r#""\ufffd\ud83d\udc4d""#, 1),
            (r#""\udc4d\ud83d""#, r#""\ufffd\ufffd""#, 2),
            (r#""\ud83d\n""#, r#""\ufffd\n""#, 1),
            (r#""\\udc4d""#, r#""\\udc4d""#, 0),
            (r#""\\\udc4d""#, r#""\\\ufffd""#, 1),
            (r#""\u00e9 \u12""#, r#""\u00e9 \u12""#, 0),
            (r#""\ud83d"#, r#""\ufffd"#, 1),
            ("\"\\", "\"\\", 0),
        ];
        for (input, expected, n) in cases {
            assert_eq!(repaired(input), (expected.to_owned(), n), "{input}");
        }
    }

    #[test]
    fn nothing_is_copied_without_a_lone_half() {
        let (out, n) = repair(br#"{"a": "\ud83d\udc4d \" \\"}"#);
        assert!(matches!(out, Cow::Borrowed(_)));
        assert_eq!(n, 0);
    }

    #[test]
    fn a_repaired_file_parses() {
        let (out, _) = repair(br#"{"exact": "\udc4d ok"}"#);
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["exact"], "\u{fffd} ok");
    }
}

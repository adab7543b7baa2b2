//! Where a JSON syntax error is, in words a user can act on: line and
//! column in characters, the annotation or relation it is in (found by a
//! cheap scan of the brackets before it), an excerpt around it when its
//! line is too long to look at, and what is wrong in plain words.

use crate::model::format::excerpt;
use crate::model::limits::thousands;
use std::fmt;

/// An error line longer than this many bytes gets an excerpt (a one-line
/// file, a minified export); a shorter one is found by line and column.
const LONG_LINE: usize = 120;

/// Code points of the excerpt on each side of the error.
const EXCERPT_SIDE: usize = 20;

/// Which part of the file an error position is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Not inside any of the parts below (the top-level object itself).
    Top,
    Article,
    TagSet,
    /// Inside annotation `n` (from 1) of `annotations`.
    Annotation(usize),
    /// In `annotations`, after annotation `n` (0: none begun yet).
    AfterAnnotation(usize),
    Relation(usize),
    AfterRelation(usize),
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let after = |f: &mut fmt::Formatter<'_>, n: usize, noun: &str| match n {
            0 => write!(f, ", in the list of {noun}s"),
            n => write!(f, ", after {noun} {}", thousands(n)),
        };
        match *self {
            Part::Top => Ok(()),
            Part::Article => write!(f, ", in the article"),
            Part::TagSet => write!(f, ", in the tag set"),
            Part::Annotation(n) => write!(f, ", in annotation {}", thousands(n)),
            Part::AfterAnnotation(n) => after(f, n, "annotation"),
            Part::Relation(n) => write!(f, ", in relation {}", thousands(n)),
            Part::AfterRelation(n) => after(f, n, "relation"),
        }
    }
}

/// Where a syntax error is: line from 1, column in code points from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
    pub part: Part,
    /// About 40 code points around the error, controls shown as spaces,
    /// when its line is longer than [`LONG_LINE`] bytes.
    pub excerpt: Option<String>,
}

impl fmt::Display for Place {
    /// "line 1, column 2,087,289, in annotation 3".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}{}",
            thousands(self.line),
            thousands(self.column),
            self.part
        )
    }
}

/// The largest char boundary of `s` at or before `i` (clamped to its length).
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The place of the error serde_json reports at `line` and byte `column`
/// (its column counts bytes from the line start, ending after the byte at
/// fault; `at_end`: the text ended, no byte is at fault). O(position of
/// the error) plus the length of its line.
pub(super) fn place(s: &str, line: usize, column: usize, at_end: bool) -> Place {
    let bytes = s.as_bytes();
    let line_start = if line <= 1 {
        0
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(line - 2)
            .map_or(s.len(), |(i, _)| i + 1)
    };
    let fault = usize::from(!at_end && column > 0);
    let at = floor_boundary(s, line_start + column - fault);
    let line_end = s[at..].find('\n').map_or(s.len(), |i| at + i);
    Place {
        line,
        column: s[line_start..at].chars().count() + fault,
        part: part_at(bytes, at),
        excerpt: (line_end - line_start > LONG_LINE).then(|| around(s, at)),
    }
}

/// The code points around byte `at` (a char boundary), sanitised.
fn around(s: &str, at: usize) -> String {
    let before: String = {
        let mut chars: Vec<char> = s[..at].chars().rev().take(EXCERPT_SIDE + 1).collect();
        let cut = chars.len() > EXCERPT_SIDE;
        chars.truncate(EXCERPT_SIDE);
        let head = if cut { "…" } else { "" };
        head.chars().chain(chars.into_iter().rev()).collect()
    };
    let out = before + &excerpt(&s[at..], EXCERPT_SIDE);
    out.chars()
        .map(|c| if shows_as_itself(c) { c } else { ' ' })
        .collect()
}

/// Whether `c` may appear in a message as it is: not a control, nor a
/// character that reorders or hides text (bidirectional controls, zero
/// widths).
fn shows_as_itself(c: char) -> bool {
    !(c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}'))
}

/// The list a top-level array is (by its key).
#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    Annotations,
    Relations,
}

/// The part of the file byte `end` is in: brackets outside strings are
/// counted from the start, and annotation objects begun in the
/// `annotations` array (relations in `relations`). O(end), no allocation.
fn part_at(bytes: &[u8], end: usize) -> Part {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let (mut expect_key, mut key_start, mut key): (bool, Option<usize>, &[u8]) = (false, None, b"");
    let (mut list, mut n) = (None, 0usize);
    for (i, &b) in bytes[..end.min(bytes.len())].iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
                if let Some(k) = key_start.take() {
                    key = &bytes[k..i];
                    expect_key = false;
                }
            }
            continue;
        }
        match b {
            b'"' => {
                in_string = true;
                if depth == 1 && expect_key {
                    key_start = Some(i + 1);
                }
            }
            b'{' | b'[' => {
                depth += 1;
                if depth == 1 {
                    expect_key = b == b'{';
                } else if depth == 2 && b == b'[' {
                    list = match key {
                        b"annotations" => Some(List::Annotations),
                        b"relations" => Some(List::Relations),
                        _ => None,
                    };
                    n = 0;
                } else if depth == 3 && b == b'{' && list.is_some() {
                    n += 1;
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth <= 1 {
                    list = None;
                }
            }
            b',' if depth == 1 => expect_key = true,
            _ => {}
        }
    }
    match (depth, list) {
        (0 | 1, _) => Part::Top,
        (2, Some(List::Annotations)) => Part::AfterAnnotation(n),
        (2, Some(List::Relations)) => Part::AfterRelation(n),
        (_, Some(List::Annotations)) if n > 0 => Part::Annotation(n),
        (_, Some(List::Relations)) if n > 0 => Part::Relation(n),
        _ => match key {
            b"article" => Part::Article,
            b"schema" => Part::TagSet,
            _ => Part::Top,
        },
    }
}

/// serde_json's description of a syntax error (without its position) in
/// plain words; one it does not know is kept as it is.
pub(super) fn plain_words(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let what = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(w, _)| w);
    match what {
        "expected value" => "a value is missing (a stray comma, or text without quotes?)",
        "trailing comma" => "a comma is followed by a closing bracket",
        "key must be a string" => "a key is not in double quotes (or a comma is one too many)",
        "expected `,` or `}`" => "a comma or a closing } is missing",
        "expected `,` or `]`" => "a comma or a closing ] is missing",
        "expected `:`" => "a colon is missing after a key",
        "expected ident" => "a word is not true, false or null",
        "expected `\"`" => "a double quote is missing",
        "invalid escape" => "a backslash starts an escape JSON does not have",
        "invalid number" => "a number is not written the way JSON writes numbers",
        "number out of range" => "a number is too large",
        "invalid unicode code point" | "unexpected end of hex escape" => {
            "a \\u escape is not a whole character"
        }
        "lone leading surrogate in hex escape" => "a \\u escape is not a whole character",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "a text holds a raw line break, tab or other control character (JSON writes \\n, \\t)"
        }
        "trailing characters" => "more follows the end of the JSON",
        "recursion limit exceeded" => "it is nested more than 128 levels deep",
        other => return other.to_owned(),
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_place(s: &str) -> Place {
        let e = serde_json::from_str::<serde_json::Value>(s).unwrap_err();
        place(s, e.line(), e.column(), e.is_eof())
    }

    #[test]
    fn the_part_is_found_by_counting_brackets() {
        let file = |annotations: &str| {
            format!(
                r#"{{"version":2,"article":{{"text":"a [b] {{c}}"}},"annotations":[{annotations}],"relations":[]}}"#
            )
        };
        let cases = [
            (
                file(r#"{"id":"a1"},{"id":"a2"},{"id":"a3",,"x":1}"#),
                Part::Annotation(3),
            ),
            (
                file(r#"{"id":"a1"},,{"id":"a2"}"#),
                Part::AfterAnnotation(1),
            ),
            (file(r#"{"id":"a\"{["},{"id":"}]" x}"#), Part::Annotation(2)),
            (
                r#"{"version":2,"article":{"text":"a" "b"}}"#.into(),
                Part::Article,
            ),
            (
                r#"{"version":2,"schema":{"tags":[{"id":x}]}}"#.into(),
                Part::TagSet,
            ),
            (
                r#"{"version":2,"relations":[{"id":"r1"} {"#.into(),
                Part::AfterRelation(1),
            ),
            (r#"{"version":2,,}"#.into(), Part::Top),
        ];
        for (s, part) in cases {
            assert_eq!(error_place(&s).part, part, "{s}");
        }
        let words = [
            (Part::Annotation(1_204), ", in annotation 1,204"),
            (Part::AfterAnnotation(0), ", in the list of annotations"),
            (Part::AfterRelation(2), ", after relation 2"),
            (Part::TagSet, ", in the tag set"),
            (Part::Top, ""),
        ];
        for (part, expected) in words {
            assert_eq!(part.to_string(), expected);
        }
    }

    #[test]
    fn columns_count_characters_and_long_lines_get_an_excerpt() {
        let s = format!(r#"{{"text":"👍👍👍", "pad":"{}", x}}"#, "p".repeat(200));
        let p = error_place(&s);
        assert_eq!((p.line, p.column), (1, 226), "three emoji are 3 columns");
        assert_eq!(p.excerpt.as_deref(), Some("…ppppppppppppppppp\", x}"));
        let p = error_place("{\n  \"a\": 1,\n  x\n}");
        assert_eq!((p.line, p.column, p.excerpt), (3, 3, None));
    }

    #[test]
    fn excerpts_hide_controls_and_keep_char_boundaries() {
        let s = format!("{{\"a\":\"{}\u{202e}\t\u{1F44D}\",\n", "é".repeat(200));
        let p = error_place(&s);
        let e = p.excerpt.expect("a long line");
        assert_eq!(
            e,
            format!("…{}  👍\", ", "é".repeat(19)),
            "the raw tab is at fault"
        );
    }
}

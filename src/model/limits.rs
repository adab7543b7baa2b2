//! The limits of what an annotation file and a session may hold, in one
//! place, with the words every message about them uses ([`Exceeded`]).
//! `docs/format.md` ("Limits") lists them with their messages.
//!
//! Each limit is checked where the data enters: the page refuses a file
//! by its size before reading it (`File.size`), [`crate::model::format::import`]
//! checks every limit again (storage, the converter), and the session's
//! commands refuse a note or a field text over its limit, so that every
//! export imports again.
//!
//! Other limits live with what they bound: the largest article
//! ([`crate::model::load::MAX_BYTES`], 50 MB) and the tag set's
//! ([`crate::model::schema::MAX_TAGS`], [`crate::model::schema::MAX_FIELDS`],
//! [`crate::model::schema::MAX_RELATION_TYPES`],
//! [`crate::model::schema::MAX_LABEL_LEN`], ids of 32 characters, web
//! addresses of 2,048).

use std::fmt;

/// Largest annotation file read, in bytes (64 MiB). The largest article
/// (50 MB of text, a little more as JSON) with its blocks and some ten
/// thousand annotations fits; memory while importing stays a few times the
/// file (its bytes, the parsed file, the session).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// Most annotations in one file. Twenty times the 10,000 the app is
/// measured with (`scripts/bench`); a real export takes 350–450 bytes per
/// annotation, so a file of [`MAX_FILE_BYTES`] holds about 170,000 of
/// them. The limit stops a file of tiny hand-made objects (a 64 MB file
/// holds 800,000 of 80 bytes) from costing half a gigabyte as a session;
/// annotations past it are counted, never kept in memory.
pub const MAX_ANNOTATIONS: usize = 200_000;

/// Longest note, in code points (as a text field).
pub const MAX_NOTE_CHARS: usize = 10_000;

/// Longest value of a text field, in code points.
pub const MAX_FIELD_TEXT_CHARS: usize = 10_000;

/// Longest annotator name (an annotation's `creator`), in code points.
pub const MAX_CREATOR_CHARS: usize = 200;

/// Most annotators one gold annotation names in `adjudicated_from`.
pub const MAX_ADJUDICATED_FROM: usize = 100;

/// A limit gone past, with the actual size. Its `Display` is a clause
/// ("it is 10,001 characters long; a note holds at most 10,000") that
/// the messages of files, annotations and commands put in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exceeded {
    /// A file of this many bytes.
    FileBytes(u64),
    /// A file of this many annotations.
    Annotations(usize),
    /// A note of this many code points.
    NoteChars(usize),
    /// A text field value of this many code points.
    FieldTextChars(usize),
    /// An annotator name of this many code points.
    CreatorChars(usize),
    /// An `adjudicated_from` of this many names.
    AdjudicatedFrom(usize),
}

impl fmt::Display for Exceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Exceeded::FileBytes(n) => write!(
                f,
                "it is {} MB; the largest annotation file this app opens is {} MB",
                n.div_ceil(1_048_576),
                MAX_FILE_BYTES / 1_048_576
            ),
            Exceeded::Annotations(n) => write!(
                f,
                "it holds {} annotations; this app opens at most {} per file",
                thousands(n),
                thousands(MAX_ANNOTATIONS)
            ),
            Exceeded::NoteChars(n) => write!(
                f,
                "it is {} characters long; a note holds at most {}",
                thousands(n),
                thousands(MAX_NOTE_CHARS)
            ),
            Exceeded::FieldTextChars(n) => write!(
                f,
                "it is {} characters long; a text field holds at most {}",
                thousands(n),
                thousands(MAX_FIELD_TEXT_CHARS)
            ),
            Exceeded::CreatorChars(n) => write!(
                f,
                "it is {} characters long; an annotator name holds at most {MAX_CREATOR_CHARS}",
                thousands(n)
            ),
            Exceeded::AdjudicatedFrom(n) => write!(
                f,
                "it names {} annotators; a gold annotation names at most {MAX_ADJUDICATED_FROM}",
                thousands(n)
            ),
        }
    }
}

/// `n_bytes` against [`MAX_FILE_BYTES`]. O(1).
///
/// # Errors
/// [`Exceeded::FileBytes`] when larger.
pub fn check_file_bytes(n_bytes: u64) -> Result<(), Exceeded> {
    if n_bytes > MAX_FILE_BYTES as u64 {
        Err(Exceeded::FileBytes(n_bytes))
    } else {
        Ok(())
    }
}

/// The code points of `s` when there are more than `max`, counted only
/// when its UTF-8 length could exceed `max` (so O(1) for short text).
fn chars_over(s: &str, max: usize) -> Option<usize> {
    if s.len() <= max {
        return None;
    }
    Some(s.chars().count()).filter(|n| *n > max)
}

/// `note` against [`MAX_NOTE_CHARS`]. O(1) when its bytes fit, else O(n).
///
/// # Errors
/// [`Exceeded::NoteChars`] when longer.
pub fn check_note(note: &str) -> Result<(), Exceeded> {
    chars_over(note, MAX_NOTE_CHARS).map_or(Ok(()), |n| Err(Exceeded::NoteChars(n)))
}

/// An annotator name against [`MAX_CREATOR_CHARS`]; costs as
/// [`check_note`].
///
/// # Errors
/// [`Exceeded::CreatorChars`] when longer.
pub fn check_creator(name: &str) -> Result<(), Exceeded> {
    chars_over(name, MAX_CREATOR_CHARS).map_or(Ok(()), |n| Err(Exceeded::CreatorChars(n)))
}

/// An annotation's annotator names, its `creator` and its
/// `adjudicated_from`, against [`MAX_CREATOR_CHARS`] and
/// [`MAX_ADJUDICATED_FROM`]. O(names) when their bytes fit.
///
/// # Errors
/// The first limit gone past.
pub fn check_names(creator: &str, adjudicated_from: &[String]) -> Result<(), Exceeded> {
    if adjudicated_from.len() > MAX_ADJUDICATED_FROM {
        return Err(Exceeded::AdjudicatedFrom(adjudicated_from.len()));
    }
    std::iter::once(creator)
        .chain(adjudicated_from.iter().map(String::as_str))
        .try_for_each(check_creator)
}

/// `raw` as an annotator name: white space runs made one space, trimmed,
/// cut to [`MAX_CREATOR_CHARS`] code points. O(n).
pub fn creator_name(raw: &str) -> String {
    let words: Vec<&str> = raw.split_whitespace().collect();
    words.join(" ").chars().take(MAX_CREATOR_CHARS).collect()
}

/// A text field value against [`MAX_FIELD_TEXT_CHARS`]; costs as
/// [`check_note`].
///
/// # Errors
/// [`Exceeded::FieldTextChars`] when longer.
pub fn check_field_text(text: &str) -> Result<(), Exceeded> {
    chars_over(text, MAX_FIELD_TEXT_CHARS).map_or(Ok(()), |n| Err(Exceeded::FieldTextChars(n)))
}

/// `n` with commas between thousands: `2087289` → `"2,087,289"`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_checked_at_and_one_over() {
        let at = "é".repeat(MAX_NOTE_CHARS);
        assert_eq!(check_note(&at), Ok(()), "counted in code points, not bytes");
        assert_eq!(check_note(&(at + "x")), Err(Exceeded::NoteChars(10_001)));
        let at = "x".repeat(MAX_FIELD_TEXT_CHARS);
        assert_eq!(check_field_text(&at), Ok(()));
        assert_eq!(
            check_field_text(&(at + "👍")),
            Err(Exceeded::FieldTextChars(10_001))
        );
        assert_eq!(check_file_bytes(MAX_FILE_BYTES as u64), Ok(()));
        assert_eq!(
            check_file_bytes(MAX_FILE_BYTES as u64 + 1),
            Err(Exceeded::FileBytes(67_108_865))
        );
    }

    #[test]
    fn each_limit_is_named_with_the_actual_size() {
        let cases = [
            (
                Exceeded::FileBytes(100 * 1_048_576),
                "it is 100 MB; the largest annotation file this app opens is 64 MB",
            ),
            (
                Exceeded::FileBytes(MAX_FILE_BYTES as u64 + 1),
                "it is 65 MB; the largest annotation file this app opens is 64 MB",
            ),
            (
                Exceeded::Annotations(200_001),
                "it holds 200,001 annotations; this app opens at most 200,000 per file",
            ),
            (
                Exceeded::NoteChars(10_001),
                "it is 10,001 characters long; a note holds at most 10,000",
            ),
            (
                Exceeded::FieldTextChars(12_345),
                "it is 12,345 characters long; a text field holds at most 10,000",
            ),
        ];
        for (e, expected) in cases {
            assert_eq!(e.to_string(), expected);
        }
    }

    #[test]
    fn thousands_are_separated() {
        for (n, s) in [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (2_087_289, "2,087,289"),
        ] {
            assert_eq!(thousands(n), s);
        }
    }
}

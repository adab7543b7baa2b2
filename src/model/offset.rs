//! Offsets into the canonical text, one type per unit: [`CharOffset`] (the
//! model's unit), [`Utf16Offset`] (the DOM's) and [`ByteOffset`] (Rust
//! `str` indexing). Converting between them needs the text:
//! [`crate::model::Text`] does it through its index.
//!
//! Arithmetic stays within one unit: an offset plus or minus a count (a
//! `usize` in the same unit) is an offset, the difference of two offsets is
//! a count. Adding a `Utf16Offset` to a `CharOffset` does not compile.

use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Add, AddAssign, Sub, SubAssign};

/// A position in Unicode code points (Rust `char`s) from the start of the
/// canonical text: the unit of every offset in the model and in the file.
///
/// Over `"👍🏽 ok"` (thumbs-up, skin-tone modifier, space, `o`, `k`): `o` is
/// at `CharOffset(3)` and the end of the text at `CharOffset(5)`. The same `o`
/// is at [`Utf16Offset`] 5 and at [`ByteOffset`] 9.
///
/// ```
/// use annotator::model::{CharOffset, Text, Utf16Offset};
/// let text = Text::new("👍🏽 ok".into());
/// assert_eq!(text.char_len(), 5);
/// assert_eq!(text.char_to_utf16(CharOffset::new(3)), Utf16Offset::new(5));
/// ```
///
/// Serialised as a plain integer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct CharOffset(usize);

/// A plain integer, like `usize`, but a file with a bad one is told what an
/// offset is rather than "expected usize".
impl<'de> Deserialize<'de> for CharOffset {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Whole;
        impl Visitor<'_> for Whole {
            type Value = CharOffset;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a character offset (a whole number, 0 or more)")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<CharOffset, E> {
                usize::try_from(v)
                    .map(CharOffset)
                    .map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<CharOffset, E> {
                u64::try_from(v)
                    .map_err(|_| E::invalid_value(Unexpected::Signed(v), &self))
                    .and_then(|v| self.visit_u64(v))
            }
        }
        d.deserialize_u64(Whole)
    }
}

/// A position in UTF-16 code units from the start of the canonical text: the
/// unit of DOM offsets (`Range.startOffset`, `Text.length`, JavaScript string
/// indices). A code point outside the Basic Multilingual Plane takes two.
///
/// Over `"👍🏽 ok"`: `👍` and `🏽` take two units each, so `o` (code point 3)
/// is at `Utf16Offset(5)` and the end of the text at `Utf16Offset(7)`.
///
/// ```
/// use annotator::model::{CharOffset, Text, Utf16Offset};
/// let text = Text::new("👍🏽 ok".into());
/// assert_eq!(text.utf16_to_char(Utf16Offset::new(5)), CharOffset::new(3));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Utf16Offset(usize);

/// A position in UTF-8 bytes from the start of the canonical text: what Rust
/// `str` indexing takes. A code point takes one to four.
///
/// Over `"👍🏽 ok"`: `👍` and `🏽` take four bytes each, so `o` (code point
/// 3) is at `ByteOffset(9)` and the end of the text at `ByteOffset(11)`.
///
/// ```
/// use annotator::model::{ByteOffset, CharOffset, Text};
/// let text = Text::new("👍🏽 ok".into());
/// let o = text.char_to_byte(CharOffset::new(3));
/// assert_eq!(o, ByteOffset::new(9));
/// assert_eq!(&text.as_str()[o.get()..], "ok");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ByteOffset(usize);

/// Constructors, accessors and same-unit arithmetic. Overflow and underflow
/// behave as for `usize` (a panic in debug builds).
macro_rules! offset_impls {
    ($name:ident) => {
        impl $name {
            /// The start of the text.
            pub const ZERO: Self = Self(0);

            pub const fn new(n: usize) -> Self {
                Self(n)
            }

            pub const fn get(self) -> usize {
                self.0
            }

            /// `self - n`, or the start of the text when `n` is larger.
            pub const fn saturating_sub(self, n: usize) -> Self {
                Self(self.0.saturating_sub(n))
            }

            /// The count between `self` and `other`, whichever comes first.
            pub const fn abs_diff(self, other: Self) -> usize {
                self.0.abs_diff(other.0)
            }
        }

        impl Add<usize> for $name {
            type Output = Self;
            fn add(self, n: usize) -> Self {
                Self(self.0 + n)
            }
        }

        impl AddAssign<usize> for $name {
            fn add_assign(&mut self, n: usize) {
                self.0 += n;
            }
        }

        impl Sub<usize> for $name {
            type Output = Self;
            fn sub(self, n: usize) -> Self {
                Self(self.0 - n)
            }
        }

        impl SubAssign<usize> for $name {
            fn sub_assign(&mut self, n: usize) {
                self.0 -= n;
            }
        }

        /// The count from `earlier` to `self`.
        impl Sub for $name {
            type Output = usize;
            fn sub(self, earlier: Self) -> usize {
                self.0 - earlier.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }
    };
}

offset_impls!(CharOffset);
offset_impls!(Utf16Offset);
offset_impls!(ByteOffset);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_stays_in_one_unit() {
        let a = CharOffset::new(3);
        assert_eq!(a + 2, CharOffset::new(5));
        assert_eq!(a - 1, CharOffset::new(2));
        assert_eq!(CharOffset::new(5) - a, 2);
        assert_eq!(a.saturating_sub(10), CharOffset::ZERO);
        assert_eq!(a.abs_diff(CharOffset::new(1)), 2);
        let mut u = Utf16Offset::new(4);
        u += 3;
        u -= 1;
        assert_eq!(u.get(), 6);
        assert_eq!(ByteOffset::new(9).to_string(), "9");
    }

    #[test]
    fn char_offsets_serialise_as_plain_integers() {
        assert_eq!(serde_json::to_string(&CharOffset::new(7)).unwrap(), "7");
        let back: CharOffset = serde_json::from_str("7").unwrap();
        assert_eq!(back, CharOffset::new(7));
        for bad in ["-1", "1.5", "\"3\""] {
            let err = serde_json::from_str::<CharOffset>(bad).unwrap_err();
            assert!(err.to_string().contains("a character offset"), "{err}");
        }
    }
}

//! The colours a tag can have: a small palette whose every swatch keeps the
//! contrast rules in both themes (text on the highlight at least 4.5:1, the
//! underline against the highlight at least 3:1, WCAG 2.2), and the
//! underline styles ([`Cue`]) that tell tags apart without colour.
//!
//! A tag stores one colour, `"#rrggbb"`: the light-theme background of its
//! swatch. A colour from a file that is not in the palette is shown with the
//! nearest swatch ([`swatch`]), so every highlight keeps the contrast rules.

use serde::{Deserialize, Serialize};

/// One palette entry: a highlight background and underline colour per theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Swatch {
    /// A name for the colour picker ("Amber").
    pub name: &'static str,
    /// The tag's stored colour: the light-theme background.
    pub color: &'static str,
    pub light_line: &'static str,
    pub dark_bg: &'static str,
    pub dark_line: &'static str,
}

/// Text colour of the article in the light and the dark theme (the
/// `--fg` design tokens), against which the backgrounds are checked.
pub const TEXT_LIGHT: &str = "#1c1b19";
pub const TEXT_DARK: &str = "#ecebe7";

/// The palette, in the order the tag dialog offers it. The first three are
/// the default tags' colours (claim, quote, source).
pub const PALETTE: &[Swatch] = &[
    swatch_of("Amber", "#ffe08a", "#8a5a00", "#6b5200", "#ffd75e"),
    swatch_of("Blue", "#bfe3ff", "#064f8a", "#0d4a78", "#9fd3ff"),
    swatch_of("Green", "#d3f2c7", "#23661a", "#2a5a22", "#b4f0a4"),
    swatch_of("Rose", "#ffd1dc", "#9c1d48", "#7a1f3d", "#ffb3c8"),
    swatch_of("Violet", "#e3d4ff", "#5b2d9e", "#4b2a7a", "#d2b8ff"),
    swatch_of("Teal", "#bff0ea", "#0b625a", "#0f5651", "#8fe6db"),
    swatch_of("Orange", "#ffd8b5", "#9a4300", "#7a3a0a", "#ffc08a"),
    swatch_of("Grey", "#e2e2de", "#4d4d48", "#45464b", "#d0d0cc"),
];

const fn swatch_of(
    name: &'static str,
    color: &'static str,
    light_line: &'static str,
    dark_bg: &'static str,
    dark_line: &'static str,
) -> Swatch {
    Swatch {
        name,
        color,
        light_line,
        dark_bg,
        dark_line,
    }
}

/// The swatch whose colour is `color` (`"#rrggbb"`, any case), else the
/// nearest by RGB distance; the first when `color` is not of that form.
/// O(palette).
pub fn swatch(color: &str) -> &'static Swatch {
    let Some(want) = rgb(color) else {
        return &PALETTE[0];
    };
    PALETTE
        .iter()
        .min_by_key(|s| {
            let have = rgb(s.color).expect("palette colours are #rrggbb");
            (0..3)
                .map(|i| (i32::from(want[i]) - i32::from(have[i])).pow(2))
                .sum::<i32>()
        })
        .expect("the palette is not empty")
}

/// `"#rrggbb"` (any case) as red, green, blue; `None` in any other form.
pub fn rgb(color: &str) -> Option<[u8; 3]> {
    let hex = color.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let part = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([part(0)?, part(2)?, part(4)?])
}

/// How a tag's highlight is underlined: the cue that tells tags apart
/// without colour. Serialised as the CSS `text-decoration-style` value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cue {
    #[default]
    Solid,
    Double,
    Dotted,
    Dashed,
    Wavy,
}

impl Cue {
    pub const ALL: [Cue; 5] = [Cue::Solid, Cue::Double, Cue::Dotted, Cue::Dashed, Cue::Wavy];

    /// The CSS `text-decoration-style` value (`"dotted"`).
    pub const fn css(self) -> &'static str {
        match self {
            Cue::Solid => "solid",
            Cue::Double => "double",
            Cue::Dotted => "dotted",
            Cue::Dashed => "dashed",
            Cue::Wavy => "wavy",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2.2 relative luminance.
    fn luminance(color: &str) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = rgb(color).unwrap();
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn every_swatch_keeps_the_contrast_rules_in_both_themes() {
        for s in PALETTE {
            for (fg, bg, min) in [
                (TEXT_LIGHT, s.color, 4.5),
                (TEXT_DARK, s.dark_bg, 4.5),
                (s.light_line, s.color, 3.0),
                (s.dark_line, s.dark_bg, 3.0),
            ] {
                let ratio = contrast(fg, bg);
                assert!(ratio >= min, "{}: {fg} on {bg} is {ratio:.2}", s.name);
            }
        }
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
    }

    #[test]
    fn colours_off_the_palette_use_the_nearest_swatch() {
        assert_eq!(swatch("#FFE08A").name, "Amber", "any case");
        assert_eq!(swatch("#ffe090").name, "Amber");
        assert_eq!(swatch("#c0e0ff").name, "Blue");
        assert_eq!(swatch("red").name, "Amber", "not a colour: the first");
        assert_eq!(rgb("#12345"), None);
        assert_eq!(rgb("#12345g"), None);
        assert_eq!(rgb("#0a0B0c"), Some([10, 11, 12]));
    }
}

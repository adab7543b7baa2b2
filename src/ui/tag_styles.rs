//! The CSS of a tag set: for each tag, its highlight and the marks of its
//! chooser button, panel count and panel row, in the light theme and under
//! `@media (prefers-color-scheme: dark)`. Pure, so it is tested natively;
//! the app renders it in a `<style>` element.
//!
//! Nothing typed by the user reaches the CSS: selectors use the tag's id
//! (a validated identifier, [`crate::model::schema::syntax::is_id`]),
//! colours come from the tag's palette swatch ([`palette::swatch`]; a colour
//! off the palette is shown with the nearest one), and styles from its
//! [`Cue`]. Labels never appear.

use crate::model::schema::palette::{self, Swatch};
use crate::model::{Cue, Schema, TagDef};
use std::fmt::Write;

/// The style sheet for `schema`. O(tags).
pub fn tag_css(schema: &Schema) -> String {
    let mut out = String::with_capacity(600 * schema.tags().len());
    for tag in schema.tags() {
        let s = palette::swatch(&tag.color);
        rules(&mut out, tag, s.color, s.light_line, "");
    }
    out.push_str("@media (prefers-color-scheme: dark) {\n");
    for tag in schema.tags() {
        let s: &Swatch = palette::swatch(&tag.color);
        rules(&mut out, tag, s.dark_bg, s.dark_line, "  ");
    }
    out.push_str("}\n");
    out
}

/// The rules of `tag` with background `bg` and line colour `line`.
fn rules(out: &mut String, tag: &TagDef, bg: &str, line: &str, indent: &str) {
    let (id, cue) = (tag.id.as_str(), tag.cue);
    let (style, width) = (cue.css(), underline_px(cue));
    let border = border_style(cue);
    let _ = write!(
        out,
        "{indent}::highlight({h}) {{ background-color: {bg}; \
         text-decoration: underline {style} {line} {width}px; }}\n\
         {indent}.count[data-tag=\"{id}\"], .tag-button[data-tag=\"{id}\"] {{ \
         background: {bg}; border-bottom: 3px {border} {line}; }}\n\
         {indent}.row[data-tag=\"{id}\"] {{ border-left: 6px {border} {line}; }}\n",
        h = tag.highlight(),
    );
}

/// How thick the underline of a cue is drawn, in CSS px (dots need more
/// to be seen).
const fn underline_px(cue: Cue) -> u8 {
    match cue {
        Cue::Dotted => 3,
        _ => 2,
    }
}

/// The border style that stands for a cue on buttons, counts and rows.
/// Borders cannot be wavy: a wavy cue's border is `groove`, which is still
/// unlike the other four.
pub const fn border_style(cue: Cue) -> &'static str {
    match cue {
        Cue::Wavy => "groove",
        other => other.css(),
    }
}

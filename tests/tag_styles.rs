//! The CSS written for a tag set: every tag's highlight, button, count and
//! row in both themes from its palette swatch and cue, and nothing the user
//! typed in it.

use annotator::model::schema::palette::{swatch, PALETTE};
use annotator::model::{Cue, Schema, TagDef};
use annotator::ui::tag_styles::tag_css;

/// The light part and the dark part of the sheet.
fn split(css: &str) -> (&str, &str) {
    css.split_once("@media (prefers-color-scheme: dark) {")
        .expect("a dark-theme block")
}

#[test]
fn the_default_set_gets_its_colours_and_cues_in_both_themes() {
    let css = tag_css(&Schema::default());
    let (light, dark) = split(&css);
    assert!(light.contains(
        "::highlight(ann-claim) { background-color: #ffe08a; text-decoration: underline solid #8a5a00 2px; }"
    ));
    assert!(light.contains(
        "::highlight(ann-quote) { background-color: #bfe3ff; text-decoration: underline double #064f8a 2px; }"
    ));
    assert!(light.contains(
        "::highlight(ann-source) { background-color: #d3f2c7; text-decoration: underline dotted #23661a 3px; }"
    ));
    assert!(light.contains(
        ".count[data-tag=\"quote\"], .tag-button[data-tag=\"quote\"] { background: #bfe3ff; border-bottom: 3px double #064f8a; }"
    ));
    assert!(light.contains(".row[data-tag=\"source\"] { border-left: 6px dotted #23661a; }"));
    assert!(dark.contains(
        "::highlight(ann-claim) { background-color: #6b5200; text-decoration: underline solid #ffd75e 2px; }"
    ));
    assert!(dark.contains(".row[data-tag=\"quote\"] { border-left: 6px double #9fd3ff; }"));
    assert!(
        !dark.contains("#ffe08a"),
        "no light colour in the dark theme"
    );
    assert!(css.ends_with("}\n"));
}

#[test]
fn a_new_tag_is_styled_from_its_swatch_and_a_wavy_cue_borders_as_groove() {
    let base = Schema::default();
    let mut tag = base.suggest_tag("statistic", "Statistic");
    tag.cue = Cue::Wavy;
    let mut parts = base.to_parts();
    parts.tags.push(tag.clone());
    let css = tag_css(&Schema::new(parts.tags, parts.relations).unwrap());
    let s = swatch(&tag.color);
    assert_eq!(s.name, "Rose", "the first colour no tag uses");
    let (light, dark) = split(&css);
    assert!(light.contains(&format!(
        "::highlight(ann-statistic) {{ background-color: {}; text-decoration: underline wavy {} 2px; }}",
        s.color, s.light_line
    )));
    assert!(light.contains(&format!(
        ".row[data-tag=\"statistic\"] {{ border-left: 6px groove {}; }}",
        s.light_line
    )));
    assert!(dark.contains(&format!("background-color: {};", s.dark_bg)));
}

#[test]
fn nothing_typed_reaches_the_css_and_colours_off_the_palette_use_a_swatch() {
    let mut tag = TagDef::new("evil", "</style><script>alert(1)</script> { } ; \" '");
    tag.color = "#ff0000".into();
    let schema = Schema::new(vec![tag], vec![]).unwrap();
    let css = tag_css(&schema);
    assert!(!css.contains("style>") && !css.contains("script") && !css.contains('\''));
    // Every colour in it is a palette colour.
    let mut rest = css.as_str();
    while let Some(i) = rest.find('#') {
        let colour = &rest[i..i + 7];
        assert!(
            PALETTE
                .iter()
                .any(|s| [s.color, s.light_line, s.dark_bg, s.dark_line].contains(&colour)),
            "{colour} is not a palette colour"
        );
        rest = &rest[i + 1..];
    }
    // Only the characters of ids, numbers, colours and CSS syntax.
    let odd: Vec<char> = css
        .chars()
        .filter(|c| !c.is_ascii_alphanumeric() && !" \n-#:;.,(){}[]=\"@".contains(*c))
        .collect();
    assert!(odd.is_empty(), "unexpected characters {odd:?}");
    // A tag id cannot carry CSS: the schema refuses it.
    assert!(Schema::new(vec![TagDef::new("a\"] {", "A")], vec![]).is_err());
}

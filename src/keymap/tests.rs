//! The keymap against its table: every press a keymap function accepts has
//! a row in [`HELP`], every row's presses mean something where it says, and
//! the README lists the rows.

use super::*;

fn press(key: &str) -> Press<'_> {
    Press {
        key,
        ..Press::default()
    }
}

/// What a key types with and without Shift on a US layout, and its code.
const KEYS: &[(&str, &str, &str)] = &[
    ("Enter", "Enter", "Enter"),
    ("Escape", "Escape", "Escape"),
    ("Tab", "Tab", "Tab"),
    ("ArrowLeft", "ArrowLeft", "ArrowLeft"),
    ("ArrowRight", "ArrowRight", "ArrowRight"),
    ("ArrowUp", "ArrowUp", "ArrowUp"),
    ("ArrowDown", "ArrowDown", "ArrowDown"),
    ("Home", "Home", "Home"),
    ("End", "End", "End"),
    ("Delete", "Delete", "Delete"),
    ("Backspace", "Backspace", "Backspace"),
    (" ", " ", "Space"),
    ("/", "?", "Slash"),
    ("[", "{", "BracketLeft"),
    ("]", "}", "BracketRight"),
    ("1", "!", "Digit1"),
    ("2", "@", "Digit2"),
    ("3", "#", "Digit3"),
    ("4", "$", "Digit4"),
    ("5", "%", "Digit5"),
    ("6", "^", "Digit6"),
    ("7", "&", "Digit7"),
    ("8", "*", "Digit8"),
    ("9", "(", "Digit9"),
    ("0", ")", "Digit0"),
];

/// A press as (key, code, primary, shift, alt).
type Owned = (String, String, bool, bool, bool);

/// Every press of the keys above and the letters, with every combination of
/// Ctrl, Shift and Alt, as (key, code, primary, shift, alt).
fn universe() -> Vec<Owned> {
    let mut keys: Vec<(String, String, String)> = KEYS
        .iter()
        .map(|(k, s, c)| (k.to_string(), s.to_string(), c.to_string()))
        .collect();
    for c in 'a'..='z' {
        let upper = c.to_ascii_uppercase();
        keys.push((c.to_string(), upper.to_string(), format!("Key{upper}")));
    }
    let mut out = Vec::new();
    for (plain, shifted, code) in &keys {
        for bits in 0..8u8 {
            let (primary, shift, alt) = (bits & 1 != 0, bits & 2 != 0, bits & 4 != 0);
            let key = if shift { shifted } else { plain };
            out.push((key.clone(), code.clone(), primary, shift, alt));
        }
    }
    out
}

/// A row's press spec (`Ctrl+Shift+1`) as (key, code, primary, shift, alt).
fn parse(spec: &str) -> Owned {
    let mut parts: Vec<&str> = spec.split('+').collect();
    // "Ctrl++" would be a plus key: no row uses one.
    let name = parts.pop().expect("a key");
    let has = |m: &str| parts.contains(&m);
    let (primary, shift, alt) = (has("Ctrl"), has("Shift"), has("Alt"));
    let found = universe().into_iter().find(|(key, _, p, s, a)| {
        let (plain, shifted) = KEYS
            .iter()
            .find(|(k, s, _)| *k == name || *s == name)
            .map_or((name.to_owned(), name.to_ascii_uppercase()), |(k, s, _)| {
                (k.to_string(), s.to_string())
            });
        // A shifted symbol ("?") implies Shift.
        let implied = shifted == name && plain != name && !name.chars().all(char::is_alphanumeric);
        let shift = shift || implied;
        let want = if shift { &shifted } else { &plain };
        key == want && (*p, *s, *a) == (primary, shift, alt)
    });
    found.unwrap_or_else(|| panic!("{spec:?} names no key of the test's keyboard"))
}

fn as_press(o: &Owned) -> Press<'_> {
    let (key, code, primary, shift, alt) = o;
    Press {
        key,
        code,
        primary: *primary,
        shift: *shift,
        alt: *alt,
    }
}

/// Whether `place` gives the press a meaning.
fn means(place: Place, p: Press) -> bool {
    match place {
        Place::Anywhere => global(p).is_some(),
        Place::Chooser => chooser(p, false, &Schema::default()).is_some(),
        Place::Dialog => dialog(p).is_some(),
        Place::Tags => tags_dialog(p).is_some(),
        Place::Article => reading(p).is_some(),
        Place::Resizing => resizing(p).is_some(),
        Place::Link => linking(p, false).is_some(),
    }
}

#[test]
fn every_row_press_means_something_where_the_row_says() {
    for row in HELP {
        for (place, spec) in row.presses {
            let owned = parse(spec);
            assert!(
                means(*place, as_press(&owned)),
                "{spec} does nothing in {place:?} (row {:?})",
                row.keys
            );
        }
    }
}

#[test]
fn every_press_the_keymap_accepts_has_a_row() {
    let listed: Vec<(Place, Owned)> = HELP
        .iter()
        .flat_map(|row| {
            row.presses
                .iter()
                .map(|(place, spec)| (*place, parse(spec)))
        })
        .collect();
    for place in [
        Place::Anywhere,
        Place::Chooser,
        Place::Dialog,
        Place::Tags,
        Place::Article,
        Place::Resizing,
        Place::Link,
    ] {
        for this in universe() {
            let p = as_press(&this);
            if means(place, p) {
                assert!(
                    listed.iter().any(|(pl, l)| *pl == place && *l == this),
                    "{place:?} accepts {p:?}, which no row of HELP lists"
                );
            }
        }
    }
}

#[test]
fn the_chooser_reads_the_physical_key() {
    let shift_1 = Press {
        key: "!",
        code: "Digit1",
        shift: true,
        ..Press::default()
    };
    let schema = Schema::default();
    let chooser = |p, in_note| chooser(p, in_note, &schema);
    assert_eq!(chooser(shift_1, false), Some(Chooser::Pick("claim".into())));
    let s = Press {
        key: "s",
        code: "KeyS",
        ..Press::default()
    };
    assert_eq!(chooser(s, false), Some(Chooser::Tag("source".into())));
    assert_eq!(chooser(s, true), None, "typing in the note types");
    assert_eq!(chooser(press("Escape"), true), Some(Chooser::Cancel));
    assert_eq!(
        chooser(
            Press {
                primary: true,
                ..press("Enter")
            },
            false
        ),
        None,
        "Ctrl+Enter is not a confirmation"
    );
    let quote = schema.tag(&"quote".into()).unwrap();
    assert_eq!(tag_keys(quote), (Some('2'), Some('Q')));
}

#[test]
fn the_chooser_takes_the_keys_of_ones_own_tags() {
    let mut parts = Schema::default().to_parts();
    parts
        .tags
        .push(Schema::default().suggest_tag("statistic", "Statistic"));
    let schema = Schema::new(parts.tags, parts.relations).unwrap();
    let key = |key, code| Press {
        key,
        code,
        ..Press::default()
    };
    let statistic = Some(Chooser::Tag("statistic".into()));
    assert_eq!(chooser(key("4", "Digit4"), false, &schema), statistic);
    assert_eq!(chooser(key("t", "KeyT"), false, &schema), statistic);
    assert_eq!(chooser(key("4", "Digit4"), false, &Schema::default()), None);
    assert_eq!(chooser(key("1", "Numpad1"), false, &schema), None);
}

#[test]
fn global_shortcuts_need_ctrl() {
    assert_eq!(
        global(Press {
            primary: true,
            ..press("Enter")
        }),
        Some(Global::Tag)
    );
    assert_eq!(
        global(Press {
            primary: true,
            shift: true,
            ..press("Z")
        }),
        Some(Global::Redo)
    );
    assert_eq!(global(press("s")), None);
}

#[test]
fn reading_and_resizing_keys() {
    assert_eq!(
        reading(Press {
            shift: true,
            ..press("ArrowRight")
        }),
        Some(Reading::Move {
            unit: Unit::Word,
            forward: true,
            extend: true
        })
    );
    assert_eq!(
        reading(Press {
            primary: true,
            ..press("s")
        }),
        None,
        "Ctrl+S is export"
    );
    assert_eq!(
        article(press("ArrowLeft"), true),
        Some(ArticleKey::Resizing(Resizing::Move {
            start: false,
            forward: false
        }))
    );
    assert_eq!(
        article(press("w"), true),
        None,
        "resizing takes only its keys"
    );
}

#[test]
fn readme_lists_every_shortcut() {
    let readme = include_str!("../../README.md");
    for row in HELP {
        let line = format!("| {} | {} | {} |", row.keys, row.place, row.does);
        assert!(readme.contains(&line), "README.md lacks the row: {line}");
    }
}

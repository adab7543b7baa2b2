//! Every keyboard shortcut: what a key press means in each place, and the
//! table the help overlay (`?`) and the README show. Pure, so it is tested
//! natively; `web::keys` feeds it browser events.

use crate::model::cursor::Unit;

/// A key press, reduced to what the keymap looks at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Press<'a> {
    /// `KeyboardEvent.key`.
    pub key: &'a str,
    /// Ctrl, or Cmd on macOS.
    pub primary: bool,
    pub shift: bool,
    pub alt: bool,
}

/// Page-wide shortcuts, wherever the focus is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Global {
    /// Ctrl+Enter: open the chooser on the selection.
    Tag,
    Undo,
    Redo,
    Export,
}

/// The global shortcut for a press, if any.
pub fn global(p: Press) -> Option<Global> {
    if !p.primary || p.alt {
        return None;
    }
    match (p.key.to_ascii_lowercase().as_str(), p.shift) {
        ("enter", _) => Some(Global::Tag),
        ("z", false) => Some(Global::Undo),
        ("z", true) | ("y", false) => Some(Global::Redo),
        ("s", false) => Some(Global::Export),
        _ => None,
    }
}

/// Shortcuts of the article while it has the keyboard focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Move the cursor; with `extend`, move the selection's moving end.
    Move {
        unit: Unit,
        forward: bool,
        extend: bool,
    },
    /// Select the unit around the cursor.
    Select(Unit),
    /// Cursor to the start or end of the article.
    Edge { end: bool, extend: bool },
    /// Focus the next or previous annotation.
    Annotation { next: bool },
    /// Open the focused annotation to edit its tag and note.
    Edit,
    /// Delete the focused annotation.
    Delete,
    /// Start resizing the focused annotation.
    Resize,
    /// Show the shortcut help.
    Help,
    /// Back out one level: resizing, then selection, then focused annotation.
    Back,
}

/// The reading shortcut for a press, if any.
pub fn reading(p: Press) -> Option<Reading> {
    use Reading::*;
    let extend = p.shift;
    let arrow = |unit, forward| {
        Some(Move {
            unit,
            forward,
            extend,
        })
    };
    match p.key {
        "ArrowRight" | "ArrowLeft" => {
            let forward = p.key == "ArrowRight";
            if p.alt && !p.primary {
                arrow(Unit::Grapheme, forward)
            } else if !p.alt {
                arrow(Unit::Word, forward)
            } else {
                None
            }
        }
        "ArrowDown" | "ArrowUp" if !p.alt => {
            let unit = if p.primary {
                Unit::Paragraph
            } else {
                Unit::Sentence
            };
            arrow(unit, p.key == "ArrowDown")
        }
        "Home" | "End" if !p.alt => Some(Edge {
            end: p.key == "End",
            extend,
        }),
        _ if p.primary || p.alt => None,
        "w" | "W" => Some(Select(Unit::Word)),
        "s" | "S" => Some(Select(Unit::Sentence)),
        "p" | "P" => Some(Select(Unit::Paragraph)),
        "]" => Some(Annotation { next: true }),
        "[" => Some(Annotation { next: false }),
        "Enter" => Some(Edit),
        "Delete" | "Backspace" => Some(Delete),
        "r" | "R" => Some(Resize),
        "?" => Some(Help),
        "Escape" => Some(Back),
        _ => None,
    }
}

/// While resizing an annotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resizing {
    /// Move the end (or with Shift the start) one word.
    Move {
        start: bool,
        forward: bool,
    },
    Done,
}

pub fn resizing(p: Press) -> Option<Resizing> {
    match p.key {
        "ArrowRight" | "ArrowLeft" if !p.primary && !p.alt => Some(Resizing::Move {
            start: p.shift,
            forward: p.key == "ArrowRight",
        }),
        "Enter" | "Escape" | "r" | "R" => Some(Resizing::Done),
        _ => None,
    }
}

/// The shortcut table: (keys, where, what it does). Shown by the help overlay
/// and, row for row, in README.md (a test checks that).
pub const HELP: &[(&str, &str, &str)] = &[
    (
        "Ctrl+Enter (Cmd+Enter)",
        "anywhere",
        "Tag the selected text: opens the chooser",
    ),
    (
        "1 / C, 2 / Q, 3 / S",
        "chooser",
        "Tag as Claim, Quote or Source at once",
    ),
    (
        "Shift+1/2/3 (Shift+C/Q/S)",
        "chooser",
        "Pick that tag, then type a note",
    ),
    ("← → ↑ ↓", "chooser", "Move between the tags"),
    (
        "Enter",
        "chooser",
        "Confirm with the focused tag and the note",
    ),
    (
        "Esc",
        "chooser, help",
        "Close, and return to where you were",
    ),
    (
        "Tab / Shift+Tab",
        "anywhere",
        "Move between controls (dialogs keep the focus inside)",
    ),
    (
        "→ / ←",
        "article",
        "Cursor to the end of the next word / start of the previous word",
    ),
    ("Alt+→ / Alt+←", "article", "Cursor by one character"),
    (
        "↓ / ↑",
        "article",
        "Cursor to the end of the sentence / start of the sentence",
    ),
    (
        "Ctrl+↓ / Ctrl+↑",
        "article",
        "Cursor to the end of the paragraph / start of the paragraph",
    ),
    (
        "Home / End",
        "article",
        "Cursor to the start / end of the article",
    ),
    ("Shift + any cursor move", "article", "Extend the selection"),
    (
        "W, S, P",
        "article",
        "Select the word, sentence or paragraph at the cursor",
    ),
    ("] / [", "article", "Go to the next / previous annotation"),
    (
        "Enter",
        "article",
        "Edit the focused annotation's tag and note",
    ),
    (
        "Delete / Backspace",
        "article",
        "Delete the focused annotation",
    ),
    (
        "R, then → ← (Shift+→ ←)",
        "article",
        "Resize the focused annotation: move its end (start) by a word; Enter or Esc ends",
    ),
    (
        "Esc",
        "article",
        "Back out one level: resizing, selection, focused annotation",
    ),
    ("?", "article", "Show this list of shortcuts"),
    ("Ctrl+Z", "anywhere", "Undo"),
    ("Ctrl+Shift+Z, Ctrl+Y", "anywhere", "Redo"),
    ("Ctrl+S", "anywhere", "Export JSON"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &str) -> Press<'_> {
        Press {
            key,
            ..Press::default()
        }
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
        assert_eq!(
            global(Press {
                primary: true,
                ..press("y")
            }),
            Some(Global::Redo)
        );
        assert_eq!(global(press("s")), None);
    }

    #[test]
    fn reading_keys() {
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
                ..press("ArrowUp")
            }),
            Some(Reading::Move {
                unit: Unit::Paragraph,
                forward: false,
                extend: false
            })
        );
        assert_eq!(reading(press("S")), Some(Reading::Select(Unit::Sentence)));
        assert_eq!(
            reading(Press {
                primary: true,
                ..press("s")
            }),
            None,
            "Ctrl+S is export"
        );
        assert_eq!(reading(press("x")), None);
    }

    #[test]
    fn readme_lists_every_shortcut() {
        let readme = include_str!("../README.md");
        for (keys, place, does) in HELP {
            let row = format!("| {keys} | {place} | {does} |");
            assert!(readme.contains(&row), "README.md lacks the row: {row}");
        }
    }
}

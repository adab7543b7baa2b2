//! [`HELP`]: the shortcut table, row for row as the help overlay and the
//! README show it. Each row also lists the presses it stands for, so the
//! tests can hold the table and the keymap to each other.

/// Where a press is read (which function of the keymap answers it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// [`super::global`]
    Anywhere,
    /// [`super::chooser`], focus on a tag button.
    Chooser,
    /// [`super::dialog`]
    Dialog,
    /// [`super::tags_dialog`]
    Tags,
    /// [`super::reading`]
    Article,
    /// [`super::resizing`]
    Resizing,
    /// [`super::linking`], focus in the filter or on a candidate.
    Link,
}

/// One row of the table.
#[derive(Clone, Copy, Debug)]
pub struct Shortcut {
    pub keys: &'static str,
    /// Where it works, in words.
    pub place: &'static str,
    pub does: &'static str,
    /// Every press this row stands for, as `Ctrl+Shift+key` with `key` a
    /// `KeyboardEvent.key` name or a character (Shift+a letter or digit is
    /// written with the unshifted key: `Shift+1`, `Shift+c`).
    pub presses: &'static [(Place, &'static str)],
}

use Place::*;

/// Every cursor move with Shift (which extends the selection).
const EXTENDS: &[(Place, &str)] = &[
    (Article, "Shift+ArrowRight"),
    (Article, "Shift+ArrowLeft"),
    (Article, "Alt+Shift+ArrowRight"),
    (Article, "Alt+Shift+ArrowLeft"),
    (Article, "Shift+ArrowDown"),
    (Article, "Shift+ArrowUp"),
    (Article, "Ctrl+Shift+ArrowDown"),
    (Article, "Ctrl+Shift+ArrowUp"),
    (Article, "Shift+Home"),
    (Article, "Shift+End"),
    (Article, "Ctrl+Shift+Home"),
    (Article, "Ctrl+Shift+End"),
    (Article, "Ctrl+Shift+ArrowRight"),
    (Article, "Ctrl+Shift+ArrowLeft"),
];

pub const HELP: &[Shortcut] = &[
    Shortcut {
        keys: "Ctrl+Enter (Cmd+Enter)",
        place: "anywhere",
        does: "Tag the selected text: opens the chooser",
        presses: &[(Anywhere, "Ctrl+Enter"), (Anywhere, "Ctrl+Shift+Enter")],
    },
    Shortcut {
        keys: "1 / C, 2 / Q, 3 / S",
        place: "chooser",
        does: "Tag as Claim, Quote or Source at once",
        presses: &[
            (Chooser, "1"),
            (Chooser, "2"),
            (Chooser, "3"),
            (Chooser, "c"),
            (Chooser, "q"),
            (Chooser, "s"),
        ],
    },
    Shortcut {
        keys: "Shift+1/2/3 (Shift+C/Q/S)",
        place: "chooser",
        does: "Pick that tag, then type a note",
        presses: &[
            (Chooser, "Shift+1"),
            (Chooser, "Shift+2"),
            (Chooser, "Shift+3"),
            (Chooser, "Shift+c"),
            (Chooser, "Shift+q"),
            (Chooser, "Shift+s"),
        ],
    },
    Shortcut {
        keys: "← → ↑ ↓",
        place: "chooser",
        does: "Move between the tags",
        presses: &[
            (Chooser, "ArrowLeft"),
            (Chooser, "ArrowRight"),
            (Chooser, "ArrowUp"),
            (Chooser, "ArrowDown"),
            (Chooser, "Shift+ArrowLeft"),
            (Chooser, "Shift+ArrowRight"),
            (Chooser, "Shift+ArrowUp"),
            (Chooser, "Shift+ArrowDown"),
        ],
    },
    Shortcut {
        keys: "Enter",
        place: "chooser",
        does: "Confirm with the focused tag and the note",
        presses: &[
            (Chooser, "Enter"),
            (Chooser, "Shift+Enter"),
            (Chooser, "Alt+Enter"),
            (Chooser, "Alt+Shift+Enter"),
        ],
    },
    Shortcut {
        keys: "Esc",
        place: "chooser, link dialog, help, tags",
        does: "Close, and return to where you were",
        presses: &[
            (Chooser, "Escape"),
            (Chooser, "Shift+Escape"),
            (Chooser, "Ctrl+Escape"),
            (Chooser, "Alt+Escape"),
            (Chooser, "Ctrl+Shift+Escape"),
            (Chooser, "Alt+Shift+Escape"),
            (Chooser, "Ctrl+Alt+Escape"),
            (Chooser, "Ctrl+Alt+Shift+Escape"),
            (Dialog, "Escape"),
            (Dialog, "Shift+Escape"),
            (Dialog, "Ctrl+Escape"),
            (Dialog, "Alt+Escape"),
            (Dialog, "Ctrl+Shift+Escape"),
            (Dialog, "Alt+Shift+Escape"),
            (Dialog, "Ctrl+Alt+Escape"),
            (Dialog, "Ctrl+Alt+Shift+Escape"),
            (Dialog, "?"),
            (Link, "Escape"),
            (Link, "Shift+Escape"),
            (Link, "Ctrl+Escape"),
            (Link, "Alt+Escape"),
            (Link, "Ctrl+Shift+Escape"),
            (Link, "Alt+Shift+Escape"),
            (Link, "Ctrl+Alt+Escape"),
            (Link, "Ctrl+Alt+Shift+Escape"),
            (Tags, "Escape"),
            (Tags, "Shift+Escape"),
            (Tags, "Ctrl+Escape"),
            (Tags, "Alt+Escape"),
            (Tags, "Ctrl+Shift+Escape"),
            (Tags, "Alt+Shift+Escape"),
            (Tags, "Ctrl+Alt+Escape"),
            (Tags, "Ctrl+Alt+Shift+Escape"),
        ],
    },
    Shortcut {
        keys: "Tab / Shift+Tab",
        place: "anywhere",
        does: "Move between controls (dialogs keep the focus inside)",
        presses: &[
            (Chooser, "Tab"),
            (Chooser, "Shift+Tab"),
            (Chooser, "Ctrl+Tab"),
            (Chooser, "Alt+Tab"),
            (Chooser, "Ctrl+Shift+Tab"),
            (Chooser, "Alt+Shift+Tab"),
            (Chooser, "Ctrl+Alt+Tab"),
            (Chooser, "Ctrl+Alt+Shift+Tab"),
            (Dialog, "Tab"),
            (Dialog, "Shift+Tab"),
            (Dialog, "Ctrl+Tab"),
            (Dialog, "Alt+Tab"),
            (Dialog, "Ctrl+Shift+Tab"),
            (Dialog, "Alt+Shift+Tab"),
            (Dialog, "Ctrl+Alt+Tab"),
            (Dialog, "Ctrl+Alt+Shift+Tab"),
            (Link, "Tab"),
            (Link, "Shift+Tab"),
            (Link, "Ctrl+Tab"),
            (Link, "Alt+Tab"),
            (Link, "Ctrl+Shift+Tab"),
            (Link, "Alt+Shift+Tab"),
            (Link, "Ctrl+Alt+Tab"),
            (Link, "Ctrl+Alt+Shift+Tab"),
            (Tags, "Tab"),
            (Tags, "Shift+Tab"),
            (Tags, "Ctrl+Tab"),
            (Tags, "Alt+Tab"),
            (Tags, "Ctrl+Shift+Tab"),
            (Tags, "Alt+Shift+Tab"),
            (Tags, "Ctrl+Alt+Tab"),
            (Tags, "Ctrl+Alt+Shift+Tab"),
        ],
    },
    Shortcut {
        keys: "↓ / ↑",
        place: "link dialog",
        does: "Next / previous candidate, nearest first (type to filter them by text)",
        presses: &[(Link, "ArrowDown"), (Link, "ArrowUp")],
    },
    Shortcut {
        keys: "Enter",
        place: "link dialog",
        does: "Link to the highlighted candidate",
        presses: &[(Link, "Enter"), (Link, "Shift+Enter")],
    },
    Shortcut {
        keys: "→ / ←",
        place: "article",
        does: "Cursor to the end of the next word / start of the previous word",
        presses: &[
            (Article, "ArrowRight"),
            (Article, "ArrowLeft"),
            (Article, "Ctrl+ArrowRight"),
            (Article, "Ctrl+ArrowLeft"),
        ],
    },
    Shortcut {
        keys: "Alt+→ / Alt+←",
        place: "article",
        does: "Cursor by one character",
        presses: &[(Article, "Alt+ArrowRight"), (Article, "Alt+ArrowLeft")],
    },
    Shortcut {
        keys: "↓ / ↑",
        place: "article",
        does: "Cursor to the end of the sentence / start of the sentence",
        presses: &[(Article, "ArrowDown"), (Article, "ArrowUp")],
    },
    Shortcut {
        keys: "Ctrl+↓ / Ctrl+↑",
        place: "article",
        does: "Cursor to the end of the paragraph / start of the paragraph",
        presses: &[(Article, "Ctrl+ArrowDown"), (Article, "Ctrl+ArrowUp")],
    },
    Shortcut {
        keys: "Home / End",
        place: "article",
        does: "Cursor to the start / end of the article",
        presses: &[
            (Article, "Home"),
            (Article, "End"),
            (Article, "Ctrl+Home"),
            (Article, "Ctrl+End"),
        ],
    },
    Shortcut {
        keys: "Shift + any cursor move",
        place: "article",
        does: "Extend the selection",
        presses: EXTENDS,
    },
    Shortcut {
        keys: "W, S, P",
        place: "article",
        does: "Select the word, sentence or paragraph at the cursor",
        presses: &[
            (Article, "w"),
            (Article, "s"),
            (Article, "p"),
            (Article, "Shift+w"),
            (Article, "Shift+s"),
            (Article, "Shift+p"),
        ],
    },
    Shortcut {
        keys: "] / [",
        place: "article",
        does: "Go to the next / previous annotation",
        presses: &[(Article, "]"), (Article, "[")],
    },
    Shortcut {
        keys: "Enter",
        place: "article",
        does: "Edit the focused annotation's tag and note",
        presses: &[(Article, "Enter"), (Article, "Shift+Enter")],
    },
    Shortcut {
        keys: "Delete / Backspace",
        place: "article",
        does: "Delete the focused annotation",
        presses: &[
            (Article, "Delete"),
            (Article, "Backspace"),
            (Article, "Shift+Delete"),
            (Article, "Shift+Backspace"),
        ],
    },
    Shortcut {
        keys: "R, then → ← (Shift+→ ←)",
        place: "article",
        does: "Resize the focused annotation: move its end (start) by a word; Enter or Esc ends",
        presses: &[
            (Article, "r"),
            (Article, "Shift+r"),
            (Resizing, "ArrowRight"),
            (Resizing, "ArrowLeft"),
            (Resizing, "Shift+ArrowRight"),
            (Resizing, "Shift+ArrowLeft"),
            (Resizing, "Enter"),
            (Resizing, "Shift+Enter"),
            (Resizing, "Escape"),
            (Resizing, "Shift+Escape"),
            (Resizing, "r"),
            (Resizing, "Shift+r"),
        ],
    },
    Shortcut {
        keys: "L",
        place: "article",
        does: "Link the focused annotation to another (said by, evidence, supports…)",
        presses: &[(Article, "l"), (Article, "Shift+l")],
    },
    Shortcut {
        keys: "F",
        place: "article",
        does: "Follow a link: focus the related annotation (again: the next one)",
        presses: &[(Article, "f"), (Article, "Shift+f")],
    },
    Shortcut {
        keys: "Esc",
        place: "article",
        does: "Back out one level: resizing, selection, focused annotation",
        presses: &[(Article, "Escape"), (Article, "Shift+Escape")],
    },
    Shortcut {
        keys: "?",
        place: "article",
        does: "Show this list of shortcuts",
        presses: &[(Article, "?")],
    },
    Shortcut {
        keys: "A",
        place: "article",
        does: "Attach the selection to the picked annotation that was not placed on this version (listed under Not placed)",
        presses: &[(Article, "a"), (Article, "Shift+a")],
    },
    Shortcut {
        keys: "T",
        place: "article",
        does: "Open the Tags dialog: your own tags, keys, colours, fields and relations",
        presses: &[(Article, "t"), (Article, "Shift+t")],
    },
    Shortcut {
        keys: "Ctrl+Z",
        place: "anywhere",
        does: "Undo",
        presses: &[(Anywhere, "Ctrl+z")],
    },
    Shortcut {
        keys: "Ctrl+Shift+Z, Ctrl+Y",
        place: "anywhere",
        does: "Redo",
        presses: &[(Anywhere, "Ctrl+Shift+z"), (Anywhere, "Ctrl+y")],
    },
    Shortcut {
        keys: "Ctrl+S",
        place: "anywhere",
        does: "Export JSON",
        presses: &[(Anywhere, "Ctrl+s")],
    },
];

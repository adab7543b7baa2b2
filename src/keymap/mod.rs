//! Every keyboard shortcut: what a key press means in each place (page-wide,
//! the article, resizing, the chooser, the help dialog, the Tags dialog), and the table the
//! help overlay (`?`) and the README show ([`HELP`]). Pure, so it is tested
//! natively; `web::keys` feeds it browser events. The tests check that every
//! press the functions here accept has its row in [`HELP`], and that every
//! row's presses mean something.

mod help;
#[cfg(test)]
mod tests;

pub use help::{Place, Shortcut, HELP};

use crate::model::cursor::Unit;
use crate::model::{Schema, TagDef, TagId};

/// A key press, reduced to what the keymap looks at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Press<'a> {
    /// `KeyboardEvent.key`: what the key types (`"!"` for Shift+1).
    pub key: &'a str,
    /// `KeyboardEvent.code`: the physical key (`"Digit1"`), whatever Shift
    /// or the layout make it type.
    pub code: &'a str,
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
    /// Link the focused annotation to another: opens the link dialog.
    Link,
    /// Follow a link of the focused annotation: focus the annotation at
    /// its other end (pressed again, the next one).
    Follow,
    /// Show the shortcut help.
    Help,
    /// Open the Tags dialog.
    Tags,
    /// Back out one level: resizing, then selection, then focused annotation.
    Back,
    /// Attach the selection to the picked annotation not placed on this
    /// version of the article (an orphan).
    Attach,
    /// While adjudicating: select the next or previous disagreement.
    Disagreement { next: bool },
    /// While adjudicating: decide the selected disagreement.
    Decide(Decision),
}

/// A decision on a disagreement, by key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// 1–9: the spans of that annotator (from 0: key 1 is 0).
    Annotator(usize),
    /// B: every annotator's spans (both).
    All,
    /// X: no span.
    Neither,
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
        "l" | "L" => Some(Link),
        "f" | "F" => Some(Follow),
        "?" => Some(Help),
        "t" | "T" => Some(Tags),
        "a" | "A" => Some(Attach),
        // By Shift, not by case: Caps Lock must not turn N around.
        "n" | "N" => Some(Disagreement { next: !p.shift }),
        "b" | "B" => Some(Decide(Decision::All)),
        "x" | "X" => Some(Decide(Decision::Neither)),
        k @ ("1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9") => {
            let digit = usize::from(k.as_bytes()[0] - b'1');
            Some(Decide(Decision::Annotator(digit)))
        }
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
        "Enter" | "Escape" | "r" | "R" if !p.primary && !p.alt => Some(Resizing::Done),
        _ => None,
    }
}

/// A key of the article: reading keys, or resizing keys while resizing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArticleKey {
    Reading(Reading),
    Resizing(Resizing),
}

/// The article's meaning of a press; `resizing` while an annotation is
/// being resized (then only resizing keys count).
pub fn article(p: Press, resizing_now: bool) -> Option<ArticleKey> {
    if resizing_now {
        resizing(p).map(ArticleKey::Resizing)
    } else {
        reading(p).map(ArticleKey::Reading)
    }
}

/// What a key does in the tag chooser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chooser {
    Cancel,
    /// Confirm with the focused tag and the note.
    Confirm,
    /// Tab or Shift+Tab: kept inside the dialog.
    Tab {
        back: bool,
    },
    /// Focus the next or previous tag.
    Move {
        forward: bool,
    },
    /// Tag at once.
    Tag(TagId),
    /// Pick the tag, then type a note (Shift with the tag's key).
    Pick(TagId),
}

/// The chooser's meaning of a press with tag set `schema`; `in_note`
/// while the note field has the focus (typing there must type).
pub fn chooser(p: Press, in_note: bool, schema: &Schema) -> Option<Chooser> {
    match p.key {
        "Escape" => return Some(Chooser::Cancel),
        "Enter" if !p.primary => return Some(Chooser::Confirm),
        "Tab" => return Some(Chooser::Tab { back: p.shift }),
        _ => {}
    }
    if in_note || p.primary || p.alt {
        return None;
    }
    match p.key {
        "ArrowRight" | "ArrowDown" => return Some(Chooser::Move { forward: true }),
        "ArrowLeft" | "ArrowUp" => return Some(Chooser::Move { forward: false }),
        _ => {}
    }
    // The physical key, so that Shift+1 (which types "!") still means tag 1.
    let key = p.code.trim_start_matches("Digit").trim_start_matches("Key");
    let mut chars = key.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None;
    };
    let tag = schema.tag_for_key(c)?.id.clone();
    Some(if p.shift {
        Chooser::Pick(tag)
    } else {
        Chooser::Tag(tag)
    })
}

/// The two chooser keys of `tag`, as the page shows them: its number key
/// and its letter in upper case (`(Some('1'), Some('C'))` for Claim);
/// `None` for a key it does not have.
pub fn tag_keys(tag: &TagDef) -> (Option<char>, Option<char>) {
    (tag.key, tag.letter.map(|l| l.to_ascii_uppercase()))
}

/// What a key does in the link dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Linking {
    Cancel,
    /// Link to the highlighted candidate.
    Confirm,
    /// Highlight the next or previous candidate.
    Move {
        forward: bool,
    },
    /// Tab or Shift+Tab: kept inside the dialog.
    Tab {
        back: bool,
    },
}

/// The link dialog's meaning of a press; `on_kinds` while the list of
/// relation types has the focus (its arrow keys are its own). Typing goes
/// to the filter.
pub fn linking(p: Press, on_kinds: bool) -> Option<Linking> {
    match p.key {
        "Escape" => Some(Linking::Cancel),
        "Tab" => Some(Linking::Tab { back: p.shift }),
        "Enter" if !p.primary && !p.alt => Some(Linking::Confirm),
        "ArrowDown" | "ArrowUp" if !on_kinds && !p.primary && !p.alt && !p.shift => {
            Some(Linking::Move {
                forward: p.key == "ArrowDown",
            })
        }
        _ => None,
    }
}

/// What a key does in a dialog with only a close button (the help).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialog {
    Close,
    /// Tab stays on the dialog's only control.
    Stay,
}

pub fn dialog(p: Press) -> Option<Dialog> {
    match p.key {
        "Escape" => Some(Dialog::Close),
        "?" if !p.primary && !p.alt => Some(Dialog::Close),
        "Tab" => Some(Dialog::Stay),
        _ => None,
    }
}

/// What a key does in a dialog of buttons (carrying a file over): Enter
/// and Space press the focused button, as the browser does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Cancel,
    /// Tab or Shift+Tab: kept inside the dialog.
    Tab {
        back: bool,
    },
}

pub fn choice(p: Press) -> Option<Choice> {
    match p.key {
        "Escape" => Some(Choice::Cancel),
        "Tab" => Some(Choice::Tab { back: p.shift }),
        _ => None,
    }
}

/// What a key does in the Tags dialog; every other key belongs to its
/// controls (typing a label types).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagsDialog {
    Close,
    /// Tab or Shift+Tab: kept inside the dialog.
    Tab {
        back: bool,
    },
}

pub fn tags_dialog(p: Press) -> Option<TagsDialog> {
    match p.key {
        "Escape" => Some(TagsDialog::Close),
        "Tab" => Some(TagsDialog::Tab { back: p.shift }),
        _ => None,
    }
}

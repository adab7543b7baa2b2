//! The UI store: a Yew reducer over the model [`Session`] plus view state.

use crate::model::format::{excerpt, Imported};
use crate::model::{Annotation, Article, Change, Command, Session, Tag, TextRange};
use crate::web::clock;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::Reducible;

/// A message in the notice bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    /// Something the user tried failed; nothing was changed.
    Error(String),
    /// Work under way (a large file loading), `percent` done; can be cancelled.
    Progress {
        label: String,
        percent: u8,
    },
}

/// A selection waiting for its tag in the chooser, or an annotation being
/// edited there.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub range: TextRange,
    /// The annotation being edited; `None` for a new one.
    pub editing: Option<String>,
    /// The note the chooser starts with.
    pub note: String,
    /// Viewport coordinates (CSS px): left and bottom of the selection's last
    /// line, top of its first line.
    pub left: f64,
    pub top: f64,
    pub bottom: f64,
}

/// The reading cursor: `head` moves, `anchor` stays while Shift is held; the
/// selection is between them. Code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Cursor {
    pub anchor: usize,
    pub head: usize,
}

impl Cursor {
    pub fn at(offset: usize) -> Self {
        Self {
            anchor: offset,
            head: offset,
        }
    }
}

pub enum Action {
    /// Tag the pending selection.
    Tag {
        tag: Tag,
        note: String,
    },
    Retag {
        id: String,
        tag: Tag,
    },
    Note {
        id: String,
        note: String,
    },
    Remove {
        id: String,
    },
    Resize {
        id: String,
        range: TextRange,
    },
    Undo,
    Redo,
    /// Replace the article (annotations are discarded); `note` says how it was read.
    Open {
        article: Article,
        note: Option<String>,
    },
    /// Replace article and annotations with an imported file.
    Import(Imported),
    /// The session was exported: nothing unsaved remains.
    Exported,
    Notify(Notice),
    Dismiss,
    OpenChooser(Pending),
    CloseChooser,
    Focus(Option<String>),
    /// Show or hide the paste box.
    Pasting(bool),
    /// Move the reading cursor (and the selection with it).
    MoveCursor(Cursor),
    /// Start or stop resizing the focused annotation.
    Resizing(bool),
    /// Show or hide the shortcut help.
    Help(bool),
    /// Show the page clutter that extraction left out, or not.
    ShowAll(bool),
    /// Say something to screen readers.
    Announce(String),
}

/// What changed since the last save, for [`super::autosave`].
#[derive(Clone, Debug)]
pub enum Journal {
    /// An annotation was added or changed.
    Put(String),
    /// An annotation was deleted.
    Delete(String),
    /// The article was replaced: save everything.
    Reset,
}

#[derive(Clone)]
pub struct State {
    /// The same cell for the life of the app; replaced contents on open/import.
    pub session: Rc<RefCell<Session>>,
    /// Bumps on every change of annotations or article.
    pub revision: u64,
    /// Bumps when the article is replaced.
    pub article_revision: u64,
    /// Changes not yet exported; shared by every version of the state, so
    /// that a handle kept across a long load reads the current value.
    dirty: Rc<Cell<bool>>,
    pub notice: Option<Notice>,
    pub chooser: Option<Pending>,
    pub last_tag: Tag,
    pub focused: Option<String>,
    pub pasting: bool,
    pub cursor: Cursor,
    pub resizing: bool,
    pub help: bool,
    /// Show blocks marked extra ("Show everything").
    pub show_all: bool,
    /// The latest message for the polite live region.
    pub announcement: String,
    /// Changes not yet saved; drained by the autosave.
    pub journal: Rc<RefCell<Vec<Journal>>>,
    /// The innermost annotation the cursor is in (to announce entering one).
    inside: Option<String>,
}

impl State {
    /// Whether there are changes not yet exported.
    pub fn dirty(&self) -> bool {
        self.dirty.get()
    }

    pub fn new(session: Session, dirty: bool, notice: Option<Notice>) -> Self {
        Self {
            session: Rc::new(RefCell::new(session)),
            revision: 0,
            article_revision: 0,
            dirty: Rc::new(Cell::new(dirty)),
            notice,
            chooser: None,
            last_tag: Tag::Claim,
            focused: None,
            pasting: false,
            cursor: Cursor::default(),
            resizing: false,
            help: false,
            show_all: false,
            announcement: String::new(),
            journal: Rc::new(RefCell::new(vec![Journal::Reset])),
            inside: None,
        }
    }

    /// Record a change; `verb` is "" for a command, "undo" or "redo".
    fn changed(&mut self, change: Option<Change>, verb: &str) {
        let Some(change) = change else {
            self.notice = Some(Notice::Info(format!("Nothing to {verb}.")));
            return;
        };
        self.revision += 1;
        self.dirty.set(true);
        self.notice = None;
        let prefix = match verb {
            "undo" => "Undone: ",
            "redo" => "Redone: ",
            _ => "",
        };
        self.announcement = format!("{prefix}{}", self.describe(&change));
        self.journal.borrow_mut().push(match &change {
            Change::Added(a) | Change::Updated { after: a, .. } => Journal::Put(a.id.clone()),
            Change::Removed(a) => Journal::Delete(a.id.clone()),
        });
        match &change {
            Change::Added(a) | Change::Updated { after: a, .. } => {
                self.focused = Some(a.id.clone())
            }
            Change::Removed(a) if self.focused.as_ref() == Some(&a.id) => self.focused = None,
            Change::Removed(_) => {}
        }
    }

    /// "Quote added: “…”. 3 quotes." and the like.
    fn describe(&self, change: &Change) -> String {
        let session = self.session.borrow();
        let text = &session.article().text;
        let quoted = |a: &Annotation| format!("“{}”", excerpt(text.slice(a.range), 80));
        let count = |tag: Tag| {
            let n = session
                .annotations()
                .iter()
                .filter(|a| a.tag == tag)
                .count();
            format!("{n} {}{}", tag.name(), if n == 1 { "" } else { "s" })
        };
        match change {
            Change::Added(a) => {
                format!("{} added: {}. {}.", a.tag.label(), quoted(a), count(a.tag))
            }
            Change::Removed(a) => format!(
                "{} deleted: {}. {}.",
                a.tag.label(),
                quoted(a),
                count(a.tag)
            ),
            Change::Updated { before, after } if before.range != after.range => {
                format!("{} now reads {}.", after.tag.label(), quoted(after))
            }
            Change::Updated { before, after } if before.tag != after.tag => {
                format!(
                    "Changed to {}: {}. {}.",
                    after.tag.label(),
                    quoted(after),
                    count(after.tag)
                )
            }
            Change::Updated { after, .. } => format!("Note saved for {}.", quoted(after)),
        }
    }

    fn replace(&mut self, session: Session, notice: String) {
        *self.session.borrow_mut() = session;
        self.journal.borrow_mut().push(Journal::Reset);
        self.revision += 1;
        self.article_revision += 1;
        self.dirty.set(false);
        self.chooser = None;
        self.focused = None;
        self.pasting = false;
        self.cursor = Cursor::default();
        self.resizing = false;
        self.inside = None;
        self.notice = Some(Notice::Info(notice));
    }

    fn apply(&mut self, command: Command) {
        let result = self.session.borrow_mut().apply(command);
        match result {
            Ok(change) => self.changed(Some(change), ""),
            Err(problem) => self.notice = Some(Notice::Error(problem.to_string())),
        }
    }
}

impl State {
    /// Tell screen readers when the cursor enters an annotation.
    fn announce_position(&mut self) {
        let session = self.session.borrow();
        let inner = session.at_offset(self.cursor.head).first().copied();
        let id = inner.map(|a| a.id.clone());
        if id != self.inside {
            if let Some(a) = inner {
                let text = excerpt(session.article().text.slice(a.range), 80);
                self.announcement = format!("In {}: “{text}”.", a.tag.name());
            }
            drop(session);
            self.inside = id;
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Tag { tag, note } => {
                let Some(pending) = s.chooser.take() else {
                    return self;
                };
                let now = clock::now_rfc3339();
                s.last_tag = tag;
                s.cursor = Cursor::at(pending.range.end());
                if let Some(id) = pending.editing {
                    s.apply(Command::Edit {
                        id,
                        tag,
                        note,
                        at: now,
                    });
                    return Rc::new(s);
                }
                s.apply(Command::Tag(Annotation {
                    id: clock::new_id(),
                    tag,
                    range: pending.range,
                    note,
                    created: now.clone(),
                    modified: now,
                }));
            }
            Action::Retag { id, tag } => s.apply(Command::Retag {
                id,
                tag,
                at: clock::now_rfc3339(),
            }),
            Action::Note { id, note } => s.apply(Command::Note {
                id,
                note,
                at: clock::now_rfc3339(),
            }),
            Action::Remove { id } => s.apply(Command::Remove { id }),
            Action::Resize { id, range } => s.apply(Command::Resize {
                id,
                range,
                at: clock::now_rfc3339(),
            }),
            Action::Undo => {
                let change = s.session.borrow_mut().undo();
                s.changed(change, "undo");
            }
            Action::Redo => {
                let change = s.session.borrow_mut().redo();
                s.changed(change, "redo");
            }
            Action::Open { article, note } => {
                let mut msg = format!("Opened \"{}\".", article.title);
                if let Some(note) = note {
                    msg.push(' ');
                    msg.push_str(&note);
                }
                s.replace(Session::new(article), msg);
            }
            Action::Import(imported) => {
                let n = imported.session.annotations().len();
                let mut msg = format!(
                    "Opened \"{}\" with {n} annotation{}.",
                    imported.session.article().title,
                    if n == 1 { "" } else { "s" }
                );
                if imported.n_reanchored > 0 {
                    msg.push_str(&format!(
                        " {} were placed by their quoted text because their offsets did not match.",
                        imported.n_reanchored
                    ));
                }
                s.replace(imported.session, msg);
            }
            Action::Exported => s.dirty.set(false),
            Action::Notify(notice) => s.notice = Some(notice),
            Action::Dismiss => s.notice = None,
            Action::OpenChooser(p) => {
                s.notice = None;
                s.chooser = Some(p);
            }
            Action::CloseChooser => s.chooser = None,
            Action::Focus(id) => s.focused = id,
            Action::Pasting(on) => s.pasting = on,
            Action::MoveCursor(cursor) => {
                s.cursor = cursor;
                s.announce_position();
            }
            Action::Resizing(on) => s.resizing = on && s.focused.is_some(),
            Action::Help(on) => s.help = on,
            Action::ShowAll(on) => s.show_all = on,
            Action::Announce(text) => s.announcement = text,
        }
        Rc::new(s)
    }
}

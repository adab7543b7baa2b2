//! The UI store: a Yew reducer over the model [`Session`] plus view state.

use crate::model::format::Imported;
use crate::model::{Annotation, Article, Change, Command, Session, Tag, TextRange};
use crate::web::clock;
use std::cell::RefCell;
use std::rc::Rc;
use yew::Reducible;

/// A message in the notice bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    /// Something the user tried failed; nothing was changed.
    Error(String),
}

/// A selection waiting for its tag in the chooser.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub range: TextRange,
    /// Viewport coordinates (CSS px) of the selection's box: left, top, bottom.
    pub left: f64,
    pub top: f64,
    pub bottom: f64,
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
    Undo,
    Redo,
    /// Replace the article (annotations are discarded).
    Open(Article),
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
}

#[derive(Clone)]
pub struct State {
    /// The same cell for the life of the app; replaced contents on open/import.
    pub session: Rc<RefCell<Session>>,
    /// Bumps on every change of annotations or article.
    pub revision: u64,
    /// Bumps when the article is replaced.
    pub article_revision: u64,
    /// Changes not yet exported.
    pub dirty: bool,
    pub notice: Option<Notice>,
    pub chooser: Option<Pending>,
    pub last_tag: Tag,
    pub focused: Option<String>,
    pub pasting: bool,
}

impl State {
    pub fn new(session: Session, dirty: bool, notice: Option<Notice>) -> Self {
        Self {
            session: Rc::new(RefCell::new(session)),
            revision: 0,
            article_revision: 0,
            dirty,
            notice,
            chooser: None,
            last_tag: Tag::Claim,
            focused: None,
            pasting: false,
        }
    }

    fn changed(&mut self, change: Option<Change>, verb: &str) {
        let Some(change) = change else {
            self.notice = Some(Notice::Info(format!("Nothing to {verb}.")));
            return;
        };
        self.revision += 1;
        self.dirty = true;
        self.notice = None;
        if let Change::Added(a) | Change::Updated { after: a, .. } = &change {
            self.focused = Some(a.id.clone());
        }
    }

    fn replace(&mut self, session: Session, notice: String) {
        *self.session.borrow_mut() = session;
        self.revision += 1;
        self.article_revision += 1;
        self.dirty = false;
        self.chooser = None;
        self.focused = None;
        self.pasting = false;
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
            Action::Undo => {
                let change = s.session.borrow_mut().undo();
                s.changed(change, "undo");
            }
            Action::Redo => {
                let change = s.session.borrow_mut().redo();
                s.changed(change, "redo");
            }
            Action::Open(article) => {
                let msg = format!("Opened \"{}\".", article.title);
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
            Action::Exported => s.dirty = false,
            Action::Notify(notice) => s.notice = Some(notice),
            Action::Dismiss => s.notice = None,
            Action::OpenChooser(p) => {
                s.notice = None;
                s.chooser = Some(p);
            }
            Action::CloseChooser => s.chooser = None,
            Action::Focus(id) => s.focused = id,
            Action::Pasting(on) => s.pasting = on,
        }
        Rc::new(s)
    }
}

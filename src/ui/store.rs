//! The UI store: [`State`] (the session plus what the page shows about it)
//! and the [`Action`]s that change it. Pure: ids and times come in the
//! actions, nothing here reads the clock or the DOM, so the whole reducer
//! is tested natively (`tests` below and `tests/store.rs`).
//!
//! Flow: an event becomes an action; [`State::update`] turns it into a model
//! [`Command`] where the annotations change; views render from the result.

pub use super::action::{Action, Compared, Cursor, Kept, Notice, Offer, Pending, Saving};
use super::doc::Doc;
use super::linking::Linking;
use super::messages;
use super::worklist::Filter;
use crate::model::{Annotation, AnnotationId, Change, Command, Effect, Fields, Session, TagId};
use std::rc::Rc;

#[derive(Clone)]
pub struct State {
    pub doc: Doc,
    pub notice: Option<Notice>,
    pub chooser: Option<Pending>,
    /// The tag the chooser offers first.
    pub last_tag: TagId,
    pub focused: Option<AnnotationId>,
    pub pasting: bool,
    pub cursor: Cursor,
    /// The document selection shows `cursor` already (it came from there,
    /// or the user selected outside the article): the selection view
    /// writes the cursor into the page only when this is false.
    pub selection_shown: bool,
    pub resizing: bool,
    pub help: bool,
    /// The library view is open.
    pub library_open: bool,
    /// The Tags dialog is open (the chooser does not open meanwhile).
    pub tags_open: bool,
    /// Show blocks marked extra ("Show everything").
    pub show_all: bool,
    /// The latest message for the polite live region.
    pub announcement: String,
    pub saving: Saving,
    /// The library article the session is; `None` until the saver named it.
    pub kept: Option<Kept>,
    /// The library has not answered yet: the page shows no article, and
    /// nothing is saved.
    pub booting: bool,
    /// The link dialog, while it is open.
    pub linking: Option<Linking>,
    /// The question whether to carry a file's annotations over.
    pub offer: Option<Rc<Offer>>,
    /// The orphan A attaches; the first when `None` or re-attached.
    pub orphan_pick: Option<AnnotationId>,
    /// What the panel lists.
    pub filter: Filter,
    /// The annotator name new annotations carry as `creator` (empty: none).
    pub annotator: String,
    /// The agreement report the Compare dialog shows, while it is open.
    pub agreement: Option<Rc<Compared>>,
    /// The disagreements being adjudicated into the open (gold) session.
    pub adjudicating: Option<super::adjudicating::Adjudicating>,
    /// The annotation the last follow (F) started from and the index of the
    /// link it took, so that F again takes the next.
    pub(super) following: Option<(AnnotationId, usize)>,
    /// The innermost annotation the cursor is in (to announce entering one).
    inside: Option<AnnotationId>,
}

impl State {
    pub fn new(session: Session, notice: Option<Notice>, saving: Saving) -> Self {
        Self {
            last_tag: session.schema().first_tag().id.clone(),
            doc: Doc::new(session),
            notice,
            chooser: None,
            focused: None,
            pasting: false,
            cursor: Cursor::default(),
            selection_shown: false,
            resizing: false,
            help: false,
            tags_open: false,
            library_open: false,
            show_all: false,
            announcement: String::new(),
            saving,
            kept: None,
            booting: false,
            linking: None,
            offer: None,
            orphan_pick: None,
            filter: Filter::default(),
            annotator: String::new(),
            agreement: None,
            adjudicating: None,
            following: None,
            inside: None,
        }
    }

    /// The state after `action`; `self` itself when nothing changed (so
    /// nothing re-renders).
    pub fn update(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        if s.apply_action(action) {
            Rc::new(s)
        } else {
            self
        }
    }

    /// Carry out `action` on `self`; false when it changes nothing.
    fn apply_action(&mut self, action: Action) -> bool {
        match action {
            Action::OpenChooser if self.tags_open || self.library_open => return false,
            Action::OpenChooser => self.open_chooser(),
            Action::Tag {
                tag,
                note,
                fields,
                id,
                at,
            } => return self.tag(tag, note, fields, id, at),
            Action::CloseChooser => return self.close_chooser(),
            Action::Apply(command) => self.command(command),
            Action::Merge(command) => self.merge(command),
            Action::Undo => self.history(true),
            Action::Redo => self.history(false),
            Action::Open { article, note } => {
                let message = messages::opened(&article.title, note.as_deref());
                self.replace(Session::new(article), message);
            }
            Action::Import(imported) => {
                self.offer = None;
                self.import(*imported);
            }
            Action::Restore {
                session,
                kept,
                notice,
                saving,
                resume,
            } => self.restore(*session, kept, notice, saving, resume),
            Action::Kept {
                key,
                generation,
                added,
            } => return self.named(key, generation, added),
            Action::OfferCarry(offer) => self.offer = Some(offer),
            Action::CloseOffer => return self.offer.take().is_some(),
            Action::Attach { at } => return self.attach(at),
            Action::PickOrphan(id) => return set(&mut self.orphan_pick, Some(id)),
            Action::Exported { file_name } => self.exported(&file_name),
            Action::Notify(notice) => return set(&mut self.notice, Some(notice)),
            Action::Dismiss => return set(&mut self.notice, None),
            Action::Focus(id) => return set(&mut self.focused, id),
            Action::Pasting(on) => return set(&mut self.pasting, on),
            Action::Selected { cursor, clipped } => return self.selected(cursor, clipped),
            Action::Pointer { exact, click } => self.pointer(exact, click),
            Action::Key { key, at } => return super::reading::key(self, key, at),
            Action::Help(on) => return set(&mut self.help, on),
            Action::Tags(on) => return set(&mut self.tags_open, on),
            Action::Library(on) => return set(&mut self.library_open, on),
            Action::Agreement(report) => self.agreement = report,
            Action::Adjudicate(plan) => {
                let (union, adjudication) = *plan;
                self.start_adjudicating(union, adjudication);
            }
            Action::GoToDisagreement(i) => return self.select_item(i),
            Action::Annotator(name) => {
                self.annotator = crate::model::limits::creator_name(&name);
                self.notice = Some(Notice::Info(messages::annotator_set(&self.annotator)));
            }
            Action::ShowAll(on) => return set(&mut self.show_all, on),
            Action::OpenLink => return self.open_link(),
            Action::LinkOption(i) => return self.edit_link(|l| l.option = i),
            Action::LinkFilter(text) => return self.edit_link(|l| l.filter = text),
            Action::LinkMove { forward } => return self.move_link(forward),
            Action::LinkTo { to, id, at } => return self.link_to(to, id, at),
            Action::CloseLink => return set(&mut self.linking, None),
            Action::Edit(id) => {
                let Some(a) = self.doc.session().get(&id).cloned() else {
                    return false;
                };
                self.focused = Some(id);
                self.edit(&a);
            }
            Action::Filter(filter) => return set(&mut self.filter, filter),
        }
        true
    }

    fn exported(&mut self, file_name: &str) {
        let (doc, n) = self.doc.edit(|s| {
            s.mark_exported();
            s.annotations().len()
        });
        self.doc = doc;
        self.notice = Some(Notice::Info(messages::exported(n, file_name)));
    }

    fn open_chooser(&mut self) {
        let range = self.doc.session().normalize(self.cursor.range());
        match range {
            Some(range) => {
                self.notice = None;
                self.chooser = Some(Pending {
                    range,
                    editing: None,
                    tag: self.last_tag.clone(),
                    note: String::new(),
                    fields: Fields::new(),
                });
            }
            None => self.notice = Some(Notice::Info(messages::SELECT_FIRST.into())),
        }
    }

    /// Close the chooser, back to the selection it was opened on.
    fn close_chooser(&mut self) -> bool {
        let Some(p) = self.chooser.take() else {
            return false;
        };
        self.cursor = Cursor {
            anchor: p.range.start(),
            head: p.range.end(),
        };
        self.selection_shown = false;
        true
    }

    /// Open the chooser to edit annotation `a`.
    pub(super) fn edit(&mut self, a: &Annotation) {
        self.notice = None;
        self.chooser = Some(Pending {
            range: a.range,
            editing: Some(a.id.clone()),
            tag: a.tag.clone(),
            note: a.note.clone(),
            fields: a.fields.clone(),
        });
    }

    fn tag(
        &mut self,
        tag: TagId,
        note: String,
        fields: Fields,
        id: AnnotationId,
        at: String,
    ) -> bool {
        let Some(pending) = self.chooser.take() else {
            return false;
        };
        self.last_tag = tag.clone();
        self.cursor = Cursor::at(pending.range.end());
        self.selection_shown = false;
        let fields = match self.doc.session().schema().tag(&tag) {
            Some(def) => def.fitting(&fields),
            None => Fields::new(),
        };
        self.command(match pending.editing {
            Some(id) => Command::Edit {
                fields,
                id,
                tag,
                note,
                at,
            },
            None => Command::Tag(Annotation {
                id,
                tag,
                range: pending.range,
                note,
                fields,
                created: at.clone(),
                modified: at,
                creator: self.annotator.clone(),
                adjudicated_from: Vec::new(),
            }),
        });
        true
    }

    /// Apply `command` to the session: the change is announced, or the
    /// problem shown.
    pub(super) fn command(&mut self, command: Command) {
        let (doc, result) = self.doc.edit(|s| s.apply(command));
        self.doc = doc;
        match result {
            Ok(change) => self.changed(&change, None),
            Err(problem) => self.notice = Some(Notice::Error(problem.to_string())),
        }
    }

    /// Teammates' changes: applied and announced, nothing else moved but a
    /// focus on an annotation they deleted.
    fn merge(&mut self, command: Command) {
        let (doc, result) = self.doc.edit(|s| s.apply(command));
        self.doc = doc;
        match result {
            Ok(change) => {
                self.announcement = messages::sync::merged(&self.doc.session(), &change);
                let focused = self.focused.as_ref();
                if focused.is_some_and(|id| self.doc.session().get(id).is_none()) {
                    self.focused = None;
                }
                self.refresh_adjudication(&change);
            }
            Err(problem) => self.notice = Some(Notice::Error(problem.to_string())),
        }
    }

    fn history(&mut self, undo: bool) {
        let (doc, change) = self.doc.edit(|s| if undo { s.undo() } else { s.redo() });
        self.doc = doc;
        match change {
            Some(change) => self.changed(&change, Some(undo)),
            None => {
                let nothing = if undo {
                    messages::NOTHING_TO_UNDO
                } else {
                    messages::NOTHING_TO_REDO
                };
                self.notice = Some(Notice::Info(nothing.into()));
            }
        }
    }

    /// After a change (`undo`: by undo or redo): announce it and focus what
    /// it touched.
    fn changed(&mut self, change: &Change, undo: Option<bool>) {
        self.notice = None;
        self.keep_last_tag();
        let what = messages::change(&self.doc.session(), change);
        self.announcement = match undo {
            Some(true) => messages::undone(&what),
            Some(false) => messages::redone(&what),
            None => what,
        };
        // A tag set change touches many annotations: the focus stays.
        if let (Some(Effect::Added(a) | Effect::Updated { after: a, .. }), None) =
            (change.annotation_effect(), change.schema())
        {
            self.focused = Some(a.id.clone());
        }
        let removed =
            |e: &Effect| matches!(e, Effect::Removed(a) if Some(&a.id) == self.focused.as_ref());
        if change.effects().iter().any(removed) {
            self.focused = None;
        }
        self.refresh_adjudication(change);
    }

    /// The tag the chooser offers first is one of the set (a removed tag
    /// gives way to the first).
    fn keep_last_tag(&mut self) {
        let session = self.doc.session();
        if session.schema().tag(&self.last_tag).is_none() {
            let first = session.schema().first_tag().id.clone();
            drop(session);
            self.last_tag = first;
        }
    }

    /// Replace the session; the reading cursor stays where it was when the
    /// article stays the same (annotations opened onto it), so the reader
    /// keeps their place.
    pub(super) fn replace(&mut self, session: Session, message: String) {
        let layout = self.doc.layout();
        self.kept = None;
        self.doc = self.doc.replace(session);
        if self.doc.layout() != layout {
            self.cursor = Cursor::default();
        }
        self.keep_last_tag();
        self.chooser = None;
        self.linking = None;
        self.following = None;
        self.filter = Filter::default();
        self.focused = None;
        self.pasting = false;
        self.selection_shown = false;
        self.resizing = false;
        self.inside = None;
        self.adjudicating = None;
        self.notice = Some(Notice::Info(message));
    }

    /// Move the cursor (the page is to show it); tell screen readers when it
    /// enters an annotation. False when it was there already.
    pub(super) fn move_cursor(&mut self, cursor: Cursor) -> bool {
        if cursor == self.cursor {
            return false;
        }
        self.cursor = cursor;
        self.selection_shown = false;
        let session = self.doc.session();
        let inner = session.at_offset(cursor.head).first().copied();
        let id = inner.map(|a| a.id.clone());
        if id != self.inside {
            if let Some(a) = inner {
                let text = session.article().text.slice(a.range);
                self.announcement = messages::inside(session.schema().label(&a.tag), text);
            }
            drop(session);
            self.inside = id;
        }
        true
    }

    fn selected(&mut self, cursor: Option<Cursor>, clipped: bool) -> bool {
        let cursor = cursor.unwrap_or(Cursor::at(self.cursor.head));
        let moved = self.move_cursor(cursor);
        set(&mut self.selection_shown, !clipped) || moved
    }

    fn pointer(&mut self, exact: bool, click: bool) {
        let c = self.cursor;
        if !c.is_collapsed() {
            if !exact {
                let snapped =
                    crate::model::cursor::snap_to_words(self.doc.session().article(), c.range());
                self.move_cursor(Cursor {
                    anchor: snapped.start(),
                    head: snapped.end(),
                });
            }
            return;
        }
        if !click {
            return;
        }
        // A click: the annotation under it, or the next one there when the
        // focused one is under it too.
        let session = self.doc.session();
        let hits = session.at_offset(c.head);
        let next = match hits
            .iter()
            .position(|a| Some(&a.id) == self.focused.as_ref())
        {
            Some(i) => hits.get(i + 1).or(hits.first()),
            None => hits.first(),
        };
        let id = next.map(|a| a.id.clone());
        drop(session);
        if id.is_some() {
            self.focused = id;
        }
    }
}

/// Set `slot` to `value`; false when it held that already.
fn set<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        return false;
    }
    *slot = value;
    true
}

//! The link dialog's state ([`Linking`]) and logic: which relations the
//! focused annotation can take part in, the candidates for the other end
//! (nearest first, filtered by typed text), and following links. Pure:
//! part of the store's reducer.

use super::messages;
use super::store::{Cursor, State};
use crate::model::case::Lowercase;
use crate::model::{
    Annotation, AnnotationId, Command, Relation, RelationId, RelationTypeId, Session,
};

/// One way an annotation can be related: a relation type, and whether the
/// annotation is its start (`forward`: "Said by") or its end ("Source of").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkOption {
    pub kind: RelationTypeId,
    pub forward: bool,
}

/// The open link dialog, relating annotation `at` to another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Linking {
    pub at: AnnotationId,
    /// Index into [`options`] of `at`.
    pub option: usize,
    /// Text the candidates must contain (ignoring case).
    pub filter: String,
    /// Index of the highlighted candidate.
    pub active: usize,
}

/// The relations an annotation tagged like `a` can take part in, in the
/// schema's order, those it starts before those it ends. O(relation types).
pub fn options(session: &Session, a: &Annotation) -> Vec<LinkOption> {
    let types = session.schema().relation_types();
    let of = |forward: bool| {
        types
            .iter()
            .filter(move |t| if forward { &t.from } else { &t.to }.contains(&a.tag))
            .map(move |t| LinkOption {
                kind: t.id.clone(),
                forward,
            })
    };
    of(true).chain(of(false)).collect()
}

/// What `option` is called from the annotation's side ("Said by", "Source of").
pub fn option_label<'a>(session: &'a Session, option: &LinkOption) -> &'a str {
    match session.schema().relation_type(&option.kind) {
        Some(t) if option.forward => &t.label,
        Some(t) => t.inverse_label(),
        None => "",
    }
}

/// The candidates of the dialog: annotations the chosen relation may join
/// to `at`, nearest first, whose text or note contains the filter.
/// O(n log n + n × filter).
pub fn candidates<'a>(session: &'a Session, l: &Linking) -> Vec<&'a Annotation> {
    let Some(option) = session
        .get(&l.at)
        .and_then(|a| options(session, a).into_iter().nth(l.option))
    else {
        return Vec::new();
    };
    let filter = l.filter.trim().lowercase();
    let text = &session.article().text;
    session
        .link_targets(&l.at, &option.kind, option.forward)
        .into_iter()
        .filter(|b| {
            filter.is_empty()
                || text.slice(b.range).lowercase().contains(&filter)
                || b.note.lowercase().contains(&filter)
        })
        .collect()
}

impl State {
    /// Open the link dialog on the focused annotation, or say why not.
    pub(super) fn open_link(&mut self) -> bool {
        let session = self.doc.session();
        let focused = self.focused.as_ref().and_then(|id| session.get(id));
        let said = match focused {
            None => Err(messages::LINK_FOCUS_FIRST.to_owned()),
            Some(a) if options(&session, a).is_empty() => {
                Err(messages::cannot_link(session.schema().label(&a.tag)))
            }
            Some(a) => Ok(a.id.clone()),
        };
        drop(session);
        match said {
            Ok(at) => {
                self.notice = None;
                self.linking = Some(Linking {
                    at,
                    option: 0,
                    filter: String::new(),
                    active: 0,
                });
            }
            Err(why) => self.notice = Some(super::store::Notice::Info(why)),
        }
        true
    }

    /// Change the open dialog with `f`; the highlighted candidate starts
    /// over when the option or the filter changes. False when closed or
    /// unchanged.
    pub(super) fn edit_link(&mut self, f: impl FnOnce(&mut Linking)) -> bool {
        let Some(l) = self.linking.as_mut() else {
            return false;
        };
        let before = l.clone();
        f(l);
        if l.option != before.option || l.filter != before.filter {
            l.active = 0;
        }
        *l != before
    }

    /// Move the highlight among the candidates (stopping at the ends).
    pub(super) fn move_link(&mut self, forward: bool) -> bool {
        let n = match &self.linking {
            Some(l) => candidates(&self.doc.session(), l).len(),
            None => return false,
        };
        self.edit_link(|l| {
            l.active = if forward {
                (l.active + 1).min(n.saturating_sub(1))
            } else {
                l.active.saturating_sub(1)
            }
        })
    }

    /// Link `at` to `to`, or to the highlighted candidate; the dialog
    /// closes and `at` stays focused.
    pub(super) fn link_to(&mut self, to: Option<AnnotationId>, id: RelationId, at: String) -> bool {
        let Some(l) = self.linking.clone() else {
            return false;
        };
        let session = self.doc.session();
        let option = session
            .get(&l.at)
            .and_then(|a| options(&session, a).into_iter().nth(l.option));
        let to = to.or_else(|| candidates(&session, &l).get(l.active).map(|b| b.id.clone()));
        drop(session);
        let (Some(option), Some(other)) = (option, to) else {
            self.notice = Some(super::store::Notice::Info(messages::NO_CANDIDATE.into()));
            return true;
        };
        let (from, to) = if option.forward {
            (l.at.clone(), other)
        } else {
            (other, l.at.clone())
        };
        self.linking = None;
        self.command(Command::Link(Relation {
            id,
            kind: option.kind,
            from,
            to,
            created: at,
        }));
        self.focused = Some(l.at);
        true
    }

    /// Focus the annotation at the other end of a link of the focused one;
    /// pressed again on it, the next link of the same annotation.
    pub(super) fn follow(&mut self) -> bool {
        let Some(focused) = self.focused.clone() else {
            self.announcement = messages::LINK_FOCUS_FIRST.into();
            return true;
        };
        // Continue around the annotation we came from, if we came by a link.
        let (origin, after) = match self.following.take() {
            Some((origin, i)) if self.was_followed_to(&origin, i, &focused) => (origin, i + 1),
            _ => (focused, 0),
        };
        let session = self.doc.session();
        let ends: Vec<(AnnotationId, String)> = session
            .relations_of(&origin)
            .filter_map(|r| {
                let other = r.other_end(&origin)?.clone();
                let t = session.schema().relation_type(&r.kind)?;
                let label = if r.from == origin {
                    t.label.clone()
                } else {
                    t.inverse_label().to_owned()
                };
                Some((other, label))
            })
            .collect();
        if ends.is_empty() {
            drop(session);
            self.announcement = messages::NO_LINKS.into();
            return true;
        }
        let i = after % ends.len();
        let (to, label) = ends[i].clone();
        let target = session.get(&to).map(|b| {
            (
                b.range.start(),
                session.article().text.slice(b.range).to_owned(),
            )
        });
        drop(session);
        if let Some((start, text)) = target {
            self.focused = Some(to);
            self.move_cursor(Cursor::at(start));
            self.announcement = messages::followed(&label, &text, i, ends.len());
            self.following = Some((origin, i));
        }
        true
    }

    /// Whether link `i` of `origin` leads to `at` (the focus is still where
    /// the last follow put it).
    fn was_followed_to(&self, origin: &AnnotationId, i: usize, at: &AnnotationId) -> bool {
        let session = self.doc.session();
        let mut ends = session
            .relations_of(origin)
            .filter_map(|r| r.other_end(origin));
        ends.nth(i) == Some(at)
    }
}

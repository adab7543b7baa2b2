//! Keys of the article while it has the focus: the reading cursor, selection
//! by word, sentence and paragraph, and moving between, editing, deleting and
//! resizing annotations. Turns a key press into store actions.

use super::store::{Action, Cursor, Pending, State};
use crate::keymap::{self, Press, Reading, Resizing};
use crate::model::cursor::{self, around, Unit};
use crate::model::format::excerpt;
use crate::model::{Annotation, Session, TextRange};
use crate::web::article_dom::ArticleDom;

/// The actions for `press`; empty when the key is not ours (then the browser
/// keeps its default).
pub fn actions(press: Press, state: &State, session: &Session, dom: &ArticleDom) -> Vec<Action> {
    let article = session.article();
    let c = state.cursor;
    let focused = state.focused.as_deref().and_then(|id| session.get(id));
    if state.resizing {
        return match (keymap::resizing(press), focused) {
            (Some(Resizing::Move { start, forward }), Some(a)) => {
                resize(session, a, start, forward)
            }
            (Some(Resizing::Done), _) | (_, None) => vec![
                Action::Resizing(false),
                Action::Announce("Resizing done.".into()),
            ],
            (None, _) => vec![],
        };
    }
    let Some(key) = keymap::reading(press) else {
        return vec![];
    };
    let step = |head: usize, unit: Unit, forward: bool| {
        if forward {
            cursor::forward(article, head, unit)
        } else {
            cursor::backward(article, head, unit)
        }
    };
    match key {
        Reading::Move { unit, forward, extend } => {
            let head = step(c.head, unit, forward);
            let anchor = if extend { c.anchor } else { head };
            vec![Action::MoveCursor(Cursor { anchor, head })]
        }
        Reading::Edge { end, extend } => {
            let head = if end { article.text.char_len() } else { 0 };
            let anchor = if extend { c.anchor } else { head };
            vec![Action::MoveCursor(Cursor { anchor, head })]
        }
        Reading::Select(unit) => around(article, c.head, unit)
            .map(|r| {
                vec![
                    Action::MoveCursor(Cursor { anchor: r.start(), head: r.end() }),
                    Action::Announce(format!("Selected: “{}”.", excerpt(article.text.slice(r), 120))),
                ]
            })
            .unwrap_or_default(),
        Reading::Annotation { next } => neighbour(session, focused, c.head, next)
            .map(|(i, a)| {
                vec![
                    Action::Focus(Some(a.id.clone())),
                    Action::MoveCursor(Cursor::at(a.range.start())),
                    Action::Announce(format!(
                        "{} {} of {}: “{}”. Enter edits, Delete deletes, R resizes.",
                        a.tag.label(),
                        i + 1,
                        session.annotations().len(),
                        excerpt(article.text.slice(a.range), 120)
                    )),
                ]
            })
            .unwrap_or_else(|| vec![Action::Announce(format!("No {} annotation.", if next { "next" } else { "previous" }))]),
        Reading::Edit => focused
            .map(|a| vec![Action::OpenChooser(pending(dom, session, a.range, Some(a)))])
            .unwrap_or_default(),
        Reading::Delete => focused
            .map(|a| vec![Action::Remove { id: a.id.clone() }])
            .unwrap_or_default(),
        Reading::Resize => focused
            .map(|a| {
                vec![
                    Action::Resizing(true),
                    Action::Announce(format!(
                        "Resizing {} “{}”: → and ← move its end, Shift+→ and Shift+← its start; Enter or Esc ends.",
                        a.tag.name(),
                        excerpt(article.text.slice(a.range), 80)
                    )),
                ]
            })
            .unwrap_or_default(),
        Reading::Help => vec![Action::Help(true)],
        Reading::Back if c.anchor != c.head => vec![Action::MoveCursor(Cursor::at(c.head))],
        Reading::Back if focused.is_some() => vec![Action::Focus(None)],
        Reading::Back => vec![],
    }
}

/// The chooser for `range` (a new annotation) or for editing `existing`.
pub fn pending(
    dom: &ArticleDom,
    session: &Session,
    range: TextRange,
    existing: Option<&Annotation>,
) -> Pending {
    // Beside the selection's last line (below it), or above its first line
    // when there is no room below.
    let rects = dom
        .dom_range(session.article(), range)
        .and_then(|r| r.get_client_rects())
        .filter(|l| l.length() > 0);
    let first = rects.as_ref().and_then(|l| l.get(0));
    let last = rects.as_ref().and_then(|l| l.get(l.length() - 1));
    Pending {
        range,
        editing: existing.map(|a| a.id.clone()),
        note: existing.map(|a| a.note.clone()).unwrap_or_default(),
        left: last.as_ref().map_or(16.0, |r| r.left()),
        top: first.as_ref().map_or(16.0, |r| r.top()),
        bottom: last.as_ref().map_or(16.0, |r| r.bottom()),
    }
}

/// The annotation after (or before) the focused one, or after (before) the
/// cursor when none is focused; with its index in reading order.
fn neighbour<'a>(
    session: &'a Session,
    focused: Option<&Annotation>,
    head: usize,
    next: bool,
) -> Option<(usize, &'a Annotation)> {
    let all = session.annotations();
    let i = match (focused, next) {
        (Some(f), true) => all.iter().position(|a| a.id == f.id)? + 1,
        (Some(f), false) => all.iter().position(|a| a.id == f.id)?.checked_sub(1)?,
        (None, true) => all.partition_point(|a| a.range.start() < head),
        (None, false) => all
            .partition_point(|a| a.range.start() < head)
            .checked_sub(1)?,
    };
    all.get(i).map(|a| (i, a))
}

/// Move the start or end of `a` by one word; refuses to make it empty.
fn resize(session: &Session, a: &Annotation, start: bool, forward: bool) -> Vec<Action> {
    let article = session.article();
    let r = a.range;
    let moved = |at: usize| {
        if forward {
            cursor::forward(article, at, Unit::Word)
        } else {
            cursor::backward(article, at, Unit::Word)
        }
    };
    let range = if start {
        TextRange::new(moved(r.start()), r.end())
    } else {
        TextRange::new(r.start(), moved(r.end()))
    };
    match range.filter(|n| !n.is_empty() && *n != r) {
        Some(range) => vec![Action::Resize {
            id: a.id.clone(),
            range,
        }],
        None => vec![Action::Announce(
            "It cannot get any smaller or larger that way.".into(),
        )],
    }
}

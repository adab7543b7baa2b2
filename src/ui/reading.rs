//! Keys of the article while it has the focus: the reading cursor, selection
//! by word, sentence and paragraph, and moving between, editing, deleting and
//! resizing annotations. Pure: part of the store's reducer.

use super::messages;
use super::store::{Cursor, State};
use crate::keymap::{ArticleKey, Reading, Resizing};
use crate::model::cursor::{around, step, Unit};
use crate::model::{Annotation, CharOffset, Command, Session, TextRange};

/// Carry out `key` on `s`; `at` stamps a resize or an attach. False when it changed
/// nothing.
pub fn key(s: &mut State, key: ArticleKey, at: String) -> bool {
    let focused = s
        .focused
        .as_ref()
        .and_then(|id| s.doc.session().get(id).cloned());
    match key {
        ArticleKey::Resizing(r) => resizing(s, r, focused.as_ref(), at),
        ArticleKey::Reading(r) => reading(s, r, focused.as_ref(), at),
    }
}

fn resizing(s: &mut State, key: Resizing, focused: Option<&Annotation>, at: String) -> bool {
    match (key, focused) {
        (Resizing::Move { start, forward }, Some(a)) => {
            let range = resized(&s.doc.session(), a, start, forward);
            match range {
                Some(range) => s.command(Command::Resize {
                    id: a.id.clone(),
                    range,
                    at,
                }),
                None => s.announcement = messages::CANNOT_RESIZE.into(),
            }
        }
        (Resizing::Done, _) | (_, None) => {
            s.resizing = false;
            s.announcement = messages::RESIZING_DONE.into();
        }
    }
    true
}

fn reading(s: &mut State, key: Reading, focused: Option<&Annotation>, at: String) -> bool {
    let c = s.cursor;
    match key {
        Reading::Move {
            unit,
            forward,
            extend,
        } => {
            let head = step(s.doc.session().article(), c.head, unit, forward);
            let anchor = if extend { c.anchor } else { head };
            s.move_cursor(Cursor { anchor, head })
        }
        Reading::Edge { end, extend } => {
            let head = if end {
                s.doc.session().article().text.full_range().end()
            } else {
                CharOffset::default()
            };
            let anchor = if extend { c.anchor } else { head };
            s.move_cursor(Cursor { anchor, head })
        }
        Reading::Select(unit) => select(s, unit),
        Reading::Annotation { next } => go_to_neighbour(s, focused, next),
        Reading::Edit => focused.map(|a| s.edit(a)).is_some(),
        Reading::Delete => focused
            .map(|a| s.command(Command::Remove { id: a.id.clone() }))
            .is_some(),
        Reading::Resize => {
            let Some(a) = focused else { return false };
            s.resizing = true;
            let session = s.doc.session();
            let said = messages::resizing(
                session.schema().label(&a.tag),
                session.article().text.slice(a.range),
            );
            drop(session);
            s.announcement = said;
            true
        }
        Reading::Help => {
            s.help = true;
            true
        }
        Reading::Link => s.open_link(),
        Reading::Follow => s.follow(),
        Reading::Tags => {
            s.tags_open = true;
            true
        }
        Reading::Back if !c.is_collapsed() => s.move_cursor(Cursor::at(c.head)),
        Reading::Back if focused.is_some() => {
            s.focused = None;
            true
        }
        Reading::Back => false,
        Reading::Attach => s.attach(at),
        Reading::Disagreement { next } => s.walk(next),
        Reading::Decide(decision) => s.decide(decision, &at),
    }
}

/// Select the `unit` around the cursor, and say what it holds.
fn select(s: &mut State, unit: Unit) -> bool {
    let session = s.doc.session();
    let Some(r) = around(session.article(), s.cursor.head, unit) else {
        return false;
    };
    let text = messages::selected(session.article().text.slice(r));
    drop(session);
    s.move_cursor(Cursor {
        anchor: r.start(),
        head: r.end(),
    });
    s.announcement = text;
    true
}

/// Focus the next (previous) annotation and put the cursor at its start.
fn go_to_neighbour(s: &mut State, focused: Option<&Annotation>, next: bool) -> bool {
    let session = s.doc.session();
    let found = neighbour(&session, focused, s.cursor.head, next).map(|(i, a)| {
        let text = session.article().text.slice(a.range);
        let label = session.schema().label(&a.tag);
        let said = messages::at_annotation(label, i, session.annotations().len(), text);
        (a.id.clone(), a.range.start(), said)
    });
    drop(session);
    match found {
        Some((id, start, said)) => {
            s.focused = Some(id);
            s.move_cursor(Cursor::at(start));
            s.announcement = said;
        }
        None => s.announcement = messages::no_neighbour(next),
    }
    true
}

/// The annotation after (or before) the focused one, or after (before) the
/// cursor when none is focused; with its index in reading order. O(n) to
/// find the focused one, O(log n) from the cursor.
pub fn neighbour<'a>(
    session: &'a Session,
    focused: Option<&Annotation>,
    head: CharOffset,
    next: bool,
) -> Option<(usize, &'a Annotation)> {
    let all = session.annotations();
    let i = match (focused.and_then(|f| session.position(&f.id)), next) {
        (Some(i), true) => i + 1,
        (Some(i), false) => i.checked_sub(1)?,
        (None, true) => all.partition_point(|a| a.range.start() < head),
        (None, false) => all
            .partition_point(|a| a.range.start() < head)
            .checked_sub(1)?,
    };
    all.get(i).map(|a| (i, a))
}

/// `a`'s span with its start or end moved by one word; `None` when that
/// would make it empty or change nothing.
pub fn resized(session: &Session, a: &Annotation, start: bool, forward: bool) -> Option<TextRange> {
    let article = session.article();
    let r = a.range;
    let range = if start {
        TextRange::new(step(article, r.start(), Unit::Word, forward), r.end())
    } else {
        TextRange::new(r.start(), step(article, r.end(), Unit::Word, forward))
    };
    range.filter(|n| !n.is_empty() && *n != r)
}

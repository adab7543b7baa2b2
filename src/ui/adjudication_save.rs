//! Keeping the adjudication in progress with its gold article in the
//! library, so that a reload or a later visit walks the same
//! disagreements (`Store::Adjudication`). The plan is written once, when
//! the gold is first named; the items decided for no span whenever they
//! change (what each item holds is the gold's own, kept by the saver).
//! When another file replaces the gold's annotations (the same library
//! article, no adjudication any more), the records go.
//!
//! The hook owns [`Library::adjudication`], what the library holds: set by
//! each write, and by [`read_back`] when an article is restored, so that a
//! plan just read is not written again.

use super::adjudicating::{Plan, Resume};
use super::library_save::Library;
use super::store::{Action, Notice, Saving, State};
use crate::model::format;
use crate::model::library::{Batch, LibraryKey};
use std::rc::{Rc, Weak};
use yew::prelude::*;

/// What the library holds of a gold article's adjudication.
pub struct Stored {
    key: LibraryKey,
    /// The plan written or read (`None`: none; one that could not be read
    /// was moved aside when it was read).
    plan: Option<Weak<Plan>>,
    neither: Rc<Vec<bool>>,
}

/// A plan compared by identity (two plans are never alike by value).
#[derive(Clone)]
struct ByRc(Rc<Plan>);

impl PartialEq for ByRc {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Article `key` was restored with `resume` as the library holds it.
pub fn read_back(library: &Library, key: &LibraryKey, resume: &Resume) {
    let (plan, neither) = match resume {
        Some(Ok((plan, neither))) => (Some(Rc::downgrade(plan)), neither.clone()),
        _ => (None, Vec::new()),
    };
    *library.adjudication.borrow_mut() = Some(Stored {
        key: key.clone(),
        plan,
        neither: Rc::new(neither),
    });
}

/// Keep the library's adjudication records in step with `state`.
#[hook]
pub fn use_adjudication_save(state: &UseReducerHandle<State>, library: &Rc<Library>) {
    let on = state.saving == Saving::On && !state.booting;
    let key = (state.kept.as_ref())
        .filter(|k| on && k.generation == state.doc.generation())
        .map(|k| k.key.clone());
    let adj = (state.adjudicating.as_ref()).map(|a| (ByRc(a.plan.clone()), a.neither.clone()));
    let (library, dispatch) = (library.clone(), state.dispatcher());
    // The revision: after a failed write, the next change tries again.
    let revision = state.doc.revision();
    use_effect_with((key, adj, revision), move |(key, adj, _)| {
        if let Some(key) = key {
            keep(&library, key, adj.as_ref(), &dispatch);
        }
    });
}

/// Write what the library lacks of the adjudication on article `key`.
fn keep(
    library: &Rc<Library>,
    key: &LibraryKey,
    adj: Option<&(ByRc, Rc<Vec<bool>>)>,
    dispatch: &UseReducerDispatcher<State>,
) {
    let batch = {
        let stored = library.adjudication.borrow();
        let here = stored.as_ref().filter(|s| s.key == *key);
        let held = here.and_then(|s| s.plan.as_ref());
        match adj {
            None if held.is_some() => Batch::adjudication_over(key),
            None => return,
            Some((ByRc(plan), neither)) => {
                let written = held.is_some_and(|w| w.as_ptr() == Rc::as_ptr(plan));
                let same = |s: &Stored| Rc::ptr_eq(&s.neither, neither) || s.neither == *neither;
                if written && here.is_some_and(same) {
                    return;
                }
                let record = (!written)
                    .then(|| format::adjudication_record(&plan.adjudication, &plan.union));
                Batch::adjudication(key, record, format::decided_none_record(neither))
            }
        }
    };
    library.adjudication.replace(Some(Stored {
        key: key.clone(),
        plan: adj.map(|(ByRc(p), _)| Rc::downgrade(p)),
        neither: adj.map(|(_, n)| n.clone()).unwrap_or_default(),
    }));
    let (me, d, key) = (Rc::downgrade(library), dispatch.clone(), key.clone());
    library.write(batch, move |r| {
        let (Some(me), Err(e)) = (me.upgrade(), r) else {
            return;
        };
        // Unknown now: a plan no live one matches, so the next change of
        // the gold writes it all again, and an end still removes it.
        if let Some(s) = me
            .adjudication
            .borrow_mut()
            .as_mut()
            .filter(|s| s.key == key)
        {
            s.plan = Some(Weak::new());
            s.neither = Rc::default();
        }
        d.dispatch(Action::Notify(Notice::Error(e.to_string())));
    });
}

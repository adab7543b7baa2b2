//! What the library view does: read the list, open an article, set a
//! label (rename, status, bin) or forget an article. Each write is one
//! transaction and is told to the other tabs.

use super::boot;
use super::library_save::Library;
use super::library_sync::read_row;
use super::messages;
use super::store::{Action, Notice, State};
use crate::model::library::{Batch, Label, LibraryKey, Row};
use std::rc::Rc;
use yew::UseReducerDispatcher;

type Dispatch = UseReducerDispatcher<State>;

/// Read the list and hand it to `done` (nothing when the library is not open).
pub fn list(library: &Rc<Library>, done: impl FnOnce(Vec<Row>) + 'static) {
    let Some(db) = library.db() else { return };
    yew::platform::spawn_local(async move {
        done(boot::rows(&db).await.unwrap_or_default());
    });
}

/// Open article `key` from the library in this tab.
pub fn open(library: &Rc<Library>, key: LibraryKey, dispatch: &Dispatch) {
    let (Some(db), d) = (library.db(), dispatch.clone()) else {
        return;
    };
    yew::platform::spawn_local(async move {
        let Some(row) = read_row(&db, &key).await else {
            return;
        };
        let added = row
            .entry
            .as_ref()
            .map(|e| e.added.clone())
            .unwrap_or_default();
        d.dispatch(match boot::open(&db, &row).await {
            Ok(session) => {
                let message =
                    messages::opened_from_library(row.title(), session.annotations().len());
                d.dispatch(Action::Library(false));
                Action::Restore {
                    session: Box::new(session),
                    kept: Some((key, added)),
                    notice: Some(Notice::Info(message)),
                    saving: None,
                }
            }
            Err(why) => Action::Notify(Notice::Error(why)),
        });
    });
}

/// Write `label` for `row`, then say `message` and call `done` (to list again).
pub fn set_label(
    library: &Rc<Library>,
    row: &Row,
    label: Label,
    message: String,
    dispatch: &Dispatch,
    done: impl FnOnce() + 'static,
) {
    let (me, d) = (library.clone(), dispatch.clone());
    library.write(Batch::label(&row.key, &label), move |r| {
        d.dispatch(Action::Notify(match r {
            Ok(()) => Notice::Info(message),
            Err(e) => Notice::Error(e.to_string()),
        }));
        if let Some(tabs) = me.tabs.borrow().as_ref() {
            tabs.listed();
        }
        done();
    });
}

/// Forget `row` for good (from the bin), after asking.
pub fn forget(
    library: &Rc<Library>,
    row: &Row,
    dispatch: &Dispatch,
    done: impl FnOnce() + 'static,
) {
    if !gloo::dialogs::confirm(&messages::forget_question(row.title())) {
        return;
    }
    let (me, d) = (library.clone(), dispatch.clone());
    library.write(Batch::forget(&row.key), move |r| {
        if let Err(e) = r {
            d.dispatch(Action::Notify(Notice::Error(e.to_string())));
        }
        if let Some(tabs) = me.tabs.borrow().as_ref() {
            tabs.listed();
        }
        done();
    });
}

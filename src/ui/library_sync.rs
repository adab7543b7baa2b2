//! Starting the library and keeping tabs in step: [`use_library`] opens
//! it once ([`super::boot::boot`]) and listens to the other tabs. When
//! another tab wrote a change of the article this tab shows, it is read
//! back from the library and shown (the tab's undo history starts again);
//! two tabs on different articles never touch each other's records.

use super::boot;
use super::library_save::Library;
use super::messages;
use super::store::{Action, Notice, State};
use crate::model::library::{Entry, Label, LibraryKey, Row, Store};
use crate::web::clock;
use crate::web::tabs::{Heard, Tabs};
use std::rc::Rc;
use yew::prelude::*;

/// The page's library: opened once, shared by the saver and the view.
#[hook]
pub fn use_library(state: &UseReducerHandle<State>) -> Rc<Library> {
    let library = (*use_memo((), |_| Rc::new(Library::default()))).clone();
    {
        let (library, dispatch) = (library.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            let heard = {
                let (library, dispatch) = (library.clone(), dispatch.clone());
                move |h: Heard| heard(&library, &dispatch, h)
            };
            *library.tabs.borrow_mut() = Tabs::new(clock::new_id().into_string(), heard);
            yew::platform::spawn_local(boot::boot(library, dispatch));
        });
    }
    {
        let library = library.clone();
        let key = state
            .kept
            .as_ref()
            .map(|k| (k.key.clone(), k.added.clone()));
        use_effect_with(key, move |key| *library.showing.borrow_mut() = key.clone());
    }
    library
}

fn heard(library: &Rc<Library>, dispatch: &UseReducerDispatcher<State>, h: Heard) {
    match h {
        Heard::Listed => {
            let on_listed = library.on_listed.borrow().clone();
            if let Some(f) = on_listed {
                f();
            }
        }
        Heard::Changed(key) => {
            let showing = library.showing.borrow().clone();
            let Some((here, added)) = showing.filter(|(k, _)| *k == key) else {
                return;
            };
            let (library, dispatch) = (library.clone(), dispatch.clone());
            yew::platform::spawn_local(async move {
                let Some(db) = library.db() else { return };
                let Some(row) = read_row(&db, &here).await else {
                    return;
                };
                let opened = boot::open(&library, &db, &row).await;
                dispatch.dispatch(match opened {
                    Ok((session, resume)) => Action::Restore {
                        session: Box::new(session),
                        kept: Some((here, added)),
                        notice: Some(Notice::Info(messages::UPDATED_ELSEWHERE.into())),
                        saving: None,
                        resume,
                    },
                    Err(why) => Action::Notify(Notice::Error(why)),
                });
            });
        }
    }
}

/// The library's row of article `key`, if it has an entry.
pub async fn read_row(db: &crate::web::library_db::Db, key: &LibraryKey) -> Option<Row> {
    let entry = db.get(Store::Entries, key.as_str()).await.ok()??;
    let label = db
        .get(Store::Labels, key.as_str())
        .await
        .ok()
        .flatten()
        .and_then(|l| Label::parse(&l).ok())
        .unwrap_or_else(Label::new);
    Some(Row {
        key: key.clone(),
        entry: Entry::parse(&entry),
        label,
    })
}

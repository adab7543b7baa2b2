//! Opening a page or text that is a new version of a library article
//! (same title, source or canonical URL, another text): once the new article is kept, the
//! library is searched for the latest such article with annotations, and
//! the carry question is asked ([`super::carry_dialog`]).

use super::boot;
use super::carrying::is_new_version;
use super::library_save::Library;
use super::store::{Action, Offer, State};
use crate::model::format::{Imported, Report, VERSION};
use std::rc::Rc;
use yew::prelude::*;

/// Ask about the library's older version when a newly opened article
/// without annotations has one. Reads the library list once per article
/// opened (O(articles)), and the older article's records.
#[hook]
pub fn use_older_version(state: &UseReducerHandle<State>, library: &Rc<Library>) {
    let generation = state.doc.generation();
    let fresh = state.kept.as_ref().filter(|k| {
        k.new && k.generation == generation && state.doc.session().annotations().is_empty()
    });
    let key = fresh.map(|k| k.key.clone());
    let (doc, library, dispatch) = (state.doc.clone(), library.clone(), state.dispatcher());
    use_effect_with(key, move |key| {
        let (Some(key), Some(db)) = (key.clone(), library.db()) else {
            return;
        };
        let article = doc.session().article().clone();
        yew::platform::spawn_local(async move {
            let Ok(rows) = boot::rows(&db).await else {
                return;
            };
            let mut older: Vec<_> = rows
                .iter()
                .filter(|r| r.key != key && !r.in_bin())
                .filter_map(|r| r.entry.as_ref().ok().map(|e| (r, e)))
                .filter(|(_, e)| e.n_annotations > 0)
                .filter(|(_, e)| e.may_be_version_of(&article))
                .collect();
            crate::model::sort::by(&mut older, |a, b| b.1.changed.cmp(&a.1.changed));
            let Some((row, entry)) = older.first() else {
                return;
            };
            let Ok(session) = boot::read(&db, row).await else {
                return;
            };
            if !is_new_version(session.article(), &article) {
                return;
            }
            let offer = Offer {
                name: entry.changed.clone(),
                file: Imported {
                    session,
                    n_reanchored: 0,
                    version: VERSION,
                    report: Report::default(),
                },
                library: Some(row.key.clone()),
            };
            dispatch.dispatch(Action::OfferCarry(Rc::new(offer)));
        });
    });
}

//! [`LibraryView`]: the library as a dialog. Search and sort the
//! articles, open one, set its status, rename it, move it to the bin (and
//! back, or delete it for good there), see the storage used and ask for
//! persistent storage, export the articles shown and import a library
//! ([`super::library_exchange`]). Every control is a native one, reached with Tab;
//! Esc closes.

use super::library_actions as act;
use super::library_save::Library;
use super::messages;
use super::store::{Action, State};
use crate::keymap::{self, TagsDialog};
use crate::model::library::{select, Label, LibraryKey, Query, Row, SortBy, Status};
use crate::web::{clock, keys, quota};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, Clone)]
pub struct LibraryViewProps {
    pub library: Rc<Library>,
    pub dispatch: UseReducerDispatcher<State>,
    /// The article the page shows (it cannot be deleted for good).
    pub current: Option<LibraryKey>,
}

impl PartialEq for LibraryViewProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.library, &other.library) && self.current == other.current
    }
}

#[function_component(LibraryView)]
pub fn library_view(p: &LibraryViewProps) -> Html {
    let rows = use_state(|| None::<Rc<Vec<Row>>>);
    let query = use_state(Query::default);
    let storage = use_state(String::new);
    // Rows on the page: a long library shows them a page at a time.
    let limit = use_state(|| PAGE);
    let (root, search, format) = (use_node_ref(), use_node_ref(), use_node_ref());
    super::focus::use_return_focus(search.clone());
    let reload: Rc<dyn Fn()> = {
        let (library, rows) = (p.library.clone(), rows.clone());
        Rc::new(move || {
            let rows = rows.clone();
            act::list(&library, move |list| rows.set(Some(Rc::new(list))));
        })
    };
    {
        let (library, reload, storage) = (p.library.clone(), reload.clone(), storage.clone());
        use_effect_with((), move |_| {
            reload();
            *library.on_listed.borrow_mut() = Some(reload);
            yew::platform::spawn_local(async move {
                if let Some(e) = quota::estimate().await {
                    storage.set(messages::storage_used(e.usage, e.quota, e.persisted));
                }
            });
            move || *library.on_listed.borrow_mut() = None
        });
    }
    let close = {
        let d = p.dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::Library(false)))
    };
    let onkeydown = {
        let (d, root) = (p.dispatch.clone(), root.clone());
        Callback::from(move |e: KeyboardEvent| {
            e.stop_propagation();
            match keys::with_press(&e, keymap::tags_dialog) {
                Some(TagsDialog::Close) => {
                    e.prevent_default();
                    d.dispatch(Action::Library(false));
                }
                Some(TagsDialog::Tab { back }) => super::focus::trap_tab(&e, &root, back),
                None => {}
            }
        })
    };
    let all = rows.as_ref().map(|r| r.clone()).unwrap_or_default();
    let shown = select(&all, &query);
    let n_bin = all.iter().filter(|r| r.in_bin()).count();
    html! {
        <div class="backdrop">
            <div class="library" role="dialog" aria-modal="true" aria-labelledby="library-title" ref={root} {onkeydown}>
                <div class="help-head">
                    <h2 id="library-title">{"Library"}</h2>
                    <button type="button" onclick={close}>{"Close"}</button>
                </div>
                { tools(&query, search, n_bin) }
                <p class="library-count" role="status">{ messages::n_articles(shown.len(), query.bin) }</p>
                <table class="library-list">
                    <thead><tr>
                        <th scope="col">{"Title"}</th><th scope="col">{"Source"}</th><th scope="col">{"Date"}</th>
                        <th scope="col">{"Annotations"}</th><th scope="col">{"Last change"}</th>
                        <th scope="col">{"Status"}</th><th scope="col">{"Actions"}</th>
                    </tr></thead>
                    <tbody>
                        { for shown.iter().take(*limit).map(|&i| row_view(p, &all[i], &reload)) }
                    </tbody>
                </table>
                { more(&limit, shown.len()) }
                { super::library_exchange::exchange(p, &all, &shown, &reload, &format) }
                { storage_line(&storage, p) }
            </div>
        </div>
    }
}

/// Rows rendered at first and added by "Show more": a row costs about
/// 0.6 ms to render (scripts/bench: 1,000 rows took the view to 734 ms,
/// 100 rows of the same library to 193 ms).
const PAGE: usize = 100;

/// "Show more" under a list longer than `limit` rows.
fn more(limit: &UseStateHandle<usize>, n: usize) -> Html {
    if n <= **limit {
        return html! {};
    }
    let onclick = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + PAGE))
    };
    html! {
        <p class="library-more">
            <button type="button" {onclick}>{ messages::show_more(PAGE.min(n - **limit), **limit, n) }</button>
        </p>
    }
}

/// Search box, sort order and the bin switch.
fn tools(query: &UseStateHandle<Query>, search: NodeRef, n_bin: usize) -> Html {
    let oninput = {
        let q = query.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            q.set(Query {
                text,
                ..(*q).clone()
            });
        })
    };
    let onchange = {
        let q = query.clone();
        Callback::from(move |e: Event| {
            let name = e.target_unchecked_into::<HtmlSelectElement>().value();
            let sort = SortBy::from_name(&name).unwrap_or_default();
            q.set(Query {
                sort,
                ..(*q).clone()
            });
        })
    };
    let bin = query.bin;
    let toggle = {
        let q = query.clone();
        Callback::from(move |_| {
            q.set(Query {
                bin: !q.bin,
                ..(*q).clone()
            })
        })
    };
    html! {
        <div class="library-tools">
            <input type="search" ref={search} aria-label="Search the library" placeholder="Search titles and sources"
                   value={query.text.clone()} {oninput} />
            <label>{"Sort by "}
                <select aria-label="Sort by" {onchange}>
                    { for SortBy::ALL.iter().map(|s| html! {
                        <option value={s.name()} selected={*s == query.sort}>{ s.label() }</option>
                    }) }
                </select>
            </label>
            <button type="button" aria-pressed={bin.to_string()} onclick={toggle}>
                { if bin { "Back to the library".to_owned() } else { format!("Bin ({n_bin})") } }
            </button>
        </div>
    }
}

/// One article: open, status, and its actions.
fn row_view(p: &LibraryViewProps, row: &Row, reload: &Rc<dyn Fn()>) -> Html {
    let title = row.title().to_owned();
    let open = {
        let (library, d, key) = (p.library.clone(), p.dispatch.clone(), row.key.clone());
        Callback::from(move |_| act::open(&library, key.clone(), &d))
    };
    let on_status = {
        let (library, d, row, reload) = (
            p.library.clone(),
            p.dispatch.clone(),
            row.clone(),
            reload.clone(),
        );
        Callback::from(move |e: Event| {
            let name = e.target_unchecked_into::<HtmlSelectElement>().value();
            let Some(status) = Status::from_name(&name) else {
                return;
            };
            let label = Label {
                status,
                ..row.label.clone()
            };
            let message = messages::status_set(row.title(), status);
            let reload = reload.clone();
            act::set_label(&library, &row, label, message, &d, move || reload());
        })
    };
    let is_current = p.current.as_ref() == Some(&row.key);
    let source = row
        .entry
        .as_ref()
        .map(|e| e.source.clone())
        .unwrap_or_default();
    html! {
        <tr class="library-row" data-key={row.key.to_string()}>
            <td><button type="button" class="library-open" onclick={open} aria-current={is_current.then_some("true")}>{ title.clone() }</button></td>
            <td>{ source }</td>
            <td>{ row.date().to_owned() }</td>
            <td class="library-counts">{ messages::row_counts(row) }</td>
            <td>{ row.changed().get(..16).unwrap_or("").replace('T', " ") }</td>
            <td>
                <select aria-label={format!("Status of {title}")} onchange={on_status}>
                    { for Status::ALL.iter().map(|s| html! {
                        <option value={s.name()} selected={*s == row.label.status}>{ s.label() }</option>
                    }) }
                </select>
            </td>
            <td class="library-actions">{ row_actions(p, row, reload, is_current) }</td>
        </tr>
    }
}

/// Rename and Delete (to the bin); in the bin, Restore and Delete for
/// good (not for the article the page shows).
fn row_actions(p: &LibraryViewProps, row: &Row, reload: &Rc<dyn Fn()>, is_current: bool) -> Html {
    let title = row.title().to_owned();
    let label_with = |f: &dyn Fn(&mut Label) -> String| {
        let (library, d, row, reload) = (
            p.library.clone(),
            p.dispatch.clone(),
            row.clone(),
            reload.clone(),
        );
        let mut label = row.label.clone();
        let message = f(&mut label);
        Callback::from(move |_: MouseEvent| {
            let reload = reload.clone();
            act::set_label(
                &library,
                &row,
                label.clone(),
                message.clone(),
                &d,
                move || reload(),
            )
        })
    };
    if row.in_bin() {
        let unbin = label_with(&|l: &mut Label| {
            l.binned = None;
            messages::restored_from_bin(&title)
        });
        let forget = {
            let (library, d, row, reload) = (
                p.library.clone(),
                p.dispatch.clone(),
                row.clone(),
                reload.clone(),
            );
            Callback::from(move |_| {
                act::forget(&library, &row, &d, {
                    let r = reload.clone();
                    move || r()
                })
            })
        };
        return html! {
            <>
                <button type="button" onclick={unbin}>{"Restore"}</button>
                if !is_current {
                    <button type="button" onclick={forget}>{"Delete for good"}</button>
                }
            </>
        };
    }
    let rename = {
        let (library, d, row, reload) = (
            p.library.clone(),
            p.dispatch.clone(),
            row.clone(),
            reload.clone(),
        );
        Callback::from(move |_| {
            let Some(new) = gloo::dialogs::prompt("New title", Some(row.title())) else {
                return;
            };
            let new = new.trim().to_owned();
            if new.is_empty() {
                return;
            }
            let label = Label {
                title: Some(new.clone()),
                ..row.label.clone()
            };
            let reload = reload.clone();
            act::set_label(
                &library,
                &row,
                label,
                messages::renamed(&new),
                &d,
                move || reload(),
            );
        })
    };
    let bin_it = label_with(&|l: &mut Label| {
        l.binned = Some(clock::now_rfc3339());
        messages::binned(&title)
    });
    html! {
        <>
            <button type="button" onclick={rename}>{"Rename"}</button>
            <button type="button" onclick={bin_it}>{"Delete"}</button>
        </>
    }
}

/// Storage used, and the request to keep it persistent.
fn storage_line(storage: &UseStateHandle<String>, p: &LibraryViewProps) -> Html {
    let persist = {
        let (d, storage) = (p.dispatch.clone(), storage.clone());
        Callback::from(move |_| {
            let (d, storage) = (d.clone(), storage.clone());
            yew::platform::spawn_local(async move {
                let granted = quota::persist().await;
                d.dispatch(Action::Notify(super::store::Notice::Info(
                    messages::persisted(granted).into(),
                )));
                if let Some(e) = quota::estimate().await {
                    storage.set(messages::storage_used(e.usage, e.quota, e.persisted));
                }
            });
        })
    };
    html! {
        <p class="library-storage">
            <span class="library-used">{ (**storage).clone() }</span>
            <button type="button" onclick={persist}>{"Keep storage persistent"}</button>
        </p>
    }
}

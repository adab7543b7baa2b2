//! [`SyncDialog`]: connecting the open article to a CouchDB database (the
//! server's address, the database, a name and password; the password goes
//! to the server once, for its session cookie, and is never kept), what
//! the sync is doing, and the conflicts to settle: both versions of each,
//! "Keep mine" or "Keep theirs". Esc or Close hides it; syncing goes on.

use super::doc::Doc;
use super::messages::sync::{self as words, SyncState};
use super::syncing::{Sync, SyncView};
use crate::model::sync::Conflict;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct SyncDialogProps {
    pub view: SyncView,
    pub sync: Rc<Sync>,
    pub doc: Doc,
}

impl PartialEq for SyncDialogProps {
    fn eq(&self, other: &Self) -> bool {
        self.view == other.view && Rc::ptr_eq(&self.sync, &other.sync) && self.doc == other.doc
    }
}

/// The value of the input `r`.
fn value(r: &NodeRef) -> String {
    r.cast::<web_sys::HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

#[function_component(SyncDialog)]
pub fn sync_dialog(p: &SyncDialogProps) -> Html {
    let (root, first) = (use_node_ref(), use_node_ref());
    let (address, db, name, password) = (
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
        use_node_ref(),
    );
    super::focus::use_return_focus(first.clone());
    let onkeydown = {
        let sync = p.sync.clone();
        super::focus::dialog_keys(&root, move || sync.set_open(false))
    };
    let onsubmit = {
        let sync = p.sync.clone();
        let fields = (address.clone(), db.clone(), name.clone(), password.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (a, d, n, pw) = (
                value(&fields.0),
                value(&fields.1),
                value(&fields.2),
                value(&fields.3),
            );
            if let Some(i) = fields.3.cast::<web_sys::HtmlInputElement>() {
                i.set_value("");
            }
            sync.connect(a, d.trim().to_owned(), n.trim().to_owned(), pw);
        })
    };
    let close = {
        let sync = p.sync.clone();
        Callback::from(move |_: MouseEvent| sync.set_open(false))
    };
    let v = &p.view;
    let connected = v.connection.is_some() && v.state != SyncState::Stopped;
    {
        // The form and the Disconnect button replace each other: the focus
        // goes to the one shown, not to the page.
        let first = first.clone();
        use_effect_with(connected, move |_| {
            if let Some(e) = first.cast::<web_sys::HtmlElement>() {
                let _ = e.focus();
            }
        });
    }
    html! {
        <div class="sync-dialog" role="dialog" aria-modal="true" aria-labelledby="sync-title" ref={root} {onkeydown}>
            <h2 id="sync-title">{"Sync with a database"}</h2>
            <p class="sync-state" role="status">{ status_line(v) }</p>
            if let Some(f) = &v.failure {
                <p class="sync-failure" role="alert">{ f.clone() }</p>
            }
            if connected {
                { disconnect_button(&p.sync, &first) }
            } else {
                { form(v, onsubmit, [&first, &address, &db, &name, &password]) }
            }
            { conflicts(&v.conflicts, &p.sync, &p.doc) }
            if connected { { articles(v, &p.sync) } }
            <div class="sync-buttons"><button type="button" onclick={close}>{"Close"}</button></div>
        </div>
    }
}

fn status_line(v: &SyncView) -> String {
    match (&v.connection, v.state) {
        (Some((server, db, name)), SyncState::Synced | SyncState::Syncing | SyncState::Offline) => {
            let line = words::connected_to(db, server, name);
            format!(
                "{line} {}.",
                words::sync_button(v.state, v.waiting, v.conflicts.len())
            )
        }
        (_, SyncState::Connecting) => "Connecting…".into(),
        _ => "Not connected: your annotations stay in this browser.".into(),
    }
}

fn disconnect_button(sync: &Rc<Sync>, first: &NodeRef) -> Html {
    let sync = sync.clone();
    let onclick = Callback::from(move |_: MouseEvent| sync.disconnect());
    html! { <button type="button" ref={first.clone()} {onclick}>{"Disconnect"}</button> }
}

/// The sign-in form: `refs` are the first focus, address, database, name, password.
fn form(v: &SyncView, onsubmit: Callback<SubmitEvent>, refs: [&NodeRef; 5]) -> Html {
    let (address, db, name) = &v.saved;
    html! {
        <form class="sync-form" {onsubmit}>
            <label>{"Server address"}
                <input ref={refs[1].clone()} type="text" name="address" value={address.clone()} autocomplete="url"
                       placeholder="/couchdb/ or https://couch.example.org/" />
            </label>
            <label>{"Database"}<input ref={refs[2].clone()} type="text" name="database" value={db.clone()} /></label>
            <label>{"Name"}<input ref={refs[3].clone()} type="text" name="name" value={name.clone()} autocomplete="username" /></label>
            <label>{"Password"}
                <input ref={refs[4].clone()} type="password" name="password" autocomplete="current-password" />
            </label>
            <p class="sync-how">{"The password goes to the server once, for a session; it is never kept in this browser."}</p>
            <button type="submit" class="primary" ref={refs[0].clone()}>{"Connect"}</button>
        </form>
    }
}

/// The database's articles: the open one marked, the others with Open.
fn articles(v: &SyncView, sync: &Rc<Sync>) -> Html {
    if v.articles.is_empty() {
        return Html::default();
    }
    html! {
        <section class="sync-articles" aria-labelledby="sync-articles-title">
            <h3 id="sync-articles-title">{ format!("Articles in this database ({})", v.articles.len()) }</h3>
            <ul>
                { for v.articles.iter().map(|a| {
                    let what = words::listed(&a.title, a.chars);
                    let open = if a.sha == v.open_sha {
                        html! { <span class="sync-open-here">{"open here"}</span> }
                    } else {
                        let (sync, a2) = (sync.clone(), a.clone());
                        let onclick = Callback::from(move |_: MouseEvent| sync.open_article(a2.clone()));
                        html! { <button type="button" aria-label={format!("Open {}", a.title)} {onclick}>{"Open"}</button> }
                    };
                    html! { <li class="sync-article"><span>{ what }</span>{ open }</li> }
                }) }
            </ul>
        </section>
    }
}

fn conflicts(list: &[Conflict], sync: &Rc<Sync>, doc: &Doc) -> Html {
    if list.is_empty() {
        return Html::default();
    }
    let session = doc.session();
    html! {
        <section class="sync-conflicts" aria-labelledby="sync-conflicts-title">
            <h3 id="sync-conflicts-title">{ format!("Changed here and on the server ({})", list.len()) }</h3>
            <ul>
                { for list.iter().map(|c| {
                    let pick = |mine: bool| {
                        let (sync, key) = (sync.clone(), c.key.clone());
                        Callback::from(move |_: MouseEvent| sync.resolve(&key, mine))
                    };
                    html! {
                        <li class="sync-conflict">
                            <p>{"Yours: "}{ words::version(&session, c.mine.as_ref()) }</p>
                            <p>{"Theirs: "}{ words::version(&session, c.theirs.as_ref()) }</p>
                            <button type="button" onclick={pick(true)}>{"Keep mine"}</button>
                            <button type="button" onclick={pick(false)}>{"Keep theirs"}</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

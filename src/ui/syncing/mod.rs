//! Working as a team: the open article's annotations kept in step with a
//! CouchDB database. The hook owns the connection and the article's
//! [`Replica`]; the page sees a [`SyncView`]. Changes made here go out
//! (`_bulk_docs`) 200 ms after the change, one push at a time; the
//! changes feed is read every second (a normal feed: `longpoll` hangs
//! behind some servers, and a second keeps "within 2 s"), from where it
//! was last read, so a reconnect fetches only what is new. Changes that
//! come in are one [`Action::Merge`] each. A server that does not answer
//! leaves everything waiting and is tried again every 2 s; anything else
//! (signed out, not a member) stops until the user acts. Local work is
//! never touched by a failure.

mod feed;
mod look;

use super::doc::Doc;
use super::messages::sync::SyncState;
use super::store::State;
use crate::model::sync::docs::Listed;
use crate::model::sync::{Conflict, Failure, Key, Replica};
use crate::web::couch::Server;
use crate::web::storage;
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// What the page shows of the sync.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SyncView {
    pub open: bool,
    pub state: SyncState,
    /// (server, database, name) while connected or stopped.
    pub connection: Option<(String, String, String)>,
    pub waiting: usize,
    pub conflicts: Vec<Conflict>,
    /// Why the last attempt failed, as the user reads it.
    pub failure: Option<String>,
    /// What the dialog's fields start with: (address, database, name).
    pub saved: (String, String, String),
    /// The articles the database holds, and the open one's SHA-256.
    pub articles: Vec<Listed>,
    pub open_sha: String,
}

/// What the browser keeps of one article's replication: (database
/// address, text SHA-256, what is kept).
type Kept = (String, String, crate::model::sync::Kept);

/// The connection and the replica, shared by the hook, its async loops and
/// the dialog's callbacks.
pub struct Sync {
    server: RefCell<Option<Server>>,
    name: RefCell<String>,
    replica: RefCell<Option<Replica>>,
    doc: RefCell<Doc>,
    /// (article generation, session revision) the replica was last told of.
    seen: Cell<(u64, u64)>,
    /// Bumped by connect, disconnect, stop and a new article: loops of an
    /// older epoch end.
    epoch: Cell<u64>,
    state: Cell<SyncState>,
    pushing: Cell<bool>,
    push_timer: RefCell<Option<Timeout>>,
    failure: RefCell<Option<Failure>>,
    open: Cell<bool>,
    articles: RefCell<Vec<Listed>>,
    /// What the dialog's fields start with, read when it opens.
    saved: RefCell<(String, String, String)>,
    /// What [`Sync::keep`] last wrote.
    kept: RefCell<Option<Kept>>,
    /// The open article's text SHA-256 for [`Sync::keep_early`], by
    /// article generation.
    early_sha: RefCell<(u64, String)>,
    dispatch: UseReducerDispatcher<State>,
    view: RefCell<SyncView>,
    set_view: UseStateSetter<SyncView>,
}

impl Sync {
    fn live(&self, epoch: u64) -> bool {
        self.epoch.get() == epoch
    }

    fn server(&self) -> Option<Server> {
        self.server.borrow().clone()
    }

    /// Show the dialog (with the database's articles read again), or hide it.
    pub fn set_open(self: &Rc<Self>, open: bool) {
        self.open.set(open);
        if open {
            let saved = storage::sync_config().unwrap_or_else(|| {
                let name = storage::annotator_name();
                ("/couchdb/".into(), String::new(), name)
            });
            self.saved.replace(saved);
        }
        self.refresh();
        if open && self.replica.borrow().is_some() {
            let me = self.clone();
            yew::platform::spawn_local(async move { me.list_articles().await });
        }
    }

    /// Put the current figures in the view (a render only when they changed).
    fn refresh(&self) {
        let doc = self.doc.borrow().clone();
        let replica = self.replica.borrow();
        let waiting = replica.as_ref().map_or(0, |r| r.waiting(&doc.session()));
        let conflicts = replica
            .as_ref()
            .map(|r| r.conflicts().to_vec())
            .unwrap_or_default();
        let connection = self
            .server()
            .map(|s| (s.base, s.db, self.name.borrow().clone()));
        let saved = self.saved.borrow().clone();
        let open_sha = replica
            .as_ref()
            .map(|r| r.sha().to_owned())
            .unwrap_or_default();
        let view = SyncView {
            articles: self.articles.borrow().clone(),
            open_sha,
            open: self.open.get(),
            state: self.state.get(),
            connection,
            waiting,
            conflicts,
            failure: self.failure.borrow().as_ref().map(ToString::to_string),
            saved,
        };
        drop(replica);
        self.keep();
        if *self.view.borrow() != view {
            self.view.replace(view.clone());
            self.set_view.set(view);
        }
    }

    fn set_state(&self, state: SyncState) {
        self.state.set(state);
        self.refresh();
    }

    /// Sign in and connect; the dialog's Connect.
    pub fn connect(self: &Rc<Self>, address: String, db: String, name: String, password: String) {
        let me = self.clone();
        me.epoch.set(me.epoch.get() + 1);
        me.failure.replace(None);
        me.set_state(SyncState::Connecting);
        yew::platform::spawn_local(async move {
            let signed_in = async {
                let server = Server::new(&address, &db)?;
                server.sign_in(&name, &password).await?;
                server.info(&name).await?;
                Ok::<_, Failure>(server)
            };
            match signed_in.await {
                Ok(server) => {
                    storage::set_sync_config(Some((&address, &db, &name)));
                    me.server.replace(Some(server));
                    me.name.replace(name);
                    me.begin();
                }
                Err(f) => {
                    me.failure.replace(Some(f));
                    me.set_state(SyncState::Off);
                }
            }
        });
    }

    /// Reconnect at start to the database of the last session, with the
    /// server's session cookie (no password was kept).
    fn resume(self: &Rc<Self>) {
        let Some((address, db, name)) = storage::sync_config() else {
            return;
        };
        let Ok(server) = Server::new(&address, &db) else {
            return;
        };
        self.server.replace(Some(server));
        self.name.replace(name);
        self.begin();
    }

    /// Stop syncing and forget the database (the annotations stay here).
    pub fn disconnect(self: &Rc<Self>) {
        self.epoch.set(self.epoch.get() + 1);
        if let Some(server) = self.server.replace(None) {
            yew::platform::spawn_local(async move { server.sign_out().await });
        }
        storage::set_sync_config(None);
        self.replica.replace(None);
        self.failure.replace(None);
        self.set_state(SyncState::Off);
    }

    /// Keep one side of conflict `key`: mine (`true`) or theirs.
    pub fn resolve(self: &Rc<Self>, key: &Key, mine: bool) {
        self.note_changes();
        let doc = self.doc.borrow().clone();
        let merge =
            (self.replica.borrow_mut().as_mut()).and_then(|r| r.resolve(&doc.session(), key, mine));
        if let Some(merge) = merge {
            self.bring_in(merge);
        }
        self.refresh();
        self.push_soon();
    }

    /// After a render: the session as it is now; a new article starts over.
    fn changed(self: &Rc<Self>, doc: &Doc) {
        let new_article = self.doc.borrow().generation() != doc.generation();
        self.doc.replace(doc.clone());
        if self.server.borrow().is_none() {
            return;
        }
        if self.state.get() == SyncState::Stopped {
            // Nothing goes out until the user acts, but the count shows.
            if self.replica.borrow().is_none() {
                self.keep_early();
            }
            self.note_changes();
            return self.refresh();
        }
        if new_article {
            return self.begin();
        }
        if self.replica.borrow().is_none() {
            self.keep_early();
        }
        self.push_soon();
        self.refresh();
    }
}

/// Keep the open article in step with the database the user connected,
/// from the start if one was connected before.
#[hook]
pub fn use_sync(state: &UseReducerHandle<State>) -> (Rc<Sync>, SyncView) {
    let view = use_state(SyncView::default);
    let sync = {
        let (doc, dispatch, set_view) = (state.doc.clone(), state.dispatcher(), view.setter());
        use_memo((), move |_| {
            Rc::new(Sync {
                server: RefCell::new(None),
                name: RefCell::new(String::new()),
                replica: RefCell::new(None),
                seen: Cell::new((doc.generation(), 0)),
                doc: RefCell::new(doc),
                epoch: Cell::new(0),
                state: Cell::new(SyncState::Off),
                pushing: Cell::new(false),
                push_timer: RefCell::new(None),
                failure: RefCell::new(None),
                open: Cell::new(false),
                articles: RefCell::new(Vec::new()),
                saved: RefCell::default(),
                kept: RefCell::new(None),
                early_sha: RefCell::default(),
                dispatch,
                view: RefCell::new(SyncView::default()),
                set_view,
            })
        })
    };
    let booting = state.booting;
    {
        let sync = (*sync).clone();
        use_effect_with((state.doc.clone(), booting), move |(doc, booting)| {
            sync.changed(doc);
            if !*booting && sync.epoch.get() == 0 {
                sync.epoch.set(1);
                sync.resume();
            }
        });
    }
    ((*sync).clone(), (*view).clone())
}

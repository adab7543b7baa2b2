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

use super::doc::Doc;
use super::messages::sync::{self as words, SyncState};
use super::store::{Action, Notice, State};
use crate::model::format::sha256_hex;
use crate::model::sync::docs::{self, Listed};
use crate::model::sync::{Base, Conflict, Failure, Merge, Replica};
use crate::model::AnnotationId;
use crate::web::couch::Server;
use crate::web::storage;
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// How often the changes feed is read, in ms.
const PULL_EVERY_MS: i32 = 1_000;
/// How long after a failure to try again, in ms.
const RETRY_MS: i32 = 2_000;
/// How long after a change to push it, in ms (changes close together go as one).
const PUSH_AFTER_MS: u32 = 200;
/// The most changes read per request.
const PULL_LIMIT: usize = 1_000;

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
    dispatch: UseReducerDispatcher<State>,
    view: RefCell<SyncView>,
    set_view: UseStateSetter<SyncView>,
}

/// Wait `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
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
        let saved = storage::sync_config().unwrap_or_else(|| {
            let name = storage::annotator_name();
            ("/couchdb/".into(), String::new(), name)
        });
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

    /// Start with the open article: a new epoch, its first look, then the loops.
    fn begin(self: &Rc<Self>) {
        let epoch = self.epoch.get() + 1;
        self.epoch.set(epoch);
        self.replica.replace(None);
        self.set_state(SyncState::Connecting);
        let me = self.clone();
        yew::platform::spawn_local(async move {
            while me.live(epoch) {
                match me.first_look(epoch).await {
                    Ok(()) => break,
                    Err(f) if f.passes() => me.offline(f).await,
                    Err(f) => return me.stop(epoch, f).await,
                }
            }
            if me.live(epoch) {
                me.push_soon();
                me.pull_loop(epoch).await;
            }
        });
    }

    /// The article's documents on the server, merged with the session.
    async fn first_look(&self, epoch: u64) -> Result<(), Failure> {
        let server = self.server().ok_or(Failure::SignedOut)?;
        let name = self.name.borrow().clone();
        let sha = sha256_hex(self.doc.borrow().session().article().text.as_str());
        let mut replica = Replica::new(&sha);
        let info = server.info(&name).await?;
        let base = self.base(&server, &replica, &name).await?;
        let all = server.all_docs(&docs::prefix(&sha), &name).await?;
        if !self.live(epoch) {
            return Ok(());
        }
        let doc = self.doc.borrow().clone();
        let merge = {
            let session = doc.session();
            self.seen.set((doc.generation(), session.revision()));
            let started = replica.start(&session, &info, &all, base.as_ref());
            started.map_err(bad_reply)?
        };
        self.replica.replace(Some(replica));
        self.failure.replace(None);
        self.set_state(SyncState::Synced);
        self.bring_in(merge);
        self.share_article(&server, &sha, &doc, &name).await?;
        self.list_articles().await;
        Ok(())
    }

    /// Put the open article in the database if it is not there yet (its
    /// listing and its text and tag set as a native file), so teammates
    /// can open it from the Sync dialog.
    async fn share_article(
        &self,
        server: &Server,
        sha: &str,
        doc: &Doc,
        name: &str,
    ) -> Result<(), Failure> {
        if server.doc(&docs::article_id(sha), name).await?.is_some() {
            return Ok(());
        }
        let body = {
            let session = doc.session();
            let article = session.article();
            let bare =
                crate::model::Session::with_schema(article.clone(), session.schema().clone());
            let file = crate::model::format::export(&bare);
            let chars = article.text.char_len();
            docs::article_docs(sha, &article.title, &article.source, chars, &file)
        };
        server.bulk_docs(&body, name).await.map(drop)
    }

    /// Read the list of the database's articles into the view.
    async fn list_articles(&self) {
        let Some(server) = self.server() else { return };
        let name = self.name.borrow().clone();
        if let Ok(reply) = server.all_docs("article:", &name).await {
            if let Ok(listed) = docs::listed(&reply) {
                self.articles.replace(listed);
                self.refresh();
            }
        }
    }

    /// Open article `sha` from the database (as a native file opened from
    /// disk would be: the user is asked before unexported work goes); its
    /// annotations come in with the first look that follows.
    pub fn open_article(self: &Rc<Self>, listed: Listed) {
        let Some(server) = self.server() else { return };
        let me = self.clone();
        yew::platform::spawn_local(async move {
            let name = me.name.borrow().clone();
            let file = match server.doc(&docs::file_id(&listed.sha), &name).await {
                Ok(Some(body)) => docs::reply(&body).map(|r| r.file).unwrap_or_default(),
                Ok(None) => {
                    let reason = "the database lists this article but holds no text for it".into();
                    me.failure.replace(Some(Failure::Other {
                        status: 404,
                        reason,
                    }));
                    return me.refresh();
                }
                Err(f) => {
                    me.failure.replace(Some(f));
                    return me.refresh();
                }
            };
            let file_name = format!("{}.annotations.json", listed.title);
            let doc = me.doc.borrow().clone();
            me.set_open(false);
            super::exchange_actions::open_annotations(
                vec![(file_name, file.into_bytes())],
                &doc,
                &me.dispatch,
            );
        });
    }

    /// What the last visit kept of this article's replication, with what
    /// the server changed since; `None` on a first visit (or when the
    /// server no longer knows the kept sequence).
    async fn base(
        &self,
        server: &Server,
        replica: &Replica,
        name: &str,
    ) -> Result<Option<Base>, Failure> {
        let Some((mut since, pending)) = storage::sync_kept(&server.url(), replica.sha()) else {
            return Ok(None);
        };
        let mut changed = Vec::new();
        loop {
            let reply = match server.changes(&since, PULL_LIMIT, false, name).await {
                Err(Failure::Other { status: 400, .. }) => return Ok(None),
                reply => reply?,
            };
            let (ids, n, last) = replica.changed_ids(&reply).map_err(bad_reply)?;
            changed.extend(ids);
            if n < PULL_LIMIT || last == since {
                let pending = pending.into_iter().map(AnnotationId::new).collect();
                return Ok(Some(Base::new(changed, pending)));
            }
            since = last;
        }
    }

    /// Keep where the feed was read to and what waits, for the next visit.
    fn keep(&self) {
        let (Some(server), Some(replica)) = (
            self.server(),
            self.replica.borrow().as_ref().map(|r| {
                let doc = self.doc.borrow().clone();
                let pending = r.pending(&doc.session());
                (r.sha().to_owned(), r.since(), pending)
            }),
        ) else {
            return;
        };
        let (sha, since, pending) = replica;
        if let Some(since) = since {
            let pending = pending.into_iter().map(AnnotationId::into_string).collect();
            storage::set_sync_kept(&server.url(), &sha, &(since, pending));
        }
    }

    /// Read the changes feed until the epoch ends.
    async fn pull_loop(self: &Rc<Self>, epoch: u64) {
        while self.live(epoch) {
            let since = self.replica.borrow().as_ref().and_then(Replica::since);
            let (Some(server), Some(since)) = (self.server(), since) else {
                return;
            };
            let name = self.name.borrow().clone();
            match server.changes(&since, PULL_LIMIT, true, &name).await {
                Ok(body) if self.live(epoch) => {
                    let was_offline = self.state.get() == SyncState::Offline;
                    self.note_changes();
                    let merge = {
                        let doc = self.doc.borrow().clone();
                        let mut replica = self.replica.borrow_mut();
                        let Some(replica) = replica.as_mut() else {
                            return;
                        };
                        let merge = replica.incoming(&doc.session(), &body);
                        merge
                    };
                    match merge {
                        Ok(merge) => self.bring_in(merge),
                        Err(e) => return self.stop(epoch, bad_reply(e)).await,
                    }
                    self.set_state(SyncState::Synced);
                    if was_offline {
                        self.push_soon();
                    }
                    sleep(PULL_EVERY_MS).await;
                }
                Ok(_) => return,
                Err(f) if f.passes() => self.offline(f).await,
                Err(f) => return self.stop(epoch, f).await,
            }
        }
    }

    /// The server does not answer: say so, and wait before the next try.
    async fn offline(&self, f: Failure) {
        self.failure.replace(Some(f));
        self.set_state(SyncState::Offline);
        sleep(RETRY_MS).await;
    }

    /// Stop until the user acts; a refusal that may mean an ended session
    /// is told apart by asking the server who is signed in.
    async fn stop(&self, epoch: u64, f: Failure) {
        let f = match (&f, self.server()) {
            (Failure::NotMember { .. }, Some(server)) => match server.signed_in_as().await {
                Ok(None) => Failure::SignedOut,
                _ => f,
            },
            _ => f,
        };
        if self.live(epoch) {
            self.epoch.set(epoch + 1);
            self.failure.replace(Some(f));
            self.set_state(SyncState::Stopped);
        }
    }

    /// Tell the replica what the session changed since it was last told.
    fn note_changes(&self) {
        let doc = self.doc.borrow().clone();
        let session = doc.session();
        let (generation, revision) = self.seen.get();
        let mut replica = self.replica.borrow_mut();
        let Some(replica) = replica.as_mut() else {
            return;
        };
        if generation != doc.generation() || revision == session.revision() {
            return;
        }
        match session.touched_since(revision) {
            Some(t) => replica.touched(t.annotations),
            None => replica.touch_all(&session),
        }
        self.seen.set((generation, session.revision()));
    }

    /// Bring the server's changes into the session, and say what could not be.
    fn bring_in(&self, merge: Merge) {
        if let Some(command) = merge.command() {
            self.dispatch.dispatch(Action::Merge(command));
        }
        if !merge.not_read.is_empty() {
            let notice = Notice::Info(words::not_read(&merge.not_read));
            self.dispatch.dispatch(Action::Notify(notice));
        }
        self.refresh();
    }

    /// Push what changed, soon (changes close together go as one request).
    fn push_soon(self: &Rc<Self>) {
        if self.push_timer.borrow().is_some() {
            return;
        }
        let me = self.clone();
        let timer = Timeout::new(PUSH_AFTER_MS, move || {
            me.push_timer.replace(None);
            me.push();
        });
        self.push_timer.replace(Some(timer));
    }

    /// Send what differs from the server (one request at a time).
    fn push(self: &Rc<Self>) {
        let epoch = self.epoch.get();
        self.note_changes();
        if self.pushing.get() || !matches!(self.state.get(), SyncState::Synced | SyncState::Syncing)
        {
            return self.refresh();
        }
        let body = {
            let doc = self.doc.borrow().clone();
            let mut replica = self.replica.borrow_mut();
            replica.as_mut().and_then(|r| r.outgoing(&doc.session()))
        };
        let (Some(body), Some(server)) = (body, self.server()) else {
            return self.refresh();
        };
        self.pushing.set(true);
        self.set_state(SyncState::Syncing);
        let (me, name) = (self.clone(), self.name.borrow().clone());
        yew::platform::spawn_local(async move {
            let reply = server.bulk_docs(&body, &name).await;
            me.pushing.set(false);
            if !me.live(epoch) {
                return;
            }
            let refused = {
                let mut replica = me.replica.borrow_mut();
                let Some(replica) = replica.as_mut() else {
                    return;
                };
                match &reply {
                    Ok(reply) => replica.pushed(reply),
                    Err(_) => {
                        replica.push_failed();
                        Ok(Vec::new())
                    }
                }
            };
            match (reply, refused) {
                (Ok(_), Ok(refused)) => {
                    if let Some(first) = refused.first() {
                        let notice = Notice::Error(words::refused(refused.len(), first));
                        me.dispatch.dispatch(Action::Notify(notice));
                    }
                    me.set_state(SyncState::Synced);
                    me.push_soon();
                }
                (Ok(_), Err(e)) => me.stop(epoch, bad_reply(e)).await,
                (Err(f), _) if f.passes() => {
                    me.failure.replace(Some(f));
                    me.set_state(SyncState::Offline);
                }
                (Err(f), _) => me.stop(epoch, f).await,
            }
        });
    }

    /// Keep one side of conflict `id`: mine (`true`) or theirs.
    pub fn resolve(self: &Rc<Self>, id: &AnnotationId, mine: bool) {
        self.note_changes();
        let merge = self
            .replica
            .borrow_mut()
            .as_mut()
            .and_then(|r| r.resolve(id, mine));
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
            self.note_changes();
            return self.refresh();
        }
        if new_article {
            return self.begin();
        }
        self.push_soon();
        self.refresh();
    }
}

/// A reply that is not what CouchDB sends.
fn bad_reply(why: String) -> Failure {
    Failure::Other {
        status: 200,
        reason: format!("an answer this app cannot read: {why}"),
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

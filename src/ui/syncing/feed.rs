//! Reading the changes feed, pushing what changed, and what a failure
//! does to the sync (offline, stopped).

use super::Sync;
use crate::model::sync::{Failure, Key, Merge, Replica};
use crate::ui::messages::sync::{self as words, SyncState};
use crate::ui::store::{Action, Notice};
use gloo::timers::callback::Timeout;
use std::rc::Rc;

/// How often the changes feed is read, in ms.
pub(super) const PULL_EVERY_MS: i32 = 1_000;
/// How long after a failure to try again, in ms.
pub(super) const RETRY_MS: i32 = 2_000;
/// How long after a change to push it, in ms (changes close together go as one).
pub(super) const PUSH_AFTER_MS: u32 = 200;
/// The most changes read per request.
pub(super) const PULL_LIMIT: usize = 1_000;

/// Wait `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

impl Sync {
    /// Read the changes feed until the epoch ends.
    pub(super) async fn pull_loop(self: &Rc<Self>, epoch: u64) {
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
                    let (merge, new_conflicts) = {
                        let doc = self.doc.borrow().clone();
                        let mut replica = self.replica.borrow_mut();
                        let Some(replica) = replica.as_mut() else {
                            return;
                        };
                        let before = replica.conflicts().len();
                        let merge = replica.incoming(&doc.session(), &body);
                        (merge, replica.conflicts().len().saturating_sub(before))
                    };
                    if new_conflicts > 0 {
                        let notice = Notice::Info(words::conflicts_came(new_conflicts));
                        self.dispatch.dispatch(Action::Notify(notice));
                    }
                    match merge {
                        Ok(merge) => self.bring_in(merge),
                        Err(e) => return self.stop(epoch, bad_reply(e)).await,
                    }
                    if was_offline {
                        self.failure.replace(None);
                        self.push_soon();
                    }
                    self.set_state(SyncState::Synced);
                    sleep(PULL_EVERY_MS).await;
                }
                Ok(_) => return,
                Err(f) if f.passes() => self.offline(f).await,
                Err(f) => return self.stop(epoch, f).await,
            }
        }
    }

    /// The server does not answer: say so, and wait before the next try.
    pub(super) async fn offline(&self, f: Failure) {
        self.failure.replace(Some(f));
        self.set_state(SyncState::Offline);
        sleep(RETRY_MS).await;
    }

    /// Stop until the user acts; a refusal that may mean an ended session
    /// is told apart by asking the server who is signed in.
    pub(super) async fn stop(&self, epoch: u64, f: Failure) {
        let f = match (&f, self.server()) {
            (Failure::NotMember { .. }, Some(server)) => match server.signed_in_as().await {
                Ok(None) => Failure::SignedOut,
                _ => f,
            },
            _ => f,
        };
        if self.live(epoch) {
            self.epoch.set(epoch + 1);
            let notice = Notice::Error(f.to_string());
            self.failure.replace(Some(f));
            self.set_state(SyncState::Stopped);
            self.dispatch.dispatch(Action::Notify(notice));
        }
    }

    /// Tell the replica what the session changed since it was last told.
    pub(super) fn note_changes(&self) {
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
            Some(t) => replica.touched(Key::touched(t)),
            None => replica.touch_all(&session),
        }
        self.seen.set((generation, session.revision()));
    }

    /// Bring the server's changes into the session, and say what could not be.
    pub(super) fn bring_in(&self, merge: Merge) {
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
    pub(super) fn push_soon(self: &Rc<Self>) {
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
    pub(super) fn push(self: &Rc<Self>) {
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
                    me.set_state(SyncState::Synced);
                    match refused.first() {
                        // Refused documents wait for the next change (a
                        // server's validation would refuse them again now).
                        Some(first) => {
                            let notice = Notice::Error(words::refused(refused.len(), first));
                            me.dispatch.dispatch(Action::Notify(notice));
                        }
                        None => me.push_soon(),
                    }
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
}

/// A reply that is not what CouchDB sends.
pub(super) fn bad_reply(why: String) -> Failure {
    Failure::Other {
        status: 200,
        reason: format!("an answer this app cannot read: {why}"),
    }
}

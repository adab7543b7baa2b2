//! The first look at the server for the open article (with what this
//! browser kept of its last one), putting the article in the database,
//! listing and opening the database's articles.

use super::feed::{bad_reply, PULL_LIMIT};
use super::Sync;
use crate::model::format::sha256_hex;
use crate::model::sync::docs::{self, Listed};
use crate::model::sync::{Base, Failure, Key, Replica};
use crate::ui::doc::Doc;
use crate::ui::messages::sync::SyncState;
use crate::web::couch::Server;
use crate::web::storage;
use std::rc::Rc;

impl Sync {
    /// Start with the open article: a new epoch, its first look, then the loops.
    pub(super) fn begin(self: &Rc<Self>) {
        let epoch = self.epoch.get() + 1;
        self.epoch.set(epoch);
        let had = self.replica.replace(None).is_some();
        let doc = self.doc.borrow().clone();
        // Without a replica (never connected, disconnected, stopped) the
        // changes since the last one was told stay this browser's changes.
        if had || self.seen.get().0 != doc.generation() {
            self.seen.set((doc.generation(), doc.session().revision()));
        }
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
    pub(super) async fn first_look(&self, epoch: u64) -> Result<(), Failure> {
        let server = self.server().ok_or(Failure::SignedOut)?;
        let name = self.name.borrow().clone();
        let sha = sha256_hex(self.doc.borrow().session().article().text.as_str());
        let mut replica = Replica::new(&sha);
        let info = server.info(&name).await?;
        let base = self.base(&server, &replica, &name).await?;
        let [annotations, relations] = docs::prefixes(&sha);
        let all = [
            server.all_docs(&annotations, &name).await?,
            server.all_docs(&relations, &name).await?,
        ];
        if !self.live(epoch) {
            return Ok(());
        }
        let doc = self.doc.borrow().clone();
        let merge = {
            let session = doc.session();
            // What changed here since `begin` (offline until now, say) is
            // this browser's change too.
            let (generation, revision) = self.seen.get();
            let early = session
                .touched_since(revision)
                .filter(|_| generation == doc.generation());
            let early: Vec<Key> = early.map(Key::touched).into_iter().flatten().collect();
            // No kept record: what changed here since is still this
            // browser's change (sent, not undone by the later-change rule).
            let base = match base {
                Some(b) => Some(b.with_pending(early)),
                None if early.is_empty() => None,
                None => Some(Base::new(Vec::new(), &Default::default()).with_pending(early)),
            };
            self.seen.set((doc.generation(), session.revision()));
            let started = replica.start(&session, &info, &[&all[0], &all[1]], base.as_ref());
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
    pub(super) async fn share_article(
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
    pub(super) async fn list_articles(&self) {
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
            crate::ui::exchange_actions::open_annotations(
                vec![(file_name, file.into_bytes())],
                &doc,
                &me.dispatch,
            );
        });
    }

    /// What the last visit kept of this article's replication, with what
    /// the server changed since; `None` on a first visit (or when the
    /// server no longer knows the kept sequence).
    pub(super) async fn base(
        &self,
        server: &Server,
        replica: &Replica,
        name: &str,
    ) -> Result<Option<Base>, Failure> {
        let Some(kept) = storage::sync_kept(&server.url(), replica.sha()) else {
            return Ok(None);
        };
        let mut since = kept.since.clone();
        let mut changed = Vec::new();
        loop {
            let reply = match server.changes(&since, PULL_LIMIT, false, name).await {
                Err(Failure::Other { status: 400, .. }) => return Ok(None),
                reply => reply?,
            };
            let (ids, n, last) = replica.changed_ids(&reply).map_err(bad_reply)?;
            changed.extend(ids);
            if n < PULL_LIMIT || last == since {
                return Ok(Some(Base::new(changed, &kept)));
            }
            since = last;
        }
    }

    /// Before the first look has answered (offline since the visit
    /// began): add what changed since [`Sync::begin`] to the record kept
    /// for the next visit, so that a deletion made now is sent then, not
    /// undone. O(text) for its SHA-256 once per article, then O(touched).
    pub(super) fn keep_early(&self) {
        let Some(server) = self.server() else { return };
        let doc = self.doc.borrow().clone();
        let session = doc.session();
        let (generation, revision) = self.seen.get();
        let Some(touched) = session.touched_since(revision) else {
            return;
        };
        if generation != doc.generation() {
            return;
        }
        let sha = {
            let mut cached = self.early_sha.borrow_mut();
            if cached.0 != generation || cached.1.is_empty() {
                *cached = (generation, sha256_hex(session.article().text.as_str()));
            }
            cached.1.clone()
        };
        let Some(mut kept) = storage::sync_kept(&server.url(), &sha) else {
            return;
        };
        kept.pending.extend(Key::touched(touched).map(|k| k.kept()));
        crate::model::sort::by(&mut kept.pending, |a, b| a.cmp(b));
        kept.pending.dedup();
        storage::set_sync_kept(&server.url(), &sha, &kept);
    }

    /// Keep where the feed was read to, what waits and what this tab
    /// wrote, for the next visit.
    pub(super) fn keep(&self) {
        let Some(server) = self.server() else { return };
        let kept = self.replica.borrow().as_ref().and_then(|r| {
            let doc = self.doc.borrow().clone();
            let kept = r.kept(&doc.session());
            kept.map(|k| (r.sha().to_owned(), k))
        });
        let Some((sha, kept)) = kept else { return };
        let now = (server.url(), sha, kept);
        // Written only when it changed: refreshes come with every change.
        if self.kept.borrow().as_ref() != Some(&now) {
            storage::set_sync_kept(&now.0, &now.1, &now.2);
            self.kept.replace(Some(now));
        }
    }
}

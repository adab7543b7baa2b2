//! The state the app starts in. The page starts with no article
//! ([`placeholder`]) while the library opens; then [`boot`] moves the
//! version 2 `localStorage` records in (once), picks the article this tab
//! showed (else the one changed last, else the sample) and restores it.
//! Work that fails the checks is copied aside (never over an earlier
//! copy) and its records are left as they were; the next article is
//! tried. Without IndexedDB the sample opens and nothing is kept.

use super::adjudicating::Resume;
use super::library_save::Library;
use super::messages;
use super::store::{Action, Notice, Saving, State};
use crate::model::library::{select, Batch, Entry, Label, LibraryKey, Query, Records, Row, Store};
use crate::model::{sample::sample_article, Article, Session};
use crate::web::library_db::Db;
use crate::web::{clock, storage, Error};
use std::rc::Rc;
use yew::UseReducerDispatcher;

/// The state before the library answered: an empty article, not saved.
pub fn placeholder() -> State {
    let empty = Article::from_plain(String::new(), String::new(), String::new());
    let mut state = State::new(Session::new(empty), None, Saving::On);
    state.booting = true;
    // Cleaned as when it is set: storage may hold anything.
    state.annotator = crate::model::limits::creator_name(&crate::web::storage::annotator_name());
    state
}

/// Every article of the library with its label, entries that cannot be
/// read listed as such. O(articles).
///
/// # Errors
/// When the stores cannot be read.
pub async fn rows(db: &Db) -> Result<Vec<Row>, Error> {
    let labels = db.all(Store::Labels).await?;
    let mut rows: Vec<Row> = db
        .all(Store::Entries)
        .await?
        .into_iter()
        .map(|(key, json)| {
            let label = labels
                .iter()
                .find(|(k, _)| *k == key)
                .and_then(|(_, l)| Label::parse(l).ok())
                .unwrap_or_else(Label::new);
            Row {
                key: LibraryKey::new(key),
                entry: Entry::parse(&json),
                label,
            }
        })
        .collect();
    crate::model::sort::by(&mut rows, |a, b| a.key.cmp(&b.key));
    Ok(rows)
}

/// Open the library and show what the page starts with.
pub async fn boot(library: Rc<Library>, dispatch: UseReducerDispatcher<State>) {
    let db = match Db::open().await {
        Ok(db) => Rc::new(db),
        Err(e) => {
            return dispatch.dispatch(Action::Restore {
                session: Box::new(Session::new(sample_article())),
                kept: None,
                notice: Some(Notice::Error(e.to_string())),
                saving: Some(Saving::Off),
                resume: None,
            })
        }
    };
    *library.db.borrow_mut() = Some(db.clone());
    let (moved, mut notices) = move_v2_in(&db).await;
    let rows = rows(&db).await.unwrap_or_default();
    let mut candidates: Vec<LibraryKey> = storage::open_here().into_iter().chain(moved).collect();
    candidates.extend(
        select(&rows, &Query::default())
            .into_iter()
            .map(|i| rows[i].key.clone()),
    );
    for key in candidates {
        let Some(row) = rows.iter().find(|r| r.key == key && !r.in_bin()) else {
            continue;
        };
        let Ok(entry) = &row.entry else { continue };
        match open(&library, &db, row).await {
            Ok((session, resume)) => {
                let notice = notices.pop().map(Notice::Error);
                return dispatch.dispatch(Action::Restore {
                    session: Box::new(session),
                    kept: Some((key, entry.added.clone())),
                    notice,
                    saving: Some(Saving::On),
                    resume,
                });
            }
            Err(why) => notices.push(why),
        }
    }
    dispatch.dispatch(Action::Restore {
        session: Box::new(Session::new(sample_article())),
        kept: None,
        notice: notices.pop().map(Notice::Error),
        saving: Some(Saving::On),
        resume: None,
    });
}

/// The session of library article `row` with its undo history, to show
/// and edit, and the adjudication kept with it (told to `library`; one
/// that fails the checks is copied aside and removed, and the reason
/// says so); when the article fails the checks, a copy of its records is
/// kept aside and the sentence saying so is the error.
pub async fn open(library: &Library, db: &Db, row: &Row) -> Result<(Session, Resume), String> {
    let (session, records) = restored(db, row, true).await?;
    let mut resume = super::adjudicating::resume_from(&records);
    if let (Some(Err(why)), Some(plan)) = (&mut resume, &records.adjudication) {
        // Copied aside like damaged work, then removed: said once.
        let aside = format!("adjudication {}", row.key);
        let kept = keep_aside(db, &aside, plan).await;
        if kept.is_ok() && db.write(&Batch::adjudication_over(&row.key)).await.is_ok() {
            why.push_str("; a copy is kept aside");
        }
    }
    super::adjudication_save::read_back(library, &row.key, &resume);
    Ok((session, resume))
}

/// As [`open`], without the undo history (to export or compare).
pub async fn read(db: &Db, row: &Row) -> Result<Session, String> {
    restored(db, row, false).await.map(|(session, _)| session)
}

async fn restored(db: &Db, row: &Row, history: bool) -> Result<(Session, Records), String> {
    let entry = row
        .entry
        .as_ref()
        .map_err(|e| messages::article_unreadable_left(row.title(), e))?;
    let records = db.records(&row.key).await.map_err(|e| e.to_string())?;
    let session = if history {
        records.restore_for_editing(entry, &row.label)
    } else {
        records.restore(entry, &row.label)
    };
    match session {
        Ok(session) => Ok((session, records)),
        Err(why) => {
            let doc = records.assemble().unwrap_or_default();
            let aside = format!("article {}", row.key);
            Err(match keep_aside(db, &aside, &doc).await {
                Ok(()) => messages::article_unreadable_kept(row.title(), &why),
                Err(_) => messages::article_unreadable_left(row.title(), &why),
            })
        }
    }
}

/// Keep `doc` aside as `key`, unless a copy is there already (an earlier
/// copy is never overwritten); read back, since a copy not there is none.
async fn keep_aside(db: &Db, key: &str, doc: &str) -> Result<(), Error> {
    if db.get(Store::Aside, key).await?.is_some() {
        return Ok(());
    }
    db.write(&Batch::aside(key, doc)).await?;
    match db.get(Store::Aside, key).await? {
        Some(kept) if kept == doc => Ok(()),
        _ => Err(Error::LibraryFull),
    }
}

/// Move the version 2 records into the library: the article they hold
/// (its key), or a copy set aside when they fail the checks; the records
/// are removed only once the library holds them. Work the previous
/// version set aside is copied too and stays where it is.
async fn move_v2_in(db: &Db) -> (Option<LibraryKey>, Vec<String>) {
    let mut notices = Vec::new();
    if let Some(old) = storage::unreadable_v2() {
        let _ = keep_aside(db, storage::UNREADABLE_KEY, &old).await;
    }
    let Some(v2) = storage::load_v2() else {
        return (None, notices);
    };
    match v2.session() {
        Ok(session) => {
            let (key, now) = (
                LibraryKey::new(clock::new_id().into_string()),
                clock::now_rfc3339(),
            );
            let entry = Entry::of(&key, &session, &now, &now);
            match db
                .write(&Batch::whole(&key, &session, &entry, Some(&Label::new())))
                .await
            {
                Ok(()) => {
                    storage::clear_v2();
                    return (Some(key), notices);
                }
                Err(e) => notices.push(e.to_string()),
            }
        }
        Err(why) => {
            let aside = format!("localStorage {}", clock::now_rfc3339());
            match keep_aside(db, &aside, &v2.assemble()).await {
                Ok(()) => {
                    storage::clear_v2();
                    notices.push(messages::restore_failed_kept(&why));
                }
                Err(e) => notices.push(messages::restore_failed_left(&why, &e)),
            }
        }
    }
    (None, notices)
}

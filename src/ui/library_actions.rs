//! What the library view does: read the list, open an article, set a
//! label (rename, status, bin) or forget an article. Each write is one
//! transaction and is told to the other tabs.

use super::boot;
use super::exchange_actions::run;
use super::library_save::Library;
use super::library_sync::read_row;
use super::messages;
use super::store::{Action, Notice, State};
use crate::model::exchange::job::{Job, Reply};
use crate::model::exchange::Format;
use crate::model::library::{Batch, Label, LibraryKey, Row};
use crate::web::download;
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
    let (Some(db), d, library) = (library.db(), dispatch.clone(), library.clone()) else {
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
        d.dispatch(match boot::open(&library, &db, &row).await {
            Ok((session, resume)) => {
                let message =
                    messages::opened_from_library(row.title(), session.annotations().len());
                d.dispatch(Action::Library(false));
                Action::Restore {
                    session: Box::new(session),
                    kept: Some((key, added)),
                    notice: Some(Notice::Info(message)),
                    saving: None,
                    resume,
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

/// The file name of a native library export; other formats' start with
/// [`EXPORT_STEM`].
pub const EXPORT_FILE: &str = "library.annotations.jsonl";
pub const EXPORT_STEM: &str = "library";

/// Download `rows` (those the view shows) as one file: native files as
/// JSONL, or in another tool's `format` through the converters (one file
/// or a zip, [`crate::model::exchange::export_many`]). A row that cannot be
/// restored is left out and named.
pub fn export(library: &Rc<Library>, rows: Vec<Row>, format: Option<Format>, dispatch: &Dispatch) {
    let (Some(db), d) = (library.db(), dispatch.clone()) else {
        return;
    };
    yew::platform::spawn_local(async move {
        let (mut sessions, mut left_out) = (Vec::new(), Vec::new());
        for row in &rows {
            match boot::read(&db, row).await {
                Ok(s) => sessions.push(s),
                Err(_) => left_out.push(row.title().to_owned()),
            }
        }
        let n = sessions.len();
        let Some(format) = format else {
            let jsonl = crate::model::library::bundle::to_jsonl(&sessions);
            let done = download::download(EXPORT_FILE, &jsonl, "application/jsonl");
            return d.dispatch(Action::Notify(match done {
                Ok(()) => Notice::Info(messages::library_exported(n, EXPORT_FILE, None, &left_out)),
                Err(e) => Notice::Error(e.to_string()),
            }));
        };
        let job = Job::ExportMany {
            natives: sessions.iter().map(crate::model::format::export).collect(),
            format,
            everything: false,
            stem: EXPORT_STEM.to_owned(),
        };
        drop(sessions);
        run(job, Vec::new(), move |reply, bytes| {
            d.dispatch(Action::Notify(match reply {
                Reply::Exported(e) => match download::download_bytes(&e.name, &bytes, &e.mime) {
                    Ok(()) => Notice::Info(
                        messages::library_exported(n, &e.name, Some(format.label()), &left_out)
                            + &messages::caveats(&e),
                    ),
                    Err(err) => Notice::Error(err.to_string()),
                },
                Reply::Failed(why) => Notice::Error(why),
                _ => Notice::Error(messages::CONVERTER_CONFUSED.into()),
            }))
        });
    });
}

/// Import a dataset file into the library, each document a new article:
/// the library's JSONL is read here; any other (doccano, spaCy, Label
/// Studio, a zip of brat pairs) by the converters. Then `done` (to list
/// again).
pub fn import(
    library: &Rc<Library>,
    file: web_sys::File,
    dispatch: &Dispatch,
    done: impl FnOnce() + 'static,
) {
    use crate::model::library::bundle;
    use crate::web::files;
    let (me, d) = (library.clone(), dispatch.clone());
    let reader = files::read(file, move |name, bytes| {
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                let said = messages::cannot_open(&name, &e);
                return d.dispatch(Action::Notify(Notice::Error(said)));
            }
        };
        let (read, bad) = bundle::from_jsonl(&String::from_utf8_lossy(&bytes));
        if !read.is_empty() {
            let bad = bad
                .iter()
                .map(|b| (format!("line {}", b.line), b.error.to_string()));
            return keep_imported(&me, read, (name, bad.collect(), 0), &d, done);
        }
        let job = Job::OpenDataset { name: name.clone() };
        let (me, d) = (me.clone(), d.clone());
        run(job, vec![bytes], move |reply, _| match reply {
            Reply::Dataset(r) => {
                let (read, _) = bundle::from_jsonl(&r.jsonl);
                keep_imported(&me, read, (name, r.bad, r.not_placed), &d, done);
            }
            Reply::Failed(why) => {
                let said = messages::library_not_imported(&name, &why);
                d.dispatch(Action::Notify(Notice::Error(said)));
            }
            _ => d.dispatch(Action::Notify(Notice::Error(
                messages::CONVERTER_CONFUSED.into(),
            ))),
        });
    });
    // The read runs while the reader lives; a new import cancels it.
    *library.reader.borrow_mut() = Some(reader);
}

/// What an import read, for its message: the file's name, the documents
/// that could not be read (where, why), the annotations not placed.
type Read = (String, Vec<(String, String)>, usize);

/// Write the articles `read` into the library in one transaction, then
/// say what came in and what did not, and call `done`.
fn keep_imported(
    library: &Rc<Library>,
    read: Vec<crate::model::format::Imported>,
    (name, bad, not_placed): Read,
    dispatch: &Dispatch,
    done: impl FnOnce() + 'static,
) {
    use crate::model::library::Entry;
    use crate::web::clock;
    let mut batch = Batch::default();
    let now = clock::now_rfc3339();
    for imported in &read {
        let key = LibraryKey::new(clock::new_id().into_string());
        let entry = Entry::of(&key, &imported.session, &now, &now);
        let whole = Batch::whole(&key, &imported.session, &entry, Some(&Label::new()));
        batch.ops.extend(whole.ops);
    }
    let (n, me, d) = (read.len(), library.clone(), dispatch.clone());
    library.write(batch, move |r| {
        let said = match r {
            Ok(()) => Notice::Info(messages::library_imported(n, &name, &bad, not_placed)),
            Err(e) => Notice::Error(e.to_string()),
        };
        d.dispatch(Action::Notify(said));
        if let Some(t) = me.tabs.borrow().as_ref() {
            t.listed();
        }
        done();
    });
}

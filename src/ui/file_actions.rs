//! Opening articles and annotation files from the file inputs, drops and
//! pastes; exporting. Each action leaves the current work untouched when it
//! fails or the user declines to discard unexported changes.

use super::doc::Doc;
use super::exchange_actions;
use super::messages;
use super::store::{Action, Notice, State};
use crate::model::load::LoadError;
use crate::model::Article;
use crate::model::{format, limits, load, slug};
use crate::web::html_dom::PageLoad;
use crate::web::slices::{self, Ticket};
use crate::web::{download, files, Error};
use gloo::file::callbacks::FileReader;
use std::cell::RefCell;
use std::rc::Rc;
use yew::UseReducerDispatcher;

type Dispatch = UseReducerDispatcher<State>;

/// The file read in flight; replacing it cancels the previous read.
pub type Readers = Rc<RefCell<Option<FileReader>>>;

/// What a file is opened as.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Article,
    Annotations,
    /// Annotation files of one article, one per annotator, to compare.
    Compare,
}

impl FileKind {
    /// By extension: annotation files (`.json`, `.jsonld`, `.jsonl`, and
    /// brat's `.ann` with its `.txt`) are annotations, others articles.
    pub fn guess(file_names: &[String]) -> Self {
        let annotations = [".json", ".jsonld", ".jsonl", ".ann"];
        let is_annotations = |n: &String| {
            let n = n.to_ascii_lowercase();
            annotations.iter().any(|ext| n.ends_with(ext))
        };
        if file_names.iter().any(is_annotations) {
            FileKind::Annotations
        } else {
            FileKind::Article
        }
    }
}

/// True when there is nothing unexported, or the user agrees to discard it.
/// Reads the session as it is now (`doc` may be an old handle).
pub fn may_discard(doc: &Doc) -> bool {
    let (unexported, n) = {
        let s = doc.session();
        (s.has_unexported(), s.annotations().len())
    };
    !unexported || n == 0 || gloo::dialogs::confirm(&messages::discard(n))
}

/// True when a new article may replace the open one: the library keeps
/// it, or [`may_discard`].
pub fn may_replace(doc: &Doc) -> bool {
    super::library_save::keeping() || may_discard(doc)
}

/// Read `files` and open them as `kind`: an article is the first file;
/// annotations one file of any format we read, or brat's `.txt` and `.ann`
/// ([`exchange::open`], onto the article open when the file holds no text
/// or the same). Unexported work is discarded only after the file has
/// loaded and the user agreed ([`may_discard`]), so a bad file never costs
/// anything. Opening a file cancels the loading of another.
pub fn open_file(
    mut files: Vec<web_sys::File>,
    kind: FileKind,
    doc: &Doc,
    dispatch: &Dispatch,
    readers: &Readers,
) {
    slices::cancel_all();
    let ticket = Ticket::take();
    if kind == FileKind::Article {
        files.truncate(1);
    }
    // Refuse a file too large before reading it into memory.
    let limit = match kind {
        FileKind::Article => load::MAX_BYTES,
        FileKind::Annotations | FileKind::Compare => limits::MAX_FILE_BYTES,
    };
    if let Some(big) = files.iter().find(|f| f.size() > limit as f64) {
        return dispatch.dispatch(error(too_large(big, kind)));
    }
    // Large files take a moment to read and parse: say so at once.
    if let Some(big) = files.iter().find(|f| f.size() > 1_048_576.0) {
        dispatch.dispatch(Action::Notify(Notice::Progress {
            label: messages::reading_file(&big.name(), big.size()),
            percent: 0,
        }));
    }
    let (doc, dispatch) = (doc.clone(), dispatch.clone());
    read_all(files, Vec::new(), readers.clone(), move |read| {
        if !ticket.valid() {
            return;
        }
        let read = match read {
            Ok(read) => read,
            Err((name, e)) => return dispatch.dispatch(error(messages::cannot_open(&name, &e))),
        };
        match kind {
            FileKind::Article => {
                let (name, bytes) = read.into_iter().next().expect("one file");
                let d = dispatch.clone();
                load_article(ticket, name, bytes, &dispatch, move |name, loaded| {
                    d.dispatch(match loaded {
                        Ok(_) if !may_replace(&doc) => Action::Dismiss,
                        Ok((article, note)) => Action::Open { article, note },
                        Err(e) => error(messages::cannot_open(&name, &e)),
                    });
                });
            }
            FileKind::Annotations => exchange_actions::open_annotations(read, &doc, &dispatch),
            FileKind::Compare => exchange_actions::compare(read, &dispatch),
        }
    });
}

/// Why `file`, over the limit for `kind`, is refused before it is read.
fn too_large(file: &web_sys::File, kind: FileKind) -> String {
    let n_bytes = file.size() as u64;
    match kind {
        FileKind::Article => {
            let e = LoadError::TooLarge(n_bytes as usize, load::MAX_BYTES);
            messages::cannot_open(&file.name(), &e)
        }
        FileKind::Annotations | FileKind::Compare => {
            let e = format::ImportError::Limit(limits::Exceeded::FileBytes(n_bytes));
            messages::cannot_import(&file.name(), &e)
        }
    }
}

/// Read `files` one after another (each reader kept in `readers`, so that
/// a new opening cancels it), then hand `done` every name and bytes, or
/// the first file that could not be read.
fn read_all(
    mut files: Vec<web_sys::File>,
    mut read: Vec<(String, Vec<u8>)>,
    readers: Readers,
    done: impl FnOnce(Result<Vec<(String, Vec<u8>)>, (String, Error)>) + 'static,
) {
    if files.is_empty() {
        return done(Ok(read));
    }
    let file = files.remove(0);
    let next = readers.clone();
    let reader = files::read(file, move |name, bytes| match bytes {
        Ok(bytes) => {
            read.push((name, bytes));
            read_all(files, read, next, done);
        }
        Err(e) => done(Err((name, e))),
    });
    *readers.borrow_mut() = Some(reader);
}

/// What loading an article gives: the article and a note for the user about
/// how it was read.
type Loaded = Result<(Article, Option<String>), Error>;

/// Load an article from a file and hand it to `done`. Text loads at once,
/// Markdown in the converters' worker, a web page in slices ([`PageLoad`])
/// with its progress shown, so that a large one never holds the page long.
fn load_article(
    ticket: Ticket,
    name: String,
    bytes: Vec<u8>,
    dispatch: &Dispatch,
    done: impl FnOnce(String, Loaded) + 'static,
) {
    match load::kind_of(&name) {
        Ok(load::Kind::Html) => {}
        Ok(load::Kind::Markdown) => {
            let n = name.clone();
            // Dropped if another opening started meanwhile.
            return exchange_actions::load_markdown(&name, bytes, move |loaded| {
                if ticket.valid() {
                    done(n, loaded.map(|a| (a, None)).map_err(Error::Said));
                }
            });
        }
        Ok(load::Kind::Text) => {
            let loaded = load::load_text(&name, &bytes)
                .map(|a| (a, None))
                .map_err(Error::from);
            return done(name, loaded);
        }
        Err(e) => return done(name, Err(e.into())),
    }
    let (mut page, charset_note) = match PageLoad::start(bytes, load::stem(&name)) {
        Ok(started) => started,
        Err(e) => return done(name, Err(e)),
    };
    let progress = progress_notice(messages::loading(&name), dispatch);
    slices::run(
        move || ticket.valid(),
        move || page.step(),
        progress,
        move |extracted| {
            let loaded = extracted.and_then(|(article, found)| {
                let notes: Vec<String> = charset_note
                    .into_iter()
                    .chain((!found).then(|| messages::NO_ARTICLE_FOUND.to_owned()))
                    .collect();
                let note = (!notes.is_empty()).then(|| notes.join(" "));
                load::finish(article, &name)
                    .map(|a| (a, note))
                    .map_err(Error::from)
            });
            done(name, loaded);
        },
    );
}

/// Open pasted rich content: its HTML through extraction (in slices, like
/// a file), else its text. Like every opening, it cancels a page still
/// loading.
pub fn open_pasted_html(html: &str, text: &str, dispatch: &Dispatch) {
    slices::cancel_all();
    let Ok(mut page) = PageLoad::from_html(html.to_owned(), "Pasted page") else {
        return open_pasted(text, dispatch);
    };
    let ticket = Ticket::take();
    let (text, d) = (text.to_owned(), dispatch.clone());
    slices::run(
        move || ticket.valid(),
        move || page.step(),
        progress_notice(messages::READING_PASTED_PAGE.into(), dispatch),
        move |extracted| match extracted.ok().filter(|(a, _)| !a.blocks.is_empty()) {
            Some((mut article, _)) => {
                article.source = String::new();
                d.dispatch(Action::Open {
                    article,
                    note: None,
                });
            }
            None => open_pasted(&text, &d),
        },
    );
}

/// A progress bar labelled `label`, updated (at most once per percent) as a
/// job moves along.
fn progress_notice(label: String, dispatch: &Dispatch) -> impl FnMut(f64) {
    let (dispatch, mut shown) = (dispatch.clone(), None);
    move |along: f64| {
        let percent = (along * 100.0) as u8;
        if shown != Some(percent) {
            shown = Some(percent);
            dispatch.dispatch(Action::Notify(Notice::Progress {
                label: label.clone(),
                percent,
            }));
        }
    }
}

/// Open pasted text as a new article (cancelling a page still loading).
pub fn open_pasted(text: &str, dispatch: &Dispatch) {
    slices::cancel_all();
    dispatch.dispatch(match load::load_pasted(text) {
        Ok(article) => Action::Open {
            article,
            note: None,
        },
        Err(e) => error(messages::cannot_paste(&e)),
    });
}

/// Download the session as `<slug>.annotations.json`.
pub fn export(doc: &Doc, dispatch: &Dispatch) {
    let (name, contents) = {
        let session = doc.session();
        (
            format!("{}.annotations.json", slug(&session.article().title)),
            format::export(&session),
        )
    };
    dispatch.dispatch(
        match download::download(&name, &contents, "application/json") {
            Ok(()) => Action::Exported { file_name: name },
            Err(e) => error(e.to_string()),
        },
    );
}

/// Download the claims' ClaimReviews as `<slug>.claimreview.json`; the
/// notice says what they lack. Not the native file: nothing is marked
/// exported.
pub fn export_claim_reviews(doc: &Doc, dispatch: &Dispatch) {
    let (name, reviews) = {
        let session = doc.session();
        (
            format!("{}.claimreview.json", slug(&session.article().title)),
            format::claimreview::claim_reviews(&session),
        )
    };
    dispatch.dispatch(
        match download::download(&name, &reviews.json_ld, "application/ld+json") {
            Ok(()) => Action::Notify(Notice::Info(messages::claim_reviews_exported(
                reviews.n_reviews,
                &name,
                &reviews.missing,
            ))),
            Err(e) => error(e.to_string()),
        },
    );
}

/// Download the session's tag set as `<slug>.tag-set.json`.
pub fn save_tag_set(doc: &Doc, dispatch: &Dispatch) {
    let (name, contents) = {
        let session = doc.session();
        (
            format!("{}.tag-set.json", slug(&session.article().title)),
            format::tag_set::export_tag_set(session.schema()),
        )
    };
    dispatch.dispatch(
        match download::download(&name, &contents, "application/json") {
            Ok(()) => Action::Notify(Notice::Info(messages::tag_set_saved(&name))),
            Err(e) => error(e.to_string()),
        },
    );
}

/// Read a tag set file (or an annotations file, for its tag set) and use
/// it ([`Command::UseSchema`](crate::model::Command::UseSchema)): a bad
/// file, or one that does not fit the annotations, changes nothing and
/// says why.
pub fn load_tag_set(file: web_sys::File, dispatch: &Dispatch, readers: &Readers) {
    if let Err(e) = limits::check_file_bytes(file.size() as u64) {
        let e = format::ImportError::Limit(e);
        return dispatch.dispatch(error(messages::cannot_load_tag_set(&file.name(), &e)));
    }
    let dispatch = dispatch.clone();
    let reader = files::read(file, move |name, bytes| {
        let schema = bytes
            .map_err(|e| e.to_string())
            .and_then(|b| format::tag_set::import_tag_set(&b).map_err(|e| e.to_string()));
        dispatch.dispatch(match schema {
            Ok(schema) => Action::Apply(crate::model::Command::UseSchema(schema)),
            Err(why) => error(messages::cannot_load_tag_set(&name, &why)),
        });
    });
    *readers.borrow_mut() = Some(reader);
}

pub(super) fn error(message: String) -> Action {
    Action::Notify(Notice::Error(message))
}

//! Opening articles and annotation files from the file inputs, drops and
//! pastes; exporting. Each action leaves the current work untouched when it
//! fails or the user declines to discard unexported changes.

use super::store::{Action, Notice, State};
use crate::model::load::LoadError;
use crate::model::Article;
use crate::model::{format, load, slug, Session};
use crate::web::html_dom::PageLoad;
use crate::web::slices::{self, Ticket};
use crate::web::{download, files};
use gloo::file::callbacks::FileReader;
use std::cell::RefCell;
use std::rc::Rc;
use yew::{UseReducerDispatcher, UseReducerHandle};

/// Largest annotation file read, in bytes: one for the largest article with
/// many annotations fits.
const MAX_ANNOTATIONS_BYTES: usize = 4 * load::MAX_BYTES;

/// The file read in flight; replacing it cancels the previous read.
pub type Readers = Rc<RefCell<Option<FileReader>>>;

/// What a file is opened as.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Article,
    Annotations,
}

impl FileKind {
    /// By extension: `.json` files are annotation files, others articles.
    pub fn guess(file_name: &str) -> Self {
        if file_name.to_ascii_lowercase().ends_with(".json") {
            FileKind::Annotations
        } else {
            FileKind::Article
        }
    }
}

/// True when there is nothing unexported, or the user agrees to discard it.
pub fn may_discard(state: &State) -> bool {
    let n = state.session.borrow().annotations().len();
    !state.dirty()
        || n == 0
        || gloo::dialogs::confirm(&format!(
            "Discard {n} annotation{} not yet exported?",
            if n == 1 { "" } else { "s" }
        ))
}

/// Read `file` and open it as `kind`. Unexported work is discarded only
/// after the file has loaded and the user agreed ([`may_discard`]), so a bad
/// file never costs anything. Opening a file cancels the loading of another.
pub fn open_file(
    file: web_sys::File,
    kind: FileKind,
    state: UseReducerHandle<State>,
    readers: &Readers,
) {
    slices::cancel_all();
    let ticket = Ticket::take();
    // Refuse a file too large before reading it into memory.
    let size = file.size();
    let limit = match kind {
        FileKind::Article => load::MAX_BYTES,
        FileKind::Annotations => MAX_ANNOTATIONS_BYTES,
    };
    if size > limit as f64 {
        let e = LoadError::TooLarge(size as usize, limit);
        return state.dispatch(Action::Notify(Notice::Error(format!(
            "Could not open \"{}\": {e}",
            file.name()
        ))));
    }
    // Large files take a moment to read and parse: say so at once.
    if size > 1_048_576.0 {
        state.dispatch(Action::Notify(Notice::Progress {
            label: format!(
                "Reading \"{}\" ({} MB)…",
                file.name(),
                (size / 1_048_576.0).round() as u64
            ),
            percent: 0,
        }));
    }
    let reader = files::read(file, move |name, bytes| {
        if !ticket.valid() {
            return;
        }
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(message) => return state.dispatch(Action::Notify(Notice::Error(message))),
        };
        match kind {
            FileKind::Article => {
                let dispatcher = state.dispatcher();
                load_article(ticket, name, bytes, &dispatcher, move |name, loaded| {
                    state.dispatch(match loaded {
                        Ok(_) if !may_discard(&state) => Action::Dismiss,
                        Ok((article, note)) => Action::Open { article, note },
                        Err(e) => {
                            Action::Notify(Notice::Error(format!("Could not open \"{name}\": {e}")))
                        }
                    });
                });
            }
            FileKind::Annotations => state.dispatch(match format::import(&bytes) {
                Ok(_) if !may_discard(&state) => Action::Dismiss,
                Ok(imported) => Action::Import(imported),
                Err(e) => Action::Notify(Notice::Error(format!(
                    "Could not open annotations \"{name}\": {e} Your current work is unchanged."
                ))),
            }),
        }
    });
    *readers.borrow_mut() = Some(reader);
}

/// What loading an article gives: the article and a note for the user about
/// how it was read.
type Loaded = Result<(Article, Option<String>), LoadError>;

/// Load an article from a file and hand it to `done`. Text and Markdown load
/// at once; a web page in slices ([`PageLoad`]), with its progress shown, so
/// that a large one never holds the page for long.
fn load_article(
    ticket: Ticket,
    name: String,
    bytes: Vec<u8>,
    dispatch: &UseReducerDispatcher<State>,
    done: impl FnOnce(String, Loaded) + 'static,
) {
    if load::kind_of(&name) != Ok(load::Kind::Html) {
        let loaded = load::load_file(&name, &bytes).map(|a| (a, None));
        return done(name, loaded);
    }
    let (mut page, charset_note) = match PageLoad::start(bytes, load::stem(&name)) {
        Ok(started) => started,
        Err(e) => return done(name, Err(e)),
    };
    let progress = progress_notice(format!("Loading \"{name}\"…"), dispatch);
    slices::run(
        move || ticket.valid(),
        move || page.step(),
        progress,
        move |extracted| {
            let loaded = extracted.and_then(|(article, found)| {
                let notes: Vec<String> = charset_note
                    .into_iter()
                    .chain((!found).then(|| {
                        "No article was found in this page, so all of its text is shown.".to_owned()
                    }))
                    .collect();
                let note = (!notes.is_empty()).then(|| notes.join(" "));
                load::finish(article, &name).map(|a| (a, note))
            });
            done(name, loaded);
        },
    );
}

/// Open pasted rich content: its HTML through extraction (in slices, like
/// a file), else its text. Like every opening, it cancels a page still
/// loading.
pub fn open_pasted_html(html: &str, text: &str, dispatch: &UseReducerDispatcher<State>) {
    slices::cancel_all();
    let Ok(mut page) = PageLoad::from_html(html.to_owned(), "Pasted page") else {
        return open_pasted(text, dispatch);
    };
    let ticket = Ticket::take();
    let (text, d) = (text.to_owned(), dispatch.clone());
    slices::run(
        move || ticket.valid(),
        move || page.step(),
        progress_notice("Reading the pasted page…".into(), dispatch),
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
fn progress_notice(label: String, dispatch: &UseReducerDispatcher<State>) -> impl FnMut(f64) {
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
pub fn open_pasted(text: &str, dispatch: &UseReducerDispatcher<State>) {
    slices::cancel_all();
    dispatch.dispatch(match load::load_pasted(text) {
        Ok(article) => Action::Open {
            article,
            note: None,
        },
        Err(e) => Action::Notify(Notice::Error(format!("Could not use the pasted text: {e}"))),
    });
}

/// Download the session as `<slug>.annotations.json`.
pub fn export(session: &Session, dispatch: &UseReducerDispatcher<State>) {
    let name = format!("{}.annotations.json", slug(&session.article().title));
    match download::download(&name, &format::export(session), "application/json") {
        Ok(()) => {
            dispatch.dispatch(Action::Exported);
            dispatch.dispatch(Action::Notify(Notice::Info(format!(
                "Exported {} annotations to {name}.",
                session.annotations().len()
            ))));
        }
        Err(_) => dispatch.dispatch(Action::Notify(Notice::Error(
            "The browser refused the download.".into(),
        ))),
    }
}

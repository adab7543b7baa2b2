//! Opening articles and annotation files from the file inputs, drops and
//! pastes; exporting. Each action leaves the current work untouched when it
//! fails or the user declines to discard unexported changes.

use super::store::{Action, Notice, State};
use crate::model::load::LoadError;
use crate::model::Article;
use crate::model::{format, load, slug, Session};
use crate::web::{download, files, html_dom};
use gloo::file::callbacks::FileReader;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::{UseReducerDispatcher, UseReducerHandle};

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
    !state.dirty
        || n == 0
        || gloo::dialogs::confirm(&format!(
            "Discard {n} annotation{} not yet exported?",
            if n == 1 { "" } else { "s" }
        ))
}

/// Read `file` and open it as `kind`. Unexported work is discarded only
/// after the file has loaded and the user agreed ([`may_discard`]), so a bad
/// file never costs anything.
pub fn open_file(
    file: web_sys::File,
    kind: FileKind,
    state: UseReducerHandle<State>,
    readers: &Readers,
) {
    // Large files take a moment to read and parse: say so at once.
    let size = file.size();
    if size > 1_048_576.0 {
        state.dispatch(Action::Notify(Notice::Info(format!(
            "Reading \"{}\" ({} MB)…",
            file.name(),
            (size / 1_048_576.0).round() as u64
        ))));
    }
    let reader = files::read(file, move |name, bytes| {
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(message) => return state.dispatch(Action::Notify(Notice::Error(message))),
        };
        match kind {
            FileKind::Article => load_article(name, bytes, move |name, loaded| {
                state.dispatch(match loaded {
                    Ok(_) if !may_discard(&state) => return,
                    Ok((article, note)) => Action::Open { article, note },
                    Err(e) => {
                        Action::Notify(Notice::Error(format!("Could not open \"{name}\": {e}")))
                    }
                });
            }),
            FileKind::Annotations => state.dispatch(match format::import(&bytes) {
                Ok(_) if !may_discard(&state) => return,
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
/// at once; a web page in three tasks (decode, parse, extract), so that a
/// large one does not hold the page in one long task.
fn load_article(name: String, bytes: Vec<u8>, done: impl FnOnce(String, Loaded) + 'static) {
    match load::kind_of(&name) {
        Ok(load::Kind::Html) => {}
        _ => {
            let loaded = load::load_file(&name, &bytes).map(|a| (a, None));
            return done(name, loaded);
        }
    }
    let decoded = load::check_page(&bytes)
        .and_then(|()| html_dom::decode(&bytes, load::html::sniff_charset(&bytes).as_deref()));
    let (text, charset_note) = match decoded {
        Ok(decoded) => decoded,
        Err(e) => return done(name, Err(e)),
    };
    drop(bytes);
    Timeout::new(0, move || {
        let tree = match html_dom::parse(&text) {
            Ok(tree) => tree,
            Err(_) => return done(name, Err(LoadError::NoText)),
        };
        drop(text);
        Timeout::new(0, move || {
            let (article, found) = load::html::from_tree(&tree, load::stem(&name));
            let notes: Vec<String> = charset_note
                .into_iter()
                .chain((!found).then(|| {
                    "No article was found in this page, so all of its text is shown.".to_owned()
                }))
                .collect();
            let note = (!notes.is_empty()).then(|| notes.join(" "));
            let loaded = load::finish(article, &name).map(|a| (a, note));
            done(name, loaded);
        })
        .forget();
    })
    .forget();
}

/// Open pasted rich content: its HTML through extraction, else its text.
pub fn open_pasted_html(html: &str, text: &str, dispatch: &UseReducerDispatcher<State>) {
    let article = html_dom::parse(html)
        .ok()
        .map(|tree| load::html::from_tree(&tree, "Pasted page").0)
        .filter(|a| !a.blocks.is_empty());
    match article {
        Some(mut article) => {
            article.source = String::new();
            dispatch.dispatch(Action::Open {
                article,
                note: None,
            });
        }
        None => open_pasted(text, dispatch),
    }
}

/// Open pasted text as a new article.
pub fn open_pasted(text: &str, dispatch: &UseReducerDispatcher<State>) {
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

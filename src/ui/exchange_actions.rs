//! Exporting to and opening other tools' formats, through the converters'
//! web worker ([`crate::web::converter`]), which is loaded on first use:
//! the page sends its native file and gets files or a native file back.

use super::carrying::is_new_version;
use super::doc::Doc;
use super::file_actions::{error, may_discard};
use super::messages;
use super::store::{Action, Compared, Notice, Offer, State};
use crate::model::exchange::job::{Job, Reply};
use crate::model::exchange::Format;
use crate::model::format::{self, ImportError, Imported};
use crate::model::{slug, Article};
use crate::web::{converter, download};
use std::rc::Rc;
use yew::UseReducerDispatcher;

type Dispatch = UseReducerDispatcher<State>;

/// Download the session in another tool's `format` (one file, or a zip of
/// brat's two); with `everything`, dataset formats keep the page clutter.
/// The notice says what the format keeps and what was left out. Not the
/// native file: nothing is marked exported.
pub fn export_format(doc: &Doc, format: Format, everything: bool, dispatch: &Dispatch) {
    let (job, n) = {
        let session = doc.session();
        let job = Job::Export {
            native: format::export(&session),
            format,
            everything,
            stem: slug(&session.article().title),
        };
        (job, session.annotations().len())
    };
    let d = dispatch.clone();
    run(job, Vec::new(), move |reply, bytes| match reply {
        Reply::Exported(e) => {
            d.dispatch(match download::download_bytes(&e.name, &bytes, &e.mime) {
                Ok(()) => Action::Notify(Notice::Info(messages::format_exported(format, n, &e))),
                Err(err) => error(err.to_string()),
            })
        }
        Reply::Failed(why) => d.dispatch(error(why)),
        _ => d.dispatch(error(messages::CONVERTER_CONFUSED.into())),
    });
}

/// Compare annotators: their annotation files (`read`, one each) through
/// the converters; the report opens in its dialog, or the reason it
/// cannot (fewer than two files, another article, a file that does not
/// read) is said. Nothing of the open article changes.
pub fn compare(read: Vec<(String, Vec<u8>)>, dispatch: &Dispatch) {
    let names = read.iter().map(|(n, _)| n.clone()).collect();
    let files = read.iter().map(|(_, b)| b.clone()).collect();
    let d = dispatch.clone();
    run(Job::Agree { names }, files, move |reply, _| {
        d.dispatch(match reply {
            Reply::Agreed(report) => Action::Agreement(Some(Rc::new(Compared {
                report,
                files: read,
            }))),
            Reply::Failed(why) => error(why),
            _ => error(messages::CONVERTER_CONFUSED.into()),
        })
    });
}

/// Adjudicate the compared files: the converters merge their spans; the
/// gold (their agreed spans) then replaces the open article, once the
/// user agreed to discard unexported work, and its disagreements are
/// walked in the panel.
pub fn adjudicate(compared: &Compared, doc: &Doc, dispatch: &Dispatch) {
    if !may_discard(doc) {
        return;
    }
    let names = compared.files.iter().map(|(n, _)| n.clone()).collect();
    let files = compared.files.iter().map(|(_, b)| b.clone()).collect();
    dispatch.dispatch(Action::Notify(Notice::Info(
        messages::adjudication::PREPARING.into(),
    )));
    let d = dispatch.clone();
    run(Job::Adjudicate { names }, files, move |reply, _| {
        let prepared = match reply {
            Reply::Adjudicating(p) => p,
            Reply::Failed(why) => return d.dispatch(error(why)),
            _ => return d.dispatch(error(messages::CONVERTER_CONFUSED.into())),
        };
        d.dispatch(match format::import(prepared.union.as_bytes()) {
            Ok(union) => Action::Adjudicate(Box::new((union.session, prepared.adjudication))),
            Err(_) => error(messages::CONVERTER_CONFUSED.into()),
        });
    });
}

/// Open annotation files read from disk: a native file at once; anything
/// else (another tool's format, which the native reader calls foreign)
/// through the converters, onto the article open now. Unexported work is
/// discarded only after the file has opened and the user agreed.
pub fn open_annotations(read: Vec<(String, Vec<u8>)>, doc: &Doc, dispatch: &Dispatch) {
    let names = read
        .iter()
        .map(|(n, _)| n.as_str())
        .collect::<Vec<_>>()
        .join("” and “");
    if let [(name, bytes)] = read.as_slice() {
        if name.to_ascii_lowercase().ends_with(".json") {
            match format::import(bytes) {
                Err(ImportError::Foreign(_)) => {}
                Ok(file) if is_new_version(file.session.article(), doc.session().article()) => {
                    let offer = Offer {
                        name: name.clone(),
                        file,
                        library: None,
                    };
                    return dispatch.dispatch(Action::OfferCarry(Rc::new(offer)));
                }
                Ok(_) if !may_discard(doc) => return dispatch.dispatch(Action::Dismiss),
                Ok(imported) => return dispatch.dispatch(Action::Import(Box::new(imported))),
                Err(e) => return dispatch.dispatch(error(messages::cannot_import(name, &e))),
            }
        }
    }
    let job = Job::Open {
        names: read.iter().map(|(n, _)| n.clone()).collect(),
        current: format::export(&doc.session()),
    };
    let (doc, d) = (doc.clone(), dispatch.clone());
    let files = read.into_iter().map(|(_, b)| b).collect();
    run(job, files, move |reply, _| {
        let opened = match reply {
            Reply::Opened(o) => o,
            Reply::Failed(why) => return d.dispatch(error(messages::cannot_import(&names, &why))),
            _ => return d.dispatch(error(messages::CONVERTER_CONFUSED.into())),
        };
        let imported = format::import(opened.native.as_bytes()).map(|i| Imported {
            n_reanchored: opened.n_reanchored,
            report: opened.report,
            ..i
        });
        d.dispatch(match imported {
            Ok(_) if !may_discard(&doc) => Action::Dismiss,
            Ok(imported) => Action::Import(Box::new(imported)),
            Err(e) => error(messages::cannot_import(&names, &e)),
        });
    });
}

/// Carry the annotations of `offer`'s file over to the article open now,
/// in the converters' worker; the result replaces the session (once the
/// user agreed to discard unexported work) with a notice of what was
/// placed how. The file's annotations are unexported work on this version.
pub fn carry_over(offer: Rc<Offer>, doc: &Doc, dispatch: &Dispatch) {
    if !may_discard(doc) {
        return dispatch.dispatch(Action::CloseOffer);
    }
    let job = Job::Carry {
        file: format::export(&offer.file.session),
        current: format::export(&doc.session()),
    };
    // Closed at once, so that a second press cannot start a second job.
    dispatch.dispatch(Action::CloseOffer);
    let n = offer.file.session.annotations().len();
    dispatch.dispatch(Action::Notify(Notice::Info(messages::carrying(n))));
    let d = dispatch.clone();
    run(job, Vec::new(), move |reply, _| {
        let name = &offer.name;
        let carried = match reply {
            Reply::Carried(c) => c,
            Reply::Failed(why) => return d.dispatch(error(messages::cannot_import(name, &why))),
            _ => return d.dispatch(error(messages::CONVERTER_CONFUSED.into())),
        };
        d.dispatch(match format::import(carried.native.as_bytes()) {
            Ok(mut imported) => {
                imported.session.set_unexported(true);
                let note = messages::carried(name, &carried.summary);
                imported.report.notes.push(note);
                Action::Import(Box::new(imported))
            }
            Err(e) => error(messages::cannot_import(name, &e)),
        });
    });
}

/// Load a Markdown file named `name` in the converters' worker (the page
/// holds no Markdown parser) and hand `done` the article, or the sentence
/// saying why it could not load.
pub fn load_markdown(
    name: &str,
    bytes: Vec<u8>,
    done: impl FnOnce(Result<Article, String>) + 'static,
) {
    let job = Job::Load {
        name: name.to_owned(),
    };
    run(job, vec![bytes], move |reply, _| {
        done(match reply {
            Reply::Loaded(l) => format::import(l.native.as_bytes())
                .map(|i| i.session.into_article())
                .map_err(|_| messages::CONVERTER_CONFUSED.to_owned()),
            Reply::Failed(why) => Err(why),
            _ => Err(messages::CONVERTER_CONFUSED.to_owned()),
        })
    });
}

/// Send `job` to the converters and hand `done` the reply; a worker that
/// cannot run, or a reply that does not read, is an error notice.
pub(super) fn run(job: Job, files: Vec<Vec<u8>>, done: impl FnOnce(Reply, Vec<u8>) + 'static) {
    let json = serde_json::to_string(&job).expect("plain data serialises");
    let fallback = |e: String| Reply::Failed(e);
    converter::run(json, files, move |answer| match answer {
        Ok((reply, bytes)) => match serde_json::from_str::<Reply>(&reply) {
            Ok(reply) => done(reply, bytes),
            Err(_) => done(fallback(messages::CONVERTER_CONFUSED.into()), Vec::new()),
        },
        Err(e) => done(fallback(e.to_string()), Vec::new()),
    });
}

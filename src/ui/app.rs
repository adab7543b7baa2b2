//! [`App`]: the page: toolbar, article, side panel, chooser and notices.

use super::annotation_list::AnnotationList;
use super::chooser::Chooser;
use super::file_actions::{self, FileKind, Readers};
use super::help::Help;
use super::paste_box::PasteBox;
use super::reading;
use super::store::{Action, Cursor, Notice, State};
use crate::model::cursor::snap_to_words;
use crate::model::format::{self, excerpt};
use crate::model::{sample::sample_article, Session, Tag};
use crate::web::keys;
use crate::web::slices;
use crate::web::storage;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

/// The saved session, else the sample article.
fn initial_state() -> State {
    match storage::load() {
        None => State::new(Session::new(sample_article()), false, None),
        Some((doc, dirty)) => match format::import(doc.as_bytes()) {
            Ok(imported) => {
                let state = State::new(imported.session, dirty, None);
                // Restored from storage: nothing to save yet.
                state.journal.borrow_mut().clear();
                state
            }
            Err(e) => {
                storage::set_aside_unreadable(&doc);
                State::new(
                    Session::new(sample_article()),
                    false,
                    Some(Notice::Error(format!(
                        "Your saved work could not be restored ({e}) It was kept aside in this browser's storage."
                    ))),
                )
            }
        },
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    let article_ref = use_node_ref();
    let readers: Readers = use_mut_ref(|| None);

    let view = super::article_view::use_article_view(&state, &article_ref);
    let (dom, article_focused, caret_ref) = (
        view.dom.clone(),
        view.focused.clone(),
        view.caret_ref.clone(),
    );
    super::autosave::use_autosave(&state);
    super::page_events::use_page_events(&state, &dom, &readers);

    let session = state.session.borrow();
    let article = session.article();

    let on_file = |kind: FileKind| {
        let (state, readers) = (state.clone(), readers.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let file = input.files().and_then(|f| f.get(0));
            // Clear so that choosing the same file again fires `change` again.
            input.set_value("");
            if let Some(file) = file {
                file_actions::open_file(file, kind, state.clone(), &readers);
            }
        })
    };
    let on_paste_button = {
        let state = state.clone();
        Callback::from(move |_| {
            if file_actions::may_discard(&state) {
                state.dispatch(Action::Pasting(true));
            }
        })
    };
    let on_export = {
        let state = state.clone();
        Callback::from(move |_| file_actions::export(&state.session.borrow(), &state.dispatcher()))
    };
    let simple = |action: fn() -> Action| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(action()))
    };
    // The panel's callbacks stay the same across renders (they use only the
    // session cell, the DOM cell and the dispatcher, which never change), so a
    // cursor move does not re-render every visible row.
    let on_select = {
        let (session, dispatch, dom) = (state.session.clone(), state.dispatcher(), dom.clone());
        use_callback((), move |id: AttrValue, _| {
            let session = session.borrow();
            if let (Some(a), Some(dom)) = (session.get(&id), dom.borrow().as_ref()) {
                if let Some(el) = dom.block_element(session.article(), a.range.start()) {
                    flash(&el);
                }
            }
            dispatch.dispatch(Action::Focus(Some(id.to_string())));
        })
    };
    let dispatch = state.dispatcher();
    let on_retag = use_callback(dispatch.clone(), |(id, tag): (AttrValue, Tag), d| {
        d.dispatch(Action::Retag {
            id: id.to_string(),
            tag,
        })
    });
    let on_note = use_callback(dispatch.clone(), |(id, note): (AttrValue, String), d| {
        d.dispatch(Action::Note {
            id: id.to_string(),
            note,
        })
    });
    let on_remove = use_callback(dispatch, |id: AttrValue, d| {
        d.dispatch(Action::Remove { id: id.to_string() })
    });
    // Mouse selections snap to whole words (Alt keeps character precision);
    // a click puts the cursor there and selects the annotation under it
    // (clicking again where spans overlap cycles through them).
    let on_article_mouseup = {
        let (state, dom) = (state.clone(), dom.clone());
        Callback::from(move |e: MouseEvent| {
            let session = state.session.borrow();
            let article = session.article();
            let dom = dom.borrow();
            let Some(dom) = dom.as_ref() else { return };
            if let Some(range) = dom.selection(article) {
                let range = if e.alt_key() {
                    range
                } else {
                    snap_to_words(article, range)
                };
                state.dispatch(Action::MoveCursor(Cursor {
                    anchor: range.start(),
                    head: range.end(),
                }));
                return;
            }
            let Some(offset) = dom.caret(article) else {
                return;
            };
            state.dispatch(Action::MoveCursor(Cursor::at(offset)));
            let hits = session.at_offset(offset);
            let next = match hits
                .iter()
                .position(|a| Some(&a.id) == state.focused.as_ref())
            {
                Some(i) => hits.get(i + 1).or(hits.first()),
                None => hits.first(),
            };
            if let Some(a) = next {
                state.dispatch(Action::Focus(Some(a.id.clone())));
            }
        })
    };
    let on_article_keydown = {
        let (state, dom) = (state.clone(), dom.clone());
        Callback::from(move |e: KeyboardEvent| {
            let session = state.session.borrow();
            let dom = dom.borrow();
            let Some(dom) = dom.as_ref() else { return };
            let actions = keys::with_press(&e, |p| reading::actions(p, &state, &session, dom));
            if actions.is_empty() {
                return;
            }
            e.prevent_default();
            drop(session);
            for action in actions {
                state.dispatch(action);
            }
        })
    };

    let chooser = state.chooser.clone().map(|pending| {
        let excerpt_text = excerpt(article.text.slice(pending.range), 60);
        let on_tag = {
            let state = state.clone();
            Callback::from(move |(tag, note): (Tag, String)| {
                clear_selection();
                state.dispatch(Action::Tag { tag, note });
            })
        };
        let on_cancel = {
            let (state, dom, range) = (state.clone(), dom.clone(), pending.range);
            Callback::from(move |()| {
                state.dispatch(Action::CloseChooser);
                // Restore the selection the chooser was opened on.
                if let Some(d) = dom.borrow().as_ref() {
                    d.select_directed(state.session.borrow().article(), range.start(), range.end());
                }
            })
        };
        let initial = pending
            .editing
            .as_deref()
            .and_then(|id| session.get(id))
            .map_or(state.last_tag, |a| a.tag);
        html! { <Chooser {pending} excerpt={excerpt_text} {initial} {on_tag} {on_cancel} /> }
    });

    let notice = state.notice.as_ref().map(|n| {
        let (class, text) = match n {
            Notice::Info(t) => ("notice info", t),
            Notice::Error(t) => ("notice error", t),
            Notice::Progress { label, percent } => {
                let cancel = simple(|| {
                    slices::cancel_all();
                    Action::Notify(Notice::Info(
                        "Loading stopped. Your current work is unchanged.".into(),
                    ))
                });
                return html! {
                    <div class="notice info progress">
                        <span class="notice-text">{ label }</span>
                        <progress max="100" value={percent.to_string()} aria-label={label.clone()}>
                            { format!("{percent}%") }
                        </progress>
                        <button type="button" onclick={cancel}>{"Cancel"}</button>
                    </div>
                };
            }
        };
        html! {
            <div class={class}>
                <span class="notice-text">{ text }</span>
                <button type="button" class="notice-close" aria-label="Dismiss message"
                        onclick={simple(|| Action::Dismiss)}>{"×"}</button>
            </div>
        }
    });

    html! {
        <div class="app">
            <header class="toolbar">
                <span class="brand">{"Annotator"}</span>
                <label class="button file-button">{"Open article"}
                    <input type="file" aria-label="Open article"
                           accept=".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                           onchange={on_file(FileKind::Article)} />
                </label>
                <button type="button" onclick={on_paste_button}>{"Paste text"}</button>
                <label class="button file-button">{"Open annotations"}
                    <input type="file" aria-label="Open annotations" accept=".json,application/json"
                           onchange={on_file(FileKind::Annotations)} />
                </label>
                <button type="button" onclick={on_export} aria-keyshortcuts="Control+S">{"Export JSON"}</button>
                <button type="button" onclick={simple(|| Action::Undo)} disabled={!session.can_undo()}
                        aria-keyshortcuts="Control+Z">{"Undo"}</button>
                <button type="button" onclick={simple(|| Action::Redo)} disabled={!session.can_redo()}
                        aria-keyshortcuts="Control+Shift+Z Control+Y">{"Redo"}</button>
                if session.article().blocks.iter().any(|b| b.extra) {
                    <label class="switch">
                        <input type="checkbox" role="switch" checked={state.show_all}
                            onchange={ let s = state.clone(); Callback::from(move |e: Event| {
                                if let Some(i) = e.target_dyn_into::<HtmlInputElement>() { s.dispatch(Action::ShowAll(i.checked())); }
                            }) } />
                        {" Show everything"}
                    </label>
                }
                <span class="save-state" aria-live="polite">
                    { if state.dirty() { "Saved in this browser · not exported" } else { "Saved in this browser" } }
                </span>
                // In the sticky toolbar, so that messages and progress stay in
                // view wherever the article is scrolled.
                <div class="notices" aria-live="polite">{ for notice }</div>
            </header>
            <p class="steps">
                {"Select text in the article, press "}<kbd>{"Ctrl"}</kbd>{"+"}<kbd>{"Enter"}</kbd>
                {", then pick "}<kbd>{"1"}</kbd>{" Claim, "}<kbd>{"2"}</kbd>{" Quote or "}<kbd>{"3"}</kbd>{" Source."}
            </p>
            <main class="layout">
                <section class="article-pane" aria-label="Article">
                    if state.pasting {
                        <PasteBox on_text={ let d = state.dispatcher(); Callback::from(move |t: String| file_actions::open_pasted(&t, &d)) }
                                  on_html={ let d = state.dispatcher(); Callback::from(move |(h, t): (String, String)| file_actions::open_pasted_html(&h, &t, &d)) }
                                  on_cancel={ let d = state.dispatcher(); Callback::from(move |()| { slices::cancel_all(); d.dispatch(Action::Pasting(false)) }) } />
                    } else {
                        <p class="article-meta">
                            { format!("{} · {} characters", if article.source.is_empty() { "pasted text" } else { &article.source }, article.text.char_len()) }
                        </p>
                        <article class={classes!("article", state.show_all.then_some("show-all"))} ref={article_ref} tabindex="0"
                            aria-label="Article text. Arrow keys move the reading cursor, Shift extends the selection, Ctrl+Enter tags it; press ? for all shortcuts."
                            onmouseup={on_article_mouseup} onkeydown={on_article_keydown}
                            onfocus={ let f = article_focused.clone(); Callback::from(move |_| f.set(true)) }
                            onblur={ let f = article_focused.clone(); Callback::from(move |_| f.set(false)) }></article>
                    }
                </section>
                <AnnotationList session={state.session.clone()} revision={state.revision} focused={state.focused.clone().map(AttrValue::from)}
                    {on_select} {on_retag} {on_note} {on_remove} />
            </main>
            // A fixed slot: a changing number of children here made Yew
            // re-create the article element (and lose the article's DOM).
            <div class="overlay">
                <div class="caret" ref={caret_ref} aria-hidden="true" style="display:none"></div>
                { for chooser }
                if state.help {
                    <Help on_close={ let s = state.clone(); Callback::from(move |()| s.dispatch(Action::Help(false))) } />
                }
            </div>
            <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">{ state.announcement.clone() }</div>
        </div>
    }
}

fn clear_selection() {
    if let Some(sel) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = sel.remove_all_ranges();
    }
}

/// Briefly mark `el` (CSS animation on `.flash`) and scroll it into view.
fn flash(el: &Element) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    let _ = el.class_list().remove_1("flash");
    let _ = el.class_list().add_1("flash");
    let el = el.clone();
    gloo::timers::callback::Timeout::new(1_200, move || {
        let _ = el.class_list().remove_1("flash");
    })
    .forget();
}

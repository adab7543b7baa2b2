//! [`App`]: the page. Owns the store; lays out the toolbar, the article, the
//! side panel and the dialogs, and wires their callbacks to actions.

use super::annotation_list::AnnotationList;
use super::article_pane::ArticlePane;
use super::carry_dialog::CarryDialog;
use super::chooser::Chooser;
use super::exchange_actions;
use super::file_actions::{self, Readers};
use super::help::Help;
use super::layout::DomCell;
use super::library_view::LibraryView;
use super::link_dialog::LinkDialog;
use super::messages;
use super::notice_bar::NoticeBar;
use super::store::{Action, Notice, Saving, State};
use super::tags_dialog::TagsDialog;
use super::toolbar::Toolbar;
use crate::keymap;
use crate::model::format::excerpt;
use crate::web::{clock, keys, slices};
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(super::boot::placeholder);
    let library = super::library_sync::use_library(&state);
    let article_ref = use_node_ref();
    let caret_ref = use_node_ref();
    let readers: Readers = use_mut_ref(|| None);
    let article_focused = use_state(|| false);

    let dom = super::layout::use_layout(&state, &article_ref);
    super::paint::use_paint(&state, &dom);
    super::selection::use_selection(&state, &dom);
    super::caret::use_caret(&state, &dom, *article_focused, &caret_ref);
    super::library_save::use_library_save(&state, &library);
    super::adjudication_save::use_adjudication_save(&state, &library);
    super::older_version::use_older_version(&state, &library);
    super::page_events::use_page_keys(&state);
    super::page_events::use_drops(&state, &readers);
    let panel = super::annotation_list::use_panel_callbacks(&state, &dom);
    let tools = use_toolbar_callbacks(&state, &readers);
    let (sync, sync_view) = super::syncing::use_sync(&state);
    let on_sync = {
        let sync = sync.clone();
        use_memo((), move |_| Callback::from(move |()| sync.set_open(true)))
    };
    let sync_label = super::messages::sync::sync_button(
        sync_view.state,
        sync_view.waiting,
        sync_view.conflicts.len(),
    );
    let has_extra = {
        let doc = state.doc.clone();
        *use_memo(state.doc.generation(), move |_| {
            doc.session().article().blocks.iter().any(|b| b.extra)
        })
    };
    let on_keydown = {
        let dispatch = state.dispatcher();
        use_callback(state.resizing, move |e: KeyboardEvent, resizing| {
            if let Some(key) = keys::with_press(&e, |p| keymap::article(p, *resizing)) {
                e.prevent_default();
                let at = clock::now_rfc3339();
                dispatch.dispatch(Action::Key { key, at });
            }
        })
    };
    let on_focus = {
        let f = article_focused.clone();
        Callback::from(move |on: bool| f.set(on))
    };
    let schema = state.doc.session().schema().clone();
    let tag_css = use_memo(schema, super::tag_styles::tag_css);

    html! {
        <div class="app">
            // The tags' colours and cues, written from the tag set.
            <style>{ (*tag_css).clone() }</style>
            { toolbar(&state, &tools, has_extra, (sync_label.into(), (*on_sync).clone())) }
            { steps(state.doc.session().schema()) }
            <main class="layout">
                { article_pane(&state, article_ref, on_keydown, on_focus) }
                <AnnotationList doc={state.doc.clone()} focused={state.focused.clone()} filter={state.filter.clone()} callbacks={panel} orphan_pick={state.orphan_pick.clone()}
                                adjudication={adjudication(&state, &dom)} />
            </main>
            // A fixed slot: a changing number of children here made Yew
            // re-create the article element (and lose the article's DOM).
            <div class="overlay">
                <div class="caret" ref={caret_ref} aria-hidden="true" style="display:none"></div>
                { chooser(&state, &dom) }
                { link_dialog(&state, &dom) }
                { carry_dialog(&state, &library) }
                { agreement_dialog(&state) }
                if state.help {
                    <Help on_close={ let d = state.dispatcher(); Callback::from(move |()| d.dispatch(Action::Help(false))) } />
                }
                if state.tags_open { { tags_dialog(&state, &readers) } }
                if sync_view.open {
                    <super::sync_dialog::SyncDialog view={sync_view.clone()} sync={sync.clone()} doc={state.doc.clone()} />
                }
                if state.library_open {
                    <LibraryView library={library.clone()} dispatch={state.dispatcher()}
                                 current={state.kept.as_ref().map(|k| k.key.clone())} />
                }
            </div>
            <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">{ state.announcement.clone() }</div>
        </div>
    }
}

/// The one-line instructions under the toolbar: the tags with a number
/// key, as the set has them.
fn steps(schema: &crate::model::Schema) -> Html {
    let keyed: Vec<_> = schema
        .tags()
        .iter()
        .filter_map(|t| t.key.map(|k| (k, t.label.clone())))
        .collect();
    let n = keyed.len();
    html! {
        <p class="steps">
            {"Select text in the article, press "}<kbd>{"Ctrl"}</kbd>{"+"}<kbd>{"Enter"}</kbd>{", then pick "}
            if n == 0 { {"a tag"} }
            { for keyed.into_iter().enumerate().map(|(i, (k, label))| html! {
                <>
                    { if i == 0 { "" } else if i + 1 == n { " or " } else { ", " } }
                    <kbd>{ k }</kbd>{ format!(" {label}") }
                </>
            }) }
            {"."}
        </p>
    }
}

/// The toolbar's and the notice bar's callbacks, made once: they use the
/// dispatcher, the session's cell (every `Doc` handle reads the session
/// as it is now) and the file readers, which never change. Stable
/// callbacks let the toolbar skip rendering when only the article or the
/// panel changed (a key press).
struct ToolbarCallbacks {
    on_file: Callback<(file_actions::FileKind, Vec<web_sys::File>)>,
    on_paste: Callback<()>,
    on_export: Callback<()>,
    on_export_format: Callback<(crate::model::exchange::Format, bool)>,
    on_export_claim_reviews: Callback<()>,
    on_annotator: Callback<()>,
    on_library: Callback<()>,
    on_tags: Callback<()>,
    on_undo: Callback<()>,
    on_redo: Callback<()>,
    on_show_all: Callback<bool>,
    on_dismiss: Callback<()>,
    on_cancel: Callback<()>,
}

#[hook]
fn use_toolbar_callbacks(
    state: &UseReducerHandle<State>,
    readers: &Readers,
) -> std::rc::Rc<ToolbarCallbacks> {
    let (doc, d, readers) = (state.doc.clone(), state.dispatcher(), readers.clone());
    use_memo((), move |_| {
        let send = |action: fn() -> Action| {
            let d = d.clone();
            Callback::from(move |()| d.dispatch(action()))
        };
        let with_doc = |f: fn(&super::doc::Doc, &yew::UseReducerDispatcher<State>)| {
            let (doc, d) = (doc.clone(), d.clone());
            Callback::from(move |()| f(&doc, &d))
        };
        ToolbarCallbacks {
            on_file: {
                let (doc, d) = (doc.clone(), d.clone());
                Callback::from(move |(kind, file)| {
                    file_actions::open_file(file, kind, &doc, &d, &readers)
                })
            },
            on_paste: with_doc(|doc, d| {
                if file_actions::may_replace(doc) {
                    d.dispatch(Action::Pasting(true));
                }
            }),
            on_export: with_doc(file_actions::export),
            on_export_format: {
                let (doc, d) = (doc.clone(), d.clone());
                Callback::from(move |(format, everything)| {
                    exchange_actions::export_format(&doc, format, everything, &d)
                })
            },
            on_export_claim_reviews: with_doc(file_actions::export_claim_reviews),
            on_annotator: {
                let d = d.clone();
                Callback::from(move |()| {
                    let current = crate::web::storage::annotator_name();
                    if let Some(name) =
                        gloo::dialogs::prompt(messages::ANNOTATOR_PROMPT, Some(&current))
                    {
                        let name = crate::model::limits::creator_name(&name);
                        crate::web::storage::set_annotator_name(&name);
                        d.dispatch(Action::Annotator(name));
                    }
                })
            },
            on_library: send(|| Action::Library(true)),
            on_tags: send(|| Action::Tags(true)),
            on_undo: send(|| Action::Undo),
            on_redo: send(|| Action::Redo),
            on_show_all: {
                let d = d.clone();
                Callback::from(move |on| d.dispatch(Action::ShowAll(on)))
            },
            on_dismiss: send(|| Action::Dismiss),
            on_cancel: {
                let d = d.clone();
                Callback::from(move |()| {
                    slices::cancel_all();
                    d.dispatch(Action::Notify(Notice::Info(
                        messages::LOADING_STOPPED.into(),
                    )));
                })
            },
        }
    })
}

fn toolbar(
    state: &UseReducerHandle<State>,
    c: &ToolbarCallbacks,
    has_extra: bool,
    (sync_label, on_sync): (AttrValue, Callback<()>),
) -> Html {
    let session = state.doc.session();
    let paused = state.saving != Saving::On;
    let on_library = (!paused && !state.booting).then(|| c.on_library.clone());
    html! {
        <Toolbar can_undo={session.can_undo()} can_redo={session.can_redo()} {has_extra}
                 show_all={state.show_all} unexported={session.has_unexported()} {paused}
                 on_file={c.on_file.clone()} on_paste={c.on_paste.clone()} on_export={c.on_export.clone()} {on_library}
                 on_annotator={c.on_annotator.clone()} annotator={state.annotator.clone()}
                 on_export_claim_reviews={c.on_export_claim_reviews.clone()} on_export_format={c.on_export_format.clone()}
                 on_tags={c.on_tags.clone()} on_undo={c.on_undo.clone()} on_redo={c.on_redo.clone()} on_show_all={c.on_show_all.clone()}
                 {sync_label} {on_sync}>
            <NoticeBar notice={state.notice.clone()} on_dismiss={c.on_dismiss.clone()} on_cancel={c.on_cancel.clone()} />
        </Toolbar>
    }
}

fn article_pane(
    state: &UseReducerHandle<State>,
    article_ref: NodeRef,
    on_keydown: Callback<KeyboardEvent>,
    on_focus: Callback<bool>,
) -> Html {
    let session = state.doc.session();
    let article = session.article();
    let meta = messages::article_meta(&article.source, article.text.char_len());
    let d = state.dispatcher();
    let on_paste_text = {
        let d = d.clone();
        Callback::from(move |t: String| file_actions::open_pasted(&t, &d))
    };
    let on_paste_html = {
        let d = d.clone();
        Callback::from(move |(h, t): (String, String)| file_actions::open_pasted_html(&h, &t, &d))
    };
    let on_paste_cancel = Callback::from(move |()| {
        slices::cancel_all();
        d.dispatch(Action::Pasting(false))
    });
    html! {
        <ArticlePane pasting={state.pasting} show_all={state.show_all} meta={meta} {article_ref}
                     {on_keydown} {on_focus} {on_paste_text} {on_paste_html} {on_paste_cancel} />
    }
}

/// The chooser, beside its span, while it is open.
fn chooser(state: &UseReducerHandle<State>, dom: &DomCell) -> Html {
    let Some(pending) = state.chooser.clone() else {
        return Html::default();
    };
    let session = state.doc.session();
    let excerpt = excerpt(session.article().text.slice(pending.range), 60);
    let locate = {
        let (dom, cell, range) = (dom.clone(), state.doc.cell(), pending.range);
        Callback::from(move |()| {
            let dom = dom.borrow();
            dom.as_ref()?.range_box(cell.borrow().article(), range)
        })
    };
    let d = state.dispatcher();
    let on_tag = {
        let d = d.clone();
        Callback::from(move |(tag, note, fields)| {
            let (id, at) = (clock::new_id(), clock::now_rfc3339());
            d.dispatch(Action::Tag {
                tag,
                note,
                fields,
                id,
                at,
            });
        })
    };
    let on_cancel = Callback::from(move |()| d.dispatch(Action::CloseChooser));
    let schema = session.schema().clone();
    html! { <Chooser {pending} excerpt={excerpt} {schema} {locate} {on_tag} {on_cancel} /> }
}

/// The link dialog, while it is open.
/// The question whether to carry a file's annotations over, while asked.
fn carry_dialog(
    state: &UseReducerHandle<State>,
    library: &std::rc::Rc<super::library_save::Library>,
) -> Html {
    let Some(offer) = state.offer.clone() else {
        return Html::default();
    };
    let n = offer.file.session.annotations().len() + offer.file.session.orphans().count();
    let title = state.doc.session().article().title.clone();
    let (question, open_label) = match &offer.library {
        Some(_) => (
            super::messages::offer_carry_library(&offer.name, &title, n),
            "Open the library's version",
        ),
        None => (
            super::messages::offer_carry(&offer.name, &title, n),
            "Open the file's version",
        ),
    };
    let d = state.dispatcher();
    let dispatch = Callback::from(move |a| d.dispatch(a));
    let on_apply = {
        let (offer, doc, d) = (offer.clone(), state.doc.clone(), state.dispatcher());
        Callback::from(move |()| super::exchange_actions::carry_over(offer.clone(), &doc, &d))
    };
    let on_open = {
        let (doc, d, library) = (state.doc.clone(), state.dispatcher(), library.clone());
        Callback::from(move |()| {
            d.dispatch(Action::CloseOffer);
            if let Some(key) = &offer.library {
                super::library_actions::open(&library, key.clone(), &d);
            } else if super::file_actions::may_discard(&doc) {
                d.dispatch(Action::Import(Box::new(offer.file.clone())));
            }
        })
    };
    html! { <CarryDialog question={question} {open_label} {on_apply} {on_open} {dispatch} /> }
}

/// The agreement report, while it is open; Adjudicate starts the gold.
fn agreement_dialog(state: &UseReducerHandle<State>) -> Html {
    let Some(report) = state.agreement.clone() else {
        return Html::default();
    };
    let (doc, d) = (state.doc.clone(), state.dispatcher());
    let dispatch = {
        let d = d.clone();
        Callback::from(move |a| d.dispatch(a))
    };
    let on_adjudicate = {
        let report = report.clone();
        Callback::from(move |()| exchange_actions::adjudicate(&report, &doc, &d))
    };
    html! { <super::agreement_dialog::AgreementDialog {report} {dispatch} {on_adjudicate} /> }
}

/// The panel's adjudication section: selecting a disagreement there also
/// scrolls the article to it.
fn adjudication(state: &UseReducerHandle<State>, dom: &DomCell) -> Html {
    use super::adjudication_panel::{adjudication_panel, Ask};
    let Some(adj) = state.adjudicating.as_ref() else {
        return Html::default();
    };
    let (d, dom, cell, plan) = (
        state.dispatcher(),
        dom.clone(),
        state.doc.cell(),
        adj.plan.clone(),
    );
    let ask = Callback::from(move |ask: Ask| match ask {
        Ask::Go(i) => {
            d.dispatch(Action::GoToDisagreement(i));
            let at = plan.adjudication.items.get(i).map(|it| it.range().start());
            let dom = dom.borrow();
            let block = at.and_then(|at| dom.as_ref()?.block_element(cell.borrow().article(), at));
            if let Some(el) = block {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        }
        Ask::Key(r) => d.dispatch(Action::Key {
            key: keymap::ArticleKey::Reading(r),
            at: clock::now_rfc3339(),
        }),
    });
    adjudication_panel(Some(adj), &state.doc, &ask)
}

fn link_dialog(state: &UseReducerHandle<State>, dom: &DomCell) -> Html {
    let Some(linking) = state.linking.clone() else {
        return Html::default();
    };
    let d = state.dispatcher();
    let dispatch = Callback::from(move |a| d.dispatch(a));
    let show = {
        let (dom, cell) = (dom.clone(), state.doc.cell());
        Callback::from(move |id: crate::model::AnnotationId| {
            if let Some(el) = super::layout::annotation_block(&dom, &cell.borrow(), &id) {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        })
    };
    html! { <LinkDialog doc={state.doc.clone()} {linking} {dispatch} {show} /> }
}

/// The Tags dialog, while it is open.
fn tags_dialog(state: &UseReducerHandle<State>, readers: &Readers) -> Html {
    let session = state.doc.session();
    let schema = session.schema().clone();
    let counts: Vec<usize> = schema.tags().iter().map(|t| session.count(&t.id)).collect();
    let d = state.dispatcher();
    let on_apply = {
        let d = d.clone();
        Callback::from(move |c| d.dispatch(Action::Apply(c)))
    };
    let on_save = {
        let (doc, d) = (state.doc.clone(), d.clone());
        Callback::from(move |()| file_actions::save_tag_set(&doc, &d))
    };
    let on_load = {
        let (d, readers) = (d.clone(), readers.clone());
        Callback::from(move |f| file_actions::load_tag_set(f, &d, &readers))
    };
    let on_close = Callback::from(move |()| d.dispatch(Action::Tags(false)));
    html! {
        <TagsDialog {schema} counts={std::rc::Rc::new(counts)} notice={state.notice.clone()}
                    {on_apply} {on_close} {on_save} {on_load} />
    }
}

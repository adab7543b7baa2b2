//! [`Toolbar`]: opening, pasting, exporting, the Tags dialog, the
//! annotator name, syncing with a database, undo and
//! redo, the "Show everything" switch, the save state, and (in its sticky area) the notices.

use super::file_actions::FileKind;
use super::messages;
use crate::model::exchange::Format;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub can_undo: bool,
    pub can_redo: bool,
    /// The article has clutter that "Show everything" would show.
    pub has_extra: bool,
    pub show_all: bool,
    pub unexported: bool,
    /// Saving in the browser is paused.
    pub paused: bool,
    pub on_file: Callback<(FileKind, Vec<web_sys::File>)>,
    pub on_paste: Callback<()>,
    pub on_export: Callback<()>,
    pub on_export_claim_reviews: Callback<()>,
    /// Export in another tool's format; `true` keeps hidden page parts.
    pub on_export_format: Callback<(Format, bool)>,
    /// Open the Tags dialog.
    pub on_tags: Callback<()>,
    /// Open the library view (absent without a library).
    pub on_library: Option<Callback<()>>,
    /// The annotator name ([`super::store::State::annotator`]) and asking for it.
    pub annotator: String,
    pub on_annotator: Callback<()>,
    pub on_undo: Callback<()>,
    pub on_redo: Callback<()>,
    pub on_show_all: Callback<bool>,
    /// The sync button: what it says (the sync's state) and opening the dialog.
    pub sync_label: AttrValue,
    pub on_sync: Callback<()>,
    pub children: Html,
}

/// A file input's change: its files, the input cleared so that choosing
/// the same files again fires `change` again.
fn file_picked(
    kind: FileKind,
    on_file: &Callback<(FileKind, Vec<web_sys::File>)>,
) -> Callback<Event> {
    let on_file = on_file.clone();
    Callback::from(move |e: Event| {
        let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
            return;
        };
        let files = input
            .files()
            .map(|list| crate::web::files::all(&list))
            .unwrap_or_default();
        input.set_value("");
        if !files.is_empty() {
            on_file.emit((kind, files));
        }
    })
}

#[function_component(Toolbar)]
pub fn toolbar(p: &ToolbarProps) -> Html {
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    let on_show_all = {
        let cb = p.on_show_all.clone();
        Callback::from(move |e: Event| {
            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                cb.emit(i.checked());
            }
        })
    };
    html! {
        <header class="toolbar">
            <span class="brand">{"Annotator"}</span>
            if let Some(cb) = &p.on_library {
                <button type="button" onclick={click(cb)}>{"Library"}</button>
            }
            <label class="button file-button">{"Open article"}
                <input type="file" aria-label="Open article"
                       accept=".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                       onchange={file_picked(FileKind::Article, &p.on_file)} />
            </label>
            <button type="button" onclick={click(&p.on_paste)}>{"Paste text"}</button>
            <label class="button file-button">{"Open annotations"}
                <input type="file" aria-label="Open annotations" multiple=true
                       accept=".json,.jsonld,.jsonl,.ann,.txt,application/json,application/ld+json"
                       onchange={file_picked(FileKind::Annotations, &p.on_file)} />
            </label>
            <label class="button file-button">{"Compare annotators"}
                <input type="file" aria-label="Compare annotators" multiple=true accept=".json,application/json"
                       onchange={file_picked(FileKind::Compare, &p.on_file)} />
            </label>
            <ExportMenu native={p.on_export.clone()} claim_reviews={p.on_export_claim_reviews.clone()}
                        format={p.on_export_format.clone()} has_extra={p.has_extra} />
            <button type="button" onclick={click(&p.on_tags)}>{"Tags"}</button>
            <button type="button" class="sync-button" onclick={click(&p.on_sync)} aria-haspopup="dialog"
                    title="Work with your team through a shared database">{ p.sync_label.clone() }</button>
            <button type="button" class="annotator-name" onclick={click(&p.on_annotator)}
                    title="Your name on the annotations you make">{ messages::annotator_button(&p.annotator) }</button>
            <button type="button" onclick={click(&p.on_undo)} disabled={!p.can_undo}
                    aria-keyshortcuts="Control+Z">{"Undo"}</button>
            <button type="button" onclick={click(&p.on_redo)} disabled={!p.can_redo}
                    aria-keyshortcuts="Control+Shift+Z Control+Y">{"Redo"}</button>
            if p.has_extra {
                <label class="switch">
                    <input type="checkbox" role="switch" checked={p.show_all} onchange={on_show_all} />
                    {" Show everything"}
                </label>
            }
            <span class="save-state" aria-live="polite">{ messages::save_state(p.unexported, p.paused) }</span>
            // In the sticky toolbar, so that messages and progress stay in
            // view wherever the article is scrolled.
            <div class="notices" aria-live="polite">{ p.children.clone() }</div>
        </header>
    }
}

#[derive(Properties, PartialEq)]
struct ExportMenuProps {
    native: Callback<()>,
    claim_reviews: Callback<()>,
    format: Callback<(Format, bool)>,
    /// Offer to keep hidden page parts in dataset formats.
    has_extra: bool,
}

/// A menu item's click: close the menu, then `then`.
fn menu_item(then: impl Fn() + 'static) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        let menu = e
            .target_dyn_into::<web_sys::Element>()
            .and_then(|t| t.closest("details").ok().flatten());
        if let Some(menu) = menu {
            let _ = menu.remove_attribute("open");
        }
        then();
    })
}

/// "Export": a disclosure of the formats, each a button that downloads and
/// closes the menu; on pages with clutter, a checkbox to keep hidden page
/// parts in the dataset formats (the menu's own state).
#[function_component(ExportMenu)]
fn export_menu(p: &ExportMenuProps) -> Html {
    let everything = use_state(|| false);
    let emit = |cb: &Callback<()>| {
        let cb = cb.clone();
        menu_item(move || cb.emit(()))
    };
    let formats = Format::ALL.into_iter().map(|f| {
        let (cb, everything) = (p.format.clone(), *everything && p.has_extra);
        html! { <button type="button" onclick={menu_item(move || cb.emit((f, everything)))}>{ f.label() }</button> }
    });
    let on_everything = {
        let everything = everything.clone();
        Callback::from(move |e: Event| {
            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                everything.set(i.checked());
            }
        })
    };
    html! {
        <details class="menu">
            <summary class="button">{"Export"}</summary>
            <div class="menu-items">
                <button type="button" onclick={emit(&p.native)} aria-keyshortcuts="Control+S">{"Native JSON (Ctrl+S)"}</button>
                { for formats }
                <button type="button" onclick={emit(&p.claim_reviews)}>{"ClaimReview (schema.org JSON-LD)"}</button>
                if p.has_extra {
                    <label class="menu-option">
                        <input type="checkbox" checked={*everything} onchange={on_everything} />
                        {" "}{ messages::INCLUDE_HIDDEN }
                    </label>
                }
            </div>
        </details>
    }
}

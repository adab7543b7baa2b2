//! [`Toolbar`]: opening, pasting, exporting, the Tags dialog, undo and
//! redo, the "Show everything" switch, the save state, and (in its sticky area) the notices.

use super::file_actions::FileKind;
use super::messages;
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
    pub on_file: Callback<(FileKind, web_sys::File)>,
    pub on_paste: Callback<()>,
    pub on_export: Callback<()>,
    pub on_export_claim_reviews: Callback<()>,
    /// Open the Tags dialog.
    pub on_tags: Callback<()>,
    pub on_undo: Callback<()>,
    pub on_redo: Callback<()>,
    pub on_show_all: Callback<bool>,
    pub children: Html,
}

/// A file input's change: its file, the input cleared so that choosing
/// the same file again fires `change` again.
fn file_picked(kind: FileKind, on_file: &Callback<(FileKind, web_sys::File)>) -> Callback<Event> {
    let on_file = on_file.clone();
    Callback::from(move |e: Event| {
        let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
            return;
        };
        let file = input.files().and_then(|f| f.get(0));
        input.set_value("");
        if let Some(f) = file {
            on_file.emit((kind, f));
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
            <label class="button file-button">{"Open article"}
                <input type="file" aria-label="Open article"
                       accept=".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                       onchange={file_picked(FileKind::Article, &p.on_file)} />
            </label>
            <button type="button" onclick={click(&p.on_paste)}>{"Paste text"}</button>
            <label class="button file-button">{"Open annotations"}
                <input type="file" aria-label="Open annotations" accept=".json,application/json"
                       onchange={file_picked(FileKind::Annotations, &p.on_file)} />
            </label>
            { export_menu(&p.on_export, &p.on_export_claim_reviews) }
            <button type="button" onclick={click(&p.on_tags)}>{"Tags"}</button>
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

/// "Export": a disclosure of the formats, each a button that downloads and
/// closes the menu.
fn export_menu(native: &Callback<()>, claim_reviews: &Callback<()>) -> Html {
    let item = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |e: MouseEvent| {
            let menu = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|t| t.closest("details").ok().flatten());
            if let Some(menu) = menu {
                let _ = menu.remove_attribute("open");
            }
            cb.emit(());
        })
    };
    html! {
        <details class="menu">
            <summary class="button">{"Export"}</summary>
            <div class="menu-items">
                <button type="button" onclick={item(native)} aria-keyshortcuts="Control+S">{"Native JSON (Ctrl+S)"}</button>
                <button type="button" onclick={item(claim_reviews)}>{"ClaimReview (schema.org JSON-LD)"}</button>
            </div>
        </details>
    }
}

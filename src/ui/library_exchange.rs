//! The library view's export and import: the articles shown (the search
//! is the selection) as one download, native JSONL or another tool's
//! format; a JSONL library read back in.

use super::library_actions as act;
use super::library_view::LibraryViewProps;
use crate::model::exchange::Format;
use crate::model::library::Row;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The format select's value for native files.
const NATIVE: &str = "native";

/// Export the rows shown in the format picked in `format` (a select);
/// import a JSONL library.
pub fn exchange(
    p: &LibraryViewProps,
    all: &Rc<Vec<Row>>,
    shown: &[usize],
    reload: &Rc<dyn Fn()>,
    format: &NodeRef,
) -> Html {
    let export = {
        let (library, d, picked) = (p.library.clone(), p.dispatch.clone(), format.clone());
        let rows: Vec<Row> = shown.iter().map(|&i| all[i].clone()).collect();
        Callback::from(move |_| {
            let value = picked
                .cast::<HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            act::export(&library, rows.clone(), Format::from_id(&value), &d)
        })
    };
    let import = {
        let (library, d, reload) = (p.library.clone(), p.dispatch.clone(), reload.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let file = input.files().and_then(|f| f.get(0));
            input.set_value("");
            if let Some(file) = file {
                let reload = reload.clone();
                act::import(&library, file, &d, move || reload());
            }
        })
    };
    html! {
        <p class="library-exchange">
            <label>{"Export as "}
                <select aria-label="Export as" ref={format.clone()}>
                    <option value={NATIVE} selected=true>{"Annotator files (JSONL)"}</option>
                    { for Format::ALL.iter().map(|f| html! { <option value={f.id()}>{ f.label() }</option> }) }
                </select>
            </label>
            <button type="button" onclick={export}>{"Export these articles"}</button>
            <label class="button file-button">{"Import library"}
                <input type="file" aria-label="Import library" accept=".jsonl,.json,.zip,application/jsonl,application/json,application/zip" onchange={import} />
            </label>
        </p>
    }
}

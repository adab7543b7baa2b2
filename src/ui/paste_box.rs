//! [`PasteBox`]: the empty article area that takes pasted or typed text.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PasteBoxProps {
    pub on_text: Callback<String>,
    pub on_cancel: Callback<()>,
}

#[function_component(PasteBox)]
pub fn paste_box(props: &PasteBoxProps) -> Html {
    let area = use_node_ref();
    {
        let area = area.clone();
        use_effect_with((), move |_| {
            if let Some(a) = area.cast::<web_sys::HtmlElement>() {
                let _ = a.focus();
            }
        });
    }
    let use_text = {
        let (area, on_text) = (area.clone(), props.on_text.clone());
        Callback::from(move |_| {
            if let Some(a) = area.cast::<web_sys::HtmlTextAreaElement>() {
                on_text.emit(a.value());
            }
        })
    };
    // Pasting into the empty box opens the text at once.
    let onpaste = {
        let on_text = props.on_text.clone();
        Callback::from(move |e: Event| {
            let Some(text) = e
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|c| c.clipboard_data())
                .and_then(|d| d.get_data("text/plain").ok())
            else {
                return;
            };
            let empty = e
                .target_dyn_into::<web_sys::HtmlTextAreaElement>()
                .is_some_and(|a| a.value().is_empty());
            if empty && !text.trim().is_empty() {
                e.prevent_default();
                on_text.emit(text);
            }
        })
    };
    let on_cancel = {
        let cb = props.on_cancel.clone();
        Callback::from(move |_| cb.emit(()))
    };
    html! {
        <section class="paste-box" aria-labelledby="paste-title">
            <h2 id="paste-title">{"Paste an article"}</h2>
            <textarea ref={area} aria-labelledby="paste-title" rows="14"
                placeholder="Paste the article text here (Ctrl+V). It opens at once." {onpaste} />
            <div class="paste-actions">
                <button type="button" onclick={use_text}>{"Use this text"}</button>
                <button type="button" onclick={on_cancel}>{"Cancel"}</button>
            </div>
        </section>
    }
}

use wasm_bindgen::JsCast;

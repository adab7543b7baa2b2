//! [`PasteBox`]: the empty article area that takes pasted or typed text.

use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PasteBoxProps {
    /// Typed or pasted plain text.
    pub on_text: Callback<String>,
    /// Pasted rich content: its HTML, and its plain text as a fallback.
    pub on_html: Callback<(String, String)>,
    pub on_cancel: Callback<()>,
}

/// Pasting into the empty box opens the text at once; rich content (a
/// piece of a web page) goes through the same extraction as a saved page.
fn on_paste(props: &PasteBoxProps) -> Callback<Event> {
    let (on_text, on_html) = (props.on_text.clone(), props.on_html.clone());
    Callback::from(move |e: Event| {
        let Some(data) = e
            .dyn_ref::<web_sys::ClipboardEvent>()
            .and_then(|c| c.clipboard_data())
        else {
            return;
        };
        let text = data.get_data("text/plain").unwrap_or_default();
        let html = data.get_data("text/html").unwrap_or_default();
        let empty = e
            .target_dyn_into::<web_sys::HtmlTextAreaElement>()
            .is_some_and(|a| a.value().is_empty());
        if !empty || (text.trim().is_empty() && html.trim().is_empty()) {
            return;
        }
        e.prevent_default();
        if html.trim().is_empty() {
            on_text.emit(text);
        } else {
            on_html.emit((html, text));
        }
    })
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
    let onpaste = on_paste(props);
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

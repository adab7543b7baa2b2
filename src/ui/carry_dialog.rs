//! [`CarryDialog`]: an annotation file made on another version of the open
//! article. "Apply to this article" carries its annotations over (each
//! placed by the diff or its quote, or listed as not placed); "Open the
//! file's version" (or the library's) opens the older version as it is;
//! "Cancel" or Esc does nothing.

use super::store::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CarryDialogProps {
    /// The question, naming the file and the article.
    pub question: AttrValue,
    /// The second button: open the older version as it is.
    pub open_label: AttrValue,
    pub on_apply: Callback<()>,
    pub on_open: Callback<()>,
    pub dispatch: Callback<Action>,
}

#[function_component(CarryDialog)]
pub fn carry_dialog(props: &CarryDialogProps) -> Html {
    let (root, apply) = (use_node_ref(), use_node_ref());
    super::focus::use_return_focus(apply.clone());
    let onkeydown = {
        let d = props.dispatch.clone();
        super::focus::dialog_keys(&root, move || d.emit(Action::CloseOffer))
    };
    let click = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let cancel = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::CloseOffer))
    };
    html! {
        <div class="carry-dialog" role="dialog" aria-modal="true" aria-labelledby="carry-title"
             aria-describedby="carry-question" ref={root} {onkeydown}>
            <h2 id="carry-title">{"Another version of this article"}</h2>
            <p id="carry-question">{ props.question.clone() }</p>
            <p class="carry-how">{"Each annotation is placed by comparing the two versions, then by its quoted text; one that cannot be placed for certain is listed under \u{201c}Not placed\u{201d}, never put elsewhere."}</p>
            <div class="carry-buttons">
                <button ref={apply} class="primary" onclick={click(&props.on_apply)}>{"Apply to this article"}</button>
                <button onclick={click(&props.on_open)}>{ props.open_label.clone() }</button>
                <button onclick={cancel}>{"Cancel"}</button>
            </div>
        </div>
    }
}

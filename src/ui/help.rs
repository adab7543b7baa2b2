//! [`Help`]: the shortcut list, opened with `?`.

use crate::keymap::{self, Dialog, HELP};
use crate::web::keys;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub on_close: Callback<()>,
}

#[function_component(Help)]
pub fn help(props: &HelpProps) -> Html {
    let close = use_node_ref();
    super::focus::use_return_focus(close.clone());
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            e.stop_propagation();
            match keys::with_press(&e, keymap::dialog) {
                Some(Dialog::Close) => {
                    e.prevent_default();
                    on_close.emit(());
                }
                // The only control is the close button: Tab stays on it.
                Some(Dialog::Stay) => e.prevent_default(),
                None => {}
            }
        })
    };
    let onclick = {
        let on_close = props.on_close.clone();
        Callback::from(move |_| on_close.emit(()))
    };
    html! {
        <div class="backdrop">
            <div class="help" role="dialog" aria-modal="true" aria-labelledby="help-title" {onkeydown}>
                <div class="help-head">
                    <h2 id="help-title">{"Keyboard shortcuts"}</h2>
                    <button type="button" ref={close} {onclick}>{"Close"}</button>
                </div>
                <table>
                    <thead><tr><th scope="col">{"Keys"}</th><th scope="col">{"Where"}</th><th scope="col">{"Does"}</th></tr></thead>
                    <tbody>
                        { for HELP.iter().map(|row| html! {
                            <tr><td><kbd>{ row.keys }</kbd></td><td>{ row.place }</td><td>{ row.does }</td></tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}

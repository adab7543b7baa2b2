//! [`NoticeBar`]: the current message (info, error or progress with
//! Cancel).

use super::store::Notice;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    pub notice: Option<Notice>,
    pub on_dismiss: Callback<()>,
    /// Cancel the load in progress.
    pub on_cancel: Callback<()>,
}

#[function_component(NoticeBar)]
pub fn notice_bar(p: &NoticeBarProps) -> Html {
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    let notice = p.notice.as_ref().map(|n| match n {
        Notice::Progress { label, percent } => html! {
            <div class="notice info progress">
                <span class="notice-text">{ label }</span>
                <progress max="100" value={percent.to_string()} aria-label={label.clone()}>
                    { format!("{percent}%") }
                </progress>
                <button type="button" onclick={click(&p.on_cancel)}>{"Cancel"}</button>
            </div>
        },
        Notice::Info(text) | Notice::Error(text) => html! {
            <div class={if matches!(n, Notice::Error(_)) { "notice error" } else { "notice info" }}>
                <span class="notice-text">{ text }</span>
                <button type="button" class="notice-close" aria-label="Dismiss message"
                        onclick={click(&p.on_dismiss)}>{"×"}</button>
            </div>
        },
    });
    html! {
        <>
            { for notice }
        </>
    }
}

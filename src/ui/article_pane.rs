//! [`ArticlePane`]: the article (an element whose content `layout` builds
//! and Yew never touches) with its source line, or the paste box.

use super::paste_box::PasteBox;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticlePaneProps {
    pub pasting: bool,
    pub show_all: bool,
    /// The line above the article: its source and length.
    pub meta: AttrValue,
    pub article_ref: NodeRef,
    pub on_keydown: Callback<KeyboardEvent>,
    /// The article got (`true`) or lost the keyboard focus.
    pub on_focus: Callback<bool>,
    pub on_paste_text: Callback<String>,
    pub on_paste_html: Callback<(String, String)>,
    pub on_paste_cancel: Callback<()>,
}

#[function_component(ArticlePane)]
pub fn article_pane(p: &ArticlePaneProps) -> Html {
    if p.pasting {
        return html! {
            <section class="article-pane" aria-label="Article">
                <PasteBox on_text={p.on_paste_text.clone()} on_html={p.on_paste_html.clone()}
                          on_cancel={p.on_paste_cancel.clone()} />
            </section>
        };
    }
    html! {
        <section class="article-pane" aria-label="Article">
            <p class="article-meta">{ p.meta.clone() }</p>
            <article class={classes!("article", p.show_all.then_some("show-all"))} ref={p.article_ref.clone()} tabindex="0"
                aria-label="Article text. Arrow keys move the reading cursor, Shift extends the selection, Ctrl+Enter tags it; press ? for all shortcuts."
                onkeydown={p.on_keydown.clone()}
                onfocus={p.on_focus.reform(|_: FocusEvent| true)}
                onblur={p.on_focus.reform(|_: FocusEvent| false)}></article>
        </section>
    }
}

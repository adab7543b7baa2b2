//! [`TagsDialog`]: your own tag set. Each tag is a [`TagRow`]; below them
//! a new tag, the relation types with the tags allowed at each end, and
//! saving and loading the set as a file. Every change is one model
//! command ([`super::tag_edit`]) handed to `on_apply`, so undo and redo
//! work and what the model refuses shows as a notice (here and in the
//! toolbar). Esc closes; Tab stays inside ([`keymap::tags_dialog`]).

use super::store::Notice;
use super::tag_edit;
use super::tag_row::TagRow;
use crate::keymap::{self, TagsDialog as Key};
use crate::model::{Command, RelationType, Schema};
use crate::web::keys;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TagsDialogProps {
    pub schema: Schema,
    /// Annotations per tag, in the set's order.
    pub counts: Rc<Vec<usize>>,
    pub notice: Option<Notice>,
    pub on_apply: Callback<Command>,
    pub on_close: Callback<()>,
    pub on_save: Callback<()>,
    pub on_load: Callback<web_sys::File>,
}

#[function_component(TagsDialog)]
pub fn tags_dialog(p: &TagsDialogProps) -> Html {
    let (root, close) = (use_node_ref(), use_node_ref());
    super::focus::use_return_focus(close.clone());
    let onkeydown = {
        let (on_close, root) = (p.on_close.clone(), root.clone());
        Callback::from(
            move |e: KeyboardEvent| match keys::with_press(&e, keymap::tags_dialog) {
                Some(Key::Close) => {
                    e.prevent_default();
                    e.stop_propagation();
                    on_close.emit(());
                }
                Some(Key::Tab { back }) => super::focus::trap_tab(&e, &root, back),
                None => {}
            },
        )
    };
    let on_close = p.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="backdrop">
            <div class="tags-dialog" role="dialog" aria-modal="true" aria-labelledby="tags-title"
                 ref={root} {onkeydown}>
                <div class="help-head">
                    <h2 id="tags-title">{"Tags"}</h2>
                    <button type="button" ref={close} onclick={on_close}>{"Close"}</button>
                </div>
                { notice(p.notice.as_ref()) }
                <ol class="tag-list" aria-label="Your tags">
                    { for p.schema.tags().iter().zip(p.counts.iter()).map(|(t, n)| html! {
                        <TagRow key={t.id.as_str()} schema={p.schema.clone()} id={t.id.clone()}
                                n_annotations={*n} on_apply={p.on_apply.clone()} />
                    }) }
                </ol>
                { add_tag(p) }
                { relations(p) }
                { files(p) }
            </div>
        </div>
    }
}

/// The notice bar's message, repeated inside the dialog (the backdrop
/// hides the toolbar's).
fn notice(n: Option<&Notice>) -> Html {
    let (class, text) = match n {
        Some(Notice::Error(t)) => ("notice error", t),
        Some(Notice::Info(t)) => ("notice info", t),
        _ => return html! { <div class="tags-notice" aria-live="polite"></div> },
    };
    html! {
        <div class="tags-notice" aria-live="polite">
            <p class={class}>{ text.clone() }</p>
        </div>
    }
}

/// A new tag: its label; keys, colour and cue are suggested.
fn add_tag(p: &TagsDialogProps) -> Html {
    let input = NodeRef::default();
    let onsubmit = {
        let (on_apply, schema, input) = (p.on_apply.clone(), p.schema.clone(), input.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(i) = input.cast::<web_sys::HtmlInputElement>() {
                on_apply.emit(tag_edit::add_tag(&schema, &i.value()));
                i.set_value("");
            }
        })
    };
    html! {
        <form class="add-tag" {onsubmit}>
            <label>{"New tag "}<input type="text" ref={input} /></label>
            <button type="submit">{"Add tag"}</button>
        </form>
    }
}

/// Each relation type, with a check box per tag at its start and its end.
fn relations(p: &TagsDialogProps) -> Html {
    html! {
        <section class="relation-types" aria-labelledby="relations-title">
            <h3 id="relations-title">{"Relations"}</h3>
            if p.schema.relation_types().is_empty() {
                <p class="empty">{"This tag set has no relations."}</p>
            }
            { for p.schema.relation_types().iter().map(|k| relation(p, k)) }
        </section>
    }
}

fn relation(p: &TagsDialogProps, kind: &RelationType) -> Html {
    let end = |from: bool| {
        let (legend, allowed) = if from {
            ("From", &kind.from)
        } else {
            ("To", &kind.to)
        };
        html! {
            <fieldset class="relation-end">
                <legend>{ legend }</legend>
                { for p.schema.tags().iter().map(|t| {
                    let onchange = {
                        let (on_apply, kind, tag) = (p.on_apply.clone(), kind.clone(), t.id.clone());
                        Callback::from(move |e: Event| {
                            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                                on_apply.emit(tag_edit::set_end(&kind, from, &tag, i.checked()));
                            }
                        })
                    };
                    html! {
                        <label><input type="checkbox" checked={allowed.contains(&t.id)} {onchange} />
                            { format!(" {}", t.label) }</label>
                    }
                }) }
            </fieldset>
        }
    };
    html! {
        <fieldset class="relation-type">
            <legend>{ kind.label.clone() }</legend>
            { end(true) }{ end(false) }
        </fieldset>
    }
}

/// Save the set as a file, or load one.
fn files(p: &TagsDialogProps) -> Html {
    let on_load = {
        let on_load = p.on_load.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let file = input.files().and_then(|f| f.get(0));
            input.set_value("");
            if let Some(f) = file {
                on_load.emit(f);
            }
        })
    };
    html! {
        <div class="tag-files">
            <button type="button" onclick={p.on_save.reform(|_: MouseEvent| ())}>{"Save tag set…"}</button>
            <label class="button file-button">{"Load tag set…"}
                <input type="file" aria-label="Load tag set" accept=".json,application/json" onchange={on_load} />
            </label>
        </div>
    }
}

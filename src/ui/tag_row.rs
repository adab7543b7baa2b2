//! [`TagRow`]: one tag in the Tags dialog: its label, keys, colour and
//! cue, its place in the set, removing it (asking what becomes of its
//! annotations), and its fields. Every change is one command from
//! [`super::tag_edit`], emitted as it is made.

use super::messages;
use super::tag_edit::{self, TagEdit};
use crate::model::schema::palette::{self, PALETTE};
use crate::model::{Command, Cue, Schema, TagDef, TagId};
use crate::web::clock;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TagRowProps {
    pub schema: Schema,
    pub id: TagId,
    /// How many annotations have the tag.
    pub n_annotations: usize,
    pub on_apply: Callback<Command>,
}

/// The value of the input or select an event came from.
pub fn value_of(e: &Event) -> Option<String> {
    if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
        return Some(i.value());
    }
    e.target_dyn_into::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
}

/// A change handler that turns the control's value into a command.
fn on_change(
    on_apply: &Callback<Command>,
    f: impl Fn(String, &str) -> Option<Command> + 'static,
) -> Callback<Event> {
    let on_apply = on_apply.clone();
    Callback::from(move |e: Event| {
        if let Some(c) = value_of(&e).and_then(|v| f(v, &clock::now_rfc3339())) {
            on_apply.emit(c);
        }
    })
}

#[function_component(TagRow)]
pub fn tag_row(p: &TagRowProps) -> Html {
    let removing = use_state(|| false);
    let Some(tag) = p.schema.tag(&p.id).cloned() else {
        return Html::default();
    };
    let id = tag.id.to_string();
    html! {
        <li class="tag-row">
            <fieldset>
                <legend>
                    <span class="count" data-tag={id.clone()}>{ tag.label.clone() }</span>
                    { format!(" {}", messages::count(p.n_annotations, "annotation")) }
                </legend>
                { settings(p, &tag) }
                { place_and_removal(p, &tag, &removing) }
                if *removing { { remove_box(p, &tag, &removing) } }
                { fields(p, &tag) }
            </fieldset>
        </li>
    }
}

/// Label, number key, letter, colour and cue.
fn settings(p: &TagRowProps, tag: &TagDef) -> Html {
    let id = tag.id.to_string();
    let edit = |f: fn(String) -> TagEdit| {
        let tag = tag.clone();
        on_change(&p.on_apply, move |v, at| {
            Some(tag_edit::update_tag(&tag, f(v), at))
        })
    };
    let on_label = edit(TagEdit::Label);
    let on_key = edit(|v| TagEdit::Key(v.chars().next()));
    let on_letter = edit(|v| TagEdit::Letter(tag_edit::letter_of(&v)));
    let on_color = edit(TagEdit::Color);
    let on_cue = edit(|v| TagEdit::Cue(cue_named(&v)));
    let colour = palette::swatch(&tag.color).color;
    let key = tag.key.map(String::from).unwrap_or_default();
    html! {
        <div class="tag-settings">
            <label>{"Label "}<input type="text" id={format!("tag-{id}-label")} value={tag.label.clone()} onchange={on_label} /></label>
            <label>{"Number key "}
                <select onchange={on_key}>
                    <option value="" selected={key.is_empty()}>{"None"}</option>
                    { for ('1'..='9').map(|k| html! { <option value={k.to_string()} selected={key == k.to_string()}>{ k }</option> }) }
                </select>
            </label>
            <label>{"Letter "}<input type="text" class="letter" maxlength="1" size="2"
                value={tag.letter.map(|l| l.to_ascii_uppercase().to_string()).unwrap_or_default()} onchange={on_letter} /></label>
            <label>{"Colour "}
                <select onchange={on_color}>
                    { for PALETTE.iter().map(|s| html! { <option value={s.color} selected={s.color == colour}>{ s.name }</option> }) }
                </select>
            </label>
            <label>{"Underline "}
                <select onchange={on_cue}>
                    { for Cue::ALL.iter().map(|c| html! { <option value={c.css()} selected={*c == tag.cue}>{ tag_edit::cue_name(*c) }</option> }) }
                </select>
            </label>
        </div>
    }
}

fn cue_named(css: &str) -> Cue {
    Cue::ALL
        .into_iter()
        .find(|c| c.css() == css)
        .unwrap_or_default()
}

/// Move up, move down and remove.
fn place_and_removal(p: &TagRowProps, tag: &TagDef, removing: &UseStateHandle<bool>) -> Html {
    let mover = |up: bool| {
        let (on_apply, schema, id) = (p.on_apply.clone(), p.schema.clone(), tag.id.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(c) = tag_edit::move_tag(&schema, &id, up) {
                on_apply.emit(c);
            }
        })
    };
    let i = p.schema.index(&tag.id).unwrap_or(0);
    let last = p.schema.tags().len() - 1;
    let on_remove = {
        let (on_apply, id, removing, n) = (
            p.on_apply.clone(),
            tag.id.clone(),
            removing.clone(),
            p.n_annotations,
        );
        Callback::from(move |_: MouseEvent| {
            if n == 0 {
                on_apply.emit(Command::RemoveTag {
                    id: id.clone(),
                    then: crate::model::Disposal::Delete,
                    at: clock::now_rfc3339(),
                });
            } else {
                removing.set(true);
            }
        })
    };
    let label = &tag.label;
    html! {
        <div class="tag-actions">
            <button type="button" onclick={mover(true)} disabled={i == 0} aria-label={format!("Move up: {label}")}>{"Move up"}</button>
            <button type="button" onclick={mover(false)} disabled={i == last} aria-label={format!("Move down: {label}")}>{"Move down"}</button>
            <button type="button" onclick={on_remove} aria-label={format!("Remove tag: {label}")}>{"Remove tag"}</button>
        </div>
    }
}

/// Asked before removing a tag in use: what becomes of its annotations.
fn remove_box(p: &TagRowProps, tag: &TagDef, removing: &UseStateHandle<bool>) -> Html {
    let ways = tag_edit::disposals(&p.schema, &tag.id);
    let question_id = format!("tag-{}-remove", tag.id);
    let select = NodeRef::default();
    let on_confirm = {
        let (on_apply, id, select, removing) = (
            p.on_apply.clone(),
            tag.id.clone(),
            select.clone(),
            removing.clone(),
        );
        let ways = ways.clone();
        Callback::from(move |_: MouseEvent| {
            let i = select
                .cast::<web_sys::HtmlSelectElement>()
                .map_or(0, |s| s.selected_index().max(0) as usize);
            if let Some((then, _)) = ways.get(i) {
                removing.set(false);
                on_apply.emit(Command::RemoveTag {
                    id: id.clone(),
                    then: then.clone(),
                    at: clock::now_rfc3339(),
                });
            }
        })
    };
    let on_cancel = {
        let removing = removing.clone();
        Callback::from(move |_: MouseEvent| removing.set(false))
    };
    html! {
        <div class="tag-remove" role="group" aria-labelledby={question_id.clone()}>
            <p id={question_id}>{ messages::remove_tag_question(&tag.label, p.n_annotations) }</p>
            <select ref={select} aria-label="What becomes of them">
                { for ways.iter().map(|(_, words)| html! { <option>{ words.clone() }</option> }) }
            </select>
            <button type="button" onclick={on_confirm}>{ format!("Remove {}", tag.label) }</button>
            <button type="button" onclick={on_cancel}>{"Keep it"}</button>
        </div>
    }
}

/// The tag's fields, each with its remove button, and a form to add one.
fn fields(p: &TagRowProps, tag: &TagDef) -> Html {
    let (name, kind, options) = (NodeRef::default(), NodeRef::default(), NodeRef::default());
    let on_add = {
        let (on_apply, tag) = (p.on_apply.clone(), tag.clone());
        let (name, kind, options) = (name.clone(), kind.clone(), options.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let input = |r: &NodeRef| r.cast::<web_sys::HtmlInputElement>();
            let (Some(n), Some(o)) = (input(&name), input(&options)) else {
                return;
            };
            let k = kind.cast::<web_sys::HtmlSelectElement>().map(|s| s.value());
            if let Some(kind) = k.and_then(|k| tag_edit::field_kind(&k, &o.value())) {
                on_apply.emit(tag_edit::add_field(
                    &tag,
                    &n.value(),
                    kind,
                    &clock::now_rfc3339(),
                ));
                n.set_value("");
                o.set_value("");
            }
        })
    };
    let label = &tag.label;
    html! {
        <div class="tag-fields">
            <ul>
                { for tag.fields.iter().map(|f| field_item(p, tag, f)) }
            </ul>
            <form class="add-field" onsubmit={on_add} aria-label={format!("New field of {label}")}>
                <label>{"Field name "}<input type="text" ref={name} aria-label={format!("Field name of {label}")} /></label>
                <label>{"Type "}
                    <select ref={kind} aria-label={format!("Type of new field of {label}")}>
                        { for tag_edit::FIELD_TYPES.iter().map(|(v, words)| html! { <option value={*v}>{ *words }</option> }) }
                    </select>
                </label>
                <label>{"Options (a choice's, comma-separated) "}<input type="text" ref={options} /></label>
                <button type="submit">{"Add field"}</button>
            </form>
        </div>
    }
}

fn field_item(p: &TagRowProps, tag: &TagDef, f: &crate::model::FieldDef) -> Html {
    let on_remove = {
        let (on_apply, tag, id) = (p.on_apply.clone(), tag.clone(), f.id.to_string());
        Callback::from(move |_: MouseEvent| {
            on_apply.emit(tag_edit::remove_field(&tag, &id, &clock::now_rfc3339()))
        })
    };
    let kind = tag_edit::FIELD_TYPES
        .iter()
        .find(|(v, _)| *v == f.kind.name())
        .map_or(f.kind.name(), |(_, w)| w);
    let options = f.options().join(", ");
    html! {
        <li class="field-item">
            <span>{ format!("{} ({kind})", f.label) }</span>
            if !options.is_empty() { <span class="field-options">{ format!(": {options}") }</span> }
            <button type="button" onclick={on_remove}
                    aria-label={format!("Remove field {} of {}", f.label, tag.label)}>{"Remove"}</button>
        </li>
    }
}

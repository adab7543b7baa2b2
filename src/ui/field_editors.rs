//! The chooser's field editors: one labelled control per field of the tag
//! picked, each plain text underneath ([`FieldForm`]), so every type is
//! edited with the keyboard alone: a list for choices and yes/no, a text
//! box for text, numbers, web addresses and dates.

use super::field_form::{FieldError, FieldForm};
use crate::model::{FieldDef, FieldKind, TagDef};
use yew::prelude::*;

/// The element id of a field's editor (to focus it when it does not fit).
pub fn editor_id(def: &FieldDef) -> String {
    format!("field-{}", def.id)
}

/// The editors of `tag`'s fields; `on_input` gets (field, text).
pub fn field_editors(
    tag: &TagDef,
    form: &FieldForm,
    error: Option<&FieldError>,
    on_input: &Callback<(crate::model::FieldId, String)>,
) -> Html {
    if tag.fields.is_empty() {
        return Html::default();
    }
    html! {
        <fieldset class="chooser-fields">
            <legend>{ format!("{} fields", tag.label) }</legend>
            { for tag.fields.iter().map(|def| {
                let bad = error.filter(|e| e.field == def.id);
                editor(def, form.text(tag, def), bad, on_input)
            }) }
        </fieldset>
    }
}

fn editor(
    def: &FieldDef,
    text: String,
    error: Option<&FieldError>,
    on_input: &Callback<(crate::model::FieldId, String)>,
) -> Html {
    let id = editor_id(def);
    let error_id = format!("{id}-error");
    let oninput = {
        let (cb, field) = (on_input.clone(), def.id.clone());
        Callback::from(move |e: Event| {
            let target = e.target();
            let value = target
                .as_ref()
                .and_then(|t| wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlInputElement>(t))
                .map(|i| i.value())
                .or_else(|| {
                    target
                        .as_ref()
                        .and_then(|t| {
                            wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlSelectElement>(t)
                        })
                        .map(|s| s.value())
                });
            if let Some(v) = value {
                cb.emit((field.clone(), v));
            }
        })
    };
    let invalid = error.is_some().then_some("true");
    let described = error.is_some().then(|| error_id.clone());
    let control = match &def.kind {
        FieldKind::Choice { options, .. } => {
            let options: Vec<(String, String)> =
                options.iter().map(|o| (o.clone(), o.clone())).collect();
            list(
                &id,
                options,
                def.default.is_none(),
                &text,
                oninput,
                invalid,
                described,
            )
        }
        FieldKind::YesNo => {
            let options = vec![("yes".into(), "Yes".into()), ("no".into(), "No".into())];
            list(&id, options, true, &text, oninput, invalid, described)
        }
        kind => {
            let (ty, placeholder, mode) = match kind {
                FieldKind::Url => ("url", "https://…", None),
                FieldKind::Date => ("text", "YYYY-MM-DD", Some("numeric")),
                FieldKind::Number => ("text", "", Some("decimal")),
                _ => ("text", "", None),
            };
            html! {
                <input id={id.clone()} type={ty} value={text} placeholder={placeholder}
                       inputmode={mode} aria-invalid={invalid} aria-describedby={described}
                       onchange={oninput.clone()}
                       oninput={ let cb = oninput; Callback::from(move |e: InputEvent| cb.emit(e.into())) } />
            }
        }
    };
    html! {
        <div class="field">
            <label for={id}>{ def.label.clone() }</label>
            { control }
            if let Some(e) = error {
                <p id={error_id} class="field-error">{ e.message.clone() }</p>
            }
        </div>
    }
}

/// A `<select>` of `options` (value, label), with an "unset" entry first
/// when `unset`.
fn list(
    id: &str,
    options: Vec<(String, String)>,
    unset: bool,
    text: &str,
    onchange: Callback<Event>,
    invalid: Option<&'static str>,
    described: Option<String>,
) -> Html {
    html! {
        <select id={id.to_owned()} {onchange} aria-invalid={invalid} aria-describedby={described}>
            if unset { <option value="" selected={text.is_empty()}>{"—"}</option> }
            { for options.into_iter().map(|(value, label)| {
                let selected = value == text;
                html! { <option {value} {selected}>{ label }</option> }
            }) }
        </select>
    }
}

//! The panel's head: counts per tag and per choice ("Verdict: Unverified
//! 3 · False 1"), and the worklist filters (tag, field value, text).

use super::worklist::{field_filters, Filter};
use crate::model::case::Lowercase;
use crate::model::{FieldKind, Session, TagId};
use yew::prelude::*;

/// Counts per tag, then per option of each choice field in use. O(tags ×
/// fields × options): the counts are kept by the session.
pub fn counts(session: &Session) -> Html {
    let schema = session.schema();
    let choices = schema.tags().iter().flat_map(|t| {
        t.fields.iter().filter_map(move |f| {
            let FieldKind::Choice { options, .. } = &f.kind else {
                return None;
            };
            let parts: Vec<String> = options
                .iter()
                .map(|o| (o, session.count_choice(t.id.as_str(), f.id.as_str(), o)))
                .filter(|(_, n)| *n > 0)
                .map(|(o, n)| format!("{o} {n}"))
                .collect();
            (!parts.is_empty())
                .then(|| format!("{} {}: {}", t.label, f.label.lowercase(), parts.join(" · ")))
        })
    });
    html! {
        <>
            <p class="counts">
                { for schema.tags().iter().map(|t| html! {
                    <span class="count" data-tag={t.id.to_string()}>{ format!("{} {}", t.label, session.count(&t.id)) }</span>
                }) }
            </p>
            { for choices.map(|line| html! { <p class="choice-counts">{ line }</p> }) }
        </>
    }
}

/// The filter controls; each change emits the whole new filter.
pub fn filters(session: &Session, filter: &Filter, on_filter: &Callback<Filter>) -> Html {
    let values = field_filters(session);
    let on_tag = {
        let (cb, f) = (on_filter.clone(), filter.clone());
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let v = s.value();
                let tag = (!v.is_empty()).then(|| TagId::from(v));
                cb.emit(Filter { tag, ..f.clone() });
            }
        })
    };
    let on_value = {
        let (cb, f, values) = (on_filter.clone(), filter.clone(), values.clone());
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                let picked = usize::try_from(s.selected_index() - 1)
                    .ok()
                    .and_then(|i| values.get(i));
                let field = picked.map(|(t, fd, v, _)| (t.clone(), fd.clone(), v.clone()));
                cb.emit(Filter { field, ..f.clone() });
            }
        })
    };
    let on_text = {
        let (cb, f) = (on_filter.clone(), filter.clone());
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                cb.emit(Filter {
                    text: i.value(),
                    ..f.clone()
                });
            }
        })
    };
    let is = |t: &TagId| filter.tag.as_ref() == Some(t);
    let picked = |(t, fd, v, _): &(TagId, crate::model::FieldId, String, String)| {
        filter
            .field
            .as_ref()
            .is_some_and(|(a, b, c)| a == t && b == fd && c == v)
    };
    html! {
        <div class="filters" role="group" aria-label="Filter the list">
            <select class="filter-tag" aria-label="Show tag" onchange={on_tag}>
                <option value="" selected={filter.tag.is_none()}>{"All tags"}</option>
                { for session.schema().tags().iter().map(|t| html! {
                    <option value={t.id.to_string()} selected={is(&t.id)}>{ t.label.clone() }</option>
                }) }
            </select>
            <select class="filter-value" aria-label="Show field value" onchange={on_value}>
                <option value="" selected={filter.field.is_none()}>{"Any field value"}</option>
                { for values.iter().map(|v| html! {
                    <option selected={picked(v)}>{ v.3.clone() }</option>
                }) }
            </select>
            <input type="search" class="filter-text" placeholder="Filter by text" aria-label="Filter by text"
                   value={filter.text.clone()} oninput={on_text} />
        </div>
    }
}

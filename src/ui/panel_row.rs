//! One row of the side panel: the annotation's text (click: focus it), its
//! tag, note, fields and links, and the buttons that edit, link and delete
//! it. A link names the other end ("Said by: Zas"); clicking it focuses
//! that annotation, its × removes the link.

use super::annotation_list::PanelCallbacks;
use super::worklist::{fields_summary, links, links_summary, Link};
use crate::model::format::excerpt;
use crate::model::{Annotation, Schema, Session, TagId};
use std::rc::Rc;
use yew::prelude::*;

/// Height of one row including the gap below it, in CSS px (matches `.row`).
pub const ROW_PX: f64 = 108.0;
/// Links a row names; the rest are counted.
const LINKS_SHOWN: usize = 3;

/// The tags a row can be changed to: (id, label) in the set's order.
pub type TagOptions = Rc<Vec<(AttrValue, AttrValue)>>;

pub fn tag_options(schema: &Schema) -> TagOptions {
    Rc::new(
        schema
            .tags()
            .iter()
            .map(|t| (t.id.to_string().into(), t.label.clone().into()))
            .collect(),
    )
}

/// What one row shows.
#[derive(Clone, PartialEq)]
pub struct Row {
    id: AttrValue,
    tag: AttrValue,
    tag_label: AttrValue,
    excerpt: AttrValue,
    note: AttrValue,
    fields: AttrValue,
    links: Rc<Vec<Link>>,
    /// "Source of 3 · Supports 1" when a kind has several links.
    groups: AttrValue,
    /// How it was carried from another version ("Carried: fuzzy (93 %)").
    anchoring: AttrValue,
    /// Row index in the list, and the number of rows.
    position: usize,
    set_size: usize,
}

impl Row {
    /// Annotation `a`, row `position` of `set_size`.
    pub fn of(a: &Annotation, session: &Session, position: usize, set_size: usize) -> Self {
        let links = links(session, &a.id);
        let groups: Vec<String> = links_summary(&links)
            .into_iter()
            .filter(|(_, n)| *n > 1)
            .map(|(label, n)| format!("{label} {n}"))
            .collect();
        Self {
            id: AttrValue::from(a.id.as_str().to_owned()),
            tag: a.tag.to_string().into(),
            tag_label: session.schema().label(&a.tag).to_owned().into(),
            excerpt: excerpt(session.article().text.slice(a.range), 120).into(),
            note: AttrValue::from(a.note.clone()),
            fields: fields_summary(session, a).into(),
            links: Rc::new(links),
            groups: groups.join(" · ").into(),
            anchoring: session
                .anchoring(a)
                .map(super::messages::anchoring)
                .unwrap_or_default()
                .into(),
            position,
            set_size,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct RowProps {
    pub row: Row,
    pub tags: TagOptions,
    pub focused: bool,
    pub callbacks: PanelCallbacks,
}

/// A callback of `cbs` given this row's id.
fn with_id(cb: &Callback<AttrValue>, id: &AttrValue) -> Callback<MouseEvent> {
    let (cb, id) = (cb.clone(), id.clone());
    Callback::from(move |_| cb.emit(id.clone()))
}

#[function_component(RowView)]
pub fn row_view(props: &RowProps) -> Html {
    let (row, cbs) = (&props.row, &props.callbacks);
    let id = row.id.clone();
    let on_retag = {
        let (cb, id) = (cbs.on_retag.clone(), id.clone());
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                cb.emit((id.clone(), TagId::from(select.value())));
            }
        })
    };
    let on_note = {
        let (cb, id, old) = (cbs.on_note.clone(), id.clone(), row.note.clone());
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                if input.value() != old.as_str() {
                    cb.emit((id.clone(), input.value()));
                }
            }
        })
    };
    let what = format!("{}: {}", row.tag_label, row.excerpt);
    html! {
        <li class={classes!("row", props.focused.then_some("focused"))} data-tag={row.tag.clone()}
            style={format!("top:{}px", super::px(row.position as f64 * ROW_PX))}
            aria-setsize={row.set_size.to_string()} aria-posinset={(row.position + 1).to_string()}
            aria-current={props.focused.then_some("true")}>
            <button type="button" class="row-excerpt" onclick={with_id(&cbs.on_select, &id)}>{ row.excerpt.clone() }</button>
            <div class="row-head">
                <select class="row-tag" aria-label="Tag" onchange={on_retag}>
                    { for props.tags.iter().map(|(id, label)| html! {
                        <option value={id.clone()} selected={*id == row.tag}>{ label.clone() }</option>
                    }) }
                </select>
                <input type="text" class="row-note" placeholder="Note" aria-label="Note"
                       maxlength={crate::model::limits::MAX_NOTE_CHARS.to_string()}
                       value={row.note.clone()} onchange={on_note} />
                <button type="button" class="row-action" onclick={with_id(&cbs.on_edit, &id)}
                        aria-label={format!("Edit {what}")} title="Edit tag, note and fields">{"Edit"}</button>
                <button type="button" class="row-action" onclick={with_id(&cbs.on_link, &id)}
                        aria-label={format!("Link {what}")} title="Link to another annotation">{"Link"}</button>
                <button type="button" class="row-action row-delete" onclick={with_id(&cbs.on_remove, &id)}
                        aria-label={format!("Delete {what}")}>{"Delete"}</button>
            </div>
            { info(row, cbs) }
        </li>
    }
}

/// The line under the controls: fields, then links.
fn info(row: &Row, cbs: &PanelCallbacks) -> Html {
    let hidden = row.links.len().saturating_sub(LINKS_SHOWN);
    html! {
        <p class="row-info">
            if !row.anchoring.is_empty() { <span class="row-anchoring">{ row.anchoring.clone() }</span> }
            if !row.fields.is_empty() { <span class="row-fields">{ row.fields.clone() }</span> }
            if !row.groups.is_empty() { <span class="row-groups">{ row.groups.clone() }</span> }
            { for row.links.iter().take(LINKS_SHOWN).map(|l| link_chip(l, cbs)) }
            if hidden > 0 { <span class="row-more">{ format!("+{hidden} more") }</span> }
        </p>
    }
}

fn link_chip(l: &Link, cbs: &PanelCallbacks) -> Html {
    let name = format!("{}: {}", l.label, l.other_text);
    let other = AttrValue::from(l.other.as_str().to_owned());
    let unlink = {
        let (cb, id) = (
            cbs.on_unlink.clone(),
            AttrValue::from(l.id.as_str().to_owned()),
        );
        Callback::from(move |_| cb.emit(id.clone()))
    };
    html! {
        <span class="link-chip">
            <button type="button" class="link-go" onclick={with_id(&cbs.on_select, &other)}
                    title="Go to the linked annotation">{ name.clone() }</button>
            <button type="button" class="link-remove" onclick={unlink}
                    aria-label={format!("Remove link {name}")}>{"×"}</button>
        </span>
    }
}

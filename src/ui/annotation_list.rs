//! [`AnnotationList`]: the side panel listing annotations in reading order.

use crate::model::Tag;
use std::rc::Rc;
use yew::prelude::*;

/// What one row shows.
#[derive(Clone, PartialEq)]
pub struct Row {
    pub id: AttrValue,
    pub tag: Tag,
    pub excerpt: AttrValue,
    pub note: AttrValue,
}

#[derive(Properties, PartialEq)]
pub struct AnnotationListProps {
    pub rows: Rc<Vec<Row>>,
    pub focused: Option<AttrValue>,
    pub on_select: Callback<AttrValue>,
    pub on_retag: Callback<(AttrValue, Tag)>,
    pub on_note: Callback<(AttrValue, String)>,
    pub on_remove: Callback<AttrValue>,
}

#[function_component(AnnotationList)]
pub fn annotation_list(props: &AnnotationListProps) -> Html {
    let counts = Tag::ALL.map(|t| props.rows.iter().filter(|r| r.tag == t).count());
    html! {
        <aside class="panel" aria-labelledby="panel-title">
            <div class="panel-head">
                <h2 id="panel-title">{ format!("Annotations ({})", props.rows.len()) }</h2>
                <p class="counts">
                    { for Tag::ALL.iter().zip(counts).map(|(t, n)| html! {
                        <span class={classes!("count", t.name())}>{ format!("{} {n}", t.label()) }</span>
                    }) }
                </p>
            </div>
            if props.rows.is_empty() {
                <p class="empty">{"No annotations yet. Select text in the article and press Ctrl+Enter."}</p>
            } else {
                <ol class="rows">
                    { for props.rows.iter().map(|row| html! {
                        <RowView key={row.id.as_str()} row={row.clone()}
                            focused={props.focused.as_ref() == Some(&row.id)}
                            on_select={props.on_select.clone()} on_retag={props.on_retag.clone()}
                            on_note={props.on_note.clone()} on_remove={props.on_remove.clone()} />
                    }) }
                </ol>
            }
        </aside>
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    row: Row,
    focused: bool,
    on_select: Callback<AttrValue>,
    on_retag: Callback<(AttrValue, Tag)>,
    on_note: Callback<(AttrValue, String)>,
    on_remove: Callback<AttrValue>,
}

#[function_component(RowView)]
fn row_view(props: &RowProps) -> Html {
    let row = &props.row;
    let li = use_node_ref();
    {
        let li = li.clone();
        use_effect_with(props.focused, move |focused| {
            if *focused {
                if let Some(el) = li.cast::<web_sys::Element>() {
                    let opts = web_sys::ScrollIntoViewOptions::new();
                    opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    el.scroll_into_view_with_scroll_into_view_options(&opts);
                }
            }
        });
    }
    let id = row.id.clone();
    let on_select = {
        let (cb, id) = (props.on_select.clone(), id.clone());
        Callback::from(move |_| cb.emit(id.clone()))
    };
    let on_retag = {
        let (cb, id) = (props.on_retag.clone(), id.clone());
        Callback::from(move |e: Event| {
            if let Some(tag) = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .and_then(|s| Tag::from_name(&s.value()))
            {
                cb.emit((id.clone(), tag));
            }
        })
    };
    let on_note = {
        let (cb, id, old) = (props.on_note.clone(), id.clone(), row.note.clone());
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                if input.value() != old.as_str() {
                    cb.emit((id.clone(), input.value()));
                }
            }
        })
    };
    let on_remove = {
        let (cb, id) = (props.on_remove.clone(), id);
        Callback::from(move |_| cb.emit(id.clone()))
    };
    html! {
        <li ref={li} class={classes!("row", row.tag.name(), props.focused.then_some("focused"))}
            aria-current={props.focused.then_some("true")}>
            <button type="button" class="row-excerpt" onclick={on_select}>{ row.excerpt.clone() }</button>
            <div class="row-head">
                <select class="row-tag" aria-label="Tag" onchange={on_retag}>
                    { for Tag::ALL.iter().map(|t| html! {
                        <option value={t.name()} selected={*t == row.tag}>{ t.label() }</option>
                    }) }
                </select>
                <input type="text" class="row-note" placeholder="Note" aria-label="Note"
                       value={row.note.clone()} onchange={on_note} />
                <button type="button" class="row-delete" onclick={on_remove}
                        aria-label={format!("Delete {}: {}", row.tag.label(), row.excerpt)}>{"Delete"}</button>
            </div>
        </li>
    }
}

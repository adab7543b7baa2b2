//! [`AnnotationList`]: the side panel listing annotations in reading order.
//!
//! Virtualised: rows have a fixed height and only those in view (plus a few
//! either side) are rendered, so ten thousand annotations cost what twenty do.

use super::doc::Doc;
use super::layout::DomCell;
use super::store::{Action, State};
use crate::model::format::excerpt;
use crate::model::{Annotation, AnnotationId, Command, Schema, TagId, Text};
use crate::web::clock;
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

/// Height of one row including the gap below it, in CSS px (matches `.row`).
const ROW_PX: f64 = 84.0;
/// Rows rendered beyond each edge of the view.
const OVERSCAN: usize = 6;
/// Delay before the list scrolls to a newly focused row, in ms.
const PANEL_DELAY_MS: u32 = 50;

/// What a row can ask for. Stable across renders (see
/// [`use_panel_callbacks`]), so a cursor move re-renders no row.
#[derive(Clone, PartialEq)]
pub struct PanelCallbacks {
    pub on_select: Callback<AttrValue>,
    pub on_retag: Callback<(AttrValue, TagId)>,
    pub on_note: Callback<(AttrValue, String)>,
    pub on_remove: Callback<AttrValue>,
}

#[derive(Properties, PartialEq)]
pub struct AnnotationListProps {
    pub doc: Doc,
    pub focused: Option<AnnotationId>,
    pub callbacks: PanelCallbacks,
}

/// The panel's callbacks, made once: they use only the dispatcher, the
/// session cell and the DOM cell, which never change.
#[hook]
pub fn use_panel_callbacks(state: &UseReducerHandle<State>, dom: &DomCell) -> PanelCallbacks {
    let (d, cell, dom) = (state.dispatcher(), state.doc.cell(), dom.clone());
    (*use_memo((), move |_| {
        let id = |v: &AttrValue| AnnotationId::from(v.as_str());
        let on_select = {
            let d = d.clone();
            Callback::from(move |v: AttrValue| {
                let session = cell.borrow();
                let block = session.get(&id(&v)).and_then(|a| {
                    dom.borrow()
                        .as_ref()?
                        .block_element(session.article(), a.range.start())
                });
                if let Some(el) = block {
                    flash(&el);
                }
                d.dispatch(Action::Focus(Some(id(&v))));
            })
        };
        let on_retag = {
            let d = d.clone();
            Callback::from(move |(v, tag): (AttrValue, TagId)| {
                let at = clock::now_rfc3339();
                d.dispatch(Action::Apply(Command::Retag {
                    id: id(&v),
                    tag,
                    at,
                }))
            })
        };
        let on_note = {
            let d = d.clone();
            Callback::from(move |(v, note): (AttrValue, String)| {
                let at = clock::now_rfc3339();
                d.dispatch(Action::Apply(Command::Note {
                    id: id(&v),
                    note,
                    at,
                }))
            })
        };
        let on_remove = Callback::from(move |v: AttrValue| {
            d.dispatch(Action::Apply(Command::Remove { id: id(&v) }))
        });
        PanelCallbacks {
            on_select,
            on_retag,
            on_note,
            on_remove,
        }
    }))
    .clone()
}

/// Briefly mark `el` (CSS animation on `.flash`) and scroll it into view.
fn flash(el: &Element) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    let _ = el.class_list().remove_1("flash");
    let _ = el.class_list().add_1("flash");
    let el = el.clone();
    gloo::timers::callback::Timeout::new(1_200, move || {
        let _ = el.class_list().remove_1("flash");
    })
    .forget();
}

/// Bring the focused annotation's row into view, a little later: the
/// highlight in the article is painted first, the panel follows.
#[hook]
fn use_follow_focus(
    focused: &Option<AnnotationId>,
    doc: &Doc,
    scroller: &NodeRef,
    view: &UseStateHandle<(f64, f64)>,
) {
    let (scroller, doc, view) = (scroller.clone(), doc.clone(), view.clone());
    let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    use_effect_with(focused.clone(), move |focused| {
        let focused = focused.clone();
        let later = move || {
            let index = focused.as_ref().and_then(|id| doc.session().position(id));
            // From the tracked view, not the element: reading layout here
            // would force a layout in the middle of every change.
            if let (Some(i), Some(el)) = (index, scroller.cast::<web_sys::Element>()) {
                let (top, height) = *view;
                let row_top = i as f64 * ROW_PX;
                if row_top < top || row_top + ROW_PX > top + height {
                    let to = (row_top - height / 3.0).max(0.0);
                    el.set_scroll_top(to);
                    view.set((to, height));
                }
            }
        };
        *pending.borrow_mut() = Some(gloo::timers::callback::Timeout::new(PANEL_DELAY_MS, later));
    });
}

#[function_component(AnnotationList)]
pub fn annotation_list(props: &AnnotationListProps) -> Html {
    let scroller = use_node_ref();
    // (scroll top, view height) of the scroller, in CSS px.
    let view = use_state(|| (0.0_f64, 800.0_f64));
    let onscroll = {
        let (view, scroller) = (view.clone(), scroller.clone());
        Callback::from(move |_: Event| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                view.set((el.scroll_top(), f64::from(el.client_height())));
            }
        })
    };
    use_follow_focus(&props.focused, &props.doc, &scroller, &view);
    let session = props.doc.session();
    let (all, text) = (session.annotations(), &session.article().text);
    let n = all.len();
    // The rows in view, and a few either side.
    let (top, height) = *view;
    let first = ((top / ROW_PX) as usize).saturating_sub(OVERSCAN).min(n);
    let last = (((top + height) / ROW_PX).ceil() as usize + OVERSCAN).min(n);
    let tags = tag_options(session.schema());
    html! {
        <aside class="panel" aria-labelledby="panel-title">
            <div class="panel-head">
                <h2 id="panel-title">{ format!("Annotations ({n})") }</h2>
                <p class="counts">
                    { for session.schema().tags().iter().map(|t| html! {
                        <span class="count" data-tag={t.id.to_string()}>{ format!("{} {}", t.label, session.count(&t.id)) }</span>
                    }) }
                </p>
            </div>
            if all.is_empty() {
                <p class="empty">{"No annotations yet. Select text in the article and press Ctrl+Enter."}</p>
            } else {
                <div class="rows-scroll" ref={scroller} {onscroll}>
                    <ol class="rows" style={format!("height:{}px", super::px(n as f64 * ROW_PX))}>
                        { for all[first..last].iter().enumerate().map(|(k, a)| {
                            let row = Row::of(a, session.schema(), text, first + k, n);
                            let focused = props.focused.as_ref() == Some(&a.id);
                            html! {
                                <RowView key={a.id.as_str()} {focused} {row} tags={tags.clone()} callbacks={props.callbacks.clone()} />
                            }
                        }) }
                    </ol>
                </div>
            }
        </aside>
    }
}

/// The tags a row can be changed to: (id, label) in the set's order.
type TagOptions = Rc<Vec<(AttrValue, AttrValue)>>;

fn tag_options(schema: &Schema) -> TagOptions {
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
struct Row {
    id: AttrValue,
    /// The tag's id and label.
    tag: AttrValue,
    tag_label: AttrValue,
    excerpt: AttrValue,
    note: AttrValue,
    /// Index in reading order, and the number of rows.
    position: usize,
    set_size: usize,
}

impl Row {
    /// Annotation `a`, row `position` of `set_size`.
    fn of(a: &Annotation, schema: &Schema, text: &Text, position: usize, set_size: usize) -> Self {
        Self {
            id: AttrValue::from(a.id.as_str().to_owned()),
            tag: a.tag.to_string().into(),
            tag_label: schema.label(&a.tag).to_owned().into(),
            excerpt: excerpt(text.slice(a.range), 120).into(),
            note: AttrValue::from(a.note.clone()),
            position,
            set_size,
        }
    }
}

#[derive(Properties, PartialEq)]
struct RowProps {
    row: Row,
    tags: TagOptions,
    focused: bool,
    callbacks: PanelCallbacks,
}

#[function_component(RowView)]
fn row_view(props: &RowProps) -> Html {
    let (row, cbs) = (&props.row, &props.callbacks);
    let id = row.id.clone();
    let on_select = {
        let (cb, id) = (cbs.on_select.clone(), id.clone());
        Callback::from(move |_| cb.emit(id.clone()))
    };
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
    let on_remove = {
        let (cb, id) = (cbs.on_remove.clone(), id);
        Callback::from(move |_| cb.emit(id.clone()))
    };
    html! {
        <li class={classes!("row", props.focused.then_some("focused"))} data-tag={row.tag.clone()}
            style={format!("top:{}px", super::px(row.position as f64 * ROW_PX))}
            aria-setsize={row.set_size.to_string()} aria-posinset={(row.position + 1).to_string()}
            aria-current={props.focused.then_some("true")}>
            <button type="button" class="row-excerpt" onclick={on_select}>{ row.excerpt.clone() }</button>
            <div class="row-head">
                <select class="row-tag" aria-label="Tag" onchange={on_retag}>
                    { for props.tags.iter().map(|(id, label)| html! {
                        <option value={id.clone()} selected={*id == row.tag}>{ label.clone() }</option>
                    }) }
                </select>
                <input type="text" class="row-note" placeholder="Note" aria-label="Note"
                       value={row.note.clone()} onchange={on_note} />
                <button type="button" class="row-delete" onclick={on_remove}
                        aria-label={format!("Delete {}: {}", row.tag_label, row.excerpt)}>{"Delete"}</button>
            </div>
        </li>
    }
}

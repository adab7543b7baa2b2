//! [`AnnotationList`]: the side panel listing annotations in reading order.
//!
//! A worklist: it lists what the filter lets through ([`Filter`]), with
//! counts per tag and per choice. Virtualised: rows have a fixed height and
//! only those in view (plus a few either side) are rendered, so ten
//! thousand annotations cost what twenty do.

use super::doc::Doc;
use super::layout::DomCell;
use super::panel_row::{tag_options, Row, RowView, ROW_PX};
use super::store::{Action, State};
use super::worklist::Filter;
use crate::model::{AnnotationId, Command, RelationId, Session, TagId};
use crate::web::clock;
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

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
    pub on_edit: Callback<AttrValue>,
    pub on_link: Callback<AttrValue>,
    /// Remove the relation with this id.
    pub on_unlink: Callback<AttrValue>,
    pub on_filter: Callback<Filter>,
    /// Pick the orphan (annotation not placed) that A attaches.
    pub on_pick_orphan: Callback<AnnotationId>,
}

#[derive(Properties, PartialEq)]
pub struct AnnotationListProps {
    pub doc: Doc,
    pub focused: Option<AnnotationId>,
    pub filter: Filter,
    pub callbacks: PanelCallbacks,
    /// The orphan A attaches ([`super::orphan_list`]).
    pub orphan_pick: Option<AnnotationId>,
    /// The adjudication section ([`super::adjudication_panel`]), if any.
    #[prop_or_default]
    pub adjudication: Html,
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
                let block = super::layout::annotation_block(&dom, &cell.borrow(), &id(&v));
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
        let send = |f: fn(AttrValue) -> Vec<Action>| {
            let d = d.clone();
            Callback::from(move |v: AttrValue| f(v).into_iter().for_each(|a| d.dispatch(a)))
        };
        let on_remove = send(|v| {
            vec![Action::Apply(Command::Remove {
                id: AnnotationId::from(v.as_str()),
            })]
        });
        let on_edit = send(|v| vec![Action::Edit(AnnotationId::from(v.as_str()))]);
        let on_link = send(|v| {
            vec![
                Action::Focus(Some(AnnotationId::from(v.as_str()))),
                Action::OpenLink,
            ]
        });
        let on_unlink = send(|v| {
            let id = RelationId::from(v.as_str());
            vec![Action::Apply(Command::Unlink { id })]
        });
        let on_pick_orphan = {
            let d = d.clone();
            Callback::from(move |id| d.dispatch(Action::PickOrphan(id)))
        };
        let on_filter = Callback::from(move |f| d.dispatch(Action::Filter(f)));
        PanelCallbacks {
            on_select,
            on_retag,
            on_note,
            on_remove,
            on_edit,
            on_link,
            on_unlink,
            on_filter,
            on_pick_orphan,
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
    listed: &Rows,
    doc: &Doc,
    scroller: &NodeRef,
    view: &UseStateHandle<(f64, f64)>,
) {
    let (scroller, doc, view) = (scroller.clone(), doc.clone(), view.clone());
    let listed = listed.clone();
    let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    use_effect_with(focused.clone(), move |focused| {
        let focused = focused.clone();
        let later = move || {
            let index = focused
                .as_ref()
                .and_then(|id| listed.position(&doc.session(), id));
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

/// The panel's rows: every annotation (`None`) or those the filter lets
/// through, by index in reading order.
#[derive(Clone, PartialEq)]
struct Rows(Option<Rc<Vec<usize>>>);

impl Rows {
    fn of(session: &Session, filter: &Filter) -> Self {
        Rows(filter.rows(session).map(Rc::new))
    }

    fn len(&self, session: &Session) -> usize {
        self.0
            .as_ref()
            .map_or(session.annotations().len(), |v| v.len())
    }

    /// The index in reading order of row `k`.
    fn index(&self, k: usize) -> usize {
        self.0.as_ref().map_or(k, |v| v[k])
    }

    fn position(&self, session: &Session, id: &AnnotationId) -> Option<usize> {
        let i = session.position(id)?;
        match &self.0 {
            None => Some(i),
            Some(v) => v.binary_search(&i).ok(),
        }
    }
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
    let rows = {
        let doc = props.doc.clone();
        (*use_memo((props.doc.clone(), props.filter.clone()), move |(_, f)| {
            Rows::of(&doc.session(), f)
        }))
        .clone()
    };
    use_follow_focus(&props.focused, &rows, &props.doc, &scroller, &view);
    let session = props.doc.session();
    let (all, n) = (session.annotations(), rows.len(&session));
    // The rows in view, and a few either side.
    let (top, height) = *view;
    let first = ((top / ROW_PX) as usize).saturating_sub(OVERSCAN).min(n);
    let last = (((top + height) / ROW_PX).ceil() as usize + OVERSCAN).min(n);
    let tags = tag_options(session.schema());
    let title = if rows.0.is_some() {
        format!("Annotations ({n} of {})", all.len())
    } else {
        format!("Annotations ({n})")
    };
    html! {
        <aside class="panel" aria-labelledby="panel-title">
            <div class="panel-head">
                <h2 id="panel-title">{ title }</h2>
                { super::panel_filters::counts(&session) }
                { super::panel_filters::filters(&session, &props.filter, &props.callbacks.on_filter) }
            </div>
            { props.adjudication.clone() }
            { super::orphan_list::orphan_list(&props.doc, props.orphan_pick.as_ref(), &props.callbacks.on_pick_orphan) }
            if all.is_empty() {
                <p class="empty">{"No annotations yet. Select text in the article and press Ctrl+Enter."}</p>
            } else if n == 0 {
                <p class="empty">{"No annotation matches the filter."}</p>
            } else {
                <div class="rows-scroll" ref={scroller} {onscroll}>
                    <ol class="rows" style={format!("height:{}px", super::px(n as f64 * ROW_PX))}>
                        { for (first..last).map(|k| {
                            let a = &all[rows.index(k)];
                            let row = Row::of(a, &session, k, n);
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

//! Painting highlights: what is in view, after every change of the
//! annotations or the focus, and once per frame while the page scrolls.

use super::adjudicating::Adjudicating;
use super::layout::DomCell;
use super::linking::Linking;
use super::store::State;
use crate::model::{AnnotationId, Session, TextRange};
use crate::web::highlights::Painter;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

type PainterCell = Rc<RefCell<Option<Painter>>>;
/// The disagreements being adjudicated, for the repaint while scrolling.
type AdjudicatingCell = Rc<RefCell<Option<Adjudicating>>>;

/// How long after the last scroll event the view is measured once more, ms.
const SETTLED_MS: u32 = 120;

/// Make the painted ranges match the annotations in view; `fresh`: the
/// view moved, so measure what is in it again.
fn repaint(
    dom: &DomCell,
    painter: &PainterCell,
    session: &Session,
    adjudicating: &AdjudicatingCell,
    fresh: bool,
) {
    if let (Some(dom), Some(p)) = (dom.borrow().as_ref(), painter.borrow_mut().as_mut()) {
        if let Some(window) = dom.visible_window(session.article(), fresh) {
            p.sync(dom, session, window);
            let (marks, current) = disagreements(adjudicating.borrow().as_ref(), window);
            p.disagreements(dom, session.article(), marks, current);
        }
    }
}

/// The disagreements in `window`, by kind ([`crate::web::highlights::DISAGREEMENTS`]),
/// and the selected one.
fn disagreements(
    adj: Option<&Adjudicating>,
    window: TextRange,
) -> (Vec<(TextRange, usize)>, Option<TextRange>) {
    use crate::model::agreement::adjudicate::Kind;
    let Some(adj) = adj else {
        return (Vec::new(), None);
    };
    let items = &adj.plan.adjudication.items;
    let marks = adj
        .plan
        .adjudication
        .items_over(window)
        .map(|i| {
            let kind = match items[i].kind {
                Kind::Only(_) => 0,
                Kind::Tag => 1,
                Kind::Bounds => 2,
            };
            (items[i].range(), kind)
        })
        .collect();
    (marks, items.get(adj.current).map(|i| i.range()))
}

/// The spans to mark as related: the other ends of the focused
/// annotation's links, and the link dialog's highlighted candidate.
fn related(
    session: &Session,
    focused: Option<&AnnotationId>,
    linking: Option<&Linking>,
) -> Vec<TextRange> {
    let mut out: Vec<TextRange> = focused
        .into_iter()
        .flat_map(|id| {
            session
                .relations_of(id)
                .filter_map(move |r| r.other_end(id))
        })
        .filter_map(|id| session.get(id).map(|a| a.range))
        .collect();
    if let Some(l) = linking {
        out.extend(
            super::linking::candidates(session, l)
                .get(l.active)
                .map(|a| a.range),
        );
    }
    out
}

#[hook]
pub fn use_paint(state: &UseReducerHandle<State>, dom: &DomCell) {
    let painter: PainterCell = use_mut_ref(Painter::new);
    let adjudicating: AdjudicatingCell = use_mut_ref(|| None);
    *adjudicating.borrow_mut() = state.adjudicating.clone();
    // A new article's page: nothing painted is valid any more. (Annotations
    // opened onto the open article keep its page and its painted ranges,
    // which the next repaint brings up to date.)
    {
        let painter = painter.clone();
        use_effect_with((state.doc.layout(), state.pasting), move |_| {
            if let Some(p) = painter.borrow_mut().as_mut() {
                p.clear();
            }
        });
    }
    {
        let (dom, painter, doc) = (dom.clone(), painter.clone(), state.doc.clone());
        let adj = adjudicating.clone();
        let shown = (state.doc.generation(), state.pasting, state.show_all);
        let fresh = use_mut_ref(|| None);
        let deps = (
            state.doc.clone(),
            shown,
            state.focused.clone(),
            state.linking.clone(),
            state.adjudicating.clone(),
        );
        use_effect_with(deps, move |(_, shown, focused, linking, _)| {
            let session = doc.session();
            // Measure the view again when other text may be in it.
            let moved = fresh.replace(Some(*shown)) != Some(*shown);
            repaint(&dom, &painter, &session, &adj, moved);
            if let (Some(dom), Some(p)) = (dom.borrow().as_ref(), painter.borrow().as_ref()) {
                let range = focused
                    .as_ref()
                    .and_then(|id| session.get(id))
                    .map(|a| a.range);
                let related = related(&session, focused.as_ref(), linking.as_ref());
                p.focus(dom, session.article(), range, &related);
            }
        });
    }
    let (dom, painter, cell) = (dom.clone(), painter, state.doc.cell());
    use_effect_with((), move |_| {
        let adj = adjudicating;
        let queued = Rc::new(Cell::new(false));
        let settled = Rc::new(RefCell::new(None::<Timeout>));
        let on_scroll = move |_: &Event| {
            // Once more when the scrolling has settled: runs scrolled into
            // view are laid out (content-visibility) only after the frame
            // that measured them at their placeholder size, and a far jump
            // (End, the scrollbar) may show other text than that measured.
            let (dom2, painter2, cell2, adj2) =
                (dom.clone(), painter.clone(), cell.clone(), adj.clone());
            *settled.borrow_mut() = Some(Timeout::new(SETTLED_MS, move || {
                repaint(&dom2, &painter2, &cell2.borrow(), &adj2, true);
            }));
            if queued.replace(true) {
                return;
            }
            let (queued, dom, painter, cell, adj) = (
                queued.clone(),
                dom.clone(),
                painter.clone(),
                cell.clone(),
                adj.clone(),
            );
            let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
                queued.set(false);
                repaint(&dom, &painter, &cell.borrow(), &adj, true);
            });
            let _ = gloo::utils::window().request_animation_frame(frame.unchecked_ref());
        };
        let window = gloo::utils::window();
        let on_scroll = Rc::new(on_scroll);
        let scroll = {
            let f = on_scroll.clone();
            EventListener::new(&window, "scroll", move |e| f(e))
        };
        let resize = EventListener::new(&window, "resize", move |e| on_scroll(e));
        move || drop((scroll, resize))
    });
}

//! Painting highlights: what is in view, after every change of the
//! annotations or the focus, and once per frame while the page scrolls.

use super::layout::DomCell;
use super::store::State;
use crate::model::Session;
use crate::web::highlights::Painter;
use gloo::events::EventListener;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

type PainterCell = Rc<RefCell<Option<Painter>>>;

/// Make the painted ranges match the annotations in view; `fresh`: the
/// view moved, so measure what is in it again.
fn repaint(dom: &DomCell, painter: &PainterCell, session: &Session, fresh: bool) {
    if let (Some(dom), Some(p)) = (dom.borrow().as_ref(), painter.borrow_mut().as_mut()) {
        if let Some(window) = dom.visible_window(session.article(), fresh) {
            p.sync(dom, session, window);
        }
    }
}

#[hook]
pub fn use_paint(state: &UseReducerHandle<State>, dom: &DomCell) {
    let painter: PainterCell = use_mut_ref(Painter::new);
    // A new article: nothing painted is valid any more.
    {
        let painter = painter.clone();
        use_effect_with((state.doc.generation(), state.pasting), move |_| {
            if let Some(p) = painter.borrow_mut().as_mut() {
                p.clear();
            }
        });
    }
    {
        let (dom, painter, doc) = (dom.clone(), painter.clone(), state.doc.clone());
        let shown = (state.doc.generation(), state.pasting, state.show_all);
        let fresh = use_mut_ref(|| None);
        let deps = (state.doc.clone(), shown, state.focused.clone());
        use_effect_with(deps, move |(_, shown, focused)| {
            let session = doc.session();
            // Measure the view again when other text may be in it.
            let moved = fresh.replace(Some(*shown)) != Some(*shown);
            repaint(&dom, &painter, &session, moved);
            if let (Some(dom), Some(p)) = (dom.borrow().as_ref(), painter.borrow().as_ref()) {
                let range = focused
                    .as_ref()
                    .and_then(|id| session.get(id))
                    .map(|a| a.range);
                p.focus(dom, session.article(), range);
            }
        });
    }
    let (dom, painter, cell) = (dom.clone(), painter, state.doc.cell());
    use_effect_with((), move |_| {
        let queued = Rc::new(Cell::new(false));
        let on_scroll = move |_: &Event| {
            if queued.replace(true) {
                return;
            }
            let (queued, dom, painter, cell) =
                (queued.clone(), dom.clone(), painter.clone(), cell.clone());
            let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
                queued.set(false);
                repaint(&dom, &painter, &cell.borrow(), true);
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

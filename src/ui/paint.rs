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

/// Make the painted ranges match the annotations in view.
fn repaint(dom: &DomCell, painter: &PainterCell, session: &Session) {
    if let (Some(dom), Some(p)) = (dom.borrow().as_ref(), painter.borrow_mut().as_mut()) {
        if let Some(window) = dom.visible_window(session.article()) {
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
        let deps = (state.doc.clone(), state.pasting, state.focused.clone());
        use_effect_with(deps, move |(_, _, focused)| {
            let session = doc.session();
            repaint(&dom, &painter, &session);
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
                repaint(&dom, &painter, &cell.borrow());
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

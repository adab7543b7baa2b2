//! The document selection as the view of the reading cursor.
//!
//! [`super::store::State::cursor`] is the one owner of the selection. This
//! hook feeds it what the user selects (`selectionchange`, and on
//! `pointerup` anywhere: a drag that ends outside the article counts too),
//! and writes it into the page after a render that moved it (keys, tagging,
//! snapping to words). Three small facts make that one-way:
//! - while a mouse button is down nothing is written (writing the
//!   selection cancels the drag that is making it);
//! - the DOM points last written are remembered, so the `selectionchange`
//!   our own write causes is known and not read back (a collapsed cursor
//!   is written as no selection at all: the caret shows it);
//! - a cursor that came from the page is not written back unless the store
//!   says the page does not show it (a drag clipped to the article).

use super::layout::DomCell;
use super::store::{Action, Cursor, State};
use crate::web::selection::{clear_selection, selection_points, Points};
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Default)]
struct View {
    /// A mouse button is down (a drag may be under way).
    dragging: bool,
    /// It went down inside the article.
    down_in_article: bool,
    /// The user changed the selection since it went down.
    selected_since_down: bool,
    /// Alt was held when it went down.
    alt_down: bool,
    /// The cursor last written, in which article, and the DOM points
    /// (`None`: a collapsed cursor, written as no selection).
    written: Option<(u64, Cursor, Option<Points>)>,
}

type ViewCell = Rc<RefCell<View>>;
type Session = Rc<RefCell<crate::model::Session>>;
type Dispatch = UseReducerDispatcher<State>;

#[hook]
pub fn use_selection(state: &UseReducerHandle<State>, dom: &DomCell) {
    let view: ViewCell = use_mut_ref(View::default);
    {
        let (view, dom, doc, d) = (
            view.clone(),
            dom.clone(),
            state.doc.cell(),
            state.dispatcher(),
        );
        use_effect_with((), move |_| listen(view, dom, doc, d));
    }
    // After every render: show the cursor if it moved and the page does not
    // show it already.
    let (view, dom, doc) = (view.clone(), dom.clone(), state.doc.cell());
    let (cursor, shown, generation) = (state.cursor, state.selection_shown, state.doc.generation());
    use_effect(move || {
        let mut v = view.borrow_mut();
        let same = v
            .written
            .as_ref()
            .is_some_and(|(g, c, _)| *g == generation && *c == cursor);
        if v.dragging || shown || same {
            return;
        }
        if cursor.is_collapsed() {
            clear_selection();
            v.written = Some((generation, cursor, None));
        } else if let Some(dom) = dom.borrow().as_ref() {
            v.written = dom
                .select_directed(doc.borrow().article(), cursor.anchor, cursor.head)
                .map(|points| (generation, cursor, Some(points)));
        }
    });
}

/// Tell the store what the user selected, unless the change is our own
/// write.
fn feed(view: &ViewCell, dom: &DomCell, doc: &Session, d: &Dispatch) {
    let points = selection_points();
    {
        let mut v = view.borrow_mut();
        if v.written.as_ref().is_some_and(|(_, _, w)| *w == points) {
            return;
        }
        v.written = None;
        v.selected_since_down |= v.dragging;
    }
    let dom = dom.borrow();
    let Some(dom) = dom.as_ref() else { return };
    let read = dom.read_selection(doc.borrow().article());
    d.dispatch(Action::Selected {
        cursor: read.map(|r| Cursor {
            anchor: r.anchor,
            head: r.head,
        }),
        clipped: read.is_some_and(|r| r.clipped),
    });
}

fn alt_held(e: &Event) -> bool {
    e.dyn_ref::<web_sys::MouseEvent>()
        .is_some_and(|m| m.alt_key())
}

/// The document's `selectionchange`, `pointerdown` and `pointerup`; the
/// returned closure removes them.
fn listen(view: ViewCell, dom: DomCell, doc: Session, d: Dispatch) -> impl FnOnce() {
    let document = gloo::utils::document();
    let on_change = {
        let (view, dom, doc, d) = (view.clone(), dom.clone(), doc.clone(), d.clone());
        EventListener::new(&document, "selectionchange", move |_| {
            feed(&view, &dom, &doc, &d)
        })
    };
    let on_down = {
        let (view, dom) = (view.clone(), dom.clone());
        EventListener::new(&document, "pointerdown", move |e| {
            let inside = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .zip(dom.borrow().as_ref().map(|d| d.container().clone()))
                .is_some_and(|(t, c)| c.contains(Some(&t)));
            let mut v = view.borrow_mut();
            v.dragging = true;
            v.down_in_article = inside;
            v.selected_since_down = false;
            v.alt_down = alt_held(e);
        })
    };
    let on_up = EventListener::new(&document, "pointerup", move |e| {
        // The last change may not have been reported yet.
        feed(&view, &dom, &doc, &d);
        let (click, selected, exact) = {
            let mut v = view.borrow_mut();
            v.dragging = false;
            (
                v.down_in_article,
                v.selected_since_down,
                alt_held(e) || v.alt_down,
            )
        };
        if click || selected {
            d.dispatch(Action::Pointer { exact, click });
        }
    });
    move || drop((on_change, on_down, on_up))
}

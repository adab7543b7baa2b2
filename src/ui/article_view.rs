//! The article view's effects: lay the article out once per article, paint
//! the highlights of what is in view (on change and on scroll), mirror the
//! reading cursor into the document selection and place the caret.

use super::px;
use super::store::{Cursor, State};
use crate::web::article_dom::ArticleDom;
use crate::web::highlights::Painter;
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

/// The article's DOM, once it has been laid out.
pub type DomCell = Rc<RefCell<Option<ArticleDom>>>;

pub struct ArticleView {
    pub dom: DomCell,
    /// Whether the article element has the keyboard focus.
    pub focused: UseStateHandle<bool>,
    /// The caret element (in the overlay).
    pub caret_ref: NodeRef,
}

#[hook]
pub fn use_article_view(state: &UseReducerHandle<State>, article_ref: &NodeRef) -> ArticleView {
    let state = state.clone();
    let article_ref = article_ref.clone();
    let dom: DomCell = use_mut_ref(|| None);
    let painter = use_mut_ref(Painter::new);
    // Lay out the article once per article; it is never diffed by Yew.
    {
        let (state, article_ref, dom, painter) = (
            state.clone(),
            article_ref.clone(),
            dom.clone(),
            painter.clone(),
        );
        use_effect_with((state.article_revision, state.pasting), move |_| {
            if let Some(el) = article_ref.cast::<Element>() {
                *dom.borrow_mut() = Some(ArticleDom::render(&el, &state.session));
                // A new article starts at its top (the first one wherever the
                // browser puts it).
                if state.article_revision > 0 {
                    gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
                }
                if let Some(p) = painter.borrow_mut().as_mut() {
                    p.clear();
                }
            }
        });
    }
    // Repaint highlights that changed (in the visible part of the article).
    {
        let (state, dom, painter) = (state.clone(), dom.clone(), painter.clone());
        use_effect_with(
            (state.revision, state.pasting, state.focused.clone()),
            move |_| {
                let session = state.session.borrow();
                if let (Some(dom), Some(p)) = (dom.borrow().as_ref(), painter.borrow_mut().as_mut())
                {
                    if let Some(window) = dom.visible_window(session.article()) {
                        p.sync(dom, &session, window);
                    }
                    let focused = state
                        .focused
                        .as_deref()
                        .and_then(|id| session.get(id))
                        .map(|a| a.range);
                    p.focus(dom, session.article(), focused);
                }
            },
        );
    }
    // Paint what scrolls into view, once per frame at most.
    {
        let (session, dom, painter) = (state.session.clone(), dom.clone(), painter.clone());
        use_effect_with((), move |_| {
            let queued = Rc::new(std::cell::Cell::new(false));
            let repaint = move || {
                let session = session.borrow();
                if let (Some(dom), Some(p)) = (dom.borrow().as_ref(), painter.borrow_mut().as_mut())
                {
                    if let Some(window) = dom.visible_window(session.article()) {
                        p.sync(dom, &session, window);
                    }
                }
            };
            let repaint = Rc::new(repaint);
            let on_scroll = move |_: &Event| {
                if queued.replace(true) {
                    return;
                }
                let (queued, repaint) = (queued.clone(), repaint.clone());
                let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
                    queued.set(false);
                    repaint();
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
    // The reading cursor: mirror it as the document selection when it moves
    // (not on focus, which would cancel a mouse drag that is starting), and
    // place the caret while the article has the focus.
    let article_focused = use_state(|| false);
    let caret_ref = use_node_ref();
    {
        let (state, dom) = (state.clone(), dom.clone());
        use_effect_with(state.cursor, move |cursor| {
            if let Some(dom) = dom.borrow().as_ref() {
                dom.select_directed(state.session.borrow().article(), cursor.anchor, cursor.head);
            }
        });
    }
    {
        let (state, dom, caret_ref) = (state.clone(), dom.clone(), caret_ref.clone());
        let scrolled_to = use_mut_ref(Cursor::default);
        let deps = (
            state.cursor,
            *article_focused,
            state.revision,
            state.article_revision,
        );
        use_effect_with(deps, move |(cursor, focused, _, _)| {
            let session = state.session.borrow();
            let dom = dom.borrow();
            let (Some(dom), Some(caret)) = (dom.as_ref(), caret_ref.cast::<web_sys::HtmlElement>())
            else {
                return;
            };
            let rect = if *focused {
                dom.caret_rect(session.article(), cursor.head)
            } else {
                None
            };
            let style = match &rect {
                Some(r) => {
                    let w = gloo::utils::window();
                    let (sx, sy) = (w.scroll_x().unwrap_or(0.0), w.scroll_y().unwrap_or(0.0));
                    format!(
                        "left:{}px;top:{}px;height:{}px",
                        px(r.left() + sx),
                        px(r.top() + sy),
                        px(r.height())
                    )
                }
                None => "display:none".into(),
            };
            let _ = caret.set_attribute("style", &style);
            // Follow the caret when it moves, not when the focus changes: a
            // mouse press focuses the article and must not scroll it.
            if rect.is_some() && *scrolled_to.borrow() != *cursor {
                *scrolled_to.borrow_mut() = *cursor;
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                caret.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        });
    }
    ArticleView {
        dom,
        focused: article_focused,
        caret_ref,
    }
}

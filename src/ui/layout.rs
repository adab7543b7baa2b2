//! Laying the article out: once per article, into an element Yew renders
//! empty and never diffs.

use super::store::State;
use crate::web::article_dom::ArticleDom;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

/// The article's DOM, once it has been laid out.
pub type DomCell = Rc<RefCell<Option<ArticleDom>>>;

/// Build the article's DOM in `article_ref` whenever the article's layout
/// changes (or the paste box gave the element back); a new article starts
/// at the top of the page. Annotations imported onto the open article keep
/// its DOM and the reader's place.
#[hook]
pub fn use_layout(state: &UseReducerHandle<State>, article_ref: &NodeRef) -> DomCell {
    let dom: DomCell = use_mut_ref(|| None);
    let (doc, article_ref, cell) = (state.doc.clone(), article_ref.clone(), dom.clone());
    use_effect_with((state.doc.layout(), state.pasting), move |_| {
        let Some(el) = article_ref.cast::<Element>() else {
            return;
        };
        *cell.borrow_mut() = Some(ArticleDom::render(&el, &doc.cell()));
        // The first article wherever the browser puts it.
        if doc.layout() > 0 {
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    dom
}

/// The block element holding the start of annotation `id`, if it is on the
/// page (for the panel's jump and the link dialog's candidate).
pub fn annotation_block(
    dom: &DomCell,
    session: &crate::model::Session,
    id: &crate::model::AnnotationId,
) -> Option<Element> {
    let a = session.get(id)?;
    dom.borrow()
        .as_ref()?
        .block_element(session.article(), a.range.start())
}

//! [`LinkDialog`]: relating the focused annotation to another (L). Pick
//! the relation, type to filter the candidates (nearest first), move among
//! them with ↓ ↑ (each is shown in the article), Enter links; a click on a
//! candidate links to it. Keys are [`keymap::linking`]'s; the state is the
//! store's ([`Linking`]).

use super::doc::Doc;
use super::linking::{self, Linking};
use super::store::Action;
use crate::keymap::{self, Linking as Key};
use crate::model::format::excerpt;
use crate::model::AnnotationId;
use crate::web::{clock, keys};
use yew::prelude::*;

/// Candidates listed at once around the highlighted one.
const SHOWN: usize = 12;

#[derive(Properties, PartialEq)]
pub struct LinkDialogProps {
    pub doc: Doc,
    pub linking: Linking,
    pub dispatch: Callback<Action>,
    /// Bring an annotation of the article into view.
    pub show: Callback<AnnotationId>,
}

#[function_component(LinkDialog)]
pub fn link_dialog(props: &LinkDialogProps) -> Html {
    let (root, filter) = (use_node_ref(), use_node_ref());
    super::focus::use_return_focus(filter.clone());
    let session = props.doc.session();
    let l = &props.linking;
    let candidates = linking::candidates(&session, l);
    let active = candidates.get(l.active).map(|a| a.id.clone());
    use_effect_with(active.clone(), {
        let show = props.show.clone();
        move |active: &Option<AnnotationId>| {
            if let Some(id) = active {
                show.emit(id.clone());
            }
        }
    });
    let Some(at) = session.get(&l.at) else {
        return Html::default();
    };
    let options = linking::options(&session, at);
    let onkeydown = on_key(&props.dispatch, root.clone());
    let d = props.dispatch.clone();
    let on_option = Callback::from(move |e: Event| {
        let picked = e.target_dyn_into::<web_sys::HtmlSelectElement>();
        if let Some(i) = picked.and_then(|s| usize::try_from(s.selected_index()).ok()) {
            d.emit(Action::LinkOption(i));
        }
    });
    let d = props.dispatch.clone();
    let on_filter = Callback::from(move |e: InputEvent| {
        if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
            d.emit(Action::LinkFilter(i.value()));
        }
    });
    let text = &session.article().text;
    let first = l
        .active
        .saturating_sub(SHOWN / 2)
        .min(candidates.len().saturating_sub(SHOWN));
    let rows = candidates
        .iter()
        .enumerate()
        .skip(first)
        .take(SHOWN)
        .map(|(i, b)| {
            let label = session.schema().label(&b.tag).to_owned();
            candidate(
                &b.id,
                &label,
                text.slice(b.range),
                i == l.active,
                &props.dispatch,
            )
        });
    let title = format!(
        "Link {} \u{201c}{}\u{201d}",
        session.schema().label(&at.tag),
        excerpt(text.slice(at.range), 50)
    );
    let active_id = active.map(|id| format!("cand-{id}"));
    html! {
        <div class="link-dialog" role="dialog" aria-modal="true" aria-labelledby="link-title" ref={root} {onkeydown}>
            <p id="link-title" class="link-title">{ title }</p>
            <label class="link-row">{"Relation "}
                <select class="link-kind" onchange={on_option}>
                    { for options.iter().enumerate().map(|(i, o)| html! {
                        <option value={i.to_string()} selected={i == l.option}>{ linking::option_label(&session, o) }</option>
                    }) }
                </select>
            </label>
            <label class="link-row">{"Find "}
                <input type="text" ref={filter} class="link-filter" value={l.filter.clone()} oninput={on_filter}
                       role="combobox" aria-expanded="true" aria-controls="link-candidates" aria-autocomplete="list"
                       aria-activedescendant={active_id} />
            </label>
            <p class="link-count" aria-live="polite">{ super::messages::candidates(candidates.len()) }</p>
            <ul id="link-candidates" class="link-candidates" role="listbox" aria-label="Candidates">
                { for rows }
            </ul>
            <p class="chooser-help">{"↓ ↑ choose · Enter links · Esc closes"}</p>
        </div>
    }
}

/// One candidate; a click links to it.
fn candidate(
    id: &AnnotationId,
    label: &str,
    text: &str,
    active: bool,
    dispatch: &Callback<Action>,
) -> Html {
    let onclick = {
        let (d, id) = (dispatch.clone(), id.clone());
        Callback::from(move |_| {
            d.emit(Action::LinkTo {
                to: Some(id.clone()),
                id: clock::new_id().as_str().into(),
                at: clock::now_rfc3339(),
            })
        })
    };
    html! {
        <li id={format!("cand-{id}")} role="option" aria-selected={active.to_string()}
            class={classes!("link-candidate", active.then_some("active"))} {onclick}>
            <span class="link-tag">{ label.to_owned() }</span>{ " " }{ excerpt(text, 80) }
        </li>
    }
}

/// The dialog's keys.
fn on_key(dispatch: &Callback<Action>, root: NodeRef) -> Callback<KeyboardEvent> {
    let d = dispatch.clone();
    Callback::from(move |e: KeyboardEvent| {
        e.stop_propagation();
        let on_kinds = e.target().is_some_and(|t| {
            wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlSelectElement>(&t).is_some()
        });
        let Some(key) = keys::with_press(&e, |p| keymap::linking(p, on_kinds)) else {
            return;
        };
        if let Key::Tab { back } = key {
            return super::focus::trap_tab(&e, &root, back);
        }
        e.prevent_default();
        d.emit(match key {
            Key::Cancel => Action::CloseLink,
            Key::Confirm => Action::LinkTo {
                to: None,
                id: clock::new_id().as_str().into(),
                at: clock::now_rfc3339(),
            },
            Key::Move { forward } => Action::LinkMove { forward },
            Key::Tab { .. } => return,
        });
    })
}

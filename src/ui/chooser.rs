//! [`Chooser`]: the tag dialog that opens beside the selection on Ctrl+Enter.
//!
//! What its keys mean is [`keymap::chooser`]'s answer: a tag's number or
//! letter tags at once, with Shift it picks the tag and moves to the note,
//! arrow keys move between the tags, Tab goes on to the note and the tag's
//! fields (and stays inside the dialog), Enter confirms, Esc cancels.

use super::field_editors::{editor_id, field_editors};
use super::field_form::{FieldError, FieldForm};
use super::store::Pending;
use crate::keymap::{self, Chooser as Key};
use crate::model::{Fields, Schema, TagDef, TagId};
use crate::web::keys;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChooserProps {
    pub pending: Pending,
    /// The span's text, shortened.
    pub excerpt: AttrValue,
    /// Where the span is now: left and bottom of its last line, top of its
    /// first, in viewport CSS px (it may scroll the span into view first).
    pub locate: Callback<(), Option<(f64, f64, f64)>>,
    /// The tag set the chooser offers.
    pub schema: Schema,
    /// Tag (or save) with the tag, the note and the fields.
    pub on_tag: Callback<(TagId, String, Fields)>,
    pub on_cancel: Callback<()>,
}

/// Approximate size of the dialog (CSS px), to keep it inside the viewport:
/// its width, its height without fields and the height each field adds.
const WIDTH: f64 = 340.0;
const HEIGHT: f64 = 190.0;
const FIELD_HEIGHT: f64 = 52.0;

/// The chooser's own state and elements.
#[derive(Clone)]
struct Parts {
    selected: UseStateHandle<TagId>,
    note: UseStateHandle<String>,
    form: UseStateHandle<FieldForm>,
    /// The field that did not fit when the user last confirmed.
    error: UseStateHandle<Option<FieldError>>,
    root: NodeRef,
    note_ref: NodeRef,
    /// One per tag, in the set's order.
    buttons: Rc<Vec<NodeRef>>,
}

#[function_component(Chooser)]
pub fn chooser(props: &ChooserProps) -> Html {
    let n_tags = props.schema.tags().len();
    let buttons = use_memo(n_tags, |n| (0..*n).map(|_| NodeRef::default()).collect());
    let parts = Parts {
        selected: use_state(|| props.pending.tag.clone()),
        note: use_state(|| props.pending.note.clone()),
        form: use_state(|| FieldForm::new(props.pending.fields.clone())),
        error: use_state(|| None),
        root: use_node_ref(),
        note_ref: use_node_ref(),
        buttons,
    };
    let first = props.schema.index(&props.pending.tag).unwrap_or(0);
    super::focus::use_return_focus(parts.buttons[first.min(n_tags.saturating_sub(1))].clone());
    let onkeydown = on_key(props, parts.clone());
    let submit = submitter(props, &parts);
    let on_field = {
        let (form, selected, error) = (
            parts.form.clone(),
            parts.selected.clone(),
            parts.error.clone(),
        );
        Callback::from(move |(field, text)| {
            let mut f = (*form).clone();
            f.set(&selected, &field, text);
            form.set(f);
            error.set(None);
        })
    };
    let Parts {
        selected,
        note,
        form,
        error,
        root,
        note_ref,
        buttons,
    } = parts;
    let height = HEIGHT
        + FIELD_HEIGHT
            * props
                .schema
                .tags()
                .iter()
                .map(|t| t.fields.len())
                .max()
                .unwrap_or(0) as f64;
    let style = use_follow_span(&props.locate, height);
    let fields = props
        .schema
        .tag(&selected)
        .map(|t| field_editors(t, &form, error.as_ref(), &on_field));
    html! {
        <div class="chooser" role="dialog" aria-modal="true" aria-labelledby="chooser-title"
             aria-describedby="chooser-help" ref={root} {style} {onkeydown}>
            <p id="chooser-title" class="chooser-title">
                { if props.pending.editing.is_some() { "Edit " } else { "Tag " } }<q>{ props.excerpt.clone() }</q>
            </p>
            <div class="chooser-tags" role="group" aria-label="Tag">
                { for props.schema.tags().iter().zip(buttons.iter()).map(|(tag, b)| tag_button(tag, &selected, &submit, b)) }
            </div>
            <label class="chooser-note">{"Note (optional) "}
                // maxlength counts UTF-16 units, never fewer than code
                // points: a note typed here always fits the model's limit.
                <input type="text" ref={note_ref} value={(*note).clone()}
                    maxlength={crate::model::limits::MAX_NOTE_CHARS.to_string()}
                    oninput={ let note = note.clone(); Callback::from(move |e: InputEvent| {
                        if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() { note.set(i.value()); }
                    }) } />
            </label>
            { fields.unwrap_or_default() }
            <p id="chooser-help" class="chooser-help">
                { keys_help(&props.schema) }
            </p>
        </div>
    }
}

/// The dialog's keys, as [`keymap::chooser`] reads them.
fn on_key(props: &ChooserProps, p: Parts) -> Callback<KeyboardEvent> {
    let on_cancel = props.on_cancel.clone();
    let submit = submitter(props, &p);
    let schema = props.schema.clone();
    Callback::from(move |e: KeyboardEvent| {
        // Keys typed here never reach the page's shortcuts.
        e.stop_propagation();
        // In the note or a field editor, typing types.
        let in_field = e.target().is_some_and(|t| {
            t.dyn_ref::<web_sys::HtmlInputElement>().is_some()
                || t.dyn_ref::<web_sys::HtmlSelectElement>().is_some()
        });
        let Some(key) = keys::with_press(&e, |press| keymap::chooser(press, in_field, &schema))
        else {
            return;
        };
        if let Key::Tab { back } = key {
            return super::focus::trap_tab(&e, &p.root, back);
        }
        e.prevent_default();
        let selected = (*p.selected).clone();
        match key {
            Key::Cancel => on_cancel.emit(()),
            Key::Confirm => submit.emit(selected),
            Key::Tag(tag) => submit.emit(tag),
            Key::Move { forward } => {
                let tag = if forward {
                    schema.next(&selected)
                } else {
                    schema.previous(&selected)
                };
                if let Some(b) = schema.index(&tag.id).and_then(|i| p.buttons.get(i)) {
                    focus(b);
                }
                p.selected.set(tag.id.clone());
            }
            Key::Pick(tag) => {
                p.selected.set(tag);
                focus(&p.note_ref);
            }
            Key::Tab { .. } => {}
        }
    })
}

/// What confirming with a tag does: tag with the note and the fields read
/// from the editors, or, when a field does not fit, show why there and
/// focus it.
fn submitter(props: &ChooserProps, p: &Parts) -> Callback<TagId> {
    let (on_tag, schema) = (props.on_tag.clone(), props.schema.clone());
    let (note, form, error, selected) = (
        p.note.clone(),
        p.form.clone(),
        p.error.clone(),
        p.selected.clone(),
    );
    Callback::from(move |tag: TagId| {
        let Some(def) = schema.tag(&tag) else { return };
        match form.fields(def) {
            Ok(fields) => on_tag.emit((tag, (*note).clone(), fields)),
            Err(e) => {
                let id = def.field(&e.field).map(editor_id).unwrap_or_default();
                selected.set(tag);
                error.set(Some(e));
                // After the render that shows the editor and its message.
                gloo::timers::callback::Timeout::new(0, move || {
                    if let Some(el) = gloo::utils::document().get_element_by_id(&id) {
                        if let Ok(el) = el.dyn_into::<HtmlElement>() {
                            let _ = el.focus();
                        }
                    }
                })
                .forget();
            }
        }
    })
}

/// The button of `tag`, with its keys.
fn tag_button(
    tag: &TagDef,
    selected: &UseStateHandle<TagId>,
    submit: &Callback<TagId>,
    node: &NodeRef,
) -> Html {
    let onclick = {
        let (submit, id) = (submit.clone(), tag.id.clone());
        Callback::from(move |_| submit.emit(id.clone()))
    };
    let onfocus = {
        let (selected, id) = (selected.clone(), tag.id.clone());
        Callback::from(move |_| selected.set(id.clone()))
    };
    let (digit, letter) = keymap::tag_keys(tag);
    let shortcuts: Vec<String> = [digit, letter]
        .into_iter()
        .flatten()
        .map(String::from)
        .collect();
    html! {
        <button type="button" class="tag-button" data-tag={tag.id.to_string()}
                aria-pressed={(**selected == tag.id).to_string()}
                // One Tab stop for the group: arrows move between the tags,
                // Tab goes on to the note and the fields.
                tabindex={if **selected == tag.id { "0" } else { "-1" }}
                aria-keyshortcuts={shortcuts.join(" ")}
                ref={node.clone()} {onclick} {onfocus}>
            if let Some(d) = digit { <kbd>{ d }</kbd>{ " " } }
            { tag.label.clone() }
        </button>
    }
}

/// The chooser's key line: "1/C, 2/Q, 3/S tag at once · …", with the set's keys.
fn keys_help(schema: &Schema) -> String {
    let keys: Vec<String> = schema
        .tags()
        .iter()
        .filter_map(|t| match keymap::tag_keys(t) {
            (Some(d), Some(l)) => Some(format!("{d}/{l}")),
            (Some(k), None) | (None, Some(k)) => Some(k.to_string()),
            (None, None) => None,
        })
        .collect();
    format!(
        "{} tag at once · Shift+key or Tab for the note and fields · Enter confirms · Esc cancels",
        keys.join(", ")
    )
}

fn focus(node: &NodeRef) {
    if let Some(el) = node.cast::<HtmlElement>() {
        let _ = el.focus();
    }
}

/// How many frames the chooser measures its span again after it opens: a
/// span scrolled into view moves while the browser lays out the runs it
/// skipped and keeps the scroll position anchored.
const SETTLE_FRAMES: u32 = 12;

/// The chooser's style, placed by its span: at once, then once a frame while
/// the span still moves (for [`SETTLE_FRAMES`] frames at most), and after
/// every scroll or resize. Each placement reads the layout.
#[hook]
fn use_follow_span(locate: &Callback<(), Option<(f64, f64, f64)>>, height: f64) -> String {
    // Whether placing it first scrolled the page (the span was out of view).
    let scrolled = use_mut_ref(|| false);
    let style = use_state({
        let (locate, scrolled) = (locate.clone(), scrolled.clone());
        move || {
            let before = viewport().3;
            let at = position(locate.emit(()).unwrap_or((16.0, 16.0, 16.0)), height);
            *scrolled.borrow_mut() = viewport().3 != before;
            at
        }
    });
    let (locate, handle) = (locate.clone(), style.clone());
    use_effect_with((), move |_| {
        let shown = std::cell::RefCell::new((*handle).clone());
        // Place again; true when that moved the chooser.
        let place = std::rc::Rc::new(move || {
            let Some(b) = locate.emit(()) else {
                return false;
            };
            let at = position(b, height);
            if *shown.borrow() == at {
                return false;
            }
            *shown.borrow_mut() = at.clone();
            handle.set(at);
            true
        });
        // Only a span that was scrolled to moves while the page settles;
        // otherwise measuring again would only cost a layout.
        let settle = if *scrolled.borrow() { SETTLE_FRAMES } else { 0 };
        let frames = frames(settle, place.clone());
        let window = gloo::utils::window();
        let on_scroll = {
            let place = place.clone();
            gloo::events::EventListener::new(&window, "scroll", move |_| {
                place();
            })
        };
        let on_resize = gloo::events::EventListener::new(&window, "resize", move |_| {
            place();
        });
        move || drop((frames, on_scroll, on_resize))
    });
    (*style).clone()
}

/// Frames still to come; dropping it cancels them.
struct Frames(std::rc::Rc<std::cell::Cell<bool>>);

impl Drop for Frames {
    fn drop(&mut self) {
        self.0.set(false);
    }
}

/// Run `f` in each of the next `n` animation frames while it returns true,
/// until the result is dropped.
fn frames(n: u32, f: std::rc::Rc<dyn Fn() -> bool>) -> Frames {
    let alive = std::rc::Rc::new(std::cell::Cell::new(true));
    fn next(n: u32, f: std::rc::Rc<dyn Fn() -> bool>, alive: std::rc::Rc<std::cell::Cell<bool>>) {
        if n == 0 || !alive.get() {
            return;
        }
        let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
            if alive.get() && f() {
                next(n - 1, f, alive);
            }
        });
        let _ = gloo::utils::window().request_animation_frame(frame.unchecked_ref());
    }
    next(n, f, alive.clone());
    Frames(alive)
}

/// Below the span, or above it when there is no room below; in page
/// coordinates so that it stays beside the text when the page scrolls.
fn position((left, top, bottom): (f64, f64, f64), height: f64) -> String {
    let (vw, vh, scroll_x, scroll_y) = viewport();
    let left = left.min(vw - WIDTH - 8.0).max(8.0);
    let top = if bottom + height + 8.0 > vh && top > height + 8.0 {
        top - height - 8.0
    } else {
        bottom + 8.0
    };
    // Inside the viewport and below the sticky toolbar, whatever the span's
    // box said.
    let top = top.min(vh - height - 8.0).max(toolbar_bottom() + 8.0);
    format!(
        "left:{}px;top:{}px",
        super::px(left + scroll_x),
        super::px(top + scroll_y)
    )
}

/// Where the sticky toolbar ends, in viewport CSS px (0 without one).
fn toolbar_bottom() -> f64 {
    gloo::utils::document()
        .query_selector(".toolbar")
        .ok()
        .flatten()
        .map_or(0.0, |t| t.get_bounding_client_rect().bottom().max(0.0))
}

/// Viewport width and height, and page scroll offsets, in CSS px.
fn viewport() -> (f64, f64, f64, f64) {
    let Some(w) = web_sys::window() else {
        return (1024.0, 768.0, 0.0, 0.0);
    };
    let size = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64());
    (
        size(w.inner_width()).unwrap_or(1024.0),
        size(w.inner_height()).unwrap_or(768.0),
        w.scroll_x().unwrap_or(0.0),
        w.scroll_y().unwrap_or(0.0),
    )
}

//! [`orphan_list`]: the panel's "Not placed" list — annotations carried from
//! another version of the article that could not be placed for certain,
//! each with its old quote in context. Clicking one picks it; A in the
//! article attaches the picked one (else the first) to the selection.

use super::doc::Doc;
use crate::model::format::excerpt;
use crate::model::reanchor::Orphan;
use crate::model::AnnotationId;
use yew::prelude::*;

/// The list (nothing when there is no orphan); `picked`: the orphan A
/// attaches. A plain function, not a component: it has no state of its
/// own, and a component costs page size.
pub fn orphan_list(
    doc: &Doc,
    picked: Option<&AnnotationId>,
    pick: &Callback<AnnotationId>,
) -> Html {
    let session = doc.session();
    let orphans: Vec<&Orphan> = session.orphans().collect();
    let Some(first) = orphans.first() else {
        return Html::default();
    };
    let picked = picked
        .filter(|id| orphans.iter().any(|o| &o.annotation.id == *id))
        .unwrap_or(&first.annotation.id);
    let items = orphans.iter().map(|o| {
        let label = session.schema().label(&o.annotation.tag).to_owned();
        item(o, &label, &o.annotation.id == picked, pick)
    });
    html! {
        <section class="orphans" aria-labelledby="orphans-title">
            <h3 id="orphans-title">{ format!("Not placed ({})", orphans.len()) }</h3>
            <p class="orphans-help">{"Not found for certain in this version. Select where one belongs and press A to attach the picked one."}</p>
            <ol class="orphan-items">{ for items }</ol>
        </section>
    }
}

/// One orphan: its tag, and its old quote between the ends of its context.
fn item(o: &Orphan, label: &str, picked: bool, pick: &Callback<AnnotationId>) -> Html {
    let onclick = {
        let (pick, id) = (pick.clone(), o.annotation.id.clone());
        Callback::from(move |_: MouseEvent| pick.emit(id.clone()))
    };
    let before: String = tail(&o.quote.prefix, 24);
    let after: String = o.quote.suffix.chars().take(24).collect();
    html! {
        <li>
            <button class={classes!("orphan", picked.then_some("picked"))} aria-pressed={picked.to_string()} {onclick}>
                <span class="orphan-tag">{ label.to_owned() }</span>{ " " }
                <span class="orphan-context">{ format!("\u{2026}{before}") }</span>
                <mark class="orphan-quote">{ excerpt(&o.quote.exact, 100) }</mark>
                <span class="orphan-context">{ format!("{after}\u{2026}") }</span>
            </button>
        </li>
    }
}

/// The last `n` code points of `s`.
fn tail(s: &str, n: usize) -> String {
    let skip = s.chars().count().saturating_sub(n);
    s.chars().skip(skip).collect()
}

//! [`adjudication_panel`]: the panel's section while adjudicating — each
//! annotator's agreement with the gold as it stands, the selected
//! disagreement with its versions and the decisions (buttons that do what
//! the keys do), and the disagreements around it, each with its kind in
//! words and the underline the article marks it with.

use super::adjudicating::Adjudicating;
use super::agreement_dialog::bar;
use super::doc::Doc;
use super::messages::adjudication as say;
use crate::keymap::{Decision, Reading};
use crate::model::agreement::adjudicate::Kind;
use crate::model::format::excerpt;
use crate::model::{Annotation, Session};
use yew::prelude::*;

/// Disagreements listed before and after the selected one.
const AROUND: usize = 5;

/// What the section asks for: select item `i` (and show it), or a key's
/// action.
#[derive(Clone, Copy, PartialEq)]
pub enum Ask {
    Go(usize),
    Key(Reading),
}

/// The section (nothing when not adjudicating). A plain function: it has
/// no state of its own.
pub fn adjudication_panel(adj: Option<&Adjudicating>, doc: &Doc, ask: &Callback<Ask>) -> Html {
    let Some(adj) = adj else {
        return Html::default();
    };
    let session = doc.session();
    let n = adj.n_items();
    html! {
        <section class="adjudication" aria-labelledby="adj-title">
            <h3 id="adj-title">{ format!("Adjudication: {} of {n} decided", adj.n_decided()) }</h3>
            { scores(adj) }
            if n == 0 {
                <p>{ say::NONE_LEFT }</p>
            } else {
                { current(adj, &session, ask) }
                { list(adj, &session, ask) }
            }
        </section>
    }
}

/// Each annotator (with the key that takes their spans) and their exact
/// F1 against the gold.
fn scores(adj: &Adjudicating) -> Html {
    let names = &adj.plan.adjudication.annotators;
    html! {
        <table class="adj-scores">
            <caption>{"Agreement with the gold (exact-span F1)"}</caption>
            <tbody>
                { for names.iter().zip(adj.scores.iter()).enumerate().map(|(k, (name, s))| html! {
                    <tr><th scope="row">{ format!("{} {name}", k + 1) }</th><td>{ bar(s.f1) }</td></tr>
                }) }
            </tbody>
        </table>
    }
}

/// The selected disagreement: its kind, what the gold holds, its versions,
/// and the decisions.
fn current(adj: &Adjudicating, session: &Session, ask: &Callback<Ask>) -> Html {
    let i = adj.current;
    let item = &adj.plan.adjudication.items[i];
    let names = &adj.plan.adjudication.annotators;
    let key = |r: Reading| {
        let ask = ask.clone();
        Callback::from(move |_: MouseEvent| ask.emit(Ask::Key(r)))
    };
    let versions = adj.plan.adjudication.versions(i, &adj.plan.union);
    let text = &session.article().text;
    let both = if names.len() == 2 {
        "Both (B)"
    } else {
        "All (B)"
    };
    html! {
        <div class="adj-current">
            <p class={classes!("adj-kind", kind_class(&item.kind))}>
                { format!("{} of {}: {}", i + 1, adj.n_items(), say::kind(adj, &item.kind)) }
                <span class="adj-outcome">{ format!(" \u{2014} {}", say::outcome(adj, i)) }</span>
            </p>
            <ul class="adj-versions">
                { for versions.iter().map(|v| html! {
                    <li>
                        <span class="adj-who">{ v.adjudicated_from.join(", ") }</span>{ ": " }
                        <span class="adj-tag">{ session.schema().label(&v.tag).to_owned() }</span>{ " " }
                        <q>{ excerpt(text.slice(v.range), 80) }</q>
                        if !v.note.is_empty() { <span class="adj-note">{ format!(" ({})", excerpt(&v.note, 60)) }</span> }
                        { links(adj, v) }
                    </li>
                }) }
            </ul>
            <div class="adj-decisions" role="group" aria-label="Decide">
                { for names.iter().take(9).enumerate().map(|(k, name)| html! {
                    <button type="button" onclick={key(Reading::Decide(Decision::Annotator(k)))}>{ format!("Take {name} ({})", k + 1) }</button>
                }) }
                <button type="button" onclick={key(Reading::Decide(Decision::All))}>{ both }</button>
                <button type="button" onclick={key(Reading::Decide(Decision::Neither))}>{"Neither (X)"}</button>
                <button type="button" onclick={key(Reading::Disagreement { next: false })}>{"Previous (Shift+N)"}</button>
                <button type="button" onclick={key(Reading::Disagreement { next: true })}>{"Next (N)"}</button>
            </div>
        </div>
    }
}

/// The relations at version `v` (which come into the gold with it when
/// the gold holds their other end).
fn links(adj: &Adjudicating, v: &Annotation) -> Html {
    let mut at = adj.plan.union.relations_of(&v.id).peekable();
    if at.peek().is_none() {
        return Html::default();
    }
    html! {
        <ul class="adj-links">
            { for at.map(|r| html! { <li>{ say::link(adj, r, &v.id) }</li> }) }
        </ul>
    }
}

/// The disagreements around the selected one.
fn list(adj: &Adjudicating, session: &Session, ask: &Callback<Ask>) -> Html {
    let n = adj.n_items();
    let first = adj.current.saturating_sub(AROUND);
    let last = (adj.current + AROUND + 1).min(n);
    let text = &session.article().text;
    let items = &adj.plan.adjudication.items;
    html! {
        <>
            if first > 0 { <p class="adj-more">{ format!("{first} before") }</p> }
            <ol class="adj-items" start={(first + 1).to_string()}>
                { for (first..last).map(|i| {
                    let item = &items[i];
                    let onclick = {
                        let ask = ask.clone();
                        Callback::from(move |_: MouseEvent| ask.emit(Ask::Go(i)))
                    };
                    let selected = i == adj.current;
                    html! {
                        <li>
                            <button type="button" class={classes!("adj-item", selected.then_some("selected"))}
                                    aria-current={selected.then_some("true")} {onclick}>
                                <span class={classes!("adj-kind", kind_class(&item.kind))}>{ say::kind(adj, &item.kind) }</span>{ " " }
                                <q>{ excerpt(text.slice(item.range()), 40) }</q>
                                <span class="adj-outcome">{ format!(" \u{2014} {}", say::outcome(adj, i)) }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
            if last < n { <p class="adj-more">{ format!("{} after", n - last) }</p> }
        </>
    }
}

/// The class that gives a kind its underline (as in the article).
fn kind_class(kind: &Kind) -> &'static str {
    match kind {
        Kind::Only(_) => "adj-only",
        Kind::Tag => "adj-tag",
        Kind::Bounds => "adj-bounds",
    }
}

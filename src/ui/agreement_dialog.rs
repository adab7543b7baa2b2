//! [`AgreementDialog`]: the agreement report of compared annotators. One
//! table per pair and tag (spans, exact and overlap F1, overlap precision
//! and recall, κ), α_u per tag, each F1 also as a bar (a `<meter>`, with
//! its figure beside it, so the chart reads without colour); the whole
//! report downloads as JSON or CSV (`docs/agreement.md`). Adjudicate
//! starts making the gold file from the compared files. Esc closes it.

use super::store::{Action, Compared};
use crate::model::agreement::view::{FieldRow, Row, ALL_TAGS};
use crate::web::download;
use std::rc::Rc;
use yew::prelude::*;

/// File names of the downloads.
pub const JSON_FILE: &str = "agreement.json";
pub const CSV_FILE: &str = "agreement.csv";

#[derive(Properties, PartialEq)]
pub struct AgreementDialogProps {
    pub report: Rc<Compared>,
    pub dispatch: Callback<Action>,
    /// Adjudicate the compared files.
    pub on_adjudicate: Callback<()>,
}

/// A ratio as the table shows it: three decimals, or "—" when undefined.
/// Rounded in integers: core's float formatting would cost the page about
/// 15 KB gzip.
fn figure(x: Option<f64>) -> String {
    let Some(v) = x.filter(|v| v.is_finite()) else {
        return "\u{2014}".to_owned();
    };
    let thousandths = (v.abs() * 1000.0).round() as u64;
    let sign = if v < 0.0 && thousandths > 0 { "-" } else { "" };
    format!("{sign}{}.{:03}", thousandths / 1000, thousandths % 1000)
}

#[function_component(AgreementDialog)]
pub fn agreement_dialog(p: &AgreementDialogProps) -> Html {
    let (root, first) = (use_node_ref(), use_node_ref());
    super::focus::use_return_focus(first.clone());
    let close = {
        let d = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(Action::Agreement(None)))
    };
    let onkeydown = {
        let d = p.dispatch.clone();
        super::focus::dialog_keys(&root, move || d.emit(Action::Agreement(None)))
    };
    let save = |name: &'static str, mime: &'static str, text: String| {
        let d = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if let Err(e) = download::download(name, &text, mime) {
                d.emit(Action::Notify(super::store::Notice::Error(e.to_string())));
            }
        })
    };
    let adjudicate = {
        let on = p.on_adjudicate.clone();
        Callback::from(move |_: MouseEvent| on.emit(()))
    };
    let (view, report) = (&p.report.report.view, &p.report.report);
    html! {
        <div class="backdrop">
            <div class="agreement" role="dialog" aria-modal="true" aria-labelledby="agreement-title" ref={root} {onkeydown}>
                <div class="help-head">
                    <h2 id="agreement-title">{"Agreement between annotators"}</h2>
                    <button type="button" ref={first} onclick={close}>{"Close"}</button>
                </div>
                <p>{ format!("Annotators: {}.", view.annotators.join(", ")) }</p>
                { pairs_table(&view.rows) }
                { fields_table(&view.fields) }
                { alpha_table(&view.alpha_u) }
                <p class="agreement-downloads">
                    <button type="button" onclick={save(JSON_FILE, "application/json", report.json.clone())}>{"Download JSON"}</button>
                    <button type="button" onclick={save(CSV_FILE, "text/csv", report.csv.clone())}>{"Download CSV"}</button>
                    <button type="button" onclick={adjudicate}>{"Adjudicate"}</button>
                </p>
            </div>
        </div>
    }
}

/// Each pair × tag: spans, F1s (with bars), precision, recall, κ.
fn pairs_table(rows: &[Row]) -> Html {
    html! {
        <table class="agreement-pairs">
            <caption>{"Pairs of annotators (the first is the reference for precision and recall)"}</caption>
            <thead><tr>
                <th scope="col">{"Pair"}</th><th scope="col">{"Tag"}</th><th scope="col">{"Spans"}</th>
                <th scope="col">{"Exact F1"}</th><th scope="col">{"Overlap F1"}</th>
                <th scope="col">{"Precision"}</th><th scope="col">{"Recall"}</th><th scope="col">{"Cohen's \u{3ba}"}</th>
            </tr></thead>
            <tbody>
                { for rows.iter().map(|r| html! {
                    <tr class={classes!("agreement-row", (r.tag == ALL_TAGS).then_some("agreement-all"))}>
                        <td>{ r.pair.clone() }</td>
                        <td>{ r.tag.clone() }</td>
                        <td>{ format!("{} / {}", r.n_a, r.n_b) }</td>
                        <td>{ bar(r.exact_f1) }</td>
                        <td>{ bar(r.overlap_f1) }</td>
                        <td>{ figure(r.overlap_precision) }</td>
                        <td>{ figure(r.overlap_recall) }</td>
                        <td>{ if r.tag == ALL_TAGS { figure(r.kappa) } else { String::new() } }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// A figure and its bar from 0 to 1 (none when undefined).
pub(super) fn bar(x: Option<f64>) -> Html {
    html! {
        <span class="agreement-figure">
            if let Some(v) = x { <meter min="0" max="1" value={crate::model::number::display(v)} aria-hidden="true"></meter> }
            { figure(x) }
        </span>
    }
}

/// Agreement on field values of matched spans (none: no table).
fn fields_table(rows: &[FieldRow]) -> Html {
    if rows.is_empty() {
        return html! {};
    }
    html! {
        <table class="agreement-fields">
            <caption>{"Fields of matched spans (the same value on both sides)"}</caption>
            <thead><tr>
                <th scope="col">{"Pair"}</th><th scope="col">{"Tag"}</th><th scope="col">{"Field"}</th>
                <th scope="col">{"Same"}</th><th scope="col">{"Cohen's \u{3ba}"}</th>
            </tr></thead>
            <tbody>
                { for rows.iter().map(|f| html! {
                    <tr>
                        <td>{ f.pair.clone() }</td><td>{ f.tag.clone() }</td><td>{ f.field.clone() }</td>
                        <td>{ format!("{} of {}", f.same, f.n) }</td><td>{ figure(f.kappa) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// Krippendorff's α_u per tag and over all tags.
fn alpha_table(alpha: &[(String, Option<f64>)]) -> Html {
    html! {
        <table class="agreement-alpha">
            <caption>{"Krippendorff's \u{3b1}u over code points, all annotators"}</caption>
            <thead><tr><th scope="col">{"Tag"}</th><th scope="col">{"\u{3b1}u"}</th></tr></thead>
            <tbody>
                { for alpha.iter().map(|(tag, a)| html! { <tr><td>{ tag.clone() }</td><td>{ figure(*a) }</td></tr> }) }
            </tbody>
        </table>
    }
}

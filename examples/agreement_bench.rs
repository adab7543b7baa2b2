//! Agreement benchmark, native: three annotators of 10,000 annotations
//! each on a 1 MB article (mostly the same spans, some shifted, retagged,
//! missing or extra), timed through `agreement::compare` (hashing the
//! texts included) and the JSON and CSV renderings; then adjudicating
//! them: preparing the union and the disagreements, and the plan record
//! the page keeps in the library (written once, on the main thread) and
//! reads back when the gold is reopened.
//!
//!     cargo run --release --example agreement_bench [ANNOTATIONS] [BYTES]

use annotator::model::agreement::adjudicate::prepare;
use annotator::model::agreement::{compare, Coder};
use annotator::model::format::{self, sha256_hex};
use annotator::model::{Annotation, Article, CharOffset, Session, TextRange};
use std::time::Instant;

fn main() {
    let mut args = std::env::args()
        .skip(1)
        .map(|a| a.parse::<usize>().expect("a number"));
    let n = args.next().unwrap_or(10_000);
    let bytes = args.next().unwrap_or(1_000_000);
    let sentence = "The mayor said the pier will cost 4.2 million euros, a report says. ";
    let text = sentence.repeat(bytes / sentence.len() + 1);
    let len = text.chars().count();
    let mut seed = 42u64;
    let mut next = |below: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        ((seed >> 33) % below as u64) as usize
    };
    let tags = ["claim", "quote", "source"];
    let base: Vec<(usize, usize, usize)> = (0..n)
        .map(|_| {
            let s = next(len - 200);
            (s, s + 1 + next(150), next(3))
        })
        .collect();
    let sessions: Vec<Session> = (0..3)
        .map(|_| {
            let anns = base
                .iter()
                .enumerate()
                .map(|(k, &(s, e, t))| {
                    let (s, e, t) = match next(10) {
                        0 => (s + next(3), e + 3 + next(3), t),
                        1 => (s, e, (t + 1) % 3),
                        2 => {
                            let x = next(len - 200);
                            (x, x + 1 + next(150), t)
                        }
                        _ => (s, e, t),
                    };
                    let range = TextRange::new(CharOffset::new(s), CharOffset::new(e)).unwrap();
                    Annotation {
                        id: format!("a{k}").as_str().into(),
                        tag: tags[t].into(),
                        range,
                        note: String::new(),
                        fields: Default::default(),
                        created: String::new(),
                        modified: String::new(),
                        creator: String::new(),
                        adjudicated_from: Vec::new(),
                    }
                })
                .collect();
            let article = Article::from_plain("Bench".into(), String::new(), text.clone());
            Session::with_annotations(article, anns).expect("valid spans")
        })
        .collect();
    let names = ["ann", "bob", "cem"];
    let coders: Vec<Coder> = names
        .iter()
        .zip(&sessions)
        .map(|(name, session)| Coder { name, session })
        .collect();
    // The fastest of 5 runs: the machine may be shared.
    let fastest = |f: &mut dyn FnMut()| {
        (0..5)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .fold(f64::INFINITY, f64::min)
    };
    let hash_ms = fastest(&mut || {
        std::hint::black_box(sha256_hex(sessions[0].article().text.as_str()));
    });
    let mut report = None;
    let compare_ms = fastest(&mut || report = Some(compare(&coders).expect("same article")));
    let report = report.expect("ran");
    let t = Instant::now();
    let json = serde_json::to_string(&report).expect("serialises");
    let csv = report.to_csv();
    let render_ms = t.elapsed().as_secs_f64() * 1000.0;
    println!(
        "agreement: 3 annotators × {n} annotations, {} code points: compare {compare_ms:.1} ms \
         (of which hashing the text: {hash_ms:.1} ms; fastest of 5), \
         JSON + CSV {render_ms:.1} ms ({} + {} bytes); exact F1 {:.3}, overlap F1 {:.3}, κ {:.3}, \
         α_u {:.3}",
        len,
        json.len(),
        csv.len(),
        report.pairs[0].exact.all.f1.unwrap_or(f64::NAN),
        report.pairs[0].overlap.all.f1.unwrap_or(f64::NAN),
        report.pairs[0].kappa.unwrap_or(f64::NAN),
        report.alpha_u_overall.unwrap_or(f64::NAN),
    );
    let mut prepared = None;
    let prepare_ms = fastest(&mut || prepared = Some(prepare(&coders).expect("same article")));
    let (union, adjudication) = prepared.expect("ran");
    let mut record = String::new();
    let write_ms = fastest(&mut || record = format::adjudication_record(&adjudication, &union));
    let (json, pieces) = format::article_records(union.article());
    let pieces: Vec<String> = pieces.into_iter().map(str::to_owned).collect();
    let article = format::with_text(&json, &pieces);
    let read_ms = fastest(&mut || {
        std::hint::black_box(format::restore_adjudication(&record, &article).expect("reads back"));
    });
    println!(
        "adjudication: {} disagreements over a union of {} spans and {} relations: prepare \
         {prepare_ms:.1} ms; the kept plan ({:.1} MB) written in {write_ms:.1} ms, read back in \
         {read_ms:.1} ms (fastest of 5)",
        adjudication.items.len(),
        union.annotations().len(),
        union.relations().count(),
        record.len() as f64 / 1e6,
    );
}

//! The library's pure parts: batches carried out on an in-memory stand-in
//! for IndexedDB (one map per store, a batch applied whole or not at all),
//! restoring, entries and their checks, search and sort, and moving the
//! version 2 `localStorage` records in.

mod common;

use annotator::model::format;
use annotator::model::library::migrate::V2Records;
use annotator::model::library::records::RestoreError;
use annotator::model::library::{
    select, Batch, Entry, Label, LibraryKey, Op, Query, RecordError, Row, SortBy, Status, Store,
};
use annotator::model::{Command, Session};
use common::fake_db::Fake;
use common::{annotation, range, render, session};

const T0: &str = "2026-12-03T06:00:00.000Z";
const T1: &str = "2026-12-03T07:00:00.000Z";

fn keep(fake: &mut Fake, key: &str, s: &Session) -> LibraryKey {
    let key = LibraryKey::new(key);
    let entry = Entry::of(&key, s, T0, T0);
    fake.apply(&Batch::whole(&key, s, &entry, Some(&Label::new())));
    key
}

#[test]
fn an_article_kept_whole_comes_back_exactly() {
    let s = session(
        "Mayor 👍🏽 [speaks]{quote} after [东京]{source#tk} and [שלום]{claim -said-by-> tk}.",
    );
    let mut fake = Fake::default();
    let key = keep(&mut fake, "k1", &s);
    let back = fake.restore(&key).unwrap();
    assert_eq!(render(&back), render(&s));
    assert_eq!(format::export(&back), format::export(&s));
    // No hash of the text in storage (costly on large pages); files have it.
    let article = fake.get(Store::Articles, key.as_str()).unwrap();
    assert!(!article.contains("sha256") && format::export(&s).contains("sha256"));
}

#[test]
fn a_change_writes_only_what_it_touched_and_the_entry() {
    let mut s = session("The [sky]{claim} is blue and the sea is green.");
    let mut fake = Fake::default();
    let key = keep(&mut fake, "k1", &s);
    let (before, from) = (s.revision(), s.next_step());
    s.apply(Command::Tag(annotation("new", "quote", range(20, 27))))
        .unwrap();
    let touched = s.touched_since(before).unwrap();
    let batch = Batch::change(&key, &s, &touched, from, &Entry::of(&key, &s, T0, T1));
    let stores: Vec<&str> = batch
        .ops
        .iter()
        .map(|op| match op {
            Op::Put { store, .. } | Op::Delete { store, .. } | Op::DeleteArticle { store, .. } => {
                store.name()
            }
        })
        .collect();
    // The annotation, the new undo step and the history's head, the entry.
    assert_eq!(stores, ["annotations", "history", "history", "entries"]);
    fake.apply(&batch);
    assert_eq!(
        render(&fake.restore(&key).unwrap()),
        "The [sky]{claim} is blue and [the sea]{quote} is green."
    );
    // Undo deletes the record.
    let before = s.revision();
    s.undo().unwrap();
    let touched = s.touched_since(before).unwrap();
    fake.apply(&Batch::change(
        &key,
        &s,
        &touched,
        s.next_step(),
        &Entry::of(&key, &s, T0, T1),
    ));
    assert_eq!(
        render(&fake.restore(&key).unwrap()),
        "The [sky]{claim} is blue and the sea is green."
    );
}

#[test]
fn two_articles_never_touch_each_other() {
    let (a, b) = (
        session("A [one]{claim} [two]{quote}."),
        session("B [three]{source}."),
    );
    let mut fake = Fake::default();
    let (ka, kb) = (keep(&mut fake, "a", &a), keep(&mut fake, "b", &b));
    // Rewriting B whole deletes only B's old records.
    let b2 = session("B [three]{source} [four]{claim}.");
    fake.apply(&Batch::whole(&kb, &b2, &Entry::of(&kb, &b2, T0, T1), None));
    assert_eq!(render(&fake.restore(&ka).unwrap()), render(&a));
    assert_eq!(render(&fake.restore(&kb).unwrap()), render(&b2));
    fake.apply(&Batch::forget(&kb));
    assert_eq!(render(&fake.restore(&ka).unwrap()), render(&a));
    assert!(fake.records(&kb).article.is_none());
}

#[test]
fn the_entry_counts_per_tag_and_the_label_renames() {
    let s = session("[a]{claim} [b]{claim} [c]{source}");
    let key = LibraryKey::new("k");
    let e = Entry::of(&key, &s, T0, T1);
    let counts: Vec<(&str, usize)> = e.counts.iter().map(|c| (c.label.as_str(), c.n)).collect();
    assert_eq!(counts, [("Claim", 2), ("Quote", 0), ("Source", 1)]);
    assert_eq!((e.n_annotations, e.title.as_str()), (3, "Fixture"));
    assert_eq!(Entry::parse(&e.to_json()), Ok(e.clone()));
    let mut fake = Fake::default();
    keep(&mut fake, "k", &s);
    let label = Label {
        title: Some("Renamed".into()),
        status: Status::Done,
        ..Label::new()
    };
    fake.apply(&Batch::label(&key, &label));
    let back = fake.restore(&key).unwrap();
    assert_eq!(back.article().title, "Renamed");
    assert_eq!(render(&back), render(&s));
}

#[test]
fn damaged_records_are_named_not_read() {
    for (json, why) in [
        ("nonsense", "its record is damaged"),
        (
            r#"{"v": 9, "key": "k"}"#,
            "of version 9, written by a newer version",
        ),
        (
            r#"{"key": "k"}"#,
            "its record is damaged: it has no version",
        ),
        (r#"{"v": 1, "key": 5}"#, "its record is damaged"),
    ] {
        let e = Entry::parse(json).unwrap_err();
        assert!(e.to_string().contains(why), "{json}: {e}");
    }
    assert!(matches!(Label::parse("[]"), Err(RecordError::Shape(_))));
    // An annotation record edited into nonsense fails the restore as a whole.
    let s = session("The [sky]{claim} is blue.");
    let mut fake = Fake::default();
    let key = keep(&mut fake, "k", &s);
    fake.store(Store::Annotations)
        .values_mut()
        .for_each(|v| *v = "{\"id\": 7".into());
    let e = fake.restore(&key).unwrap_err();
    assert!(matches!(e, RestoreError::Import(_)), "{e}");
    // What is set aside is the records as stored, whole.
    assert!(fake
        .records(&key)
        .assemble()
        .unwrap()
        .contains("{\"id\": 7"));
}

fn row(key: &str, title: &str, changed: &str, status: Status, binned: bool) -> Row {
    let s = Session::new(annotator::model::Article::from_plain(
        title.into(),
        format!("{key}.txt"),
        "Text.".into(),
    ));
    let key = LibraryKey::new(key);
    Row {
        entry: Ok(Entry::of(&key, &s, T0, changed)),
        key,
        label: Label {
            status,
            binned: binned.then(|| T1.to_owned()),
            ..Label::new()
        },
    }
}

#[test]
fn the_list_searches_sorts_and_keeps_the_bin_apart() {
    let rows = vec![
        row(
            "a",
            "Harbour vote",
            "2026-12-01T00:00:00Z",
            Status::Done,
            false,
        ),
        row(
            "b",
            "Budget talks",
            "2026-12-03T00:00:00Z",
            Status::ToDo,
            false,
        ),
        row(
            "c",
            "harbour dredging",
            "2026-12-02T00:00:00Z",
            Status::InProgress,
            false,
        ),
        row(
            "d",
            "Old harbour",
            "2026-12-04T00:00:00Z",
            Status::ToDo,
            true,
        ),
    ];
    let titles = |q: &Query| -> Vec<&str> {
        select(&rows, q)
            .into_iter()
            .map(|i| rows[i].title())
            .collect()
    };
    let mut q = Query::default();
    assert_eq!(
        titles(&q),
        ["Budget talks", "harbour dredging", "Harbour vote"]
    );
    q.sort = SortBy::Title;
    assert_eq!(
        titles(&q),
        ["Budget talks", "harbour dredging", "Harbour vote"]
    );
    q.sort = SortBy::Status;
    assert_eq!(
        titles(&q),
        ["Budget talks", "harbour dredging", "Harbour vote"]
    );
    q.text = "HARBOUR".into();
    q.sort = SortBy::Changed;
    assert_eq!(titles(&q), ["harbour dredging", "Harbour vote"]);
    q.text = "harbour c.txt".into();
    assert_eq!(titles(&q), ["harbour dredging"]);
    let bin = Query {
        bin: true,
        ..Query::default()
    };
    assert_eq!(titles(&bin), ["Old harbour"]);
}

#[test]
fn version_2_records_move_in_whole_or_not_at_all() {
    let s = session("Mayor 👍🏽 [speaks]{quote} after [东京]{source}.");
    let text = &s.article().text;
    let v2 = V2Records {
        article: format::article_record(s.article()),
        schema: Some(format::schema_record(s.schema())),
        annotations: s
            .annotations()
            .iter()
            .map(|a| format::annotation_record(text, a))
            .collect(),
        relations: vec![],
        dirty: true,
    };
    let moved = v2.session().unwrap();
    assert_eq!(render(&moved), render(&s));
    assert!(moved.has_unexported());
    // Kept in the library, it comes back the same.
    let mut fake = Fake::default();
    let key = keep(&mut fake, "m", &moved);
    assert_eq!(render(&fake.restore(&key).unwrap()), render(&s));
    // Records saved before tag sets existed read with the default set.
    assert!(V2Records {
        schema: None,
        ..v2.clone()
    }
    .session()
    .is_ok());
    let cut = V2Records {
        article: r#"{"title": "Lost work", "text": "Cut sh"#.into(),
        ..v2
    };
    assert!(cut.session().is_err());
    assert!(cut.assemble().contains("Cut sh"));
}

#[test]
fn the_library_exports_as_jsonl_and_reads_it_back() {
    use annotator::model::library::bundle::{from_jsonl, to_jsonl};
    let (a, b) = (
        session("Mayor 👍🏽 [speaks]{quote} after [东京]{source}."),
        session("B [three]{source}."),
    );
    let jsonl = to_jsonl([&a, &b]);
    assert_eq!(jsonl.lines().count(), 2);
    for line in jsonl.lines() {
        common::export::check_export(line);
    }
    let (read, bad) = from_jsonl(&format!("{jsonl}\n{{\"version\": 2\n"));
    assert_eq!(
        read.iter().map(|i| render(&i.session)).collect::<Vec<_>>(),
        [render(&a), render(&b)]
    );
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].line, 4);
}

#[test]
fn carried_statuses_and_orphans_come_back_with_the_article_and_go_with_it() {
    use annotator::model::format::export;
    use annotator::model::reanchor::carry;
    let old = session("The mayor said [taxes will fall by 3 % next year]{claim}. Police said [the suspect fled]{claim}.");
    let new = annotator::model::Article::from_plain(
        "Story".into(),
        "story.txt".into(),
        "Update: the mayor said taxes would fall by 3 % next year. Police gave no details.".into(),
    );
    let (carried, summary) = carry(&old, new).expect("carries");
    assert_eq!((summary.fuzzy, summary.orphaned), (1, 1));
    let mut fake = Fake::default();
    let key = keep(&mut fake, "k1", &carried);
    let back = fake.restore(&key).expect("restores");
    assert_eq!(export(&back), export(&carried), "statuses and orphans kept");
    assert_eq!(back.orphans().count(), 1);
    // Renamed in the library: still there.
    let mut label = Label::new();
    label.title = Some("Renamed".into());
    fake.apply(&Batch::label(&key, &label));
    assert_eq!(fake.restore(&key).expect("restores").orphans().count(), 1);
    // Written whole again without carrying: the record goes.
    let plain = session("Nothing carried here.");
    let entry = Entry::of(&key, &plain, T0, T1);
    fake.apply(&Batch::whole(&key, &plain, &entry, None));
    assert_eq!(fake.get(Store::Carried, key.as_str()), None);
    // Forgotten: nothing of it is left.
    let key = keep(&mut fake, "k2", &carried);
    fake.apply(&Batch::forget(&key));
    assert_eq!(fake.get(Store::Carried, key.as_str()), None);
}

/// Write what `s` changed since revision `before` as the saver does (the
/// undo steps numbered `from` or more); returns the next `from`.
fn save_change(fake: &mut Fake, key: &LibraryKey, s: &Session, before: u64, from: u64) -> u64 {
    let touched = s.touched_since(before).unwrap();
    fake.apply(&Batch::change(
        key,
        s,
        &touched,
        from,
        &Entry::of(key, s, T0, T1),
    ));
    s.next_step()
}

/// Apply `c` to `s` and write it as the saver does; returns the next `from`.
fn apply_saved(fake: &mut Fake, key: &LibraryKey, s: &mut Session, c: Command, from: u64) -> u64 {
    let before = s.revision();
    s.apply(c).unwrap();
    save_change(fake, key, s, before, from)
}

/// The session with two tags and a note, the note undone, written change
/// by change.
fn edited_and_kept() -> (Fake, LibraryKey, Session) {
    let mut s = session("The sky is blue and the sea is green.");
    let mut fake = Fake::default();
    let key = keep(&mut fake, "k1", &s);
    let mut from = s.next_step();
    let commands = [
        Command::Tag(annotation("a", "claim", range(4, 7))),
        Command::Tag(annotation("b", "quote", range(20, 27))),
        Command::Note {
            id: "a".into(),
            note: "check it 👍🏽".into(),
            at: T1.into(),
        },
    ];
    for c in commands {
        from = apply_saved(&mut fake, &key, &mut s, c, from);
    }
    let before = s.revision();
    s.undo().unwrap();
    save_change(&mut fake, &key, &s, before, from);
    (fake, key, s)
}

#[test]
fn undo_and_redo_survive_a_restore() {
    let (fake, key, mut s) = edited_and_kept();
    // Read to export or compare: no history replayed.
    let entry = Entry::parse(&fake.get(Store::Entries, key.as_str()).unwrap()).unwrap();
    let read = fake.records(&key).restore(&entry, &Label::new()).unwrap();
    assert!(!read.can_undo() && render(&read) == render(&s));
    let mut back = fake.restore(&key).unwrap();
    assert_eq!((back.undo_steps().len(), back.redo_steps().len()), (2, 1));
    assert_eq!(back.undo_steps(), s.undo_steps());
    back.redo().unwrap();
    s.redo().unwrap();
    assert_eq!(render(&back), render(&s));
    assert_eq!(back.get(&"a".into()).unwrap().note, "check it 👍🏽");
    for _ in 0..3 {
        back.undo().unwrap();
    }
    assert_eq!(render(&back), "The sky is blue and the sea is green.");
    assert!(!back.can_undo());
    // Steps made after the restore get numbers of their own.
    back.apply(Command::Tag(annotation("c", "source", range(0, 3))))
        .unwrap();
    let seqs: Vec<u64> = back.undo_steps().iter().map(|s| s.seq).collect();
    assert!(s.undo_steps().iter().all(|old| !seqs.contains(&old.seq)));
}

#[test]
fn a_damaged_history_is_dropped_and_the_article_restored() {
    let (mut fake, key, s) = edited_and_kept();
    let steps = fake.store(Store::History);
    let (k, v) = steps
        .iter()
        .next()
        .map(|(k, v)| (k.clone(), v.clone()))
        .unwrap();
    // A step that no longer fits: its annotation moved by hand.
    steps.insert(k, v.replace("\"start\":4", "\"start\":5"));
    let back = fake.restore(&key).unwrap();
    assert_eq!(render(&back), render(&s));
    assert!(!back.can_undo() && !back.can_redo());
    // Nonsense in place of a step, the same.
    let steps = fake.store(Store::History);
    for v in steps.values_mut() {
        if v.contains("\"seq\"") {
            *v = "{\"seq\": \"x\"}".into();
        }
    }
    assert!(!fake.restore(&key).unwrap().can_undo());
}

#[test]
fn only_the_newest_steps_are_kept() {
    let mut s = session("One two three.");
    let mut fake = Fake::default();
    let key = keep(&mut fake, "k1", &s);
    let tag = Command::Tag(annotation("x", "claim", range(0, 3)));
    let first = s.next_step();
    let mut from = apply_saved(&mut fake, &key, &mut s, tag, first);
    for i in 1..format::MAX_KEPT_STEPS + 5 {
        let note = Command::Note {
            id: "x".into(),
            note: format!("note {i}"),
            at: T1.into(),
        };
        from = apply_saved(&mut fake, &key, &mut s, note, from);
    }
    let back = fake.restore(&key).unwrap();
    assert_eq!(back.undo_steps().len(), format::MAX_KEPT_STEPS);
    assert_eq!(back.undo_steps(), &s.undo_steps()[5..]);
    // A whole write drops the records no head names.
    let entry = Entry::of(&key, &s, T0, T1);
    fake.apply(&Batch::whole(&key, &s, &entry, None));
    assert_eq!(
        fake.of_article(Store::History, &key).len(),
        format::MAX_KEPT_STEPS + 1
    );
}

#[test]
fn a_tag_set_change_in_the_history_replays_after_a_restore() {
    use annotator::model::TagDef;
    let mut s = session("Prices rose 12 % in the district.");
    let mut fake = Fake::default();
    let key = keep(&mut fake, "k1", &s);
    let mut from = s.next_step();
    for c in [
        Command::AddTag(TagDef::new("statistic", "Statistic")),
        Command::Tag(annotation("n", "statistic", range(12, 16))),
    ] {
        from = apply_saved(&mut fake, &key, &mut s, c, from);
    }
    let mut back = fake.restore(&key).unwrap();
    assert_eq!(back.undo_steps().len(), 2);
    back.undo().unwrap();
    back.undo().unwrap();
    assert!(back.schema().tag(&"statistic".into()).is_none());
    back.redo().unwrap();
    back.redo().unwrap();
    assert_eq!(render(&back), render(&s));
}

#[test]
fn a_step_record_no_head_names_that_does_not_read_is_ignored() {
    let (mut fake, key, _) = edited_and_kept();
    fake.store(Store::History).insert(
        format!("{key}\u{0}99999999999999999999"),
        "{\"seq\": \"old\"}".into(),
    );
    let back = fake.restore(&key).unwrap();
    assert_eq!((back.undo_steps().len(), back.redo_steps().len()), (2, 1));
}

/// A plain article of about `n_bytes`, with emoji, CJK and combining marks
/// so that 1 MB boundaries fall inside characters.
fn long_article(n_bytes: usize, title: &str) -> Session {
    let line = "Prices 📈 rose in 東京, said Zoe\u{308} — \"text\":\"\" stays text.\n";
    let text = line.repeat(n_bytes / line.len() + 1);
    let article = annotator::model::Article::from_plain(title.into(), "long.txt".into(), text);
    let mut s = Session::new(article);
    s.apply(Command::Tag(annotation("a", "claim", range(0, 6))))
        .unwrap();
    s
}

#[test]
fn a_long_text_is_kept_in_pieces_cut_between_characters() {
    let s = long_article(2_500_000, "A title with \"text\":\"\" in it");
    let mut fake = Fake::default();
    let key = keep(&mut fake, "k1", &s);
    let pieces = fake.of_article(Store::Articles, &key);
    assert_eq!(pieces.len(), 3);
    assert!(pieces.iter().all(|p| p.len() <= format::TEXT_CHUNK_BYTES));
    assert_eq!(pieces.concat(), s.article().text.as_str());
    let record = fake.get(Store::Articles, key.as_str()).unwrap();
    assert!(record.contains("\"text\":\"\"") && !record.contains("Prices"));
    let back = fake.restore(&key).unwrap();
    assert_eq!(format::export(&back), format::export(&s));
    // Written whole again with a shorter text: no piece of the old one stays.
    let short = long_article(100, "Short");
    let entry = Entry::of(&key, &short, T0, T1);
    fake.apply(&Batch::whole(&key, &short, &entry, None));
    assert_eq!(fake.of_article(Store::Articles, &key).len(), 1);
    assert_eq!(
        format::export(&fake.restore(&key).unwrap()),
        format::export(&short)
    );
}

#[test]
fn an_article_kept_whole_by_an_older_version_still_restores() {
    let s = long_article(5_000, "Old");
    let mut fake = Fake::default();
    let key = keep(&mut fake, "k1", &s);
    // As database version 3 before the pieces: the text in the object.
    fake.store(Store::Articles).clear();
    fake.store(Store::Articles)
        .insert(key.as_str().to_owned(), format::article_record(s.article()));
    assert_eq!(
        format::export(&fake.restore(&key).unwrap()),
        format::export(&s)
    );
}

#[test]
fn a_new_version_is_known_by_its_title_source_or_canonical_url() {
    use annotator::model::Article;
    let page = |title: &str, source: &str, url: &str| {
        let mut a = Article::from_plain(title.into(), source.into(), "Text.".into());
        a.meta.url = url.into();
        a
    };
    let url = "https://news.example/pier";
    let old = Session::new(page("Pier to cost €4m", "pier.html", url));
    let entry = Entry::of(&LibraryKey::new("k"), &old, T0, T0);
    assert_eq!(entry.url, url, "kept in the entry");
    let back = Entry::parse(&entry.to_json()).unwrap();
    // A correction: new headline, saved under another name, same page.
    assert!(back.may_be_version_of(&page("Pier to cost €4.2m", "pier (1).html", url)));
    assert!(back.may_be_version_of(&page("Pier to cost €4m", "other.html", "")));
    assert!(!back.may_be_version_of(&page(
        "Another story",
        "other.html",
        "https://news.example/x"
    )));
    // Nothing stated is no match; an entry kept before the URL reads.
    let bare = Entry::of(
        &LibraryKey::new("k2"),
        &Session::new(page("", "", "")),
        T0,
        T0,
    );
    assert!(!bare.may_be_version_of(&page("", "", "")));
    let older = entry.to_json().replace(&format!(",\"url\":\"{url}\""), "");
    assert_eq!(Entry::parse(&older).unwrap().url, "");
}

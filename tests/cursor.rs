//! Reading-cursor moves over tricky text. Each case writes the cursor as `|`
//! before and after one move.

use annotator::model::cursor::{around, backward, forward, snap_to_words, Unit};
use annotator::model::{Article, CharOffset, TextRange};

fn article_and_cursor(marked: &str) -> (Article, CharOffset) {
    let at = marked.find('|').expect("a | marks the cursor");
    let offset = CharOffset::new(marked[..at].chars().count());
    let text = marked.replacen('|', "", 1);
    (Article::from_plain("t".into(), String::new(), text), offset)
}

fn mark(article: &Article, offset: CharOffset) -> String {
    let text = article.text.as_str();
    let byte = article.text.char_to_byte(offset).get();
    format!("{}|{}", &text[..byte], &text[byte..])
}

fn check(unit: Unit, cases: &[(&str, &str, &str)]) {
    for (before, fwd, back) in cases {
        let (article, offset) = article_and_cursor(before);
        assert_eq!(
            mark(&article, forward(&article, offset, unit)),
            *fwd,
            "{unit:?} forward from {before:?}"
        );
        assert_eq!(
            mark(&article, backward(&article, offset, unit)),
            *back,
            "{unit:?} backward from {before:?}"
        );
    }
}

#[test]
fn words() {
    check(
        Unit::Word,
        &[
            // (before, after forward, after backward)
            (
                "|\"Don't stop,\" she said.",
                "\"Don't| stop,\" she said.",
                "|\"Don't stop,\" she said.",
            ),
            (
                "\"Don't| stop,\" she",
                "\"Don't stop|,\" she",
                "\"|Don't stop,\" she",
            ),
            (
                "It cost |4.2 million.",
                "It cost 4.2| million.",
                "It |cost 4.2 million.",
            ),
            ("The U.|S. said", "The U.S|. said", "The |U.S. said"),
            ("Hi 👍🏽 |there", "Hi 👍🏽 there|", "|Hi 👍🏽 there"),
            ("东|京是首都。", "东京|是首都。", "|东京是首都。"),
            ("|שלום עולם.", "שלום| עולם.", "|שלום עולם."),
            ("end of text|", "end of text|", "end of |text"),
            (
                "first para|\n\nsecond para",
                "first para\n\nsecond| para",
                "first |para\n\nsecond para",
            ),
        ],
    );
}

#[test]
fn sentences() {
    check(
        Unit::Sentence,
        &[
            (
                "|The U.S. economy grew. Prices fell.",
                "The U.S. economy grew.| Prices fell.",
                "|The U.S. economy grew. Prices fell.",
            ),
            (
                "The U.S. economy grew.| Prices fell.",
                "The U.S. economy grew. Prices fell.|",
                "|The U.S. economy grew. Prices fell.",
            ),
            (
                "\"Stop,\" he said. \"Now!\" |She left.",
                "\"Stop,\" he said. \"Now!\" She left.|",
                "\"Stop,\" he said. |\"Now!\" She left.",
            ),
            (
                "It cost 4.|2 million. Then",
                "It cost 4.2 million.| Then",
                "|It cost 4.2 million. Then",
            ),
            (
                "东京是首都。|大阪很大。",
                "东京是首都。大阪很大。|",
                "|东京是首都。大阪很大。",
            ),
            (
                "No period at the |end",
                "No period at the end|",
                "|No period at the end",
            ),
            ("One.|\n\nTwo.", "One.\n\nTwo.|", "|One.\n\nTwo."),
        ],
    );
}

#[test]
fn graphemes_and_paragraphs() {
    check(
        Unit::Grapheme,
        &[
            ("a|👍🏽b", "a👍🏽|b", "|a👍🏽b"),
            ("e\u{301}|x", "e\u{301}x|", "|e\u{301}x"),
        ],
    );
    check(
        Unit::Paragraph,
        &[
            (
                "One |two\n\nThree",
                "One two|\n\nThree",
                "|One two\n\nThree",
            ),
            (
                "One two|\n\nThree",
                "One two\n\nThree|",
                "|One two\n\nThree",
            ),
        ],
    );
}

#[test]
fn units_around_the_cursor() {
    let (a, at) = article_and_cursor("First one. Sec|ond one here. Third.");
    let sentence = around(&a, at, Unit::Sentence).unwrap();
    assert_eq!(a.text.slice(sentence), "Second one here.");
    let word = around(&a, at, Unit::Word).unwrap();
    assert_eq!(a.text.slice(word), "Second");
    let (a, at) = article_and_cursor("Para one.\n\nPara |two.");
    assert_eq!(
        a.text.slice(around(&a, at, Unit::Paragraph).unwrap()),
        "Para two."
    );
    let (a, at) = article_and_cursor("Trailing.  |");
    assert_eq!(
        a.text.slice(around(&a, at, Unit::Sentence).unwrap()),
        "Trailing."
    );
}

#[test]
fn mouse_selections_snap_to_whole_words() {
    let a = Article::from_plain("t".into(), String::new(), "The harbour council said".into());
    let r = |s, e| TextRange::new(CharOffset::new(s), CharOffset::new(e)).unwrap();
    // "rbour coun" grows to "harbour council".
    let snapped = snap_to_words(&a, r(6, 16));
    assert_eq!(a.text.slice(snapped), "harbour council");
    // Already on boundaries: unchanged.
    assert_eq!(snap_to_words(&a, r(4, 11)), r(4, 11));
}

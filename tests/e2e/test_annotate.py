"""The core flow: open an article, select, Ctrl+Enter, tag, export, reload,
undo/redo, and bad imports that leave the work intact."""

import json

from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from exports import check_export
from page import painted

# A plain-text article with emoji (👍🏽 is two code points, four UTF-16 units),
# combining marks, CJK and right-to-left text before the spans we tag.
ARTICLE = (
    "Mayor 👍🏽 speaks\r\n"
    "\r\n"
    "Cafe\u0301 owners 😀 say \"the rent doubled in 2025\" according to 东京 reports.\r\n"
    "\r\n"
    "שלום and مرحبا: the harbour council confirmed it.\r\n"
)


def write_article(tmp_path, name="harbour-news.txt", text=ARTICLE):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def open_article(app, tmp_path, **kw):
    app.choose_file("Open article", write_article(tmp_path, **kw))
    app.wait(lambda d: "Opened" in app.notice())


def test_sample_article_is_ready_on_first_open(app):
    assert "Harbour town votes to rebuild its flooded ferry pier" in app.article_text()
    steps = app.driver.find_element(By.CSS_SELECTOR, ".steps").text
    assert "Ctrl" in steps and "Enter" in steps and "Claim" in steps
    assert app.rows() == []


def test_open_txt_tag_quote_after_emoji_and_export(app, tmp_path):
    open_article(app, tmp_path)
    assert "Cafe\u0301 owners 😀 say" in app.article_text()

    rows = app.tag("the rent doubled in 2025", "2")
    assert rows == [("quote", "the rent doubled in 2025", "")]
    rows = app.tag("harbour council", "s")
    assert [r[0] for r in rows] == ["quote", "source"]

    name, doc = app.export_with_ctrl_s()
    assert name == "harbour-news.annotations.json"
    check_export(doc)
    text = doc["article"]["text"]
    assert text == ARTICLE.replace("\r\n", "\n"), "exact characters, CRLF -> LF"
    assert doc["article"]["title"] == "harbour-news"
    assert doc["article"]["source"] == "harbour-news.txt"
    quote, source = doc["annotations"]
    assert quote["tag"] == "quote" and quote["exact"] == "the rent doubled in 2025"
    assert quote["start"] == text.index("the rent"), "code points, not UTF-16 units"
    assert source["tag"] == "source" and source["exact"] == "harbour council"


def test_reload_restores_annotations(app, tmp_path):
    open_article(app, tmp_path)
    app.tag("speaks", "1")
    app.reload()
    assert app.wait_rows(1) == [("claim", "speaks", "")]
    assert "Cafe\u0301 owners" in app.article_text()
    _, doc = app.export_with_ctrl_s()
    assert [a["exact"] for a in check_export(doc)["annotations"]] == ["speaks"]


def test_undo_and_redo_with_all_shortcuts(app):
    app.tag("Lindqvist Bay", "c")
    app.ctrl("z")
    app.wait_rows(0)
    app.ctrl("z", shift=True)
    assert app.wait_rows(1)[0][:2] == ("claim", "Lindqvist Bay")
    app.ctrl("z")
    app.wait_rows(0)
    app.ctrl("y")
    app.wait_rows(1)


def test_ctrl_enter_without_selection_shows_hint(app):
    app.driver.execute_script("getSelection().removeAllRanges()")
    app.ctrl(Keys.ENTER)
    notice = app.wait_notice("Select some text")
    assert notice == "Select some text in the article first, then press Ctrl+Enter."
    assert not app.chooser()


def test_escape_cancels_and_restores_selection(app):
    app.select_with_mouse("Elin Sørensen")
    app.ctrl(Keys.ENTER)
    app.wait(lambda d: app.chooser())
    app.press(Keys.ESCAPE)
    app.wait(lambda d: not app.chooser())
    assert app.rows() == []
    assert app.driver.execute_script("return getSelection().toString()") == "Elin Sørensen"


def test_selection_is_trimmed_and_note_can_be_typed(app):
    # Select the word with the spaces around it; the span keeps the word only.
    app.select_with_mouse(" 4.2 million euros, ")
    app.ctrl(Keys.ENTER)
    app.wait(lambda d: app.chooser())
    # Shift+1 picks Claim and moves to the note field; Enter confirms.
    app.press("1", modifier=Keys.SHIFT)
    app.press("check the report")
    app.press(Keys.ENTER)
    assert app.wait_rows(1) == [("claim", "4.2 million euros,", "check the report")]


def test_panel_retag_note_and_delete(app):
    app.tag("Jonas Meyer", "1")
    app.tag("regional transport office", "3")
    row = app.driver.find_elements(By.CSS_SELECTOR, ".panel .row")[0]
    tag_select = row.find_element(By.CSS_SELECTOR, ".row-tag")
    tag_select.click()
    app.press(Keys.DOWN, Keys.ENTER)  # Claim -> Quote
    app.wait(lambda d: app.rows()[0][0] == "quote")
    note = row.find_element(By.CSS_SELECTOR, ".row-note")
    note.click()
    app.press("voted against", Keys.ENTER)
    app.wait(lambda d: app.rows()[0][2] == "voted against")
    app.driver.find_elements(By.CSS_SELECTOR, ".panel .row-delete")[1].click()
    assert app.wait_rows(1) == [("quote", "Jonas Meyer", "voted against")]
    app.ctrl("z")
    app.wait_rows(2)


def test_broken_and_foreign_imports_keep_the_work(app, tmp_path):
    app.tag("Aisha Rahman", "3")
    _, good = app.export_with_ctrl_s()

    truncated = tmp_path / "truncated.annotations.json"
    truncated.write_text(json.dumps(good)[:-40], encoding="utf-8")
    app.choose_file("Open annotations", truncated)
    assert "truncated" in app.wait_notice("Could not open annotations")

    foreign = tmp_path / "package.json"
    foreign.write_text('{"name": "left-pad", "version": "1.3.0"}', encoding="utf-8")
    app.choose_file("Open annotations", foreign)
    app.wait_notice("not an annotations file")

    tampered = dict(good, annotations=[dict(good["annotations"][0], exact="Nobody at all")])
    tampered["annotations"][0]["start"] += 1
    bad = tmp_path / "tampered.annotations.json"
    bad.write_text(json.dumps(tampered), encoding="utf-8")
    app.choose_file("Open annotations", bad)
    assert "is not in the article" in app.wait_notice("Nobody at all")

    assert app.rows() == [("source", "Aisha Rahman", "")]
    assert "Harbour town votes" in app.article_text()


def test_import_round_trip_in_a_fresh_browser(app, tmp_path):
    open_article(app, tmp_path)
    app.tag("Mayor", "3")
    app.tag("东京", "1")
    name, doc = app.export_with_ctrl_s()
    saved = tmp_path / name
    saved.write_text(json.dumps(doc), encoding="utf-8")

    # Forget everything (the library too), then import the file.
    app.wait_kept()
    app.driver.execute_script(
        "localStorage.clear(); sessionStorage.clear(); indexedDB.deleteDatabase('annotator-library')")
    app.reload()
    assert app.rows() == []
    app.choose_file("Open annotations", saved)
    assert app.wait_rows(2) == [("source", "Mayor", ""), ("claim", "东京", "")]
    _, again = app.export_with_ctrl_s()
    assert again["annotations"] == doc["annotations"]
    assert again["article"] == doc["article"]


def test_new_article_keeps_the_last_in_the_library(app, tmp_path):
    app.tag("Marta Okafor", "3")
    app.choose_file("Open article", write_article(tmp_path))
    # Nothing is discarded: no question, and the sample stays in the library.
    app.wait_notice("Opened")
    assert app.accept_confirm(timeout=0.5) is None
    assert app.rows() == []
    app.wait_kept()
    counts = app.open_library()
    assert "Harbour town votes to rebuild its flooded ferry pier" in counts


def test_selection_partly_outside_the_article_is_clipped(app):
    # Drag from the instructions above the article into its first paragraph.
    start = app.driver.find_element(By.CSS_SELECTOR, ".article-meta")
    end = app.driver.execute_script(_END_OF, "Harbour town votes")
    actions = ActionBuilder(app.driver)
    rect = start.rect
    actions.pointer_action.move_to_location(int(rect["x"]) + 2, int(rect["y"] + rect["height"] / 2))
    actions.pointer_action.pointer_down()
    actions.pointer_action.move_to_location(int(end[0]) - 1, int(end[1]))
    actions.pointer_action.pointer_up()
    actions.perform()
    # What the user sees selected is the part inside the article.
    assert app.driver.execute_script("return getSelection().toString()") == "Harbour town votes"
    app.ctrl(Keys.ENTER)
    app.wait(lambda d: app.chooser())
    app.press("q")
    assert app.wait_rows(1) == [("quote", "Harbour town votes", "")]


# Viewport point at the right edge of the last character of a needle.
_END_OF = """
const needle = arguments[0];
const walker = document.createTreeWalker(document.querySelector('article.article'), NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const at = n.data.indexOf(needle);
  if (at >= 0) {
    const r = document.createRange();
    r.setStart(n, at + needle.length - 1); r.setEnd(n, at + needle.length);
    const b = r.getBoundingClientRect();
    return [b.right, (b.top + b.bottom) / 2];
  }
}
"""


def test_text_split_into_several_nodes_still_maps_right(app):
    # WebKit's HTML parser splits a long text into several nodes; do the same
    # to a plain paragraph and inside an emphasis, then tag across the splits.
    app.driver.execute_script(
        """
        const blocks = [...document.querySelectorAll('article.article [data-block]')];
        const para = blocks.find(b => b.textContent.startsWith('The council of Lindqvist Bay'));
        para.firstChild.splitText(30);
        const em = blocks.map(b => b.querySelector('em')).find(e => e && e.textContent.startsWith('By Marta'));
        em.firstChild.splitText(8);
        """
    )
    app.tag("Lindqvist Bay voted 7", "1")
    app.tag("Marta Okafor", "3")
    assert painted(app.driver, "claim") == ["Lindqvist Bay voted 7"]
    assert painted(app.driver, "source") == ["Marta Okafor"]
    _, doc = app.export_with_ctrl_s()
    check_export(doc)
    assert sorted((a["tag"], a["exact"]) for a in doc["annotations"]) == [
        ("claim", "Lindqvist Bay voted 7"),
        ("source", "Marta Okafor"),
    ]

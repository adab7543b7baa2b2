"""Articles of every shape annotate the same: one paragraph per line, one
giant paragraph (laid out in pieces), and the chooser always opens next to
the selection inside the viewport, even after the page was scrolled far."""

import pathlib
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from exports import check_export
from page import painted

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "bench"))

import generate  # noqa: E402

END = "The last words say 👍🏽 and 東京 to close."


def open_text(app, tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    app.choose_file("Open article", path)
    app.wait(lambda d: app.driver.execute_script(
        "return (document.querySelector('.article-meta') || {}).textContent || ''").startswith(name))
    app.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, "article.article[aria-busy]"))


def blocks(app):
    return app.driver.execute_script(
        "return [...document.querySelectorAll('article.article [data-block]')].map(b => b.textContent)")


def test_one_paragraph_per_line_gives_a_block_per_line(app, tmp_path):
    lines = ["First line, a paragraph.", "Second 👍🏽 line.", "  Third line, indented."]
    open_text(app, tmp_path, "lines.txt", "\n".join(lines) + "\n")
    assert blocks(app) == lines
    # With a blank line anywhere, blank lines separate paragraphs as before.
    open_text(app, tmp_path, "paras.txt", "One\nstill one\n\nTwo\n")
    assert blocks(app) == ["One\nstill one", "Two"]


def test_a_giant_paragraph_is_laid_out_in_pieces_and_tags_to_its_end(app, tmp_path):
    text = " ".join(generate.paragraphs(400_000)) + " " + END
    open_text(app, tmp_path, "giant.txt", text)
    n_pieces = app.driver.execute_script(
        "return document.querySelector('article.article [data-block]').children.length")
    assert n_pieces > 100, "a 400 KB paragraph in pieces of about 2,000 characters"
    assert blocks(app) == [text], "the pieces hold the text exactly"
    app.tag("👍🏽 and 東京", "2")
    _, doc = app.export_with_ctrl_s()
    check_export(doc)
    assert [(a["tag"], a["exact"]) for a in doc["annotations"]] == [("quote", "👍🏽 and 東京")]
    a = doc["annotations"][0]
    assert doc["article"]["text"][a["start"]:a["end"]] == "👍🏽 and 東京"


def chooser_box(app):
    return app.driver.execute_script(
        "const c = document.querySelector('.chooser').getBoundingClientRect();"
        "const t = document.querySelector('.toolbar').getBoundingClientRect();"
        "return [c.top, c.bottom, t.bottom, innerHeight]")


def test_the_chooser_opens_in_view_after_a_far_programmatic_scroll(app, tmp_path):
    open_text(app, tmp_path, "long.txt", "\n\n".join(generate.paragraphs(600_000)) + "\n\n" + END + "\n")
    # Select text at the very end with a script, as a user's extension or a
    # "find" would, while the page still shows the top; then Ctrl+Enter.
    app.driver.execute_script(
        """
        const blocks = document.querySelectorAll('article.article [data-block]');
        const t = blocks[blocks.length - 1].firstChild;
        const at = t.data.indexOf('👍🏽');
        getSelection().setBaseAndExtent(t, at, t, at + '👍🏽 and 東京'.length);
        window.scrollTo(0, 0);
        """
    )
    app.ctrl(Keys.ENTER)
    app.wait(lambda d: app.chooser())
    top, bottom, toolbar, height = chooser_box(app)
    assert toolbar <= top and bottom <= height, (top, bottom, toolbar, height)
    # And next to the selection: the selected text is in view too.
    sel = app.driver.execute_script(
        "const r = getSelection().getRangeAt(0).getBoundingClientRect(); return [r.top, r.bottom]")
    assert 0 <= sel[0] and sel[1] <= height, sel
    app.press("1")
    _, doc = app.export_with_ctrl_s()
    assert [a["exact"] for a in doc["annotations"]] == ["👍🏽 and 東京"]


def test_annotations_opened_onto_the_open_article_keep_the_readers_place(app, tmp_path):
    open_text(app, tmp_path, "long.txt", "\n\n".join(generate.paragraphs(300_000)) + "\n\n" + END + "\n")
    app.tag("東京", "1")
    name, _ = app.export_with_ctrl_s()
    exported = app.downloads / f"export-{app.n_exports}" / name
    app.driver.execute_script("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    app.wait(lambda d: d.execute_script("return window.scrollY") > 1000)
    before = app.driver.execute_script("return window.scrollY")
    app.choose_file("Open annotations", exported)
    app.wait_notice("with 1 annotation")
    # The page was not built again: the reader stays where they were.
    assert abs(app.driver.execute_script("return window.scrollY") - before) < 2
    assert len(app.rows()) == 1
    app.driver.execute_script("window.scrollTo(0, document.documentElement.scrollHeight)")
    app.wait(lambda d: painted(d, "claim") == ["東京"])

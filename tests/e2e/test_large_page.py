"""Large saved pages: loading shows its progress, can be cancelled without
touching the current work, and the article, built in slices, maps offsets
right to its very end."""

import pathlib
import sys
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from exports import check_export

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "bench"))

import generate  # noqa: E402

LAST = "Closing line: the harbour master resigned at dawn, officials said."


def write_page(tmp_path, n_bytes):
    """A generated live-blog page of about `n_bytes`, whose article ends with `LAST`."""
    html, _ = generate.page(n_bytes)
    html = html.replace("</article>", f"<p>{LAST}</p></article>", 1)
    path = tmp_path / f"live-{n_bytes // 1_000_000}mb.html"
    path.write_text(html, encoding="utf-8")
    return path


def progress(app):
    """The progress bar's value, or None when there is none (read in one
    script: the bar is re-rendered as it moves)."""
    return app.driver.execute_script(
        "const bar = document.querySelector('.notices progress'); return bar ? bar.value : null"
    )


def test_loading_shows_progress_and_cancel_keeps_the_current_work(app, tmp_path):
    app.tag("Elin Sørensen", "3")
    path = write_page(tmp_path, 20_000_000)
    app.choose_file("Open article", path)
    app.wait(lambda d: progress(app) is not None)
    assert path.name in app.notice()
    # The page answers keys while it loads: the help opens mid-load.
    app.press("?")
    app.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".help[role=dialog]"))
    assert progress(app) is not None, "the load was still going"
    app.press(Keys.ESCAPE)
    app.driver.find_element(By.XPATH, "//div[@class='notices']//button[.='Cancel']").click()
    app.wait_notice("Loading stopped")
    # The load really stopped: nothing replaces the article later.
    time.sleep(3)
    assert app.accept_confirm(timeout=0.2) is None
    assert "Loading stopped" in app.notice()
    assert "Harbour town votes" in app.article_text()
    assert app.rows() == [("source", "Elin Sørensen", "")]


def test_large_page_opens_and_annotates_at_its_end(app, tmp_path):
    path = write_page(tmp_path, 8_000_000)
    app.choose_file("Open article", path)
    seen = set()
    app.wait(lambda d: seen.add(progress(app)) or "Opened" in app.notice(), timeout=60)
    assert seen - {None}, "a progress bar was shown"
    # Built in slices; the article says it is busy until every block is in.
    app.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, "article.article[aria-busy]"), timeout=60)
    shown = app.driver.execute_script(
        "const b = [...document.querySelectorAll('article.article [data-block]:not(.extra)')];"
        "return [b.length, b[0].textContent, b[b.length - 1].textContent]"
    )
    assert shown[0] > 10_000
    assert shown[1] == "Harbour inquiry: live"
    assert shown[2] == LAST
    app.tag("the harbour master resigned at dawn", "2")
    app.tag("Harbour inquiry", "1")
    _, doc = app.export_with_ctrl_s()
    check_export(doc)
    assert sorted((a["tag"], a["exact"]) for a in doc["annotations"]) == [
        ("claim", "Harbour inquiry"),
        ("quote", "the harbour master resigned at dawn"),
    ]


def test_opening_another_file_while_a_page_loads_replaces_that_load(app, tmp_path):
    big = write_page(tmp_path, 20_000_000)
    app.choose_file("Open article", big)
    app.wait(lambda d: progress(app) is not None)
    small = tmp_path / "small.txt"
    small.write_text("Small note\n\nThe ferry runs again from Monday, the operator said.", encoding="utf-8")
    app.choose_file("Open article", small)
    app.wait_notice('Opened "small"')
    time.sleep(4)
    assert app.accept_confirm(timeout=0.2) is None
    assert "The ferry runs again from Monday" in app.article_text()
    assert "small.txt" in app.driver.find_element(By.CSS_SELECTOR, ".article-meta").text

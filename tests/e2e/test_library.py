"""The library: every article opened is kept in IndexedDB with its
annotations, a reload restores the tab's own article, tabs never disturb
each other, and the version 2 localStorage records move in."""

import json

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from library import all_values, entries
from page import AppPage
from test_annotate import open_article


def test_three_articles_annotated_in_turn_are_all_kept(app, tmp_path):
    for name, needle in [("first.txt", "Mayor"), ("second.txt", "harbour council"), ("third.txt", "speaks")]:
        open_article(app, tmp_path, name=name)
        app.tag(needle, "1")
        app.wait_kept()
    app.reload()
    # The tab shows its own article again.
    assert app.wait_rows(1) == [("claim", "speaks", "")]
    titles = app.open_library()
    assert sorted(titles) == sorted(["first", "second", "third", "Harbour town votes to rebuild its flooded ferry pier"])
    counts = app.driver.find_elements(By.CSS_SELECTOR, ".library .library-counts")
    assert sum("1 Claim" in c.text for c in counts) == 3
    # Opening one from the list (by keyboard) restores it exactly.
    first = app.driver.find_element(By.XPATH, "//button[@class='library-open' and text()='first']")
    first.send_keys(Keys.ENTER)
    app.wait_notice("from the library")
    assert app.wait_rows(1) == [("claim", "Mayor", "")]
    _, doc = app.export_with_ctrl_s()
    assert doc["article"]["title"] == "first"
    assert [a["exact"] for a in doc["annotations"]] == ["Mayor"]


def test_two_tabs_on_different_articles_keep_both(app, tmp_path):
    # Tab A opens an article and tags two spans.
    open_article(app, tmp_path, name="tab-a.txt")
    app.tag("Mayor", "1")
    app.tag("harbour council", "3")
    app.wait_kept()
    tab_a = app.driver.current_window_handle
    # Tab B opens another article and tags one.
    app.driver.switch_to.new_window("tab")
    b = AppPage(app.driver, app.url, app.downloads)
    b.open()
    b.choose_file("Open article", tmp_path / "tab-b.txt" if (tmp_path / "tab-b.txt").exists() else _write(tmp_path, "tab-b.txt"))
    b.accept_confirm()
    b.wait(lambda d: "Opened" in b.notice())
    b.tag("speaks", "2")
    b.wait_kept()
    # Tab A reloads: its article and both annotations are back.
    app.driver.switch_to.window(tab_a)
    app.reload()
    assert app.wait_rows(2) == [("claim", "Mayor", ""), ("source", "harbour council", "")]
    assert "tab-a" in app.driver.find_element(By.CSS_SELECTOR, ".article-meta").text
    kept = {e["title"]: e["n_annotations"] for e in entries(app.driver)}
    assert kept["tab-a"] == 2 and kept["tab-b"] == 1


def _write(tmp_path, name):
    from test_annotate import write_article
    return write_article(tmp_path, name=name)


def test_same_article_in_two_tabs_stays_in_step(app, tmp_path):
    open_article(app, tmp_path, name="shared.txt")
    app.tag("Mayor", "1")
    app.wait_kept()
    tab_a = app.driver.current_window_handle
    # A new tab opens the article changed last: the same one.
    app.driver.switch_to.new_window("tab")
    b = AppPage(app.driver, app.url, app.downloads)
    b.open()
    assert b.wait_rows(1) == [("claim", "Mayor", "")]
    b.tag("harbour council", "3")
    b.wait_kept()
    # Tab A shows B's change, and says so; nothing was overwritten.
    app.driver.switch_to.window(tab_a)
    app.wait_notice("changed in another tab")
    assert app.wait_rows(2) == [("claim", "Mayor", ""), ("source", "harbour council", "")]
    app.tag("speaks", "2")
    app.wait_kept()
    app.driver.switch_to.window(b.driver.current_window_handle)
    app.reload()
    assert len(app.wait_rows(3)) == 3


# Version 2 records as the previous version saved them, written before the
# app's first start.
V2 = {
    "annotator.v2.article": json.dumps({"title": "Moved article", "source": "moved.txt",
                                        "text": "Old saved work about the harbour."}),
    "annotator.v2.ann.x1": json.dumps({"id": "x1", "tag": "claim", "start": 0, "end": 14,
                                       "exact": "Old saved work", "created": "2026-01-01T00:00:00Z",
                                       "modified": "2026-01-01T00:00:00Z"}),
    "annotator.v2.ann.x2": json.dumps({"id": "x2", "tag": "source", "start": 25, "end": 32,
                                       "exact": "harbour", "created": "2026-01-01T00:00:00Z",
                                       "modified": "2026-01-01T00:00:00Z"}),
    "annotator.v2.dirty": "1",
    "annotator.v2.unreadable": '{"kept": "by the previous version"}',
}


def seed_before_boot(driver, items):
    """Write `items` into localStorage before the app's first start."""
    script = ("if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1');"
              + "".join(f"localStorage.setItem({json.dumps(k)}, {json.dumps(v)});" for k, v in items.items())
              + "}")
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": script})


def test_version_2_records_move_into_the_library(driver, app_url, downloads):
    seed_before_boot(driver, V2)
    app = AppPage(driver, app_url, downloads)
    app.open()
    assert app.wait_rows(2) == [("claim", "Old saved work", ""), ("source", "harbour", "")]
    assert "Old saved work about the harbour." in app.article_text()
    kept = entries(driver)
    assert [(e["title"], e["n_annotations"], e["unexported"]) for e in kept] == [("Moved article", 2, True)]
    # The old records are gone, but the work set aside before stays, and
    # a copy of it is in the library.
    left = driver.execute_script("return Object.keys(localStorage).sort()")
    assert left == ["annotator.v2.unreadable"]
    assert driver.execute_script("return localStorage.getItem('annotator.v2.unreadable')") == V2["annotator.v2.unreadable"]
    assert V2["annotator.v2.unreadable"] in all_values(driver, "aside")
    app.reload()
    assert app.wait_rows(2)[0] == ("claim", "Old saved work", "")


def test_the_library_view_by_keyboard(app, tmp_path):
    for name in ["alpha-vote.txt", "budget-talks.txt"]:
        open_article(app, tmp_path, name=name)
        app.wait_kept()
    app.tag("Mayor", "1")
    app.wait_kept()
    titles = app.open_library()
    # Last change first; the search box has the focus.
    assert titles[0] == "budget-talks"
    active = lambda: app.driver.execute_script("return document.activeElement.getAttribute('aria-label')")
    assert active() == "Search the library"
    app.press("alpha")
    app.wait(lambda d: app.library_titles() == ["alpha-vote"])
    app.press(*[Keys.BACKSPACE] * 5)
    app.wait(lambda d: len(app.library_titles()) == 3)
    # Sort by title: Tab to the select, pick with the keyboard.
    app.press(Keys.TAB)
    assert active() == "Sort by"
    app.press("t")
    app.wait(lambda d: app.library_titles() == ["alpha-vote", "budget-talks", "Harbour town votes to rebuild its flooded ferry pier"])
    # Status of a row, by keyboard.
    status = app.driver.find_element(By.CSS_SELECTOR, "select[aria-label='Status of alpha-vote']")
    status.send_keys("d")
    app.wait_notice("is now done")
    # Rename: the prompt takes the new title.
    rename = app.driver.find_element(By.XPATH, "//tr[td/button[text()='alpha-vote']]//button[text()='Rename']")
    rename.send_keys(Keys.ENTER)
    alert = app.wait(lambda d: d.switch_to.alert)
    alert.send_keys("Alpha, renamed")
    alert.accept()
    app.wait(lambda d: "Alpha, renamed" in app.library_titles())
    # Delete moves it to the bin; Restore brings it back.
    delete = app.driver.find_element(By.XPATH, "//tr[td/button[text()='Alpha, renamed']]//button[text()='Delete']")
    delete.send_keys(Keys.ENTER)
    app.wait_notice("to the bin")
    app.wait(lambda d: "Alpha, renamed" not in app.library_titles())
    app.driver.find_element(By.XPATH, "//button[starts-with(text(), 'Bin (')]").send_keys(Keys.ENTER)
    app.wait(lambda d: app.library_titles() == ["Alpha, renamed"])
    app.driver.find_element(By.XPATH, "//button[text()='Restore']").send_keys(Keys.ENTER)
    app.wait_notice("from the bin")
    app.driver.find_element(By.XPATH, "//button[text()='Back to the library']").send_keys(Keys.ENTER)
    app.wait(lambda d: "Alpha, renamed" in app.library_titles())
    assert "used of" in app.driver.find_element(By.CSS_SELECTOR, ".library-used").text
    # Esc closes; the status and title are kept across a reload.
    app.press(Keys.ESCAPE)
    app.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, ".library"))
    app.reload()
    app.open_library()
    status = app.driver.find_element(By.CSS_SELECTOR, "select[aria-label='Status of Alpha, renamed']")
    assert status.get_attribute("value") == "done"
    # Opening the renamed article shows and exports its new title.
    app.driver.find_element(By.XPATH, "//button[@class='library-open' and text()='Alpha, renamed']").send_keys(Keys.ENTER)
    app.wait_notice("from the library")
    _, doc = app.export_with_ctrl_s()
    assert doc["article"]["title"] == "Alpha, renamed"


def test_the_library_exports_as_one_file_and_imports_it_back(driver, app_url, downloads, tmp_path):
    app = AppPage(driver, app_url, downloads)
    app.open()
    for name, needle in [("one.txt", "Mayor"), ("two.txt", "speaks")]:
        open_article(app, tmp_path, name=name)
        app.tag(needle, "1")
        app.wait_kept()
    app.open_library()
    button = driver.find_element(By.XPATH, "//button[text()='Export these articles']")
    path = app.download_after(lambda: button.send_keys(Keys.ENTER))
    assert path.name == "library.annotations.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    files = [json.loads(line) for line in lines]
    assert sorted(f["article"]["title"] for f in files) == sorted(
        ["one", "two", "Harbour town votes to rebuild its flooded ferry pier"])
    for f in files:
        for a in f["annotations"]:
            assert f["article"]["text"][a["start"]:a["end"]] == a["exact"]
    app.wait_notice("Exported 3 articles")
    # Into a fresh library: every article comes back; a bad line is named.
    fresh = tmp_path / "dataset.jsonl"
    fresh.write_text("\n".join(lines[:2] + ['{"version": 2, "article": 5}']) + "\n", encoding="utf-8")
    driver.execute_script("sessionStorage.clear(); indexedDB.deleteDatabase('annotator-library')")
    app.reload()
    assert app.open_library() == ["Harbour town votes to rebuild its flooded ferry pier"]
    app.choose_file("Import library", fresh)
    notice = app.wait_notice("to the library")
    assert "Added 2 articles" in notice and "line 3" in notice
    app.wait(lambda d: len(app.library_titles()) == 3)


def test_undo_and_redo_survive_a_reload(app, tmp_path):
    open_article(app, tmp_path, name="undo.txt")
    app.tag("Mayor", "1")
    app.tag("speaks", "2")
    app.ctrl("z")
    app.wait_rows(1)
    app.wait_kept()
    app.reload()
    assert app.wait_rows(1) == [("claim", "Mayor", "")]
    buttons = {b.text: b for b in app.driver.find_elements(By.CSS_SELECTOR, ".toolbar button")}
    assert buttons["Undo"].is_enabled() and buttons["Redo"].is_enabled()
    app.ctrl("z", shift=True)
    assert [r[1] for r in app.wait_rows(2)] == ["Mayor", "speaks"]
    app.ctrl("z")
    app.ctrl("z")
    app.wait_rows(0)
    app.wait_kept()
    # The undone state is what the library holds: a second reload agrees.
    app.reload()
    app.wait_for_article()
    assert app.rows() == []
    _, doc = app.export_with_ctrl_s()
    assert doc["annotations"] == []


def test_a_long_library_shows_a_page_of_rows_and_more_on_request(app, tmp_path):
    _, sample = app.export_with_ctrl_s()
    lines = [json.dumps(dict(sample, article=dict(sample["article"], title=f"Article {i:03}"))) for i in range(120)]
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    app.open_library()
    app.choose_file("Import library", path)
    app.wait_notice("Added 120 articles")
    app.wait(lambda d: len(app.library_titles()) == 100)
    count = app.driver.find_element(By.CSS_SELECTOR, ".library-count").text
    assert count == "121 articles"
    more = app.driver.find_element(By.CSS_SELECTOR, ".library-more button")
    assert more.text == "Show 21 more (100 of 121 shown)"
    more.send_keys(Keys.ENTER)
    app.wait(lambda d: len(app.library_titles()) == 121)
    assert not app.driver.find_elements(By.CSS_SELECTOR, ".library-more")
    # The search covers every article, shown or not.
    search = app.driver.find_element(By.CSS_SELECTOR, ".library input[type=search]")
    search.send_keys("Article 119")
    app.wait(lambda d: app.library_titles() == ["Article 119"])

"""The Tags dialog: one's own tags with the keyboard alone, then tagging
with them, exporting, undoing; removing a tag in use; tag set files."""

import json

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from exports import check_export
from page import painted
from test_keyboard import focused_is_article, selection, tab_to_article

COUNT_MOUSE = """
window.__mouse = 0;
for (const t of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'mousemove'])
  window.addEventListener(t, () => window.__mouse++, true);
"""


def dialog(app):
    found = app.driver.find_elements(By.CSS_SELECTOR, ".tags-dialog[role=dialog]")
    return found[0] if found else None


def tag_legends(app):
    """The tags the dialog lists, in order (each legend reads "Label n annotations")."""
    return app.driver.execute_script(
        "return [...document.querySelectorAll('.tag-row legend .count')].map(e => e.textContent)"
    )


def tab_until(app, script, limit=300):
    """Press Tab until `script` (run with the focused element as arguments[0])
    is true; every press must keep the focus inside the dialog."""
    for _ in range(limit):
        if app.driver.execute_script(f"const el = document.activeElement; return {script};"):
            return
        app.press(Keys.TAB)
        assert app.driver.execute_script(
            "return document.activeElement.closest('.tags-dialog') !== null"
        ), "the focus left the dialog"
    raise AssertionError(f"Tab never reached {script}")


def row_text(app, label):
    return app.driver.execute_script(
        "const rows = [...document.querySelectorAll('.tag-row')];"
        "const r = rows.find(r => r.querySelector('legend .count').textContent === arguments[0]);"
        "return r ? r.innerText : null",
        label,
    )


def test_a_tag_of_ones_own_with_the_keyboard_alone(app):
    app.driver.execute_script(COUNT_MOUSE)
    tab_to_article(app)
    app.press("t")
    app.wait(lambda d: dialog(app))
    d = dialog(app)
    assert d.get_attribute("aria-modal") == "true"
    assert app.driver.find_element(By.ID, d.get_attribute("aria-labelledby")).text == "Tags"
    assert tag_legends(app) == ["Claim", "Quote", "Source"]

    # Add "Statistic": it gets the next free key, 4.
    tab_until(app, "el.closest('.add-tag') && el.tagName === 'INPUT'")
    app.press("Statistic", Keys.ENTER)
    app.wait(lambda _: tag_legends(app) == ["Claim", "Quote", "Source", "Statistic"])
    key = app.driver.execute_script(
        "return [...document.querySelectorAll('.tag-row')][3].querySelector('.tag-settings select').value"
    )
    assert key == "4"

    # A number field "Value".
    tab_until(app, "el.getAttribute('aria-label') === 'Field name of Statistic'")
    app.press("Value", Keys.TAB, "n", Keys.TAB, Keys.TAB)
    assert app.driver.execute_script("return document.activeElement.textContent") == "Add field"
    app.press(Keys.ENTER)
    app.wait(lambda _: "Value (Number)" in (row_text(app, "Statistic") or ""))

    # Esc closes; the focus is back in the article.
    app.press(Keys.ESCAPE)
    app.wait(lambda _: dialog(app) is None)
    app.wait(lambda _: focused_is_article(app))
    steps = app.driver.find_element(By.CSS_SELECTOR, ".steps").text
    assert steps.endswith("pick 1 Claim, 2 Quote, 3 Source or 4 Statistic."), steps

    # Select a word with the keyboard and tag it with key 4.
    app.press(Keys.HOME)
    app.ctrl(Keys.DOWN)
    app.press(Keys.RIGHT, "w")
    word = selection(app)
    assert word.strip()
    app.ctrl(Keys.ENTER)
    app.wait(lambda _: app.chooser())
    assert "Statistic" in app.chooser()[0].text
    app.press("4")
    rows = app.wait_rows(1)
    assert rows[0][0] == "statistic"
    app.wait(lambda _: painted(app.driver, "statistic") == [word])
    css = app.driver.execute_script("return document.querySelector('.app > style').textContent")
    assert "::highlight(ann-statistic)" in css

    name, doc = app.export_with_ctrl_s()
    check_export(doc)
    tags = {t["id"]: t for t in doc["schema"]["tags"]}
    assert tags["statistic"]["label"] == "Statistic"
    assert tags["statistic"]["key"] == "4"
    assert [(f["id"], f["label"], f["type"]) for f in tags["statistic"]["fields"]] == [
        ("value", "Value", "number")
    ]
    assert [(a["tag"], a["exact"]) for a in doc["annotations"]] == [("statistic", word)]

    # Undo: the annotation, then the field, then the tag.
    app.ctrl("z")
    app.wait_rows(0)
    app.ctrl("z")
    app.ctrl("z")
    app.wait(lambda _: focused_is_article(app))
    app.press("t")
    app.wait(lambda _: dialog(app))
    assert tag_legends(app) == ["Claim", "Quote", "Source"]
    app.press(Keys.ESCAPE)
    app.wait(lambda _: dialog(app) is None and focused_is_article(app))
    app.ctrl("y")
    app.press("t")
    app.wait(lambda _: dialog(app))
    assert tag_legends(app) == ["Claim", "Quote", "Source", "Statistic"]
    assert "Value" not in row_text(app, "Statistic"), "redo gives back the tag, not yet its field"
    assert app.driver.execute_script("return window.__mouse") == 0


def test_removing_a_tag_in_use_asks_and_tag_set_files(app, tmp_path):
    app.tag("Lindqvist Bay", "2")
    app.driver.find_element(By.XPATH, "//button[normalize-space()='Tags']").click()
    app.wait(lambda d: dialog(app))
    assert "1 annotation" in row_text(app, "Quote")

    # Save the set; a file that is not a tag set; the saved one again.
    path = app.download_after(
        lambda: app.driver.find_element(By.XPATH, "//button[normalize-space()='Save tag set…']").click()
    )
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["tag_set"] == 1 and [t["id"] for t in saved["tags"]] == ["claim", "quote", "source"]
    bad = tmp_path / "bad.json"
    bad.write_text('{"tag_set": 1, "tags": []}', encoding="utf-8")
    app.choose_file("Load tag set", bad)
    message = app.wait_notice("Could not load the tag set")
    assert "bad.json" in message and "Your tags are unchanged" in message
    assert "Could not load the tag set" in dialog(app).find_element(By.CSS_SELECTOR, ".tags-notice").text
    assert tag_legends(app) == ["Claim", "Quote", "Source"]

    # A tag set with Quote renamed, from a file.
    saved["tags"][1]["label"] = "Citation"
    renamed = tmp_path / "renamed.json"
    renamed.write_text(json.dumps(saved), encoding="utf-8")
    app.choose_file("Load tag set", renamed)
    app.wait(lambda _: tag_legends(app) == ["Claim", "Citation", "Source"])

    # Remove it: its annotation becomes a claim.
    app.driver.find_element(By.CSS_SELECTOR, "button[aria-label='Remove tag: Citation']").click()
    box = app.wait(lambda d: d.find_element(By.CSS_SELECTOR, ".tag-remove"))
    assert "1 annotation tagged Citation. What becomes of it?" in box.text
    choice = box.find_element(By.CSS_SELECTOR, "select")
    choice.send_keys("Tag them Claim")
    box.find_element(By.XPATH, ".//button[normalize-space()='Remove Citation']").click()
    app.wait(lambda _: tag_legends(app) == ["Claim", "Source"])
    assert app.rows()[0][0] == "claim"
    app.press(Keys.ESCAPE)
    app.ctrl("z")
    app.wait(lambda _: app.rows()[0][0] == "quote")

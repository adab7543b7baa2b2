"""A fact-check with the keyboard alone: a claim with a verdict typed into
its fields, a quote and its source, links made, followed, undone and
redone, the panel filtered by verdict, then the native file and the
ClaimReview JSON-LD downloaded and the native file opened again."""

import json

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from exports import check_export
from test_keyboard import (
    COUNT_MOUSE,
    SENTENCE,
    live_region,
    selection,
    tab_to_article,
    tag_the_quote_after_the_claim,
)

def word_forward(app, word, limit=80):
    """Walk word by word (W selects the word after the cursor, Esc collapses
    the cursor at its end) until the word selected is `word`."""
    for _ in range(limit):
        app.press("w")
        if selection(app) == word:
            return
        app.press(Keys.ESCAPE)
    raise AssertionError(f"W never reached {word!r}")


def focus(app, css):
    """Give `css` the keyboard focus (as Tab would; no pointer event)."""
    app.driver.execute_script("document.querySelector(arguments[0]).focus()", css)


def row_info(app, i):
    return app.driver.find_elements(By.CSS_SELECTOR, ".panel .row .row-info")[i].text


def links(doc):
    by_id = {a["id"]: a["exact"] for a in doc["annotations"]}
    return sorted((r["type"], by_id[r["from"]], by_id[r["to"]]) for r in doc["relations"])


def test_a_fact_check_without_the_mouse(app):
    app.driver.execute_script(COUNT_MOUSE)
    tab_to_article(app)

    # The claim, with its verdict chosen in the chooser's fields: Tab goes
    # to the note, Tab again to the verdict, F picks "False".
    app.ctrl(Keys.DOWN), app.ctrl(Keys.DOWN), app.ctrl(Keys.DOWN)
    app.press(Keys.RIGHT, "s")
    assert selection(app) == SENTENCE
    app.ctrl(Keys.ENTER)
    app.wait(lambda d: app.chooser())
    app.press(Keys.TAB, "checked on site", Keys.TAB, "F")
    assert app.driver.execute_script("return document.activeElement.id") == "field-verdict"
    app.press(Keys.ENTER)
    app.wait_rows(1)
    app.wait(lambda d: "Verdict: False" in row_info(app, 0))

    # The quote, then its speaker as the source.
    tag_the_quote_after_the_claim(app)
    word_forward(app, "Mayor")
    for _ in range(2):
        app.press(Keys.RIGHT, modifier=Keys.SHIFT)
    assert selection(app) == "Mayor Elin Sørensen"
    app.ctrl(Keys.ENTER)
    app.wait(lambda d: app.chooser())
    app.press("3")
    app.wait_rows(3)

    # L on the quote: "Said by" is offered first, the source is the nearest.
    app.press("[", "l")
    dialog = app.wait(lambda d: d.find_element(By.CSS_SELECTOR, ".link-dialog"))
    assert "Said by" in dialog.text and "Mayor Elin Sørensen" in dialog.text
    app.press(Keys.ENTER)
    app.wait(lambda d: "Said by: Mayor Elin Sørensen" in row_info(app, 1))
    assert not app.driver.find_elements(By.CSS_SELECTOR, ".link-dialog")

    # The claim's evidence: Shift+Tab to the relation list, ↓ to Evidence.
    app.press("[", "l")
    app.wait(lambda d: d.find_element(By.CSS_SELECTOR, ".link-dialog"))
    app.press(Keys.TAB, modifier=Keys.SHIFT)
    app.press(Keys.DOWN)
    app.press(Keys.TAB, "mayor", Keys.ENTER)
    app.wait(lambda d: "Evidence: Mayor Elin Sørensen" in row_info(app, 0))
    assert "Evidence" in live_region(app)

    # F follows the claim's link to the source.
    app.press("f")
    app.wait(lambda d: "Evidence: \"Mayor Elin Sørensen\"" in live_region(app))

    # Undo and redo the link.
    app.ctrl("z")
    app.wait(lambda d: "Evidence" not in row_info(app, 0))
    app.ctrl("z", shift=True)
    app.wait(lambda d: "Evidence: Mayor Elin Sørensen" in row_info(app, 0))

    # The panel as a worklist: claims whose verdict is False, then still
    # Unverified (none).
    focus(app, ".filter-value")
    app.press("Claim · Verdict: False")
    app.wait(lambda d: len(app.rows()) == 1)
    assert app.rows()[0][0] == "claim"
    app.press(Keys.UP)
    app.wait(lambda d: "No annotation matches the filter" in d.find_element(By.CSS_SELECTOR, ".panel").text)
    focus(app, ".filter-value")
    app.press(Keys.HOME)
    app.wait_rows(3)

    name, doc = app.export_with_ctrl_s()
    check_export(doc)
    claim = next(a for a in doc["annotations"] if a["tag"] == "claim")
    assert claim["fields"] == {"verdict": "False"} and claim["note"] == "checked on site"
    assert links(doc) == [
        ("evidence", SENTENCE, "Mayor Elin Sørensen"),
        ("said-by", "We cannot ask three hundred families", "Mayor Elin Sørensen"),
    ]

    # ClaimReview from the Export menu, with the keyboard.
    path = app.download_after(lambda: app.export_as("ClaimReview (schema.org JSON-LD)"))
    assert path.name.endswith(".claimreview.json")
    reviews = json.loads(path.read_text(encoding="utf-8"))
    assert len(reviews) == 1
    assert reviews[0]["reviewRating"]["alternateName"] == "False"
    assert reviews[0]["claimReviewed"] == SENTENCE
    notice = app.wait_notice("Exported 1 ClaimReview")
    assert "lacks" in notice, "what the review lacks is reported, not invented"

    # The native file opens again to the same annotations and links.
    saved = app.downloads / "export-1" / name
    app.choose_file("Open annotations", saved)
    app.accept_confirm(timeout=1)
    app.wait_notice("Opened")
    _, again = app.export_with_ctrl_s()
    assert again["annotations"] == doc["annotations"]
    assert links(again) == links(doc)
    assert app.driver.execute_script("return window.__mouse") == 0


def test_a_field_that_does_not_fit_is_named_and_nothing_is_tagged(app):
    tab_to_article(app)
    app.tag("Jonas Meyer", "1")  # a claim
    app.tag("Lindqvist Bay", "3")  # a source, linked to it below
    # Edit the claim from its row: the fact-check URL is not a web address.
    app.driver.find_elements(By.CSS_SELECTOR, ".panel .row .row-action")[3].click()
    app.wait(lambda d: app.chooser())
    url = app.driver.find_element(By.ID, "field-fact-check-url")
    url.send_keys("example.org/check")
    app.press(Keys.ENTER)
    error = app.wait(lambda d: d.find_element(By.CSS_SELECTOR, ".field-error"))
    assert "Fact-check URL is \"example.org/check\"" in error.text
    assert "not a web address" in error.text
    assert app.driver.execute_script("return document.activeElement.id") == "field-fact-check-url"
    assert url.get_attribute("aria-invalid") == "true"
    url.clear()
    url.send_keys("https://example.org/check")
    app.press(Keys.ENTER)
    app.wait(lambda d: not app.chooser())
    assert "Fact-check URL: https://example.org/check" in row_info(app, 1)

    # Deleting a source that has links says so; undo brings both back.
    app.driver.find_elements(By.CSS_SELECTOR, ".panel .row .row-excerpt")[0].click()
    app.driver.find_element(By.CSS_SELECTOR, "article.article").send_keys("l")
    app.wait(lambda d: d.find_element(By.CSS_SELECTOR, ".link-dialog"))
    app.press(Keys.ENTER)  # Lindqvist Bay supports Jonas Meyer
    app.wait(lambda d: "Supports: Jonas Meyer" in row_info(app, 0))
    app.driver.find_elements(By.CSS_SELECTOR, ".panel .row .row-delete")[0].click()
    app.wait_rows(1)
    assert "1 relation removed" in live_region(app)
    app.ctrl("z")
    app.wait(lambda d: "Supports: Jonas Meyer" in row_info(app, 0))

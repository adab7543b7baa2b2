"""A new version of an article: annotations made on the old version are
carried over when their file is opened on the new one (the dialog's
"Apply to this article", by keyboard), each with its status in the panel
and in the export; the one that cannot be placed is listed as not placed,
and attached again by selecting its text and pressing A."""

import json

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from exports import check_export
from test_a11y import audit, themed_app  # noqa: F401 (a fixture)

OLD = (
    "The mayor said taxes will fall by 3 % next year. 👍🏽 Critics said \u201cit is a fantasy\u201d.\n"
    "Police said the suspect fled on foot. 市长说 قال العمدة.\n"
)
NEW = (
    "Correction appended. The mayor said taxes would fall by 3 % next year. 👍🏽 Critics said \u201cit is a fantasy\u201d.\n"
    "Police gave no details. 市长说 قال العمدة.\n"
)


THREE = [("taxes will fall by 3 % next year", "1"), ("it is a fantasy", "2"), ("the suspect fled", "1")]


def statuses(app):
    return [e.text for e in app.driver.find_elements(By.CSS_SELECTOR, ".panel .row .row-anchoring")]


def tag_old_version(app, tmp_path, quotes):
    """Open the old version as bridge.txt and tag `quotes` (text, key)."""
    old = tmp_path / "old" / "bridge.txt"
    old.parent.mkdir()
    old.write_text(OLD, encoding="utf-8")
    app.choose_file("Open article", old)
    app.wait_notice("Opened")
    for quote, key in quotes:
        app.tag(quote, key)


def open_file_of_old_version(app, tmp_path):
    """Tag the old version, export it, open the new version, then the
    exported file: the carry dialog, as it opens."""
    tag_old_version(app, tmp_path, THREE)
    _, made = app.export_with_ctrl_s()
    return open_onto_new_version(app, tmp_path, made)


def open_onto_new_version(app, tmp_path, made):
    """Open the new version as bridge.txt, then the old version's file
    `made`: the carry dialog, as it opens."""
    saved = tmp_path / "bridge.annotations.json"
    saved.write_text(json.dumps(made, ensure_ascii=False), encoding="utf-8")
    new = tmp_path / "new" / "bridge.txt"
    new.parent.mkdir()
    new.write_text(NEW, encoding="utf-8")
    app.choose_file("Open article", new)
    app.wait_notice("Opened")
    app.choose_file("Open annotations", saved)
    return app.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".carry-dialog"))[0]


def test_annotations_follow_an_article_to_its_new_version(app, tmp_path):
    dialog = open_file_of_old_version(app, tmp_path)
    assert "another version" in dialog.text
    focused = app.driver.execute_script("return document.activeElement.textContent")
    assert focused == "Apply to this article"
    app.press(Keys.ENTER)
    app.wait_notice("Carried 3 annotations")
    assert "1 could not be placed" in app.notice()
    rows = app.wait_rows(2)
    assert [r[1] for r in rows] == ["taxes would fall by 3 % next year", "it is a fantasy"]
    assert statuses(app) == ["Carried: fuzzy (90 %)", "Carried: exact"]
    orphans = app.driver.find_element(By.CSS_SELECTOR, ".orphans")
    assert "Not placed (1)" in orphans.text and "the suspect fled" in orphans.text

    # Kept in the library: a reload brings back the statuses and the orphan.
    app.reload()
    app.wait_rows(2)
    assert statuses(app) == ["Carried: fuzzy (90 %)", "Carried: exact"]
    assert "the suspect fled" in app.driver.find_element(By.CSS_SELECTOR, ".orphans").text

    # Attach the orphan where it belongs now: select, then A.
    app.select_with_mouse("Police gave no details")
    app.press("a")
    app.wait_rows(3)
    assert not app.driver.find_elements(By.CSS_SELECTOR, ".orphans")

    _, doc = app.export_with_ctrl_s()
    check_export(doc)
    text = doc["article"]["text"]
    assert text == NEW
    by_exact = {a["exact"]: a for a in doc["annotations"]}
    assert by_exact["taxes would fall by 3 % next year"]["anchoring"] == {"status": "fuzzy", "similarity": 0.906}
    assert by_exact["it is a fantasy"]["anchoring"] == {"status": "exact"}
    attached = by_exact["Police gave no details"]
    assert "anchoring" not in attached and attached["tag"] == "claim"
    assert "orphans" not in doc

    # Undo makes it an orphan again; the export keeps it with its old quote.
    app.ctrl("z")
    app.wait_rows(2)
    _, doc = app.export_with_ctrl_s()
    check_export(doc)
    assert [o["exact"] for o in doc["orphans"]] == ["the suspect fled"]
    assert OLD[doc["orphans"][0]["start"]:doc["orphans"][0]["end"]] == "the suspect fled"


def test_a_file_of_another_article_opens_as_before(app, tmp_path):
    """No question for a file of an unrelated article: it opens with its own."""
    other = tmp_path / "other.txt"
    other.write_text("Another story altogether.\n", encoding="utf-8")
    app.choose_file("Open article", other)
    app.wait_notice("Opened")
    app.tag("story", "1")
    _, doc = app.export_with_ctrl_s()
    saved = tmp_path / "other.annotations.json"
    saved.write_text(json.dumps(doc), encoding="utf-8")
    app.open()
    app.choose_file("Open annotations", saved)
    app.wait_notice("Opened")
    assert not app.driver.find_elements(By.CSS_SELECTOR, ".carry-dialog")
    assert app.wait_rows(1)[0][1] == "story"


def test_axe_carry_dialog_and_not_placed_list(themed_app, tmp_path):
    app = themed_app
    open_file_of_old_version(app, tmp_path)
    assert audit(app) == [], "carry dialog open"
    app.press(Keys.ENTER)
    app.wait_notice("Carried 3 annotations")
    app.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".orphans"))
    assert audit(app) == [], "statuses and the Not placed list"


def test_a_hand_edited_status_is_named_and_work_stays(app, tmp_path):
    app.tag("Lindqvist Bay", "1")
    _, doc = app.export_with_ctrl_s()
    doc["annotations"][0]["anchoring"] = {"status": "nearly"}
    bad = tmp_path / "bad.annotations.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    app.choose_file("Open annotations", bad)
    assert 'anchoring status "nearly"' in app.wait_notice("nearly")
    assert [r[1] for r in app.rows()] == ["Lindqvist Bay"]
    doc["annotations"][0]["anchoring"] = {"status": "fuzzy", "similarity": 0.95}
    doc["orphans"] = [dict(doc["annotations"][0], id="o1", exact="x", anchoring=None)]
    del doc["orphans"][0]["anchoring"]
    bad.write_text(json.dumps(doc), encoding="utf-8")
    app.choose_file("Open annotations", bad)
    assert "orphan" in app.wait_notice("orphan")
    assert [r[1] for r in app.rows()] == ["Lindqvist Bay"]


def test_opening_a_new_version_of_a_library_article_offers_to_carry(app, tmp_path):
    tag_old_version(app, tmp_path, THREE[:2])
    app.wait_kept()
    new = tmp_path / "new" / "bridge.txt"
    new.parent.mkdir()
    new.write_text(NEW, encoding="utf-8")
    app.choose_file("Open article", new)
    dialog = app.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".carry-dialog"))[0]
    assert "Your library holds another version" in dialog.text and "2 annotations" in dialog.text
    assert "Open the library's version" in dialog.text
    app.press(Keys.ENTER)
    app.wait_notice("Carried 2 annotations")
    assert [r[1] for r in app.wait_rows(2)] == ["taxes would fall by 3 % next year", "it is a fantasy"]
    assert statuses(app) == ["Carried: fuzzy (90 %)", "Carried: exact"]
    _, doc = app.export_with_ctrl_s()
    check_export(doc)
    assert doc["article"]["text"] == NEW


def test_a_relation_to_an_orphan_waits_for_it_and_comes_back(app, tmp_path):
    """A claim's evidence is a source the new version drops: the relation
    waits (in the file and across a reload) and is linked again when the
    source is attached."""
    tag_old_version(app, tmp_path, [("taxes will fall by 3 % next year", "1"), ("Police said", "3")])
    _, made = app.export_with_ctrl_s()
    claim, source = (a["id"] for a in made["annotations"])
    made["relations"] = [{"id": "r1", "type": "evidence", "from": claim, "to": source,
                          "created": "2026-12-03T00:00:00Z"}]
    open_onto_new_version(app, tmp_path, made)
    app.press(Keys.ENTER)
    notice = app.wait_notice("Carried 2 annotations")
    assert "1 relation to them is linked again when they are attached" in notice, notice
    _, doc = app.export_with_ctrl_s()
    check_export(doc)
    assert [(r["from"], r["to"]) for r in doc["relations"]] == [(claim, source)]
    assert [o["id"] for o in doc["orphans"]] == [source]

    app.reload()
    app.wait_rows(1)
    app.select_with_mouse("Police gave")
    app.press("a")
    app.wait_rows(2)
    _, doc = app.export_with_ctrl_s()
    check_export(doc)
    ends = {a["id"]: a["exact"] for a in doc["annotations"]}
    assert [(ends[r["from"]], ends[r["to"]]) for r in doc["relations"]] == [
        ("taxes would fall by 3 % next year", "Police gave")]
    # Undo detaches the source; its relation waits again.
    app.ctrl("z")
    app.wait_rows(1)
    _, doc = app.export_with_ctrl_s()
    assert [r["to"] for r in doc["relations"]] == [source] and doc["orphans"][0]["id"] == source


def page(headline, body):
    return (
        "<!doctype html><html><head><title>" + headline + "</title>"
        "<link rel=\"canonical\" href=\"https://news.example/bridge\"></head>"
        "<body><article><h1>" + headline + "</h1>"
        + "".join(f"<p>{line}</p>" for line in body.splitlines()) + "</article></body></html>"
    )


def test_a_corrected_page_with_a_new_headline_and_file_name_is_known_by_its_canonical_url(app, tmp_path):
    """A saved page corrected after publication: a new headline, saved
    again under another file name. Only its canonical URL is the same,
    and that is enough to offer carrying the annotations over."""
    old = tmp_path / "bridge.html"
    old.write_text(page("Taxes to fall", OLD), encoding="utf-8")
    app.choose_file("Open article", old)
    app.wait_notice("Opened")
    app.tag("it is a fantasy", "2")
    app.wait_kept()
    new = tmp_path / "bridge (1).html"
    new.write_text(page("Correction: taxes to fall less", NEW), encoding="utf-8")
    app.choose_file("Open article", new)
    dialog = app.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".carry-dialog"))[0]
    assert "Your library holds another version" in dialog.text, dialog.text
    app.press(Keys.ENTER)
    app.wait_notice("Carried 1 annotation")
    assert [r[1] for r in app.wait_rows(1)] == ["it is a fantasy"]
    assert statuses(app) == ["Carried: exact"]

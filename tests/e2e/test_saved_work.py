"""Saved work that cannot be restored is never lost: the version 2
records of the previous version and library records edited into
nonsense are copied aside, left as they were, and never overwritten."""

import json

from library import all_values, run
from page import AppPage
from test_library import seed_before_boot
from test_annotate import open_article

# A saved session whose article record is cut short: it fails the import
# checks on the first start.
BROKEN = {
    "annotator.v2.article": '{"title": "Lost work", "text": "Cut sh',
    "annotator.v2.ann.x1": '{"id": "x1", "tag": "claim", "start": 0, "end": 4}',
}


def test_unreadable_version_2_work_is_set_aside(driver, app_url, downloads):
    seed_before_boot(driver, BROKEN)
    app = AppPage(driver, app_url, downloads)
    app.open()
    notice = app.wait_notice("could not be restored")
    assert "kept aside" in notice
    kept = all_values(driver, "aside")
    assert any('"title": "Lost work", "text": "Cut sh' in k for k in kept)
    # The sample opens, and work goes on in the library.
    assert "Harbour town votes" in app.article_text()
    app.tag("Lindqvist Bay", "1")
    app.reload()
    assert app.wait_rows(1) == [("claim", "Lindqvist Bay", "")]
    assert any("Cut sh" in k for k in all_values(driver, "aside"))


NONSENSE = """
const [store, text] = args;
const t = db.transaction(store, 'readwrite');
const s = t.objectStore(store);
const ks = await new Promise(ok => { const r = s.getAllKeys(); r.onsuccess = () => ok(r.result); });
for (const k of ks) s.put(text, k);
await new Promise(ok => t.oncomplete = ok);
return ks.length;
"""


def test_a_record_edited_into_nonsense_is_kept_aside_never_overwritten(app, tmp_path):
    open_article(app, tmp_path, name="edited.txt")
    app.tag("Mayor", "1")
    app.wait_kept()
    assert run(app.driver, NONSENSE, "annotations", "{ this is not json") == 1
    app.reload()
    notice = app.wait_notice("could not be restored")
    assert '"edited"' in notice and "kept aside" in notice
    assert any("{ this is not json" in k for k in all_values(app.driver, "aside"))
    # The sample opens as a new article; tagging it leaves the damaged
    # records as they were.
    assert "Harbour town votes" in app.article_text()
    app.tag("Lindqvist Bay", "1")
    app.wait_kept()
    app.reload()
    assert "{ this is not json" in all_values(app.driver, "annotations")
    assert app.wait_rows(1) == [("claim", "Lindqvist Bay", "")]
    # Still listed in the library.
    assert "edited" in app.open_library()


def test_an_entry_of_nonsense_is_listed_and_left_alone(app, tmp_path):
    open_article(app, tmp_path, name="entry.txt")
    app.tag("Mayor", "1")
    app.wait_kept()
    n = run(app.driver, NONSENSE.replace("for (const k of ks)", "for (const k of ks.slice(0, 1))"), "entries", "[]")
    assert n >= 1
    app.reload()
    app.wait_for_article()
    app.open_library()
    rows = app.driver.execute_script(
        "return [...document.querySelectorAll('.library .library-counts')].map(c => c.textContent)")
    assert "Unreadable record" in rows
    assert "[]" in all_values(app.driver, "entries")

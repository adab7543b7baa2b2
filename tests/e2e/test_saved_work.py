"""Saved work that cannot be restored is never lost: set aside when there is
room, left untouched (with saving paused until the user decides) when the
browser's storage is full."""

import time

from selenium.webdriver.common.by import By

# A saved session whose article record is cut short: it fails the import
# checks on the next start.
BROKEN = """
localStorage.clear();
localStorage.setItem('annotator.v2.article', '{"title": "Lost work", "text": "Cut sh');
localStorage.setItem('annotator.v2.ann.x1', '{"id": "x1", "tag": "claim", "start": 0, "end": 4}');
"""

# Fill localStorage to the last character it takes.
FILL = """
let chunk = 1 << 20, i = 0;
while (chunk >= 1) {
  try { localStorage.setItem('filler.' + i, 'x'.repeat(chunk)); i++; }
  catch (e) { chunk = Math.floor(chunk / 2); }
}
return i;
"""

STORED = "return [localStorage.getItem('annotator.v2.article'), localStorage.getItem('annotator.v2.ann.x1')]"


def break_saved_work(app):
    # After the app's first save (a second after it starts), which would
    # otherwise overwrite the records on the way out.
    app.wait(lambda d: d.execute_script("return localStorage.getItem('annotator.v2.article')"))
    app.driver.execute_script(BROKEN)


def save_state(app):
    return app.driver.find_element(By.CSS_SELECTOR, ".save-state").text


def test_unreadable_work_is_set_aside_when_there_is_room(app):
    break_saved_work(app)
    app.reload()
    notice = app.wait_notice("could not be restored")
    assert "kept aside" in notice
    kept = app.driver.execute_script("return localStorage.getItem('annotator.v2.unreadable')")
    assert '"title": "Lost work", "text": "Cut sh' in kept
    # Saving goes on: the sample article replaces the broken records.
    app.tag("Lindqvist Bay", "1")
    app.wait(lambda d: d.execute_script("return localStorage.getItem('annotator.v2.article')") and
             "Cut sh" not in d.execute_script("return localStorage.getItem('annotator.v2.article')"))
    assert save_state(app) == "Saved in this browser · not exported"


def test_unreadable_work_with_storage_full_stays_until_the_user_decides(app):
    break_saved_work(app)
    before = app.driver.execute_script(STORED)
    assert app.driver.execute_script(FILL) > 0
    app.reload()
    notice = app.wait_notice("could not be restored")
    assert "could not be kept aside" in notice and "nothing is saved" in notice
    assert save_state(app) == "Not saved in this browser"
    # Work goes on in the page, but nothing touches the saved records.
    app.tag("Lindqvist Bay", "1")
    time.sleep(1.5)  # longer than the autosave's full-rewrite delay
    assert app.driver.execute_script(STORED) == before
    # The user downloads the saved work: exactly what is stored.
    button = app.driver.find_element(By.XPATH, "//button[text()='Download saved work']")
    path = app.download_after(button.click)
    assert path.name == "unreadable-saved-work.json"
    assert '"title": "Lost work", "text": "Cut sh' in path.read_text(encoding="utf-8")
    # Then discards it: saving resumes and writes the current session.
    app.driver.execute_script("for (const k of Object.keys(localStorage)) if (k.startsWith('filler.')) localStorage.removeItem(k)")
    app.driver.find_element(By.XPATH, "//button[text()='Discard saved work']").click()
    assert "Discard the saved work" in (app.accept_confirm() or "")
    app.wait_notice("saved again")
    app.wait(lambda d: "Lindqvist Bay" in (d.execute_script(
        "return Object.keys(localStorage).filter(k => k.startsWith('annotator.v2.ann.'))"
        ".map(k => localStorage.getItem(k)).join()") or "") or
        d.execute_script("return (localStorage.getItem('annotator.v2.article') || '').includes('Lindqvist')"))
    assert app.driver.execute_script(STORED)[1] is None
    assert save_state(app) == "Saved in this browser · not exported"

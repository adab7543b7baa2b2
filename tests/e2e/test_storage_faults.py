"""Storage faults: IndexedDB unavailable, and the storage quota reached
during a library write. The work in the page is never lost and export
always works."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from exports import check_export
from page import AppPage
from test_annotate import open_article, write_article

NO_INDEXED_DB = """
IDBFactory.prototype.open = function () {
  throw new DOMException('The user denied storage for this site.', 'SecurityError');
};
"""


def test_without_indexed_db_the_app_annotates_and_exports(driver, app_url, downloads, tmp_path):
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": NO_INDEXED_DB})
    app = AppPage(driver, app_url, downloads)
    app.open()
    notice = app.wait_notice("cannot be kept in this browser")
    assert "denied storage" in notice and "export" in notice
    assert driver.find_element(By.CSS_SELECTOR, ".save-state").text == "Not saved in this browser"
    assert not driver.find_elements(By.XPATH, "//button[text()='Library']")
    open_article(app, tmp_path)
    app.tag("Mayor", "1")
    name, doc = app.export_with_ctrl_s()
    assert name == "harbour-news.annotations.json"
    assert [a["exact"] for a in check_export(doc)["annotations"]] == ["Mayor"]


# Chromium 156 headless ignores CDP `Storage.overrideQuotaForOrigin` for
# IndexedDB (the estimate keeps its 10 GB quota and a 600 KB write
# succeeds; tried 2026-12-03), so a full storage is simulated the way the
# browser reports it: every put refused with a QuotaExceededError while
# `window.storageFull` is set.
FULL = """
const put = IDBObjectStore.prototype.put;
IDBObjectStore.prototype.put = function (...a) {
  if (window.storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  return put.apply(this, a);
};
"""


def test_storage_full_during_a_write_loses_nothing(driver, app_url, downloads, tmp_path):
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FULL})
    app = AppPage(driver, app_url, downloads)
    app.open()
    open_article(app, tmp_path, name="full.txt")
    app.tag("Mayor", "1")
    app.wait_kept()
    driver.execute_script("window.storageFull = true")
    app.tag("harbour council", "3")
    notice = app.wait_notice("storage is full")
    assert "Nothing is lost" in notice and "export" in notice
    # The page keeps both; export has both.
    name, doc = app.export_with_ctrl_s()
    assert name == "full.annotations.json"
    assert [a["exact"] for a in check_export(doc)["annotations"]] == ["Mayor", "harbour council"]
    # A new article cannot be kept either; the one before stays whole.
    big = "Mayor speaks.\n\n" + "The harbour council met again.\n\n" * 3000
    app.choose_file("Open article", write_article(tmp_path, name="big.txt", text=big))
    app.wait(lambda d: "Opened" in app.notice() or "full" in app.notice())
    app.wait_notice("storage is full")
    # With room again, the next change keeps the article whole.
    driver.execute_script("window.storageFull = false")
    app.tag("speaks", "2")
    app.wait_kept()
    app.reload()
    assert [r[1] for r in app.wait_rows(1)] == ["speaks"]
    assert "big" in app.driver.find_element(By.CSS_SELECTOR, ".article-meta").text
    app.open_library()
    first = app.driver.find_element(By.XPATH, "//button[@class='library-open' and text()='full']")
    first.send_keys(Keys.ENTER)
    app.wait_notice("from the library")
    assert [r[1] for r in app.wait_rows(1)] == ["Mayor"]

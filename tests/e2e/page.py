"""AppPage: what a user does with the annotator, in WebDriver terms.

Everything goes through real input: key presses and pointer moves are
WebDriver actions that Chromium turns into trusted events; files go through
the real file inputs; exports are read from the download folder."""

import json
import pathlib
import time

from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

# Finds `needle` in the article's text nodes and returns the viewport
# coordinates of its first and last characters (after scrolling it into view).
_LOCATE = """
const [needle, nth] = arguments;
const article = document.querySelector('article.article');
const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
// The article's text nodes laid end to end, so a needle may cross formatting.
const nodes = [];
let all = '';
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  nodes.push([node, all.length]);
  all += node.data;
}
const locate = at => {
  let k = nodes.length - 1;
  while (k > 0 && nodes[k][1] > at) k--;
  return [nodes[k][0], at - nodes[k][1]];
};
let from = 0, at, seen = 0;
while ((at = all.indexOf(needle, from)) >= 0) {
  if (seen++ === nth) {
    const [first, firstAt] = locate(at);
    const [last, lastAt] = locate(at + needle.length - 1);
    first.parentElement.scrollIntoView({block: 'center'});
    const r = document.createRange();
    r.setStart(first, firstAt); r.setEnd(first, firstAt + 1);
    const a = r.getBoundingClientRect();
    r.setStart(last, lastAt); r.setEnd(last, lastAt + 1);
    const b = r.getBoundingClientRect();
    return [a.left, (a.top + a.bottom) / 2, b.right, (b.top + b.bottom) / 2];
  }
  from = at + 1;
}
return null;
"""


class AppPage:
    def __init__(self, driver, url, downloads: pathlib.Path):
        self.driver = driver
        self.url = url
        self.downloads = downloads

    # --- navigation -------------------------------------------------------
    def open(self):
        self.driver.get(self.url)
        self.wait_for_article()

    def reload(self):
        self.wait_kept()
        self.driver.refresh()
        self.wait_for_article()

    def wait_kept(self):
        """Wait until the library has every write the page started (the
        saver counts them in `<html data-writes>`)."""
        self.wait(lambda d: d.execute_script(
            "return (document.documentElement.dataset.writes || '0') === '0'"))

    def open_library(self):
        """Open the library view with the keyboard (Tab to its button, Enter)."""
        self.driver.find_element(By.XPATH, "//button[text()='Library']").send_keys(Keys.ENTER)
        self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".library .library-row"))
        return self.library_titles()

    def library_titles(self):
        return [b.text for b in self.driver.find_elements(By.CSS_SELECTOR, ".library .library-open")]

    def wait_for_article(self):
        # The first start opens the library before it shows an article.
        self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, "article.article [data-block]"), timeout=20)

    def wait(self, condition, timeout=10):
        return WebDriverWait(self.driver, timeout).until(condition)

    # --- reading the page -------------------------------------------------
    def article_text(self):
        return self.driver.find_element(By.CSS_SELECTOR, "article.article").text

    def rows(self):
        """(tag, excerpt, note) of each row of the side panel, in order.
        Read in one script: a row may be re-rendered between finding and
        reading it (a teammate's change coming in)."""
        return [tuple(r) for r in self.driver.execute_script(
            "return [...document.querySelectorAll('.panel .row')].map(r => ["
            "r.querySelector('.row-tag').value, r.querySelector('.row-excerpt').innerText.trim(),"
            "r.querySelector('.row-note').value])")]

    def wait_rows(self, n):
        self.wait(lambda d: len(self.rows()) == n)
        return self.rows()

    def notice(self):
        # One script: a notice may be re-rendered between finding and reading it.
        return self.driver.execute_script(
            "const n = document.querySelector('.notice-text'); return n ? n.innerText : ''"
        )

    def wait_notice(self, contains):
        self.wait(lambda d: contains in self.notice())
        return self.notice()

    def chooser(self):
        return self.driver.find_elements(By.CSS_SELECTOR, "[role=dialog]")

    # --- input --------------------------------------------------------------
    def select_with_mouse(self, needle, nth=0):
        """Drag the mouse from the first to the last character of `needle`."""
        self.drag(needle, needle, nth)
        selected = self.driver.execute_script("return getSelection().toString()")
        assert selected == needle, f"mouse selected {selected!r}, wanted {needle!r}"

    def drag(self, first, last, nth=0):
        """Drag from the first character of `first` to the last of `last`."""
        start = self.driver.execute_script(_LOCATE, first, nth)
        end = self.driver.execute_script(_LOCATE, last, nth)
        assert start and end, f"{first!r} or {last!r} is not in the article"
        x1, y1 = start[:2]
        x2, y2 = end[2:]
        actions = ActionBuilder(self.driver)
        actions.pointer_action.move_to_location(int(x1) + 1, int(y1))
        actions.pointer_action.pointer_down()
        actions.pointer_action.move_to_location(int((x1 + x2) / 2), int((y1 + y2) / 2))
        actions.pointer_action.move_to_location(int(x2 + 0.5) - 1, int(y2))
        actions.pointer_action.pointer_up()
        actions.perform()

    def press(self, *keys, modifier=None):
        chain = ActionChains(self.driver)
        if modifier:
            chain.key_down(modifier)
        for key in keys:
            chain.send_keys(key)
        if modifier:
            chain.key_up(modifier)
        chain.perform()

    def ctrl(self, key, shift=False):
        chain = ActionChains(self.driver).key_down(Keys.CONTROL)
        if shift:
            chain.key_down(Keys.SHIFT)
        chain.send_keys(key)
        if shift:
            chain.key_up(Keys.SHIFT)
        chain.key_up(Keys.CONTROL).perform()

    def tag(self, needle, key, nth=0):
        """Select `needle` with the mouse, press Ctrl+Enter, then `key`."""
        n = len(self.rows())
        self.select_with_mouse(needle, nth)
        self.ctrl(Keys.ENTER)
        self.wait(lambda d: self.chooser())
        self.press(key)
        return self.wait_rows(n + 1)

    def choose_file(self, label, path):
        field = self.driver.find_element(By.CSS_SELECTOR, f"input[type=file][aria-label='{label}']")
        field.send_keys(str(path))

    def choose_files(self, label, paths):
        """Choose several files at once in the file input labelled `label`."""
        field = self.driver.find_element(By.CSS_SELECTOR, f"input[type=file][aria-label='{label}']")
        field.send_keys("\n".join(str(p) for p in paths))

    def accept_confirm(self, timeout=3):
        """Accept a confirm() if one appears; return its text or None."""
        end = time.time() + timeout
        while time.time() < end:
            try:
                alert = self.driver.switch_to.alert
                text = alert.text
                alert.accept()
                return text
            except NoAlertPresentException:
                time.sleep(0.05)
        return None

    # --- export -------------------------------------------------------------
    def export_with_ctrl_s(self):
        """Press Ctrl+S and return (file name, parsed JSON) of the download.

        Each export downloads into a fresh folder, so the file keeps exactly
        the name the app gave it (Chromium appends " (1)" on a collision)."""
        self.n_exports = getattr(self, "n_exports", 0) + 1
        folder = self.downloads / f"export-{self.n_exports}"
        folder.mkdir()
        self.driver.execute_cdp_cmd(
            "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)}
        )
        self.ctrl("s")
        path = self.wait(lambda d: self._download_in(folder), timeout=15)
        return path.name, json.loads(path.read_text(encoding="utf-8"))

    def export_as(self, label, limit=15):
        """Choose `label` in the Export menu with the keyboard: focus its
        button, Enter opens it (unless open), Tab to the item, Enter."""
        was_open = self.driver.execute_script(
            "const m = document.querySelector('.menu'); m.querySelector('summary').focus(); return m.open"
        )
        if not was_open:
            self.press(Keys.ENTER)
        for _ in range(limit):
            self.press(Keys.TAB)
            if self.driver.execute_script("return document.activeElement.textContent") == label:
                return self.press(Keys.ENTER)
        raise AssertionError(f"no {label!r} in the Export menu")

    def download_after(self, act):
        """Run `act()` (which starts a download) and return the downloaded
        file's path, whatever it holds."""
        self.n_exports = getattr(self, "n_exports", 0) + 1
        folder = self.downloads / f"download-{self.n_exports}"
        folder.mkdir()
        self.driver.execute_cdp_cmd(
            "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)}
        )
        act()

        def done(_):
            files = [p for p in folder.iterdir() if not p.name.endswith(".crdownload")]
            return files[0] if files and files[0].stat().st_size > 0 else None

        return self.wait(done, timeout=15)

    @staticmethod
    def _download_in(folder):
        for path in folder.iterdir():
            if not path.name.endswith(".crdownload"):
                try:
                    json.loads(path.read_text(encoding="utf-8"))
                except (ValueError, OSError):
                    return None  # still being written
                return path
        return None

def painted(driver, tag):
    """The texts painted with `tag`'s highlight (what the user sees marked)."""
    return driver.execute_script(
        "const h = CSS.highlights.get('ann-' + arguments[0]);"
        "const text = r => { const x = document.createRange();"
        "  x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset);"
        "  return x.toString(); };"
        "return h ? [...h].map(text).sort() : [];",
        tag,
    )

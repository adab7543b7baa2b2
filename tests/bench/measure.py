"""Measuring a page in headless Chromium, shared by the benchmark of our
app (bench.py) and of the peer (peer.py): the instrumentation installed on
every page, the waits, a native selection anywhere in an article, the
scroll and export procedures and the memory measure."""

import pathlib
import time

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

# Installed before the page's own scripts on every navigation, for our app
# and for the peer's page (peer.py): long tasks and frames, the painted-frame
# clock, and the moment a download link is clicked.
INSTRUMENT_COMMON = """
window.__longtasks = [];
new PerformanceObserver(l => { for (const e of l.getEntries()) __longtasks.push(e.duration); })
  .observe({type: 'longtask', buffered: true});
// Long animation frames: a task plus the rendering it caused (style, layout).
window.__frames = [];
new PerformanceObserver(l => { for (const e of l.getEntries()) __frames.push(e.duration); })
  .observe({type: 'long-animation-frame', buffered: true});
window.__afterPaint = () => new Promise(r =>
  requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));
// Resolves after the first frame in which `done()` holds: checked in each
// frame's requestAnimationFrame callback; the zero-delay task queued there
// runs once that frame has been painted.
window.__whenPainted = (done) => new Promise(r => {
  const poll = () => done() ? setTimeout(() => r(performance.now()), 0) : requestAnimationFrame(poll);
  requestAnimationFrame(poll);
});
const click = HTMLAnchorElement.prototype.click;
HTMLAnchorElement.prototype.click = function () {
  if (this.download) window.__downloadAt = performance.now();
  return click.call(this);
};
"""


def wait(driver, condition, timeout=60):
    return WebDriverWait(driver, timeout, poll_frequency=0.02).until(condition)


# Selects `n` words at fraction `f` of the article's blocks (elements
# matching `blocks`) and, inside that block, at fraction `g` of its text (a
# native selection, after scrolling it into the middle of the view). Works on
# any shape: many short blocks, or one block of a million characters.
APP_BLOCKS = "article.article [data-block]"
SELECT = """
const [f, g, n, selector] = arguments;
// Only blocks the user sees (not clutter hidden from the readable view).
const blocks = [...document.querySelectorAll(selector)]
  .filter(b => b.getClientRects().length > 0);
const el = blocks[Math.min(blocks.length - 1, Math.floor(f * blocks.length))];
const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
const nodes = [];
let total = 0;
for (let t = walker.nextNode(); t; t = walker.nextNode()) { nodes.push([t, total]); total += t.data.length; }
let want = Math.floor(g * total), k = 0;
while (k + 1 < nodes.length && nodes[k + 1][1] <= want) k++;
const t = nodes[k][0];
let at = want - nodes[k][1];
const space = t.data.indexOf(' ', at);
at = space < 0 ? 0 : space + 1;
let end = at;
for (let i = 0; i < n; i++) { const s = t.data.indexOf(' ', end + 1); if (s < 0) break; end = s; }
if (end <= at) end = Math.min(t.data.length, at + 5);
const r = document.createRange();
r.setStart(t, at); r.setEnd(t, end);
const box = r.getBoundingClientRect();
window.scrollBy(0, box.top - innerHeight / 2);
getSelection().setBaseAndExtent(t, at, t, end);
"""


def select_words(driver, k, n_words, blocks=APP_BLOCKS):
    """Select `n_words` words somewhere new for key press `k`."""
    driver.execute_script(SELECT, (k * 0.618) % 1, (k * 0.382) % 1, n_words, blocks)


def annotations_path(workdir, article_name):
    """Where `annotations_for` saves the annotation file of an article."""
    return pathlib.Path(workdir) / f"{pathlib.Path(article_name).stem}.annotations.json"


def scroll_longest_task(driver):
    """Scrolls from the top to the bottom of the page, a viewport per
    painted frame; returns the longest task seen meanwhile, in ms."""
    driver.execute_script("window.__longtasks = []")
    driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        window.scrollTo(0, 0);
        const step = () => {
          if (window.scrollY + innerHeight >= document.documentElement.scrollHeight - 2) return done();
          window.scrollBy(0, innerHeight);
          requestAnimationFrame(() => setTimeout(step, 0));
        };
        step();
        """
    )
    time.sleep(0.2)
    return driver.execute_script("return Math.max(0, ...__longtasks)")


def time_exports(driver, n, timeout=60):
    """Presses Ctrl+S `n` times; returns the ms from each keydown to the
    click of the download link it caused."""
    out = []
    for _ in range(n):
        driver.execute_script(
            "window.__downloadAt = undefined; window.__t0 = undefined;"
            "document.addEventListener('keydown', e => {"
            "  if (e.key === 's' && window.__t0 === undefined) window.__t0 = performance.now(); }, true)"
        )
        ActionChains(driver).key_down(Keys.CONTROL).send_keys("s").key_up(Keys.CONTROL).perform()
        at = wait(driver, lambda d: d.execute_script("return window.__downloadAt"), timeout)
        out.append(at - driver.execute_script("return window.__t0"))
    return out


def memory_mb(driver):
    """The page's JS heap in use plus its wasm memory, in MB."""
    heap = driver.execute_cdp_cmd("Runtime.getHeapUsage", {})["usedSize"]
    wasm = driver.execute_script("return window.__wasm ? window.__wasm.memory.buffer.byteLength : 0")
    return (heap + wasm) / 1_048_576


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]

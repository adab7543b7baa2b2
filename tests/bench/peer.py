"""The peer in the benchmark (`bench.py --peer`): Recogito text-annotator
4.1.1 (npm `@recogito/text-annotator`, its UMD build, installed into
.tools/node_modules by scripts/setup; nothing is fetched at run time),
driven in the same headless Chromium on the same article text and the same
annotations as our app, for each shape.

The page (peer.html, peer.js) shows our app's canonical text of the shape,
one element per block of ours, the text between blocks kept, so the
container's text is ours exactly. The annotations are our annotation file's
spans as W3C annotations (a tagging body; TextQuoteSelector with prefix and
suffix, TextPositionSelector in UTF-16 code units of that text, which is
what Recogito counts). Relations and fields are left out: the peer has none.

Each time is taken as ours: in the page, from the input event (capture
phase) to the first painted frame showing the result, then a zero-delay
task. The frame is the one of Recogito's first redraw after the change,
seen at the onRedraw event it emits once that frame is painted (peer.js,
`__peer.whenPainted`):
- import: the "Open annotations" input's change → read, JSON.parse,
  setAnnotations of all of them → highlights painted.
- add, the peer's counterpart of our tag key press: words are selected
  natively at the same places as ours; Recogito's selection handler takes
  the selection (its debounced selectionchange), and releasing Shift
  creates the annotation (its keyboard creation path: `onKeyup`, an
  undoable LOCAL change). Timed from that keyup to the new highlight
  painted. An arrow key first ends the previous selection, as a reader's
  would (else Recogito moves the last annotation instead).
- undo: Ctrl+Z, bound by the page to `anno.undo()` (the library has undo,
  not a key for it) → the removed highlight gone.
- scroll (longest task), export (Ctrl+S → getAnnotations, JSON.stringify,
  Blob download) and memory: the same procedures as ours. Its export has
  the quote and position of each annotation but no prefix and suffix (ours
  has both): Recogito adds them only when the W3C format is given the
  container, and then copies the whole article twice per annotation to do
  it (peer.js), which takes minutes on the full workload.
"""

import itertools
import json
import pathlib
import shutil
import time

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import generate
import measure
from browser import serve

NAME = "@recogito/text-annotator"
VERSION = "4.1.1"
ROOT = pathlib.Path(__file__).resolve().parents[2]
DIST = ROOT / ".tools" / "node_modules" / "@recogito" / "text-annotator" / "dist"
FILES = ["text-annotator.umd.js", "text-annotator.css"]
HERE = pathlib.Path(__file__).resolve().parent
# The peer's blocks, for measure.SELECT: the article's elements but the
# highlight layer Recogito adds.
BLOCKS = "#article > :not(.r6o-span-highlight-layer)"
# The metrics measured on the peer, a subset of bench.PER_SHAPE.
METRICS = [
    "import_annotations_ms",
    "tag_keypress_ms",
    "tag_keypress_p95_ms",
    "undo_ms",
    "scroll_longest_task_ms",
    "export_ms",
    "memory_mb",
]
# The peer's import of 10,000 annotations takes seconds, not milliseconds.
SLOW = 600

# As bench.ARM, on the peer page: t0 at the first `event` (capture phase)
# on the document (only for `key`, if given), t1 after the painted frame in
# which __peer.conds[cond](arg) holds.
ARM = """
const [event, key, cond, arg] = arguments;
window.__result = undefined;
const listener = e => {
  if (key && e.key !== key) return;
  document.removeEventListener(event, listener, true);
  const t0 = performance.now();
  __peer.whenPainted(() => __peer.conds[cond](arg)).then(t1 => window.__result = t1 - t0);
};
document.addEventListener(event, listener, true);
"""

# How many annotations Recogito placed on text other than their quote.
MISPLACED = """
return __peer.anno.state.store.all()
  .filter(a => a.target.selector.some(s => !s.range || s.range.toString() !== s.quote)).length;
"""


def installed():
    """Whether scripts/setup has installed the peer's version."""
    package = DIST.parent / "package.json"
    return package.is_file() and json.loads(package.read_text(encoding="utf-8")).get("version") == VERSION


def utf16_starts(text):
    """`u[i]`: the UTF-16 code units before code point `i` of `text`
    (len(text) + 1 entries). "a😀b": [0, 1, 3, 4]."""
    return list(itertools.accumulate((2 if ord(c) > 0xFFFF else 1 for c in text), initial=0))


def peer_files(doc, source):
    """The peer's article ({text, blocks} in UTF-16 offsets) and its W3C
    annotations, from our annotation file `doc`."""
    text = doc["article"]["text"]
    u = utf16_starts(text)
    blocks = doc["article"].get("blocks") or [{"kind": "p", "start": 0, "end": len(text)}]
    blocks = [{"kind": b["kind"], "start": u[b["start"]], "end": u[b["end"]]} for b in blocks]
    article = {"text": text, "blocks": blocks}
    annotations = [
        {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": a["id"],
            "type": "Annotation",
            "body": [{"type": "TextualBody", "purpose": "tagging", "value": a["tag"]}],
            "created": a["created"],
            "modified": a["modified"],
            "target": {
                "source": source,
                "selector": [
                    {"type": "TextQuoteSelector", "exact": a["exact"], "prefix": a["prefix"], "suffix": a["suffix"]},
                    {"type": "TextPositionSelector", "start": u[a["start"]], "end": u[a["end"]]},
                ],
            },
        }
        for a in doc["annotations"]
    ]
    return article, annotations


def page_dir(workdir):
    """A folder with the peer page and the library's UMD build and CSS."""
    folder = pathlib.Path(workdir) / "peer"
    folder.mkdir(exist_ok=True)
    for name in ("peer.html", "peer.js"):
        shutil.copy(HERE / name, folder / name)
    for name in FILES:
        shutil.copy(DIST / name, folder / name)
    return folder


def result(driver, timeout=SLOW):
    return measure.wait(driver, lambda d: d.execute_script("return window.__result"), timeout)


def count(driver):
    return driver.execute_script("return __peer.count()")


def shape_run(driver, url, folder, shape, doc, runs, n_keys):
    """The peer on one shape, `runs` times: import, add, undo, scroll,
    export, memory. Returns ({metric: [samples]}, misplaced annotations)."""
    article, annotations = peer_files(doc, f"{url}{shape}")
    (folder / f"{shape}.article.json").write_text(json.dumps(article), encoding="utf-8")
    w3c = folder / f"{shape}.w3c.json"
    w3c.write_text(json.dumps(annotations), encoding="utf-8")
    samples = {k: [] for k in METRICS}
    misplaced = None
    for _ in range(runs):
        driver.get(f"{url}peer.html?article={shape}.article.json")
        measure.wait(driver, lambda d: d.execute_script("return window.__peerReadyAt"))
        driver.execute_script(ARM, "change", None, "imported", len(annotations))
        driver.find_element(By.CSS_SELECTOR, "input[type=file][aria-label='Open annotations']").send_keys(str(w3c))
        samples["import_annotations_ms"].append(result(driver))
        if misplaced is None:
            misplaced = driver.execute_script(MISPLACED)
        for k in range(n_keys):
            ActionChains(driver).send_keys(Keys.ARROW_RIGHT).perform()
            measure.select_words(driver, k, 3 + k % 5, BLOCKS)
            # Past the selection handler's 10 ms debounce, and 250 ms after
            # the last change, so that each add is an undo step of its own.
            time.sleep(0.3)
            driver.execute_script(ARM, "keyup", "Shift", "added", count(driver) + 1)
            ActionChains(driver).key_down(Keys.SHIFT).key_up(Keys.SHIFT).perform()
            samples["tag_keypress_ms"].append(result(driver, 60))
        for _ in range(n_keys):
            driver.execute_script(ARM, "keydown", "z", "undone", count(driver) - 1)
            ActionChains(driver).key_down(Keys.CONTROL).send_keys("z").key_up(Keys.CONTROL).perform()
            samples["undo_ms"].append(result(driver, 60))
        samples["scroll_longest_task_ms"].append(measure.scroll_longest_task(driver))
        samples["export_ms"].extend(measure.time_exports(driver, max(1, n_keys // 4), SLOW))
        samples["memory_mb"].append(measure.memory_mb(driver))
    keys = samples["tag_keypress_ms"]
    samples["tag_keypress_p95_ms"] = [measure.percentile(keys, 95)] if keys else []
    return samples, misplaced


def run(driver, workdir, shapes, runs, n_keys):
    """The peer on each of `shapes`, with the annotation files our run left
    in `workdir`; returns {shape: {"samples": ..., "misplaced": n}}."""
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": measure.INSTRUMENT_COMMON})
    folder = page_dir(workdir)
    out = {}
    with serve(folder) as url:
        for shape in shapes:
            path = measure.annotations_path(workdir, generate.FILES[shape])
            doc = json.loads(path.read_text(encoding="utf-8"))
            samples, misplaced = shape_run(driver, url, folder, shape, doc, runs, n_keys)
            out[shape] = {"samples": samples, "misplaced": misplaced}
    return out


def side_by_side(ours, peer):
    """Per metric of ours (summarized rows): our median, the peer's and the
    ratio peer/ours (None where the peer has no such figure)."""
    rows = {}
    for metric, r in ours.items():
        p = peer.get(metric)
        theirs = p["median"] if p else None
        ratio = round(theirs / r["median"], 2) if theirs is not None and r["median"] > 0 else None
        rows[metric] = {"unit": r["unit"], "ours": r["median"], "peer": theirs, "ratio": ratio, "target": r["target"]}
    return rows


def print_side_by_side(rows):
    print(f"{'metric':32} {'ours':>9} {'peer':>10} {'peer/ours':>10} {'target':>8}")
    for metric, r in rows.items():
        peer = "n/a" if r["peer"] is None else f"{r['peer']:.1f}"
        ratio = "—" if r["ratio"] is None else f"{r['ratio']:.2f}"
        target = "—" if r["target"] is None else f"≤{r['target']} {r['unit']}"
        print(f"{metric:32} {r['ours']:>9.1f} {peer:>10} {ratio:>10} {target:>8}")

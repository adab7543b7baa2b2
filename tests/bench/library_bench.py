"""The library's targets and Compare annotators', in the same headless
Chromium as bench.py: the
library view opened with 1,000 articles in it, and switching from the
library to a 1 MB article with 10,000 annotations, each timed from the
Enter key press to the painted frame that shows the list (every row) or
the article (its panel counting every annotation, highlights painted).

The library is filled through the app's own "Import library" with one
JSONL file: `n_small` copies of the sample article under other titles
(each with 10 annotations and a relation) and the big article's file."""

import json
import pathlib
import time

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

import generate
from measure import memory_mb, percentile, wait

TARGETS = {
    # Compare annotators: 3 files of 10,000 annotations on the 1 MB article.
    "compare_report_ms": ("ms", 300),
    # Adjudicate from that report: the gold open with its disagreements,
    # then N walking them, key press to painted frame.
    "adjudicate_open_ms": ("ms", None),
    "walk_disagreement_ms": ("ms", 16),
    "walk_disagreement_p95_ms": ("ms", None),
    "library_view_ms": ("ms", 300),
    "library_switch_ms": ("ms", 300),
    "library_switch_memory_mb": ("MB", 64),
}

BIG_TITLE = "Big article for the library"


def press_enter_on(driver, script, arm, *arm_args):
    """Focus the element `script` returns, arm the timer, press Enter."""
    driver.execute_script(f"({script}).focus()")
    driver.execute_script(arm, "document", "keydown", "Enter", *arm_args)
    ActionChains(driver).send_keys(Keys.ENTER).perform()


def search(driver, title):
    """Type `title` in the library's search box; wait until it is the one row."""
    box = driver.find_element("css selector", ".library input[type=search]")
    box.clear()
    box.send_keys(title)
    wait(driver, lambda d: [b.text for b in d.find_elements("css selector", ".library .library-open")] == [title])


def library_file(workdir, sample_article, big_file, n_small):
    """The JSONL library: `n_small` small articles, then the big one."""
    lines = []
    for i in range(n_small):
        article = dict(sample_article, title=f"Library article {i:04}")
        lines.append(json.dumps(generate.annotations_file(article["text"], 10, seed=i, article=article, relations=1)))
    big = json.loads(pathlib.Path(big_file).read_text(encoding="utf-8"))
    big["article"]["title"] = BIG_TITLE
    lines.append(json.dumps(big))
    path = pathlib.Path(workdir) / "bench-library.annotations.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(driver, arm, result, export_sample, big_file, n_small, n_big_annotations, runs):
    """Fill the library (`export_sample()`: the sample article's native
    file, as the app exports it), then `runs` times open the view and switch
    to the big article; returns {metric: [samples]}."""
    path = library_file(pathlib.Path(big_file).parent, export_sample()["article"], big_file, n_small)
    n_rows = n_small + 2  # and the sample article itself
    library_button = "[...document.querySelectorAll('button')].find(b => b.textContent === 'Library')"
    press_enter_on(driver, library_button, arm, "libraryListed", 1)
    result(driver)
    driver.find_element("css selector", "input[type=file][aria-label='Import library']").send_keys(str(path))
    wait(driver, lambda d: f"Added {n_small + 1} articles" in d.execute_script(
        "return document.querySelector('.notices').textContent"), 300)
    wait(driver, lambda d: d.execute_script("return (document.documentElement.dataset.writes || '0') === '0'"), 300)
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    samples = {k: [] for k in TARGETS}
    for i in range(runs):
        press_enter_on(driver, library_button, arm, "libraryListed", n_rows)
        samples["library_view_ms"].append(result(driver, 120))
        search(driver, BIG_TITLE)
        big = f"[...document.querySelectorAll('.library-open')].find(b => b.textContent === '{BIG_TITLE}')"
        press_enter_on(driver, big, arm, "countPainted", n_big_annotations)
        samples["library_switch_ms"].append(result(driver, 120))
        samples["library_switch_memory_mb"].append(memory_mb(driver))
        # Back to a small article, so that the next switch is from one.
        press_enter_on(driver, library_button, arm, "libraryListed", n_rows)
        result(driver, 120)
        search(driver, f"Library article {i:04}")
        small = f"[...document.querySelectorAll('.library-open')].find(b => b.textContent === 'Library article {i:04}')"
        press_enter_on(driver, small, arm, "count", 10)
        result(driver, 120)
    return samples


def capacity(driver, arm, result, big_file, n_articles, per_file):
    """The library's size, not its speed: `n_articles` copies of the big
    article with its annotations each (10 × 10,000 = 100,000 annotations
    per import file), added through "Import library" `per_file` at a time;
    then every article must be listed and the last one open whole.
    Returns {figure: value}."""
    big = json.loads(pathlib.Path(big_file).read_text(encoding="utf-8"))
    n_each = len(big["annotations"])
    folder = pathlib.Path(big_file).parent
    library_button = "[...document.querySelectorAll('button')].find(b => b.textContent === 'Library')"
    press_enter_on(driver, library_button, arm, "libraryListed", 1)
    result(driver)
    started = time.monotonic()
    for first in range(0, n_articles, per_file):
        path = folder / f"bench-capacity-{first}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for i in range(first, min(n_articles, first + per_file)):
                big["article"]["title"] = f"Capacity article {i:03}"
                out.write(json.dumps(big) + "\n")
        before = driver.execute_script("return document.querySelector('.notices').textContent")
        driver.find_element("css selector", "input[type=file][aria-label='Import library']").send_keys(str(path))
        wait(driver, lambda d: d.execute_script("return document.querySelector('.notices').textContent") != before
             and "Added" in d.execute_script("return document.querySelector('.notices').textContent"), 600)
        path.unlink()
    seconds = time.monotonic() - started
    used = driver.execute_async_script(
        "const done = arguments[0]; navigator.storage.estimate().then(e => done(e.usage))")
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    press_enter_on(driver, library_button, arm, "libraryListed", n_articles + 1)
    view_ms = result(driver, 300)
    last = f"Capacity article {n_articles - 1:03}"
    search(driver, last)
    button = f"[...document.querySelectorAll('.library-open')].find(b => b.textContent === '{last}')"
    press_enter_on(driver, button, arm, "countPainted", n_each)
    switch_ms = result(driver, 300)
    return {
        "articles": n_articles + 1,
        "annotations": n_articles * n_each,
        "import_seconds": round(seconds, 1),
        "storage_used_mb": round(used / 1_048_576, 1),
        "view_ms": round(view_ms, 1),
        "switch_to_last_ms": round(switch_ms, 1),
    }


def kept_page(driver, url, path):
    """The saved web page at `path` opened, kept, and brought back by a
    reload: ms from the reload to the page shown with all its blocks."""
    driver.find_element("css selector", "input[type=file][aria-label='Open article']").send_keys(str(path))
    wait(driver, lambda d: d.execute_script(
        "return !!document.querySelector('article.article [data-block]') && !document.querySelector('article.article[aria-busy]')"
        " && (document.querySelector('.notices') || {}).textContent.includes('Opened')"), 300)
    title = driver.execute_script("return document.querySelector('.article-meta').textContent")
    wait(driver, lambda d: d.execute_script("return (document.documentElement.dataset.writes || '0') === '0'"), 300)
    started = time.monotonic()
    driver.get(url)
    wait(driver, lambda d: d.execute_script(
        "const m = document.querySelector('.article-meta');"
        "return !!m && m.textContent === arguments[0] && !document.querySelector('article.article[aria-busy]')", title), 300)
    return round((time.monotonic() - started) * 1000, 1)


def compare(driver, arm, result, big_file, n_annotators, runs):
    """Compare annotators: `n_annotators` files of the big article (each its
    annotations with a tenth moved by a few code points and a tenth
    retagged, so the pairs differ), chosen in "Compare annotators"; ms from
    the change event to the painted report. After the last run, Adjudicate
    (Enter on its button) and N pressed 20 times in the article, each timed
    to the painted frame that selects the next disagreement. Returns
    {metric: [samples]}."""
    base = json.loads(pathlib.Path(big_file).read_text(encoding="utf-8"))
    text = base["article"]["text"]
    folder = pathlib.Path(big_file).parent
    paths = []
    for k in range(n_annotators):
        doc = json.loads(json.dumps(base))
        for i, a in enumerate(doc["annotations"]):
            if (i + k) % 10 == 0 and a["end"] + 2 <= len(text) and not text[a["end"]:a["end"] + 2].isspace():
                a["end"] += 2
                a["exact"] = text[a["start"]:a["end"]]
                a["suffix"] = text[a["end"]:a["end"] + 32]
            elif (i + 2 * k) % 10 == 1:
                a["tag"] = {"claim": "quote", "quote": "source", "source": "claim"}[a["tag"]]
            a.pop("fields", None)
        doc["relations"] = []
        path = folder / f"bench-annotator-{k}.annotations.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        paths.append(path)
    samples = {"compare_report_ms": [], "adjudicate_open_ms": [], "walk_disagreement_ms": []}
    for run in range(runs):
        driver.execute_script(arm, "input[aria-label='Compare annotators']", "change", None, "agreement", 0)
        driver.find_element("css selector", "input[type=file][aria-label='Compare annotators']").send_keys(
            "\n".join(str(p) for p in paths))
        samples["compare_report_ms"].append(result(driver, 120))
        if run + 1 < runs:
            ActionChains(driver).send_keys(Keys.ESCAPE).perform()
            wait(driver, lambda d: not d.find_elements("css selector", ".agreement"))
    adjudicate = "[...document.querySelectorAll('.agreement button')].find(b => b.textContent === 'Adjudicate')"
    press_enter_on(driver, adjudicate, arm, "adjudicating", 0)
    samples["adjudicate_open_ms"].append(result(driver, 120))
    driver.execute_script("document.querySelector('article.article').focus()")
    first = driver.execute_script("return document.querySelector('.adj-current .adj-kind').textContent")
    n_items = int(first.split(" of ")[1].split(":")[0])
    for k in range(2, min(22, n_items + 1)):
        driver.execute_script(arm, "document", "keydown", "n", "disagreement", k)
        ActionChains(driver).send_keys("n").perform()
        samples["walk_disagreement_ms"].append(result(driver))
    walked = samples["walk_disagreement_ms"]
    samples["walk_disagreement_p95_ms"] = [percentile(walked, 95)] if walked else []
    return samples

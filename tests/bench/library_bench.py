"""The library's targets, in the same headless Chromium as bench.py: the
library view opened with 1,000 articles in it, and switching from the
library to a 1 MB article with 10,000 annotations, each timed from the
Enter key press to the painted frame that shows the list (every row) or
the article (its panel counting every annotation, highlights painted).

The library is filled through the app's own "Import library" with one
JSONL file: `n_small` copies of the sample article under other titles
(each with 10 annotations and a relation) and the big article's file."""

import json
import pathlib

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

import generate
from measure import memory_mb, wait

TARGETS = {
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

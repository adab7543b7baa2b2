"""The page's cursor stops where the native model's does, key by key.

The page cuts grapheme clusters and sentences with the browser's
`Intl.Segmenter` (`src/web/segmenter.rs`), the native model with the
`unicode-segmentation` crate. `tests/segments.rs` writes where every move
stops over texts with emoji (ZWJ sequences, skin tones, flags), combining
marks, CJK and right-to-left scripts into `tests/data/segments.json`; here
each text is opened and walked with real key presses, Shift held so that
the selection shows where the cursor is."""

import json
import pathlib

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from test_keyboard import tab_to_article
from test_shapes import open_text

GOLDEN = json.loads((pathlib.Path(__file__).resolve().parents[1] / "data" / "segments.json").read_text("utf-8"))
TEXTS = GOLDEN["texts"]

# unit -> (key forward, key backward, Alt held): Alt+arrow moves by
# grapheme, an arrow by word, Down/Up by sentence (README, keys).
KEYS = {
    "grapheme": (Keys.RIGHT, Keys.LEFT, True),
    "word": (Keys.RIGHT, Keys.LEFT, False),
    "sentence": (Keys.DOWN, Keys.UP, False),
}


def selected(app):
    return app.driver.execute_script("return getSelection().toString()")


def press(app, key, alt):
    chain = ActionChains(app.driver).key_down(Keys.SHIFT)
    if alt:
        chain.key_down(Keys.ALT)
    chain.send_keys(key)
    if alt:
        chain.key_up(Keys.ALT)
    chain.key_up(Keys.SHIFT).perform()


def walk(app, text, unit, forward, n_stops):
    """The code point offsets the cursor lands on over `n_stops` presses
    from the start (forward) or the end, each read from the selection
    between where it started and where it is."""
    key_fwd, key_back, alt = KEYS[unit]
    app.press(Keys.HOME if forward else Keys.END)
    app.wait(lambda d: selected(app) == "")
    out, before = [], ""
    for _ in range(n_stops):
        press(app, key_fwd if forward else key_back, alt)
        now = app.wait(lambda d: (s := selected(app)) != before and s, timeout=5)
        before = now
        # Python counts code points, as the offsets do.
        out.append(len(now) if forward else len(text) - len(now))
    return out


@pytest.mark.parametrize("case", TEXTS, ids=[t["text"][:12] for t in TEXTS])
def test_the_page_stops_where_the_crate_does(app, tmp_path, case):
    text = case["text"]
    open_text(app, tmp_path, "segments.txt", text + "\n")
    tab_to_article(app)
    for unit in ("grapheme", "word", "sentence"):
        for direction in ("forward", "backward"):
            want = case[unit][direction]
            got = walk(app, text, unit, direction == "forward", len(want))
            assert got == want, f"{unit} {direction} over {text!r}"

"""Accessibility: axe-core (npm, injected into the page) finds no serious or
critical violations in the main states, in the light and the dark theme; and
the highlight colours meet WCAG 2.2 AA contrast (axe cannot see ::highlight)."""

import pathlib
import re
import sys

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "bench"))

import generate  # noqa: E402

AXE = ROOT / ".tools" / "node_modules" / "axe-core" / "axe.min.js"


def audit(app):
    """Serious and critical axe violations of the page as it is now."""
    if not app.driver.execute_script("return !!window.axe"):
        app.driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = app.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations), e => done(String(e)));"
    )
    assert isinstance(result, list), result
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result
        if v["impact"] in ("serious", "critical")
    ]


@pytest.fixture(params=["light", "dark"])
def themed_app(request, app):
    app.driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": request.param}]},
    )
    return app


def test_axe_main_states(themed_app, tmp_path):
    app = themed_app
    assert audit(app) == [], "article loaded"

    app.tag("Lindqvist Bay", "1")
    app.tag("Mayor Elin Sørensen", "3")
    assert audit(app) == [], "annotations present"

    app.select_with_mouse("Jonas Meyer")
    app.ctrl(Keys.ENTER)
    app.wait(lambda d: app.chooser())
    assert audit(app) == [], "chooser open"
    app.press(Keys.ESCAPE)

    # The chooser offers the last tag's fields; the source is focused: L.
    app.driver.find_element(By.CSS_SELECTOR, "article.article").send_keys("l")
    app.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".link-dialog"))
    assert audit(app) == [], "link dialog open"
    app.press(Keys.ESCAPE)

    app.driver.find_element(By.CSS_SELECTOR, ".menu summary").click()
    assert audit(app) == [], "export menu open"
    app.driver.find_element(By.CSS_SELECTOR, ".menu summary").click()

    app.driver.find_element(By.CSS_SELECTOR, ".filter-text").send_keys("nothing like this")
    app.wait(lambda d: "No annotation matches" in d.find_element(By.CSS_SELECTOR, ".panel").text)
    assert audit(app) == [], "panel filtered to nothing"
    app.driver.find_element(By.CSS_SELECTOR, ".filter-text").clear()

    app.driver.find_element(By.CSS_SELECTOR, "article.article").send_keys("?")
    app.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".help"))
    assert audit(app) == [], "help open"
    app.press(Keys.ESCAPE)

    app.driver.find_element(By.CSS_SELECTOR, "article.article").send_keys("t")
    app.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".tags-dialog"))
    assert audit(app) == [], "tags dialog open"
    app.driver.find_element(By.CSS_SELECTOR, "button[aria-label='Remove tag: Claim']").click()
    app.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".tag-remove"))
    assert audit(app) == [], "tags dialog asking what becomes of a tag's annotations"
    app.press(Keys.ESCAPE)

    app.driver.find_element(By.XPATH, "//button[normalize-space()='Paste text']").click()
    app.accept_confirm(timeout=1)
    app.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".paste-box"))
    assert audit(app) == [], "empty article (paste box)"
    app.driver.find_element(By.XPATH, "//button[normalize-space()='Cancel']").click()

    # A large page loading: the progress bar and its Cancel button.
    page = tmp_path / "live.html"
    page.write_text(generate.page(20_000_000)[0], encoding="utf-8")
    app.choose_file("Open article", page)
    app.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".notices progress"))
    assert audit(app) == [], "large page loading"
    app.driver.find_element(By.XPATH, "//div[@class='notices']//button[.='Cancel']").click()

    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    app.choose_file("Open article", empty)
    app.wait_notice("The file is empty")
    assert audit(app) == [], "error message"


# --- colour contrast of highlights, from the design tokens -------------------

def tokens(css, dark):
    """The custom properties of :root (light) or of the dark media query."""
    if dark:
        css = css[css.index("@media (prefers-color-scheme: dark)"):]
    block = css[css.index(":root {"):]
    block = block[: block.index("}")]
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", block))


def luminance(hex_colour):
    def channel(c):
        c = int(c, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(hex_colour[i:i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_highlight_and_text_contrast_meets_wcag_aa(dark):
    t = tokens((ROOT / "styles" / "app.css").read_text(encoding="utf-8"), dark)
    # The tags' colours are palette swatches, checked in both themes by the
    # palette's own test (src/model/schema/palette.rs) and written into the
    # page by ui::tag_styles; here the tokens of the page itself.
    palette = (ROOT / "src" / "model" / "schema" / "palette.rs").read_text(encoding="utf-8")
    name = "TEXT_DARK" if dark else "TEXT_LIGHT"
    assert f'pub const {name}: &str = "{t["fg"]}";' in palette, "the palette is checked against --fg"
    text_pairs = [("fg", bg) for bg in ("bg", "panel", "focus-bg", "related-bg")]
    text_pairs += [("muted", "bg"), ("muted", "panel"), ("error-fg", "error-bg"), ("info-fg", "info-bg")]
    for fg, bg in text_pairs:
        ratio = contrast(t[fg], t[bg])
        assert ratio >= 4.5, f"{fg} on {bg}: {ratio:.2f} < 4.5"
    # Underlines and marks are non-text: 3:1 against the highlight behind them.
    for line, bg in [("focus", "bg"), ("overlap-line", "bg"), ("related-line", "related-bg")]:
        ratio = contrast(t[line], t[bg])
        assert ratio >= 3, f"{line} on {bg}: {ratio:.2f} < 3"

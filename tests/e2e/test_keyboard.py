"""Annotating with the keyboard alone, mouse selections snapping to words,
the shortcut help, and what screen readers are told."""

from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from exports import check_export

COUNT_MOUSE = """
window.__mouse = 0;
for (const t of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'mousemove'])
  window.addEventListener(t, () => window.__mouse++, true);
"""

SENTENCE = (
    "The council of Lindqvist Bay voted 7 to 2 on Tuesday night to rebuild the ferry pier "
    "that storm waters tore apart in January, ending two months in which islanders had to "
    "travel by chartered boat."
)


def focused_is_article(app):
    return app.driver.execute_script(
        "return document.activeElement === document.querySelector('article.article')"
    )


def tab_to_article(app):
    for _ in range(20):
        if focused_is_article(app):
            return
        app.press(Keys.TAB)
    raise AssertionError("Tab never reached the article")


def selection(app):
    return app.driver.execute_script("return getSelection().toString()")


def live_region(app):
    return app.driver.find_element(By.CSS_SELECTOR, ".sr-only[role=status]").get_attribute("textContent")


def tag_the_quote_after_the_claim(app):
    """From the end of the claim, select the quoted phrase word by word
    and tag it as a quote (the second annotation)."""
    app.press(Keys.RIGHT, Keys.LEFT)
    for _ in range(6):
        app.press(Keys.RIGHT, modifier=Keys.SHIFT)
    assert selection(app) == "We cannot ask three hundred families"
    app.ctrl(Keys.ENTER)
    app.wait(lambda d: app.chooser())
    app.press("2")
    app.wait_rows(2)


def test_a_whole_session_without_the_mouse(app):
    app.driver.execute_script(COUNT_MOUSE)
    tab_to_article(app)

    # Cursor to the fourth paragraph, select its sentence, tag it as a claim.
    app.ctrl(Keys.DOWN), app.ctrl(Keys.DOWN), app.ctrl(Keys.DOWN)
    app.press(Keys.RIGHT)
    app.press("s")
    assert selection(app) == SENTENCE
    app.ctrl(Keys.ENTER)
    app.wait(lambda d: app.chooser())
    app.press("1")
    app.wait_rows(1)
    assert "Claim added" in live_region(app)
    app.wait(lambda d: focused_is_article(app))

    tag_the_quote_after_the_claim(app)

    # Next annotation from the top; extend the quote's end by one word.
    app.press(Keys.ESCAPE, Keys.HOME, "]", "]")
    assert "Quote 2 of 2" in live_region(app)
    app.press("r", Keys.RIGHT, Keys.ENTER)
    app.wait(lambda d: app.rows()[1][1] == "We cannot ask three hundred families to")

    # Add a note: Enter edits, Shift+2 keeps Quote and moves to the note.
    app.press(Keys.ENTER)
    app.wait(lambda d: app.chooser())
    app.press("2", modifier=Keys.SHIFT)
    app.press("check the quote", Keys.ENTER)
    app.wait(lambda d: app.rows()[1][2] == "check the quote")

    # Delete the claim, then undo that.
    app.wait(lambda d: focused_is_article(app))
    app.press("[", Keys.DELETE)
    app.wait_rows(1)
    assert "Claim deleted" in live_region(app)
    app.ctrl("z")
    app.wait_rows(2)

    name, doc = app.export_with_ctrl_s()
    check_export(doc)
    got = [(a["tag"], a["exact"], a["note"]) for a in doc["annotations"]]
    assert got == [
        ("claim", SENTENCE, ""),
        ("quote", "We cannot ask three hundred families to", "check the quote"),
    ]
    assert app.driver.execute_script("return window.__mouse") == 0


def test_help_overlay_lists_shortcuts_and_returns_focus(app):
    tab_to_article(app)
    app.press("?")
    dialog = app.wait(lambda d: d.find_element(By.CSS_SELECTOR, ".help[role=dialog]"))
    assert "Keyboard shortcuts" in dialog.text
    assert "Ctrl+Enter" in dialog.text and "Extend the selection" in dialog.text
    app.press(Keys.TAB)
    assert app.driver.execute_script("return document.activeElement.closest('.help') !== null")
    app.press(Keys.ESCAPE)
    app.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, ".help"))
    assert focused_is_article(app)


def test_mouse_selections_snap_to_words_unless_alt(app):
    app.drag("rbour eng", "engin")
    assert selection(app) == "harbour engineering"
    app.driver.execute_script("getSelection().removeAllRanges()")

    start = app.driver.execute_script(_POINT, "rbour eng", False)
    end = app.driver.execute_script(_POINT, "engin", True)
    actions = ActionBuilder(app.driver)
    # Alt held for the whole drag: the key source pauses while the pointer
    # moves (without the pauses Alt went up with the button press, and the
    # test passed only because snapping gave the cursor it already had).
    actions.key_action.key_down(Keys.ALT)
    actions.pointer_action.move_to_location(int(start[0]) + 1, int(start[1]))
    for _ in range(3):
        actions.key_action.pause(0)
    actions.pointer_action.pointer_down()
    actions.pointer_action.move_to_location(int(end[0]) - 1, int(end[1]))
    actions.pointer_action.pointer_up()
    actions.key_action.key_up(Keys.ALT)
    actions.perform()
    assert selection(app) == "rbour engin"


def test_chooser_is_a_labelled_dialog_that_traps_focus(app):
    app.select_with_mouse("Jonas Meyer")
    app.ctrl(Keys.ENTER)
    dialog = app.wait(lambda d: d.find_element(By.CSS_SELECTOR, ".chooser[role=dialog]"))
    assert dialog.get_attribute("aria-modal") == "true"
    title = app.driver.find_element(By.ID, dialog.get_attribute("aria-labelledby"))
    assert "Jonas Meyer" in title.text
    for _ in range(6):
        app.press(Keys.TAB)
        assert app.driver.execute_script("return document.activeElement.closest('.chooser') !== null")
    app.press(Keys.ESCAPE)
    app.wait(lambda d: not app.chooser())


# Viewport point at the left edge of the first character of a needle, or the
# right edge of its last character.
_POINT = """
const [needle, atEnd] = arguments;
const walker = document.createTreeWalker(document.querySelector('article.article'), NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const at = n.data.indexOf(needle);
  if (at >= 0) {
    n.parentElement.scrollIntoView({block: 'center'});
    const r = document.createRange();
    const i = atEnd ? at + needle.length - 1 : at;
    r.setStart(n, i); r.setEnd(n, i + 1);
    const b = r.getBoundingClientRect();
    return [atEnd ? b.right : b.left, (b.top + b.bottom) / 2];
  }
}
"""

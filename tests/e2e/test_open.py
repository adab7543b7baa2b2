"""Opening articles: HTML and Markdown files, pasted text, dropped files, and
bad files that must leave the current article and annotations intact."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from exports import check_export
from page import painted

HOSTILE_HTML = """<!doctype html><html><head><meta charset="utf-8">
<title>Tab title</title>
<script>window.__ran = "inline script";</script>
<script src="http://127.0.0.1:9/evil.js"></script>
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article>
<h1>Dock workers &amp; the new contract</h1>
<p class="byline">By Ana Ruiz</p>
<p>The union said <a href="javascript:window.__ran='link'">wages</a> rose by 3%.</p>
<img src="http://127.0.0.1:9/pixel.png" onerror="window.__ran='onerror'">
<blockquote><p>"We will not back down," said the union's chair.</p></blockquote>
<ul><li>First point</li><li>Second point</li></ul>
</article>
<footer>Copyright Example News</footer>
</body></html>"""

MARKDOWN = """# Budget vote delayed

The council *postponed* the vote, according to [the clerk](https://example.invalid).

> "We need another week," said the treasurer.

- Item one
- Item two
"""


def blocks(app, everything=False):
    """(tag, text) of the blocks shown (all blocks with `everything`)."""
    return app.driver.execute_script(
        "return [...document.querySelectorAll('article.article [data-block]')]"
        ".filter(e => arguments[0] || !e.classList.contains('extra'))"
        ".map(e => [e.tagName.toLowerCase(), e.textContent])",
        everything,
    )


def test_html_file_keeps_structure_and_runs_nothing(app, tmp_path):
    path = tmp_path / "dock.html"
    path.write_text(HOSTILE_HTML, encoding="utf-8")
    app.choose_file("Open article", path)
    app.wait_notice("Opened")
    assert blocks(app) == [
        ["h1", "Dock workers & the new contract"],
        ["p", "By Ana Ruiz"],
        ["p", "The union said wages rose by 3%."],
        ["blockquote", "\"We will not back down,\" said the union's chair."],
        ["li", "First point"],
        ["li", "Second point"],
    ]
    assert app.driver.execute_script("return window.__ran === undefined")
    app.tag("wages rose by 3%", "1")
    assert painted(app.driver, "claim") == ["wages rose by 3%"]
    name, doc = app.export_with_ctrl_s()
    assert name == "dock-workers-the-new-contract.annotations.json"
    check_export(doc)
    assert doc["article"]["title"] == "Dock workers & the new contract"
    assert doc["article"]["byline"] == "Ana Ruiz"
    extra = [doc["article"]["text"][b["start"]:b["end"]] for b in doc["article"]["blocks"] if b.get("extra")]
    assert extra == ["Home | News", "Copyright Example News"], "menus and footers are kept, marked extra"


def test_markdown_file(app, tmp_path):
    path = tmp_path / "budget.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    app.choose_file("Open article", path)
    app.wait_notice("Opened")
    assert [k for k, _ in blocks(app)] == ["h1", "p", "blockquote", "li", "li"]
    assert blocks(app)[1][1] == "The council postponed the vote, according to the clerk."
    # Emphasis is shown; the link is shown as text, never as a link.
    article = app.driver.find_element(By.CSS_SELECTOR, "article.article")
    assert article.find_element(By.CSS_SELECTOR, "em").text == "postponed"
    assert article.find_element(By.CSS_SELECTOR, ".i-a").text == "the clerk"
    assert not article.find_elements(By.CSS_SELECTOR, "a")
    # A span across the formatting keeps exact offsets.
    rows = app.tag("council postponed the", "2")
    assert rows[-1][:2] == ("quote", "council postponed the")
    rows = app.tag("the clerk", "3")
    assert rows[-1][:2] == ("source", "the clerk")
    # A span across two blocks includes the blank line between them.
    app.drag("delayed", "The council")
    app.ctrl(Keys.ENTER)
    app.wait(lambda d: app.chooser())
    app.press("1")
    app.wait_rows(3)
    _, doc = app.export_with_ctrl_s()
    check_export(doc)
    assert [a["exact"] for a in doc["annotations"]] == ["delayed\n\nThe council", "council postponed the", "the clerk"]
    assert {"kind": "em", "start": 33, "end": 42} in doc["article"]["inlines"]


def test_paste_text_opens_it(app):
    app.driver.find_element(By.XPATH, "//button[normalize-space()='Paste text']").click()
    box = app.wait(lambda d: d.find_element(By.CSS_SELECTOR, ".paste-box textarea"))
    box.send_keys("Pasted headline\n\nThe minister said the bridge opens in May.")
    app.driver.find_element(By.XPATH, "//button[normalize-space()='Use this text']").click()
    app.wait_notice("Opened \"Pasted headline\"")
    app.tag("the bridge opens in May", "1")
    _, doc = app.export_with_ctrl_s()
    assert doc["article"]["source"] == ""
    assert doc["article"]["text"] == "Pasted headline\n\nThe minister said the bridge opens in May."
    check_export(doc)


def test_dropped_file_opens(app):
    # WebDriver cannot drag a file from the desktop; dispatch the drop event
    # a browser fires, with a File in its DataTransfer.
    app.driver.execute_script(
        """
        const dt = new DataTransfer();
        dt.items.add(new File(['Dropped story\\n\\nIt works.'], 'dropped.txt', {type: 'text/plain'}));
        document.querySelector('article.article').dispatchEvent(
            new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
        """
    )
    app.wait_notice("Opened \"dropped\"")
    assert "It works." in app.article_text()


def test_bad_article_files_leave_the_work_intact(app, tmp_path):
    app.tag("Elin Sørensen", "3")
    cases = [
        ("empty.txt", b"", "The file is empty"),
        ("blank.txt", b"\xef\xbb\xbf \r\n\t", "The file is empty"),
        ("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary"),
        ("latin1.txt", "café".encode("latin-1"), "not UTF-8"),
        ("report.pdf", b"%PDF-1.7", "cannot be opened"),
        ("scripts-only.html", b"<script>alert(1)</script><style>p{}</style>", "no text"),
    ]
    for name, data, message in cases:
        path = tmp_path / name
        path.write_bytes(data)
        app.choose_file("Open article", path)
        assert name in app.wait_notice(message)
        assert app.accept_confirm(timeout=0.2) is None, "no discard question for a bad file"
    assert app.rows() == [("source", "Elin Sørensen", "")]
    assert "Harbour town votes" in app.article_text()
    assert painted(app.driver, "source") == ["Elin Sørensen"]


def test_bad_web_pages_get_a_clear_message(app, tmp_path):
    app.tag("Elin Sørensen", "3")
    cases = [
        ("empty.html", b"   \n", "The file is empty"),
        ("klingon.html", b'<meta charset="x-klingon"><p>Qapla!</p>', 'encoding "x-klingon"'),
        ("bom-only.html", b"\xef\xbb\xbf", "holds no text"),
        ("script-only.html", b"<script>alert(1)</script><style>p{}</style>", "holds no text"),
        ("huge.html", b"<p>" + b"a" * (51 * 1024 * 1024) + b"</p>", "the limit is 50 MB"),
    ]
    for name, data, message in cases:
        path = tmp_path / name
        path.write_bytes(data)
        app.choose_file("Open article", path)
        assert name in app.wait_notice(message)
        assert app.accept_confirm(timeout=0.2) is None
    assert app.rows() == [("source", "Elin Sørensen", "")]


def test_pages_without_an_article_or_with_broken_markup_still_open(app, tmp_path):
    nav_only = tmp_path / "links.html"
    nav_only.write_text("<ul><li><a href=/a>Home</a></li><li><a href=/b>Sport</a></li></ul><p>Short.</p>", encoding="utf-8")
    app.choose_file("Open article", nav_only)
    assert "No article was found" in app.wait_notice("Opened")
    assert "Sport" in app.article_text()

    broken = tmp_path / "broken.html"
    broken.write_text(
        "<html><body><article><h1>Unclosed <b>tags everywhere<p>First paragraph of the story, long enough to count as prose here."
        "<p>Second paragraph, also long enough, with a comma, and another comma.<div><p>Third one inside a div",
        encoding="utf-8",
    )
    app.choose_file("Open article", broken)
    app.wait_notice("Opened")
    text = app.article_text()
    assert "Second paragraph, also long enough" in text and "Third one inside a div" in text

    latin1 = tmp_path / "latin1.html"
    latin1.write_bytes("<p>Caf\u00e9 cr\u00e8me, na\u00efve r\u00e9sum\u00e9 of a long enough paragraph here.</p>".encode("latin-1"))
    app.choose_file("Open article", latin1)
    assert "Windows-1252" in app.wait_notice("Opened")
    assert "Café crème, naïve résumé" in app.article_text()


def test_show_everything_keeps_annotations_attached(app, tmp_path):
    path = tmp_path / "dock.html"
    path.write_text(HOSTILE_HTML, encoding="utf-8")
    app.choose_file("Open article", path)
    app.wait_notice("Opened")
    assert "Copyright Example News" not in app.article_text()
    app.tag("wages rose by 3%", "1")
    switch = app.driver.find_element(By.CSS_SELECTOR, "input[role=switch]")
    switch.click()
    app.wait(lambda d: "Copyright Example News" in app.article_text())
    app.tag("Copyright Example News", "3")
    switch.click()
    app.wait(lambda d: "Copyright Example News" not in app.article_text())
    _, doc = app.export_with_ctrl_s()
    check_export(doc)
    assert [(a["tag"], a["exact"]) for a in doc["annotations"]] == [
        ("claim", "wages rose by 3%"),
        ("source", "Copyright Example News"),
    ]


def test_pasted_rich_content_uses_its_html(app):
    app.driver.find_element(By.XPATH, "//button[normalize-space()='Paste text']").click()
    app.wait(lambda d: d.find_element(By.CSS_SELECTOR, ".paste-box textarea"))
    # What a browser puts on the clipboard when a piece of a page is copied;
    # dispatched as the paste event the browser fires.
    app.driver.execute_script(
        """
        const dt = new DataTransfer();
        dt.setData('text/html', '<nav><a href="/">Home</a> <a href="/x">World</a></nav><article><h1>Port strike ends</h1>'
          + '<p>Dock workers returned to work on Friday after a three-day strike, the union said, ending the dispute.</p>'
          + '<p>Talks on pay will resume next month, according to both sides.</p></article>');
        dt.setData('text/plain', 'Home World Port strike ends Dock workers returned to work...');
        document.querySelector('.paste-box textarea').dispatchEvent(
            new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
        """
    )
    app.wait_notice('Opened "Port strike ends"')
    visible = [t for _, t in blocks(app)]
    assert visible[0] == "Port strike ends"
    assert "Talks on pay will resume next month, according to both sides." in visible
    assert "Home World" not in " ".join(visible)


def test_pasted_html_without_text_falls_back_to_the_plain_text(app):
    app.driver.find_element(By.XPATH, "//button[normalize-space()='Paste text']").click()
    app.wait(lambda d: d.find_element(By.CSS_SELECTOR, ".paste-box textarea"))
    app.driver.execute_script(
        """
        const dt = new DataTransfer();
        dt.setData('text/html', '<img src="http://127.0.0.1:9/chart.png"><script>window.__ran = 1</script>');
        dt.setData('text/plain', 'Plain fallback\\n\\nThe chart shows ferry traffic by month.');
        document.querySelector('.paste-box textarea').dispatchEvent(
            new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
        """
    )
    app.wait_notice('Opened "Plain fallback"')
    assert [t for _, t in blocks(app)] == ["Plain fallback", "The chart shows ferry traffic by month."]
    assert app.driver.execute_script("return window.__ran === undefined")

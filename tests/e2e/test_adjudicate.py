"""Adjudicating by keyboard: two annotators' files that differ in known
ways (a span only Ana has, one only Bo has, a different tag, shifted
boundaries) give the report's figures; Adjudicate opens the gold (the
span both agree on), the disagreements are walked and decided with keys,
undo reopens one, and the exported gold file records where each
annotation came from. axe finds nothing serious in either theme."""

import json

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from test_a11y import audit, themed_app  # noqa: F401 (a fixture)
from test_creator import set_name
from test_keyboard import tab_to_article


def span(text, needle, tag, who, n):
    start = text.index(needle)
    return {
        "id": f"{who}-{n}", "tag": tag, "start": start, "end": start + len(needle),
        "exact": needle, "created": "2026-12-01T10:00:00Z", "modified": "2026-12-01T10:00:00Z",
        "creator": who,
    }


ANA = [("Lindqvist Bay", "claim"), ("Mayor Elin Sørensen", "source"),
       ("cost 4.2 million euros", "claim"), ("Brandt & Kové", "source")]
BO = [("Lindqvist Bay", "claim"), ("will cost 4.2 million euros", "claim"),
      ("Brandt & Kové", "quote"), ("Jonas Meyer", "source")]


def files(app, tmp_path, links=()):
    """The sample article's native file, as Ana and as Bo annotated it;
    `links`: Ana's relations, (type, from index, to index) of ANA."""
    _, doc = app.export_with_ctrl_s()
    text = doc["article"]["text"]
    paths = []
    for who, spans in [("Ana", ANA), ("Bo", BO)]:
        doc["annotations"] = [span(text, needle, tag, who, n) for n, (needle, tag) in enumerate(spans)]
        doc["relations"] = [
            {"id": f"r{n}", "type": kind, "from": f"Ana-{a}", "to": f"Ana-{b}", "created": "2026-12-01T10:00:00Z"}
            for n, (kind, a, b) in enumerate(links if who == "Ana" else [])
        ]
        path = tmp_path / f"{who.lower()}.annotations.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def tab_to(app, label, limit=30):
    for _ in range(limit):
        if app.driver.execute_script("return document.activeElement.textContent") == label:
            return
        app.press(Keys.TAB)
    raise AssertionError(f"Tab never reached {label!r}")


def panel(app):
    return app.driver.find_element(By.CSS_SELECTOR, ".adjudication")


def heading(app):
    return panel(app).find_element(By.CSS_SELECTOR, "h3").text


def test_disagreements_are_decided_by_keyboard_into_a_gold_file(themed_app, tmp_path):
    app = themed_app
    set_name(app, "Judge Dee")
    ana, bo = files(app, tmp_path)
    app.choose_files("Compare annotators", [ana, bo])
    app.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".agreement[role=dialog]"))
    row = [td.text for td in app.driver.find_elements(By.CSS_SELECTOR, ".agreement-pairs tbody tr")[0]
           .find_elements(By.CSS_SELECTOR, "td")]
    # Ana 4, Bo 4 spans; exact: Lindqvist Bay (2·1/8); overlap, same tag:
    # also the cost (2·2/8); κ over the 3 spans both marked: p_o = 2/3,
    # p_e = 2/3·2/3 = 4/9, κ = (2/9)/(5/9) = 0.4.
    assert row[:8] == ["Ana – Bo", "All tags", "4 / 4", "0.250", "0.500", "0.500", "0.500", "0.400"], row
    tab_to(app, "Adjudicate")
    app.press(Keys.ENTER)
    app.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".adjudication"))
    app.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, ".agreement"))
    assert heading(app) == "Adjudication: 0 of 4 decided"
    assert app.rows() == [("claim", "Lindqvist Bay", "")], "the gold starts with the agreed span"
    assert "1 of 4: Only Ana" in panel(app).text
    # Each kind marked in the article with its own cue.
    sizes = app.driver.execute_script(
        "return ['adj-only', 'adj-tag', 'adj-bounds', 'adj-current'].map(n => CSS.highlights.get(n).size)")
    assert sizes == [2, 1, 1, 1], sizes
    assert audit(app) == [], "adjudication view"

    tab_to_article(app)
    current = app.driver.execute_script(
        "const r = [...CSS.highlights.get('adj-current')][0];"
        "const x = document.createRange(); x.setStart(r.startContainer, r.startOffset);"
        "x.setEnd(r.endContainer, r.endOffset); return x.toString()")
    assert current == "Mayor Elin Sørensen"
    app.press("1")  # Ana's source
    app.wait(lambda d: heading(app) == "Adjudication: 1 of 4 decided")
    app.press("2")  # Bo's longer claim
    app.press("b")  # both tags over Brandt & Kové
    app.press("x")  # nothing over Jonas Meyer
    app.wait(lambda d: heading(app) == "Adjudication: 4 of 4 decided")
    app.ctrl("z")  # the "both" comes back
    app.wait(lambda d: heading(app) == "Adjudication: 3 of 4 decided")
    app.press("n", modifier=Keys.SHIFT)  # back to the one undone
    assert "3 of 4: Different tags — Open" in panel(app).text
    app.press("1")  # Ana's source over Brandt & Kové
    app.wait(lambda d: heading(app) == "Adjudication: 4 of 4 decided")
    # Agreement with the gold: Ana 3 of 4 in a gold of 4 (F1 0.750); Bo 2 of 4 (0.500).
    scores = [td.text for td in panel(app).find_elements(By.CSS_SELECTOR, ".adj-scores td")]
    assert scores == ["0.750", "0.500"], scores

    name, gold = app.export_with_ctrl_s()
    assert "gold" in name
    got = sorted((a["exact"], a["tag"], a.get("adjudicated_from"), a.get("creator")) for a in gold["annotations"])
    assert got == sorted([
        ("Lindqvist Bay", "claim", ["Ana", "Bo"], "Ana"),
        ("Mayor Elin Sørensen", "source", ["Ana"], "Judge Dee"),
        ("will cost 4.2 million euros", "claim", ["Bo"], "Judge Dee"),
        ("Brandt & Kové", "source", ["Ana"], "Judge Dee"),
    ]), got
    text = gold["article"]["text"]
    for a in gold["annotations"]:
        assert text[a["start"]:a["end"]] == a["exact"]


def test_a_reload_goes_on_with_the_same_disagreements(app, tmp_path):
    """Half the disagreements decided (one of them for none), the page
    reloaded: the gold comes back with its walk, the first open one
    selected, and the rest is decided into the same gold file. Ana's
    relation from the agreed claim to her source comes with that source.
    A damaged record of the walk is named and leaves the gold and its
    decisions."""
    import library
    from library import run
    ana, bo = files(app, tmp_path, links=[("evidence", 0, 1)])
    app.choose_files("Compare annotators", [ana, bo])
    app.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".agreement[role=dialog]"))
    tab_to(app, "Adjudicate")
    app.press(Keys.ENTER)
    app.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".adjudication"))
    tab_to_article(app)
    app.press("1")  # Ana's source over the mayor
    app.press("n", modifier=Keys.SHIFT)  # back, wrapping to Jonas Meyer
    app.press("n", modifier=Keys.SHIFT)
    app.press("x")  # nothing over Jonas Meyer
    app.wait(lambda d: heading(app) == "Adjudication: 2 of 4 decided")

    app.reload()
    app.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".adjudication"))
    assert heading(app) == "Adjudication: 2 of 4 decided"
    assert "Adjudicating again: 2 of 4 disagreements decided" in app.notice()
    assert "2 of 4: Different boundaries — Open" in panel(app).text
    assert "Only Bo Jonas Meyer — Gold: none" in panel(app).text
    tab_to_article(app)
    app.press("n", modifier=Keys.SHIFT)  # the mayor: her link is listed with her span
    assert "Evidence for “Lindqvist Bay” (Ana)" in panel(app).text, panel(app).text
    app.press("n")
    app.press("2")  # Bo's longer claim
    app.press("1")  # Ana's source over Brandt & Kové
    app.wait(lambda d: heading(app) == "Adjudication: 4 of 4 decided")

    _, gold = app.export_with_ctrl_s()
    got = sorted((a["exact"], a["tag"], a.get("adjudicated_from")) for a in gold["annotations"])
    assert got == sorted([
        ("Lindqvist Bay", "claim", ["Ana", "Bo"]),
        ("Mayor Elin Sørensen", "source", ["Ana"]),
        ("will cost 4.2 million euros", "claim", ["Bo"]),
        ("Brandt & Kové", "source", ["Ana"]),
    ]), got
    exact = {a["id"]: a["exact"] for a in gold["annotations"]}
    assert [(r["type"], exact[r["from"]], exact[r["to"]]) for r in gold["relations"]] == [
        ("evidence", "Lindqvist Bay", "Mayor Elin Sørensen")]

    # The walk's record damaged by hand: said, and the gold is intact.
    app.wait_kept()
    keys = run(app.driver, "return await keys('adjudication');")
    plan = [k for k in keys if isinstance(k, str)]
    assert len(plan) == 1, keys
    run(app.driver, "return await put('adjudication', args[0], 'garbage');", plan[0])
    app.reload()
    notice = app.wait_notice("could not be read back")
    assert "a copy is kept aside" in notice, notice
    assert not app.driver.find_elements(By.CSS_SELECTOR, ".adjudication")
    assert len(app.rows()) == 4
    assert run(app.driver, "return await keys('adjudication');") == []
    assert "garbage" in library.all_values(app.driver, "aside")
    app.reload()  # said once
    assert "could not be read back" not in app.notice()
    assert len(app.rows()) == 4


def test_a_file_opened_over_the_gold_ends_its_adjudication(app, tmp_path):
    from library import run
    ana, bo = files(app, tmp_path)
    app.choose_files("Compare annotators", [ana, bo])
    app.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".agreement[role=dialog]"))
    tab_to(app, "Adjudicate")
    app.press(Keys.ENTER)
    app.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".adjudication"))
    app.wait_kept()
    assert len([k for k in run(app.driver, "return await keys('adjudication');") if isinstance(k, str)]) == 1
    app.choose_file("Open annotations", bo)
    app.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, ".adjudication"))
    app.wait_kept()
    app.wait(lambda d: run(d, "return await keys('adjudication');") == [])
    app.reload()
    assert not app.driver.find_elements(By.CSS_SELECTOR, ".adjudication")
    assert len(app.rows()) == 4, "Bo's four spans"

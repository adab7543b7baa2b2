"""Compare annotators: two annotators' files of one article give the
agreement report in the page (per pair and tag, F1 with bars, κ, α_u),
downloadable as JSON and CSV; files of another article, a single file
and a file that is not an annotation file are refused with a clear
message, and the open article is untouched."""

import csv
import io
import json

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from test_a11y import audit, themed_app  # noqa: F401 (a fixture)
from test_annotate import open_article


def annotators_files(app, tmp_path):
    """The sample article as Ana tagged it (two spans) and as Bo did (the
    same two and one more)."""
    app.tag("Harbour", "1")
    app.tag("ferry pier", "3")
    _, ana = app.export_with_ctrl_s()
    app.tag("rebuild", "1")
    _, bo = app.export_with_ctrl_s()
    paths = []
    for who, doc in [("Ana", ana), ("Bo", bo)]:
        for a in doc["annotations"]:
            a["creator"] = who
        path = tmp_path / f"{who.lower()}.annotations.json"
        path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def cells(app):
    return [[td.text for td in tr.find_elements(By.CSS_SELECTOR, "td")]
            for tr in app.driver.find_elements(By.CSS_SELECTOR, ".agreement-pairs tbody tr")]


def test_two_annotators_files_give_the_report_and_its_downloads(themed_app, tmp_path):
    app = themed_app
    paths = annotators_files(app, tmp_path)
    app.choose_files("Compare annotators", paths)
    dialog = app.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".agreement[role=dialog]"))[0]
    assert "Annotators: Ana, Bo." in dialog.text
    rows = cells(app)
    # Ana 2 spans, Bo 3: both of Ana's matched; F1 = 2·2 / (2 + 3).
    assert rows[0][:7] == ["Ana – Bo", "All tags", "2 / 3", "0.800", "0.800", "0.667", "1.000"]
    assert [r[1] for r in rows[1:]] == ["Claim", "Quote", "Source"]
    assert rows[1][:5] == ["Ana – Bo", "Claim", "1 / 2", "0.667", "0.667"]
    assert rows[2][3] == "—", "no quote on either side: no F1"
    # The matched claim's verdict (Unverified on both sides) agrees.
    fields = [[td.text for td in tr.find_elements(By.CSS_SELECTOR, "td")]
              for tr in app.driver.find_elements(By.CSS_SELECTOR, ".agreement-fields tbody tr")]
    assert ["Ana – Bo", "Claim", "Verdict", "1 of 1"] in [f[:4] for f in fields], fields
    meters = app.driver.find_elements(By.CSS_SELECTOR, ".agreement-pairs meter")
    assert meters and meters[0].get_attribute("value") == "0.8"
    assert audit(app) == [], "agreement report open"

    download = app.driver.find_element(By.XPATH, "//button[text()='Download JSON']")
    report = json.loads(app.download_after(lambda: download.send_keys(Keys.ENTER)).read_text(encoding="utf-8"))
    assert report["annotators"] == ["Ana", "Bo"]
    assert report["pairs"][0]["exact"]["f1"] == pytest.approx(0.8)
    assert report["pairs"][0]["overlap"]["per_tag"]["source"]["f1"] == 1.0
    download = app.driver.find_element(By.XPATH, "//button[text()='Download CSV']")
    table = list(csv.DictReader(io.StringIO(app.download_after(lambda: download.send_keys(Keys.ENTER)).read_text())))
    exact = [r for r in table if r["measure"] == "exact" and r["tag"] == "*"]
    assert exact and float(exact[0]["f1"]) == pytest.approx(0.8)

    # Esc closes it; the article and its annotations are as they were.
    app.press(Keys.ESCAPE)
    app.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, ".agreement"))
    assert len(app.rows()) == 3


def test_files_that_cannot_be_compared_are_refused_with_a_reason(app, tmp_path):
    ana, _ = annotators_files(app, tmp_path)
    app.choose_files("Compare annotators", [ana])
    assert "at least two" in app.wait_notice("Comparing annotators needs")
    open_article(app, tmp_path, name="other.txt")
    app.tag("Mayor", "1")
    _, other = app.export_with_ctrl_s()
    other_path = tmp_path / "other.annotations.json"
    other_path.write_text(json.dumps(other), encoding="utf-8")
    app.choose_files("Compare annotators", [ana, other_path])
    app.wait_notice("was made on another article")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    app.choose_files("Compare annotators", [ana, broken])
    assert "“broken.json”" in app.wait_notice("broken.json")
    assert not app.driver.find_elements(By.CSS_SELECTOR, ".agreement")
    assert app.rows() == [("claim", "Mayor", "")], "the open article is untouched"

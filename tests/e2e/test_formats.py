"""The Export menu writes every other tool's format, byte for byte the
golden files that tests/formats checks with each ecosystem's own reader
(spaCy, label-studio-converter, pybrat, seqeval, the W3C MUST tests):
the fixture is opened through "Open annotations", each format chosen with
the keyboard, and the downloaded files compared."""

import json
import pathlib
import zipfile

import pytest

from exports import check_export

DATA = pathlib.Path(__file__).resolve().parents[2] / "tests" / "data" / "formats"
FIXTURE = DATA / "mixed.annotations.json"
N_ANNOTATIONS = 11


def open_fixture(app):
    app.choose_file("Open annotations", FIXTURE)
    app.accept_confirm(timeout=1)
    app.wait_notice("Opened")


@pytest.mark.parametrize("label,suffix,note", [
    ("W3C Web Annotation", ".w3c.jsonld", None),
    ("Label Studio", ".label-studio.json", "cannot hold fields"),
    ("doccano", ".doccano.jsonl", "cannot hold notes and fields"),
    ("CoNLL-2003 BIO", ".conll", "cannot hold notes, fields and relations"),
    ("spaCy", ".spacy.jsonl", "cannot hold notes, fields and relations"),
    ("CSV", ".csv", None),
])
def test_each_format_downloads_its_golden_file(app, label, suffix, note):
    open_fixture(app)
    path = app.download_after(lambda: app.export_as(label))
    assert path.name.endswith(suffix), path.name
    assert path.read_bytes() == (DATA / f"mixed{suffix}").read_bytes()
    notice = app.wait_notice(f"({label})")
    assert (note in notice) if note else "cannot hold" not in notice, notice
    if suffix == ".w3c.jsonld":
        assert "Left out" not in notice, "W3C keeps the page clutter"
    else:
        assert f"Exported {N_ANNOTATIONS - 1} annotations" in notice
        assert "Left out: 1 annotation and 1 relation in hidden page parts" in notice


def test_brat_downloads_one_zip_of_txt_and_ann(app):
    open_fixture(app)
    path = app.download_after(lambda: app.export_as("brat standoff"))
    assert path.name.endswith(".brat.zip"), path.name
    with zipfile.ZipFile(path) as z:
        names = sorted(z.namelist())
        assert [pathlib.Path(n).suffix for n in names] == [".ann", ".txt"]
        for n in names:
            assert z.read(n) == (DATA / f"mixed{pathlib.Path(n).suffix}").read_bytes(), n


def test_hidden_page_parts_are_kept_when_asked(app):
    open_fixture(app)
    app.driver.find_element("css selector", ".menu summary").click()
    box = app.driver.find_element("css selector", ".menu-option input")
    box.click()
    assert box.is_selected()
    path = app.download_after(lambda: app.export_as("spaCy"))
    content = path.read_text(encoding="utf-8")
    assert "Subscribe to our newsletter" in content
    notice = app.wait_notice("(spaCy)")
    assert f"Exported {N_ANNOTATIONS} annotations" in notice and "Left out" not in notice


def native_spans(doc):
    return sorted((a["start"], a["end"], a["tag"], a["note"]) for a in doc["annotations"])


def test_label_studio_and_brat_files_open_back_onto_the_page(app):
    fixture = json.loads(FIXTURE.read_text(encoding="utf-8"))
    kept = [a for a in fixture["annotations"] if a["id"] != "x1"]
    for files, note in [
        ([DATA / "mixed.label-studio.json"], True),
        ([DATA / "mixed.txt", DATA / "mixed.ann"], True),
        ([DATA / "mixed.doccano.jsonl"], False),
    ]:
        open_fixture(app)
        app.choose_files("Open annotations", files)
        app.accept_confirm(timeout=1)
        notice = app.wait_notice("on the article already open")
        assert "could not be placed" not in notice, notice
        app.wait_rows(len(kept))
        _, doc = app.export_with_ctrl_s()
        check_export(doc)
        got = native_spans(doc)
        want = sorted((a["start"], a["end"], a["tag"], a["note"] if note else "") for a in kept)
        assert got == want, files
        assert len(doc["relations"]) == len(fixture["relations"]) - 1


def test_hypothesis_utf16_positions_land_on_their_quote(app, tmp_path):
    open_fixture(app)
    text = json.loads(FIXTURE.read_text(encoding="utf-8"))["article"]["text"]
    quote = "The family 👨‍👩‍👧 paid"
    at = text.index(quote)
    start16 = len(text[:at].encode("utf-16-le")) // 2
    end16 = start16 + len(quote.encode("utf-16-le")) // 2
    h = {"annotations": [{
        "id": "h1", "text": "from the browser extension", "tags": ["Quote"],
        "target": [{"source": "https://example.org/cafe", "selector": [
            {"type": "TextPositionSelector", "start": start16, "end": end16},
            {"type": "TextQuoteSelector", "exact": quote, "prefix": "", "suffix": ""}]}],
    }, {
        "id": "h2", "tags": ["claim"],
        "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "not in this article"}]}],
    }]}
    path = tmp_path / "hypothesis.json"
    path.write_text(json.dumps(h), encoding="utf-8")
    app.choose_file("Open annotations", path)
    app.accept_confirm(timeout=1)
    notice = app.wait_notice("Read as W3C Web Annotation")
    assert "1 annotation could not be placed: Annotation 2 (“not in this article”)" in notice, notice
    app.wait_rows(1)
    _, doc = app.export_with_ctrl_s()
    [a] = doc["annotations"]
    # Code points into the text, not the UTF-16 units the file had.
    assert (a["start"], a["end"]) == (at, at + len(quote)) and a["exact"] == quote
    assert (a["tag"], a["note"]) == ("quote", "from the browser extension")


def test_a_lone_ann_file_is_refused_and_the_work_stays(app):
    open_fixture(app)
    n = len(app.rows())
    app.choose_file("Open annotations", DATA / "mixed.ann")
    notice = app.wait_notice("Could not open annotations")
    assert "needs its .txt: choose both files together" in notice, notice
    assert "Your current work is unchanged" in notice
    assert len(app.rows()) == n

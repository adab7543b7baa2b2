"""The Export menu writes every other tool's format, byte for byte the
golden files that tests/formats checks with each ecosystem's own reader
(spaCy, label-studio-converter, pybrat, seqeval, the W3C MUST tests):
the fixture is opened through "Open annotations", each format chosen with
the keyboard, and the downloaded files compared."""

import pathlib
import zipfile

import pytest

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

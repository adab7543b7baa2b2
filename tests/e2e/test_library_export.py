"""The library's articles exported in another tool's format, as one
download: Label Studio and spaCy as one file of every article, brat as a
zip of each article's pair; the search picks the articles."""

import json
import zipfile

import spacy
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from test_annotate import open_article
from test_formats import open_fixture

SAMPLE = "Harbour town votes to rebuild its flooded ferry pier"


def library_with_three(app, tmp_path):
    open_fixture(app)
    app.wait_kept()
    open_article(app, tmp_path, name="two.txt")
    app.tag("speaks", "1")
    app.wait_kept()
    assert sorted(app.open_library()) == sorted([SAMPLE, "Café owners and the new rules", "two"])


def export_library_as(app, label):
    """Pick `label` in "Export as" with the keyboard, then press the button."""
    picker = app.driver.find_element(By.CSS_SELECTOR, "select[aria-label='Export as']")
    picker.send_keys(label)
    assert Select(picker).first_selected_option.text == label
    button = app.driver.find_element(By.XPATH, "//button[text()='Export these articles']")
    return app.download_after(lambda: button.send_keys(Keys.ENTER))


def test_label_studio_and_spacy_hold_every_article_in_one_file(app, tmp_path):
    library_with_three(app, tmp_path)
    path = export_library_as(app, "Label Studio")
    assert path.name == "library.label-studio.json"
    tasks = json.loads(path.read_text(encoding="utf-8"))
    assert [t["id"] for t in tasks] == [1, 2, 3]
    assert sorted(t["data"]["title"] for t in tasks) == sorted([SAMPLE, "Café owners and the new rules", "two"])
    n_labels = 0
    for t in tasks:
        for r in t["annotations"][0]["result"]:
            if r["type"] == "labels":
                v = r["value"]
                assert t["data"]["text"][v["start"]:v["end"]] == v["text"]
                n_labels += 1
    assert n_labels >= 11, "the fixture's spans (less clutter) and the new one"
    notice = app.wait_notice("Exported 3 articles to library.label-studio.json (Label Studio)")
    assert "cannot hold fields" in notice and "Left out: 1 annotation" in notice

    path = export_library_as(app, "spaCy")
    assert path.name == "library.spacy.jsonl"
    nlp = spacy.blank("en")
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(docs) == 3
    for d in docs:
        doc = nlp(d["text"])
        for s in d["spans"]:
            span = doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="expand")
            assert span is not None and d["text"][s["start"]:s["end"]].strip() in span.text


def test_brat_is_a_zip_of_pairs_and_the_search_is_the_selection(app, tmp_path):
    library_with_three(app, tmp_path)
    path = export_library_as(app, "brat standoff")
    assert path.name == "library.brat.zip"
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        assert len(names) == 6 and "two.txt" in names and "two.ann" in names
        assert "café-owners-and-the-new-rules.ann" in names, names
        for ann in (n for n in names if n.endswith(".ann")):
            text = z.read(ann[:-4] + ".txt").decode("utf-8")
            for line in z.read(ann).decode("utf-8").splitlines():
                if line.startswith("T"):
                    _, span, quote = line.split("\t")
                    # "tag s e;s e": one fragment per line, their texts joined by spaces.
                    fragments = [f.split(" ") for f in span.split(" ", 1)[1].split(";")]
                    assert " ".join(text[int(s):int(e)] for s, e in fragments) == quote
    app.wait_notice("Exported 3 articles to library.brat.zip (brat standoff)")
    # Searching picks the articles exported.
    search = app.driver.find_element(By.CSS_SELECTOR, ".library input[type=search]")
    search.send_keys("café")
    app.wait(lambda d: app.library_titles() == ["Café owners and the new rules"])
    path = export_library_as(app, "doccano")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert path.name == "library.doccano.jsonl" and len(lines) == 1
    assert json.loads(lines[0])["text"].split("\n")[0].endswith("owners 👍🏽 the new rules")
    app.wait_notice("Exported 1 article to library.doccano.jsonl (doccano)")


def test_other_tools_datasets_are_imported_as_articles(app, tmp_path):
    """Import library reads a doccano JSONL and a brat folder zipped by
    the user (deflated) as one article per document, with their spans at
    the same code points; a zip of files without text is refused with the
    reason and the library is left as it was."""
    docs = [
        {"text": "Zoë said “prices rose” 🙂 on Monday.", "entities": [
            {"id": 1, "start_offset": 0, "end_offset": 3, "label": "source"},
            {"id": 2, "start_offset": 9, "end_offset": 22, "label": "quote"}],
         "relations": [{"id": 1, "from_id": 2, "to_id": 1, "type": "said-by"}]},
        {"text": "東京 rents fell.", "label": [[0, 14, "claim"]]},
    ]
    doccano = tmp_path / "corpus.jsonl"
    lines = [json.dumps(d, ensure_ascii=False) for d in docs] + ['{"text": "cut off']
    doccano.write_text("\n".join(lines) + "\n", encoding="utf-8")
    folder = tmp_path / "brat.zip"
    with zipfile.ZipFile(folder, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("story/pier.txt", "The pier 🌊 will cost 4 million.")
        z.writestr("story/pier.ann", "T1\tClaim 11 31\twill cost 4 million\n")
    app.open_library()
    app.choose_file("Import library", doccano)
    notice = app.wait_notice("to the library")
    assert "Added 2 articles from corpus.jsonl" in notice and "the first, line 3:" in notice, notice
    app.choose_file("Import library", folder)
    assert "Added 1 article from brat.zip" in app.wait_notice("brat.zip")
    app.wait(lambda d: len(app.library_titles()) == 4)
    assert sorted(app.library_titles()) == sorted([SAMPLE, "corpus 1", "corpus 2", "pier"])

    w3c = tmp_path / "w3c.zip"
    with zipfile.ZipFile(w3c, "w") as z:
        z.writestr("a.w3c.json", "[]")
    app.choose_file("Import library", w3c)
    assert "hold no text" in app.wait_notice("could not be imported")
    assert len(app.library_titles()) == 4

    opened = next(b for b in app.driver.find_elements(By.CSS_SELECTOR, ".library .library-open") if b.text == "corpus 1")
    opened.send_keys(Keys.ENTER)
    app.wait(lambda d: [r[1] for r in app.rows()] == ["Zoë", "“prices rose”"])
    _, doc = app.export_with_ctrl_s()
    text = doc["article"]["text"]
    assert [(text[a["start"]:a["end"]], a["tag"]) for a in doc["annotations"]] == [("Zoë", "source"), ("“prices rose”", "quote")]
    assert [r["type"] for r in doc["relations"]] == ["said-by"]

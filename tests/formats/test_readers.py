"""Every export, read by its own ecosystem's reader, gives back every span
exactly: spaCy, label-studio-converter, pybrat, seqeval, Python's json and
csv, and the W3C's own MUST tests. The files read are the goldens of
tests/data/formats/ (tests/exchange.rs checks they are what the model
writes); the converter test checks annotator-convert writes them too.

The expected spans are computed here, independently of the Rust code, from
the native fixture: the readable text drops each `extra` block with the
separator after it (before it, for the last block)."""

import csv
import io
import json
import pathlib
import re
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "formats"
W3C_CHECK = ROOT / "tests" / "w3c-annotation-model" / "check.py"
FIXTURE = json.loads((DATA / "mixed.annotations.json").read_text(encoding="utf-8"))
TAGS = ["claim", "quote", "source"]


def readable():
    """The readable text and the fixture's annotations placed in it:
    [(start, end, tag, exact, id)], and the ids left out."""
    article = FIXTURE["article"]
    text, blocks = article["text"], article["blocks"]
    removed = []
    for i, b in enumerate(blocks):
        if b.get("extra"):
            if i + 1 < len(blocks):
                removed.append((b["start"], blocks[i + 1]["start"]))
            else:
                removed.append((blocks[i - 1]["end"] if i else b["start"], len(text)))
    kept, at = "", 0
    for s, e in removed:
        kept += text[at:s]
        at = e
    kept += text[at:]
    spans, left_out = [], set()
    for a in FIXTURE["annotations"]:
        if any(a["start"] < e and s < a["end"] for s, e in removed):
            left_out.add(a["id"])
            continue
        shift = sum(e - s for s, e in removed if e <= a["start"])
        spans.append((a["start"] - shift, a["end"] - shift, a["tag"], a["exact"], a["id"]))
    return kept, sorted(spans), left_out


TEXT, SPANS, LEFT_OUT = readable()


def test_the_fixture_exercises_what_other_tools_get_wrong():
    text = FIXTURE["article"]["text"]
    assert any(ord(c) > 0xFFFF for c in text), "astral characters"
    assert "\u0301" in text and "\u200d" in text, "combining marks and ZWJ"
    assert re.search("[\u4e00-\u9fff]", text) and re.search("[\u0590-\u06ff]", text)
    assert LEFT_OUT == {"x1"} and len(SPANS) == 10
    for s, e, _, exact, _ in SPANS:
        assert TEXT[s:e] == exact


def test_spacy_char_span_gives_back_every_span():
    import spacy
    from spacy.tokens import Span

    nlp = spacy.blank("en")
    lines = (DATA / "mixed.spacy.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["text"] == TEXT
    doc = nlp(record["text"])
    spans = []
    for s in record["spans"]:
        # Strict alignment: None unless both ends fall on token boundaries.
        span = doc.char_span(s["start"], s["end"], label=s["label"])
        assert span is not None, (s, TEXT[s["start"]:s["end"]])
        assert span.text == TEXT[s["start"]:s["end"]]
        spans.append(span)
    doc.spans["sc"] = spans
    got = sorted((s["start"], s["end"], s["label"]) for s in record["spans"])
    assert got == [(s, e, t) for s, e, t, _, _ in SPANS]
    assert all(isinstance(s, Span) for s in doc.spans["sc"])


LS_CONFIG = (DATA / "label-studio-config.xml").read_text(encoding="utf-8")


def test_label_studio_converter_reads_the_task(tmp_path):
    from label_studio_converter import Converter

    conv = Converter(config=LS_CONFIG, project_dir=None, download_resources=False)
    task = DATA / "mixed.label-studio.json"
    conv.convert_to_json_min(str(task), str(tmp_path / "min"), is_dir=False)
    records = json.loads((tmp_path / "min" / "result.json").read_text(encoding="utf-8"))
    assert len(records) == 1 and records[0]["text"] == TEXT
    got = sorted((r["start"], r["end"], r["labels"][0], r["text"]) for r in records[0]["label"])
    assert got == [(s, e, t, x) for s, e, t, x, _ in SPANS]
    assert records[0]["note"] == ['Headline, "loaded" wording', "Economist\nat the bank"]
    conv.convert_to_conll2003(str(task), str(tmp_path / "conll"), is_dir=False)
    conll = (tmp_path / "conll" / "result.conll").read_text(encoding="utf-8")
    assert "B-source" in conll and "B-claim" in conll and "B-quote" in conll
    raw = json.loads(task.read_text(encoding="utf-8"))[0]["annotations"][0]["result"]
    relations = [(r["from_id"], r["to_id"], r["labels"][0]) for r in raw if r["type"] == "relation"]
    assert relations == [("c1", "s1", "said-by"), ("c2", "s2", "said-by")]


def test_pybrat_reads_every_entity_with_its_exact_text(tmp_path):
    from pybrat.parser import BratParser

    for suffix in (".txt", ".ann"):
        (tmp_path / f"mixed{suffix}").write_bytes((DATA / f"mixed{suffix}").read_bytes())
    (example,) = BratParser(error="raise").parse(str(tmp_path))
    assert example.text == TEXT
    by_start = {s: (e, t, x) for s, e, t, x, _ in SPANS}
    assert len(example.entities) == len(SPANS)
    for entity in example.entities:
        start, end = entity.spans[0].start, entity.spans[-1].end
        e, tag, exact = by_start[start]
        assert (end, entity.type) == (e, tag)
        assert entity.mention == " ".join(exact.split("\n"))
        for frag in entity.spans:
            assert TEXT[frag.start:frag.end] in exact
    assert sorted((r.type, r.arg1.type, r.arg2.type) for r in example.relations) == [
        ("said-by", "claim", "source"),
        ("said-by", "claim", "source"),
    ]


def test_seqeval_gives_back_each_tag_column():
    from seqeval.metrics.sequence_labeling import get_entities

    lines = (DATA / "mixed.conll").read_text(encoding="utf-8").split("\n")
    assert lines[0] == "-DOCSTART- O O O"
    rows = [l.split(" ") for l in lines[1:] if l]
    tokens = [r[0] for r in rows]
    assert "".join(tokens) == re.sub(r"\s", "", TEXT)
    for col, tag in enumerate(TAGS, start=1):
        got = [
            "".join(tokens[s:e + 1])
            for _, s, e in get_entities([r[col] for r in rows])
        ]
        want = [re.sub(r"\s", "", x) for _, _, t, x, _ in SPANS if t == tag]
        assert got == want, tag


def test_doccano_offsets_select_each_entity():
    (line,) = (DATA / "mixed.doccano.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    text = record["text"]
    got = sorted((e["start_offset"], e["end_offset"], e["label"], text[e["start_offset"]:e["end_offset"]])
                 for e in record["entities"])
    assert got == [(s, e, t, x) for s, e, t, x, _ in SPANS]
    ids = {e["id"]: e for e in record["entities"]}
    for r in record["relations"]:
        assert (ids[r["from_id"]]["label"], ids[r["to_id"]]["label"], r["type"]) == ("claim", "source", "said-by")


def test_csv_rows_select_their_exact_text():
    raw = (DATA / "mixed.csv").read_bytes().decode("utf-8")
    assert "\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    assert len(rows) == len(SPANS)
    for row in rows:
        s, e = int(row["start"]), int(row["end"])
        assert TEXT[s:e] == row["exact"]
        assert TEXT[max(0, s - len(row["prefix"])):s] == row["prefix"]
        assert TEXT[e:e + len(row["suffix"])] == row["suffix"]
    c1 = next(r for r in rows if r["id"] == "c1")
    assert (c1["verdict"], c1["check-worthy"], c1["said-by"]) == ("Mostly false", "true", "s1")
    assert next(r for r in rows if r["id"] == "a0")["note"] == 'Headline, "loaded" wording'


def test_w3c_export_passes_the_must_tests_with_code_point_positions():
    out = subprocess.run(
        [sys.executable, str(W3C_CHECK), str(DATA / "mixed.w3c.jsonld")],
        capture_output=True, text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert re.search(r"\d+ passed, 0 failed", out.stdout)
    text = FIXTURE["article"]["text"]
    items = json.loads((DATA / "mixed.w3c.jsonld").read_text(encoding="utf-8"))["first"]["items"]
    tagged = [i for i in items if i["motivation"] == "tagging"]
    assert len(tagged) == len(FIXTURE["annotations"])
    for item in tagged:
        quote, pos = item["target"]["selector"]
        assert text[pos["start"]:pos["end"]] == quote["exact"]
    assert sum(i["motivation"] == "linking" for i in items) == len(FIXTURE["relations"])


@pytest.fixture(scope="module")
def convert():
    subprocess.run(["cargo", "build", "--quiet", "--locked", "--bin", "annotator-convert"],
                   cwd=ROOT, check=True)
    exe = ROOT / "target" / "debug" / "annotator-convert"
    return lambda *args: subprocess.run([str(exe), *map(str, args)], capture_output=True, text=True)


@pytest.mark.parametrize("fmt,suffixes", [
    ("w3c", [".w3c.jsonld"]), ("label-studio", [".label-studio.json"]),
    ("doccano", [".doccano.jsonl"]), ("brat", [".txt", ".ann"]), ("conll", [".conll"]),
    ("spacy", [".spacy.jsonl"]), ("csv", [".csv"]),
])
def test_the_converter_writes_the_golden_files(convert, tmp_path, fmt, suffixes):
    out = convert("--to", fmt, "-o", tmp_path, DATA / "mixed.annotations.json")
    assert out.returncode == 0, out.stderr
    for s in suffixes:
        assert (tmp_path / f"mixed{s}").read_bytes() == (DATA / f"mixed{s}").read_bytes()
    if fmt != "w3c":
        assert "1 annotations in hidden page parts left out" in out.stderr


def test_the_converter_names_each_bad_file_and_fails(convert, tmp_path):
    bad = tmp_path / "broken.annotations.json"
    bad.write_text('{"version": 2, "article": ', encoding="utf-8")
    good = DATA / "mixed.annotations.json"
    out = convert("--to", "spacy", "-o", tmp_path, bad, good)
    assert out.returncode == 1
    assert "broken.annotations.json: " in out.stderr and "1 of 2 files not converted" in out.stderr
    assert (tmp_path / "mixed.spacy.jsonl").exists()
    usage = convert("--to", "docx", good)
    assert usage.returncode == 2 and "unknown format" in usage.stderr


@pytest.mark.parametrize("inp", ["mixed.label-studio.json", "mixed.doccano.jsonl", "mixed.ann"])
def test_the_converter_reads_dataset_formats_back_to_native(convert, tmp_path, inp):
    out = convert("--to", "native", "-o", tmp_path, DATA / inp)
    assert out.returncode == 0, out.stderr
    doc = json.loads((tmp_path / "mixed.annotations.json").read_text(encoding="utf-8"))
    text = doc["article"]["text"]
    assert text == TEXT, "the readable text, as a new article"
    got = sorted((a["start"], a["end"], a["tag"], a["exact"]) for a in doc["annotations"])
    assert got == sorted((s, e, tag, exact) for s, e, tag, exact, _ in SPANS)
    for a in doc["annotations"]:
        assert text[a["start"]:a["end"]] == a["exact"]


def test_the_converter_places_w3c_on_the_article_given(convert, tmp_path):
    alone = convert("--to", "native", "-o", tmp_path, DATA / "mixed.w3c.jsonld")
    assert alone.returncode == 1 and "open its article first" in alone.stderr
    out = convert("--to", "native", "--onto", DATA / "mixed.annotations.json", "-o", tmp_path,
                  DATA / "mixed.w3c.jsonld")
    assert out.returncode == 0, out.stderr
    doc = json.loads((tmp_path / "mixed.annotations.json").read_text(encoding="utf-8"))
    context = ("prefix", "suffix")  # derived; the fixture leaves them out
    got = [{k: v for k, v in a.items() if k not in context} for a in doc["annotations"]]
    by_id = lambda a: a["id"]
    assert sorted(got, key=by_id) == sorted(FIXTURE["annotations"], key=by_id)
    assert doc["relations"] == FIXTURE["relations"]

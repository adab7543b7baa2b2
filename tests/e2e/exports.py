"""Checks every exported file must pass, whatever the test."""

import hashlib
import json
import pathlib

import jsonschema

SCHEMA = json.loads(
    (pathlib.Path(__file__).resolve().parents[2] / "docs" / "annotations.schema.json").read_text()
)


def check_export(doc):
    """Validate `doc` against the JSON Schema and the format's promises."""
    jsonschema.validate(doc, SCHEMA, format_checker=jsonschema.FormatChecker())
    text = doc["article"]["text"]
    assert doc["article"]["sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
    keys = [(a["start"], a["end"]) for a in doc["annotations"]]
    assert keys == sorted(keys), "annotations are sorted by start, then end"
    assert len({a["id"] for a in doc["annotations"]}) == len(doc["annotations"])
    for a in doc["annotations"]:
        assert text[a["start"]:a["end"]] == a["exact"]
        assert text[max(0, a["start"] - 32):a["start"]] == a["prefix"]
        assert text[a["end"]:a["end"] + 32] == a["suffix"]
    return doc

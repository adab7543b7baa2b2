#!/usr/bin/env python3
"""Writes mixed.annotations.json: the article every format test uses.

Its text mixes emoji (with skin tone and ZWJ), combining marks, CJK,
Arabic and Hebrew; it has page clutter (`extra` blocks, one annotation in
one), a span over a line break, spans of two tags on the same words, two
touching claims, notes with commas, quotes and line breaks, fields and
relations. Offsets are computed here in code points (Python's own unit).
Run it again only to change the fixture; the goldens follow with
`UPDATE_GOLDEN=1 cargo test --test exchange`.
"""
import hashlib
import json

blocks_src = [
    ("h1", False, "Cafe\u0301 owners 👍🏽 the new rules"),
    ("p", True, "Menu · Subscribe to our newsletter"),
    ("p", False, "The mayor said “prices rose 12 percent” in the district. "
                 "Zoe\u0308 Nguye\u0302\u0303n of 東京 Bank disagreed: 物価は安定している."),
    ("p", False, "An Arabic reader wrote: الأسعار مرتفعة جدا, and a Hebrew one: המחירים יציבים.\n"
                 "The family 👨‍👩‍👧 paid 5 € more."),
    ("p", True, "Comments (3) · Share on social media"),
    ("p", False, "Rent fell. Wages rose."),
]
text, blocks = "", []
for i, (kind, extra, s) in enumerate(blocks_src):
    if i:
        text += "\n\n"
    b = {"kind": kind, "start": len(text), "end": len(text) + len(s)}
    if extra:
        b["extra"] = True
    blocks.append(b)
    text += s

def at(exact, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = text.index(exact, i + 1)
    return i, i + len(exact)

STAMP = "2026-12-01T10:00:00.000Z"
anns = []
def ann(id, tag, exact, note="", fields=None, nth=0):
    s, e = at(exact, nth)
    anns.append({"id": id, "tag": tag, "start": s, "end": e, "exact": exact,
                 "note": note, "fields": fields or {}, "created": STAMP, "modified": STAMP})

ann("a0", "claim", "Cafe\u0301 owners 👍🏽 the new rules", note='Headline, "loaded" wording')
ann("c1", "claim", "prices rose 12 percent",
    fields={"verdict": "Mostly false", "summary": "Prices rose 12 % in the district",
            "check-worthy": True})
ann("q1", "quote", "“prices rose 12 percent”", fields={"kind": "Direct"})
ann("s1", "source", "The mayor")
ann("s2", "source", "Zoe\u0308 Nguye\u0302\u0303n", note="Economist\nat the bank", fields={"kind": "Person"})
ann("c2", "claim", "物価は安定している")
ann("q2", "quote", "الأسعار مرتفعة جدا")
ann("q3", "quote", "המחירים יציבים.\nThe family 👨‍👩‍👧 paid")
ann("c3", "claim", "Rent fell.")
ann("c4", "claim", " Wages rose.".strip())
ann("x1", "source", "Subscribe to our newsletter")
for a in anns:
    a["exact"] = text[a["start"]:a["end"]]

rels = [
    {"id": "r1", "type": "said-by", "from": "c1", "to": "s1", "created": STAMP},
    {"id": "r2", "type": "said-by", "from": "c2", "to": "s2", "created": STAMP},
    {"id": "r3", "type": "said-by", "from": "q2", "to": "x1", "created": STAMP},
]
out = {
    "version": 2,
    "article": {
        "title": "Café owners and the new rules",
        "source": "https://news.example/cafe-rules",
        "text": text,
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
        "blocks": blocks,
    },
    "annotations": anns,
    "relations": rels,
}
with open("mixed.annotations.json", "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write("\n")

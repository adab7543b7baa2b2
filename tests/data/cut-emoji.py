"""Writes tests/data/cut-emoji.annotations.json the way a JavaScript tool
that slices UTF-16 would: offsets in code points, exact/prefix/suffix cut
by UTF-16 units (so an emoji at a cut is half in, half out)."""
import hashlib, json, re

text = ("Mayor 👍🏽 speaks.\n\nThe 😀 council said the rent doubled in 2025 👍 and "
        "that the pier 🚢 will cost more 🙃 than planned.")

def units(s):
    return s.encode("utf-16-le")

def cut(s, a16, b16):
    return units(s)[2 * a16:2 * b16].decode("utf-16-le", "surrogatepass")

def u16(cp):
    return len(units(text[:cp])) // 2

def ann(id, tag, needle, exact16=None, ctx=8, shift=0):
    s = text.index(needle); e = s + len(needle)
    s16, e16 = u16(s), u16(e)
    ex = cut(text, *(exact16 or (s16, e16)))
    return {"id": id, "tag": tag, "start": s + shift, "end": e + shift, "exact": ex,
            "prefix": cut(text, max(0, s16 - ctx), s16), "suffix": cut(text, e16, e16 + ctx),
            "note": "", "created": "2026-01-02T03:04:05.000Z", "modified": "2026-01-02T03:04:05.000Z"}

def mid(needle, emoji):
    """UTF-16 range of `needle` starting inside `emoji` (its low half)."""
    s = text.index(needle); e = s + len(needle)
    return (u16(s) + 1, u16(e))

anns = [
    # prefix cut: 4 units back from "speaks" land inside 👍 (its low half).
    ann("a1", "quote", "speaks", ctx=4),
    # suffix cut inside 😀: 2 units after "The" end with its high half.
    ann("a2", "source", "The", ctx=2),
    # exact cut: starts with the low half of 👍; offsets cover all of it.
    ann("a3", "claim", "👍 and", exact16=mid("👍 and", "👍")),
    # exact cut and offsets one character off: not placed.
    ann("a4", "claim", "🚢 will", exact16=mid("🚢 will", "🚢"), shift=1),
    # whole emoji in prefix and suffix (valid pairs), nothing cut.
    ann("a5", "quote", "cost more", ctx=2),
    ann("a6", "source", "council", ctx=6),
]
anns[4]["note"] = "🙃 fine"
doc = {"version": 2, "article": {"title": "Cut emoji", "source": "cut.txt", "text": text,
       "sha256": hashlib.sha256(text.encode()).hexdigest()},
       "annotations": anns,
       "relations": [{"id": "r1", "type": "said-by", "from": "a4", "to": "a6", "created": "2026-01-02T03:04:05.000Z"},
                     {"id": "r2", "type": "said-by", "from": "a3", "to": "a6", "created": "2026-01-02T03:04:05.000Z"}]}
out = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
out = re.sub("[\ud800-\udfff]", lambda m: "\\u%04x" % ord(m.group()), out)
open(__file__.replace(".py", ".annotations.json"), "w", encoding="utf-8").write(out + "\n")
for a in anns:
    print(a["id"], json.dumps([a["prefix"], a["exact"], a["suffix"]]))

"""Deterministic workloads for the benchmark: realistic prose of a given size
with emoji and non-Latin text mixed in, and annotation files over it with
overlapping and nested spans. Same seed, same bytes."""

import hashlib
import json
import random

WORDS = (
    "the council said that a report on harbour funding would be published next week while "
    "residents argued the ferry service had been cut without notice according to officials "
    "minister budget inquiry evidence percent million figures shows survey hospital schools "
    "water prices rose sharply during winter analysts expected further delays spokesperson "
    "confirmed denied claimed estimated independent regional national statement"
).split()
NAMES = ["Elin Sørensen", "Aisha Rahman", "Jonas Meyer", "Marta Okafor", "José Álvarez", "Zoë Brandt"]
FOREIGN = ["东京", "北京市政府", "שלום עולם", "مرحبا بالعالم", "Привет", "Ελλάδα", "नमस्ते"]
EMOJI = ["👍🏽", "🌊", "📬", "👩‍👩‍👧", "🇺🇦", "✅"]


def sentence(rng):
    n = rng.randint(8, 24)
    words = [rng.choice(WORDS) for _ in range(n)]
    if rng.random() < 0.3:
        words.insert(rng.randrange(n), rng.choice(NAMES))
    if rng.random() < 0.15:
        words.insert(rng.randrange(n), rng.choice(FOREIGN))
    if rng.random() < 0.1:
        words.insert(rng.randrange(n), rng.choice(EMOJI))
    if rng.random() < 0.1:
        words.insert(rng.randrange(n), f"{rng.randint(1, 99)}.{rng.randint(0, 9)}")
    text = " ".join(words)
    text = text[0].upper() + text[1:] + "."
    if rng.random() < 0.2:
        text = f"\u201c{text}\u201d said {rng.choice(NAMES)}."
    return text


def paragraphs(n_bytes, seed=1):
    """Paragraphs of 2 to 6 sentences, about `n_bytes` UTF-8 bytes in all."""
    rng = random.Random(seed)
    out, size = [], 0
    while size < n_bytes:
        p = " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))
        out.append(p)
        size += len(p.encode("utf-8")) + 2
    return out


def article(n_bytes, seed=1):
    """Plain text of about `n_bytes` UTF-8 bytes: paragraphs of 2 to 6
    sentences separated by blank lines."""
    return "\n\n".join(paragraphs(n_bytes, seed)) + "\n"


def markdown(n_bytes, seed=1):
    """A Markdown article of about `n_bytes`: a title, a section heading every
    12 paragraphs, emphasis, strong text and code in some, a short list
    every 20 paragraphs."""
    rng = random.Random(seed + 10)
    out = ["# Harbour inquiry: the full report"]
    for i, p in enumerate(paragraphs(n_bytes, seed)):
        if i % 12 == 11:
            out.append(f"## Part {i // 12 + 1}")
        words = p.split(" ")
        if len(words) > 6:
            j = rng.randrange(len(words) - 2)
            kind = rng.choice(["*{}*", "**{}**", "`{}`"])
            words[j] = kind.format(words[j].strip(".,"))
        out.append(" ".join(words))
        if i % 20 == 19:
            out.append("\n".join(f"- {sentence(rng)}" for _ in range(3)))
    return "\n\n".join(out) + "\n"


SHAPES = {
    "paragraphs": "plain text, paragraphs between blank lines",
    "lines": "plain text, one paragraph per line",
    "giant": "plain text, one line, no paragraph breaks",
    "markdown": "Markdown: headings, emphasis, lists",
    "page": "saved web page: menus, dated entries, comments",
}


# The file each shape is saved as.
FILES = {
    "paragraphs": "bench-paragraphs.txt",
    "lines": "bench-lines.txt",
    "giant": "bench-giant.txt",
    "markdown": "bench-article.md",
    "page": "bench-page.html",
}


# The article shapes the benchmark loads, each about `n_bytes`: (file name,
# contents). The same prose in each, laid out as people's files are.
def shapes(n_bytes):
    ps = paragraphs(n_bytes)
    html, _ = page(n_bytes)
    contents = {
        "paragraphs": "\n\n".join(ps) + "\n",
        "lines": "\n".join(ps) + "\n",
        "giant": " ".join(ps) + "\n",
        "markdown": markdown(n_bytes),
        "page": html,
    }
    return {shape: (FILES[shape], text) for shape, text in contents.items()}


def annotations_file(text, n, seed=2, title="bench", article=None, relations=0):
    """A file with `n` annotations over `text`: word-aligned spans of 1 to
    12 words, a fifth of them nested in or overlapping another; tags cycle
    claim, quote, source in reading order. `article`: the file's article
    object (an export's, with its blocks), else one is made for `text`.
    With `relations` > 0, a version 2 file: that many relations of the
    default tag set (each quote said by the next source, each claim with the
    source after next as evidence) and a verdict on every fourth claim."""
    rng = random.Random(seed)
    starts = [i for i in range(len(text)) if (i == 0 or text[i - 1] == " ") and not text[i].isspace()]
    spans = set()
    while len(spans) < n:
        s = rng.choice(starts)
        e = s
        for _ in range(rng.randint(1, 12)):
            nxt = text.find(" ", e + 1)
            if nxt < 0 or "\n" in text[e:nxt]:
                break
            e = nxt
        if e <= s:
            continue
        spans.add((s, e))
        if rng.random() < 0.2 and e - s > 3:  # nested or overlapping partner
            a = rng.randint(s + 1, e - 1)
            b = min(len(text), e + rng.randint(-2, 20))
            if a < b and not text[a:b].isspace() and text[a:b] == text[a:b].strip():
                spans.add((a, b))
    spans = sorted(spans)[:n]
    tags = ["claim", "quote", "source"]
    stamp = "2026-01-01T00:00:00.000Z"
    doc = {
        "version": 1,
        "article": article
        or {
            "title": title,
            "source": f"{title}.txt",
            "text": text,
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        },
        "annotations": [
            {
                "id": f"bench-{i}",
                "tag": tags[i % 3],
                "start": s,
                "end": e,
                "exact": text[s:e],
                "prefix": text[max(0, s - 32):s],
                "suffix": text[e:e + 32],
                "note": "",
                "created": stamp,
                "modified": stamp,
            }
            for i, (s, e) in enumerate(spans)
        ],
    }
    if relations:
        doc["version"] = 2
        links = []
        for i in range(len(spans)):
            kind, to = {0: ("evidence", i + 2), 1: ("said-by", i + 1)}.get(i % 3, (None, None))
            if kind and to < len(spans) and len(links) < relations:
                links.append({"id": f"rel-{i}", "type": kind, "from": f"bench-{i}", "to": f"bench-{to}",
                              "created": stamp})
        doc["relations"] = links
        for a in doc["annotations"][::12]:
            a["fields"] = {"verdict": "False"}
    return doc


def page(n_bytes, seed=3):
    """A saved news page of about `n_bytes` UTF-8 bytes, in the shape of a
    long live blog: menus and share bars around an article of dated entries
    (paragraphs with links and emphasis), then a long comment section.
    Returns (html, number of article paragraphs)."""
    rng = random.Random(seed)
    head = (
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Harbour inquiry: live</title>"
        "<meta property='og:site_name' content='The Bench Herald'></head><body>"
        "<header><nav><ul>" + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(12)) + "</ul></nav></header>"
        "<main><article><h1>Harbour inquiry: live</h1><p class=byline>By Elin Sørensen</p>"
    )
    parts, size, n_paragraphs = [head], len(head), 0
    entry = 0
    while size < n_bytes * 0.6:
        entry += 1
        paragraphs = []
        for _ in range(rng.randint(1, 4)):
            words = sentence(rng).split(" ")
            i = rng.randrange(len(words))
            words[i] = f"<a href='/r{entry}'>{words[i]}</a>"
            j = rng.randrange(len(words))
            words[j] = f"<em>{words[j]}</em>"
            paragraphs.append("<p>" + " ".join(words) + " " + sentence(rng) + "</p>")
        n_paragraphs += len(paragraphs)
        html = (
            f"<section class=entry><time datetime='2026-01-01T{entry % 24:02}:00'>{entry % 24:02}:00</time>"
            + "".join(paragraphs)
            + "<div class=share><a href='#'>Share</a> <a href='#'>Post</a></div></section>"
        )
        parts.append(html)
        size += len(html.encode("utf-8"))
    parts.append("</article></main><section id=comments class=comments><h2>Comments</h2>")
    comment = 0
    while size < n_bytes:
        comment += 1
        html = (
            f"<div class=comment><span class=author>reader{comment}</span>"
            f"<p>{sentence(rng)}</p><a class=reply href='#'>Reply</a></div>"
        )
        parts.append(html)
        size += len(html.encode("utf-8"))
    parts.append("</section><footer>© The Bench Herald</footer></body></html>")
    return "".join(parts), n_paragraphs


if __name__ == "__main__":
    t = article(1_000_000)
    doc = annotations_file(t, 10_000)
    print(len(t.encode()), len(t), len(doc["annotations"]), len(json.dumps(doc)))

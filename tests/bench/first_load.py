"""What the page fetches at first load, and what that costs gzip -9.

The first load is index.html and every file it names (stylesheets, module
scripts and preloads, the wasm its loader passes to `init`), followed
through the static imports of those scripts and the `url()`s and
`@import`s of those stylesheets. The converter worker's files
(`converter*`) are fetched only when a file of another tool's format is
first opened: they are listed apart and not counted.
`tests/e2e/test_bench_smoke.py` checks this list against the requests
Chromium makes when the page loads."""

import gzip
import html.parser
import pathlib
import re

ON_FIRST_USE = "converter"
# Quoted paths of files a loader or a module names: '/annotator-1a2b.js'.
QUOTED = re.compile(r"""['"]((?:\./|/)[^'"\s]+\.(?:js|wasm|css))['"]""")
JS_IMPORT = re.compile(r"""(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+?\s*from\s*)?['"]([^'"]+)['"]""")
CSS_URL = re.compile(r"""@import\s+['"]([^'"]+)['"]|url\(\s*['"]?([^'")]+)['"]?\s*\)""")


class _Refs(html.parser.HTMLParser):
    """The files an HTML page names: link hrefs, script srcs, and quoted
    paths inside inline scripts."""

    def __init__(self):
        super().__init__()
        self.refs = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("href"):
            self.refs.append(attrs["href"])
        elif tag in ("script", "img") and attrs.get("src"):
            self.refs.append(attrs["src"])
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.refs.extend(QUOTED.findall(data))


def _local(dist, base, ref):
    """The file in `dist` that `ref` (named in file `base`) points at, or
    None for data: URLs and other sites."""
    ref = ref.split("#")[0].split("?")[0]
    if not ref or ref.startswith(("data:", "http:", "https:", "//", "blob:")):
        return None
    path = (dist / ref.lstrip("/")) if ref.startswith("/") else (base.parent / ref)
    path = path.resolve()
    return path if path.is_file() and dist.resolve() in path.parents else None


def _named_by(dist, path):
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".html":
        parser = _Refs()
        parser.feed(text)
        refs = parser.refs
    elif path.suffix == ".js":
        refs = JS_IMPORT.findall(text)
    elif path.suffix == ".css":
        refs = [a or b for a, b in CSS_URL.findall(text)]
    else:
        refs = []
    return [p for p in (_local(dist, path, r) for r in refs) if p]


def gzip_size(path):
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def first_load(dist):
    """{"files": [{"file", "raw", "gzip9"}], "raw", "gzip9", "on_first_use":
    [...]}: the files fetched at first load (sizes in bytes) and their
    sums, and the converter's files, fetched later."""
    dist = pathlib.Path(dist).resolve()
    seen, todo = [], [dist / "index.html"]
    while todo:
        path = todo.pop(0)
        if path in seen or path.name.startswith(ON_FIRST_USE):
            continue
        seen.append(path)
        todo.extend(_named_by(dist, path))

    def row(p):
        return {"file": str(p.relative_to(dist)), "raw": p.stat().st_size, "gzip9": gzip_size(p)}

    files = [row(p) for p in seen]
    later = [row(p) for p in sorted(dist.rglob(f"{ON_FIRST_USE}*")) if p.is_file()]
    return {
        "files": files,
        "raw": sum(f["raw"] for f in files),
        "gzip9": sum(f["gzip9"] for f in files),
        "on_first_use": later,
    }


def print_first_load(sizes):
    print(f"first load: {sizes['gzip9'] / 1024:.1f} KB gzip -9 ({sizes['raw']} bytes raw)")
    for f in sizes["files"]:
        print(f"  {f['file']:48} {f['raw']:>9} raw {f['gzip9'] / 1024:>8.1f} KB gzip")
    if sizes["on_first_use"]:
        print("fetched on first use of another tool's format (not counted):")
        for f in sizes["on_first_use"]:
            print(f"  {f['file']:48} {f['raw']:>9} raw {f['gzip9'] / 1024:>8.1f} KB gzip")

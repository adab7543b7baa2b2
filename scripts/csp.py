"""Trunk post-build hook: fills the Content-Security-Policy of the built
index.html with the SHA-256 hashes of its inline scripts (Trunk's module
loader is one), so script-src needs neither 'unsafe-inline' nor a nonce,
and drops the page's HTML comments, which are for us, not for the browser.
With ANNOTATOR_SYNC_ORIGIN set (an origin such as https://couch.example.org),
connect-src allows that origin besides 'self', so the Sync dialog can reach
a CouchDB server there (the app reads the same variable when it is compiled
and refuses other origins with a message). Runs in Trunk's staging directory
(TRUNK_STAGING_DIR)."""

import base64
import hashlib
import os
import pathlib
import re
import sys

PLACEHOLDER = "INLINE_SCRIPT_HASHES"
CONNECT = "connect-src 'self'"
ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?|https?://\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?")

index = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR", "dist")) / "index.html"
page = index.read_text(encoding="utf-8")
page = re.sub(r"\n?[ \t]*<!--.*?-->", "", page, flags=re.S)
if PLACEHOLDER not in page:
    sys.exit(f"csp.py: {PLACEHOLDER} not found in {index}")
scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", page, flags=re.S)
hashes = " ".join(
    "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'" for s in scripts
)
page = page.replace(PLACEHOLDER, hashes)
origin = os.environ.get("ANNOTATOR_SYNC_ORIGIN", "")
if origin:
    if not ORIGIN.fullmatch(origin):
        sys.exit(f"csp.py: ANNOTATOR_SYNC_ORIGIN={origin!r} is not an origin (scheme://host[:port], no path)")
    if CONNECT not in page:
        sys.exit(f"csp.py: {CONNECT} not found in {index}")
    page = page.replace(CONNECT, f"{CONNECT} {origin}")
index.write_text(page, encoding="utf-8")
print(f"csp.py: {len(scripts)} inline script(s) hashed into the Content-Security-Policy")

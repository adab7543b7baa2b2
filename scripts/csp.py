"""Trunk post-build hook: fills the Content-Security-Policy of the built
index.html with the SHA-256 hashes of its inline scripts (Trunk's module
loader is one), so script-src needs neither 'unsafe-inline' nor a nonce,
and drops the page's HTML comments, which are for us, not for the browser.
Runs in Trunk's staging directory (TRUNK_STAGING_DIR)."""

import base64
import hashlib
import os
import pathlib
import re
import sys

PLACEHOLDER = "INLINE_SCRIPT_HASHES"

index = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR", "dist")) / "index.html"
page = index.read_text(encoding="utf-8")
page = re.sub(r"\n?[ \t]*<!--.*?-->", "", page, flags=re.S)
if PLACEHOLDER not in page:
    sys.exit(f"csp.py: {PLACEHOLDER} not found in {index}")
scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", page, flags=re.S)
hashes = " ".join(
    "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'" for s in scripts
)
index.write_text(page.replace(PLACEHOLDER, hashes), encoding="utf-8")
print(f"csp.py: {len(scripts)} inline script(s) hashed into the Content-Security-Policy")

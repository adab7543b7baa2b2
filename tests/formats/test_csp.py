"""scripts/csp.py, the build's Content-Security-Policy hook: inline script
hashes always; connect-src allows only 'self' unless the deployer names a
sync origin (ANNOTATOR_SYNC_ORIGIN), and refuses anything but an origin."""

import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
PAGE = """<html><head><!-- ours -->
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src INLINE_SCRIPT_HASHES; connect-src 'self'">
<script type="module">import init from './a.js'; init();</script></head></html>"""


def run(tmp_path, origin=None):
    (tmp_path / "index.html").write_text(PAGE)
    env = {k: v for k, v in os.environ.items() if k != "ANNOTATOR_SYNC_ORIGIN"}
    env["TRUNK_STAGING_DIR"] = str(tmp_path)
    if origin is not None:
        env["ANNOTATOR_SYNC_ORIGIN"] = origin
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "csp.py")], env=env, capture_output=True, text=True)
    return done, (tmp_path / "index.html").read_text()


def test_the_default_build_connects_only_to_itself(tmp_path):
    done, page = run(tmp_path)
    assert done.returncode == 0, done.stderr
    assert "connect-src 'self'\"" in page
    assert "script-src 'sha256-" in page and "<!--" not in page


def test_a_named_sync_origin_is_allowed_and_nothing_else(tmp_path):
    done, page = run(tmp_path, "https://couch.example.org:6984")
    assert done.returncode == 0, done.stderr
    assert "connect-src 'self' https://couch.example.org:6984\"" in page


def test_anything_but_an_origin_is_refused(tmp_path):
    for bad in ("https://couch.example.org/db", "*", "couch.example.org", "https://a.org; script-src *"):
        done, page = run(tmp_path, bad)
        assert done.returncode != 0 and "is not an origin" in done.stderr, bad

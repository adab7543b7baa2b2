"""The sync load check (not a timed test): three simulated annotators
(examples/sync_load.rs: the page's Replica over plain HTTP) write 10,000
annotations in total through pouchdb-server and must converge to the same
set, on the server too. The time it took is printed (pytest -s)."""

import pathlib
import subprocess

from couch import ADMIN, pouchdb_server

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_three_clients_writing_ten_thousand_annotations_converge(tmp_path):
    with pouchdb_server(tmp_path / "couch") as couch:
        status, body = couch.request("PUT", "load")
        assert status in (201, 202), body
        url = f"http://{ADMIN[0]}:{ADMIN[1]}@127.0.0.1:{couch.port}/"
        done = subprocess.run(
            ["cargo", "run", "--quiet", "--locked", "--example", "sync_load", "--", url, "load", "10000"],
            cwd=ROOT, capture_output=True, text=True, timeout=600,
        )
        print(done.stdout)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "converged: the three sessions and the server hold the same 10000 annotations" in done.stdout
        assert len([d for d in couch.docs("load") if d.get("type") == "annotation"]) == 10000

"""A CouchDB-compatible server for the sync tests: `pouchdb-server` (npm, in
.tools/) on 127.0.0.1, its data on disk (leveldown's prebuilt module), with an administrator, users, and
databases with members, set up over CouchDB's HTTP API. The app reaches it
through the test server's `/couchdb/` proxy (browser.COUCH)."""

import base64
import contextlib
import json
import pathlib
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[2]
POUCHDB_SERVER = ROOT / ".tools" / "node_modules" / ".bin" / "pouchdb-server"
ADMIN = ("admin", "admin-secret")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Couch:
    def __init__(self, port):
        self.port = port
        self.base = f"http://127.0.0.1:{port}/"

    def request(self, method, path, body=None, auth=ADMIN):
        req = urllib.request.Request(self.base + path, method=method)
        req.add_header("Content-Type", "application/json")
        if auth:
            token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
            req.add_header("Authorization", f"Basic {token}")
        data = json.dumps(body).encode() if body is not None else None
        try:
            with urllib.request.urlopen(req, data, timeout=10) as r:
                return r.status, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"null")

    def add_user(self, name, password):
        doc = {"_id": f"org.couchdb.user:{name}", "name": name, "password": password,
               "roles": [], "type": "user"}
        status, body = self.request("PUT", f"_users/org.couchdb.user:{name}", doc)
        assert status in (201, 202), body

    def add_database(self, db, members):
        status, body = self.request("PUT", db)
        assert status in (201, 202), body
        security = {"admins": {"names": [], "roles": []}, "members": {"names": members, "roles": []}}
        status, body = self.request("PUT", f"{db}/_security", security)
        assert status == 200, body

    def delete(self, db, doc):
        """Delete `doc` (as read by `docs`), as a teammate's app would."""
        status, body = self.request("DELETE", f"{db}/{urllib.parse.quote(doc['_id'], safe='')}?rev={doc['_rev']}")
        assert status == 200, body

    def docs(self, db):
        """The database's live documents, read directly (as administrator)."""
        status, body = self.request("GET", f"{db}/_all_docs?include_docs=true")
        assert status == 200, body
        return [row["doc"] for row in body["rows"]]


class Process:
    """pouchdb-server on one port, its data on disk in `workdir`, so it can
    be stopped and started again with everything kept."""

    def __init__(self, workdir, port):
        self.workdir, self.port, self.proc, self.log = workdir, port, None, None

    def start(self):
        self.log = open(self.workdir / "server.log", "a")
        self.proc = subprocess.Popen(
            [str(POUCHDB_SERVER), "--host", "127.0.0.1", "--port", str(self.port), "--dir", str(self.workdir / "data")],
            cwd=self.workdir, stdout=self.log, stderr=subprocess.STDOUT)
        couch = Couch(self.port)
        deadline = time.time() + 30
        while True:
            try:
                if couch.request("GET", "", auth=None)[0] == 200:
                    return
            except OSError:
                pass
            assert time.time() < deadline and self.proc.poll() is None, (self.workdir / "server.log").read_text()
            time.sleep(0.2)

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)
        self.log.close()


@contextlib.contextmanager
def pouchdb_server(workdir):
    """Start pouchdb-server (its config, log and data go to `workdir`),
    make the administrator, yield a Couch whose `stop()` and `start()` stop
    and restart the server; stop it at the end."""
    assert POUCHDB_SERVER.exists(), "pouchdb-server is missing: run scripts/test (scripts/setup installs it)"
    workdir.mkdir(parents=True, exist_ok=True)
    process = Process(workdir, free_port())
    process.start()
    couch = Couch(process.port)
    couch.stop, couch.start = process.stop, process.start
    try:
        status, body = couch.request("PUT", f"_config/admins/{ADMIN[0]}", ADMIN[1], auth=None)
        assert status == 200, body
        # Session cookies outlive a restart only with a kept secret (CouchDB
        # keeps its own in local.ini; pouchdb-server makes one per start).
        status, body = couch.request("PUT", "_config/couch_httpd_auth/secret", "kept-across-restarts")
        assert status == 200, body
        yield couch
    finally:
        if process.proc.poll() is None:
            process.stop()

"""Serving the built app and starting headless Chromium, shared by the
end-to-end tests and the benchmark."""

import contextlib
import functools
import http.client
import http.server
import threading

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
]


# Where `/couchdb/` is proxied to: the port of a CouchDB-compatible server
# on 127.0.0.1, or None (answered 502, as a proxy in front of a stopped
# server does). Set by the sync tests (tests/e2e/couch.py).
COUCH = {"port": None}

PROXY_PREFIX = "/couchdb/"
FORWARDED = ("Content-Type", "Accept", "Cookie", "Authorization")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """The built app, and a reverse proxy from `/couchdb/` to COUCH: the
    default build may only connect to its own origin, so the database is
    reached the way a deployment behind one web server reaches it."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
    }

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.startswith(PROXY_PREFIX):
            return self.proxy()
        return super().do_GET()

    def do_POST(self):
        self.proxy()

    def do_PUT(self):
        self.proxy()

    def do_DELETE(self):
        self.proxy()

    def proxy(self):
        if not self.path.startswith(PROXY_PREFIX):
            return self.send_error(405)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        port = COUCH["port"]
        try:
            if port is None:
                raise ConnectionRefusedError
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            headers = {k: self.headers[k] for k in FORWARDED if self.headers.get(k)}
            conn.request(self.command, "/" + self.path[len(PROXY_PREFIX):], body=body, headers=headers)
            reply = conn.getresponse()
            data = reply.read()
            status, out_headers = reply.status, reply.getheaders()
            conn.close()
        except OSError:
            status, data = 502, b'{"error":"bad_gateway","reason":"the database server does not answer"}'
            out_headers = [("Content-Type", "application/json")]
        self.send_response(status)
        for k, v in out_headers:
            if k.lower() in ("content-type", "set-cookie"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@contextlib.contextmanager
def serve(directory):
    """Serve `directory` on 127.0.0.1 (a free port); yields the base URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()


def chromium(profile_dir, downloads):
    """Headless Debian Chromium with a fresh profile; downloads go to `downloads`."""
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for arg in CHROMIUM_FLAGS + [f"--user-data-dir={profile_dir}"]:
        options.add_argument(arg)
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
            # Allow every Ctrl+S of a test to download, not only the first.
            "profile.default_content_setting_values.automatic_downloads": 1,
        },
    )
    # Network events, so tests can see every request the page makes.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    return driver

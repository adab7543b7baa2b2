"""Fixtures for the browser end-to-end tests: the release build served on
127.0.0.1, and headless Chromium driven through ChromeDriver with a fresh
profile and a download folder per test."""

import functools
import http.server
import pathlib
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

from page import AppPage

ROOT = pathlib.Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
    }

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def app_url():
    if not (DIST / "index.html").exists():
        pytest.fail("dist/ is missing: run scripts/test (it builds the app first)")
    handler = functools.partial(QuietHandler, directory=str(DIST))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture
def downloads(tmp_path):
    path = tmp_path / "downloads"
    path.mkdir()
    return path


@pytest.fixture
def driver(tmp_path, downloads):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for arg in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1280,900",
    ]:
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
    service = Service(executable_path="/usr/bin/chromedriver")
    drv = webdriver.Chrome(service=service, options=options)
    drv.execute_cdp_cmd(
        "Browser.setDownloadBehavior",
        {"behavior": "allow", "downloadPath": str(downloads)},
    )
    yield drv
    drv.quit()


@pytest.fixture
def app(driver, app_url, downloads):
    page = AppPage(driver, app_url, downloads)
    page.open()
    return page

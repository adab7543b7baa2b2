"""Fixtures for the browser end-to-end tests: the release build served on
127.0.0.1, and headless Chromium driven through ChromeDriver with a fresh
profile and a download folder per test."""

import pathlib

import pytest

from browser import chromium, serve
from page import AppPage

ROOT = pathlib.Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"


@pytest.fixture(scope="session")
def app_url():
    if not (DIST / "index.html").exists():
        pytest.fail("dist/ is missing: run scripts/test (it builds the app first)")
    with serve(DIST) as url:
        yield url


@pytest.fixture
def downloads(tmp_path):
    path = tmp_path / "downloads"
    path.mkdir()
    return path


@pytest.fixture
def driver(tmp_path, downloads):
    drv = chromium(tmp_path / "profile", downloads)
    yield drv
    drv.quit()


@pytest.fixture
def app(driver, app_url, downloads):
    page = AppPage(driver, app_url, downloads)
    page.open()
    return page

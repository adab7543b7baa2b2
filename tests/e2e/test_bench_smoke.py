"""A small run of the benchmark (tests/bench) so that it keeps working. It
checks that every workload ran and produced figures, never how fast; that
the peer (`--peer`) runs and places every annotation where ours are; and
that the first-load accounting names exactly the files the page fetches."""

import json
import pathlib
import sys
import time

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "bench"))

import bench  # noqa: E402
from browser import chromium  # noqa: E402


def test_benchmark_smoke_run(driver, app_url, tmp_path):
    by_shape = bench.run(driver, app_url, tmp_path, n_bytes=20_000, n_annotations=200, runs=1, n_keys=3)
    assert set(by_shape) == set(bench.generate.SHAPES)
    for shape, samples in by_shape.items():
        rows = bench.summarize(samples)
        assert set(rows) == set(bench.PER_SHAPE), shape
        for metric, row in rows.items():
            assert row["n"] >= 1 and row["min"] >= 0, (shape, metric)
        assert rows["tag_keypress_ms"]["n"] == 3 and rows["undo_ms"]["n"] == 3, shape
        assert 0 < rows["memory_mb"]["median"] < 1024, shape
    big = bench.summarize(bench.big_page(driver, app_url, tmp_path, n_bytes=300_000, runs=1))
    assert set(big) == {m for m in bench.TARGETS if m.startswith("big_page_")}
    library = bench.summarize(bench.library(driver, app_url, tmp_path, 20_000, 200, n_small=20, runs=1))
    assert set(library) == set(bench.library_bench.TARGETS)
    assert all(row["n"] >= 1 and row["min"] > 0 for row in library.values()), library


def test_peer_smoke_run(driver, app_url, tmp_path):
    if not bench.peer.installed():
        pytest.skip(f"{bench.peer.NAME} {bench.peer.VERSION} is not installed: run scripts/setup --browser")
    shapes = ["lines", "page"]
    ours = bench.run(driver, app_url, tmp_path, n_bytes=20_000, n_annotations=200, runs=1, n_keys=3, shapes=shapes)
    other = chromium(tmp_path / "peer-profile", tmp_path / "downloads")
    try:
        peers = bench.peer.run(other, tmp_path, shapes, runs=1, n_keys=3)
    finally:
        other.quit()
    for shape in shapes:
        assert peers[shape]["misplaced"] == 0, shape
        rows = bench.summarize(peers[shape]["samples"])
        assert set(rows) == set(bench.peer.METRICS), shape
        assert rows["tag_keypress_ms"]["n"] == 3 and rows["undo_ms"]["n"] == 3, shape
        side = bench.peer.side_by_side(bench.summarize(ours[shape]), rows)
        assert set(side) == set(bench.PER_SHAPE), shape
        assert all(side[m]["ratio"] is not None for m in bench.peer.METRICS if side[m]["ours"] > 0), shape
        assert side["open_article_ms"]["peer"] is None, shape


def test_first_load_lists_what_the_page_fetches(app):
    time.sleep(1)  # anything the page fetches soon after it starts
    fetched = set()
    for entry in app.driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            if url.startswith(app.url):
                fetched.add(url[len(app.url):] or "index.html")
    fetched.discard("favicon.ico")  # the browser's own guess; the app has none
    sizes = bench.first_load.first_load(bench.ROOT / "dist")
    assert fetched == {f["file"] for f in sizes["files"]}
    assert 0 < sizes["gzip9"] < sizes["raw"]
    assert sizes["on_first_use"] and all(f["file"].startswith("converter") for f in sizes["on_first_use"])

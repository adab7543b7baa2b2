"""A small run of the benchmark (tests/bench) so that it keeps working. It
checks that every workload ran and produced figures, never how fast."""

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "bench"))

import bench  # noqa: E402


def test_benchmark_smoke_run(driver, app_url, tmp_path):
    by_shape = bench.run(driver, app_url, tmp_path, n_bytes=20_000, n_annotations=200, runs=1, n_keys=3)
    assert set(by_shape) == set(bench.generate.SHAPES)
    per_shape = {m for m in bench.TARGETS if m != "wasm_gzip_kb" and not m.startswith("big_page_")}
    for shape, samples in by_shape.items():
        rows = bench.summarize(samples)
        assert set(rows) == per_shape, shape
        for metric, row in rows.items():
            assert row["n"] >= 1 and row["min"] >= 0, (shape, metric)
        assert rows["tag_keypress_ms"]["n"] == 3 and rows["undo_ms"]["n"] == 3, shape
        assert 0 < rows["memory_mb"]["median"] < 1024, shape
    big = bench.summarize(bench.big_page(driver, app_url, tmp_path, n_bytes=300_000, runs=1))
    assert set(big) == {m for m in bench.TARGETS if m.startswith("big_page_")}
    raw, gz = bench.wasm_size()
    assert 0 < gz < raw

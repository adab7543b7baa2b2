"""Bad annotation files opened through "Open annotations": what the page
says, and that the work open stays as it was. A file cut inside emoji by a
UTF-16 tool opens with a notice; a syntax error says where; a file over
the size limit is refused before it is read."""

import json
import pathlib

from exports import check_export
from page import painted

DATA = pathlib.Path(__file__).resolve().parents[1] / "data"

COUNT_READS = """
window.__reads = 0;
const read = FileReader.prototype.readAsArrayBuffer;
FileReader.prototype.readAsArrayBuffer = function (blob) {
  window.__reads += 1;
  return read.call(this, blob);
};
"""


def test_a_file_cut_inside_emoji_opens_and_says_what_was_rebuilt(app):
    app.choose_file("Open annotations", DATA / "cut-emoji.annotations.json")
    notice = app.wait_notice('Opened "Cut emoji" with 5 annotations.')
    assert (
        "The file held 5 broken characters (half of an emoji or other character, cut by the tool "
        "that wrote it): the quoted context of 4 annotations was rebuilt from the article." in notice
    )
    assert (
        '1 annotation could not be placed: Annotation 4 (id "a4"): its text “\ufffd will” holds half '
        "of a character, and the article has “ will ” at 83–89." in notice
    )
    assert "Left out 1 relation" in notice
    assert [r[:2] for r in app.rows()] == [
        ("quote", "speaks"),
        ("source", "The"),
        ("source", "council"),
        ("claim", "👍 and"),
        ("quote", "cost more"),
    ]
    assert painted(app.driver, "claim") == ["👍 and"]
    _, doc = app.export_with_ctrl_s()
    check_export(doc)
    text = doc["article"]["text"]
    for a in doc["annotations"]:
        assert a["prefix"] == text[max(0, a["start"] - 32):a["start"]]
        assert a["suffix"] == text[a["end"]:a["end"] + 32]


def one_line_with_stray_comma(good):
    """`good` as one line with an extra comma after the first key of annotation 3,
    and the column of that comma."""
    line = json.dumps(good, ensure_ascii=False, separators=(",", ":"))
    start = line.index('"annotations":[')
    third = [i for i in range(start, len(line)) if line.startswith('{"id"', i)][2]
    comma = line.index(",", third)
    return line[:comma] + "," + line[comma:], len(line[:comma + 1]) + 1


def test_a_syntax_error_says_where_and_the_work_stays(app, tmp_path):
    for needle, key in [("Aisha Rahman", "3"), ("Marta Okafor", "3"), ("flooded", "1")]:
        app.tag(needle, key)
    _, good = app.export_with_ctrl_s()
    broken, column = one_line_with_stray_comma(good)
    path = tmp_path / "broken.annotations.json"
    path.write_text(broken, encoding="utf-8")
    app.choose_file("Open annotations", path)
    notice = app.wait_notice("Could not open annotations")
    assert (
        f'"broken.annotations.json": This file is not valid JSON at line 1, column {column:,}, '
        "in annotation 3: a key is not in double quotes (or a comma is one too many) (near “" in notice
    )
    assert notice.endswith("”). Your current work is unchanged.")
    assert app.accept_confirm(timeout=0.2) is None, "no discard question for a bad file"
    assert len(app.rows()) == 3
    assert "Harbour town votes" in app.article_text()


def test_a_100_mb_file_is_refused_before_it_is_read(app, tmp_path):
    app.tag("Aisha Rahman", "3")
    big = tmp_path / "huge.annotations.json"
    with open(big, "wb") as f:
        f.truncate(100 * 1024 * 1024)  # sparse: nothing is written to disk
    app.driver.execute_script(COUNT_READS)
    app.choose_file("Open annotations", big)
    notice = app.wait_notice("too large")
    assert notice == (
        'Could not open annotations "huge.annotations.json": This file is too large: it is 100 MB; '
        "the largest annotation file this app opens is 64 MB. Your current work is unchanged."
    )
    assert app.driver.execute_script("return window.__reads") == 0, "never read"
    assert app.rows() == [("source", "Aisha Rahman", "")]
    # The check counts, not the reader: a small file is read as usual.
    app.choose_file("Open annotations", DATA / "cut-emoji.annotations.json")
    app.accept_confirm()
    app.wait_notice('Opened "Cut emoji"')
    assert app.driver.execute_script("return window.__reads") == 1

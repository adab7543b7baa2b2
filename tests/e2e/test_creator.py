"""Who annotated: the annotator name set once in the toolbar (kept in the
browser) is the `creator` of every annotation made from then on, in the
native file and in the W3C export (which passes the W3C MUST tests)."""

import json
import pathlib
import re
import subprocess
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from exports import check_export

W3C_CHECK = pathlib.Path(__file__).resolve().parents[1] / "w3c-annotation-model" / "check.py"


def name_button(app):
    return app.driver.find_element(By.CSS_SELECTOR, "button.annotator-name")


def set_name(app, name):
    """The toolbar's name button by keyboard, then the browser's prompt."""
    name_button(app).send_keys(Keys.ENTER)
    alert = app.wait(lambda d: d.switch_to.alert)
    alert.send_keys(name)
    alert.accept()


def test_the_annotator_name_is_each_new_annotations_creator(app, tmp_path):
    assert name_button(app).text == "Set your name"
    app.tag("Harbour", "1")
    set_name(app, "  Zoë   Nguyễn ")
    app.wait_notice("carry your name “Zoë Nguyễn”")
    assert name_button(app).text == "Annotator: Zoë Nguyễn"
    app.tag("ferry pier", "3")
    _, doc = app.export_with_ctrl_s()
    check_export(doc)
    creators = {a["exact"]: a.get("creator") for a in doc["annotations"]}
    assert creators == {"Harbour": None, "ferry pier": "Zoë Nguyễn"}

    path = app.download_after(lambda: app.export_as("W3C Web Annotation"))
    items = json.loads(path.read_text(encoding="utf-8"))["first"]["items"]
    people = [i.get("creator") for i in items if i["motivation"] == "tagging"]
    assert {"type": "Person", "name": "Zoë Nguyễn"} in people and None in people
    out = subprocess.run([sys.executable, str(W3C_CHECK), str(path)], capture_output=True, text=True)
    assert out.returncode == 0 and re.search(r"\d+ passed, 0 failed", out.stdout), out.stdout + out.stderr

    # Kept in the browser: a reload still names the annotator.
    app.reload()
    app.wait(lambda d: name_button(app).text == "Annotator: Zoë Nguyễn")
    # Cancelling the prompt changes nothing; an empty name clears it.
    name_button(app).send_keys(Keys.ENTER)
    app.wait(lambda d: d.switch_to.alert).dismiss()
    assert name_button(app).text == "Annotator: Zoë Nguyễn"
    set_name(app, " ")
    app.wait(lambda d: name_button(app).text == "Set your name")

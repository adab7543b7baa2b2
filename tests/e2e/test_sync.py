"""Working as a team through a CouchDB database (pouchdb-server in memory,
reached through the test server's /couchdb/ proxy, as a deployment behind
one web server reaches it): two annotators in two browsers, the server
away mid-session, a conflict settled, and every way connecting can fail,
each with its message and the local work intact."""

import json
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

import browser
from browser import chromium
from couch import pouchdb_server
from page import AppPage
from test_a11y import audit

DB = "desk"


@pytest.fixture(scope="module")
def couch(tmp_path_factory):
    with pouchdb_server(tmp_path_factory.mktemp("couch")) as c:
        for name in ("ana", "ben", "eve"):
            c.add_user(name, f"{name}-pw")
        browser.COUCH["port"] = c.port
        yield c
        browser.COUCH["port"] = None


DATABASES = iter(range(1, 1000))


@pytest.fixture
def server_up(couch):
    """The server answers at the start of each test (a test may cut it),
    with a new database "desk<n>" whose members are ana and ben."""
    browser.COUCH["port"] = couch.port
    couch.db = f"{DB}{next(DATABASES)}"
    couch.add_database(couch.db, ["ana", "ben"])
    yield couch
    browser.COUCH["port"] = couch.port


@pytest.fixture
def second(tmp_path, app_url):
    """A second annotator: another browser with its own profile."""
    downloads = tmp_path / "downloads-b"
    downloads.mkdir()
    drv = chromium(tmp_path / "profile-b", downloads)
    page = AppPage(drv, app_url, downloads)
    page.open()
    yield page
    drv.quit()


def sync_button(app):
    return app.driver.find_element(By.CSS_SELECTOR, "button.sync-button")


def sync_state(app):
    return sync_button(app).text


def wait_state(app, text, timeout=15):
    try:
        app.wait(lambda d: text in sync_state(app), timeout)
    except Exception:
        raise AssertionError(f"sync state {sync_state(app)!r}, waited for {text!r}")


def open_dialog(app):
    sync_button(app).send_keys(Keys.ENTER)
    return app.wait(lambda d: d.find_element(By.CSS_SELECTOR, ".sync-dialog"))


def type_into(dialog, field, value):
    box = dialog.find_element(By.CSS_SELECTOR, f"input[name={field}]")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.DELETE)
    box.send_keys(value)
    return box


def connect(app, name, db, password=None, address=None):
    """Fill the Sync dialog by keyboard and press Enter in the password."""
    dialog = open_dialog(app)
    if address is not None:
        type_into(dialog, "address", address)
    type_into(dialog, "database", db)
    type_into(dialog, "name", name)
    type_into(dialog, "password", password or f"{name}-pw").send_keys(Keys.ENTER)
    return dialog


def close_dialog(app):
    app.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    app.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, ".sync-dialog"))


def failure(app):
    found = app.driver.find_elements(By.CSS_SELECTOR, ".sync-dialog [role=alert]")
    return found[0].text if found else ""


def retag_first_row(app, tag):
    Select(app.driver.find_element(By.CSS_SELECTOR, ".panel .row .row-tag")).select_by_value(tag)


def requested(app):
    """Every URL the page asked for (CDP network events)."""
    urls = []
    for entry in app.driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def article_docs(couch):
    return [d for d in couch.docs(couch.db) if d.get("type") == "annotation"]


def test_two_annotators_share_their_work_and_settle_a_conflict(app, second, server_up):
    couch = server_up
    connect(app, "ana", couch.db)
    wait_state(app, "Synced")
    close_dialog(app)
    connect(second, "ben", couch.db)
    wait_state(second, "Synced")
    close_dialog(second)

    app.tag("ferry pier", "1")
    start = time.monotonic()
    second.wait(lambda d: [r[:2] for r in second.rows()] == [("claim", "ferry pier")], timeout=10)
    print(f"\nA's new annotation seen by B after {time.monotonic() - start:.2f} s")

    retag_first_row(second, "quote")
    start = time.monotonic()
    app.wait(lambda d: [r[0] for r in app.rows()] == ["quote"], timeout=10)
    print(f"B's retag seen by A after {time.monotonic() - start:.2f} s")

    # Both offline, both retag the same annotation.
    browser.COUCH["port"] = None
    wait_state(app, "Offline")
    wait_state(second, "Offline")
    retag_first_row(app, "source")
    retag_first_row(second, "claim")
    wait_state(app, "Offline · 1 waiting")
    wait_state(second, "Offline · 1 waiting")

    browser.COUCH["port"] = couch.port
    pages = (app, second)
    app.wait(lambda d: any("1 conflict" in sync_state(p) for p in pages), timeout=20)
    loser = next(p for p in pages if "1 conflict" in sync_state(p))
    winner = second if loser is app else app
    loser.wait_notice("1 annotation changed here and on the server: open Sync to keep one version of it.")
    mine = "source" if loser is app else "claim"
    theirs = "claim" if loser is app else "source"
    assert [r[0] for r in loser.rows()] == [mine], "nothing is taken until the user picks"
    assert [d["annotation"]["tag"] for d in article_docs(couch)] == [theirs]

    dialog = open_dialog(loser)
    assert audit(loser) == [], "a conflict shown"
    versions = dialog.find_element(By.CSS_SELECTOR, ".sync-conflict").text
    assert f"Yours: {mine.capitalize()} “ferry pier”" in versions, versions
    assert f"Theirs: {theirs.capitalize()} “ferry pier”" in versions, versions
    dialog.find_element(By.XPATH, ".//button[text()='Keep mine']").click()
    loser.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, ".sync-conflict"))
    winner.wait(lambda d: [r[0] for r in winner.rows()] == [mine], timeout=10)
    wait_state(loser, "Synced")
    wait_state(winner, "Synced")
    docs = article_docs(couch)
    assert [(d["annotation"]["tag"], d["annotation"]["exact"]) for d in docs] == [(mine, "ferry pier")]

    # A deletion is a tombstone; undoing it brings the annotation back for both.
    app.driver.find_element(By.CSS_SELECTOR, ".panel .row .row-delete").click()
    second.wait(lambda d: second.rows() == [], timeout=10)
    assert article_docs(couch) == []
    app.ctrl("z")
    second.wait(lambda d: [r[:2] for r in second.rows()] == [(mine, "ferry pier")], timeout=10)
    assert [d["annotation"]["exact"] for d in article_docs(couch)] == ["ferry pier"]
    for page in pages:
        urls = requested(page)
        assert any("/couchdb/" in u for u in urls)
        web = [u for u in urls if u.split(":")[0] in ("http", "https", "ws", "wss")]
        assert web and all(u.startswith(page.url) for u in web), web


def test_work_done_while_the_server_is_stopped_arrives_when_it_is_back(app, server_up):
    couch = server_up
    before = len(article_docs(couch))
    connect(app, "ana", couch.db)
    wait_state(app, "Synced")
    close_dialog(app)
    app.tag("Lindqvist Bay", "3")
    app.wait(lambda d: len(article_docs(couch)) == before + 1)

    couch.stop()
    wait_state(app, "Offline")
    app.tag("Elin Sørensen", "3")
    app.tag("4.2 million euros", "1")
    wait_state(app, "Offline · 2 waiting")
    # The tab is reloaded before the server is back: the work waits in the
    # library and is sent from there. Once the server is back, a teammate
    # deletes the first annotation before this tab reconnects: the
    # deletion is taken, not undone.
    app.reload()
    wait_state(app, "Offline")
    browser.COUCH["port"] = None
    couch.start()
    [first] = [d for d in article_docs(couch) if d["annotation"]["exact"] == "Lindqvist Bay"]
    couch.delete(couch.db, first)

    browser.COUCH["port"] = couch.port
    wait_state(app, "Synced", timeout=20)
    app.wait(lambda d: "Lindqvist Bay" not in [r[1] for r in app.rows()])
    exacts = sorted(d["annotation"]["exact"] for d in article_docs(couch))
    assert exacts == sorted(["Elin Sørensen", "4.2 million euros"]), exacts
    for d in article_docs(couch):
        assert d["_id"] == f"a:{d['article']}:{d['annotation']['id']}"


def test_a_deletion_made_in_a_visit_that_never_reached_the_server_is_sent_later(app, server_up):
    couch = server_up
    connect(app, "ana", couch.db)
    wait_state(app, "Synced")
    close_dialog(app)
    app.tag("Lindqvist Bay", "3")
    app.tag("Elin Sørensen", "3")
    app.wait(lambda d: len(article_docs(couch)) == 2)
    browser.COUCH["port"] = None
    wait_state(app, "Offline")
    # A visit offline from its start: one deletion, one retag, then the
    # tab is reloaded again before the server answers.
    app.reload()
    wait_state(app, "Offline")
    app.driver.find_element(By.CSS_SELECTOR, ".panel .row .row-delete").click()
    app.wait(lambda d: [r[1] for r in app.rows()] == ["Elin Sørensen"])
    retag_first_row(app, "claim")
    app.reload()
    wait_state(app, "Offline")

    browser.COUCH["port"] = couch.port
    wait_state(app, "Synced", timeout=20)
    tagged = lambda: [(d["annotation"]["exact"], d["annotation"]["tag"]) for d in article_docs(couch)]
    app.wait(lambda d: tagged() == [("Elin Sørensen", "claim")], timeout=10)
    assert [r[:2] for r in app.rows()] == [("claim", "Elin Sørensen")], "the deletion is not undone"


BAD = [
    # (what is wrong, name, password, database (None: the test's), address, the message says)
    ("wrong password", "ana", "not-her-password", None, None, "did not accept this name and password"),
    ("not a member", "eve", None, None, None, "eve is not a member of the database “desk"),
    ("no such database", "ana", None, "nodb", None, "has no database “nodb”"),
    ("a name CouchDB refuses", "ana", None, "Desk!", None, "is not a database name CouchDB takes"),
    ("another origin", "ana", None, None, "http://127.0.0.1:9/", "may only connect to"),
    ("not a web address", "ana", None, None, "ftp://example.org/", "is not a web address"),
]


@pytest.mark.parametrize("case", BAD, ids=[c[0] for c in BAD])
def test_each_failure_to_connect_is_said_and_local_work_stays(app, server_up, case):
    _, name, password, db, address, says = case
    app.tag("ferry pier", "2")
    connect(app, name, db or server_up.db, password, address)
    app.wait(lambda d: says in failure(app))
    assert sync_state(app) == "Sync"
    close_dialog(app)
    assert [r[:2] for r in app.rows()] == [("quote", "ferry pier")]
    assert article_docs(server_up) == []


def test_an_unreachable_server_is_said(app, server_up):
    app.tag("ferry pier", "2")
    browser.COUCH["port"] = None
    connect(app, "ana", server_up.db)
    app.wait(lambda d: "cannot be reached" in failure(app))
    close_dialog(app)
    assert [r[:2] for r in app.rows()] == [("quote", "ferry pier")]


def test_a_session_the_server_forgets_stops_sync_until_the_user_signs_in_again(app, server_up):
    couch = server_up
    connect(app, "ana", couch.db)
    wait_state(app, "Synced")
    close_dialog(app)
    # A new secret on the server ends every session cookie made before.
    status, body = couch.request("PUT", "_config/couch_httpd_auth/secret", "a-new-secret")
    assert status == 200, body
    wait_state(app, "Sync stopped")
    app.wait_notice("The server has signed you out. Open Sync and sign in again")
    app.tag("ferry pier", "1")
    assert "1 waiting" in sync_state(app)
    dialog = open_dialog(app)
    assert "signed you out" in failure(app)
    type_into(dialog, "password", "ana-pw").send_keys(Keys.ENTER)
    wait_state(app, "Synced")
    app.wait(lambda d: [d["annotation"]["exact"] for d in article_docs(couch)] == ["ferry pier"])
    status, body = couch.request("PUT", "_config/couch_httpd_auth/secret", "kept-across-restarts")
    assert status == 200, body


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_sync_dialog_passes_axe(app, server_up, theme):
    app.driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": theme}]})
    open_dialog(app)
    assert audit(app) == [], "sign-in form"
    close_dialog(app)
    connect(app, "ana", server_up.db, "wrong")
    app.wait(lambda d: failure(app))
    assert audit(app) == [], "a failure said"
    close_dialog(app)
    connect(app, "ana", server_up.db)
    wait_state(app, "Synced")
    assert audit(app) == [], "connected"


def test_a_teammate_opens_the_article_from_the_database(app, second, server_up, tmp_path):
    couch = server_up
    path = tmp_path / "storm-report.txt"
    path.write_text("Storm report\n\nThe ferry pier was torn apart in January, the council said.\n", encoding="utf-8")
    app.choose_file("Open article", path)
    app.wait(lambda d: "torn apart in January" in app.article_text())
    app.tag("ferry pier", "1")
    connect(app, "ana", couch.db)
    wait_state(app, "Synced")
    close_dialog(app)

    dialog = connect(second, "ben", couch.db)
    wait_state(second, "Synced")
    items = lambda: dialog.find_elements(By.CSS_SELECTOR, ".sync-article")
    second.wait(lambda d: len(items()) == 2)
    listed = sorted(i.text for i in items())
    assert any(t.startswith("“") and "characters" in t and t.endswith("open here") for t in listed), listed
    dialog.find_element(By.CSS_SELECTOR, ".sync-article button").click()
    second.wait(lambda d: "torn apart in January" in second.article_text())
    second.wait(lambda d: [r[:2] for r in second.rows()] == [("claim", "ferry pier")], timeout=10)
    assert "Synced" in sync_state(second)


def row_info(app, i):
    return app.driver.find_elements(By.CSS_SELECTOR, ".panel .row .row-info")[i].text


def relation_docs(couch):
    return [d["relation"] for d in couch.docs(couch.db) if d.get("type") == "relation"]


def test_a_relation_made_by_one_annotator_reaches_the_other_and_so_does_its_undo(app, second, server_up):
    couch = server_up
    for page, name in ((app, "ana"), (second, "ben")):
        connect(page, name, couch.db)
        wait_state(page, "Synced")
        close_dialog(page)
    app.tag("Mayor Elin Sørensen", "3")
    app.tag("This pier is our road.", "2")
    # L on the quote just tagged: "Said by" the nearest source, by keyboard.
    app.press("l")
    app.wait(lambda d: d.find_element(By.CSS_SELECTOR, ".link-dialog"))
    app.press(Keys.ENTER)
    app.wait(lambda d: "Said by: Mayor Elin Sørensen" in row_info(app, 1))

    start = time.monotonic()
    second.wait(lambda d: len(second.rows()) == 2 and "Said by: Mayor Elin Sørensen" in row_info(second, 1), timeout=10)
    print(f"\nA's relation seen by B after {time.monotonic() - start:.2f} s")
    (r,) = relation_docs(couch)
    by_id = {d["annotation"]["id"]: d["annotation"]["exact"] for d in article_docs(couch)}
    assert (r["type"], by_id[r["from"]], by_id[r["to"]]) == ("said-by", "This pier is our road.", "Mayor Elin Sørensen")

    app.ctrl("z")
    second.wait(lambda d: "Said by" not in row_info(second, 1), timeout=10)
    assert relation_docs(couch) == []
    assert len(second.rows()) == 2, "the annotations stay"
    wait_state(second, "Synced")

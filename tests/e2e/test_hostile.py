"""Opening a hostile web page runs nothing and fetches nothing: every script,
event handler, javascript: link, frame, refresh, stylesheet and image of the
page points at a canary server that must see no request, and the browser's
own network log must show no request beyond the app's files."""

import http.server
import json
import threading

from selenium.webdriver.common.by import By

HOSTILE = """<!doctype html><html><head><meta charset="utf-8">
<title>Totally normal news</title>
<meta http-equiv="refresh" content="0; url={c}/refresh">
<base href="{c}/base/">
<link rel="stylesheet" href="{c}/style.css">
<link rel="prefetch" href="{c}/prefetch">
<link rel="icon" href="{c}/favicon.ico">
<script>window.__pwned = "inline script"; document.title = "pwned";</script>
<script src="{c}/evil.js"></script>
<style>body {{ background: url({c}/css-url.png); }} @import url({c}/import.css);</style>
</head><body onload="window.__pwned = 'body onload'">
<article>
<h1>Harbour budget approved</h1>
<p>The council approved the harbour budget on Monday after a long debate, officials said.</p>
<p style="background-image: url({c}/inline-style.png)">The vote was 9 to 4, with two abstentions, according to the minutes.</p>
<img src="{c}/img.png" srcset="{c}/img-2x.png 2x" onerror="window.__pwned = 'img onerror'" alt="">
<p>Read the <a href="javascript:window.__pwned='javascript link'">full minutes</a> online.</p>
<svg onload="window.__pwned = 'svg onload'"><script>window.__pwned = "svg script";</script><image href="{c}/svg-image.png"/></svg>
<iframe src="{c}/frame.html"></iframe>
<object data="{c}/object.swf"></object><embed src="{c}/embed.swf">
<video poster="{c}/poster.jpg" src="{c}/video.mp4" autoplay></video>
<audio src="{c}/audio.mp3" autoplay></audio>
<details open ontoggle="window.__pwned = 'details ontoggle'"><summary>More</summary><p>Hidden detail text.</p></details>
<input autofocus onfocus="window.__pwned = 'autofocus'">
<form action="{c}/form"><button>Send</button></form>
<p>Residents can comment until the end of the month.</p>
<p>Markup as text: &lt;img src="{c}/text-img.png" onerror="window.__pwned = 'escaped markup'"&gt; &amp;lt;b&amp;gt;</p>
</article></body></html>"""


class Canary(http.server.BaseHTTPRequestHandler):
    hits = []

    def do_GET(self):
        Canary.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *args):
        pass


def test_hostile_page_runs_and_fetches_nothing(app, tmp_path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Canary)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    canary = f"http://127.0.0.1:{server.server_port}"
    try:
        page = tmp_path / "hostile.html"
        page.write_text(HOSTILE.format(c=canary), encoding="utf-8")
        app.driver.get_log("performance")  # forget the app's own start-up
        app.choose_file("Open article", page)
        app.wait_notice("Opened")
        text = app.article_text()
        assert "The council approved the harbour budget" in text
        assert "Residents can comment" in text
        # Text that looks like markup is shown as it is, never parsed.
        assert f'Markup as text: <img src="{canary}/text-img.png" onerror=' in text
        assert "&lt;b&gt;" in text
        # Click where the javascript: link's text is shown, then give any
        # deferred work (refresh, autoplay, handlers) time to happen.
        app.select_with_mouse("full minutes")
        app.driver.find_element(By.CSS_SELECTOR, "article.article").click()
        app.driver.execute_async_script("setTimeout(arguments[arguments.length - 1], 1500)")

        assert app.driver.execute_script("return window.__pwned === undefined"), app.driver.execute_script(
            "return window.__pwned"
        )
        assert app.driver.title.startswith("Annotator"), "the page's title script did not run"
        assert app.driver.current_url == app.url, "no refresh or navigation happened"
        assert Canary.hits == [], f"the page fetched {Canary.hits}"
        requests = []
        for entry in app.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                requests.append(message["params"]["request"]["url"])
        strangers = [u for u in requests if not (u.startswith(app.url) or u.startswith(("blob:", "data:")))]
        assert strangers == [], f"requests left the page: {strangers}"
        # (The browser log shows the CSP refusing the page's event handlers and
        # <base> while DOMParser reads it: a second wall behind the inert parser.)
    finally:
        server.shutdown()


def test_the_app_itself_keeps_its_content_security_policy(app, tmp_path):
    app.tag("Lindqvist Bay", "1")
    app.driver.find_element(By.CSS_SELECTOR, "article.article").send_keys("?")
    app.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".help"))
    app.press("\ue00c")  # Escape
    app.export_with_ctrl_s()
    policy = app.driver.execute_script(
        "return document.querySelector('meta[http-equiv=Content-Security-Policy]').content"
    )
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in policy and "unsafe-inline" not in policy.split(";")[1]
    assert "connect-src 'self'" in policy
    violations = [e["message"] for e in app.driver.get_log("browser") if "Content Security Policy" in e["message"]]
    assert violations == [], violations

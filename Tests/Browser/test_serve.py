"""`stilte serve` in headless Chromium (Debian's, driven by Playwright) and over plain HTTP."""
import http.server
import json
import re
import threading
import time
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect, sync_playwright

# No sound card here: Chromium finds no output device and plays into its own silent sink,
# which keeps real time (measured: 2.01 s of <audio> in 2 s). ALSA's "null" device instead
# swallows the audio faster than real time, so it is not used.
CHROMIUM_ARGS = ["--autoplay-policy=no-user-gesture-required"]


def request(url, method="GET", headers=None, data=None):
    """(status, headers, body) without following redirects or raising on 4xx."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    opener = urllib.request.build_opener(NoRedirect)
    req = urllib.request.Request(url, method=method, headers=headers or {}, data=data)
    try:
        with opener.open(req, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wait_until(page, expression, timeout=15.0):
    """Polls `expression` with page.evaluate (page.wait_for_function evaluates strings, which the
    page's CSP forbids, rightly)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(f"() => Boolean({expression})"):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        time.sleep(0.05)


def bearer(server):
    return {"Authorization": f"Bearer {server.token}"}


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser, server):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(server.url)
    yield page
    context.close()


def test_without_the_token_every_page_and_endpoint_is_401(server):
    for path in ["/", "/trainees/1", "/takes/1", "/progress", "/api/trainees", "/api/takes/1", "/api/takes/1/audio"]:
        status, headers, _ = request(server.origin + path)
        assert status == 401, path
        assert "script-src 'self'" in headers["Content-Security-Policy"]
    status, _, _ = request(server.origin + "/?token=" + "0" * 64)
    assert status == 401


def test_security_headers_on_every_answer(server):
    status, headers, _ = request(server.origin + "/api/trainees", headers=bearer(server))
    assert status == 200
    csp = headers["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Cache-Control"] == "no-store"


def test_the_token_url_sets_a_strict_httponly_cookie_and_drops_the_token(server):
    status, headers, _ = request(server.url)
    assert status == 303
    assert headers["Location"] == "/"
    cookie = headers["Set-Cookie"]
    assert "stilte_session=" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert server.token not in cookie


def test_a_foreign_host_name_is_refused(server):
    # A page on another site that points its own name at 127.0.0.1 (DNS rebinding).
    status, _, _ = request(server.origin + "/api/trainees", headers={**bearer(server), "Host": "evil.example"})
    assert status == 421


def test_writes_with_the_cookie_need_the_csrf_header_and_our_origin(server):
    _, headers, _ = request(server.url)
    cookie = headers["Set-Cookie"].split(";")[0]
    body = json.dumps({"rating": 2}).encode()
    for extra in [{}, {"X-Stilte-CSRF": "0" * 64}]:
        status, _, _ = request(server.origin + "/api/takes/1/reviews", "POST",
                               {"Cookie": cookie, "Content-Type": "application/json", **extra}, body)
        assert status == 403, extra
    reviews = json.loads(request(server.origin + "/api/takes/1", headers=bearer(server))[2])["reviews"]
    assert reviews == []


def test_request_size_limits(server):
    big = json.dumps({"comment": "x" * 20_000}).encode()
    status, _, _ = request(server.origin + "/api/takes/1/reviews", "POST",
                           {**bearer(server), "Content-Type": "application/json"}, big)
    assert status == 413
    status, _, _ = request(server.origin + "/api/trainees?x=" + "a" * 3000, headers=bearer(server))
    assert status == 414


def test_recordings_only_by_take_id(server):
    for path in ["/api/takes/..%2F..%2Fstilte.sqlite/audio", "/api/takes/1%2F..%2F2/audio", "/api/takes/x/audio",
                 "/recordings/", "/assets/../stilte.sqlite"]:
        status, _, body = request(server.origin + path, headers=bearer(server))
        assert status in (400, 404), (path, status)
        assert b"SQLite format" not in body


def test_audio_answers_range_requests(server):
    status, headers, body = request(server.origin + "/api/takes/1/audio", headers={**bearer(server), "Range": "bytes=0-99"})
    assert status == 206
    assert len(body) == 100 and body[:4] == b"RIFF"
    total = int(headers["Content-Range"].split("/")[1])
    assert headers["Content-Range"] == f"bytes 0-99/{total}"
    status, headers, body = request(server.origin + "/api/takes/1/audio", headers={**bearer(server), "Range": "bytes=-10"})
    assert status == 206 and len(body) == 10
    status, headers, _ = request(server.origin + "/api/takes/1/audio", headers={**bearer(server), "Range": f"bytes={total}-"})
    assert status == 416 and headers["Content-Range"] == f"bytes */{total}"


def test_json_endpoints(server):
    trainees = json.loads(request(server.origin + "/api/trainees", headers=bearer(server))[2])
    assert [t["name"] for t in trainees] == ["anna", "bram"]
    assert trainees[0]["takes"] == 1
    takes = json.loads(request(server.origin + "/api/trainees/1/takes?reviewed=no", headers=bearer(server))[2])
    assert takes["total"] >= 0 and "takes" in takes
    detail = json.loads(request(server.origin + "/api/takes/2", headers=bearer(server))[2])
    assert detail["trainee"] == "bram"
    assert detail["scenario"]["prompt"].startswith("Ik heb met niemand")
    assert {p["label"] for p in detail["parts"]} >= {"refusal", "pause"}
    waveform = json.loads(request(server.origin + "/api/takes/2/waveform", headers=bearer(server))[2])
    assert len(waveform["high"]) == 1000 and max(waveform["high"]) > 0.05
    progress = json.loads(request(server.origin + "/api/progress", headers=bearer(server))[2])
    assert len(progress["groups"]) == 2


def test_trainer_reviews_a_take_in_the_browser(server, page):
    expect(page.locator("table.trainees")).to_contain_text("anna")
    expect(page.locator("table.trainees")).to_contain_text("bram")
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies["stilte_session"]["httpOnly"] and cookies["stilte_session"]["sameSite"] == "Strict"
    assert "token=" not in page.url

    page.click("text=anna")
    expect(page.locator("h1")).to_contain_text("anna")
    page.click("table.takes a")
    expect(page.locator("p.client")).to_contain_text("Ik heb met niemand zo prettig samengewerkt")
    expect(page.locator("p.example")).to_contain_text("ik ga het niet zelf doen")
    assert page.locator("#wave path.samples").count() == 1
    assert page.locator("#wave rect.part.pause").count() == 1
    assert page.locator("#wave #detected").count() == 1

    # Play with the space bar: the <audio> clock and the cursor move.
    page.locator("body").press(" ")
    wait_until(page, "document.getElementById('player').currentTime > 0.5")
    cursor_x = float(page.locator("#cursor").get_attribute("x1"))
    assert cursor_x > 0
    page.locator("body").press(" ")
    wait_until(page, "document.getElementById('player').paused")

    # Drag the pause end 80 px to the right.
    detected_end = float(page.locator("#pause-end").input_value())
    handle = page.locator("#handle-end").bounding_box()
    wave = page.locator("#wave").bounding_box()
    duration = float(page.locator("#take").get_attribute("data-duration"))
    start_x, y = handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2
    page.mouse.move(start_x, y)
    page.mouse.down()
    page.mouse.move(start_x + 40, y, steps=5)
    page.mouse.move(start_x + 80, y, steps=5)
    page.mouse.up()
    dragged_end = float(page.locator("#pause-end").input_value())
    assert dragged_end == pytest.approx(detected_end + 80 / wave["width"] * duration, abs=0.05)
    page.check("input[name=rating][value='4']")
    page.fill("#comment", "Mooi lang gewacht.")
    with page.expect_navigation():
        page.click("#save")

    page.reload()
    expect(page.locator("#trainer-pause")).to_contain_text(f"{dragged_end:.2f} s")
    expect(page.locator("#reviews")).to_contain_text("trainer-test")
    expect(page.locator("#reviews")).to_contain_text("Mooi lang gewacht.")
    assert page.locator("#wave #trainer").count() == 1 and page.locator("#wave #detected").count() == 1

    # The command line sees the same correction at once (same database).
    take_id = re.search(r"/takes/(\d+)", page.url).group(1)
    shown = server.stilte("review", "show", take_id)
    assert f"–{dragged_end:.2f} s" in shown and "trainer's correction" in shown, shown
    assert "trainer-test: rating 4/5" in shown


def test_keyboard_brackets_set_the_pause_at_the_cursor(server, page):
    page.goto(server.origin + "/takes/2")
    page.evaluate("() => { document.getElementById('player').currentTime = 2.0; }")
    wait_until(page, "Math.abs(document.getElementById('player').currentTime - 2.0) < 0.01")
    page.locator("body").press("[")
    assert float(page.locator("#pause-start").input_value()) == pytest.approx(2.0, abs=0.01)
    page.locator("body").press("ArrowRight")
    page.locator("body").press("]")
    assert float(page.locator("#pause-end").input_value()) == pytest.approx(3.0, abs=0.01)


def test_pages_in_dutch(server, page):
    page.goto(server.origin + "/?lang=nl")
    expect(page.locator("h1")).to_have_text("Cursisten")
    page.goto(server.origin + "/takes/2")
    expect(page.locator("#save")).to_have_text("Beoordeling opslaan")
    page.goto(server.origin + "/progress?lang=en")
    expect(page.locator("h1")).to_contain_text("Progress per trainee")
    assert page.locator("figure.panel svg").count() == 2


def test_a_cross_site_post_is_refused(server, browser):
    """A page on another origin (another port: same site, so the cookie goes along) posts a
    review with a form and with fetch: both are refused and nothing is stored."""
    attack = f"""<!DOCTYPE html><html><body>
    <form id="f" method="POST" action="{server.origin}/api/takes/2/reviews" enctype="text/plain">
    <input name='{{"rating": 1, "comment": "forged", "x": "' value='"}}'></form>
    <script>
    fetch("{server.origin}/api/takes/2/reviews", {{method: "POST", credentials: "include",
      headers: {{"Content-Type": "application/json", "X-Stilte-CSRF": "guess"}}, body: '{{"rating": 1}}'}})
      .then(r => document.title = "fetch " + r.status, e => document.title = "fetch blocked");
    </script></body></html>"""

    class Attacker(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(attack.encode())

        def log_message(self, *args):
            pass

    evil = http.server.HTTPServer(("127.0.0.1", 0), Attacker)
    threading.Thread(target=evil.serve_forever, daemon=True).start()
    try:
        context = browser.new_context()
        page = context.new_page()
        page.goto(server.url)  # the trainer is logged in
        page.goto(f"http://127.0.0.1:{evil.server_port}/")
        wait_until(page, "document.title.startsWith('fetch')")
        assert page.title() == "fetch blocked"
        with page.expect_navigation():
            page.evaluate("() => document.getElementById('f').submit()")
        assert "403" in page.content() or "Refused" in page.content()
        context.close()
    finally:
        evil.shutdown()
    detail = json.loads(request(server.origin + "/api/takes/2", headers=bearer(server))[2])
    assert all(review.get("comment") != "forged" and review.get("rating") != 1 for review in detail["reviews"])

"""End to end in a real browser (Debian's Chromium through Playwright) against a real uvicorn server.

Reports go in through the HTTP API, then a reader's path is clicked through: the story list, a story, a
citation and its source passage (with and without JavaScript), the add-reports form and its job page,
"what's new" after a story grew. Hostile report text is checked by what the browser does (a flag the
payload would set stays unset, no dialog opens), not by looking at strings. Screenshots land in
test-output/screenshots/ for people to look at.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from storyweave.web import WebSettings, create_app

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
TOKEN = "browser-test-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.slow

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
)
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")
if not CHROMIUM.exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)

HOSTILE = {
    "title": (
        "<script>window.__pwned = 'title'; alert('title')</script>Quay lights fail "
        "<img src=x onerror=\"window.__pwned='img'\">"
    ),
    "text": (
        "The harbour lights at Orrin quay failed on Friday night. "
        "<script>window.__pwned = 'text'; alert(1)</script> "
        "Engineers blamed a flooded junction box <img src=x onerror=\"window.__pwned='onerror'; alert(2)\">. "
        "Mariners were told to use the outer channel until repairs finish. "
        "<a href=\"javascript:window.__pwned='link'\">Details</a> were posted at the harbour office."
    ),
    "url": "javascript:window.__pwned='url';alert(3)",
    "source": "<b onmouseover=\"window.__pwned='outlet'\">Quay Watch</b>",
    "published": "2026-07-01",
}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    db = tmp_path_factory.mktemp("browser") / "store.sqlite"
    app = create_app(WebSettings(db=str(db), port=port, token=TOKEN, story_cache_seconds=0.0))
    instance = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        assert time.monotonic() < deadline, "the server did not start within 20 s"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=15)


def _ingest(base: str, files: list | None = None, **json_body: object) -> dict:
    with httpx.Client(base_url=base, headers=AUTH, timeout=30) as http:
        response = (
            http.post("/api/ingest/files", files=files) if files else http.post("/api/ingest", json=json_body)
        )
        assert response.status_code == 202, response.text
        job = response.json()
        deadline = time.monotonic() + 60
        while job["state"] in ("queued", "running"):
            assert time.monotonic() < deadline, job
            time.sleep(0.1)
            job = http.get(f"/api/jobs/{job['id']}").json()
    assert job["state"] == "done", job
    return job


@pytest.fixture(scope="module")
def loaded(server: str, example_files: list) -> str:
    ferry_last = [f for f in example_files if f[1][0] == "valley-wire-2026-03-22.txt"]
    _ingest(server, [f for f in example_files if f not in ferry_last])
    return server


@pytest.fixture(scope="module")
def example_files() -> list:
    examples = Path(__file__).resolve().parents[2] / "examples" / "reports"
    if not examples.is_dir():
        pytest.skip(f"the example reports are missing ({examples})")
    return [("files", (p.name, p.read_bytes())) for p in sorted(examples.iterdir()) if p.is_file()]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.dialogs = []
    opened.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    context.close()


def _shot(page: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_reader_opens_a_story_and_a_citation_shows_its_source_passage(loaded: str, page: object) -> None:
    page.goto(loaded + "/")
    assert page.locator("table.stories tbody tr").count() == 4
    _shot(page, "01-stories")
    page.locator("table.stories td.headline a", has_text="ferry").click()
    page.wait_for_selector("section.summary a.cite")
    story_url = page.url
    _shot(page, "02-story")
    cite = page.locator("section.summary a.cite").nth(1)
    target = cite.get_attribute("href").lstrip("#")
    cite.click()
    passage = page.locator(f"#{target}")
    assert passage.is_visible() and page.url == story_url  # opened in place: no navigation, no hash jump
    with httpx.Client(base_url=loaded) as http:
        story_id = story_url.rsplit("/", 1)[-1]
        index, number = (int(x) for x in target.split("-")[1:])
        expected = http.get(f"/api/stories/{story_id}/passages/{index}/{number}").json()["match"]
    assert " ".join(passage.locator("mark").inner_text().split()) == " ".join(expected.split())
    _shot(page, "03-passage")
    page.keyboard.press("Escape")
    assert not passage.is_visible()


def test_citations_work_without_javascript(loaded: str, browser: object) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(loaded + "/?q=ferry")
        page.locator("table.stories a").first.click()
        cite = page.locator("section.summary a.cite").first
        target = cite.get_attribute("href").lstrip("#")
        assert not page.locator(f"#{target}").is_visible()
        cite.click()
        assert page.locator(f"#{target}").is_visible()  # CSS :target shows it, same page
        _shot(page, "04-passage-no-js")
    finally:
        context.close()


def test_hostile_report_text_stays_inert(loaded: str, page: object) -> None:
    _ingest(loaded, jsonl=json.dumps(HOSTILE))
    page.goto(loaded + "/?q=harbour+lights")
    link = page.locator("table.stories td.headline a").first
    assert "<script>" in link.inner_text()  # shown as the text it is
    link.click()
    page.wait_for_selector("section.summary")
    for cite in page.locator("section.summary a.cite").all():
        cite.click()
    page.locator(".sources li").first.hover()
    page.locator("body").click(position={"x": 5, "y": 5})
    _shot(page, "05-hostile-report")
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == []
    assert page.locator(".sources a[href^='javascript']").count() == 0
    assert page.locator("section.summary img, section.summary script").count() == 0


def test_add_reports_form_shows_progress_and_url_failure(loaded: str, page: object) -> None:
    page.goto(loaded + "/add")
    page.fill("input[name=token]", TOKEN)
    page.get_by_role("button", name="Sign in").click()
    page.fill(
        "textarea[name=text]",
        "Ferry service resumes on Lake Orrin\n\nKELLHAVEN, March 30, 2026 (Valley Wire Service) – "
        "The lake ferry service resumed on Monday, a week after the capsizing that killed twelve people.",
    )
    page.fill("textarea[name=urls]", "https://news.example.invalid/ferry-resumes")
    page.get_by_role("button", name="Add reports").click()
    page.wait_for_selector("#job[data-active=false]", timeout=60_000)
    assert page.locator(".state").inner_text().lower() == "done"
    failures = page.locator("ul.failures li")
    assert failures.count() == 1 and "news.example.invalid" in failures.first.inner_text()
    _shot(page, "06-job-done")


def test_whats_new_marks_sources_added_since_the_last_visit(loaded: str, page: object, example_files) -> None:
    page.goto(loaded + "/?q=ferry+capsized")
    page.locator("table.stories td.headline a").first.click()
    page.wait_for_selector(".sources li")
    follow = page.locator("p.follow a").get_attribute("href")
    before = page.locator(".sources li").count()
    _ingest(loaded, [f for f in example_files if f[1][0] == "valley-wire-2026-03-22.txt"])
    page.goto(loaded + follow.split("?")[0])  # the stable link, without ?since=: JavaScript remembers
    page.wait_for_selector("#js-whats-new:not([hidden])")
    after = page.locator(".sources li").count()
    assert after > before  # the story grew (re-clustering may also pull in reports added earlier)
    assert page.locator(".sources li.is-new").count() == after - before
    _shot(page, "07-whats-new")
    page.goto(loaded + follow)  # with ?since=: the server marks what was stored since, no JavaScript needed
    assert page.locator(".sources li.is-new").count() >= 1

"""The JSON API on SQLite and PostgreSQL: ingest jobs, listing, search, briefs, passages, auth, limits."""

from __future__ import annotations

import html
import json
from datetime import date

import pytest
from fastapi.testclient import TestClient


def test_ingest_job_reports_progress_and_stories_come_newest_first(loaded: TestClient) -> None:
    listing = loaded.get("/api/stories").json()
    assert listing["total"] == 4
    lasts = [date.fromisoformat(s["last_published"]) for s in listing["stories"]]
    assert lasts == sorted(lasts, reverse=True)
    ferry = next(s for s in listing["stories"] if "ferry" in s["headline"].lower())
    assert ferry["sources"] == 4 and ferry["reports"] == 4
    assert "Northshore Radio News" in ferry["outlets"]
    warehouse = next(s for s in listing["stories"] if "Brannock" in s["headline"])
    assert warehouse["reports"] == warehouse["sources"] + 1  # a syndicated copy folded into one source


def test_search_by_words_phrase_dates_and_outlet(loaded: TestClient) -> None:
    def ids(**params: str) -> list[str]:
        return [s["headline"] for s in loaded.get("/api/stories", params=params).json()["stories"]]

    assert ids(q="capsized ferry") == ["Twelve dead after ferry capsizes in storm on Lake Orrin"]
    assert len(ids(q='"Brannock Wharf"')) == 1
    assert ids(q='"Wharf Brannock"') == []
    assert ids(q="zeppelin") == []
    assert all("2026-02" not in h for h in ids(since="2026-03-01"))
    assert ids(until="2026-02-28") == ["Fire guts harbour warehouse at Brannock Wharf"]
    assert ids(outlet="northshore radio NEWS") == ["Twelve dead after ferry capsizes in storm on Lake Orrin"]
    assert loaded.get("/api/stories", params={"since": "yesterday"}).status_code == 422
    assert loaded.get("/api/stories", params={"limit": 1}).json()["total"] == 4
    assert "Ardmoor Herald" in loaded.get("/api/outlets").json()


def test_story_brief_cites_passages_found_in_each_source(loaded: TestClient) -> None:
    story_id = loaded.get("/api/stories", params={"q": "ferry"}).json()["stories"][0]["id"]
    body = loaded.get(f"/api/stories/{story_id}").json()
    brief = body["brief"]
    assert brief["story_id"] == story_id and brief["summary"]
    cited = {(i, n) for i, s in enumerate(brief["summary"]) for n in s["sources"]}
    passages = {(p["sentence_index"], p["source_number"]): p for p in body["passages"]}
    assert set(passages) == cited
    for (index, _number), passage in passages.items():
        sentence = brief["summary"][index]["text"]
        if passage["exact"]:
            assert passage["match"].strip() == sentence.strip()
        else:
            assert 0 < passage["overlap"] <= 1
    index, number = next(iter(sorted(cited)))
    one = loaded.get(f"/api/stories/{story_id}/passages/{index}/{number}").json()
    assert one == passages[(index, number)]
    assert loaded.get(f"/api/stories/{story_id}/passages/{index}/99").status_code == 404
    assert body["brief"]["claims"] == [] or isinstance(body["brief"]["claims"], list)


def test_whats_new_follows_a_story_that_grew(client: TestClient, auth: dict, example_uploads, finish) -> None:
    ferry = [f for f in example_uploads if "2026-03-2" in f[1][0] or f[1][0].startswith("northshore")]
    first, later = ferry[:-1], ferry[-1:]
    finish(client, client.post("/api/ingest/files", files=first, headers=auth).json())
    story = client.get("/api/stories", params={"q": "ferry"}).json()["stories"][0]
    seen = client.get(f"/api/stories/{story['id']}").json()
    mark = seen["mark"]
    anchor = seen["brief"]["sources"][0]["article_id"]
    assert seen["new"] == {"since": None, "sources": [], "sentences": []}

    status = finish(client, client.post("/api/ingest/files", files=later, headers=auth).json())
    assert status["added"] == 1
    grown = client.get(f"/api/articles/{anchor}/story").json()
    assert grown["id"] != story["id"] and grown["sources"] == story["sources"] + 1
    body = client.get(f"/api/stories/{grown['id']}", params={"since": mark}).json()
    new_ids = {s["article_id"] for s in body["brief"]["sources"] if s["number"] in body["new"]["sources"]}
    old_ids = {s["article_id"] for s in seen["brief"]["sources"]}
    assert len(new_ids) == 1 and not new_ids & old_ids
    for index in body["new"]["sentences"]:
        assert body["brief"]["summary"][index]["article_id"] in new_ids
    assert body["mark"] == mark + 1
    assert client.get(f"/api/stories/{story['id']}").status_code == 404  # the old id is gone, with a hint


def test_json_ingest_of_pasted_text_and_json_lines(client: TestClient, auth: dict, finish) -> None:
    record = {
        "title": "Bridge closed after barge strike",
        "text": "A barge struck the Orrin river bridge on Monday. Engineers closed the bridge for checks.",
        "source": "Test Wire",
        "published": "2026-06-01",
        "url": "https://example.org/barge",
    }
    body = {
        "texts": ["Tram line reopens\n\nThe tram line reopened on Friday after repairs."],
        "jsonl": json.dumps(record),
    }
    status = finish(client, client.post("/api/ingest", json=body, headers=auth).json())
    assert (status["state"], status["read"], status["added"], status["failures"]) == ("done", 2, 2, [])
    headlines = {s["headline"] for s in client.get("/api/stories").json()["stories"]}
    assert {"Bridge closed after barge strike", "Tram line reopens"} <= headlines


@pytest.mark.parametrize(
    "body",
    [
        '{"texts": ["\\ud800 a report"]}',
        '{"jsonl": "\\udc00"}',
        '{"urls": ["https://example.org/\\udc00"]}',
    ],
)
def test_a_lone_surrogate_is_refused_before_any_job(client: TestClient, auth: dict, body: str) -> None:
    headers = {**auth, "Content-Type": "application/json"}
    refused = client.post("/api/ingest", content=body.encode(), headers=headers)
    assert refused.status_code == 422 and "lone surrogate" in refused.text


def test_writes_need_the_token_and_reads_are_open_by_default(client: TestClient, auth: dict) -> None:
    payload = {"texts": ["Some report text that is long enough to be a report."]}
    assert client.post("/api/ingest", json=payload).status_code == 401
    wrong = {"Authorization": "Bearer not-the-token-at-all"}
    refused = client.post("/api/ingest", json=payload, headers=wrong)
    assert refused.status_code == 401 and "token" in refused.json()["detail"]
    assert client.get("/api/stories").status_code == 200
    assert client.post("/api/ingest", json=payload, headers=auth).status_code == 202


def test_token_protected_reads(sqlite_url: str, make_client, auth: dict) -> None:
    with make_client(sqlite_url, open_reads=False) as closed:
        assert closed.get("/api/stories").status_code == 401
        assert closed.get("/api/stories", headers=auth).status_code == 200
        page = closed.get("/", follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"].startswith("/login")
        assert closed.get("/api/health").status_code == 200


def test_urls_pass_to_the_readers_and_a_failure_is_reported(client: TestClient, auth: dict, finish) -> None:
    url = "https://news.example.invalid/report-1"
    status = finish(client, client.post("/api/ingest", json={"urls": [url]}, headers=auth).json())
    assert status["state"] == "done" and status["read"] == 0
    assert [f["input"] for f in status["failures"]] == [url] and status["failures"][0]["reason"]


def test_only_web_addresses_are_accepted_as_urls(client: TestClient, auth: dict) -> None:
    for given in ("file:///etc/passwd", "/etc/passwd", "javascript:alert(1)", "ftp://example.org/x"):
        response = client.post("/api/ingest", json={"urls": [given]}, headers=auth)
        assert response.status_code == 422, given
        assert "http" in response.json()["detail"]
    assert client.post("/api/ingest", json={}, headers=auth).status_code == 422  # nothing to add


def test_request_body_limit(sqlite_url: str, make_client, auth: dict) -> None:
    with make_client(sqlite_url, max_upload_bytes=4096) as small:
        big = [("files", ("big.txt", b"word " * 2000))]
        response = small.post("/api/ingest/files", files=big, headers=auth)
        assert response.status_code == 413
        assert "4,096 bytes" in response.json()["detail"]
        assert (
            small.post("/api/ingest", json={"texts": ["short report text"]}, headers=auth).status_code == 202
        )


def test_every_response_carries_a_strict_content_security_policy(loaded: TestClient) -> None:
    for path in ("/", "/api/stories", "/add", "/nowhere"):
        headers = loaded.get(path, follow_redirects=False).headers
        policy = headers["content-security-policy"]
        assert "script-src 'self';" in policy and "unsafe-inline" not in policy
        assert headers["x-content-type-options"] == "nosniff"
    docs = loaded.get("/docs")
    assert docs.status_code == 200 and "'sha256-" in docs.headers["content-security-policy"]
    paths = loaded.get("/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/stories/{story_id}", "/api/ingest", "/api/jobs/{job_id}"} <= set(paths)


def test_unknown_story_and_job(client: TestClient) -> None:
    assert "re-clustered" in client.get("/stories/abc").text and client.get("/stories/abc").status_code == 404
    missing = client.get("/api/stories/abc")
    assert missing.status_code == 404 and "/api/stories" in missing.json()["detail"]
    assert client.get("/api/jobs/nope").status_code == 404


def test_browser_sign_in_and_add_form(client: TestClient, token: str) -> None:
    assert client.get("/add", follow_redirects=False).headers["location"] == "/login?next=/add"
    refused = client.post("/login", data={"token": "wrong-wrong-wrong", "next": "/add"})
    assert refused.status_code == 401
    signed = client.post("/login", data={"token": token, "next": "//evil.example"}, follow_redirects=False)
    assert signed.status_code == 303 and signed.headers["location"] == "/"  # no open redirect
    form = {"text": "Harbour ferry timetable changes\n\nThe summer timetable starts on Monday."}
    cross = client.post("/add", data=form, headers={"Sec-Fetch-Site": "cross-site"}, follow_redirects=False)
    assert cross.headers["location"].startswith("/login")  # the cookie alone does not authorise it
    added = client.post("/add", data=form, headers={"Sec-Fetch-Site": "same-origin"}, follow_redirects=False)
    assert added.status_code == 303 and added.headers["location"].startswith("/jobs/")
    page = client.get(added.headers["location"])
    assert page.status_code == 200 and "Adding reports" in page.text
    bad = client.post("/add", data={"urls": "file:///etc/passwd"}, headers={"Sec-Fetch-Site": "same-origin"})
    assert bad.status_code == 422 and "not an http" in bad.text


def test_story_page_words_certainty_as_the_brief_does(loaded: TestClient) -> None:
    """The page shows "hedged: reportedly, may" like the Markdown and HTML briefs, not the bare label."""
    hedged = 0
    for story in loaded.get("/api/stories").json()["stories"]:
        brief = loaded.get(f"/api/stories/{story['id']}").json()["brief"]
        page = loaded.get(f"/stories/{story['id']}").text
        for claim in brief["claims"]:
            if claim["hedges"]:
                wording = f"{claim['certainty']}: {', '.join(claim['hedges'])}"
                assert f">{html.escape(wording, quote=False)}</span>" in page
                hedged += 1
    assert hedged, "the example reports should give at least one hedged claim"


def test_story_page_counts_sources_and_outlets_as_the_files_do(loaded: TestClient) -> None:
    ferry = next(s for s in loaded.get("/api/stories").json()["stories"] if "ferry" in s["headline"].lower())
    page = loaded.get(f"/stories/{ferry['id']}")
    assert page.status_code == 200
    assert "· 4 sources · 4 outlets ·" in " ".join(page.text.split())

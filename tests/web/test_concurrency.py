"""Two writers adding overlapping reports through the API at the same moment: nothing lost, nothing twice.

Both stores. Jobs of one server run one at a time, so each re-clustering sees every article stored before
it; the test checks the outcome a reader relies on, not the mechanism.
"""

from __future__ import annotations

import threading
from collections import Counter

from fastapi.testclient import TestClient


def test_two_concurrent_writers_lose_nothing_and_duplicate_nothing(
    client: TestClient, auth: dict, example_uploads: list, finish
) -> None:
    half = len(example_uploads) // 2
    batches = [example_uploads[: half + 2], example_uploads[half - 2 :]]  # four files sent by both
    start = threading.Barrier(len(batches))
    jobs: list[dict] = []
    errors: list[BaseException] = []

    def write(files: list) -> None:
        try:
            start.wait(timeout=10)
            response = client.post("/api/ingest/files", files=files, headers=auth)
            assert response.status_code == 202, response.text
            jobs.append(response.json())
        except BaseException as exc:  # surfaced in the main thread below
            errors.append(exc)

    writers = [threading.Thread(target=write, args=(files,)) for files in batches]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=60)
    assert not errors, errors
    statuses = [finish(client, job) for job in jobs]
    assert all(s["state"] == "done" and not s["failures"] for s in statuses), statuses

    store = client.app.state.store
    stored = [article.id for article in store.articles()]
    assert len(stored) == len(set(stored)) == 12  # the example reports hold 12 distinct articles
    assert sum(s["added"] for s in statuses) == 12
    assert sum(s["read"] for s in statuses) == sum(s["added"] + s["existing"] for s in statuses)

    in_stories = Counter(
        article.id
        for story in store.stories()
        for article in (*story.articles, *(c for copies in story.duplicates.values() for c in copies))
    )
    assert set(in_stories) == set(stored) and set(in_stories.values()) == {1}
    listed = client.get("/api/stories").json()
    assert sum(s["reports"] for s in listed["stories"]) == 12

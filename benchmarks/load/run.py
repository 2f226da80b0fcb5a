"""Loopback load test of the read API: requests/s, p50/p99 latency and errors per endpoint, as Markdown.

    python benchmarks/load/run.py --clients 8 --requests 40 --runs 3

Starts `storyweave.web.serve` in a child process on a free 127.0.0.1 port over a fresh SQLite store,
adds the example reports through the API (the token goes by environment), then for each endpoint runs
CLIENTS concurrent httpx async clients making REQUESTS requests each. Every figure is the median over
RUNS. The peer is /api/health (one COUNT query, no story work): the ratio column compares each read
with that floor, on the same server in the same run. Bounded in count and in time (--max-seconds stops
a run early and says so); nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "reports"
HOST = "127.0.0.1"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _start_server(db: Path, port: int, token: str) -> subprocess.Popen[bytes]:
    code = (
        "from storyweave.web import WebSettings, serve; import sys; "
        "serve(WebSettings(db=sys.argv[1], host='127.0.0.1', port=int(sys.argv[2])))"
    )
    env = {**os.environ, "STORYWEAVE_TOKEN": token}
    return subprocess.Popen(
        [sys.executable, "-c", code, str(db), str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_ready(base: str, server: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(
                f"the server exited early:\n{server.stderr.read().decode() if server.stderr else ''}"
            )
        try:
            if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit(f"the server at {base} did not answer within {timeout:.0f} s")


def _load_examples(base: str, token: str) -> list[str]:
    files = [("files", (p.name, p.read_bytes())) for p in sorted(EXAMPLES.iterdir()) if p.is_file()]
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=60) as http:
        job = http.post("/api/ingest/files", files=files).raise_for_status().json()
        while job["state"] in ("queued", "running"):
            time.sleep(0.2)
            job = http.get(f"/api/jobs/{job['id']}").raise_for_status().json()
        if job["state"] != "done":
            raise SystemExit(f"ingesting the examples failed: {job}")
        return [s["id"] for s in http.get("/api/stories").raise_for_status().json()["stories"]]


async def _hammer(base: str, path: str, clients: int, requests: int, deadline: float) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0

    async def client() -> None:
        nonlocal errors
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            for _ in range(requests):
                if time.monotonic() > deadline:
                    return
                started = time.perf_counter()
                try:
                    response = await http.get(path)
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - started)
                errors += not ok

    began = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    elapsed = time.perf_counter() - began
    ordered = sorted(latencies)

    def quantile(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else float("nan")

    return {
        "count": len(ordered),
        "rps": len(ordered) / elapsed,
        "p50": quantile(0.5),
        "p99": quantile(0.99),
        "errors": errors,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=40, help="requests per client per endpoint")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--max-seconds", type=float, default=120.0, help="stop the whole test after this")
    args = parser.parse_args()
    if not (1 <= args.clients <= 64 and 1 <= args.requests <= 1000 and 1 <= args.runs <= 10):
        parser.error("keep it bounded: 1-64 clients, 1-1000 requests each, 1-10 runs")

    token = secrets.token_urlsafe(24)
    port = _free_port()
    base = f"http://{HOST}:{port}"
    with tempfile.TemporaryDirectory(prefix="storyweave-load-") as scratch:
        server = _start_server(Path(scratch) / "store.sqlite", port, token)
        try:
            _wait_ready(base, server)
            story_ids = _load_examples(base, token)
            story = story_ids[0]
            endpoints = {
                "GET /api/health (peer)": "/api/health",
                "GET /api/stories": "/api/stories",
                "GET /api/stories?q=fire": "/api/stories?q=fire",
                "GET /api/stories/{id}": f"/api/stories/{story}",
                "GET /api/stories/{id}/passages/0/1": f"/api/stories/{story}/passages/0/1",
                "GET / (HTML)": "/",
                "GET /stories/{id} (HTML)": f"/stories/{story}",
            }
            deadline = time.monotonic() + args.max_seconds
            results: dict[str, list[dict[str, float]]] = {name: [] for name in endpoints}
            for _ in range(args.runs):
                for name, path in endpoints.items():
                    results[name].append(
                        asyncio.run(_hammer(base, path, args.clients, args.requests, deadline))
                    )
            cut_short = time.monotonic() > deadline
        finally:
            server.terminate()
            server.wait(timeout=20)

    floor = statistics.median(r["rps"] for r in results["GET /api/health (peer)"])
    print(
        f"Loopback load test: {args.clients} clients x {args.requests} requests per endpoint, "
        f"median of {args.runs} runs, {len(story_ids)} stories, {os.cpu_count()} CPUs"
        + (" (CUT SHORT by --max-seconds)" if cut_short else "")
    )
    print()
    print("| endpoint | requests | req/s | vs health | p50 ms | p99 ms | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, runs in results.items():
        rps = statistics.median(r["rps"] for r in runs)
        print(
            f"| {name} | {sum(int(r['count']) for r in runs)} | {rps:.0f} | {rps / floor:.2f} | "
            f"{statistics.median(r['p50'] for r in runs):.1f} | "
            f"{statistics.median(r['p99'] for r in runs):.1f} | "
            f"{sum(int(r['errors']) for r in runs)} |"
        )


if __name__ == "__main__":
    main()

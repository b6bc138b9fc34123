"""Header floods against a real `portal serve`: the server's memory and `/healthz` meanwhile.

Issue 13, follow-up: uvicorn's httptools protocol read any header to its end; four connections
streaming 300 MB headers took the server from 266 MB to 1.5 GB, and a 120 MB header slowed
`/healthz` to 1.7-3 s. This script starts the portal on a fresh SQLite database, opens
``--connections`` threads that each stream a request whose one header grows to ``--megabytes``
(64 KiB writes, as fast as the server reads) and, when the server answers or closes, open the
next connection and start again, for ``--seconds``; meanwhile it asks `/healthz` every 100 ms
and samples the server's resident memory every 20 ms.

    python -m bench.headers [--connections 4] [--megabytes 300] [--seconds 10] [--head-bytes N]

``--head-bytes`` sets `PORTAL_MAX_REQUEST_HEAD_BYTES`; a value above the header's size shows
what the server did before the limit (it reads the whole header).
"""

from __future__ import annotations

import argparse
import select
import socket
import statistics
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench.common import DATA_DIR
from bench.load import Server, bare_portal, wait_ready
from bench.token_bomb import memory

CHUNK = b"a" * 65_536


@dataclass
class Stream:
    attempts: int = 0
    sent: int = 0
    answers: Counter[str] = field(default_factory=Counter)


def start(data_dir: Path, head_bytes: int | None) -> Server:
    limit = {} if head_bytes is None else {"PORTAL_MAX_REQUEST_HEAD_BYTES": str(head_bytes)}
    return bare_portal("portal-headers", data_dir, PORTAL_LOG_LEVEL="ERROR", **limit)


def flood(port: int, size: int, until: float, result: Stream) -> None:
    """Requests whose `X-A` header is ``size`` bytes, one connection after another until
    ``until`` (at least one): each streams until the server answers or closes."""
    while result.attempts == 0 or time.monotonic() < until:
        result.attempts += 1
        with socket.create_connection(("127.0.0.1", port), timeout=600) as sock:
            try:
                sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: ")
                sent = 0
                while sent < size:
                    if select.select([sock], [], [], 0)[0]:
                        break  # the server answered before the header ended
                    sock.sendall(CHUNK)
                    sent += len(CHUNK)
                else:
                    sock.sendall(b"\r\n\r\n")
                answer = sock.recv(200).split(b"\r\n", 1)[0].decode() or "closed"
            except OSError as error:
                answer = type(error).__name__
            result.sent += sent
            result.answers[answer] += 1


def sample_memory(server: Server, until: threading.Event, rss: list[int]) -> None:
    while not until.is_set():
        rss.append(memory(server.pid)["VmRSS"])
        time.sleep(0.02)


def check_health(server: Server, until: threading.Event, health: list[float]) -> None:
    """`/healthz` every 100 ms, in milliseconds (a failed one counts as infinite)."""
    with httpx.Client(base_url=server.base, timeout=60) as client:
        while not until.is_set():
            begun = time.perf_counter()
            try:
                client.get("/healthz").raise_for_status()
                health.append((time.perf_counter() - begun) * 1000)
            except httpx.HTTPError:
                health.append(float("inf"))
            until.wait(0.1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--megabytes", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--head-bytes", type=int, default=None)
    args = parser.parse_args()
    server = start(DATA_DIR / "headers", args.head_bytes)
    try:
        wait_ready(server, "/readyz")
        port = int(server.base.rsplit(":", 1)[1])
        with httpx.Client(base_url=server.base) as client:
            for _ in range(20):  # warm up
                client.get("/healthz")
        before = memory(server.pid)
        streams = [Stream() for _ in range(args.connections)]
        size, until = args.megabytes * 1_048_576, time.monotonic() + args.seconds
        floods = [threading.Thread(target=flood, args=(port, size, until, s)) for s in streams]
        done, rss, health = threading.Event(), [before["VmRSS"]], []
        watchers = [
            threading.Thread(target=sample_memory, args=(server, done, rss)),
            threading.Thread(target=check_health, args=(server, done, health)),
        ]
        for thread in watchers:
            thread.start()
        time.sleep(0.5)  # /healthz and memory before the floods, for comparison
        started = time.perf_counter()
        for thread in floods:
            thread.start()
        for thread in floods:
            thread.join()
        elapsed = time.perf_counter() - started
        done.set()
        for thread in watchers:
            thread.join()
        time.sleep(1)
        after = memory(server.pid)
    finally:
        server.stop()
    for n, stream in enumerate(streams, 1):
        print(
            f"connection {n}: {stream.attempts} requests, "
            f"{stream.sent / 1_048_576:,.1f} MB handed to the socket; "
            + ", ".join(f"{count} x {answer!r}" for answer, count in stream.answers.items())
        )
    p50 = statistics.median(health) if health else float("nan")
    slowest = max(health, default=0.0)
    print(
        f"{args.connections} connections flooding {args.megabytes} MB headers for {elapsed:.1f} s; "
        f"server RSS {before['VmRSS'] / 1024:.0f} MB before (peak so far "
        f"{before['VmHWM'] / 1024:.0f} MB), {max(rss) / 1024:.0f} MB at most while they ran, "
        f"{after['VmRSS'] / 1024:.0f} MB after (peak {after['VmHWM'] / 1024:.0f} MB); "
        f"/healthz every 100 ms ({len(health)}x): p50 {p50:.1f} ms, max {slowest:.1f} ms",
        flush=True,
    )


if __name__ == "__main__":
    main()

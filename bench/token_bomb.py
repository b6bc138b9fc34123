"""Token bombs against a real `portal serve`: per-request latency and the server's memory.

Issue 13 F2: `{"query": "{ " + "__typename " * 95000 + "aN: __typename }"}` (about 1 MB, N
varying) took 1.2-2.5 s to refuse and grew the server to 600+ MB. This script starts the portal
on a fresh SQLite database (the bombs never reach the database), reads its resident memory,
sends the bombs one after another over one keep-alive connection, checks every answer is the
refusal it expects, and reads the memory again. Targets: every refusal under 50 ms, RSS flat.

    python -m bench.token_bomb [--requests 1000] [--kind size|tokens|repeats|all]

`size`: the review's 1 MB document, refused by `PORTAL_GRAPHQL_MAX_QUERY_BYTES` before it is
lexed. `tokens`: documents just under that size (64 KB) of tokens, refused by the lexer pass at
`PORTAL_GRAPHQL_MAX_TOKENS`, the path a bomb takes when it fits the size limit. `repeats`: 745
`viewer{kind}` (9.7 KB, under both), refused by `PORTAL_GRAPHQL_MAX_FIELD_COMPARISONS` before
validation's overlap rule (about a second per request without it).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import httpx

from bench.common import DATA_DIR
from bench.load import Server, bare_portal, wait_ready

EXPECTED = {
    "size": "QUERY_TOO_LARGE",
    "tokens": "TOKEN_LIMIT_EXCEEDED",
    "repeats": "FIELD_COMPARISON_LIMIT_EXCEEDED",
}


def bomb(kind: str, n: int) -> bytes:
    if kind == "size":
        query = "{ " + "__typename " * 95_000 + f"a{n}: __typename }}"
    elif kind == "repeats":
        query = "{ " + "viewer{kind} " * 744 + f"a{n}: viewer{{kind}} }}"
    else:
        query = "{ " + "__typename " * 5_900 + f"a{n}: __typename }}"
    return b'{"query": "' + query.encode() + b'"}'


def memory(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak) of the process, in kB."""
    fields: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0])
    return fields


def start(data_dir: Path) -> Server:
    return bare_portal("portal-token-bomb", data_dir)


def run(server: Server, kind: str, requests: int) -> dict[str, float]:
    headers = {"content-type": "application/json"}
    latencies: list[float] = []
    with httpx.Client(base_url=server.base, timeout=60) as client:
        for _ in range(20):  # warm up: imports, first-request caches
            client.post("/graphql", json={"query": "{ __typename }"})
        before = memory(server.pid)
        for n in range(requests):
            body = bomb(kind, n)
            started = time.perf_counter()
            response = client.post("/graphql", content=body, headers=headers)
            latencies.append((time.perf_counter() - started) * 1000)
            codes = [e["extensions"]["code"] for e in response.json()["errors"]]
            if response.status_code != 400 or codes != [EXPECTED[kind]]:
                raise SystemExit(f"request {n}: HTTP {response.status_code} {codes}")
        after = memory(server.pid)
    ms = sorted(latencies)
    q = statistics.quantiles(ms, n=100)
    return {
        "bytes": len(bomb(kind, requests)),
        "p50": q[49],
        "p95": q[94],
        "p99": q[98],
        "max": ms[-1],
        "rss_before": before["VmRSS"] / 1024,
        "rss_after": after["VmRSS"] / 1024,
        "peak": after["VmHWM"] / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--kind", choices=[*EXPECTED, "all"], default="all")
    args = parser.parse_args()
    server = start(DATA_DIR / "token_bomb")
    try:
        wait_ready(server, "/readyz")
        for kind in list(EXPECTED) if args.kind == "all" else [args.kind]:
            r = run(server, kind, args.requests)
            print(
                f"{kind}: {args.requests} x {r['bytes']:,} bytes, refused {EXPECTED[kind]}; "
                f"latency p50 {r['p50']:.1f} ms, p95 {r['p95']:.1f} ms, p99 {r['p99']:.1f} ms, "
                f"max {r['max']:.1f} ms; server RSS {r['rss_before']:.0f} MB before, "
                f"{r['rss_after']:.0f} MB after (peak {r['peak']:.0f} MB)",
                flush=True,
            )
    finally:
        server.stop()


if __name__ == "__main__":
    main()

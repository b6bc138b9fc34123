"""Uploads and downloads of large documents through `portal serve`: throughput and the server's
peak memory, on each storage backend. Streaming means the peak stays flat as files grow.

    python -m bench.casefiles [--mb 20] [--rounds 3] [--storage local|database]

Runs the demo in a temporary data directory on SQLite (or on `PORTAL_DATABASE_URL` if set).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx

ROOT = Path(__file__).resolve().parent.parent
LOGIN = "mutation L($i: LoginInput!) { login(input: $i) { accessToken } }"
CASES = "{ cases(first: 50) { edges { node { id stage } } } }"
UPLOAD = (
    "mutation U($input: UploadDocumentInput!) { uploadDocument(input: $input) { "
    "document { downloadLink { url } } userErrors { code } } }"
)
DEMO = {"email": "maria@consumer.example", "password": "parley-demo-2026"}


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--storage", default="local", choices=["local", "database"])
    args = parser.parse_args()
    content = b"Statement line of a long dispute file, repeated to size.\n" * (
        args.mb * 1024 * 1024 // 57
    )
    with tempfile.TemporaryDirectory() as data:
        port = _port()
        env = {
            **os.environ,
            "PORTAL_DATA_DIR": data,
            "PORTAL_PORT": str(port),
            "PORTAL_DOCUMENT_STORAGE": args.storage,
            "PORTAL_LOG_LEVEL": "WARNING",
        }
        subprocess.run(
            [sys.executable, "-m", "portal.cli", "demo"],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        server = subprocess.Popen([sys.executable, "-m", "portal.cli", "serve"], env=env, cwd=ROOT)
        base = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(base_url=base, timeout=120) as http:
                deadline = time.monotonic() + 30
                while time.monotonic() < deadline:
                    try:
                        if http.get("/readyz").status_code == 200:
                            break
                    except httpx.TransportError:
                        pass
                    time.sleep(0.2)
                idle = _peak_rss_mb(server.pid)
                token = http.post(
                    "/graphql", json={"query": LOGIN, "variables": {"i": DEMO}}
                ).json()["data"]["login"]["accessToken"]
                auth = {"Authorization": f"Bearer {token}"}
                cases = http.post("/graphql", json={"query": CASES}, headers=auth).json()
                case = next(
                    e["node"]["id"]
                    for e in cases["data"]["cases"]["edges"]
                    if e["node"]["stage"] not in {"CLOSED", "DECLINED", "WITHDRAWN"}
                )
                up = down = 0.0
                for _ in range(args.rounds):
                    operations = {
                        "query": UPLOAD,
                        "variables": {
                            "input": {"caseId": case, "visibility": "ALL_PARTIES", "file": None}
                        },
                    }
                    started = time.perf_counter()
                    response = http.post(
                        "/graphql",
                        data={
                            "operations": json.dumps(operations),
                            "map": '{"0": ["variables.input.file"]}',
                        },
                        files={"0": ("statement.txt", content, "text/plain")},
                        headers={**auth, "GraphQL-Require-Preflight": "1"},
                    )
                    up += time.perf_counter() - started
                    url = response.json()["data"]["uploadDocument"]["document"]["downloadLink"][
                        "url"
                    ]
                    started = time.perf_counter()
                    with http.stream("GET", urlsplit(url).path, headers=auth) as body:
                        size = sum(len(chunk) for chunk in body.iter_bytes())
                    down += time.perf_counter() - started
                    assert size == len(content)
                total = args.mb * args.rounds
                peak = _peak_rss_mb(server.pid)
                print(
                    f"{args.storage}: {args.rounds} x {args.mb} MB; upload {total / up:.0f} MB/s, "
                    f"download {total / down:.0f} MB/s; server peak RSS {peak:.0f} MB "
                    f"(idle {idle:.0f} MB)"
                )
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()

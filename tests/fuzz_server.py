"""A live `portal serve` for the fuzz run: seeded by `portal demo`, in the development or the
production configuration, signed in as each principal (issue 13, deliverable 7)."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import orjson

from tests.live_support import free_port
from tests.process_support import portal, start, stop, wait_ready
from tests.production import production_env

DEMO_PASSWORD = "parley-demo-2026"
# Who sends each request: nobody, a consumer with cases, staff of an organisation, the admin.
PRINCIPALS: dict[str, str | None] = {
    "anonymous": None,
    "user": "maria@consumer.example",
    "agent": "agent@northwind.example",
    "admin": "admin@parley.example",
}
LOGIN = "mutation L($i: LoginInput!) { login(input: $i) { accessToken userErrors { code } } }"
# What the demo holds, to aim generated IDs and links at real objects.
DISCOVER = (
    "{ viewer { user { id } } organisations(first: 50) { edges { node { id } } } "
    "providers(first: 50) { edges { node { id slug } } } }",
    "{ complaints(first: 100) { edges { node { id } } } }",
    "{ cases(first: 40) { edges { node { id offers { id } "
    "documents(first: 5) { edges { node { id downloadLink { url } } } } "
    "messages(first: 5) { edges { node { id } } } } } } }",
)


@dataclass
class LiveServer:
    base: str
    log_path: Path
    process: subprocess.Popen[bytes]
    production: bool
    tokens: dict[str, str | None] = field(default_factory=dict)

    def alive(self) -> bool:
        return self.process.poll() is None

    def tracebacks(self) -> dict[str, str]:
        """Request id to the exception the server logged for it."""
        found: dict[str, str] = {}
        for line in self.log_path.read_text(errors="replace").splitlines():
            with contextlib.suppress(orjson.JSONDecodeError):
                entry = orjson.loads(line)
                if isinstance(entry, dict) and "exception" in entry:
                    found[str(entry.get("request_id"))] = str(entry["exception"])
        return found


@contextlib.contextmanager
def live_portal(
    data_dir: Path, database_url: str | None, *, production: bool, seed: bool = True
) -> Iterator[LiveServer]:
    """`portal demo` (always in development: it seeds), then `portal serve` on a free port in
    the chosen configuration, signed in as every principal. ``seed=False`` when the database
    holds the demo already (the suite's copy of what `portal demo` seeded)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")}
    env |= {
        "PORTAL_DATA_DIR": str(data_dir),
        "PORTAL_LOG_JSON": "true",
        "PORTAL_LOG_LEVEL": "WARNING",
        # A long run must not see its sign-ins expire (15 minutes by default).
        "PORTAL_ACCESS_TOKEN_TTL": "3600",
        # Port 9 (discard): no mail reaches a `portal mailsink` that may run on this machine.
        "PORTAL_SMTP_PORT": "9",
        # Thousands of requests from one address and a few people: the fuzzer probes inputs,
        # not the rate limits (tests/test_rate_limits.py does).
        **{
            f"PORTAL_RATE_LIMIT_{who}_{what}": str(10**9)
            for who in ("CLIENT", "PERSON", "ADDRESS")
            for what in ("POINTS", "RESTORE")
        },
    }
    if database_url:
        env["PORTAL_DATABASE_URL"] = database_url
    if seed:
        seeded = portal(env, "demo")
        assert seeded.returncode == 0, seeded.stderr
    port = free_port()
    env |= {"PORTAL_PORT": str(port), **(production_env() if production else {})}
    log_path = data_dir / f"serve-{port}.log"
    process = start(["serve"], env, log_path)
    server = LiveServer(f"http://127.0.0.1:{port}", log_path, process, production)
    try:
        wait_ready(server.base, process, log_path)
        server.tokens = {name: sign_in(server.base, email) for name, email in PRINCIPALS.items()}
        upload_document(server)
        yield server
    finally:
        stop(process)


def sign_in(base: str, email: str | None) -> str | None:
    if email is None:
        return None
    variables = {"i": {"email": email, "password": DEMO_PASSWORD}}
    response = httpx.post(f"{base}/graphql", json={"query": LOGIN, "variables": variables})
    token = response.json()["data"]["login"]["accessToken"]
    assert token, response.text
    return str(token)


@dataclass(frozen=True)
class Targets:
    """Real objects of the running server: global IDs, download link paths, provider slugs."""

    ids: tuple[str, ...]
    links: tuple[str, ...]
    slugs: tuple[str, ...]


UPLOAD = (
    "mutation U($input: UploadDocumentInput!) { uploadDocument(input: $input) { "
    "document { id } userErrors { code } } }"
)
OPEN_CASES = "{ cases(first: 50) { edges { node { id stage } } } }"


def upload_document(server: LiveServer) -> None:
    """One document on one of the user's open cases (the demo has none), so that generated
    IDs and the download handler meet a real document and real signed links."""
    headers = {"Authorization": f"Bearer {server.tokens['user']}"}
    with httpx.Client(base_url=server.base, timeout=60, headers=headers) as http:
        edges = http.post("/graphql", json={"query": OPEN_CASES}).json()["data"]["cases"]["edges"]
        case = next(
            e["node"]["id"]
            for e in edges
            if e["node"]["stage"] not in {"CLOSED", "DECLINED", "WITHDRAWN"}
        )
        variables = {"input": {"caseId": case, "visibility": "ALL_PARTIES", "file": None}}
        response = http.post(
            "/graphql",
            data={
                "operations": json.dumps({"query": UPLOAD, "variables": variables}),
                "map": '{"0": ["variables.input.file"]}',
            },
            files={"0": ("statement.txt", b"The meter was read twice.\n", "text/plain")},
            headers={"GraphQL-Require-Preflight": "1"},
        )
        assert response.json()["data"]["uploadDocument"]["document"], response.text


def discover(server: LiveServer) -> Targets:
    ids: set[str] = set()
    links: set[str] = set()
    slugs: set[str] = set()

    def walk(value: Any, key: str = "") -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str):
            {"id": ids, "url": links, "slug": slugs}.get(key, set()).add(value)

    with httpx.Client(base_url=server.base, timeout=60) as http:
        for token in server.tokens.values():
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            for query in DISCOVER:
                walk(http.post("/graphql", json={"query": query}, headers=headers).json())
    paths = {httpx.URL(link).path for link in links}
    return Targets(tuple(sorted(ids)), tuple(sorted(paths)), tuple(sorted(slugs)))

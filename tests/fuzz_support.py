"""The check every answer of the fuzz run must pass: no HTTP 5xx and no masked internal error
(issue 13, deliverable 7; QUALITY.md "Faults" 6), and the sender that keeps what came back.

Shared by tests/test_fuzz_graphql.py (bounded, in the suite) and bench/fuzz.py (5,000+
requests, development and production).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from portal.api.errors import INTERNAL
from tests.fuzz_server import PRINCIPALS, LiveServer, sign_in


@dataclass(frozen=True)
class Sent:
    """One request as sent and what came back; ``failure`` says why it is a bug, if it is."""

    request_id: str
    principal: str
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    status: int
    codes: tuple[str, ...]
    failure: str | None
    answer: str
    label: str = ""  # the generated operation's root field, or the malformed case's name

    def describe(self, traceback: str | None = None) -> str:
        """The request and its answer, shortened to fit a test report."""
        body = self.body.decode("utf-8", "backslashreplace")
        headers = {k: v[:60] for k, v in self.headers.items()}
        lines = [
            f"{self.failure}: {self.method} {_short(self.path, 200)} [{self.label}] as "
            f"{self.principal} (request {self.request_id})",
            f"  headers: {headers}",
            f"  body: {_short(body, 1500)}",
            f"  answer: {_short(self.answer, 300)}",
        ]
        if traceback:
            lines.append("  server: " + _short(traceback.strip().splitlines()[-1], 300))
        return "\n".join(lines)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


def error_codes(body: Any) -> tuple[str, ...]:
    """Every `extensions.code` of top-level errors, in a single response or a batch."""
    results = body if isinstance(body, list) else [body]
    codes = []
    for result in results:
        errors = result.get("errors") if isinstance(result, dict) else None
        for error in errors if isinstance(errors, list) else []:
            extensions = error.get("extensions") if isinstance(error, dict) else None
            codes.append(str((extensions or {}).get("code", "(no code)")))
    return tuple(codes)


def judge(response: httpx.Response) -> tuple[tuple[str, ...], str | None]:
    """The answer's error codes, and why it is a failure (a 5xx, a masked internal error)."""
    codes: tuple[str, ...] = ()
    with contextlib.suppress(ValueError):
        codes = error_codes(response.json())
    if response.status_code >= 500:
        return codes, f"HTTP {response.status_code}"
    if INTERNAL in codes:
        return codes, INTERNAL
    return codes, None


class Sender:
    """Sends requests one after another (the same order, so the same server state, every run)
    and keeps what came back."""

    def __init__(self, server: LiveServer, prefix: str) -> None:
        self.server = server
        self.prefix = prefix
        self.sent: list[Sent] = []
        # The principal's request before each refusal of its token: what ended the session.
        self.sessions_ended: list[Sent] = []
        self.last: dict[str, Sent] = {}
        # A new connection per request: a kept-alive one can be closed by the server's idle
        # timeout just as the next request goes out (the keep-alive race, seen on a loaded
        # machine as 'Server disconnected without sending a response'), which would be
        # reported as the server failing the request. A fresh connection dropped without an
        # answer still is one.
        self.http = httpx.Client(
            base_url=server.base, timeout=120, limits=httpx.Limits(max_keepalive_connections=0)
        )

    def close(self) -> None:
        self.http.close()

    def send(
        self,
        principal: str,
        method: str,
        path: str,
        *,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
        label: str = "",
    ) -> Sent:
        request_id = f"{self.prefix}-{len(self.sent):06d}"
        all_headers = {"X-Request-ID": request_id, **(headers or {})}
        token = self.server.tokens.get(principal)
        if "Authorization" in all_headers:
            token = None  # the request brings its own credentials
        elif token:
            all_headers["Authorization"] = f"Bearer {token}"
        try:
            response = self.http.request(method, path, content=body, headers=all_headers)
            codes, failure = judge(response)
            status, answer = response.status_code, response.text
        except httpx.TransportError as exc:  # the server dropped the connection or died
            codes, failure, status, answer = (), f"transport error {exc!r}", 0, ""
        sent = Sent(
            request_id,
            principal,
            method,
            path,
            all_headers,
            body,
            status,
            codes,
            failure,
            answer,
            label,
        )
        self.sent.append(sent)
        if token and status == 401 and "UNAUTHENTICATED" in codes:
            # The request ended this principal's session (a generated `logout` does, with or
            # without a refresh token): sign in again, and say which field did it.
            self.server.tokens[principal] = sign_in(self.server.base, PRINCIPALS[principal])
            self.sessions_ended.append(self.last.get(principal, sent))
        self.last[principal] = sent
        return sent

    def graphql(self, principal: str, payload: Any, label: str = "") -> Sent:
        # json, not orjson: generated variables hold integers past 64 bits.
        return self.send(
            principal,
            "POST",
            "/graphql",
            body=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
            label=label,
        )


@dataclass(frozen=True)
class KnownFailure:
    """A failure another finding of issue 13 fixes; matched on the request and the server's
    own traceback, so nothing else hides behind it."""

    finding: str
    matches: Callable[[Sent, str], bool]


def unexplained(
    sent: list[Sent], tracebacks: dict[str, str], known: tuple[KnownFailure, ...]
) -> tuple[list[Sent], dict[str, list[Sent]]]:
    """Failures no known finding explains, and the known ones grouped by finding."""
    left: list[Sent] = []
    explained: dict[str, list[Sent]] = {}
    for s in sent:
        if s.failure is None:
            continue
        traceback = tracebacks.get(s.request_id, "")
        finding = next((k.finding for k in known if k.matches(s, traceback)), None)
        if finding is None:
            left.append(s)
        else:
            explained.setdefault(finding, []).append(s)
    return left, explained

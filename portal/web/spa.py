"""The web portal (frontend/, built by Vite): its files, and index.html for client routes.

Only paths outside the server's own prefixes fall back to index.html, so a mistyped API,
download or report URL still answers 404 (or 405) rather than a page. The built files carry content
hashes in their names and are cached for a year; index.html is revalidated on every load.

The build also writes each text file compressed beside it (`x.js.br`, `x.js.gz`: Issue 16,
frontend/vite.config.ts); a browser gets the smallest one it accepts (brotli, then gzip, then the
file itself), with `Vary: Accept-Encoding`. The compressed copies are not files of their own:
asked for by name they answer 404.
"""

from __future__ import annotations

import mimetypes
import os
import stat
from pathlib import Path

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import BaseRoute, Match, Mount, Route
from starlette.staticfiles import NotModifiedResponse, StaticFiles
from starlette.types import Scope

# Paths the server answers itself; never the portal's client routes.
SERVER_PREFIXES = frozenset(
    {
        "graphql",
        "oauth",
        "files",
        "reports",
        "providers",
        "payments",
        ".well-known",
        "healthz",
        "readyz",
        "api",
        "metrics",
        "calendar",
    }
)

# The page loads nothing from elsewhere, runs no inline script and may not be framed.
# `connect-src 'self'` covers the same-origin WebSocket (CSP Level 3).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
PAGE_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "Cache-Control": "no-cache",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}
# Names carry a hash of their content (Vite): a changed file is a new name.
IMMUTABLE = "public, max-age=31536000, immutable"
# Files at the top of the build (robots.txt, favicon) keep their names: revalidated each time.
REVALIDATE = "no-cache"

# The compressed copies the build writes, best first (Issue 16: br > gzip > identity).
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))
# The types the build makes, fixed here rather than taken from the host's mime.types.
MEDIA_TYPES = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".html": "text/html",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".txt": "text/plain",
    ".ico": "image/x-icon",
    ".png": "image/png",
    ".woff2": "font/woff2",
}


class ClientRoute(Route):
    """A path of the portal's pages: never one under the server's own prefixes, so a route
    there that refuses the method still answers 405 and an unknown one 404."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] == "http" and _server_path(scope["path"]):
            return Match.NONE, {}
        return super().matches(scope)


# Pages under a server prefix, by how many segments they have: the public directory
# (`/providers`, `/providers/<slug>`, issue 14); the provider's own endpoints are deeper
# (`/providers/<slug>/callbacks`, `/providers/<slug>/answer`) and stay the server's.
CLIENT_PAGES_UNDER_PREFIX = {"providers": 2}


def _server_path(path: str) -> bool:
    parts = path.strip("/").split("/")
    if parts[0] not in SERVER_PREFIXES:
        return False
    return len(parts) > CLIENT_PAGES_UNDER_PREFIX.get(parts[0], 0)


def _source_map(path: str) -> bool:
    """Issue 13 F9-F11: source maps would hand out the portal's source; the build makes none
    (frontend/vite.config.ts), and one left in a folder is not served either."""
    return path.lower().endswith(".map")


def _encoded_copy(path: str) -> bool:
    """`x.js.br`, `x.js.gz`: the compressed form of `x.js`, served only as that file's encoding."""
    return path.lower().endswith(tuple(suffix for _, suffix in ENCODINGS))


def accepted_encodings(header: str) -> set[str]:
    """The content codings an Accept-Encoding header allows (RFC 9110 12.5.3): those listed with
    a q above 0, and through `*` any not refused by name. A q that is not a number refuses."""
    accepted: set[str] = set()
    refused: set[str] = set()
    anything = False
    for item in header.split(","):
        name, _, parameters = item.partition(";")
        coding = name.strip().lower()
        if coding == "x-gzip":
            coding = "gzip"
        if not coding:
            continue
        weight = 1.0
        for parameter in parameters.split(";"):
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value.strip())
                except ValueError:
                    weight = 0.0
        if coding == "*":
            anything = weight > 0
        elif weight > 0:
            accepted.add(coding)
        else:
            refused.add(coding)
    if anything:
        accepted |= {coding for coding, _ in ENCODINGS} - refused
    return accepted - refused


def _media_type(path: Path) -> str:
    return MEDIA_TYPES.get(path.suffix.lower()) or (
        mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    )


def _variant(path: Path, accept_encoding: str) -> tuple[Path, os.stat_result, str | None] | None:
    """The file to send for `path`: its best compressed copy the request accepts, else itself;
    None when `path` is no regular file. A copy counts only where it resolves into the folder
    the original resolves into: one that links out of the build is not followed."""
    try:
        original = path.stat()
    except OSError:
        return None
    if not stat.S_ISREG(original.st_mode):
        return None
    accepted = accepted_encodings(accept_encoding)
    for coding, suffix in ENCODINGS:
        if coding not in accepted:
            continue
        copy = path.with_name(path.name + suffix)
        try:
            if copy.resolve().parent != path.resolve().parent:
                continue
            found = copy.stat()
        except OSError:
            continue
        if stat.S_ISREG(found.st_mode):
            return copy, found, coding
    return path, original, None


def send_file(path: Path, request_headers: Headers, headers: dict[str, str]) -> Response | None:
    """`path` in the encoding the request prefers, with its type, length, validators and
    `Vary: Accept-Encoding`; 304 when the browser's copy is current; None when no such file."""
    chosen = _variant(path, request_headers.get("accept-encoding", ""))
    if chosen is None:
        return None
    file, found, coding = chosen
    extra = {**headers, "Vary": "Accept-Encoding"}
    if coding:
        extra["Content-Encoding"] = coding
    response = FileResponse(file, stat_result=found, media_type=_media_type(path), headers=extra)
    if _not_modified(response.headers, request_headers):
        return NotModifiedResponse(response.headers)
    return response


def _not_modified(response_headers: Headers, request_headers: Headers) -> bool:
    """RFC 9110 13.1.2: If-None-Match, weak comparison; each encoding has its own ETag."""
    match = request_headers.get("if-none-match")
    if match is None:
        return False
    etag = response_headers["etag"].removeprefix("W/")
    tags = {tag.strip().removeprefix("W/") for tag in match.split(",")}
    return "*" in tags or etag in tags


def _hidden(path: str) -> bool:
    """A dotfile (`./run`'s build stamp `.parley-built`, an `.env` left behind): the build
    publishes none, so none is served."""
    return any(part.startswith(".") for part in path.replace("\\", "/").split("/"))


def _not_found() -> Response:
    return Response("Not Found", status_code=404, media_type="text/plain")


def _top_level_file(root: Path, path: str) -> bool:
    """A file at the top of the build (favicon, robots.txt), never outside it. A name the
    file system refuses (too long: ENAMETOOLONG) is no file, not a server error."""
    if not path or "/" in path or "\\" in path or _hidden(path):
        return False
    try:
        candidate = (root / path).resolve()
        return candidate.parent == root and candidate.is_file()
    except OSError:
        return False


class _Assets(StaticFiles):
    """Hashed build output: immutable, so cached for a year; compressed when the browser
    accepts it. StaticFiles finds the file (and keeps the lookup inside the folder)."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        if _source_map(path) or _hidden(path) or _encoded_copy(path):
            return _not_found()
        try:
            return await super().get_response(path, scope)
        except OSError:
            # A name longer than the file system takes (ENAMETOOLONG) names no file either.
            return _not_found()

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        headers = {"Cache-Control": IMMUTABLE, "X-Content-Type-Options": "nosniff"}
        return send_file(Path(full_path), Headers(scope=scope), headers) or _not_found()


def built(folder: Path) -> bool:
    return (folder / "index.html").is_file()


def spa_routes(folder: Path) -> list[BaseRoute]:
    """`/`, `/assets/...`, top-level build files and every client route; [] when not built."""
    if not built(folder):
        return []
    root = folder.resolve()
    index = root / "index.html"

    async def page(request: Request) -> Response:
        path = request.path_params.get("path", "")
        if _source_map(path) or (_encoded_copy(path) and "/" not in path):
            return _not_found()
        if path != index.name and _top_level_file(root, path):
            headers = {"Cache-Control": REVALIDATE, "X-Content-Type-Options": "nosniff"}
            found = send_file(root / path, request.headers, headers)
        else:
            found = send_file(index, request.headers, PAGE_HEADERS)
        return found or _not_found()

    routes: list[BaseRoute] = []
    if (root / "assets").is_dir():
        routes.append(Mount("/assets", app=_Assets(directory=root / "assets"), name="assets"))
    routes += [
        Route("/", page, methods=["GET", "HEAD"]),
        ClientRoute("/{path:path}", page, methods=["GET", "HEAD"]),
    ]
    return routes

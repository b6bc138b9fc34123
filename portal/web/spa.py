"""The web portal (frontend/, built by Vite): its files, and index.html for client routes.

Only paths outside the server's own prefixes fall back to index.html, so a mistyped API,
download or report URL still answers 404 (or 405) rather than a page. The built files carry content
hashes in their names and are cached for a year; index.html is revalidated on every load.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import BaseRoute, Match, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

# Paths the server answers itself; never the portal's client routes.
SERVER_PREFIXES = frozenset(
    {
        "graphql",
        "oauth",
        "files",
        "reports",
        "providers",
        ".well-known",
        "healthz",
        "readyz",
        "api",
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


class ClientRoute(Route):
    """A path of the portal's pages: never one under the server's own prefixes, so a route
    there that refuses the method still answers 405 and an unknown one 404."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if (
            scope["type"] == "http"
            and scope["path"].lstrip("/").split("/", 1)[0] in SERVER_PREFIXES
        ):
            return Match.NONE, {}
        return super().matches(scope)


def _source_map(path: str) -> bool:
    """Issue 13 F9-F11: source maps would hand out the portal's source; the build makes none
    (frontend/vite.config.ts), and one left in a folder is not served either."""
    return path.lower().endswith(".map")


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
    """Hashed build output: immutable, so cached for a year."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        if _source_map(path) or _hidden(path):
            return _not_found()
        try:
            return await super().get_response(path, scope)
        except OSError:
            # A name longer than the file system takes (ENAMETOOLONG) names no file either.
            return _not_found()

    def file_response(self, *args: object, **kwargs: object) -> Response:
        response = super().file_response(*args, **kwargs)  # type: ignore[arg-type]
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response


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
        if _source_map(path):
            return _not_found()
        if _top_level_file(root, path):
            return FileResponse(root / path, headers={"X-Content-Type-Options": "nosniff"})
        return FileResponse(index, headers=PAGE_HEADERS, media_type="text/html")

    routes: list[BaseRoute] = []
    if (root / "assets").is_dir():
        routes.append(Mount("/assets", app=_Assets(directory=root / "assets"), name="assets"))
    routes += [
        Route("/", page, methods=["GET", "HEAD"]),
        ClientRoute("/{path:path}", page, methods=["GET", "HEAD"]),
    ]
    return routes

"""The OpenAPI 3.1 description of the HTTP endpoints beside GraphQL (issue 18, 7).

Written by hand in `openapi.yaml` beside this module (shipped in the wheel), read once, and
served as JSON at `/openapi.json`. `tests/test_openapi.py` validates it, calls every operation
it describes against a running server, and fails on a route the document leaves out.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

DOCUMENT = Path(__file__).with_name("openapi.yaml")
OPENAPI_PATH = "/openapi.json"


@functools.cache
def openapi_document() -> dict[str, Any]:
    """The document, as a dict (parsed once per process)."""
    loaded: dict[str, Any] = yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))
    return loaded


async def _openapi(request: Request) -> Response:
    return JSONResponse(openapi_document(), headers={"Cache-Control": "public, max-age=300"})


routes = [Route(OPENAPI_PATH, _openapi, methods=["GET"])]

"""The simulated card processor's service: what `CardSimulator.start` asks over HTTP when a
checkout URL is configured, for the tests (and anyone trying a plug-in's shape).

`POST /checkouts` with an `Idempotency-Key` opens a checkout, or answers with the one that key
opened before, as real processors do. ``fail_next`` answers that many requests with a 503
before doing anything; ``lose_next`` opens the checkout and then answers that many with a 503
(the answer is lost, the checkout exists); ``on_request`` runs while a request is held, to
look at what the asking side has committed meanwhile. It imports nothing from Parley.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


@dataclass
class SimulatedProcessor:
    fail_next: int = 0
    lose_next: int = 0
    refuse: bool = False
    on_request: Callable[[str], Awaitable[None]] | None = None
    opened: dict[str, dict[str, str]] = field(default_factory=dict)  # by idempotency key
    requests: int = 0


def processor_app(state: SimulatedProcessor) -> Starlette:
    async def checkouts(request: Request) -> JSONResponse:
        state.requests += 1
        key = request.headers.get("idempotency-key", "")
        if not key:
            return JSONResponse({"error": "An Idempotency-Key is required."}, 400)
        if state.on_request is not None:
            await state.on_request(key)
        if state.fail_next > 0:
            state.fail_next -= 1
            return JSONResponse({"error": "unavailable"}, 503)
        body: Any = await request.json()
        if state.refuse:
            return JSONResponse({"error": "declined", "invoice": body.get("invoice")}, 402)
        if key not in state.opened:
            reference = "sim_" + secrets.token_urlsafe(12)
            page = str(request.url.replace(path="/pay"))
            state.opened[key] = {"reference": reference, "url": f"{page}?reference={reference}"}
        if state.lose_next > 0:
            state.lose_next -= 1
            return JSONResponse({"error": "unavailable"}, 503)
        return JSONResponse(state.opened[key], 201)

    return Starlette(routes=[Route("/checkouts", checkouts, methods=["POST"])])

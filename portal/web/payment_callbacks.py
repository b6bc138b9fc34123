"""`POST /payments/{adapter}/callbacks`: a card processor's signed results (issue 20).

The body is read raw and handed to the payment adapter as received: Standard Webhooks
signatures cover those exact bytes (as for provider callbacks, portal.web.provider_callbacks).
Answers are JSON: 200 with each result and whether it was applied now (a replay is not: it
changed nothing), or the refusal's status with `{"errors": [{"message", "extensions":
{"code"}}]}`.
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from portal.fees.payments import CALLBACK_PATH, receive_callback
from portal.notifications.provider_callbacks import refusal_body
from providers.payments.contract import CallbackRefused, InboundRequest

log = logging.getLogger("portal.fees")


async def callbacks(request: Request) -> Response:
    adapter = request.path_params["adapter"]
    inbound = InboundRequest(
        headers={k.lower(): v for k, v in request.headers.items()},
        body=await request.body(),
        received_at=datetime.now(UTC),
    )
    try:
        received = await receive_callback(adapter, request.app.state.settings, inbound)
    except CallbackRefused as exc:
        # The code, never the body or a header.
        log.info("payment callback refused", extra={"adapter": adapter, "code": exc.code})
        return JSONResponse(refusal_body(exc), status_code=exc.status)
    return JSONResponse({"received": [asdict(r) for r in received]})


routes = [Route(CALLBACK_PATH, callbacks, methods=["POST"])]

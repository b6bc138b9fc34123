"""`POST /providers/{slug}/callbacks`: signed callbacks from providers' own systems.

The body is read raw and handed to the provider's adapter as received: Standard Webhooks
signatures cover those exact bytes. Answers are JSON: 200 with what was applied, or the
refusal's status with `{"errors": [{"message", "extensions": {"code"}}]}` (docs/providers.md).
"""

from __future__ import annotations

import logging
from dataclasses import asdict
from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from portal.notifications.provider_callbacks import (
    CallbackRefused,
    InboundRequest,
    receive_callback,
    refusal_body,
)

log = logging.getLogger("portal.providers")


async def callbacks(request: Request) -> Response:
    slug = request.path_params["slug"]
    inbound = InboundRequest(
        headers={k.lower(): v for k, v in request.headers.items()},
        body=await request.body(),
        received_at=datetime.now(UTC),
    )
    try:
        applied = await receive_callback(slug, inbound)
    except CallbackRefused as exc:
        # The code and the provider, never the body or a header (a signature is no secret,
        # but the payload may hold personal data).
        log.info("provider callback refused", extra={"provider": slug, "code": exc.code})
        return JSONResponse(refusal_body(exc), status_code=exc.status)
    return JSONResponse({"applied": [asdict(a) for a in applied]})


routes = [Route("/providers/{slug}/callbacks", callbacks, methods=["POST"])]

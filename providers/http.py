"""One signed POST and what its answer means, for every webhook Parley sends."""

from __future__ import annotations

import httpx

from providers.contract import DeliveryResult, DeliveryStatus


class DestinationRefused(httpx.TransportError):
    """Raised by a transport that will not connect where a URL points (an address on a private
    network): no retry changes that, so the delivery fails for good."""


async def post(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], body: bytes
) -> DeliveryResult:
    """2xx delivers; 4xx (except 408 and 429) is permanent; the rest, and no answer at all
    (connection refused, timeout), is retried."""
    try:
        response = await client.post(url, content=body, headers=headers)
    except DestinationRefused as exc:
        return DeliveryResult.permanent(str(exc))
    except httpx.HTTPError as exc:
        return DeliveryResult.retry(f"{type(exc).__name__}: {exc}")
    status = response.status_code
    detail = f"HTTP {status}"
    if 200 <= status < 300:
        return DeliveryResult(DeliveryStatus.DELIVERED, detail, status)
    if 400 <= status < 500 and status not in {408, 429}:
        return DeliveryResult(DeliveryStatus.PERMANENT, detail, status)
    return DeliveryResult(DeliveryStatus.RETRY, detail, status)

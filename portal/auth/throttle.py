"""Counting attempts per key in the database: a sliding-window counter.

Each key has one row per fixed window (`slot` = epoch seconds // window length). The estimate
for "the last `window` seconds" weighs the previous window by the part of it still inside the
sliding window (the approximation Cloudflare describes for its rate limiting): two rows per
key, whatever the rate, so an attacker hammering a limit cannot grow the table. Counting is
one conditional UPDATE (or an INSERT for a window's first hit), atomic on both databases, and
the rows live in the database so that several `portal serve` instances share the limits.
"""

from __future__ import annotations

import ipaddress
from datetime import UTC, datetime

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from portal.accounts.models import AttemptCounter

# Longest key: a prefix, an IPv6 network and a 254-character e-mail address.
MAX_KEY = 400


def address_key(host: str | None) -> str:
    """The client address a limit applies to. An IPv6 client usually holds a whole /64, so
    every address in it counts as one; an IPv4-mapped address counts as its IPv4 address."""
    if not host:
        return "unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host[:64]
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def _slot(window: int, at: datetime) -> tuple[int, float]:
    """The window's number and how far into it ``at`` is (0 to 1)."""
    seconds = at.timestamp()
    return int(seconds // window), (seconds % window) / window


async def record(key: str, window: int, at: datetime) -> None:
    """Count one attempt for ``key``."""
    slot, _ = _slot(window, at)
    key = key[:MAX_KEY]
    if await AttemptCounter.filter(key=key, slot=slot).update(hits=F("hits") + 1):
        return
    try:
        await AttemptCounter.create(
            key=key,
            slot=slot,
            hits=1,
            # Two windows on, the row no longer counts towards any estimate.
            expires_at=datetime.fromtimestamp((slot + 2) * window, UTC),
        )
    except IntegrityError:
        # Another request opened this window's row first: count on it.
        await AttemptCounter.filter(key=key, slot=slot).update(hits=F("hits") + 1)
        return
    # A new window's first hit: a good moment to drop every row that stopped counting.
    await AttemptCounter.filter(expires_at__lt=at).delete()


async def estimate(key: str, window: int, at: datetime) -> float:
    """Attempts for ``key`` in the ``window`` seconds up to ``at`` (sliding estimate)."""
    slot, into = _slot(window, at)
    rows = dict(
        await AttemptCounter.filter(key=key[:MAX_KEY], slot__in=[slot - 1, slot]).values_list(
            "slot", "hits"
        )
    )
    return float(rows.get(slot, 0)) + float(rows.get(slot - 1, 0)) * (1.0 - into)


async def allow(key: str, limit: int, window: int, at: datetime) -> bool:
    """Count an attempt and say whether it is within ``limit`` per ``window`` seconds.

    Counting first and reading after makes concurrent attempts safe: each one's estimate
    includes itself and everything counted before it, so no more than ``limit`` get through.
    A refused attempt counts too: whoever keeps knocking stays refused.
    """
    await record(key, window, at)
    return await estimate(key, window, at) <= limit

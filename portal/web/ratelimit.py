"""Rate limits in cost points: a token bucket per OAuth client, per person, per client address.

Each bucket holds up to `points` and is restored at `restore` points a second. A GraphQL
operation takes its requested cost (`portal.api.limits.Costs`, at least 1) before it
runs and gets back the difference to its actual cost once it ran; a REST report takes
`PORTAL_RATE_LIMIT_REPORT_COST`. A request that finds too few points in its bucket is refused
with `RATE_LIMITED` and the seconds until it would pass (`retryAfter`, `Retry-After`). An
operation costing more than the whole bucket runs when the bucket is full, and empties it.

Where the buckets live (docs/limits.md, "Where the buckets live"): in each process's memory,
with the budget split between `PORTAL_RATE_LIMIT_INSTANCES` serving processes. The limit
protects each process's CPU, which is what a costly query spends; no statement per request
(issue 17 counts them), no write on a read (on SQLite, every write waits for the one lock), and
the sum of the buckets never exceeds the budget, so a client balanced over the processes gets
its whole budget and one pinned to a process gets its share, never more.

The answers carry draft-ietf-httpapi-ratelimit-headers (draft 11) fields:
`RateLimit-Policy: "person";q=10000;w=20` (the bucket, and the seconds it takes to fill) and
`RateLimit: "person";r=9750;t=1` (points left, seconds until the bucket is full again).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from portal.auth import throttle
from portal.auth.actor import Actor, ActorKind
from portal.auth.services import SERVICE_SUBJECT_PREFIX, AuthService
from portal.auth.tokens import InvalidToken
from portal.settings import Settings

RATE_LIMITED = "RATE_LIMITED"
# Buckets held before the full ones are dropped (a full bucket is the same as none), and the
# most held at all: past it, the least recently used go first.
PRUNE_AT = 50_000
MAX_BUCKETS = 200_000


class Partition(StrEnum):
    """Whose bucket a request spends: the policy names of the `RateLimit` fields."""

    CLIENT = "client"
    PERSON = "person"
    ADDRESS = "address"


@dataclass(frozen=True)
class Budget:
    """One process's bucket for a partition: `points` at most, `restore` points a second."""

    partition: Partition
    points: int
    restore: float

    @property
    def window(self) -> int:
        """Seconds an empty bucket takes to fill: the policy's `w`."""
        return max(1, math.ceil(self.points / self.restore))

    def policy(self) -> str:
        return f'"{self.partition.value}";q={self.points};w={self.window}'


@dataclass
class Charge:
    """What one request took from a bucket, and what was left."""

    budget: Budget
    key: str
    taken: int
    level: float
    allowed: bool
    retry_after: int = 0

    @property
    def available(self) -> int:
        return max(0, math.floor(self.level))

    @property
    def until_full(self) -> int:
        return max(0, math.ceil((self.budget.points - self.level) / self.budget.restore))

    def headers(self) -> dict[str, str]:
        headers = {
            "RateLimit-Policy": self.budget.policy(),
            "RateLimit": f'"{self.budget.partition.value}";r={self.available};t={self.until_full}',
        }
        if not self.allowed:
            headers["Retry-After"] = str(self.retry_after)
        return headers

    def throttle_status(self) -> dict[str, Any]:
        """`extensions.cost.throttleStatus`, as Shopify's Admin API names it."""
        restore = self.budget.restore
        return {
            "maximumAvailable": self.budget.points,
            "currentlyAvailable": self.available,
            "restoreRate": int(restore) if restore == int(restore) else restore,
        }

    def refusal(self) -> str:
        return (
            f"Rate limit: this request costs {self.taken} points and {self.available} are "
            f"left of {self.budget.points} ({self.budget.partition.value} budget, restored at "
            f"{self.throttle_status()['restoreRate']} a second). Try again in "
            f"{self.retry_after} s."
        )


class RateLimits:
    """The buckets of one process. ``clock`` (seconds, monotonic) is injected by tests."""

    def __init__(self, settings: Settings, clock: Callable[[], float] = time.monotonic) -> None:
        share = settings.rate_limit_instances
        self.budgets = {
            Partition.CLIENT: Budget(
                Partition.CLIENT,
                max(1, settings.rate_limit_client_points // share),
                settings.rate_limit_client_restore / share,
            ),
            Partition.PERSON: Budget(
                Partition.PERSON,
                max(1, settings.rate_limit_person_points // share),
                settings.rate_limit_person_restore / share,
            ),
            Partition.ADDRESS: Budget(
                Partition.ADDRESS,
                max(1, settings.rate_limit_address_points // share),
                settings.rate_limit_address_restore / share,
            ),
        }
        self.clock = clock
        # key -> (level, when); least recently used first.
        self._buckets: dict[str, tuple[float, float]] = {}

    def clear(self) -> None:
        self._buckets.clear()

    def _level(self, budget: Budget, key: str, now: float) -> float:
        level, at = self._buckets.pop(key, (float(budget.points), now))
        return min(float(budget.points), level + max(0.0, now - at) * budget.restore)

    def take(self, partition: Partition, who: str, cost: int) -> Charge:
        """Take ``cost`` points (at least 1) from ``who``'s bucket, or refuse."""
        budget = self.budgets[partition]
        key = f"{partition.value}:{who}"
        now = self.clock()
        level = self._level(budget, key, now)
        cost = max(1, cost)
        need = min(cost, budget.points)
        if level < need:
            self._store(key, level, now)
            wait = math.ceil((need - level) / budget.restore)
            return Charge(budget, key, cost, level, allowed=False, retry_after=max(1, wait))
        level -= need
        self._store(key, level, now)
        return Charge(budget, key, need, level, allowed=True)

    def settle(self, charge: Charge, cost: int) -> None:
        """The request cost ``cost`` (at least 1) in the end: give back what it took over
        that, or take what it cost more (down to one empty bucket below zero)."""
        if not charge.allowed:
            return
        cost = min(max(1, cost), charge.budget.points)
        now = self.clock()
        level = self._level(charge.budget, charge.key, now) + charge.taken - cost
        charge.level = max(-float(charge.budget.points), min(float(charge.budget.points), level))
        charge.taken = cost
        self._store(charge.key, charge.level, now)

    def _store(self, key: str, level: float, now: float) -> None:
        buckets = self._buckets
        buckets[key] = (level, now)
        if len(buckets) <= PRUNE_AT:
            return
        for old, (old_level, at) in list(buckets.items()):
            budget = self.budgets[Partition(old.partition(":")[0])]
            if old_level + (now - at) * budget.restore >= budget.points:
                del buckets[old]
        while len(buckets) > MAX_BUCKETS:
            del buckets[next(iter(buckets))]


def partition_of(actor: Actor | None, host: str | None) -> tuple[Partition, str]:
    """Whose budget a request spends: the OAuth client's, the person's, or its address's
    (an IPv6 address counts per /64, as for the sign-in limits)."""
    if actor is None:
        return Partition.ADDRESS, throttle.address_key(host)
    if actor.kind is ActorKind.SERVICE_ACCOUNT:
        return Partition.CLIENT, str(actor.id)
    return Partition.PERSON, str(actor.id)


def partition_of_token(
    auth: AuthService, token: str | None, host: str | None
) -> tuple[Partition, str]:
    """`partition_of` for a REST request, from its bearer token's signed subject alone (no
    statement: the endpoint checks the session). A token that does not verify counts
    against the address."""
    if token is not None:
        try:
            subject = str(auth.verify_access_token(token)["sub"])
        except InvalidToken:
            subject = ""
        if subject.startswith(SERVICE_SUBJECT_PREFIX):
            return Partition.CLIENT, subject.removeprefix(SERVICE_SUBJECT_PREFIX)
        if subject:
            return Partition.PERSON, subject
    return Partition.ADDRESS, throttle.address_key(host)


def refused_response(charge: Charge) -> JSONResponse:
    body = {
        "errors": [
            {
                "message": charge.refusal(),
                "extensions": {"code": RATE_LIMITED, "retryAfter": charge.retry_after},
            }
        ]
    }
    return JSONResponse(body, status_code=429, headers=charge.headers())


class RestRateLimitMiddleware:
    """The REST endpoints under ``prefixes`` (the reports) spend ``cost`` points a request:
    refused with HTTP 429 `RATE_LIMITED` and `Retry-After`, and every answer carries the
    `RateLimit` and `RateLimit-Policy` fields."""

    def __init__(
        self,
        app: ASGIApp,
        limits: RateLimits,
        auth: AuthService,
        cost: int,
        prefixes: tuple[str, ...] = ("/reports/",),
    ) -> None:
        self.app = app
        self.limits = limits
        self.auth = auth
        self.cost = cost
        self.prefixes = prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefixes):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        scheme, _, token = headers.get(b"authorization", b"").decode("latin-1").partition(" ")
        bearer = token.strip() if scheme.lower() == "bearer" and token.strip() else None
        client = scope.get("client")
        partition, who = partition_of_token(self.auth, bearer, client[0] if client else None)
        charge = self.limits.take(partition, who, self.cost)
        if not charge.allowed:
            await refused_response(charge)(scope, receive, send)
            return
        fields = charge.headers()

        async def with_fields(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).update(fields)
            await send(message)

        await self.app(scope, receive, with_fields)

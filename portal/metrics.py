"""Prometheus metrics at `/metrics` (issue 17, 6; docs/operations.md "Metrics").

What is counted, per `portal serve` process:

- every HTTP request by route (the first path segment the server answers itself, `web` for the
  web portal's pages and files) and status class, with its duration and the SQL statements it
  sent (`portal.dbclients.statements`);
- every GraphQL operation by name, outcome (`ok`; `user_error`: a coded error the client can
  act on, or `userErrors` in a mutation's payload; `error`: the server failed, masked or
  `DATABASE_UNAVAILABLE`) and executor (`interpreted`: strawberry; `compiled`: a registered
  operation answered by portal.api.compiled), and each GraphQL request's duration and SQL
  statements by operation;
- read from the database at each scrape: the outbox's messages waiting, claimed and held, the
  age of the oldest one waiting or claimed, and the dead letters, by channel;
- the live timeline subscribers of this process, and the process's own CPU, memory and
  garbage collector figures.

No label carries anything of a person or a case: an operation is named only when it is one of
the web portal's documents (graphql/operations/), any other name counts as `other` (a name is
the client's free text), an unnamed one as `anonymous`.
"""

from __future__ import annotations

import contextvars
import hmac
import logging
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.gc_collector import GCCollector
from prometheus_client.platform_collector import PlatformCollector
from prometheus_client.process_collector import ProcessCollector
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from tortoise.functions import Count, Min

from portal.api.persisted import registry
from portal.dbclients.statements import StatementCount
from portal.dbclients.statements import current as current_statements
from portal.settings import Settings
from portal.web.spa import SERVER_PREFIXES

log = logging.getLogger("portal.metrics")

INTERPRETED = "interpreted"
COMPILED = "compiled"
OK, USER_ERROR, ERROR = "ok", "user_error", "error"
# Codes that say the server failed, not the request (portal.api.errors).
SERVER_ERROR_CODES = frozenset({"INTERNAL_SERVER_ERROR", "DATABASE_UNAVAILABLE"})
OTHER, ANONYMOUS, BATCH, REFUSED = "other", "anonymous", "(batch)", "(refused)"
WEB = "web"
SECONDS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
STATEMENTS = (0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 128)

REGISTRY = CollectorRegistry()
ProcessCollector(registry=REGISTRY)
PlatformCollector(registry=REGISTRY)
GCCollector(registry=REGISTRY)

HTTP_REQUESTS = Counter(
    "parley_http_requests",
    "HTTP requests answered, by route and status class.",
    ["route", "status"],
    registry=REGISTRY,
)
HTTP_SECONDS = Histogram(
    "parley_http_request_duration_seconds",
    "Time from a request's arrival to the end of its answer, by route.",
    ["route"],
    buckets=SECONDS,
    registry=REGISTRY,
)
HTTP_STATEMENTS = Histogram(
    "parley_http_request_sql_statements",
    "SQL statements one HTTP request sent, by route.",
    ["route"],
    buckets=STATEMENTS,
    registry=REGISTRY,
)
GRAPHQL_OPERATIONS = Counter(
    "parley_graphql_operations",
    "GraphQL operations run, by name, outcome (ok, user_error, error) and executor.",
    ["operation", "outcome", "executor"],
    registry=REGISTRY,
)
GRAPHQL_SECONDS = Histogram(
    "parley_graphql_request_duration_seconds",
    "Duration of GraphQL requests over HTTP, by operation and executor.",
    ["operation", "executor"],
    buckets=SECONDS,
    registry=REGISTRY,
)
GRAPHQL_STATEMENTS = Histogram(
    "parley_graphql_request_sql_statements",
    "SQL statements one GraphQL request sent (authentication included), by operation.",
    ["operation", "executor"],
    buckets=STATEMENTS,
    registry=REGISTRY,
)
OUTBOX_MESSAGES = Gauge(
    "parley_outbox_messages",
    "Outbox messages not delivered yet, by channel and status (pending, claimed, held).",
    ["channel", "status"],
    registry=REGISTRY,
)
OUTBOX_OLDEST = Gauge(
    "parley_outbox_oldest_message_age_seconds",
    "Age of the oldest outbox message waiting or claimed, by channel (0: none).",
    ["channel"],
    registry=REGISTRY,
)
DEAD_LETTERS = Gauge(
    "parley_outbox_dead_letters",
    "Outbox messages that failed for good, waiting for an admin, by channel.",
    ["channel"],
    registry=REGISTRY,
)
DATABASE_READ = Gauge(
    "parley_metrics_database_read",
    "1 when this scrape read the outbox figures from the database, 0 when that failed.",
    registry=REGISTRY,
)
LIVE_SUBSCRIBERS = Gauge(
    "parley_live_subscribers",
    "Live timeline subscriptions (caseEvents) open in this process.",
    registry=REGISTRY,
)


def _live_subscribers() -> float:
    from portal.timeline.live import feed

    return float(feed.subscribers())


LIVE_SUBSCRIBERS.set_function(_live_subscribers)


# --- operation names -------------------------------------------------------------------------


def registered_operations() -> frozenset[str]:
    """The names of the web portal's operations (graphql/operations/*.graphql)."""
    return registry().names()


def operation_label(name: str | None) -> str:
    if not name:
        return ANONYMOUS
    return name if name in registered_operations() else OTHER


def route_label(path: str) -> str:
    first = path.split("/", 2)[1] if path.startswith("/") else ""
    return first if first in SERVER_PREFIXES else WEB


def outcome_of(errors: Iterable[Any] | None, data: object) -> str:
    """`error`, `user_error` or `ok` for a GraphQL result whose errors are coded already."""
    codes = [(getattr(e, "extensions", None) or {}).get("code") for e in errors or ()]
    if codes:
        return ERROR if any(c is None or c in SERVER_ERROR_CODES for c in codes) else USER_ERROR
    if isinstance(data, Mapping) and any(
        isinstance(payload, Mapping) and payload.get("userErrors") for payload in data.values()
    ):
        return USER_ERROR
    return OK


# --- per request -------------------------------------------------------------------------------


@dataclass(slots=True)
class RequestStats:
    statements: StatementCount = field(default_factory=StatementCount)
    operations: list[tuple[str, str, str]] = field(default_factory=list)  # name, outcome, executor


_stats: contextvars.ContextVar[RequestStats | None] = contextvars.ContextVar(
    "request_stats", default=None
)


@dataclass(slots=True)
class Started:
    stats: RequestStats
    at: float
    tokens: tuple[contextvars.Token[RequestStats | None], contextvars.Token[StatementCount | None]]


def request_started() -> Started:
    stats = RequestStats()
    return Started(
        stats,
        time.perf_counter(),
        (_stats.set(stats), current_statements.set(stats.statements)),
    )


def record_operation(name: str | None, outcome: str, executor: str = INTERPRETED) -> None:
    """One GraphQL operation of the current request ran (called by the view)."""
    stats = _stats.get()
    if stats is not None:
        stats.operations.append((operation_label(name), outcome, executor))


def request_finished(started: Started, path: str, status: int) -> None:
    stats_token, statements_token = started.tokens
    _stats.reset(stats_token)
    current_statements.reset(statements_token)
    seconds = time.perf_counter() - started.at
    stats = started.stats
    route = route_label(path)
    HTTP_REQUESTS.labels(route, f"{status // 100}xx" if status else "none").inc()
    HTTP_SECONDS.labels(route).observe(seconds)
    HTTP_STATEMENTS.labels(route).observe(stats.statements.sent)
    if route != "graphql":
        return
    operations = stats.operations
    if not operations:
        if status < 400:
            return  # no operation asked for: the IDE's page, a CORS preflight
        # Refused before any operation ran (bad JSON, a method, a content type, a token).
        operations = [(REFUSED, ERROR if status >= 500 else USER_ERROR, INTERPRETED)]
    for name, outcome, executor in operations:
        GRAPHQL_OPERATIONS.labels(name, outcome, executor).inc()
    name, _, executor = operations[0] if len(operations) == 1 else (BATCH, "", INTERPRETED)
    GRAPHQL_SECONDS.labels(name, executor).observe(seconds)
    GRAPHQL_STATEMENTS.labels(name, executor).observe(stats.statements.sent)


# --- the database's figures, at each scrape ---------------------------------------------------


async def read_outbox() -> None:
    from portal.notifications.models import Channel, OutboxMessage, OutboxStatus

    waiting = (OutboxStatus.PENDING, OutboxStatus.CLAIMED, OutboxStatus.HELD)
    rows = (
        await OutboxMessage.filter(status__in=[*waiting, OutboxStatus.DEAD])
        .annotate(n=Count("id"), oldest=Min("created_at"))
        .group_by("channel", "status")
        .values("channel", "status", "n", "oldest")
    )
    found = {(Channel(r["channel"]), OutboxStatus(r["status"])): r for r in rows}
    now = datetime.now(UTC)
    for channel in Channel:
        for status in waiting:
            row = found.get((channel, status))
            OUTBOX_MESSAGES.labels(channel.value, status.value).set(row["n"] if row else 0)
        oldest = [
            _instant(found[channel, status]["oldest"])
            for status in (OutboxStatus.PENDING, OutboxStatus.CLAIMED)
            if (channel, status) in found
        ]
        OUTBOX_OLDEST.labels(channel.value).set(
            max(0.0, (now - min(oldest)).total_seconds()) if oldest else 0
        )
        dead = found.get((channel, OutboxStatus.DEAD))
        DEAD_LETTERS.labels(channel.value).set(dead["n"] if dead else 0)


def _instant(value: datetime | str) -> datetime:
    # An aggregate over a datetime column comes back as text on SQLite.
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# --- the endpoint ------------------------------------------------------------------------------


def metrics_routes(settings: Settings) -> list[Route]:
    """`GET /metrics` for a scraper that sends `Authorization: Bearer <PORTAL_METRICS_TOKEN>`;
    no route at all (404) while that setting is empty."""
    expected = settings.metrics_token.encode()
    if not expected:
        return []

    async def metrics(request: Request) -> Response:
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected):
            return JSONResponse(
                {"error": "unauthorized"},
                status_code=401,
                headers={"WWW-Authenticate": 'Bearer realm="metrics"', "Cache-Control": "no-store"},
            )
        try:
            await read_outbox()
            DATABASE_READ.set(1)
        except Exception:  # the process's own figures are still worth answering
            log.warning("metrics: cannot read the outbox figures", exc_info=True)
            DATABASE_READ.set(0)
        return Response(
            generate_latest(REGISTRY),
            media_type=CONTENT_TYPE_LATEST,
            headers={"Cache-Control": "no-store"},
        )

    return [Route("/metrics", metrics, methods=["GET"])]

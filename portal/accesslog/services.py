"""Recording a read, and reading the record back.

`record_access` is the one function every read path calls (GraphQL case reads and reports,
`/files/*` downloads, `/reports/*` exports, the subject-access export). It writes one INSERT,
before the records leave the server: a read that cannot be logged is not served. Within one
request the same read is recorded once (a case page that asks for the case twice, or through
`case` and `node`, is one record, without a second statement), and a page view of several
requests within the same minute is one record (`PAGE_VIEW_SECONDS`).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Protocol

from starlette.requests import HTTPConnection
from tortoise import connections

from portal.accesslog.models import AccessAction, AccessRecord, ReaderKind
from portal.auth.actor import Actor, ActorKind
from portal.cases.models import DisputeCase
from portal.logs import current_request_id

_USER_AGENT = 512
_IP = 64
# A case page sends several requests (the case, its file, its timeline, its bundle link), and
# refreshes on live events: the reads of one reader of one thing within the same minute are
# one page view, one record (the unique index folds the rest; the first request's IP, agent
# and request id stay). Downloads and exports each leave a copy: every one is recorded.
PAGE_VIEW_SECONDS = 60
PAGE_VIEWS = frozenset({AccessAction.CASE_READ, AccessAction.REPORT_READ})


class ReadContext(Protocol):
    """What `record_access` needs of a request: the GraphQL `Context` has all of it, and a
    plain HTTP route builds a `RouteRead`."""

    @property
    def actor(self) -> Actor | None: ...

    @property
    def request(self) -> HTTPConnection: ...

    @property
    def recorded_reads(self) -> set[tuple[str, str, str]]: ...


@dataclass
class RouteRead:
    """The `ReadContext` of a plain HTTP route (downloads, report exports)."""

    request: HTTPConnection
    actor: Actor | None
    recorded_reads: set[tuple[str, str, str]] = field(default_factory=set)


@dataclass(frozen=True)
class Target:
    """What was read, when it is not the case itself: a document, a report, a person."""

    type: str
    id: str


def _reader(actor: Actor | None) -> tuple[ReaderKind, uuid.UUID | None]:
    if actor is None:
        return ReaderKind.ANONYMOUS, None
    if actor.kind is ActorKind.SERVICE_ACCOUNT:
        return ReaderKind.SERVICE_ACCOUNT, actor.id
    return ReaderKind.USER, actor.id


def _roles(actor: Actor | None, roles: Iterable[str] | None) -> str:
    """The roles the read was allowed in: on a case, the actor's roles on it; elsewhere the
    roles they hold (each once)."""
    if roles is None:
        roles = [g.role.value for g in actor.grants] if actor is not None else []
    return ",".join(sorted({str(r) for r in roles}))[:200]


async def record_access(
    context: ReadContext,
    action: AccessAction,
    *,
    case: DisputeCase | None = None,
    target: Target | None = None,
    roles: Iterable[str] | None = None,
    organisation_id: uuid.UUID | None = None,
    provider_id: uuid.UUID | None = None,
) -> None:
    """Record one read. ``case``: the case it belongs to (its organisation and provider
    scope the record for auditors); without one, ``organisation_id`` or ``provider_id`` say
    whose records were read. ``target`` defaults to the case itself."""
    if target is None:
        if case is None:
            raise ValueError("a read names its case or its target")
        target = Target("DisputeCase", str(case.id))
    key = (action.value, target.type, target.id)
    if key in context.recorded_reads:
        return
    context.recorded_reads.add(key)
    request = context.request
    kind, reader_id = _reader(context.actor)
    at = datetime.now(UTC)
    visit = int(at.timestamp()) // PAGE_VIEW_SECONDS if action in PAGE_VIEWS else None
    record = AccessRecord(
        created_at=at,
        reader_kind=kind,
        reader_id=reader_id,
        role=_roles(context.actor, roles),
        action=action,
        case_id=case.id if case else None,
        case_reference=case.reference if case else "",
        organisation_id=case.organisation_id if case else organisation_id,
        provider_id=case.provider_id if case else provider_id,
        target_type=target.type,
        target_id=target.id[:64],
        ip=(request.client.host if request.client else "")[:_IP],
        user_agent=request.headers.get("user-agent", "")[:_USER_AGENT],
        request_id=(current_request_id() or "")[:64],
        visit=visit,
    )
    await _insert(context, record)


_PROJECTION = AccessRecord._meta.fields_db_projection


@cache
def _statement(dialect: str, rows: int = 1) -> str:
    """One statement, autocommitted, on both databases (SQLite 3.24 and later know the
    clause): Tortoise's `bulk_create(ignore_conflicts=True)` would wrap it in a transaction,
    two more round trips on PostgreSQL."""
    columns = ", ".join(f'"{column}"' for column in _PROJECTION.values())
    width = len(_PROJECTION)
    marks = ", ".join(
        "("
        + ", ".join(
            "?" if dialect == "sqlite" else f"${row * width + n}" for n in range(1, width + 1)
        )
        + ")"
        for row in range(rows)
    )
    table = AccessRecord._meta.db_table
    return f'INSERT INTO "{table}" ({columns}) VALUES {marks} ON CONFLICT DO NOTHING'  # noqa: S608


@dataclass
class _Batch:
    records: list[AccessRecord]
    done: asyncio.Future[None]


# The reads one request makes in the same turn of the event loop (a list of cases whose files
# are read: one per case) wait for one multi-row INSERT, as a DataLoader batches its loads:
# the statements of a request do not grow with its page size.
_pending: dict[int, _Batch] = {}
_ROWS_PER_STATEMENT = 500  # SQLite allows 32,766 bound values; 500 rows of 16 columns fit


async def _insert(context: ReadContext, record: AccessRecord) -> None:
    loop = asyncio.get_running_loop()
    key = id(context)
    batch = _pending.get(key)
    if batch is None:
        batch = _pending[key] = _Batch([], loop.create_future())
        loop.call_soon(lambda: loop.create_task(_flush(key, batch)))
    batch.records.append(record)
    await asyncio.shield(batch.done)


async def _flush(key: int, batch: _Batch) -> None:
    del _pending[key]
    try:
        conn = connections.get("default")
        dialect = str(conn.capabilities.dialect)
        fields = AccessRecord._meta.fields_map
        for start in range(0, len(batch.records), _ROWS_PER_STATEMENT):
            rows = batch.records[start : start + _ROWS_PER_STATEMENT]
            values = [
                fields[name].to_db_value(getattr(record, name), record)
                for record in rows
                for name in _PROJECTION
            ]
            await conn.execute_query(_statement(dialect, len(rows)), values)
    except asyncio.CancelledError:
        batch.done.cancel()
        raise
    except Exception as exc:  # every read of the batch fails with its record: none is served
        batch.done.set_exception(exc)
    else:
        batch.done.set_result(None)

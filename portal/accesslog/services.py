"""Recording a read, and reading the record back.

`record_access` is the one function every read path calls (GraphQL case reads and reports,
`/files/*` downloads, `/reports/*` exports, the subject-access export). It writes one INSERT,
before the records leave the server: a read that cannot be logged is not served. Within one
request the same read is recorded once (a case page that asks for the case twice, or through
`case` and `node`, is one record, without a second statement), and a page view of several
requests within the same minute is one record (`PAGE_VIEW_SECONDS`). Once a page view is on
record, this process sends no statement for the rest of it (`_RecordedViews`).
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
from tortoise.backends.base.client import TransactionalDBClient

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
    view = _RecordedViews.key(reader_id, action, target, visit)
    if view is not None and view in _recorded_views:
        # Nothing to insert, but the read waits for its request's batch like the others: a
        # read served at once would send its next loads ahead of theirs, in a batch of its own.
        await _insert(context, None)
        return
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
    committed = await _insert(context, record)
    if view is not None and committed:
        _recorded_views.add(view)


class _RecordedViews:
    """The page views this process has put on record, for the minute they belong to.

    A later read of the same page view (the same reader, read and target in the same minute:
    the unique index on `AccessRecord`) would insert nothing, and the log is append-only (no
    code path deletes a row; on PostgreSQL a trigger refuses it), so it sends no statement at
    all. A case page's three requests, and its refreshes on live events, cost one INSERT a
    minute instead of one each. Only a view whose INSERT has returned outside a transaction
    (so committed) is remembered: nothing is skipped that is not already in the log, so a
    crash loses no read, and a read recorded inside a transaction that rolls back is recorded
    again by the next. Each process keeps its
    own; another instance's first read of the same view is folded by the index, as before.
    Kept: the current and the previous minute, at most `LIMIT` views (beyond it, reads are
    inserted as before)."""

    LIMIT = 100_000

    def __init__(self) -> None:
        self._by_visit: dict[int, set[tuple[uuid.UUID, str, str, str]]] = {}

    @staticmethod
    def key(
        reader_id: uuid.UUID | None, action: AccessAction, target: Target, visit: int | None
    ) -> tuple[int, tuple[uuid.UUID, str, str, str]] | None:
        """The unique index's columns; None where a null never conflicts (anonymous readers,
        downloads and exports)."""
        if reader_id is None or visit is None:
            return None
        return visit, (reader_id, action.value, target.type, target.id[:64])

    def __contains__(self, key: tuple[int, tuple[uuid.UUID, str, str, str]]) -> bool:
        visit, view = key
        return view in self._by_visit.get(visit, ())

    def add(self, key: tuple[int, tuple[uuid.UUID, str, str, str]]) -> None:
        visit, view = key
        views = self._by_visit.get(visit)
        if views is None:
            for old in [v for v in self._by_visit if v < visit - 1]:
                del self._by_visit[old]
            views = self._by_visit[visit] = set()
        if sum(len(v) for v in self._by_visit.values()) < self.LIMIT:
            views.add(view)

    def clear(self) -> None:
        self._by_visit.clear()


_recorded_views = _RecordedViews()


def forget_recorded_views() -> None:
    """For a database whose log was emptied under the running process (the tests' cleanup)."""
    _recorded_views.clear()


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
    committed: bool = False  # written outside a transaction: on record once `done`


# The reads one request makes in the same turn of the event loop (a list of cases whose files
# are read: one per case) wait for one multi-row INSERT, as a DataLoader batches its loads:
# the statements of a request do not grow with its page size.
_pending: dict[int, _Batch] = {}
_ROWS_PER_STATEMENT = 500  # SQLite allows 32,766 bound values; 500 rows of 16 columns fit


async def _insert(context: ReadContext, record: AccessRecord | None) -> bool:
    """Join the request's batch (None: a read already on record, which adds no row; a batch
    of those alone sends no statement). True when it was written outside a transaction."""
    loop = asyncio.get_running_loop()
    key = id(context)
    batch = _pending.get(key)
    if batch is None:
        batch = _pending[key] = _Batch([], loop.create_future())
        loop.call_soon(lambda: loop.create_task(_flush(key, batch)))
    if record is not None:
        batch.records.append(record)
    await asyncio.shield(batch.done)
    return batch.committed


async def _flush(key: int, batch: _Batch) -> None:
    del _pending[key]
    try:
        conn = connections.get("default")
        # The batch's task runs in its first caller's context: inside `in_transaction()` the
        # rows commit, or not, with that transaction.
        batch.committed = not isinstance(conn, TransactionalDBClient)
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

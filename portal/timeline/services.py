"""Appending to a case's timeline and verifying it."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

import orjson
from tortoise import connections

from portal.cases.models import DisputeCase
from portal.timeline import feed, live
from portal.timeline.catalogue import CATALOGUE, EventKind
from portal.timeline.chain import ERASED, GENESIS, ChainLink, is_erased, link_of, payload_digest
from portal.timeline.coverage import (
    BreakReason,
    Records,
    names,
    projected,
    records_from,
    records_of,
    records_sql,
)
from portal.timeline.models import TimelineEvent, Visibility


class VerificationResult(StrEnum):
    """What recomputing a chain (and holding a kept receipt against it) found."""

    INTACT = "intact"  # the chain verifies, and holds the receipt when one was given
    CHAIN_BROKEN = "chain_broken"  # the chain itself no longer verifies, from a sequence on
    RECEIPT_MISMATCH = "receipt_mismatch"  # it verifies, but its event at the receipt's sequence
    # carries another hash: history was rewritten since, or the receipt is not of this case
    RECEIPT_FROM_FUTURE = "receipt_from_future"  # it verifies, but ends before the receipt's
    # sequence: the chain was cut back since, or the receipt is not of this case


@dataclass(frozen=True)
class Verification:
    ok: bool
    length: int
    head_hash: str
    # Only with CHAIN_BROKEN: the first sequence altered, missing or out of order.
    first_broken_sequence: int | None
    # Left out, it follows `ok`: INTACT or CHAIN_BROKEN (a walk of the chain alone).
    result: VerificationResult | None = None

    def __post_init__(self) -> None:
        if self.result is None:
            walked = VerificationResult.INTACT if self.ok else VerificationResult.CHAIN_BROKEN
            object.__setattr__(self, "result", walked)


# The kinds code may record: those of the catalogue that are not retired.
EVENT_KINDS = frozenset(k.value for k in EventKind if CATALOGUE[k].deprecation is None)


class UnknownEventKind(ValueError):
    """A kind the event catalogue (portal.timeline.catalogue) does not list."""


async def append(
    case: DisputeCase,
    kind: str,
    *,
    at: datetime,
    actor_id: uuid.UUID | None,
    actor_role: str,
    visibility: Visibility,
    payload: dict[str, Any],
) -> TimelineEvent:
    """Append one event. The caller holds the case row locked inside its transaction, so the
    sequence and the previous hash come from the case row and cannot race.

    Only a kind of the catalogue is recorded: any other raises UnknownEventKind, so code
    cannot append a kind that is documented nowhere (tests/test_event_catalogue.py)."""
    if kind not in EVENT_KINDS:
        raise UnknownEventKind(kind)
    digest = payload_digest(payload)
    link = ChainLink(
        case_id=case.id,
        sequence=case.last_sequence + 1,
        kind=kind,
        occurred_at=at,
        actor_id=actor_id,
        actor_role=actor_role,
        visibility=visibility.value,
        payload_digest=digest,
        prev_hash=case.head_hash or GENESIS,
    )
    event = await TimelineEvent.create(
        case_id=case.id,
        sequence=link.sequence,
        kind=kind,
        occurred_at=at,
        actor_id=actor_id,
        actor_role=actor_role,
        visibility=visibility,
        payload=payload,
        payload_digest=digest,
        prev_hash=link.prev_hash,
        hash=link.hash(),
    )
    case.last_sequence = link.sequence
    case.head_hash = event.hash
    # Issue 18: what a client syncs moves with every event, here and nowhere else: the row
    # now (callers save only the chain's head), and the object for a caller that saves it all.
    case.updated_at = at
    await DisputeCase.filter(id=case.id).update(updated_at=at)
    # The event's place in the installation-wide feed, given in commit order.
    await feed.place(event.id)
    # Live subscribers are woken only once this commits (portal.timeline.live).
    await live.announce(case.id, link.sequence)
    return event


@dataclass(frozen=True)
class Receipt:
    """A head once handed out (`timelineHead`): the chain must still hold it."""

    sequence: int
    hash: str


_COLUMNS = (
    "sequence",
    "kind",
    "occurred_at",
    "actor_id",
    "actor_role",
    "visibility",
    "payload",
    "payload_digest",
    "prev_hash",
    "hash",
)


async def erase_payload(event_id: int, at: datetime) -> None:
    """Erase the personal data of one event (GDPR Art. 17): its payload goes, its digest stays,
    so the chain still verifies and still proves what was there (DOMAIN.md "The timeline")."""
    await TimelineEvent.filter(id=event_id).update(payload={ERASED: at.isoformat()})


_VISIBILITIES = frozenset(v.value for v in Visibility)
_KINDS = frozenset(k.value for k in EventKind)


def _link(case_id: uuid.UUID, row: dict[str, Any]) -> tuple[ChainLink, dict[str, Any]]:
    """A stored row as the chain saw it (`chain.link_of`); ValueError unless its scope and
    kind are ones the portal writes (an event of another kind, hashed in below the API, is
    not one the case's timeline can show: the chain breaks there). The actor's role is not
    held to `CaseRole` here: rows written before the roles settled (and the migration tests'
    fixtures) carry others, and the chain itself never depended on it."""
    link, payload = link_of(case_id, row)
    # `Visibility(...)` and `EventKind(...)` by their values: the same test, without an
    # enum's lookup per event.
    if link.visibility not in _VISIBILITIES:
        raise ValueError(f"{link.visibility!r} is not a Visibility")
    if link.kind not in _KINDS:
        raise ValueError(f"{link.kind!r} is not an EventKind")
    return link, payload


def chain_columns(case_param: str) -> str:
    """PostgreSQL: the case's events (`_COLUMNS`, in the chain's order) and the records they
    cover (`coverage.records_sql`), as three arrays of rows: a select list for one statement
    and so one snapshot, from the models' own table and column names; ``case_param`` is the
    case id's placeholder. `verify(case, read=...)` takes the three arrays it read."""
    columns = projected(TimelineEvent, _COLUMNS, "e")
    order = projected(TimelineEvent, ("sequence", "id"), "e")
    messages, documents = records_sql(case_param)
    return (
        f"ARRAY(SELECT ROW({columns}) FROM "  # noqa: S608
        f'"{TimelineEvent._meta.db_table}" AS e WHERE e."case_id" = {case_param} '
        f"ORDER BY {order}), {messages}, {documents}"
    )


_CHAIN_SQL = f"SELECT {chain_columns('$1')}"

ChainRead = tuple[Sequence[Any], Sequence[Any], Sequence[Any]]


def _of_read(read: ChainRead) -> tuple[list[dict[str, Any]], Records]:
    events, messages, documents = read
    rows = [dict(zip(_COLUMNS, r, strict=True)) for r in events]
    return rows, records_from(messages, documents)


async def _read(case: DisputeCase) -> tuple[list[dict[str, Any]], Records]:
    """The case's events as stored, raw (`_COLUMNS`, in the chain's order), and the records
    they cover: one statement on PostgreSQL (`chain_columns`), three elsewhere."""
    db = connections.get("default")
    if db.capabilities.dialect == "postgres":
        _, found = await db.execute_query(_CHAIN_SQL, [case.id])
        return _of_read(tuple(found[0]))
    query = TimelineEvent.filter(case_id=case.id).order_by("sequence", "id").values(*_COLUMNS)
    rows = await db.execute_query_dict(query.sql(params_inline=True))
    return rows, await records_of(case.id)


async def _walk(case: DisputeCase, read: ChainRead | None) -> tuple[Verification, list[str]]:
    """Recompute the whole chain: the verification, and the hashes of the events that hold
    (all of them when it is intact). ``read``: the arrays `chain_columns` read, if a caller's
    statement read them (this request's, never kept across requests)."""
    rows, records = await _read(case) if read is None else _of_read(read)
    prev = GENESIS
    hashes: list[str] = []
    named: set[str] = set()
    for expected, row in enumerate(rows, start=1):
        try:
            link, payload = _link(case.id, row)
        except (ValueError, TypeError, orjson.JSONDecodeError):
            return Verification(False, len(rows), case.head_hash, expected), hashes
        named |= names(link.kind, payload)
        erased = is_erased(payload)
        intact = (
            link.sequence == expected
            and link.prev_hash == prev
            and (erased or payload_digest(payload) == link.payload_digest)
            and link.hash() == row["hash"]
        )
        if not intact or _uncovered(records, link, payload) is not None:
            return Verification(False, len(rows), case.head_hash, expected), hashes
        prev = str(row["hash"])
        hashes.append(prev)
    if len(rows) != case.last_sequence or prev != (case.head_hash or GENESIS):
        return Verification(False, len(rows), case.head_hash, len(rows) + 1), hashes
    if await _not_on_chain(case, records, named, after=len(rows)) is not None:
        return Verification(False, len(rows), case.head_hash, len(rows) + 1), hashes
    return Verification(True, len(rows), case.head_hash, None), hashes


# --- coverage (issue 19): the records an event names, and naming the event that breaks ------


def _uncovered(records: Records, link: ChainLink, payload: dict[str, Any]) -> BreakReason | None:
    """Why the messages or document versions ``link`` names no longer match it; None when they
    do. An erased payload names nothing any more (its records are redacted with it)."""
    if is_erased(payload):
        return None
    actor = str(link.actor_id) if link.actor_id else None
    return records.check(
        link.kind, payload, at=link.occurred_at, actor=actor, scope=link.visibility
    )


async def _named_after(case: DisputeCase, after: int) -> set[str]:
    """The records named by the case's events after sequence ``after``, as stored."""
    query = TimelineEvent.filter(case_id=case.id, sequence__gt=after).values("kind", "payload")
    found: set[str] = set()
    for row in await connections.get("default").execute_query_dict(query.sql(params_inline=True)):
        payload = row["payload"]
        try:
            payload = orjson.loads(payload) if isinstance(payload, str | bytes) else payload
        except orjson.JSONDecodeError:
            continue
        if isinstance(payload, dict):
            found |= names(str(row["kind"]), payload)
    return found


async def _not_on_chain(
    case: DisputeCase, records: Records, named: set[str], *, after: int
) -> BreakReason | None:
    """Why the case holds a message or document version that no event names; None when it
    holds none. The records were read after the events: a record posted meanwhile is named by
    an event after ``after`` (a record and its event are written in one transaction)."""
    if records.unnamed(named) is None:
        return None
    return records.unnamed(named | await _named_after(case, after))


@dataclass(frozen=True)
class ChainBreak:
    """The event at which a chain no longer holds, named: its sequence, its kind as stored
    (None when no event is stored there), and why."""

    sequence: int
    kind: str | None
    reason: BreakReason


async def name_break(case: DisputeCase, sequence: int) -> ChainBreak:
    """Name the event at ``sequence``, where a verification found the chain broken."""
    query = (
        TimelineEvent.filter(case_id=case.id, sequence__in=[sequence - 1, sequence])
        .order_by("sequence", "id")
        .values(*_COLUMNS)
    )
    rows = await connections.get("default").execute_query_dict(query.sql(params_inline=True))
    here = [r for r in rows if r["sequence"] == sequence]
    if not here:
        unnamed = None
        if sequence > case.last_sequence:
            # Past the head: the chain holds, but a record is stored that it does not name.
            unnamed = await _not_on_chain(case, await records_of(case.id), set(), after=0)
        return ChainBreak(sequence, None, unnamed or BreakReason.EVENT_MISSING)
    row = here[0]
    before = [r for r in rows if r["sequence"] == sequence - 1]
    prev = GENESIS if sequence == 1 else str(before[0]["hash"]) if before else None
    try:
        link, payload = _link(case.id, row)
    except (ValueError, TypeError, orjson.JSONDecodeError):
        return ChainBreak(sequence, str(row["kind"]), BreakReason.EVENT_ALTERED)
    erased = is_erased(payload)
    if (
        link.prev_hash != prev
        or not (erased or payload_digest(payload) == link.payload_digest)
        or link.hash() != row["hash"]
    ):
        return ChainBreak(sequence, link.kind, BreakReason.EVENT_ALTERED)
    reason = _uncovered(await records_of(case.id), link, payload)
    # Otherwise the event holds by itself but is not the one the case's head (or a receipt)
    # was taken over: the chain was recomputed from here on.
    return ChainBreak(sequence, link.kind, reason or BreakReason.EVENT_ALTERED)


async def verify(
    case: DisputeCase, receipt: Receipt | None = None, *, read: ChainRead | None = None
) -> Verification:
    """Recompute the whole chain; report the first sequence where it breaks.

    A deleted event shows as a gap at its sequence; a truncated tail as a break at the first
    missing sequence, against the head the case row records. With a ``receipt``, the event at
    its sequence must still carry its hash: a chain rewritten and re-hashed from some point on
    verifies by itself, but not against a receipt taken before. The answers stay apart: a
    chain that breaks by itself (CHAIN_BROKEN, with the sequence) comes first, since nothing
    it says of a receipt can then be trusted; then a receipt whose hash differs at its
    sequence (RECEIPT_MISMATCH) and one beyond the head (RECEIPT_FROM_FUTURE).

    Rows are read raw, not through the model: a value the model could not load (written
    behind its back) is reported as a break at that sequence, not raised. With ``read``, the
    rows are those a caller's statement just read with `chain_columns` (PostgreSQL): every
    hash is still recomputed from them.
    """
    result, hashes = await _walk(case, read)
    if not result.ok or receipt is None:
        return result
    length, head = result.length, case.head_hash
    if receipt.sequence > length:
        return Verification(False, length, head, None, VerificationResult.RECEIPT_FROM_FUTURE)
    if receipt.sequence >= 1 and hashes[receipt.sequence - 1] != receipt.hash:
        return Verification(False, length, head, None, VerificationResult.RECEIPT_MISMATCH)
    return result


class ReceiptResult(StrEnum):
    """What a kept receipt says of the live chain, in the words a person needs."""

    MATCHES = "matches"  # the chain holds this head at this sequence, and is intact
    DIFFERS = "differs"  # the chain is intact, but its event at this sequence is another
    UNKNOWN_SEQUENCE = "unknown_sequence"  # the chain is intact, but shorter than the receipt
    CHAIN_BROKEN = "chain_broken"  # the chain itself no longer verifies, from `broken_at` on


@dataclass(frozen=True)
class ReceiptCheck:
    result: ReceiptResult
    length: int
    head_hash: str
    broken_at: int | None


_RECEIPT_RESULTS = {
    VerificationResult.INTACT: ReceiptResult.MATCHES,
    VerificationResult.RECEIPT_MISMATCH: ReceiptResult.DIFFERS,
    VerificationResult.RECEIPT_FROM_FUTURE: ReceiptResult.UNKNOWN_SEQUENCE,
    VerificationResult.CHAIN_BROKEN: ReceiptResult.CHAIN_BROKEN,
}


async def check_receipt(case: DisputeCase, receipt: Receipt) -> ReceiptCheck:
    """Hold a kept receipt against the live chain (DOMAIN.md "The timeline": a rewrite of the
    tail is detectable by whoever kept a head): `verify`'s answer, in a person's words."""
    found = await verify(case, receipt)
    assert found.result is not None
    result = _RECEIPT_RESULTS[found.result]
    return ReceiptCheck(result, found.length, found.head_hash, found.first_broken_sequence)

"""The timeline's hash chain: an untouched chain verifies; any edit, reordering, deletion,
insertion or truncation of stored events is reported at the sequence where it happened."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from tortoise import connections

from portal.cases.models import DisputeCase
from portal.cases.services import Action
from portal.timeline.chain import GENESIS, ChainLink, payload_digest
from portal.timeline.models import TimelineEvent, Visibility
from portal.timeline.services import ERASED, Receipt, VerificationResult, erase_payload, verify
from tests.factories import Factory, quick_world
from tests.test_lifecycle_paths import act


async def six_events(factory: Factory) -> DisputeCase:
    """Referred, accepted and the consent clock extended: six events, each with a payload."""
    w = await quick_world(factory)
    case = await w.new_case()
    t0 = case.stage_changed_at
    await act(w.caseworker, case, Action.ACCEPT, t0 + timedelta(hours=1))
    case = await act(
        w.caseworker,
        case,
        Action.EXTEND_CLOCK,
        t0 + timedelta(hours=2),
        clock="consent",
        days=7,
        reason="The complainant is in hospital.",
    )
    assert case.last_sequence == 6
    return case


async def row(case: DisputeCase, sequence: int) -> TimelineEvent:
    return await TimelineEvent.get(case_id=case.id, sequence=sequence)


async def broken_at(case: DisputeCase) -> int | None:
    result = await verify(await DisputeCase.get(id=case.id))
    assert result.ok is (result.first_broken_sequence is None)
    return result.first_broken_sequence


async def test_an_untouched_timeline_verifies_up_to_the_cases_head(factory: Factory) -> None:
    case = await six_events(factory)

    result = await verify(case)

    rows = await TimelineEvent.filter(case_id=case.id).order_by("sequence")
    assert (result.ok, result.first_broken_sequence) == (True, None)
    assert result.length == case.last_sequence == 6
    assert result.head_hash == case.head_hash == rows[-1].hash
    assert [r.sequence for r in rows] == [1, 2, 3, 4, 5, 6]
    assert [r.prev_hash for r in rows] == [GENESIS, *(r.hash for r in rows[:-1])]
    assert all(r.payload_digest == payload_digest(r.payload) for r in rows)


def _forged_payload(event: TimelineEvent) -> dict[str, Any]:
    return {"payload": {**event.payload, "forged": True}}


def _forged_payload_with_its_digest(event: TimelineEvent) -> dict[str, Any]:
    payload = {**event.payload, "forged": True}
    return {"payload": payload, "payload_digest": payload_digest(payload)}


TAMPERING = {
    "payload": _forged_payload,
    "payload and its digest": _forged_payload_with_its_digest,
    "occurred_at by a microsecond": lambda e: {
        "occurred_at": e.occurred_at + timedelta(microseconds=1)
    },
    "kind": lambda e: {"kind": "case_declined"},
    "visibility": lambda e: {"visibility": Visibility.CAUCUS_COMPLAINANT},
    "actor": lambda e: {"actor_id": uuid.uuid4()},
    "actor role": lambda e: {"actor_role": "admin"},
    "hash": lambda e: {"hash": "f" * 64},
    "prev_hash": lambda e: {"prev_hash": "0" * 63 + "1"},
}


@pytest.mark.parametrize("field", list(TAMPERING))
async def test_an_altered_event_breaks_the_chain_at_its_sequence(
    factory: Factory, field: str
) -> None:
    case = await six_events(factory)
    found = {}

    for sequence in (1, 3, 6):
        event = await row(case, sequence)
        original = {name: getattr(event, name) for name in TAMPERING[field](event)}
        await TimelineEvent.filter(id=event.id).update(**TAMPERING[field](event))
        found[sequence] = await broken_at(case)
        await TimelineEvent.filter(id=event.id).update(**original)

    assert found == {1: 1, 3: 3, 6: 6}
    assert await broken_at(case) is None


async def test_an_event_altered_by_raw_sql_breaks_the_chain(factory: Factory) -> None:
    case = await six_events(factory)
    event = await row(case, 4)

    await connections.get("default").execute_query(
        "UPDATE timeline_event SET kind = 'clock_missed' WHERE id = " + str(event.id)
    )

    assert await broken_at(case) == 4


async def test_two_swapped_events_break_the_chain_at_the_first(factory: Factory) -> None:
    case = await six_events(factory)
    third, fourth = await row(case, 3), await row(case, 4)

    await TimelineEvent.filter(id=third.id).update(sequence=-3)
    await TimelineEvent.filter(id=fourth.id).update(sequence=3)
    await TimelineEvent.filter(id=third.id).update(sequence=4)

    assert await broken_at(case) == 3


async def test_a_deleted_event_breaks_the_chain_at_its_sequence(factory: Factory) -> None:
    case = await six_events(factory)

    await TimelineEvent.filter(case_id=case.id, sequence=3).delete()

    result = await verify(case)
    assert (result.ok, result.length, result.first_broken_sequence) == (False, 5, 3)


async def test_a_truncated_tail_breaks_the_chain_at_the_first_missing_sequence(
    factory: Factory,
) -> None:
    case = await six_events(factory)

    await TimelineEvent.filter(case_id=case.id, sequence__gte=5).delete()

    result = await verify(case)
    assert (result.ok, result.length, result.first_broken_sequence) == (False, 4, 5)
    assert result.head_hash == case.head_hash


async def _make_room_at(case: DisputeCase, sequence: int) -> None:
    """Shift every event from ``sequence`` on one place later, last first (sequences are
    unique per case)."""
    for later in range(case.last_sequence, sequence - 1, -1):
        await TimelineEvent.filter(case_id=case.id, sequence=later).update(sequence=later + 1)


async def test_a_row_inserted_in_the_middle_breaks_the_chain_at_its_sequence(
    factory: Factory,
) -> None:
    case = await six_events(factory)
    copied = await row(case, 2)
    await _make_room_at(case, 3)

    await TimelineEvent.create(
        case_id=case.id,
        sequence=3,
        kind="case_closed",
        occurred_at=copied.occurred_at,
        actor_id=copied.actor_id,
        actor_role=copied.actor_role,
        visibility=copied.visibility,
        payload={"reason": "discontinued"},
        payload_digest=payload_digest({"reason": "discontinued"}),
        prev_hash=copied.hash,
        hash=copied.hash,
    )

    assert await broken_at(case) == 3


async def test_a_well_formed_forged_row_is_caught_at_the_event_it_displaced(
    factory: Factory,
) -> None:
    """A forger who computes a valid link for the row they insert still cannot make the next
    stored event point at it: that event's hash covers its old sequence and predecessor."""
    case = await six_events(factory)
    previous = await row(case, 2)
    await _make_room_at(case, 3)
    payload = {"reason": "discontinued"}
    link = ChainLink(
        case_id=case.id,
        sequence=3,
        kind="case_closed",
        occurred_at=previous.occurred_at,
        actor_id=None,
        actor_role="system",
        visibility=Visibility.ALL_PARTIES.value,
        payload_digest=payload_digest(payload),
        prev_hash=previous.hash,
    )

    await TimelineEvent.create(
        case_id=case.id,
        sequence=3,
        kind=link.kind,
        occurred_at=link.occurred_at,
        actor_id=None,
        actor_role=link.actor_role,
        visibility=Visibility.ALL_PARTIES,
        payload=payload,
        payload_digest=link.payload_digest,
        prev_hash=link.prev_hash,
        hash=link.hash(),
    )

    assert await broken_at(case) == 4


async def test_a_tail_cut_together_with_the_head_is_caught_by_an_earlier_receipt(
    factory: Factory,
) -> None:
    """Truncating the tail and moving the case's head back verifies by itself, but not against
    the head a party received as a receipt (DOMAIN.md, "The timeline")."""
    case = await six_events(factory)
    receipt = Receipt(sequence=case.last_sequence, hash=case.head_hash)
    fourth = await row(case, 4)

    await TimelineEvent.filter(case_id=case.id, sequence__gte=5).delete()
    await DisputeCase.filter(id=case.id).update(last_sequence=4, head_hash=fourth.hash)

    stored = await DisputeCase.get(id=case.id)
    alone = await verify(stored)
    against_receipt = await verify(stored, receipt)
    assert (alone.ok, alone.length, alone.first_broken_sequence) == (True, 4, None)
    # The chain itself holds; the receipt is from beyond its head now (issue 19: its own answer).
    assert (against_receipt.ok, against_receipt.result, against_receipt.first_broken_sequence) == (
        False,
        VerificationResult.RECEIPT_FROM_FUTURE,
        None,
    )


async def test_a_tail_rewritten_and_rehashed_is_caught_by_an_earlier_receipt(
    factory: Factory,
) -> None:
    case = await six_events(factory)
    receipt = Receipt(sequence=4, hash=(await row(case, 4)).hash)
    await TimelineEvent.filter(case_id=case.id, sequence__gte=3).delete()
    prev = (await row(case, 2)).hash
    for sequence in (3, 4, 5, 6):
        payload = {"rewritten": sequence}
        link = ChainLink(
            case_id=case.id,
            sequence=sequence,
            kind="case_accepted",
            occurred_at=case.stage_changed_at,
            actor_id=None,
            actor_role="system",
            visibility=Visibility.ALL_PARTIES.value,
            payload_digest=payload_digest(payload),
            prev_hash=prev,
        )
        prev = link.hash()
        await TimelineEvent.create(
            case_id=case.id,
            sequence=sequence,
            kind=link.kind,
            occurred_at=link.occurred_at,
            actor_id=None,
            actor_role=link.actor_role,
            visibility=Visibility.ALL_PARTIES,
            payload=payload,
            payload_digest=link.payload_digest,
            prev_hash=link.prev_hash,
            hash=prev,
        )
    await DisputeCase.filter(id=case.id).update(head_hash=prev)

    stored = await DisputeCase.get(id=case.id)
    alone = await verify(stored)
    against_receipt = await verify(stored, receipt)
    assert (alone.ok, alone.first_broken_sequence) == (True, None)
    # The chain itself holds; its event at the receipt's sequence is another (issue 19).
    assert (against_receipt.ok, against_receipt.result, against_receipt.first_broken_sequence) == (
        False,
        VerificationResult.RECEIPT_MISMATCH,
        None,
    )


async def test_each_case_has_its_own_chain(factory: Factory) -> None:
    case = await six_events(factory)
    other = await six_events(factory)

    await TimelineEvent.filter(case_id=case.id, sequence=2).update(kind="clock_met")

    assert (await broken_at(case), await broken_at(other)) == (2, None)
    first_links = await TimelineEvent.filter(sequence=1).values_list("prev_hash", flat=True)
    assert first_links == [GENESIS, GENESIS]


@pytest.mark.parametrize(
    ("column", "value", "sqlite_only"),
    [
        ("visibility", "'bogus'", False),
        ("payload", "'not json'", True),
        ("actor_id", "'not-a-uuid'", True),
        ("occurred_at", "'yesterday'", True),
    ],
)
async def test_a_value_the_model_could_not_load_is_reported_not_raised(
    factory: Factory, database_url: str, column: str, value: str, sqlite_only: bool
) -> None:
    if sqlite_only and not database_url.startswith("sqlite"):
        pytest.skip("PostgreSQL's column types refuse this value before it is stored")
    case = await six_events(factory)
    event = await row(case, 3)

    await connections.get("default").execute_query(
        f"UPDATE timeline_event SET {column} = {value} WHERE id = {event.id}"
    )

    assert await broken_at(case) == 3


async def test_an_erased_payload_keeps_the_chain_verifiable(factory: Factory) -> None:
    case = await six_events(factory)
    event = await row(case, 1)
    assert event.payload  # the referral's details

    await erase_payload(event.id, event.occurred_at + timedelta(days=400))

    erased = await row(case, 1)
    assert set(erased.payload) == {ERASED}
    assert erased.payload_digest == event.payload_digest
    assert await broken_at(case) is None

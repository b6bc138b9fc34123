"""Issue 19, part A: everything on the chain. A message's text, a document version's row and a
complaint's steps are covered by a hash chain; changing any of them in the database makes
verification name the event (its sequence and kind, or the step and its action) that no longer
holds. A redacted row (its content removed, `redacted_at` set) still verifies."""

from __future__ import annotations

import hashlib
import io
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from tortoise import connections

from portal.api.node import to_global_id
from portal.casefiles import services
from portal.casefiles.models import Document, Message
from portal.casefiles.storage import DatabaseStorage
from portal.cases.models import DisputeCase
from portal.complaints.chain import StepBreakReason, verify_complaint
from portal.complaints.models import Complaint, ComplaintStep
from portal.complaints.services import file_complaint, take_step
from portal.complaints.states import ComplaintAction
from portal.settings import Settings
from portal.timeline.coverage import BreakReason
from portal.timeline.models import TimelineEvent, Visibility
from portal.timeline.services import ChainBreak, erase_payload, name_break, verify
from tests.factories import Factory, World, actor_for, quick_world
from tests.test_api_support import call, case_id, token_for

LATER = datetime(2040, 1, 1, tzinfo=UTC)


async def broken(case: DisputeCase) -> ChainBreak | None:
    """The event verification names, or None when the chain holds."""
    stored = await DisputeCase.get(id=case.id)
    result = await verify(stored)
    assert result.ok is (result.first_broken_sequence is None)
    if result.first_broken_sequence is None:
        return None
    return await name_break(stored, result.first_broken_sequence)


async def event_of(case: DisputeCase, kind: str, **payload: str) -> TimelineEvent:
    events = await TimelineEvent.filter(case_id=case.id, kind=kind).order_by("sequence")
    found = [e for e in events if all(e.payload.get(k) == v for k, v in payload.items())]
    assert len(found) == 1, (kind, payload, [e.payload for e in events])
    return found[0]


# --- messages --------------------------------------------------------------------------------


async def _with_messages(w: World) -> tuple[DisputeCase, Message, Message]:
    case = await w.new_case()
    first = await services.post_message(
        await actor_for(w.complainant), case.id, "The bill says 240 EUR.", Visibility.ALL_PARTIES
    )
    second = await services.post_message(
        await actor_for(w.agent), case.id, "Our records say 120 EUR.", Visibility.ALL_PARTIES
    )
    return case, first, second


async def test_a_message_posted_puts_the_digest_of_its_text_on_the_chain(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case, first, _ = await _with_messages(w)

    event = await event_of(case, "message_posted", message_id=str(first.id))

    assert event.payload["text_digest"] == hashlib.sha256(b"The bill says 240 EUR.").hexdigest()
    assert await broken(case) is None


MESSAGE_TAMPERING: dict[str, dict[str, Any]] = {
    "text": {"body": "The bill says 120 EUR."},
    "one trailing space": {"body": "Our records say 120 EUR. "},
    "scope": {"visibility": Visibility.CAUCUS_ORGANISATION},
    "time": {"created_at": LATER},
}


@pytest.mark.parametrize("change", list(MESSAGE_TAMPERING))
async def test_a_message_changed_in_the_database_names_its_event(
    factory: Factory, change: str
) -> None:
    w = await quick_world(factory)
    case, first, second = await _with_messages(w)
    for message in (first, second):
        event = await event_of(case, "message_posted", message_id=str(message.id))
        original = {k: getattr(message, k) for k in MESSAGE_TAMPERING[change]}

        await Message.filter(id=message.id).update(**MESSAGE_TAMPERING[change])

        assert await broken(case) == ChainBreak(
            event.sequence, "message_posted", BreakReason.MESSAGE_ALTERED
        )
        await Message.filter(id=message.id).update(**original)
    assert await broken(case) is None


async def test_a_message_changed_by_raw_sql_names_its_event(factory: Factory) -> None:
    w = await quick_world(factory)
    case, _, second = await _with_messages(w)
    event = await event_of(case, "message_posted", message_id=str(second.id))

    await connections.get("default").execute_query(
        "UPDATE message SET body = 'We refund 240 EUR.' WHERE id = '" + str(second.id) + "'"
    )

    assert await broken(case) == ChainBreak(
        event.sequence, "message_posted", BreakReason.MESSAGE_ALTERED
    )


async def test_a_deleted_message_names_its_event(factory: Factory) -> None:
    w = await quick_world(factory)
    case, _, second = await _with_messages(w)
    event = await event_of(case, "message_posted", message_id=str(second.id))

    await Message.filter(id=second.id).delete()

    assert await broken(case) == ChainBreak(
        event.sequence, "message_posted", BreakReason.MESSAGE_MISSING
    )


async def test_a_message_or_document_no_event_names_breaks_the_chain_after_its_head(
    factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    case, first, _ = await _with_messages(w)
    head = (await DisputeCase.get(id=case.id)).last_sequence
    forged = {
        k: getattr(first, k) for k in first._meta.db_fields if k not in ("id", "body", "author_id")
    }
    forged_message = await Message.create(
        **forged, body="We accept your claim in full.", author_id=w.manager.id
    )

    assert await broken(case) == ChainBreak(head + 1, None, BreakReason.MESSAGE_NOT_ON_CHAIN)

    # Redacted, it is no longer held against the chain (its event may have been erased).
    await Message.filter(id=forged_message.id).update(body="", redacted_at=LATER)
    assert await broken(case) is None

    _, _, second = await _with_versions(w, settings)
    other = await DisputeCase.get(id=second.case_id)
    copied = {k: getattr(second, k) for k in second._meta.db_fields if k != "id"}
    await Document.create(**{**copied, "storage_key": "forged", "version": 3})
    assert await broken(other) == ChainBreak(
        other.last_sequence + 1, None, BreakReason.DOCUMENT_NOT_ON_CHAIN
    )


async def test_a_redacted_message_still_verifies_and_its_text_is_gone(factory: Factory) -> None:
    w = await quick_world(factory)
    case, first, _ = await _with_messages(w)
    event = await event_of(case, "message_posted", message_id=str(first.id))

    # What retention or an erasure does (part D): the text goes, the mark stays, and the
    # event's payload is erased with its digest kept.
    await Message.filter(id=first.id).update(body="", redacted_at=LATER)
    await erase_payload(event.id, LATER)

    assert await broken(case) is None
    erased = await TimelineEvent.get(id=event.id)
    assert erased.payload_digest == event.payload_digest
    assert "text_digest" not in erased.payload
    assert (await Message.get(id=first.id)).body == ""


async def test_a_redacted_message_keeps_its_payload_checked_against_the_row(
    factory: Factory,
) -> None:
    """Redacted, but its event's payload not (yet) erased: the text is not compared, the rest
    of the row is."""
    w = await quick_world(factory)
    case, first, _ = await _with_messages(w)
    event = await event_of(case, "message_posted", message_id=str(first.id))

    await Message.filter(id=first.id).update(body="", redacted_at=LATER)
    assert await broken(case) is None

    await Message.filter(id=first.id).update(created_at=LATER)
    assert await broken(case) == ChainBreak(
        event.sequence, "message_posted", BreakReason.MESSAGE_ALTERED
    )


# --- document versions -----------------------------------------------------------------------


async def _with_versions(w: World, settings: Settings) -> tuple[DisputeCase, Document, Document]:
    case = await w.new_case()
    actor = await actor_for(w.complainant)
    storage = DatabaseStorage()
    first = await services.upload_document(
        storage,
        actor,
        case.id,
        services.IncomingFile("bill.txt", io.BytesIO(b"March: 240 EUR\n")),
        Visibility.ALL_PARTIES,
        max_bytes=settings.document_max_bytes,
    )
    second = await services.supersede_document(
        storage,
        actor,
        first.id,
        services.IncomingFile("bill.txt", io.BytesIO(b"March: 240 EUR (corrected)\n")),
        max_bytes=settings.document_max_bytes,
    )
    return case, await Document.get(id=first.id), second


DOCUMENT_TAMPERING: dict[str, dict[str, Any]] = {
    "sha256": {"sha256": "0" * 64},
    "version": {"version": 7},
    "filename": {"filename": "receipt.txt"},
    "size": {"size": 1},
    "scope": {"visibility": Visibility.CAUCUS_COMPLAINANT},
    "time": {"created_at": LATER},
}


@pytest.mark.parametrize("change", list(DOCUMENT_TAMPERING))
async def test_a_document_version_changed_in_the_database_names_its_event(
    factory: Factory, settings: Settings, change: str
) -> None:
    w = await quick_world(factory)
    case, first, second = await _with_versions(w, settings)
    kinds = {first.id: "document_uploaded", second.id: "document_superseded"}
    for document in (first, second):
        event = await event_of(case, kinds[document.id], document_id=str(document.id))
        original = {k: getattr(document, k) for k in DOCUMENT_TAMPERING[change]}

        await Document.filter(id=document.id).update(**DOCUMENT_TAMPERING[change])

        assert await broken(case) == ChainBreak(
            event.sequence, kinds[document.id], BreakReason.DOCUMENT_ALTERED
        )
        await Document.filter(id=document.id).update(**original)
    assert await broken(case) is None


async def test_a_document_version_moved_to_another_lineage_names_its_event(
    factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    case, _, second = await _with_versions(w, settings)
    event = await event_of(case, "document_superseded", document_id=str(second.id))

    await Document.filter(id=second.id).update(lineage_id=second.id)

    assert await broken(case) == ChainBreak(
        event.sequence, "document_superseded", BreakReason.DOCUMENT_ALTERED
    )


async def test_a_deleted_document_version_names_its_event(
    factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    case, _, second = await _with_versions(w, settings)
    event = await event_of(case, "document_superseded", document_id=str(second.id))

    await Document.filter(id=second.id).delete()

    assert await broken(case) == ChainBreak(
        event.sequence, "document_superseded", BreakReason.DOCUMENT_MISSING
    )


async def test_a_redacted_document_version_still_verifies(
    factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    case, first, _ = await _with_versions(w, settings)
    event = await event_of(case, "document_uploaded", document_id=str(first.id))

    # Retention (part D): the content and its name go; the SHA-256 and the place stay.
    await Document.filter(id=first.id).update(
        filename="", content_type="", size=0, redacted_at=LATER
    )
    assert await broken(case) is None

    await Document.filter(id=first.id).update(sha256="f" * 64)
    assert await broken(case) == ChainBreak(
        event.sequence, "document_uploaded", BreakReason.DOCUMENT_ALTERED
    )


async def test_an_event_altered_itself_is_named_as_altered(factory: Factory) -> None:
    w = await quick_world(factory)
    case, first, _ = await _with_messages(w)
    event = await event_of(case, "message_posted", message_id=str(first.id))

    await TimelineEvent.filter(id=event.id).update(payload={**event.payload, "forged": True})
    assert await broken(case) == ChainBreak(
        event.sequence, "message_posted", BreakReason.EVENT_ALTERED
    )

    await TimelineEvent.filter(id=event.id).delete()
    assert await broken(case) == ChainBreak(event.sequence, None, BreakReason.EVENT_MISSING)


# --- complaint steps -------------------------------------------------------------------------


async def _handled_complaint(w: World) -> Complaint:
    complaint = await file_complaint(
        await actor_for(w.complainant),
        w.organisation.id,
        {"subject": "Double debit", "description": "Debited twice in March."},
    )
    agent = await actor_for(w.agent)
    await take_step(agent, complaint.id, ComplaintAction.ACKNOWLEDGE)
    await take_step(agent, complaint.id, ComplaintAction.ADD_NOTE, {"note": "Called them back."})
    await take_step(
        agent, complaint.id, ComplaintAction.ASSESS, {"assessment": "Two debits on 3 March."}
    )
    return await Complaint.get(id=complaint.id)


async def step_at(complaint: Complaint, sequence: int) -> ComplaintStep:
    return await ComplaintStep.get(complaint_id=complaint.id, sequence=sequence)


async def complaint_break(complaint: Complaint) -> tuple[int, str | None, StepBreakReason] | None:
    result = await verify_complaint(await Complaint.get(id=complaint.id))
    assert result.ok is (result.broken is None)
    if result.broken is None:
        return None
    return (result.broken.sequence, result.broken.action, result.broken.reason)


async def test_each_step_of_a_complaint_is_chained_to_the_one_before(factory: Factory) -> None:
    w = await quick_world(factory)
    complaint = await _handled_complaint(w)

    steps = await ComplaintStep.filter(complaint_id=complaint.id).order_by("sequence")
    result = await verify_complaint(complaint)

    assert [(s.sequence, s.action.value) for s in steps] == [
        (1, "file"),
        (2, "acknowledge"),
        (3, "add_note"),
        (4, "assess"),
    ]
    assert [s.prev_hash for s in steps] == ["0" * 64, *(s.hash for s in steps[:-1])]
    assert steps[2].text_digest == hashlib.sha256(b"Called them back.").hexdigest()
    assert (complaint.last_sequence, complaint.head_hash) == (4, steps[-1].hash)
    assert (result.ok, result.length, result.head_hash, result.broken) == (
        True,
        4,
        steps[-1].hash,
        None,
    )


STEP_TAMPERING: dict[str, tuple[dict[str, Any], StepBreakReason]] = {
    "text": ({"text": "Nothing found."}, StepBreakReason.TEXT_ALTERED),
    "text and its digest": (
        {"text": "Nothing found.", "text_digest": hashlib.sha256(b"Nothing found.").hexdigest()},
        StepBreakReason.STEP_ALTERED,
    ),
    "time": ({"at": LATER}, StepBreakReason.STEP_ALTERED),
    "role": ({"actor_role": "system"}, StepBreakReason.STEP_ALTERED),
    "status": ({"status": "closed"}, StepBreakReason.STEP_ALTERED),
}


@pytest.mark.parametrize("change", list(STEP_TAMPERING))
async def test_a_complaint_step_changed_in_the_database_names_the_step(
    factory: Factory, change: str
) -> None:
    w = await quick_world(factory)
    complaint = await _handled_complaint(w)
    values, reason = STEP_TAMPERING[change]
    found = {}
    for sequence in (1, 3, 4):
        step = await step_at(complaint, sequence)
        original = {k: getattr(step, k) for k in values}
        await ComplaintStep.filter(id=step.id).update(**values)
        found[sequence] = await complaint_break(complaint)
        await ComplaintStep.filter(id=step.id).update(**original)

    assert found == {
        1: (1, "file", reason),
        3: (3, "add_note", reason),
        4: (4, "assess", reason),
    }
    assert await complaint_break(complaint) is None


async def test_a_deleted_or_added_complaint_step_is_named(factory: Factory) -> None:
    w = await quick_world(factory)
    complaint = await _handled_complaint(w)
    third = await step_at(complaint, 3)

    await ComplaintStep.filter(id=third.id).delete()
    assert await complaint_break(complaint) == (3, None, StepBreakReason.STEP_MISSING)

    await ComplaintStep.create(**{k: getattr(third, k) for k in third._meta.db_fields if k != "id"})
    assert await complaint_break(complaint) is None

    await ComplaintStep.filter(complaint_id=complaint.id, sequence=4).delete()
    assert await complaint_break(complaint) == (4, None, StepBreakReason.STEP_MISSING)


async def test_a_redacted_complaint_step_still_verifies(factory: Factory) -> None:
    w = await quick_world(factory)
    complaint = await _handled_complaint(w)
    note = await step_at(complaint, 3)

    await ComplaintStep.filter(id=note.id).update(text="", redacted_at=LATER)
    assert await complaint_break(complaint) is None

    await ComplaintStep.filter(id=note.id).update(text_digest="0" * 64)
    assert await complaint_break(complaint) == (3, "add_note", StepBreakReason.STEP_ALTERED)


# --- GraphQL ---------------------------------------------------------------------------------

VERIFY_TIMELINE = """
query V($id: ID!) {
  verifyTimeline(caseId: $id) {
    ok firstBrokenSequence brokenEvent { sequence kind reason }
  }
}
"""
VERIFY_COMPLAINT = """
query V($id: ID!) {
  verifyComplaint(complaintId: $id) {
    ok length headHash anchored brokenStep { sequence action reason }
  }
}
"""


async def test_graphql_names_the_event_and_the_step_that_no_longer_hold(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case, first, _ = await _with_messages(w)
    complaint = await Complaint.get(id=case.complaint_id)
    event = await event_of(case, "message_posted", message_id=str(first.id))
    auditor = await token_for(app, w.auditor)
    case_gid = {"id": case_id(case)}
    complaint_gid = {"id": to_global_id("Complaint", complaint.id)}

    intact = await call(client, auditor, VERIFY_TIMELINE, case_gid)
    intact_complaint = await call(client, auditor, VERIFY_COMPLAINT, complaint_gid)
    await Message.filter(id=first.id).update(body="The bill says 120 EUR.")
    await ComplaintStep.filter(complaint_id=complaint.id, sequence=1).update(text="Changed.")
    tampered = await call(client, auditor, VERIFY_TIMELINE, case_gid)
    tampered_complaint = await call(client, auditor, VERIFY_COMPLAINT, complaint_gid)

    assert intact["data"]["verifyTimeline"] == {
        "ok": True,
        "firstBrokenSequence": None,
        "brokenEvent": None,
    }
    assert tampered["data"]["verifyTimeline"] == {
        "ok": False,
        "firstBrokenSequence": event.sequence,
        "brokenEvent": {
            "sequence": event.sequence,
            "kind": "message_posted",
            "reason": "MESSAGE_ALTERED",
        },
    }
    assert intact_complaint["data"]["verifyComplaint"] == {
        "ok": True,
        "length": 2,  # filed, referred
        "headHash": complaint.head_hash,
        "anchored": False,
        "brokenStep": None,
    }
    assert tampered_complaint["data"]["verifyComplaint"]["brokenStep"] == {
        "sequence": 1,
        "action": "FILE",
        "reason": "TEXT_ALTERED",
    }


async def test_verify_complaint_hides_a_complaint_the_caller_may_not_see(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    other = await quick_world(factory)
    complaint = await _handled_complaint(w)

    body = await call(
        client,
        await token_for(app, other.agent),
        VERIFY_COMPLAINT,
        {"id": to_global_id("Complaint", complaint.id)},
    )

    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_a_step_taken_after_a_redaction_still_chains(factory: Factory) -> None:
    """The head is what the complaint records, so a later step chains onto a redacted one."""
    w = await quick_world(factory)
    complaint = await _handled_complaint(w)
    await ComplaintStep.filter(complaint_id=complaint.id, sequence=4).update(
        text="", redacted_at=LATER
    )

    await take_step(
        await actor_for(w.agent),
        complaint.id,
        ComplaintAction.RESPOND,
        {"response": "Refunded.", "decision": "upheld"},
        at=datetime.now(UTC) + timedelta(minutes=1),
    )

    assert await complaint_break(complaint) is None
    assert (await Complaint.get(id=complaint.id)).last_sequence == 5

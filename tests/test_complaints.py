"""ISO 10002 complaints: filed online or recorded by an agent, handled in order by the
organisation's staff, and referred once to one of the organisation's providers."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from tortoise.transactions import in_transaction

from portal.accounts.models import Membership, Role, User
from portal.auth.actor import Actor, ActorKind, Grant
from portal.cases.errors import CaseError
from portal.cases.models import CaseParticipant, Clock, DisputeCase
from portal.cases.states import ClockKind, ClockStatus, Method, Party, Stage
from portal.complaints.models import Channel, Complaint, ComplaintStatus
from portal.complaints.services import (
    ComplaintError,
    ComplaintNotFound,
    file_complaint,
    next_reference,
    record_complaint,
    refer_complaint,
    take_step,
)
from portal.complaints.states import ComplaintAction
from portal.timeline.models import TimelineEvent
from portal.timeline.services import verify
from tests.factories import Factory, World, actor_for, quick_world

COMPLAINT = {
    "subject": "Overcharged on the March bill",
    "description": "Billed twice for March.",
    "remedy_sought": "Refund of 120 EUR",
}
A = ComplaintAction
STEPS: dict[ComplaintAction, dict[str, Any]] = {
    A.ACKNOWLEDGE: {},
    A.ASSESS: {"assessment": "A duplicate direct debit."},
    A.RESPOND: {"response": "We refund 60 EUR.", "decision": "partly_upheld"},
    A.CLOSE: {"note": "Answered; the complainant may refer it."},
}


async def person(factory: Factory, role: Role | None = None, **scope: Any) -> User:
    return await Factory(factory.settings, passwords=False).user(role, **scope)


async def filed(w: World) -> Complaint:
    return await file_complaint(await actor_for(w.complainant), w.organisation.id, COMPLAINT)


async def refusal(coroutine: Any) -> CaseError:
    with pytest.raises(CaseError) as raised:
        await coroutine
    return raised.value


def referral(w: World, **data: Any) -> dict[str, Any]:
    return {
        "provider_id": w.provider.id,
        "method": "mediation",
        "unresolved_reason": "The refund was refused.",
        "claimed_amount": "120.00",
        **data,
    }


async def test_a_consumer_files_a_complaint_online(factory: Factory) -> None:
    w = await quick_world(factory)
    before = datetime.now(UTC)

    complaint = await filed(w)

    stored = await Complaint.get(id=complaint.id)
    year = stored.received_at.year
    assert stored.reference == f"CMP-{year}-000001"
    assert (stored.organisation_id, stored.complainant_id, stored.recorded_by_id) == (
        w.organisation.id,
        w.complainant.id,
        None,
    )
    assert (stored.channel, stored.status) == (Channel.WEB, ComplaintStatus.RECEIVED)
    assert (stored.subject, stored.description, stored.remedy_sought) == (
        "Overcharged on the March bill",
        "Billed twice for March.",
        "Refund of 120 EUR",
    )
    assert before <= stored.received_at <= datetime.now(UTC)


async def test_an_integration_client_cannot_file_a_complaint_of_its_own(factory: Factory) -> None:
    w = await quick_world(factory)
    client = await factory.service_account(organisation=w.organisation)
    actor = Actor(
        kind=ActorKind.SERVICE_ACCOUNT,
        id=client.account.id,
        grants=(Grant(Role.ORG_AGENT, w.organisation.id),),
    )

    refused = await refusal(file_complaint(actor, w.organisation.id, COMPLAINT))

    assert refused.code == "FORBIDDEN"
    assert await Complaint.all().count() == 0


async def test_a_complaint_needs_a_subject_and_a_description(factory: Factory) -> None:
    w = await quick_world(factory)
    actor = await actor_for(w.complainant)

    no_subject = await refusal(file_complaint(actor, w.organisation.id, {"description": "D"}))
    too_long = await refusal(
        file_complaint(actor, w.organisation.id, {**COMPLAINT, "subject": "x" * 201})
    )
    no_description = await refusal(file_complaint(actor, w.organisation.id, {"subject": "S"}))
    nowhere = await refusal(file_complaint(actor, uuid.uuid4(), COMPLAINT))

    assert (no_subject.code, no_subject.field) == ("REQUIRED", "subject")
    assert (too_long.code, too_long.field) == ("TOO_LONG", "subject")
    assert (no_description.code, no_description.field) == ("REQUIRED", "description")
    assert (nowhere.code, nowhere.field) == ("ORGANISATION_NOT_FOUND", "organisation_id")
    assert await Complaint.all().count() == 0


@pytest.mark.parametrize(
    ("key", "value"), [("subject", "Bill\x00"), ("description", "Half a pair: \udc00")]
)
async def test_text_a_database_cannot_store_is_refused(
    factory: Factory, key: str, value: str
) -> None:
    w = await quick_world(factory)

    refused = await refusal(
        file_complaint(await actor_for(w.complainant), w.organisation.id, {**COMPLAINT, key: value})
    )

    assert (refused.code, refused.field) == ("INVALID_INPUT", key)
    assert await Complaint.all().count() == 0


async def test_an_agent_records_a_phone_complaint_and_opens_an_account_without_password(
    factory: Factory,
) -> None:
    w = await quick_world(factory)

    complaint = await record_complaint(
        await actor_for(w.agent),
        w.organisation.id,
        {
            **COMPLAINT,
            "channel": "phone",
            "complainant_email": " Erika.Muster@Example.org ",
            "complainant_name": "Erika Muster",
        },
    )

    complainant = await User.get(id=complaint.complainant_id)
    assert (complainant.email, complainant.display_name, complainant.password_hash) == (
        "erika.muster@example.org",
        "Erika Muster",
        "",
    )
    assert await Membership.filter(user_id=complainant.id).count() == 0
    assert (complaint.channel, complaint.recorded_by_id, complaint.status) == (
        Channel.PHONE,
        w.agent.id,
        ComplaintStatus.RECEIVED,
    )
    assert complaint.reference == f"CMP-{complaint.received_at.year}-000001"


async def test_recording_for_a_known_address_uses_the_existing_account_unconfirmed(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    users = await User.all().count()

    complaint = await record_complaint(
        await actor_for(w.manager),
        w.organisation.id,
        {
            **COMPLAINT,
            "channel": "letter",
            "complainant_email": w.complainant.email.upper(),
            "complainant_name": "As Told",
        },
    )

    assert complaint.complainant_id == w.complainant.id
    assert complaint.recorded_by_id == w.manager.id
    # Issue 13 F5: under the name the manager was given, until the complainant confirms it.
    assert (complaint.complainant_name, complaint.confirmed_at) == ("As Told", None)
    assert await User.all().count() == users


async def test_a_rejected_recording_opens_no_account(factory: Factory) -> None:
    w = await quick_world(factory)
    agent = await actor_for(w.agent)
    new = {"complainant_email": "new@example.org", "complainant_name": "New Person"}

    pigeon = await refusal(
        record_complaint(agent, w.organisation.id, {**COMPLAINT, **new, "channel": "pigeon"})
    )
    no_subject = await refusal(
        record_complaint(agent, w.organisation.id, {**new, "channel": "phone", "description": "D"})
    )

    assert (pigeon.code, pigeon.field) == ("INVALID_CHOICE", "channel")
    assert (no_subject.code, no_subject.field) == ("REQUIRED", "subject")
    assert not await User.exists(email="new@example.org")
    assert await Complaint.all().count() == 0


async def test_recording_for_a_malformed_address_is_a_complaint_error(factory: Factory) -> None:
    w = await quick_world(factory)
    agent = await actor_for(w.agent)
    bad = {"complainant_email": "not an address", "complainant_name": "X", "channel": "phone"}

    error = await refusal(record_complaint(agent, w.organisation.id, {**COMPLAINT, **bad}))

    assert isinstance(error, ComplaintError)
    assert (error.code, error.field) == ("INVALID_EMAIL", "complainant_email")
    assert await Complaint.all().count() == 0


async def test_only_the_organisations_staff_record_complaints(factory: Factory) -> None:
    w = await quick_world(factory)
    other = await factory.organisation()
    outsiders = [
        w.complainant,
        w.caseworker,
        w.auditor,
        await person(factory, Role.ORG_AGENT, organisation=other),
        await person(factory, Role.ADMIN),
    ]
    data = {**COMPLAINT, "channel": "phone", "complainant_email": "new@example.org"}

    codes = [
        (await refusal(record_complaint(await actor_for(u), w.organisation.id, data))).code
        for u in outsiders
    ]

    assert codes == ["FORBIDDEN"] * len(outsiders)
    assert await Complaint.all().count() == 0
    assert not await User.exists(email="new@example.org")


async def test_references_are_sequential_per_year_for_every_channel(factory: Factory) -> None:
    w = await quick_world(factory)
    agent = await actor_for(w.agent)
    recorded = {
        **COMPLAINT,
        "channel": "email",
        "complainant_email": w.complainant.email,
        "complainant_name": "Caller",
    }

    first = await filed(w)
    second = await record_complaint(agent, w.organisation.id, recorded)
    third = await filed(w)
    case = await refer_complaint(await actor_for(w.complainant), first.id, referral(w))
    other_case = await refer_complaint(agent, third.id, referral(w))

    year = first.received_at.year
    assert [first.reference, second.reference, third.reference] == [
        f"CMP-{year}-000001",
        f"CMP-{year}-000002",
        f"CMP-{year}-000003",
    ]
    assert [case.reference, other_case.reference] == [f"DR-{year}-000001", f"DR-{year}-000002"]


async def test_reference_numbers_restart_every_year(db: str) -> None:
    new_years_eve = datetime(2026, 12, 31, 23, 59, tzinfo=UTC)

    async with in_transaction():
        references = [
            await next_reference("CMP", new_years_eve),
            await next_reference("CMP", new_years_eve),
            await next_reference("CMP", new_years_eve + timedelta(minutes=1)),
            await next_reference("DR", new_years_eve + timedelta(minutes=2)),
            await next_reference("CMP", new_years_eve + timedelta(minutes=3)),
        ]

    assert references == [
        "CMP-2026-000001",
        "CMP-2026-000002",
        "CMP-2027-000001",
        "DR-2027-000001",
        "CMP-2027-000002",
    ]


async def test_references_stay_unique_when_filed_at_once(factory: Factory) -> None:
    w = await quick_world(factory)
    actor = await actor_for(w.complainant)

    complaints = await asyncio.gather(
        *(file_complaint(actor, w.organisation.id, COMPLAINT) for _ in range(8))
    )

    year = complaints[0].received_at.year
    assert sorted(c.reference for c in complaints) == [f"CMP-{year}-{n:06d}" for n in range(1, 9)]


async def test_the_staff_handle_a_complaint_step_by_step(factory: Factory) -> None:
    w = await quick_world(factory)
    complaint = await filed(w)
    before = datetime.now(UTC)

    statuses = []
    for action, data in STEPS.items():
        handler = w.manager if action is A.CLOSE else w.agent
        done = await take_step(await actor_for(handler), complaint.id, action, data)
        statuses.append(done.status)

    stored = await Complaint.get(id=complaint.id)
    assert statuses == [
        ComplaintStatus.ACKNOWLEDGED,
        ComplaintStatus.ASSESSED,
        ComplaintStatus.RESPONDED,
        ComplaintStatus.CLOSED,
    ]
    assert (stored.status, stored.assessment, stored.response, stored.closure_note) == (
        ComplaintStatus.CLOSED,
        "A duplicate direct debit.",
        "We refund 60 EUR.",
        "Answered; the complainant may refer it.",
    )
    stamps = [stored.acknowledged_at, stored.assessed_at, stored.responded_at, stored.closed_at]
    assert all(stamp is not None and stamp >= before for stamp in stamps)
    assert stamps == sorted(stamps)  # type: ignore[type-var]


async def test_a_step_needs_its_text(factory: Factory) -> None:
    w = await quick_world(factory)
    complaint = await filed(w)
    agent = await actor_for(w.agent)

    await take_step(agent, complaint.id, A.ACKNOWLEDGE)

    unassessed = await refusal(take_step(agent, complaint.id, A.ASSESS, {}))
    unanswered = await refusal(take_step(agent, complaint.id, A.RESPOND, {"response": "No."}))

    assert (unassessed.code, unassessed.field) == ("REQUIRED", "assessment")
    assert (unanswered.code, unanswered.field) == ("INVALID_CHOICE", "decision")
    assert (await Complaint.get(id=complaint.id)).status is ComplaintStatus.ACKNOWLEDGED


@pytest.mark.parametrize(
    ("reached", "wanted"),
    [
        ([], A.ASSESS),
        ([], A.RESPOND),
        ([], A.CLOSE),
        ([A.ACKNOWLEDGE], A.ACKNOWLEDGE),
        ([A.ACKNOWLEDGE, A.ASSESS], A.ACKNOWLEDGE),
        ([A.ACKNOWLEDGE, A.RESPOND], A.ASSESS),
        ([A.ACKNOWLEDGE, A.CLOSE], A.RESPOND),
        ([A.ACKNOWLEDGE, A.CLOSE], A.CLOSE),
        ([A.ACKNOWLEDGE, A.CLOSE], A.ADD_NOTE),
        ([A.REFER], A.ACKNOWLEDGE),
        ([A.REFER], A.CLOSE),
        ([A.REFER], A.ADD_NOTE),
    ],
)
async def test_a_step_out_of_order_is_refused(
    factory: Factory, reached: list[ComplaintAction], wanted: ComplaintAction
) -> None:
    w = await quick_world(factory)
    complaint = await filed(w)
    agent = await actor_for(w.agent)
    for action in reached:
        if action is A.REFER:
            await refer_complaint(agent, complaint.id, referral(w))
        else:
            await take_step(agent, complaint.id, action, STEPS[action])
    before = await Complaint.filter(id=complaint.id).values()

    data = STEPS.get(wanted, {"note": "Called back."})
    refused = await refusal(take_step(agent, complaint.id, wanted, data))

    assert refused.code == "ACTION_NOT_AVAILABLE"
    assert await Complaint.filter(id=complaint.id).values() == before


async def test_only_the_organisations_staff_handle_a_complaint(factory: Factory) -> None:
    w = await quick_world(factory)
    complaint = await filed(w)
    other = await factory.organisation()
    who = {
        "complainant": w.complainant,
        "auditor": w.auditor,
        "caseworker": w.caseworker,
        "neutral": w.neutral,
        "foreign agent": await person(factory, Role.ORG_AGENT, organisation=other),
        "other consumer": await person(factory),
    }
    before = await Complaint.filter(id=complaint.id).values()

    codes = {}
    for name, user in who.items():
        error = await refusal(take_step(await actor_for(user), complaint.id, A.ACKNOWLEDGE))
        codes[name] = error.code
    missing = await refusal(take_step(await actor_for(w.agent), uuid.uuid4(), A.ACKNOWLEDGE))

    assert codes == {
        "complainant": "FORBIDDEN",
        "auditor": "FORBIDDEN",
        "caseworker": "NOT_FOUND",
        "neutral": "NOT_FOUND",
        "foreign agent": "NOT_FOUND",
        "other consumer": "NOT_FOUND",
    }
    assert isinstance(missing, ComplaintNotFound)
    assert await Complaint.filter(id=complaint.id).values() == before


async def test_a_referral_recorded_after_the_fact_opens_the_case_at_its_own_time(
    factory: Factory,
) -> None:
    """The time to resolve a dispute runs from the case's creation: a referral recorded with
    `at` (the demo's stories, an import) dates the case then, not when the row was written."""
    w = await quick_world(factory)
    complaint = await filed(w)
    then = datetime.now(UTC).replace(microsecond=0) - timedelta(days=40)

    case = await refer_complaint(await actor_for(w.complainant), complaint.id, referral(w), at=then)

    stored = await DisputeCase.get(id=case.id)
    assert stored.created_at == stored.stage_changed_at == then


async def test_a_referral_opens_the_dispute_case(factory: Factory) -> None:
    w = await quick_world(factory)
    complaint = await filed(w)

    case = await refer_complaint(
        await actor_for(w.complainant),
        complaint.id,
        referral(w, method="ombudsman_recommendation", currency="eur", language="de"),
    )

    stored = await Complaint.get(id=complaint.id)
    assert (stored.status, stored.unresolved_reason) == (
        ComplaintStatus.REFERRED,
        "The refund was refused.",
    )
    assert stored.referred_at == case.stage_changed_at
    case = await DisputeCase.get(id=case.id)
    assert case.reference == f"DR-{case.created_at.year}-000001"
    assert (case.complaint_id, case.organisation_id, case.provider_id, case.scheme_id) == (
        complaint.id,
        w.organisation.id,
        w.provider.id,
        w.scheme.id,
    )
    assert (case.complainant_id, case.subject, case.method, case.stage) == (
        w.complainant.id,
        "Overcharged on the March bill",
        Method.OMBUDSMAN_RECOMMENDATION,
        Stage.REFERRED,
    )
    assert (case.claimed_amount, case.currency, case.language) == (Decimal("120.00"), "EUR", "de")
    participants = await CaseParticipant.filter(case_id=case.id).values_list("user_id", "role")
    assert participants == [(w.complainant.id, "complainant")]
    clock = await Clock.get(case_id=case.id)
    assert (clock.kind, clock.responsible, clock.status, clock.days) == (
        ClockKind.ACCEPTANCE,
        Party.PROVIDER,
        ClockStatus.RUNNING,
        21,
    )
    assert clock.due_at == case.stage_changed_at + timedelta(days=21)
    referred, started = await TimelineEvent.filter(case_id=case.id).order_by("sequence")
    assert (referred.kind, referred.actor_id, referred.actor_role) == (
        "case_referred",
        w.complainant.id,
        "complainant",
    )
    assert referred.payload == {
        "complaint": complaint.reference,
        "method": "ombudsman_recommendation",
        "claimed_amount": "120.00",
        "currency": "EUR",
        "unresolved_reason": "The refund was refused.",
    }
    assert (started.kind, started.payload["clock"]) == ("clock_started", "acceptance")
    assert (await verify(case)).ok


async def test_the_organisation_may_not_name_a_representative(factory: Factory) -> None:
    # Issue 13 F1: only the complainant names who acts for them.
    w = await quick_world(factory)
    complaint = await filed(w)
    representative = await person(factory)

    refused = await refusal(
        refer_complaint(
            await actor_for(w.agent), complaint.id, referral(w, representative_id=representative.id)
        )
    )

    assert (refused.code, refused.field) == ("REPRESENTATIVE_NOT_ALLOWED", "representative_id")
    assert (await Complaint.get(id=complaint.id)).status is ComplaintStatus.RECEIVED
    assert await DisputeCase.all().count() == 0
    assert await CaseParticipant.all().count() == 0


async def test_a_representative_who_does_not_exist_is_refused(factory: Factory) -> None:
    w = await quick_world(factory)
    complaint = await filed(w)

    refused = await refusal(
        refer_complaint(
            await actor_for(w.complainant),
            complaint.id,
            referral(w, representative_id=uuid.uuid4()),
        )
    )

    assert (refused.code, refused.field) == ("NOT_FOUND", "representative_id")
    assert (await Complaint.get(id=complaint.id)).status is ComplaintStatus.RECEIVED
    assert await DisputeCase.all().count() == 0


async def test_a_referral_to_a_provider_outside_the_organisations_schemes_is_refused(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    elsewhere = await factory.provider("Elsewhere ADR")
    complaint = await filed(w)
    actor = await actor_for(w.complainant)

    unlinked = await refusal(
        refer_complaint(actor, complaint.id, referral(w, provider_id=elsewhere.id))
    )
    nowhere = await refusal(refer_complaint(actor, complaint.id, referral(w, provider_id=None)))

    assert (unlinked.code, unlinked.field) == ("PROVIDER_NOT_AVAILABLE", "provider_id")
    assert nowhere.code == "PROVIDER_NOT_AVAILABLE"
    assert (await Complaint.get(id=complaint.id)).status is ComplaintStatus.RECEIVED
    assert await DisputeCase.all().count() == 0


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"method": "duel"}, "INVALID_CHOICE", "method"),
        ({"unresolved_reason": ""}, "REQUIRED", "unresolved_reason"),
        ({"language": "tlh"}, "INVALID_LANGUAGE", "language"),
        ({"claimed_amount": "12.345"}, "INVALID_AMOUNT", "claimed_amount"),
        ({"currency": "EURO"}, "INVALID_CURRENCY", "currency"),
    ],
)
async def test_an_invalid_referral_changes_nothing(
    factory: Factory, change: dict[str, str], code: str, field: str
) -> None:
    w = await quick_world(factory)
    complaint = await filed(w)
    before = await Complaint.filter(id=complaint.id).values()

    refused = await refusal(
        refer_complaint(await actor_for(w.complainant), complaint.id, referral(w, **change))
    )

    assert (refused.code, refused.field) == (code, field)
    assert await Complaint.filter(id=complaint.id).values() == before
    assert await DisputeCase.all().count() == 0


async def test_a_complaint_is_referred_once(factory: Factory) -> None:
    w = await quick_world(factory)
    complaint = await filed(w)
    actor = await actor_for(w.complainant)
    case = await refer_complaint(actor, complaint.id, referral(w))

    again = await refusal(
        refer_complaint(actor, complaint.id, referral(w, method="arbitration_binding"))
    )
    by_the_agent = await refusal(
        refer_complaint(await actor_for(w.agent), complaint.id, referral(w))
    )

    assert again.code == by_the_agent.code == "ALREADY_REFERRED"
    assert await DisputeCase.all().values_list("id", flat=True) == [case.id]


async def test_only_the_complainant_and_the_organisation_refer(factory: Factory) -> None:
    w = await quick_world(factory)
    complaint = await filed(w)
    other = await factory.organisation()
    who = {
        "auditor": w.auditor,
        "caseworker": w.caseworker,
        "foreign agent": await person(factory, Role.ORG_AGENT, organisation=other),
        "other consumer": await person(factory),
    }

    codes = {
        name: (await refusal(refer_complaint(await actor_for(u), complaint.id, referral(w)))).code
        for name, u in who.items()
    }

    assert codes == {
        "auditor": "FORBIDDEN",
        "caseworker": "NOT_FOUND",
        "foreign agent": "NOT_FOUND",
        "other consumer": "NOT_FOUND",
    }
    assert (await Complaint.get(id=complaint.id)).status is ComplaintStatus.RECEIVED
    assert await DisputeCase.all().count() == 0

"""ISO 10002 complaints handling, and the referral of an unresolved complaint (ISO 10003 7.2).

Every step on a complaint goes through the complaint transition table
(`portal.complaints.transitions`), executed by `portal.complaints.engine.perform`; the handlers
below write what is particular to each action. Importing this module registers them.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from decimal import Decimal
from typing import Any

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from portal.accounts.models import Membership, Organisation, Provider, User
from portal.accounts.services import create_user, is_email
from portal.auth.actor import Actor, ActorKind
from portal.auth.policy import is_staff_of, may_name_representative
from portal.auth.services import normalise_email
from portal.cases.engine import open_clock
from portal.cases.events import EventKind, record
from portal.cases.inputs import amount, choice, currency, text
from portal.cases.models import (
    CaseParticipant,
    DisputeCase,
    ReferenceCounter,
    Scheme,
)
from portal.cases.states import CaseRole, ClockKind, Method, Stage
from portal.codes import CaseLanguage
from portal.complaints.engine import (
    ComplaintError,
    ComplaintNotFound,
    Step,
    begin,
    handles,
    now,
    perform,
)
from portal.complaints.models import Channel, Complaint
from portal.complaints.states import ComplaintAction, ComplaintDecision, ComplaintRole
from portal.directory.models import ProviderProfile
from portal.directory.referrals import referral_links

__all__ = [
    "ComplaintAction",
    "ComplaintError",
    "ComplaintNotFound",
    "confirm_complaint",
    "file_complaint",
    "record_complaint",
    "refer_complaint",
    "take_step",
]

# Lengths of the one-line fields, characters (longer text: portal.cases.inputs.MAX_TEXT).
MAX_NAME = 200
MAX_SUBJECT = 200
LANGUAGES = frozenset(CaseLanguage)


async def next_reference(prefix: str, at: datetime) -> str:
    """`PREFIX-YYYY-NNNNNN`, unique and gap-free per year; call inside a transaction.

    The UPDATE locks the counter row until the transaction ends, so two referrals never get
    the same number on PostgreSQL; SQLite runs one transaction at a time anyway.
    """
    key = f"{prefix}-{at.year}"
    await ReferenceCounter.bulk_create([ReferenceCounter(key=key, value=0)], ignore_conflicts=True)
    await ReferenceCounter.filter(key=key).update(value=F("value") + 1)
    counter = await ReferenceCounter.get(key=key)
    return f"{key}-{counter.value:06d}"


def _not_retired(organisation: Organisation) -> None:
    """Issue 14: a retired organisation takes no new complaints (its own ones run on)."""
    if organisation.retired_at is not None:
        raise ComplaintError(
            "ORGANISATION_RETIRED",
            "This organisation no longer takes complaints through Parley.",
            field="organisation_id",
        )


async def file_complaint(
    actor: Actor,
    organisation_id: uuid.UUID,
    data: Mapping[str, Any],
    *,
    at: datetime | None = None,
) -> Complaint:
    """A consumer files a complaint with an organisation online (ISO 10002 7.2)."""
    if actor.kind is not ActorKind.USER:
        raise ComplaintError("FORBIDDEN", "Only a person files a complaint of their own.")
    organisation = await Organisation.get_or_none(id=organisation_id)
    if organisation is None:
        raise ComplaintError(
            "ORGANISATION_NOT_FOUND", "No such organisation.", field="organisation_id"
        )
    _not_retired(organisation)
    async with in_transaction():
        complaint = await _create(organisation, actor.id, None, Channel.WEB, data, at or now())
        await begin(complaint, ComplaintAction.FILE, actor, ComplaintRole.COMPLAINANT)
    return complaint


async def record_complaint(
    actor: Actor,
    organisation_id: uuid.UUID,
    data: Mapping[str, Any],
    *,
    at: datetime | None = None,
) -> Complaint:
    """An agent records a complaint received by phone, letter, e-mail or in person.

    Issue 13 F5: the agent must learn nothing of an account behind the address, and a complaint
    must not land unnoticed in a stranger's account. So, whether the address has an account or
    not, everything the agent sees is the same: the input is checked the same way, the complaint
    goes to the address's account (a new one, without a password, when there is none), shows
    the name the agent typed (`complainant_name`), and a mail tells the address what was
    recorded. The complaint stays unconfirmed until its complainant confirms it (or refers it
    themselves); until then others see only the recorded name and the organisation cannot
    refer it to dispute resolution, which would show the account's name to the organisation
    and the provider.
    """
    if not is_staff_of(actor, organisation_id):
        raise ComplaintError("FORBIDDEN", "Only the organisation's staff record complaints.")
    channel = choice(data, "channel", Channel)
    name = text(data, "complainant_name", max_length=MAX_NAME)
    email = normalise_email(text(data, "complainant_email"))
    if not is_email(email):
        raise ComplaintError(
            "INVALID_EMAIL", "That is not an e-mail address.", field="complainant_email"
        )
    recorded_by = actor.id if actor.kind is ActorKind.USER else None
    # One transaction: a recording refused for its content leaves no account behind.
    async with in_transaction():
        organisation = await Organisation.get(id=organisation_id)
        _not_retired(organisation)
        complainant = await User.get_or_none(email=email)
        if complainant is None:
            # Issue 14: theirs to claim (portal.accounts.signup); the mail invites them.
            complainant = await create_user(email, name)
            complainant.claim_pending = True
            await complainant.save(update_fields=["claim_pending"])
        complaint = await _create(
            organisation,
            complainant.id,
            recorded_by,
            channel,
            data,
            at or now(),
            recorded_as=name,
        )
        # The table's RECORD row tells the address (`complaint_recorded`).
        await begin(complaint, ComplaintAction.RECORD, actor, ComplaintRole.STAFF)
    return complaint


async def take_step(
    actor: Actor,
    complaint_id: uuid.UUID,
    action: ComplaintAction,
    data: Mapping[str, Any] | None = None,
    *,
    at: datetime | None = None,
) -> Complaint:
    """Acknowledge (7.4), assess (7.5), add a note (7.6), respond (7.7) or close (7.9): one
    row of the complaint table, as ``actor``."""
    return (await perform(actor, complaint_id, action, data, at=at)).complaint


async def confirm_complaint(
    actor: Actor, complaint_id: uuid.UUID, *, at: datetime | None = None
) -> Complaint:
    """The complainant confirms that a complaint recorded for them is theirs (issue 13 F5);
    confirming again changes nothing."""
    try:
        return await take_step(actor, complaint_id, ComplaintAction.CONFIRM, at=at)
    except ComplaintError as exc:
        if exc.code != "ALREADY_CONFIRMED":
            raise
    return await Complaint.get(id=complaint_id)


async def _create(
    organisation: Organisation,
    complainant_id: uuid.UUID,
    recorded_by: uuid.UUID | None,
    channel: Channel,
    data: Mapping[str, Any],
    at: datetime,
    *,
    recorded_as: str | None = None,
) -> Complaint:
    """Filed by the complainant (``recorded_as`` None): confirmed at once. Recorded for them by
    an agent: unconfirmed, under the name the agent was given (``recorded_as``)."""
    subject = text(data, "subject", max_length=MAX_SUBJECT)
    return await Complaint.create(
        reference=await next_reference("CMP", at),
        organisation_id=organisation.id,
        complainant_id=complainant_id,
        recorded_by_id=recorded_by,
        channel=channel,
        complainant_name=recorded_as or "",
        confirmed_at=at if recorded_as is None else None,
        subject=subject,
        description=text(data, "description"),
        remedy_sought=text(data, "remedy_sought", required=False),
        received_at=at,
    )


# --- what each step writes on the complaint (the table does the rest) -----------------------


@handles(ComplaintAction.CONFIRM)
async def _confirm(step: Step) -> None:
    step.complaint.confirmed_at = step.at


@handles(ComplaintAction.ACKNOWLEDGE)
async def _acknowledge(step: Step) -> None:
    step.complaint.acknowledged_at = step.at


@handles(ComplaintAction.ASSESS)
async def _assess(step: Step) -> None:
    step.complaint.assessment = step.text
    step.complaint.assessed_at = step.at


@handles(ComplaintAction.RESPOND)
async def _respond(step: Step) -> None:
    step.decision = choice(step.data, "decision", ComplaintDecision)
    step.complaint.decision = step.decision
    step.complaint.response = step.text
    step.complaint.responded_at = step.at


@handles(ComplaintAction.CLOSE)
async def _close(step: Step) -> None:
    step.complaint.closure_note = step.text
    step.complaint.closed_at = step.at


async def _check_representative(
    actor: Actor, complaint: Complaint, provider_id: uuid.UUID, candidate: uuid.UUID
) -> None:
    """Issue 13 F1: the policy decides who may name whom; checked before anything is written.

    The actor is judged first, so staff asking learn nothing of the person they named.
    """
    refused = ComplaintError(
        "REPRESENTATIVE_NOT_ALLOWED",
        "Only the complainant names a representative, and never someone who works for the "
        "organisation or the provider.",
        field="representative_id",
    )
    scope = (actor, complaint.complainant_id, complaint.organisation_id, provider_id, candidate)
    if not may_name_representative(*scope, ()):
        raise refused
    if not await User.exists(id=candidate):
        raise ComplaintError("NOT_FOUND", "No such person.", field="representative_id")
    if not may_name_representative(*scope, await Membership.filter(user_id=candidate)):
        raise refused


async def refer_complaint(
    actor: Actor,
    complaint_id: uuid.UUID,
    data: Mapping[str, Any],
    *,
    at: datetime | None = None,
) -> DisputeCase:
    """Take an unresolved complaint to one of the organisation's providers (ISO 10003 7.2)."""
    step = await perform(actor, complaint_id, ComplaintAction.REFER, data, at=at)
    case: DisputeCase = step.made["case"]
    return case


@handles(ComplaintAction.REFER)
async def _refer(step: Step) -> None:
    complaint, data, at = step.complaint, step.data, step.at
    provider_id = data.get("provider_id")
    link = (
        await referral_links(complaint.organisation_id).get_or_none(provider_id=provider_id)
        if isinstance(provider_id, uuid.UUID)
        else None
    )
    if (
        link is not None
        and await Provider.filter(id=link.provider_id, retired_at__isnull=False).exists()
    ):
        # Issue 14: a retired provider takes no new referrals; its cases run on.
        raise ComplaintError(
            "PROVIDER_RETIRED",
            "That provider no longer takes new cases.",
            field="provider_id",
        )
    if link is None or link.retired_at is not None:
        raise ComplaintError(
            "PROVIDER_NOT_AVAILABLE",
            "The organisation does not take part in that provider's scheme.",
            field="provider_id",
        )
    method = choice(data, "method", Method)
    scheme = await Scheme.get(id=link.scheme_id)
    profile = await ProviderProfile.get_or_none(provider_id=link.provider_id)
    offered = scheme.methods or (profile.methods if profile is not None else [])
    if offered and method.value not in offered:
        # EU ADR Art. 7(1): a provider publishes the methods it runs; no other is started.
        raise ComplaintError(
            "METHOD_NOT_OFFERED", "That provider does not offer this method.", field="method"
        )
    language = str(data.get("language") or "en")
    if language not in LANGUAGES:
        raise ComplaintError("INVALID_LANGUAGE", "That language is not offered.", field="language")
    claimed: Decimal | None = amount(data, "claimed_amount", required=False)
    representative = data.get("representative_id")
    assert step.actor is not None
    if isinstance(representative, uuid.UUID):
        await _check_representative(step.actor, complaint, link.provider_id, representative)
    complaint.referred_at = at
    # The complainant referring it is their confirmation.
    complaint.confirmed_at = complaint.confirmed_at or at
    complaint.unresolved_reason = step.text
    case = await DisputeCase.create(
        reference=await next_reference("DR", at),
        complaint_id=complaint.id,
        organisation_id=complaint.organisation_id,
        provider_id=link.provider_id,
        scheme_id=link.scheme_id,
        complainant_id=complaint.complainant_id,
        subject=complaint.subject,
        method=method,
        claimed_amount=claimed,
        currency=currency(data, "currency", "EUR"),
        language=language,
        unresolved_reason=step.text,
        stage=Stage.REFERRED,
        stage_changed_at=at,
        # The referral's time, also when it is recorded after the fact (`at`): the time to
        # resolve a dispute is measured from it.
        created_at=at,
    )
    await CaseParticipant.create(
        case_id=case.id, user_id=complaint.complainant_id, role=CaseRole.COMPLAINANT.value
    )
    if isinstance(representative, uuid.UUID):
        await CaseParticipant.create(
            case_id=case.id, user_id=representative, role=CaseRole.REPRESENTATIVE.value
        )
    role = CaseRole.COMPLAINANT if step.role is ComplaintRole.COMPLAINANT else CaseRole.ORGANISATION
    await record(
        case,
        EventKind.CASE_REFERRED,
        at=at,
        actor_id=step.actor_id,
        actor_role=role.value,
        payload={
            "complaint": complaint.reference,
            "method": method,
            "claimed_amount": claimed,
            "currency": case.currency,
            "unresolved_reason": step.text,
        },
    )
    await open_clock(
        case, scheme, ClockKind.ACCEPTANCE, at=at, actor_id=step.actor_id, actor_role=role.value
    )
    # Issue 20: the filing fees the scheme's schedule charges, invoiced with the referral.
    # Imported here, so that importing this module does not import portal.fees.
    from portal.fees.services import issue_invoices

    await issue_invoices(case, at=at, actor_id=step.actor_id, actor_role=role.value)
    await case.save()
    step.made["case"] = case

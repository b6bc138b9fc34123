"""Erasure requests (GDPR Art. 17): made by the person, or recorded by an admin from a request
on paper; the legal holds that stop them evaluated; decided by an admin with reasons; the
outcome recorded and mailed; when granted, the person's data erased the way retention erases it
(portal.privacy.redaction) and the account anonymised.
"""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import datetime
from typing import Any

from tortoise.transactions import in_transaction

from portal.accounts.models import LoginFailure, Membership, Session, StaffInvitation, User
from portal.auth import policy
from portal.auth.actor import Actor
from portal.casefiles.storage import Storage
from portal.cases.inputs import MAX_TEXT
from portal.cases.models import DisputeCase, RepresentativeInvitation, Scheme
from portal.complaints.models import Complaint, ComplaintStatus
from portal.lengths import at_most
from portal.notifications.mail import MailKind, in_zone
from portal.notifications.models import Channel, OutboxMessage, SignInCode
from portal.notifications.outbox import enqueue
from portal.privacy.errors import PrivacyError
from portal.privacy.models import DataExport, ErasureRequest, ErasureStatus, HoldKind
from portal.privacy.redaction import Rule, mails_erased, redact_case, redact_complaint
from portal.privacy.retention import DEFAULT_RETENTION_YEARS, kept_until

# An anonymised account's address: unique (the column is), and undeliverable by RFC 2606.
ERASED_DOMAIN = "erased.invalid"


def _hold(kind: HoldKind, reference: str, until: datetime | None) -> dict[str, Any]:
    if kind is HoldKind.OPEN_CASE:
        reason = f"{reference} is still being handled; its records are needed until it closes."
    else:
        reason = (
            f"The records of {reference} are kept until the end of their retention period, "
            "in case they are needed to establish or defend a legal claim (GDPR Art. 17(3)(e))."
        )
    return {
        "kind": kind.value,
        "reference": reference,
        "reason": reason,
        "until": until.isoformat() if until else None,
    }


async def legal_holds(user_id: uuid.UUID, at: datetime) -> list[dict[str, Any]]:
    """What stops erasing the person's data now: every case they take part in (as complainant
    or representative) and every complaint of theirs that is open, or closed and within its
    retention period. Redacted records hold nothing back any more."""
    holds: list[dict[str, Any]] = []
    case_ids = policy.participations_of(user_id).values_list("case_id", flat=True)
    years = dict(await Scheme.all().values_list("id", "retention_years"))
    cases = await DisputeCase.filter(id__in=await case_ids, redacted_at__isnull=True).order_by(
        "created_at"
    )
    for case in cases:
        if case.closed_at is None:
            holds.append(_hold(HoldKind.OPEN_CASE, case.reference, None))
        else:
            until = kept_until(case.closed_at, years[case.scheme_id])
            if until > at:
                holds.append(_hold(HoldKind.RETENTION_PERIOD, case.reference, until))
    complaints = (
        await Complaint.filter(complainant_id=user_id)
        .exclude(status=ComplaintStatus.REFERRED)
        .exclude(description="")
        .order_by("received_at")
    )
    for complaint in complaints:
        if complaint.status is not ComplaintStatus.CLOSED or complaint.closed_at is None:
            holds.append(_hold(HoldKind.OPEN_CASE, complaint.reference, None))
        else:
            until = kept_until(complaint.closed_at, DEFAULT_RETENTION_YEARS)
            if until > at:
                holds.append(_hold(HoldKind.RETENTION_PERIOD, complaint.reference, until))
    return holds


def _reasons(raw: str | None, field: str, required: bool) -> str:
    text = (raw or "").strip()
    if required and not text:
        raise PrivacyError("REASONS_REQUIRED", "Give the reasons for the decision.", field)
    return at_most(text, MAX_TEXT, field, PrivacyError)


async def request_erasure(
    actor: Actor, user_id: uuid.UUID, reasons: str | None, at: datetime
) -> ErasureRequest:
    """The person asks for their data to be erased, or an admin records their request made on
    paper. The holds are evaluated at once: with any, the request is HELD (and says why)."""
    if not policy.may_request_erasure(actor, user_id):
        raise PrivacyError("FORBIDDEN", "Your role does not allow this.")
    text = _reasons(reasons, "reasons", required=False)
    async with in_transaction():
        user = await User.select_for_update().get_or_none(id=user_id)
        if user is None or user.email.endswith("@" + ERASED_DOMAIN):
            raise PrivacyError("NOT_FOUND", "No such person.", "user_id")
        undecided = await ErasureRequest.filter(
            user_id=user_id, status__in=[ErasureStatus.PENDING, ErasureStatus.HELD]
        ).exists()
        if undecided:
            raise PrivacyError(
                "ERASURE_ALREADY_REQUESTED",
                "An erasure request of this person awaits its decision.",
            )
        holds = await legal_holds(user_id, at)
        return await ErasureRequest.create(
            user_id=user_id,
            requested_by_id=actor.id,
            on_paper=actor.id != user_id,
            reasons=text,
            status=ErasureStatus.HELD if holds else ErasureStatus.PENDING,
            holds=holds,
            created_at=at,
        )


async def _anonymise(user: User, at: datetime, counts: Counter[str]) -> None:
    """The account stays (other rows point at it), nameless, addressless, unable to sign in."""
    email = user.email
    await Session.filter(user_id=user.id).delete()
    await LoginFailure.filter(email=email).delete()
    await SignInCode.filter(email=email).delete()
    await Membership.filter(user_id=user.id).delete()
    await DataExport.filter(user_id=user.id).delete()
    await RepresentativeInvitation.filter(email=email).update(email="")
    await StaffInvitation.filter(email=email).update(email="")
    counts["mails"] += await mails_erased(await OutboxMessage.filter(recipient=email), at)
    await User.filter(id=user.id).update(
        email=f"{user.id.hex}@{ERASED_DOMAIN}",
        display_name="",
        password_hash="",
        is_active=False,
        claim_pending=False,
        last_login_at=None,
    )


async def erase_person(
    user_id: uuid.UUID, at: datetime, storage: Storage, request_id: uuid.UUID
) -> dict[str, int]:
    """Everything retention would erase of the person's cases and complaints, now; then the
    account. Each case in its own transaction with its `records_redacted` event."""
    counts: Counter[str] = Counter()
    detail = {"erasure_request": str(request_id)}
    case_ids = await policy.participations_of(user_id).values_list("case_id", flat=True)
    for case in await DisputeCase.filter(id__in=case_ids, redacted_at__isnull=True).only("id"):
        counts.update(await redact_case(case.id, at, storage, Rule.ERASURE, detail))
        counts["cases"] += 1
    complaints = Complaint.filter(complainant_id=user_id).exclude(status=ComplaintStatus.REFERRED)
    for complaint in await complaints.only("id"):
        counts.update(await redact_complaint(complaint.id, at))
        counts["complaints"] += 1
    async with in_transaction():
        user = await User.select_for_update().get(id=user_id)
        await _anonymise(user, at, counts)
    return dict(sorted(counts.items()))


async def decide_erasure(
    actor: Actor,
    request_id: uuid.UUID,
    grant: bool,
    reasons: str | None,
    at: datetime,
    storage: Storage,
) -> ErasureRequest:
    """An admin grants or refuses, with reasons. A grant is refused while any hold stands (they
    are evaluated again now); a refusal is always possible. The person is mailed the outcome."""
    if not policy.may_decide_erasure(actor):
        raise PrivacyError("FORBIDDEN", "Your role does not allow this.")
    text = _reasons(reasons, "reasons", required=True)
    request = await ErasureRequest.get_or_none(id=request_id)
    if request is None:
        raise PrivacyError("NOT_FOUND", "No such erasure request.", "request_id")
    # One decision: the first admin to get here claims the request (a conditional update, on
    # both databases); a second one, at the same moment or later, is told it is decided.
    claimed = await ErasureRequest.filter(
        id=request_id,
        decided_at__isnull=True,
        status__in=[ErasureStatus.PENDING, ErasureStatus.HELD],
    ).update(decided_at=at, decided_by_id=actor.id)
    if not claimed:
        raise PrivacyError("ALREADY_DECIDED", "This erasure request has been decided.")
    user = await User.get(id=request.user_id)
    recipient = (user.email, user.display_name, user.locale.value, user.time_zone)
    erased: dict[str, int] = {}
    try:
        holds = await legal_holds(user.id, at)
        if grant and holds:
            await ErasureRequest.filter(id=request.id).update(
                holds=holds, status=ErasureStatus.HELD
            )
            raise PrivacyError(
                "ERASURE_HELD", "A legal hold stops this erasure: see the request's holds."
            )
        if grant:
            erased = await erase_person(user.id, at, storage, request.id)
    except BaseException:
        # Not decided after all: the request is open to a decision again.
        await ErasureRequest.filter(id=request.id).update(decided_at=None, decided_by_id=None)
        raise
    async with in_transaction():
        request = await ErasureRequest.select_for_update().get(id=request_id)
        request.status = ErasureStatus.GRANTED if grant else ErasureStatus.REFUSED
        request.holds = holds
        request.decided_by_id = actor.id
        request.decided_at = at
        request.decision_reasons = text
        request.erased = erased
        await request.save()
        email, name, locale, zone = recipient
        context = {
            "granted": grant,
            "reasons": text,
            "holds": [
                {**h, "until": datetime.fromisoformat(h["until"]) if h["until"] else None}
                for h in holds
            ],
            "requested": request.created_at,
            "name": "" if grant else name,
        }
        await enqueue(
            Channel.EMAIL,
            MailKind.ERASURE_DECIDED.value,
            email,
            in_zone(context, zone),
            at=at,
            locale=locale,
        )
    return request

"""What each action writes beyond the table's stage, clocks and event: the records."""

from __future__ import annotations

from datetime import datetime

from portal.cases.engine import Step, extend, handles
from portal.cases.errors import CaseError
from portal.cases.inputs import amount, choice, currency, text
from portal.cases.models import Consent, Offer, Outcome
from portal.cases.notices import acceptance_notice, language_of, require_shown
from portal.cases.states import (
    COMPLAINANT_SIDE,
    ClockKind,
    ClosureReason,
    DeclineGround,
    OfferStatus,
    OutcomeKind,
    ReviewDecision,
    Side,
    Stage,
)
from portal.cases.transitions import Action


def side_of(step: Step) -> Side:
    return Side.COMPLAINANT if step.role in COMPLAINANT_SIDE else Side.ORGANISATION


def _other(side: Side) -> Side:
    return Side.ORGANISATION if side is Side.COMPLAINANT else Side.COMPLAINANT


@handles(Action.ACCEPT)
async def _accept(step: Step) -> None:
    step.case.is_complex = bool(step.data.get("is_complex", False))
    step.payload.update(
        is_complex=step.case.is_complex, note=text(step.data, "note", required=False) or None
    )


@handles(Action.DECLINE)
async def _decline(step: Step) -> None:
    step.case.decline_ground = choice(step.data, "ground", DeclineGround)
    step.case.decline_reasons = text(step.data, "reasons")
    step.payload.update(ground=step.case.decline_ground, reasons=step.case.decline_reasons)


@handles(Action.GIVE_CONSENT)
async def _consent(step: Step) -> None:
    method = step.case.method
    legal_effect = bool(step.data.get("understands_legal_effect"))
    withdraw = bool(step.data.get("understands_right_to_withdraw"))
    bound = bool(step.data.get("consents_to_be_bound"))
    if not (legal_effect and withdraw):
        raise CaseError(
            "CONSENT_INCOMPLETE",
            "Consent needs the legal effect and the right to withdraw to be acknowledged.",
        )
    if method.binding and not bound:
        raise CaseError(
            "CONSENT_TO_BE_BOUND_REQUIRED",
            "A binding method needs explicit consent to be bound.",
            field="consents_to_be_bound",
        )
    assert step.actor_id is not None
    # Issue 15: the text recorded is the one the screen showed (`DisputeCase.consentText`), in
    # the language it showed it: refused if the screen's text is no longer the scheme's.
    shown = step.scheme.consent_text(
        method, language_of(step.data.get("language"), step.case.language)
    )
    require_shown(
        shown, step.data.get("legal_effect_digest"), "CONSENT_TEXT_CHANGED", "legal_effect_digest"
    )
    await Consent.create(
        case_id=step.case.id,
        given_by_id=step.actor_id,
        method=method,
        legal_effect=shown.text,
        language=shown.language,
        understands_legal_effect=True,
        understands_right_to_withdraw=True,
        consents_to_be_bound=bound and method.binding,
        given_at=step.at,
    )
    step.payload.update(
        method=method,
        legal_effect=shown.text,
        language=shown.language,
        right_to_withdraw=True,
        bound=bound and method.binding,
    )


@handles(Action.SUBMIT_RESPONSE)
async def _respond(step: Step) -> None:
    step.case.organisation_position = text(step.data, "position")
    step.case.responded_at = step.at
    step.payload.update(position=step.case.organisation_position)


@handles(Action.SUBMIT_REPLY)
async def _reply(step: Step) -> None:
    step.case.complainant_reply = text(step.data, "reply")
    step.case.replied_at = step.at
    step.payload.update(reply=step.case.complainant_reply)


@handles(Action.REFUSE_PARTICIPATION)
async def _refuse(step: Step) -> None:
    step.case.closure_reason = ClosureReason.ORGANISATION_REFUSED
    step.case.closure_note = text(step.data, "reasons")
    step.payload.update(reasons=step.case.closure_note)


@handles(Action.ORGANISATION_SILENT)
async def _silent(step: Step) -> None:
    step.case.closure_reason = ClosureReason.ORGANISATION_REFUSED
    step.case.closure_note = "The organisation did not respond before its clock ran out."
    step.payload.update(recorded_as="refusal")


@handles(Action.COMPLETE_FILE)
async def _complete_file(step: Step) -> None:
    step.case.file_completed_at = step.at


def _offer(step: Step, key: str, side: Side) -> Offer:
    wanted = step.data.get(key)
    for offer in step.view.open_offers(side):
        if offer.id == wanted:
            return offer
    raise CaseError("NO_OPEN_OFFER", "That offer is not open to this action.", field=key)


@handles(Action.MAKE_OFFER)
async def _make_offer(step: Step) -> None:
    assert step.actor_id is not None
    mine = side_of(step)
    replying_to = (
        _offer(step, "replying_to", _other(mine)) if step.data.get("replying_to") else None
    )
    expires_at = step.data.get("expires_at")
    if expires_at is not None and (
        not isinstance(expires_at, datetime)
        or expires_at.tzinfo is None  # an instant needs its offset; a local time is ambiguous
        or expires_at <= step.at
    ):
        raise CaseError(
            "INVALID_EXPIRY",
            "An offer expires at a future instant, with its UTC offset.",
            field="expires_at",
        )
    offer = await Offer.create(
        case_id=step.case.id,
        side=mine,
        made_by_id=step.actor_id,
        amount=amount(step.data, "amount"),
        currency=currency(step.data, "currency", step.case.currency),
        terms=text(step.data, "terms"),
        expires_at=expires_at,
        made_at=step.at,
        replying_to_id=replying_to.id if replying_to else None,
    )
    if replying_to is not None:
        replying_to.status = OfferStatus.COUNTERED
        replying_to.decided_at = step.at
        await replying_to.save(update_fields=["status", "decided_at"])
    step.payload.update(
        offer_id=str(offer.id),
        side=mine,
        amount=offer.amount,
        currency=offer.currency,
        terms=offer.terms,
        expires_at=expires_at,
        replying_to=str(replying_to.id) if replying_to else None,
    )


async def _close_offer(step: Step, side: Side, status: OfferStatus) -> Offer:
    offer = _offer(step, "offer_id", side)
    offer.status = status
    offer.decided_at = step.at
    await offer.save(update_fields=["status", "decided_at"])
    step.payload.update(offer_id=str(offer.id))
    return offer


@handles(Action.WITHDRAW_OFFER)
async def _withdraw_offer(step: Step) -> None:
    await _close_offer(step, side_of(step), OfferStatus.WITHDRAWN)


@handles(Action.REJECT_OFFER)
async def _reject_offer(step: Step) -> None:
    await _close_offer(step, _other(side_of(step)), OfferStatus.REJECTED)


@handles(Action.OFFER_EXPIRED)
async def _offer_expired(step: Step) -> None:
    """The clock job: the lapsed offer it names (`offer_id`), or the first one lapsed."""
    lapsed = [
        o
        for o in step.view.offers
        if o.status is OfferStatus.OPEN and o.expires_at is not None and o.expires_at <= step.at
    ]
    wanted = step.data.get("offer_id")
    offer = next((o for o in lapsed if o.id == wanted), None) if wanted else None
    offer = offer or min(lapsed, key=lambda o: (o.expires_at, o.made_at))
    offer.status = OfferStatus.EXPIRED
    offer.decided_at = step.at
    await offer.save(update_fields=["status", "decided_at"])
    step.payload.update(offer_id=str(offer.id), side=offer.side, expires_at=offer.expires_at)


@handles(Action.ACCEPT_OFFER)
async def _accept_offer(step: Step) -> None:
    offer = await _close_offer(step, _other(side_of(step)), OfferStatus.ACCEPTED)
    assert step.actor_id is not None
    await Outcome.create(
        case_id=step.case.id,
        kind=OutcomeKind.SETTLEMENT,
        binding=False,
        summary=offer.terms,
        reasons="Agreed between the parties.",
        amount=offer.amount,
        currency=offer.currency,
        issued_by_id=step.actor_id,
        issued_at=step.at,
        offer_id=offer.id,
        accepted_by_complainant_at=step.at,
        accepted_by_organisation_at=step.at,
    )
    step.payload.update(amount=offer.amount, currency=offer.currency)


@handles(Action.ISSUE_OUTCOME)
async def _issue_outcome(step: Step) -> None:
    assert step.actor_id is not None
    method = step.case.method
    outcome = await Outcome.create(
        case_id=step.case.id,
        kind=OutcomeKind.issued_for(method),
        binding=method.binding,
        summary=text(step.data, "summary"),
        reasons=text(step.data, "reasons"),
        amount=amount(step.data, "amount", required=False),
        currency=currency(step.data, "currency", step.case.currency),
        issued_by_id=step.actor_id,
        issued_at=step.at,
    )
    step.payload.update(
        outcome_id=str(outcome.id),
        kind=outcome.kind,
        binding=outcome.binding,
        summary=outcome.summary,
        reasons=outcome.reasons,
        amount=outcome.amount,
        currency=outcome.currency,
    )


@handles(Action.EXTEND_CLOCK)
async def _extend_clock(step: Step) -> None:
    kind = choice(step.data, "clock", ClockKind)
    clock = step.view.running(kind)
    if clock is None:
        raise CaseError("CLOCK_NOT_RUNNING", "That clock is not running.", field="clock")
    days = step.data.get("days")
    if not isinstance(days, int) or not 1 <= days <= 90:
        raise CaseError("INVALID_DAYS", "Extend by 1 to 90 days.", field="days")
    await extend(step, clock, days, text(step.data, "reason"))


@handles(Action.ACCEPT_OUTCOME)
async def _accept_outcome(step: Step) -> None:
    outcome = step.view.outcome
    assert outcome is not None
    # EU ADR Art. 9(2)(b): told, before accepting, that nobody must accept, that the courts
    # stay open and that the outcome may differ from a court's (for a binding award, what
    # binds: Art. 10(2)); the notice as shown is recorded with the acceptance.
    if step.data.get("acknowledges_notice") is not True:
        raise CaseError(
            "NOTICE_NOT_ACKNOWLEDGED",
            "Accepting an outcome needs the notice before it read and acknowledged.",
            field="acknowledges_notice",
        )
    notice = acceptance_notice(
        outcome.binding, language_of(step.data.get("language"), step.case.language)
    )
    require_shown(notice, step.data.get("notice_digest"), "NOTICE_TEXT_CHANGED", "notice_digest")
    if side_of(step) is Side.COMPLAINANT:
        outcome.accepted_by_complainant_at = step.at
    else:
        outcome.accepted_by_organisation_at = step.at
    await outcome.save()
    step.payload.update(
        side=side_of(step),
        outcome_id=str(outcome.id),
        notice=notice.text,
        notice_language=notice.language,
    )
    if outcome.accepted_by_complainant_at and outcome.accepted_by_organisation_at:
        step.target = Stage.IMPLEMENTATION
        step.stop.append(ClockKind.REFLECTION)
        step.start.append(ClockKind.IMPLEMENTATION)
    else:
        step.target = Stage.OUTCOME_PROPOSED


@handles(Action.REJECT_OUTCOME)
async def _reject_outcome(step: Step) -> None:
    outcome = step.view.outcome
    assert outcome is not None
    outcome.rejected_by = side_of(step)
    outcome.rejection_reasons = text(step.data, "reasons")
    outcome.rejected_at = step.at
    await outcome.save()
    step.case.closure_reason = ClosureReason.OUTCOME_REJECTED
    step.case.closure_note = outcome.rejection_reasons
    step.payload.update(side=side_of(step), reasons=outcome.rejection_reasons)


@handles(Action.REQUEST_REVIEW)
async def _request_review(step: Step) -> None:
    outcome = step.view.outcome
    assert outcome is not None
    outcome.review_requested_by = side_of(step)
    outcome.review_reasons = text(step.data, "reasons")
    outcome.review_requested_at = step.at
    await outcome.save()
    step.payload.update(side=side_of(step), reasons=outcome.review_reasons)


@handles(Action.DECIDE_REVIEW)
async def _decide_review(step: Step) -> None:
    outcome = step.view.outcome
    assert outcome is not None
    assert step.actor_id is not None
    varied = bool(step.data.get("varied"))
    reasons = text(step.data, "reasons")
    outcome.review_decision = (ReviewDecision.VARIED if varied else ReviewDecision.UPHELD).value
    outcome.review_decision_reasons = reasons
    outcome.reviewed_at = step.at
    step.payload.update(decision=outcome.review_decision, reasons=reasons)
    if varied:
        outcome.superseded_at = step.at
        replacement = await Outcome.create(
            case_id=step.case.id,
            kind=outcome.kind,
            binding=outcome.binding,
            summary=text(step.data, "summary"),
            reasons=reasons,
            amount=amount(step.data, "amount", required=False),
            currency=outcome.currency,
            issued_by_id=step.actor_id,
            issued_at=step.at,
        )
        step.payload.update(
            outcome_id=str(replacement.id), summary=replacement.summary, amount=replacement.amount
        )
    await outcome.save()


@handles(Action.AWARD_FINAL)
async def _award_final(step: Step) -> None:
    assert step.view.outcome is not None
    step.payload.update(outcome_id=str(step.view.outcome.id))

"""The neutral's appointment, from the roster to confirmation, and how it ends before an
outcome: a conflict declared, an objection upheld, a recusal or a removal (ISO 10003 4.7,
fairness; the transition table's docstring, "Neutrals").

What each action writes beyond the table's stage, clocks and event.
"""

from __future__ import annotations

import uuid

from portal.accounts.models import Membership, Role
from portal.cases.engine import Step, handles
from portal.cases.errors import CaseError
from portal.cases.handlers import side_of
from portal.cases.inputs import text
from portal.cases.models import NeutralAppointment, Objection
from portal.cases.states import AppointmentStatus, ClockKind, Stage
from portal.cases.transitions import Action
from portal.directory.models import NeutralProfile
from portal.directory.services import availability


def _current(step: Step) -> NeutralAppointment:
    appointment = step.view.appointment
    assert appointment is not None  # the table's guards ask for one
    return appointment


@handles(Action.APPOINT_NEUTRAL)
async def _appoint(step: Step) -> None:
    neutral_id = step.data.get("neutral_id")
    on_roster = isinstance(neutral_id, uuid.UUID) and await Membership.exists(
        user_id=neutral_id, role=Role.NEUTRAL, provider_id=step.case.provider_id
    )
    if not on_roster:
        raise CaseError(
            "NEUTRAL_NOT_ON_ROSTER",
            "That person is not a neutral of this provider.",
            field="neutral_id",
        )
    assert step.actor_id is not None
    assert isinstance(neutral_id, uuid.UUID)
    profile = await NeutralProfile.get_or_none(
        provider_id=step.case.provider_id, user_id=neutral_id
    )
    unavailable = availability(profile, step.case.method, step.at.date())
    if unavailable is not None:
        raise CaseError("NEUTRAL_NOT_AVAILABLE", unavailable, field="neutral_id")
    await NeutralAppointment.create(
        case_id=step.case.id,
        neutral_id=neutral_id,
        appointed_by_id=step.actor_id,
        status=AppointmentStatus.AWAITING_DECLARATION,
        appointed_at=step.at,
    )
    # The standing disclosures as they stood at the appointment (DOMAIN.md, fairness): a later
    # edit of the roster entry does not rewrite what the parties were shown.
    step.payload.update(neutral_id=str(neutral_id), **(profile.as_disclosure() if profile else {}))


@handles(Action.DECLARE_IMPARTIALITY)
async def _declare(step: Step) -> None:
    appointment = _current(step)
    impartial = bool(step.data.get("impartial"))
    appointment.impartial = impartial
    appointment.disclosures = text(step.data, "disclosures", required=not impartial)
    appointment.declared_at = step.at
    step.payload.update(impartial=impartial, disclosures=appointment.disclosures)
    if impartial:
        appointment.status = AppointmentStatus.OBJECTION_WINDOW
        step.start.append(ClockKind.OBJECTION)
    else:
        # A declared conflict ends the appointment; the provider appoints someone else.
        appointment.status = AppointmentStatus.REMOVED
        appointment.ended_at = step.at
        step.payload["conflict"] = True
    await appointment.save()


@handles(Action.OBJECT_TO_NEUTRAL)
async def _object(step: Step) -> None:
    appointment = _current(step)
    assert step.actor_id is not None
    reasons = text(step.data, "reasons")
    await Objection.create(
        appointment_id=appointment.id,
        raised_by_id=step.actor_id,
        side=side_of(step),
        reasons=reasons,
        raised_at=step.at,
    )
    appointment.status = AppointmentStatus.OBJECTED
    await appointment.save(update_fields=["status"])
    step.payload.update(side=side_of(step), reasons=reasons)


@handles(Action.DECIDE_OBJECTION)
async def _decide_objection(step: Step) -> None:
    appointment = _current(step)
    upheld = bool(step.data.get("upheld"))
    reasons = text(step.data, "reasons")
    await Objection.filter(appointment_id=appointment.id, decided_at__isnull=True).update(
        upheld=upheld, decision_reasons=reasons, decided_at=step.at
    )
    appointment.status = AppointmentStatus.REMOVED if upheld else AppointmentStatus.CONFIRMED
    appointment.ended_at = step.at if upheld else None
    await appointment.save(update_fields=["status", "ended_at"])
    step.payload.update(upheld=upheld, reasons=reasons)
    if upheld:
        step.halt.append(ClockKind.OUTCOME)
    else:
        _outcome_clock_for_replacement(step, appointment)


@handles(Action.CONFIRM_NEUTRAL)
async def _confirm_neutral(step: Step) -> None:
    appointment = _current(step)
    appointment.status = AppointmentStatus.CONFIRMED
    await appointment.save(update_fields=["status"])
    step.payload.update(neutral_id=str(appointment.neutral_id))
    _outcome_clock_for_replacement(step, appointment)


def _outcome_clock_for_replacement(step: Step, appointment: NeutralAppointment) -> None:
    """A neutral confirmed in resolution who has no outcome clock of their own (appointed
    after the one who left, whose clock was stopped) gets one: the scheme's whole period, as
    they have the file to read. A neutral confirmed again after a later disclosure keeps the
    clock they have."""
    if step.case.stage is not Stage.IN_RESOLUTION:
        return
    theirs = any(
        c.kind is ClockKind.OUTCOME and c.started_at >= appointment.appointed_at
        for c in step.view.clocks
    )
    if not theirs:
        step.start.append(ClockKind.OUTCOME)


@handles(Action.DISCLOSE_CIRCUMSTANCE)
async def _disclose(step: Step) -> None:
    """A circumstance that arose, or came to light, after confirmation: disclosed to both
    sides, who may object again within a new window (the table starts it)."""
    appointment = _current(step)
    disclosure = text(step.data, "disclosures")
    appointment.disclosures = "\n\n".join(d for d in (appointment.disclosures, disclosure) if d)
    appointment.status = AppointmentStatus.OBJECTION_WINDOW
    await appointment.save(update_fields=["disclosures", "status"])
    step.payload.update(neutral_id=str(appointment.neutral_id), disclosures=disclosure)


@handles(Action.RECUSE)
async def _recuse(step: Step) -> None:
    await _end(step)


@handles(Action.REMOVE_NEUTRAL)
async def _remove(step: Step) -> None:
    await _end(step)


async def _end(step: Step) -> None:
    """The appointment ends with reasons; the provider appoints a replacement. The clocks that
    named this neutral, or the window to object to them, stop with it."""
    appointment = _current(step)
    reasons = text(step.data, "reasons")
    appointment.status = AppointmentStatus.REMOVED
    appointment.ended_at = step.at
    appointment.end_reasons = reasons
    await appointment.save(update_fields=["status", "ended_at", "end_reasons"])
    step.payload.update(neutral_id=str(appointment.neutral_id), reasons=reasons)
    step.halt += [ClockKind.OBJECTION, ClockKind.OUTCOME]

"""The fairness view of one case (DOMAIN.md "The timeline: fairness and transparency"):
the two sides next to each other, what each submitted and when, the windows each was given,
who missed which clock, the neutral's disclosures and any objection, the consent records.

Built from events every party may read (`all_parties`) and from the case's records, so it is
the same for everyone on the case and never holds caucus content (QUALITY.md "Access").
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from portal.auth import policy
from portal.auth.actor import Actor
from portal.cases.events import EventKind
from portal.cases.models import (
    CaseParticipant,
    Clock,
    Consent,
    DisputeCase,
    NeutralAppointment,
    Objection,
)
from portal.cases.states import (
    COMPLAINANT_SIDE,
    AppointmentStatus,
    CaseRole,
    ClockStatus,
    Party,
    Side,
)
from portal.feedback.errors import FeedbackError
from portal.timeline.models import TimelineEvent, Visibility

# Whose duty a clock is, seen from each side; a window for both parties is given to both.
_DUTIES = {
    Side.COMPLAINANT: frozenset({Party.COMPLAINANT, Party.PARTIES}),
    Side.ORGANISATION: frozenset({Party.ORGANISATION, Party.PARTIES}),
}
# Clock events are written with the role of whoever's action started or stopped the clock:
# they are the windows below, not something a side submitted.
_CLOCK_EVENTS = sorted(k.value for k in EventKind if k.value.startswith("clock_"))
_ROLES = {
    Side.COMPLAINANT: frozenset(r.value for r in COMPLAINANT_SIDE),
    Side.ORGANISATION: frozenset({CaseRole.ORGANISATION.value}),
}


@dataclass(frozen=True)
class SideRecord:
    side: Side
    submissions: list[TimelineEvent]
    windows: list[Clock]

    @property
    def clocks_met(self) -> int:
        return sum(1 for c in self.windows if c.status is ClockStatus.MET)

    @property
    def clocks_missed(self) -> int:
        return sum(1 for c in self.windows if c.status is ClockStatus.MISSED)


@dataclass(frozen=True)
class FairnessReport:
    case: DisputeCase
    sides: list[SideRecord]
    clocks: list[Clock]
    appointments: list[NeutralAppointment]
    objections: list[Objection]
    consents: list[Consent]


class CaseNotVisible(FeedbackError):
    def __init__(self) -> None:
        super().__init__("NOT_FOUND", "No such case.", "case_id")


async def fairness_report(actor: Actor, case_id: uuid.UUID) -> FairnessReport:
    """For anyone with a role on the case; a case the actor may not see is not found."""
    case = await DisputeCase.get_or_none(id=case_id)
    if case is None:
        raise CaseNotVisible()
    appointments = await NeutralAppointment.filter(case_id=case.id).order_by("appointed_at")
    current = next(
        (a for a in reversed(appointments) if a.status is not AppointmentStatus.REMOVED), None
    )
    mine: list[str] = await CaseParticipant.filter(  # type: ignore[assignment]
        case_id=case.id, user_id=actor.id
    ).values_list("role", flat=True)
    if not policy.case_roles(actor, case, mine, current):
        raise CaseNotVisible()
    events = (
        await TimelineEvent.filter(
            case_id=case.id,
            visibility=Visibility.ALL_PARTIES,
            actor_role__in=sorted(_ROLES[Side.COMPLAINANT] | _ROLES[Side.ORGANISATION]),
        )
        .exclude(kind__in=_CLOCK_EVENTS)
        .order_by("sequence")
    )
    clocks = await Clock.filter(case_id=case.id).order_by("started_at", "kind")
    objections = await Objection.filter(appointment__case_id=case.id).order_by("raised_at")
    consents = await Consent.filter(case_id=case.id).order_by("given_at")
    sides = [
        SideRecord(
            side=side,
            submissions=[e for e in events if e.actor_role in _ROLES[side]],
            windows=[c for c in clocks if c.responsible in _DUTIES[side]],
        )
        for side in (Side.COMPLAINANT, Side.ORGANISATION)
    ]
    return FairnessReport(
        case=case,
        sides=sides,
        clocks=list(clocks),
        appointments=list(appointments),
        objections=list(objections),
        consents=list(consents),
    )

"""The closed sets of sessions and hearings (issue 20, 1)."""

from __future__ import annotations

from enum import StrEnum


class SessionKind(StrEnum):
    """What kind of session: a mediation meeting or a hearing."""

    MEDIATION_MEETING = "mediation_meeting"  # a facilitative meeting with the neutral
    HEARING = "hearing"  # an oral hearing (arbitration, an ombudsman's or expert's hearing)


class SessionStatus(StrEnum):
    """Where a session or hearing stands."""

    PROPOSED = "proposed"  # slots offered; the sides pick or decline
    SCHEDULED = "scheduled"  # a slot chosen: every side picked it, or the proposer confirmed it
    CANCELLED = "cancelled"
    HELD = "held"  # attendance and a minute recorded after it


class SessionAttendee(StrEnum):
    """Who attended a session, as recorded in its minute."""

    COMPLAINANT = "complainant"  # the complainant or their representative
    ORGANISATION = "organisation"
    NEUTRAL = "neutral"
    PROVIDER = "provider"

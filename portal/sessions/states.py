"""The closed sets of sessions and hearings (issue 20, 1)."""

from __future__ import annotations

from enum import StrEnum


class SessionKind(StrEnum):
    MEDIATION_MEETING = "mediation_meeting"  # a facilitative meeting with the neutral
    HEARING = "hearing"  # an oral hearing (arbitration, an ombudsman's or expert's hearing)


class SessionStatus(StrEnum):
    PROPOSED = "proposed"  # slots offered; the sides pick or decline
    SCHEDULED = "scheduled"  # a slot chosen: every side picked it, or the proposer confirmed it
    CANCELLED = "cancelled"
    HELD = "held"  # attendance and a minute recorded after it


class SessionAttendee(StrEnum):
    """Who attended, as recorded in the minute."""

    COMPLAINANT = "complainant"  # the complainant or their representative
    ORGANISATION = "organisation"
    NEUTRAL = "neutral"
    PROVIDER = "provider"

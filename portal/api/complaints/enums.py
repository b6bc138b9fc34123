"""The complaint lifecycle's vocabulary as GraphQL enums, registered as the domain defines them
(`portal.complaints.states`), each value described; the actions by their table row's summary."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

import strawberry

from portal.cases.clocks import DEFAULT_COMPLAINT_POLICY
from portal.complaints.states import (
    ComplaintAction,
    ComplaintClockKind,
    ComplaintDecision,
    ComplaintRole,
)
from portal.complaints.transitions import TABLE


def _described(enum: type[StrEnum], description: str, values: Mapping[str, str]) -> None:
    """Register ``enum`` with a description for the type and one for each value."""
    strawberry.enum(enum, description=description)
    for value in enum.__strawberry_definition__.values:  # type: ignore[attr-defined]
        value.description = values[value.value]


_described(
    ComplaintAction,
    "A step of the complaint transition table (ISO 10002 7.2 to 7.9). `availableActions` "
    "lists those the viewer may take now; FILE and RECORD are how a complaint comes in, and "
    "MISS_ACKNOWLEDGE and MISS_RESPOND are the clock job's, appearing only as steps.",
    {t.action.value: t.summary for t in TABLE.values()},
)
_described(
    ComplaintDecision,
    "What the organisation decided about a complaint (ISO 10002 7.7).",
    {
        ComplaintDecision.UPHELD: "The complaint is upheld: the organisation grants it.",
        ComplaintDecision.PARTLY_UPHELD: "Upheld in part.",
        ComplaintDecision.NOT_UPHELD: "Not upheld.",
    },
)
_described(
    ComplaintRole,
    "Who took a step on a complaint.",
    {
        ComplaintRole.COMPLAINANT: "The complainant.",
        ComplaintRole.STAFF: "The organisation's staff (an agent, a manager, or one of its "
        "integration clients).",
        ComplaintRole.SYSTEM: "The clock job: a clock ran out.",
    },
)
_described(
    ComplaintClockKind,
    "What a complaint clock times; both are the organisation's duties, per its complaint "
    "policy (working days in its country).",
    {
        kind.value: f"{what} ({clause}); by default {days} "
        f"{calendar.value.replace('_', ' ')}, unless the organisation's policy says otherwise."
        for kind, what, clause in (
            (ComplaintClockKind.ACKNOWLEDGE, "Acknowledging the complaint", "ISO 10002 7.4"),
            (ComplaintClockKind.RESPOND, "Answering it", "ISO 10002 7.7"),
        )
        for days, calendar in [DEFAULT_COMPLAINT_POLICY[kind]]
    },
)

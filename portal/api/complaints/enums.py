"""The complaint lifecycle's vocabulary as GraphQL enums, registered as the domain defines them
(`portal.complaints.states`), each value described; the actions by their table row's summary."""

from __future__ import annotations

from portal.api.enums import described_enum
from portal.cases.clocks import DEFAULT_COMPLAINT_POLICY
from portal.complaints.states import (
    ComplaintAction,
    ComplaintAutomatedRule,
    ComplaintClockKind,
    ComplaintDecision,
    ComplaintRole,
)
from portal.complaints.transitions import TABLE

described_enum(
    ComplaintAction,
    description="A step of the complaint transition table (ISO 10002 7.2 to 7.9). "
    "`availableActions` lists those the viewer may take now; FILE and RECORD are how a "
    "complaint comes in, and "
    "MISS_ACKNOWLEDGE and MISS_RESPOND are the clock job's, appearing only as steps.",
    values={t.action.value: t.summary for t in TABLE.values()},
)
described_enum(
    ComplaintAutomatedRule,
    description="A rule of the complaint transition table that takes a step automatically, "
    "without a person (issue 20): the clock job's rows, each named as its action.",
    values={r.value: TABLE[ComplaintAction(r.value)].summary for r in ComplaintAutomatedRule},
)
described_enum(
    ComplaintDecision,
    description="What the organisation decided about a complaint (ISO 10002 7.7).",
    values={
        ComplaintDecision.UPHELD: "The complaint is upheld: the organisation grants it.",
        ComplaintDecision.PARTLY_UPHELD: "Upheld in part.",
        ComplaintDecision.NOT_UPHELD: "Not upheld.",
    },
)
described_enum(
    ComplaintRole,
    description="Who took a step on a complaint.",
    values={
        ComplaintRole.COMPLAINANT: "The complainant.",
        ComplaintRole.STAFF: "The organisation's staff (an agent, a manager, or one of its "
        "integration clients).",
        ComplaintRole.SYSTEM: "The clock job: a clock ran out.",
    },
)
described_enum(
    ComplaintClockKind,
    description="What a complaint clock times; both are the organisation's duties, per its "
    "complaint policy (working days in its country).",
    values={
        kind.value: f"{what} ({clause}); by default {days} "
        f"{calendar.value.replace('_', ' ')}, unless the organisation's policy says otherwise."
        for kind, what, clause in (
            (ComplaintClockKind.ACKNOWLEDGE, "Acknowledging the complaint", "ISO 10002 7.4"),
            (ComplaintClockKind.RESPOND, "Answering it", "ISO 10002 7.7"),
        )
        for days, calendar in [DEFAULT_COMPLAINT_POLICY[kind]]
    },
)

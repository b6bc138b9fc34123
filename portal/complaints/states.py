"""The vocabulary of a complaint's lifecycle (ISO 10002 7.2 to 7.9): its actions, who takes
them, the organisation's decision, and the clocks that time the organisation's answer.

The statuses themselves are `portal.complaints.models.ComplaintStatus`; the rows that join
these words together are `portal.complaints.transitions.TRANSITIONS`.
"""

from __future__ import annotations

from enum import StrEnum


class ComplaintAction(StrEnum):
    """A row of the complaint transition table: a step taken on a complaint."""

    # How a complaint comes in (its first step; never offered on an existing complaint).
    FILE = "file"  # the complainant, online
    RECORD = "record"  # the organisation's staff, from a phone call, letter, e-mail, visit
    CONFIRM = "confirm"
    ACKNOWLEDGE = "acknowledge"
    ASSESS = "assess"
    ADD_NOTE = "add_note"
    RESPOND = "respond"
    CLOSE = "close"
    REFER = "refer"
    # Taken by the clock job, never by a person: a clock ran out.
    MISS_ACKNOWLEDGE = "miss_acknowledge"
    MISS_RESPOND = "miss_respond"


class ComplaintAutomatedRule(StrEnum):
    """Issue 20, 3: the rows of the complaint table the clock job takes (`system=True`), each a
    rule that records a step without a person; named as the row's action (a check in
    portal.complaints.transitions keeps the two lists equal), as the case table's
    `AutomatedRule`."""

    MISS_ACKNOWLEDGE = "miss_acknowledge"
    MISS_RESPOND = "miss_respond"


class ComplaintRole(StrEnum):
    """Who took a step on a complaint (the policy decides who is which:
    `portal.auth.policy.complaint_roles`)."""

    COMPLAINANT = "complainant"
    STAFF = "staff"  # the organisation's agents, managers and integration clients
    SYSTEM = "system"  # the clock job


class ComplaintDecision(StrEnum):
    """ISO 10002 7.7: what the organisation decided about the complaint."""

    UPHELD = "upheld"
    PARTLY_UPHELD = "partly_upheld"
    NOT_UPHELD = "not_upheld"


class ComplaintClockKind(StrEnum):
    """What a complaint clock times: both are the organisation's duties."""

    ACKNOWLEDGE = "acknowledge"  # ISO 10002 7.4: acknowledge the complaint promptly
    RESPOND = "respond"  # ISO 10002 7.7: answer it


class Audience(StrEnum):
    """Who a step is told to by mail (`ComplaintTransition.tells`)."""

    COMPLAINANT = "complainant"
    MANAGERS = "managers"  # the organisation's managers: escalation

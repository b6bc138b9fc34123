"""Clock policy and due dates: calendar days, or working days that skip weekends and the
scheme country's public holidays (DOMAIN.md "Clocks")."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

import holidays

from portal.cases.states import Calendar, ClockKind, Method, Party
from portal.complaints.states import ComplaintClockKind

if TYPE_CHECKING:
    from portal.cases.models import Clock

# DOMAIN.md defaults, after EU ADR (Directive 2013/11/EU as amended): every number is the
# scheme's to change through Scheme.clock_policy.
DEFAULT_POLICY: dict[str, tuple[int, Calendar]] = {
    ClockKind.ACCEPTANCE: (21, Calendar.CALENDAR_DAYS),
    ClockKind.CONSENT: (30, Calendar.CALENDAR_DAYS),
    ClockKind.RESPONSE: (20, Calendar.WORKING_DAYS),
    "response_complex": (30, Calendar.WORKING_DAYS),
    ClockKind.OBJECTION: (7, Calendar.CALENDAR_DAYS),
    ClockKind.OUTCOME: (90, Calendar.CALENDAR_DAYS),
    ClockKind.REFLECTION: (14, Calendar.CALENDAR_DAYS),
    ClockKind.REVIEW: (30, Calendar.CALENDAR_DAYS),
    ClockKind.IMPLEMENTATION: (30, Calendar.CALENDAR_DAYS),
    ClockKind.CONFIRMATION: (14, Calendar.CALENDAR_DAYS),
    ClockKind.CLOSURE: (14, Calendar.CALENDAR_DAYS),
}
# DOMAIN.md, fairness: both sides get equal windows to answer. The complainant's reply to the
# organisation's position runs as long as the organisation had to state it (the complex
# length for a complex case), unless the scheme sets a length of its own for it.
EQUAL_TO: dict[ClockKind, ClockKind] = {ClockKind.REPLY: ClockKind.RESPONSE}

# ISO 10002 7.4 and 7.7: an organisation's own complaint clocks, both its duties, counted in
# the organisation's country; each number is the organisation's to change through
# Organisation.complaint_policy. Eight weeks to answer, as FCA DISP 1.6 and common practice.
DEFAULT_COMPLAINT_POLICY: dict[str, tuple[int, Calendar]] = {
    ComplaintClockKind.ACKNOWLEDGE: (5, Calendar.WORKING_DAYS),
    ComplaintClockKind.RESPOND: (40, Calendar.WORKING_DAYS),
}

_RESPONSIBLE: dict[ClockKind, Party] = {
    ClockKind.ACCEPTANCE: Party.PROVIDER,
    ClockKind.CONSENT: Party.COMPLAINANT,
    ClockKind.RESPONSE: Party.ORGANISATION,
    ClockKind.REPLY: Party.COMPLAINANT,
    ClockKind.OBJECTION: Party.PARTIES,
    ClockKind.OUTCOME: Party.NEUTRAL,
    ClockKind.REFLECTION: Party.PARTIES,
    ClockKind.REVIEW: Party.PROVIDER,
    ClockKind.IMPLEMENTATION: Party.ORGANISATION,
    ClockKind.CONFIRMATION: Party.COMPLAINANT,
    ClockKind.CLOSURE: Party.PROVIDER,
}


def responsible(kind: ClockKind, method: Method | None = None) -> Party:
    """Who a clock names, on a case of ``method`` (None: in general, as a scheme lists it).
    Unassisted negotiation has no neutral: its outcome clock is the parties' time to settle."""
    if kind is ClockKind.OUTCOME and method is not None and not method.needs_neutral:
        return Party.PARTIES
    return _RESPONSIBLE[kind]


# Which clocks are windows for a right rather than duties: `transitions.CLOCK_OBLIGATIONS`.
# How often a clock may be extended (DOMAIN.md: the outcome clock once, with a reasoned notice);
# any other clock DEFAULT_MAX_EXTENSIONS times, so no deadline can be pushed back for ever.
MAX_EXTENSIONS: dict[ClockKind, int] = {ClockKind.OUTCOME: 1}
DEFAULT_MAX_EXTENSIONS = 2


@dataclass(frozen=True)
class ClockRule:
    days: int
    calendar: Calendar


def rule_for(
    policy: dict[str, object], kind: ClockKind, *, complex_case: bool = False
) -> ClockRule:
    if kind in EQUAL_TO and kind.value not in policy:
        kind = EQUAL_TO[kind]
    key = "response_complex" if kind is ClockKind.RESPONSE and complex_case else kind.value
    # A kind with a length of its own in the policy starts from its equal's default.
    return _rule(policy, key, DEFAULT_POLICY.get(key) or DEFAULT_POLICY[EQUAL_TO[kind]])


def complaint_rule(policy: dict[str, object], kind: ComplaintClockKind) -> ClockRule:
    """An organisation's rule for one of its complaint clocks (its `complaint_policy`)."""
    return _rule(policy, kind.value, DEFAULT_COMPLAINT_POLICY[kind.value])


def _rule(policy: dict[str, object], key: str, default: tuple[int, Calendar]) -> ClockRule:
    days, calendar = default
    override = policy.get(key)
    if isinstance(override, dict):
        days = int(override.get("days", days))
        calendar = Calendar(override.get("calendar", calendar))
    return ClockRule(days=days, calendar=calendar)


@functools.lru_cache(maxsize=64)
def _holidays(country: str, year: int) -> frozenset[date]:
    if not country:
        return frozenset()
    try:
        return frozenset(holidays.country_holidays(country, years=year))
    except NotImplementedError:  # a country the library does not know: weekends only
        return frozenset()


def is_working_day(day: date, country: str) -> bool:
    return day.weekday() < 5 and day not in _holidays(country, day.year)


# Issue 18: the development sandbox (`PORTAL_SANDBOX`). While it is on, a clock's day lasts
# this long and every day counts, so an integrator runs a whole dispute (the 90-day outcome
# window included) in minutes. Set from the settings by `use_sandbox` wherever the settings
# are read (`create_app`, the worker, the command line); None: real days. Production refuses
# the setting (portal.settings).
_sandbox_day: timedelta | None = None


def use_sandbox(day_seconds: int | None) -> None:
    """Turn the sandbox on (one clock day = ``day_seconds`` seconds) or off (None)."""
    global _sandbox_day
    _sandbox_day = timedelta(seconds=day_seconds) if day_seconds else None


def sandbox_day() -> timedelta | None:
    """How long one clock day lasts in the sandbox; None outside it."""
    return _sandbox_day


def due_at(start: datetime, days: int, calendar: Calendar, country: str) -> datetime:
    """When a clock of ``days`` days started (or extended) at ``start`` runs out: the one
    place every case and complaint clock's due instant is computed, so the sandbox shortens
    them all alike."""
    if _sandbox_day is not None:
        return start + days * _sandbox_day
    return add_days(start, days, calendar, country)


def days_ahead(days: int) -> timedelta:
    """``days`` days as the clocks count them (in the sandbox: sandbox days), for what is
    measured against a clock's due instant (reminders ahead of it)."""
    return days * (_sandbox_day or timedelta(days=1))


def add_days(start: datetime, days: int, calendar: Calendar, country: str) -> datetime:
    """The due instant ``days`` after ``start``.

    Calendar days count every day. Working days count only weekdays that are not public
    holidays in ``country``; the due time keeps the start's time of day.
    """
    if calendar is Calendar.CALENDAR_DAYS:
        return start + timedelta(days=days)
    current = start
    counted = 0
    while counted < days:
        current += timedelta(days=1)
        if is_working_day(current.date(), country):
            counted += 1
    return current


def past_due(clock: Clock, at: datetime) -> bool:
    """Whether ``clock`` has run out at ``at``: its due instant passed while it was not paused.
    A paused clock's time stands still (its hold, portal.cases.holds), so it never runs out
    while paused, whatever the wall clock says."""
    return clock.paused_at is None and at > clock.due_at


def resumed_due(
    due: datetime, paused_at: datetime, resumed_at: datetime, calendar: Calendar, country: str
) -> datetime:
    """The due instant of a clock that was due at ``due`` when it was paused at ``paused_at``,
    resumed at ``resumed_at``: the time held does not count toward it, so the clock keeps the
    time it had left.

    A clock of calendar days (and every clock in the sandbox) moves by exactly the time held.
    A clock of working days counts days, not hours: every working day the hold covered, even in
    part, is given back whole (a party who could not act for part of a day loses none of it),
    and days that would not have counted (weekends, public holidays) give nothing back.
    """
    if resumed_at <= paused_at:
        return due
    if _sandbox_day is not None or calendar is Calendar.CALENDAR_DAYS:
        return due + (resumed_at - paused_at)
    day, last = paused_at.date(), resumed_at.date()
    held = 0
    while day <= last:
        held += is_working_day(day, country)
        day += timedelta(days=1)
    return add_days(due, held, calendar, country)

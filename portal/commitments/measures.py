"""Measuring an organisation's commitments for a period (ISO 10001 clause 8: monitoring and
evaluating the code), for the management review (portal.feedback.review).

Each commitment is measured against the records that can show it, and only those:
- complaint acknowledgement and response: complaints received in the period, from receipt
  (where both complaint clocks start) to `acknowledged_at` / `responded_at`;
- dispute response: the organisation's `response` clocks on its cases started in the period,
  from the clock's start to the position (`met`) or `DisputeCase.responded_at`;
- remedies offered: outcomes due to be carried out in the period (implementation clocks
  started in it), delivered when the case records the implementation. Which remedy an outcome
  gave is free text, so whether it was one of those listed is not checked (said in `note`);
- languages served: complaints received in the period (the complainant's account language)
  and disputes referred in it (the case language), served when a listed tag covers them;
- accessibility arrangements: nothing in the records shows who needed an arrangement or
  whether it was made. Not measured, and the review says so rather than give a number.

A deadline is the commitment's own (its days and calendar, counted in the organisation's
country: `portal.cases.clocks.add_days`), not the clock's, which the organisation or scheme
may set otherwise. A record still within its time at ``at`` is pending, neither met nor
missed; one that ended before its deadline without the act (a complaint withdrawn before an
answer) is not evidence either way. Days taken are whole days of the commitment's calendar:
the fewest after which the act had happened (an act on the day of receipt took 0).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from portal.accounts.models import Organisation, User
from portal.cases.clocks import add_days, is_working_day
from portal.cases.models import Clock, DisputeCase
from portal.cases.states import Calendar, ClockKind, ClockStatus, ClosureReason
from portal.commitments.models import Commitment, CommitmentKind
from portal.commitments.services import commitments_of
from portal.complaints.models import Complaint
from portal.feedback.periods import Period

MAX_LISTED_MISSES = 50


class Basis(StrEnum):
    """What a commitment was measured against."""

    COMPLAINT_ACKNOWLEDGEMENTS = "complaint_acknowledgements"
    COMPLAINT_RESPONSES = "complaint_responses"
    DISPUTE_RESPONSES = "dispute_responses"
    REMEDIES_DELIVERED = "remedies_delivered"
    LANGUAGES_USED = "languages_used"
    NOT_MEASURABLE = "not_measurable"


BASIS: dict[CommitmentKind, Basis] = {
    CommitmentKind.ACKNOWLEDGE_COMPLAINT: Basis.COMPLAINT_ACKNOWLEDGEMENTS,
    CommitmentKind.RESPOND_COMPLAINT: Basis.COMPLAINT_RESPONSES,
    CommitmentKind.RESPOND_DISPUTE: Basis.DISPUTE_RESPONSES,
    CommitmentKind.REMEDIES: Basis.REMEDIES_DELIVERED,
    CommitmentKind.LANGUAGES: Basis.LANGUAGES_USED,
    CommitmentKind.ACCESSIBILITY: Basis.NOT_MEASURABLE,
}

NOTES: dict[Basis, str] = {
    Basis.COMPLAINT_ACKNOWLEDGEMENTS: "Complaints received in the period, receipt to "
    "acknowledgement.",
    Basis.COMPLAINT_RESPONSES: "Complaints received in the period, receipt to response.",
    Basis.DISPUTE_RESPONSES: "The organisation's response clocks on disputes, started in the "
    "period, to its stated position.",
    Basis.REMEDIES_DELIVERED: "Outcomes due to be carried out in the period, and whether they "
    "were. Which remedy each gave is free text in the records, so the list is not checked.",
    Basis.LANGUAGES_USED: "Complaints received in the period (the complainant's account "
    "language) and disputes referred in it (the case language).",
    Basis.NOT_MEASURABLE: "The records do not show who needed an arrangement or whether it "
    "was made: this commitment cannot be measured from them.",
}


@dataclass(frozen=True)
class CommitmentMeasure:
    commitment: Commitment
    basis: Basis
    evidence: int = 0  # records that show the commitment met or missed
    met: int = 0
    pending: int = 0  # still within time when measured
    median_days: int | None = None  # days taken, in the commitment's calendar
    missed: int = 0
    missed_references: list[str] = field(default_factory=list)  # the first ones, sorted

    @property
    def measurable(self) -> bool:
        return self.basis is not Basis.NOT_MEASURABLE

    @property
    def share_met(self) -> float | None:
        return round(self.met / self.evidence, 4) if self.evidence else None

    @property
    def note(self) -> str:
        return NOTES[self.basis]


def days_taken(start: datetime, done: datetime, calendar: Calendar, country: str) -> int:
    """The fewest whole days of ``calendar`` after ``start`` by which ``done`` had happened
    (`add_days(start, n) >= done`): 0 on the same instant, 1 within the next (working) day."""
    if done <= start:
        return 0
    if calendar is Calendar.CALENDAR_DAYS:
        whole, rest = divmod(done - start, timedelta(days=1))
        return whole + (1 if rest else 0)
    current, counted = start, 0
    while current < done:  # `add_days` one working day at a time
        current += timedelta(days=1)
        while not is_working_day(current.date(), country):
            current += timedelta(days=1)
        counted += 1
    return counted


def median(values: list[int]) -> int | None:
    """Nearest rank, as the indicators (portal.feedback.sql.percentiles): rank ceil(n / 2)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[(len(ordered) + 1) // 2 - 1]


@dataclass
class _Tally:
    met: int = 0
    pending: int = 0
    taken: list[int] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def count(
        self,
        c: Commitment,
        country: str,
        reference: str,
        start: datetime,
        done: datetime | None,
        ended: datetime | None,
        at: datetime,
    ) -> None:
        """One record: acted at ``done`` (or not yet), ended otherwise at ``ended``."""
        assert c.days is not None
        assert c.calendar is not None
        due = add_days(start, c.days, c.calendar, country)
        if done is not None:
            self.taken.append(days_taken(start, done, c.calendar, country))
            if done <= due:
                self.met += 1
            else:
                self.misses.append(reference)
        elif ended is not None and ended <= due:
            return  # ended in time without the act: shows nothing either way
        elif due < at:
            self.misses.append(reference)
        else:
            self.pending += 1

    def measure(self, c: Commitment, with_median: bool = True) -> CommitmentMeasure:
        misses = sorted(self.misses)
        return CommitmentMeasure(
            commitment=c,
            basis=BASIS[c.kind],
            evidence=self.met + len(misses),
            met=self.met,
            pending=self.pending,
            median_days=median(self.taken) if with_median else None,
            missed_references=misses[:MAX_LISTED_MISSES],
            missed=len(misses),
        )


async def _complaints(
    c: Commitment, org: Organisation, period: Period, at: datetime
) -> CommitmentMeasure:
    acted = "acknowledged_at" if c.kind is CommitmentKind.ACKNOWLEDGE_COMPLAINT else "responded_at"
    found = await Complaint.filter(
        organisation_id=org.id, received_at__gte=period.start, received_at__lt=period.end
    ).values("reference", "received_at", acted, "closed_at", "referred_at")
    tally = _Tally()
    for r in found:
        ended = min((e for e in (r["closed_at"], r["referred_at"]) if e), default=None)
        tally.count(c, org.country, r["reference"], r["received_at"], r[acted], ended, at)
    return tally.measure(c)


async def _dispute_responses(
    c: Commitment, org: Organisation, period: Period, at: datetime
) -> CommitmentMeasure:
    found = await Clock.filter(
        case__organisation_id=org.id,
        kind=ClockKind.RESPONSE,
        started_at__gte=period.start,
        started_at__lt=period.end,
    ).values("started_at", "status", "ended_at", "case__reference", "case__responded_at")
    tally = _Tally()
    for r in found:
        status = ClockStatus(r["status"])
        done = r["ended_at"] if status is ClockStatus.MET else r["case__responded_at"]
        ended = r["ended_at"] if status is ClockStatus.STOPPED else None
        tally.count(c, org.country, r["case__reference"], r["started_at"], done, ended, at)
    return tally.measure(c)


async def _remedies(c: Commitment, org: Organisation, period: Period) -> CommitmentMeasure:
    found = await Clock.filter(
        case__organisation_id=org.id,
        kind=ClockKind.IMPLEMENTATION,
        started_at__gte=period.start,
        started_at__lt=period.end,
    ).values(
        "started_at",
        "status",
        "case__reference",
        "case__implemented_at",
        "case__closure_reason",
    )
    met, pending = 0, 0
    taken: list[int] = []
    misses: list[str] = []
    for r in found:
        if r["case__implemented_at"] is not None:
            met += 1
            taken.append(
                days_taken(
                    r["started_at"], r["case__implemented_at"], Calendar.CALENDAR_DAYS, org.country
                )
            )
        elif ClockStatus(r["status"]) is ClockStatus.RUNNING:
            pending += 1
        elif (
            ClockStatus(r["status"]) is ClockStatus.MISSED
            or r["case__closure_reason"] == ClosureReason.NOT_IMPLEMENTED.value
        ):
            misses.append(str(r["case__reference"]))
    misses.sort()
    return CommitmentMeasure(
        commitment=c,
        basis=Basis.REMEDIES_DELIVERED,
        evidence=met + len(misses),
        met=met,
        pending=pending,
        median_days=median(taken),
        missed_references=misses[:MAX_LISTED_MISSES],
        missed=len(misses),
    )


def serves(tags: list[str], language: str) -> bool:
    """A listed tag serves a language when it is that language or a prefix of it by subtags:
    `zh` serves `zh-Hans`; `zh-Hant` does not."""
    wanted = language.lower()
    return any(wanted == t.lower() or wanted.startswith(t.lower() + "-") for t in tags)


async def _languages(c: Commitment, org: Organisation, period: Period) -> CommitmentMeasure:
    complaints = await Complaint.filter(
        organisation_id=org.id, received_at__gte=period.start, received_at__lt=period.end
    ).values("reference", "complainant_id")
    locales = dict(
        await User.filter(id__in={r["complainant_id"] for r in complaints}).values_list(
            "id", "locale"
        )
    )
    disputes = await DisputeCase.filter(
        organisation_id=org.id, created_at__gte=period.start, created_at__lt=period.end
    ).values_list("reference", "language")
    used = [(str(r["reference"]), str(locales[r["complainant_id"]])) for r in complaints]
    used += [(str(ref), str(language)) for ref, language in disputes]
    met = sum(1 for _, language in used if serves(c.items, language))
    misses = sorted(ref for ref, language in used if not serves(c.items, language))
    return CommitmentMeasure(
        commitment=c,
        basis=Basis.LANGUAGES_USED,
        evidence=len(used),
        met=met,
        missed_references=misses[:MAX_LISTED_MISSES],
        missed=len(misses),
    )


async def measure_commitments(
    org: Organisation, period: Period, *, at: datetime
) -> list[CommitmentMeasure]:
    """Every commitment of the organisation, measured for ``period`` as it stood at ``at``:
    one statement for the commitments, then one to three per commitment, whatever the number
    of records. The caller has checked that the actor may see the organisation's figures."""
    result = []
    for c in await commitments_of(org.id):
        if c.kind in (CommitmentKind.ACKNOWLEDGE_COMPLAINT, CommitmentKind.RESPOND_COMPLAINT):
            result.append(await _complaints(c, org, period, at))
        elif c.kind is CommitmentKind.RESPOND_DISPUTE:
            result.append(await _dispute_responses(c, org, period, at))
        elif c.kind is CommitmentKind.REMEDIES:
            result.append(await _remedies(c, org, period))
        elif c.kind is CommitmentKind.LANGUAGES:
            result.append(await _languages(c, org, period))
        else:
            result.append(CommitmentMeasure(commitment=c, basis=Basis.NOT_MEASURABLE))
    return result

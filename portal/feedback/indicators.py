"""Indirect measures of satisfaction (ISO 10004 7.4), computed in SQL from case data.

Indicators are for one scope (an organisation, or a provider) and one period, `[start, end)`:
- received: complaints by `received_at`, disputes by their referral (`created_at`);
- ended, durations to close, withdrawals: cases by the instant they ended (`closed_at`);
- clocks: by the instant they were met or missed; windows (objection, reflection) are nobody's
  duty and are left out;
- outcomes: by `issued_at`, the standing ones (a varied award counts once, as varied);
- implementation: cases whose implementation clock started in the period; outcomes not
  implemented (the organisation's non-compliance) by when the provider closed the case so;
- satisfaction: the `overall` answers of complainants, by when they were given.
Each section is one statement, whatever the number of cases.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from portal.cases.states import ClosureReason
from portal.cases.transitions import WINDOWS
from portal.feedback.questions import OVERALL
from portal.feedback.sql import dialect_is_postgres, percentiles, rows, seconds_between

DAY = 86_400


@dataclass(frozen=True)
class Scope:
    """Whose cases: one organisation's or one provider's."""

    organisation_id: uuid.UUID | None = None
    provider_id: uuid.UUID | None = None

    @property
    def column(self) -> str:
        return "organisation_id" if self.organisation_id else "provider_id"

    @property
    def id(self) -> uuid.UUID:
        found = self.organisation_id or self.provider_id
        assert found is not None
        return found


@dataclass(frozen=True)
class Duration:
    """Days, from whole seconds; the median and 90th percentile by nearest rank."""

    metric: str
    count: int
    median_days: float | None
    p90_days: float | None
    average_days: float | None


@dataclass(frozen=True)
class Rate:
    numerator: int
    denominator: int

    @property
    def rate(self) -> float | None:
        return round(self.numerator / self.denominator, 4) if self.denominator else None


@dataclass(frozen=True)
class Tally:
    key: str
    count: int


@dataclass(frozen=True)
class ClockTally:
    responsible: str
    met: int
    missed: int


@dataclass(frozen=True)
class Satisfaction:
    key: str  # a method, or a provider's name
    responses: int
    total: int

    @property
    def average(self) -> float | None:
        return round(self.total / self.responses, 2) if self.responses else None


@dataclass(frozen=True)
class Indicators:
    start: datetime
    end: datetime
    complaints_received: int
    repeat_complaints: int
    disputes_received: int
    ended: list[Tally]
    withdrawals: int
    durations: list[Duration]
    clocks: list[ClockTally]
    outcomes_issued: int
    outcomes_accepted: int
    outcomes_rejected: int
    implementations_due: int
    implemented: int
    implemented_on_time: int
    outcomes_not_implemented: int
    satisfaction_by_method: list[Satisfaction]
    satisfaction_by_provider: list[Satisfaction]

    @property
    def clocks_met(self) -> Rate:
        met = sum(c.met for c in self.clocks)
        return Rate(met, met + sum(c.missed for c in self.clocks))

    @property
    def outcome_acceptance(self) -> Rate:
        return Rate(self.outcomes_accepted, self.outcomes_issued)

    @property
    def implementation(self) -> Rate:
        return Rate(self.implemented, self.implementations_due)

    def duration(self, metric: str) -> Duration:
        return next(d for d in self.durations if d.metric == metric)


METRICS = ("acknowledge", "respond", "resolve")
# Windows for a right are nobody's duty (transitions.WINDOWS): left out of clock adherence.
WINDOW_CLOCKS = ", ".join(f"'{kind.value}'" for kind in sorted(WINDOWS))


def _days(seconds: Any) -> float | None:
    return None if seconds is None else round(int(seconds) / DAY, 2)


async def _durations(scope: Scope, start: datetime, end: datetime) -> list[Duration]:
    pg = dialect_is_postgres()
    ack = seconds_between("c.received_at", "c.acknowledged_at", postgres=pg)
    resp = seconds_between("c.received_at", "c.responded_at", postgres=pg)
    close = seconds_between("dc.created_at", "dc.closed_at", postgres=pg)
    # Complaints belong to an organisation: for a provider, its cases' complaints.
    if scope.organisation_id:
        complaints = "FROM complaint c WHERE c.organisation_id = :scope"
    else:
        complaints = (
            "FROM complaint c JOIN dispute_case k ON k.complaint_id = c.id "
            "WHERE k.provider_id = :scope"
        )
    source = f"""
        SELECT 'acknowledge' AS metric, {ack} AS s {complaints}
            AND c.received_at >= :start AND c.received_at < :end
            AND c.acknowledged_at IS NOT NULL
        UNION ALL
        SELECT 'respond' AS metric, {resp} AS s {complaints}
            AND c.received_at >= :start AND c.received_at < :end
            AND c.responded_at IS NOT NULL
        UNION ALL
        SELECT 'resolve' AS metric, {close} AS s FROM dispute_case dc
        WHERE dc.{scope.column} = :scope AND dc.stage = 'closed'
            AND dc.closed_at >= :start AND dc.closed_at < :end
    """
    found = {
        r["metric"]: r
        for r in await rows(percentiles(source), scope=scope.id, start=start, end=end)
    }
    result = []
    for metric in METRICS:
        r = found.get(metric)
        count = int(r["n"]) if r else 0
        result.append(
            Duration(
                metric=metric,
                count=count,
                median_days=_days(r["median"]) if r else None,
                p90_days=_days(r["p90"]) if r else None,
                average_days=round(int(r["total"]) / count / DAY, 2) if r else None,
            )
        )
    return result


async def _counts(scope: Scope, start: datetime, end: datetime) -> dict[str, int]:
    if scope.organisation_id:
        complaints = "FROM complaint c WHERE c.organisation_id = :scope"
    else:
        complaints = (
            "FROM complaint c JOIN dispute_case k ON k.complaint_id = c.id "
            "WHERE k.provider_id = :scope"
        )
    sql = f"""
        SELECT
            (SELECT COUNT(*) {complaints} AND c.received_at >= :start AND c.received_at < :end)
                AS complaints_received,
            (SELECT COUNT(*) {complaints} AND c.received_at >= :start AND c.received_at < :end
                AND EXISTS (SELECT 1 FROM complaint p WHERE p.organisation_id = c.organisation_id
                    AND p.complainant_id = c.complainant_id AND p.received_at < c.received_at))
                AS repeat_complaints,
            (SELECT COUNT(*) FROM dispute_case dc WHERE dc.{scope.column} = :scope
                AND dc.created_at >= :start AND dc.created_at < :end) AS disputes_received,
            (SELECT COUNT(*) FROM outcome o JOIN dispute_case dc ON dc.id = o.case_id
                WHERE dc.{scope.column} = :scope AND o.superseded_at IS NULL
                AND o.issued_at >= :start AND o.issued_at < :end) AS outcomes_issued,
            (SELECT COUNT(*) FROM outcome o JOIN dispute_case dc ON dc.id = o.case_id
                WHERE dc.{scope.column} = :scope AND o.superseded_at IS NULL
                AND o.issued_at >= :start AND o.issued_at < :end
                AND o.accepted_by_complainant_at IS NOT NULL
                AND o.accepted_by_organisation_at IS NOT NULL) AS outcomes_accepted,
            (SELECT COUNT(*) FROM outcome o JOIN dispute_case dc ON dc.id = o.case_id
                WHERE dc.{scope.column} = :scope AND o.superseded_at IS NULL
                AND o.issued_at >= :start AND o.issued_at < :end
                AND o.rejected_at IS NOT NULL) AS outcomes_rejected,
            (SELECT COUNT(*) FROM clock k JOIN dispute_case dc ON dc.id = k.case_id
                WHERE dc.{scope.column} = :scope AND k.kind = 'implementation'
                AND k.started_at >= :start AND k.started_at < :end) AS implementations_due,
            (SELECT COUNT(*) FROM clock k JOIN dispute_case dc ON dc.id = k.case_id
                WHERE dc.{scope.column} = :scope AND k.kind = 'implementation'
                AND k.started_at >= :start AND k.started_at < :end
                AND dc.implemented_at IS NOT NULL) AS implemented,
            (SELECT COUNT(*) FROM clock k JOIN dispute_case dc ON dc.id = k.case_id
                WHERE dc.{scope.column} = :scope AND k.kind = 'implementation'
                AND k.started_at >= :start AND k.started_at < :end
                AND k.status = 'met') AS implemented_on_time,
            (SELECT COUNT(*) FROM dispute_case dc WHERE dc.{scope.column} = :scope
                AND dc.stage = 'closed' AND dc.closure_reason = :not_implemented
                AND dc.closed_at >= :start AND dc.closed_at < :end) AS outcomes_not_implemented
    """
    (row,) = await rows(
        sql,
        scope=scope.id,
        start=start,
        end=end,
        not_implemented=ClosureReason.NOT_IMPLEMENTED.value,
    )
    return {k: int(v) for k, v in row.items()}


async def _ended(scope: Scope, start: datetime, end: datetime) -> list[Tally]:
    sql = f"""
        SELECT CASE WHEN dc.stage = 'closed' THEN dc.closure_reason ELSE dc.stage END AS result,
            COUNT(*) AS n
        FROM dispute_case dc
        WHERE dc.{scope.column} = :scope AND dc.closed_at >= :start AND dc.closed_at < :end
        GROUP BY 1 ORDER BY 1
    """
    return [
        Tally(str(r["result"]), int(r["n"]))
        for r in await rows(sql, scope=scope.id, start=start, end=end)
    ]


async def _clocks(scope: Scope, start: datetime, end: datetime) -> list[ClockTally]:
    sql = f"""
        SELECT k.responsible AS responsible,
            SUM(CASE WHEN k.status = 'met' THEN 1 ELSE 0 END) AS met,
            SUM(CASE WHEN k.status = 'missed' THEN 1 ELSE 0 END) AS missed
        FROM clock k JOIN dispute_case dc ON dc.id = k.case_id
        WHERE dc.{scope.column} = :scope AND k.status IN ('met', 'missed')
            AND k.kind NOT IN ({WINDOW_CLOCKS})
            AND k.ended_at >= :start AND k.ended_at < :end
        GROUP BY k.responsible ORDER BY k.responsible
    """
    return [
        ClockTally(str(r["responsible"]), int(r["met"]), int(r["missed"]))
        for r in await rows(sql, scope=scope.id, start=start, end=end)
    ]


async def _satisfaction(
    scope: Scope, start: datetime, end: datetime
) -> tuple[list[Satisfaction], list[Satisfaction]]:
    sql = f"""
        SELECT s.method AS method, p.name AS provider, COUNT(*) AS n, SUM(s.score) AS total
        FROM satisfaction_record s JOIN provider p ON p.id = s.provider_id
        WHERE s.{scope.column} = :scope AND s.question = :question
            AND s.respondent = 'complainant' AND s.score IS NOT NULL
            AND s.answered_at >= :start AND s.answered_at < :end
        GROUP BY s.method, p.name
    """
    found = await rows(sql, scope=scope.id, start=start, end=end, question=OVERALL)
    return _grouped(found, "method"), _grouped(found, "provider")


def _grouped(found: Sequence[dict[str, Any]], key: str) -> list[Satisfaction]:
    totals: dict[str, tuple[int, int]] = {}
    for r in found:
        n, total = totals.get(str(r[key]), (0, 0))
        totals[str(r[key])] = (n + int(r["n"]), total + int(r["total"]))
    return [Satisfaction(k, n, t) for k, (n, t) in sorted(totals.items())]


async def indicators(scope: Scope, start: datetime, end: datetime) -> Indicators:
    """Every indicator for ``scope`` in ``[start, end)``: five statements."""
    counts = await _counts(scope, start, end)
    ended = await _ended(scope, start, end)
    by_method, by_provider = await _satisfaction(scope, start, end)
    return Indicators(
        start=start,
        end=end,
        complaints_received=counts["complaints_received"],
        repeat_complaints=counts["repeat_complaints"],
        disputes_received=counts["disputes_received"],
        ended=ended,
        withdrawals=sum(t.count for t in ended if t.key == "withdrawn"),
        durations=await _durations(scope, start, end),
        clocks=await _clocks(scope, start, end),
        outcomes_issued=counts["outcomes_issued"],
        outcomes_accepted=counts["outcomes_accepted"],
        outcomes_rejected=counts["outcomes_rejected"],
        implementations_due=counts["implementations_due"],
        implemented=counts["implemented"],
        implemented_on_time=counts["implemented_on_time"],
        outcomes_not_implemented=counts["outcomes_not_implemented"],
        satisfaction_by_method=by_method,
        satisfaction_by_provider=by_provider,
    )

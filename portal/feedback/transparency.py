"""A provider's public transparency report (EU ADR Directive Art. 7(2)), with an anonymised
case-level disclosure in the sortable style of California CCP 1281.96.

Public, without login: so it holds no personal data and no caucus content. It reads counts,
categories (methods, grounds, closure reasons), amounts, dates and the organisation's name
(a business, named as CCP 1281.96 names it), never a reference, a person, a free-text reason
or a timeline event. Dates are days, not instants.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from portal.accounts.models import Provider
from portal.feedback.csvfile import csv_text
from portal.feedback.errors import FeedbackError
from portal.feedback.indicators import DAY, Indicators, Scope, Tally, indicators
from portal.feedback.periods import Period
from portal.feedback.sql import dialect_is_postgres, rows, seconds_between
from portal.fees.states import decimal_of

MAX_PAGE = 500
MAX_DOWNLOAD = 50_000
# The column's width (accounts.models.Provider.slug).
_SLUG_LENGTH = 64
DISCONTINUED = ("discontinued", "organisation_refused", "withdrawn")


class DisclosureOrder(StrEnum):
    ENDED_ON = "ended_on"
    FILED_ON = "filed_on"
    DURATION = "duration"
    CLAIMED_AMOUNT = "claimed_amount"
    OUTCOME_AMOUNT = "outcome_amount"
    ORGANISATION = "organisation"
    METHOD = "method"
    RESULT = "result"


@dataclass(frozen=True)
class DisclosedCase:
    organisation: str
    method: str
    result: str  # closure reason, or withdrawn / declined
    decline_ground: str | None
    outcome_kind: str | None
    claimed_amount: Decimal | None
    outcome_amount: Decimal | None
    currency: str
    filed_on: date
    ended_on: date
    duration_days: float
    # Issue 20 (CCP 1281.96: the fees and who paid them): each side's fee invoice, if one was
    # issued, and whether it was paid, waived or left due.
    complainant_fee: Decimal | None = None
    complainant_fee_status: str | None = None
    organisation_fee: Decimal | None = None
    organisation_fee_status: str | None = None
    fee_currency: str | None = None


@dataclass(frozen=True)
class TransparencyReport:
    provider_name: str
    period: Period
    indicators: Indicators
    received_by_method: list[Tally]
    refusals_by_ground: list[Tally]
    discontinued_by_reason: list[Tally]
    cases: list[DisclosedCase]
    total_cases: int

    @property
    def refusal_share(self) -> float | None:
        received = self.indicators.disputes_received
        refused = sum(t.count for t in self.refusals_by_ground)
        return round(refused / received, 4) if received else None


async def transparency_report(
    provider_slug: str,
    period: Period,
    *,
    order: DisclosureOrder = DisclosureOrder.ENDED_ON,
    descending: bool = False,
    first: int = 100,
    offset: int = 0,
    limit: int = MAX_PAGE,
) -> TransparencyReport:
    if not 0 <= first <= limit or offset < 0:
        raise FeedbackError(
            "INVALID_INPUT", f"`first` is 0 to {limit}, `offset` 0 or more.", "first"
        )
    # Issue 13 (found by the fuzz run): a slug no provider can have is simply not found; the
    # ORM would refuse it as a filter value (over the column's length: ValidationError; a NUL
    # on PostgreSQL: a database error), and the caller got an internal error.
    storable = len(provider_slug) <= _SLUG_LENGTH and "\x00" not in provider_slug
    provider = await Provider.get_or_none(slug=provider_slug) if storable else None
    if provider is None:
        raise FeedbackError("NOT_FOUND", "No such provider.", "provider")
    scope = Scope(provider_id=provider.id)
    found = await indicators(scope, period.start, period.end)
    tallies = await _tallies(provider.id, period)
    cases = await _disclosure(provider.id, period, order, descending, first, offset)
    return TransparencyReport(
        provider_name=provider.name,
        period=period,
        indicators=found,
        received_by_method=tallies.get("method", []),
        refusals_by_ground=tallies.get("ground", []),
        discontinued_by_reason=tallies.get("reason", []),
        cases=cases,
        total_cases=sum(t.count for t in found.ended),
    )


async def _tallies(provider_id: uuid.UUID, period: Period) -> dict[str, list[Tally]]:
    found = await rows(
        """
        SELECT 'method' AS section, dc.method AS k, COUNT(*) AS n FROM dispute_case dc
        WHERE dc.provider_id = :scope AND dc.created_at >= :start AND dc.created_at < :end
        GROUP BY dc.method
        UNION ALL
        SELECT 'ground' AS section, dc.decline_ground AS k, COUNT(*) AS n FROM dispute_case dc
        WHERE dc.provider_id = :scope AND dc.stage = 'declined'
            AND dc.closed_at >= :start AND dc.closed_at < :end
        GROUP BY dc.decline_ground
        UNION ALL
        SELECT 'reason' AS section,
            CASE WHEN dc.stage = 'closed' THEN dc.closure_reason ELSE dc.stage END AS k,
            COUNT(*) AS n FROM dispute_case dc
        WHERE dc.provider_id = :scope AND dc.closed_at >= :start AND dc.closed_at < :end
            AND (dc.stage = 'withdrawn'
                OR (dc.stage = 'closed'
                    AND dc.closure_reason IN ('discontinued', 'organisation_refused')))
        GROUP BY CASE WHEN dc.stage = 'closed' THEN dc.closure_reason ELSE dc.stage END
        """,
        scope=provider_id,
        start=period.start,
        end=period.end,
    )
    result: dict[str, list[Tally]] = {}
    for r in found:
        result.setdefault(str(r["section"]), []).append(Tally(str(r["k"]), int(r["n"])))
    for tallies in result.values():
        tallies.sort(key=lambda t: t.key)
    return result


def _order_by(order: DisclosureOrder, descending: bool, postgres: bool) -> str:
    number = "NUMERIC" if postgres else "REAL"  # SQLite keeps decimals as text
    column = {
        DisclosureOrder.ENDED_ON: "dc.closed_at",
        DisclosureOrder.FILED_ON: "dc.created_at",
        DisclosureOrder.DURATION: "duration_s",
        DisclosureOrder.CLAIMED_AMOUNT: f"CAST(dc.claimed_amount AS {number})",
        DisclosureOrder.OUTCOME_AMOUNT: f"CAST(outcome_amount AS {number})",
        DisclosureOrder.ORGANISATION: "organisation",
        DisclosureOrder.METHOD: "dc.method",
        DisclosureOrder.RESULT: "result",
    }[order]
    direction = "DESC" if descending else "ASC"
    # Empty values last either way, as both databases then agree (their NULL orders differ);
    # the case's id breaks ties the same way on both.
    return f"CASE WHEN {column} IS NULL THEN 1 ELSE 0 END, {column} {direction}, dc.id"


async def _disclosure(
    provider_id: uuid.UUID,
    period: Period,
    order: DisclosureOrder,
    descending: bool,
    first: int,
    offset: int,
) -> list[DisclosedCase]:
    pg = dialect_is_postgres()
    standing = (
        "FROM outcome oc WHERE oc.case_id = dc.id AND oc.superseded_at IS NULL "
        "ORDER BY oc.issued_at DESC LIMIT 1"
    )

    def fee(payer: str, column: str) -> str:
        # Constants only (the payer values of portal.fees.states.FeePayer).
        where = f"fi.case_id = dc.id AND fi.payer = '{payer}'"
        return f"(SELECT fi.{column} FROM fee_invoice fi WHERE {where})"

    sql = f"""
        SELECT * FROM (
            SELECT dc.id AS id, dc.closed_at AS closed_at, dc.created_at AS created_at,
                dc.claimed_amount AS claimed_amount, dc.method AS method,
                o.name AS organisation, dc.currency AS currency,
                dc.decline_ground AS decline_ground,
                CASE WHEN dc.stage = 'closed' THEN dc.closure_reason ELSE dc.stage END AS result,
                (SELECT oc.amount {standing}) AS outcome_amount,
                (SELECT oc.kind {standing}) AS outcome_kind,
                {fee("complainant", "amount_minor")} AS complainant_fee,
                {fee("complainant", "status")} AS complainant_fee_status,
                {fee("organisation", "amount_minor")} AS organisation_fee,
                {fee("organisation", "status")} AS organisation_fee_status,
                (SELECT MIN(fi.currency) FROM fee_invoice fi WHERE fi.case_id = dc.id)
                    AS fee_currency,
                {seconds_between("dc.created_at", "dc.closed_at", postgres=pg)} AS duration_s
            FROM dispute_case dc JOIN organisation o ON o.id = dc.organisation_id
            WHERE dc.provider_id = :scope AND dc.closed_at >= :start AND dc.closed_at < :end
        ) dc
        ORDER BY {_order_by(order, descending, pg)}
        LIMIT :first OFFSET :offset
    """
    found = await rows(
        sql, scope=provider_id, start=period.start, end=period.end, first=first, offset=offset
    )
    return [
        DisclosedCase(
            organisation=str(r["organisation"]),
            method=str(r["method"]),
            result=str(r["result"]),
            decline_ground=r["decline_ground"],
            outcome_kind=r["outcome_kind"],
            claimed_amount=_money(r["claimed_amount"]),
            outcome_amount=_money(r["outcome_amount"]),
            currency=str(r["currency"]),
            filed_on=_instant(r["created_at"]).date(),
            ended_on=_instant(r["closed_at"]).date(),
            duration_days=round(int(r["duration_s"]) / DAY, 2),
            complainant_fee=_fee(r["complainant_fee"]),
            complainant_fee_status=r["complainant_fee_status"],
            organisation_fee=_fee(r["organisation_fee"]),
            organisation_fee_status=r["organisation_fee_status"],
            fee_currency=r["fee_currency"],
        )
        for r in found
    ]


def _money(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


def _fee(minor: Any) -> Decimal | None:
    return None if minor is None else decimal_of(int(minor))


def _instant(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return datetime.fromisoformat(str(value)).astimezone(UTC)


# --- downloads ------------------------------------------------------------------------------

CSV_HEADER = [
    "organisation",
    "method",
    "result",
    "decline_ground",
    "outcome_kind",
    "claimed_amount",
    "outcome_amount",
    "currency",
    "filed_on",
    "ended_on",
    "duration_days",
    "complainant_fee",
    "complainant_fee_status",
    "organisation_fee",
    "organisation_fee_status",
    "fee_currency",
]


def _case_document(case: DisclosedCase) -> dict[str, Any]:
    return {
        "organisation": case.organisation,
        "method": case.method,
        "result": case.result,
        "decline_ground": case.decline_ground,
        "outcome_kind": case.outcome_kind,
        "claimed_amount": None if case.claimed_amount is None else str(case.claimed_amount),
        "outcome_amount": None if case.outcome_amount is None else str(case.outcome_amount),
        "currency": case.currency,
        "filed_on": case.filed_on.isoformat(),
        "ended_on": case.ended_on.isoformat(),
        "duration_days": case.duration_days,
        "complainant_fee": None if case.complainant_fee is None else str(case.complainant_fee),
        "complainant_fee_status": case.complainant_fee_status,
        "organisation_fee": None if case.organisation_fee is None else str(case.organisation_fee),
        "organisation_fee_status": case.organisation_fee_status,
        "fee_currency": case.fee_currency,
    }


def report_document(report: TransparencyReport) -> dict[str, Any]:
    i = report.indicators
    resolve = i.duration("resolve")
    return {
        "provider": report.provider_name,
        "period": {"start": report.period.start.isoformat(), "end": report.period.end.isoformat()},
        "disputes_received": i.disputes_received,
        "received_by_method": {t.key: t.count for t in report.received_by_method},
        "refusals_by_ground": {t.key: t.count for t in report.refusals_by_ground},
        "refusal_share": report.refusal_share,
        "discontinued_by_reason": {t.key: t.count for t in report.discontinued_by_reason},
        "duration_days": {
            "closed": resolve.count,
            "average": resolve.average_days,
            "median": resolve.median_days,
            "p90": resolve.p90_days,
        },
        "outcome_acceptance_rate": i.outcome_acceptance.rate,
        "compliance_rate": i.implementation.rate,
        "cases_total": report.total_cases,
        "cases": [_case_document(c) for c in report.cases],
    }


def report_csv(report: TransparencyReport) -> str:
    return csv_text(CSV_HEADER, ([_case_document(c)[k] for k in CSV_HEADER] for c in report.cases))

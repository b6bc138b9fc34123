"""Management review (ISO 10003 8.4, ISO 10002 9.4): per organisation and period, the counts,
durations, clock adherence, satisfaction, top root causes and systemic issues."""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from portal.accounts.models import Organisation
from portal.auth import policy
from portal.auth.actor import Actor
from portal.cases.engine import now
from portal.commitments.measures import CommitmentMeasure, measure_commitments
from portal.commitments.services import organisation_by_slug
from portal.feedback.csvfile import csv_text
from portal.feedback.errors import Forbidden
from portal.feedback.indicators import Indicators, Scope, Tally, indicators
from portal.feedback.periods import Period
from portal.feedback.sql import rows
from portal.groups.models import GroupConsent
from portal.ids import global_id

UNCLASSIFIED = "unclassified"


@dataclass(frozen=True)
class ManagementReview:
    organisation_id: uuid.UUID
    organisation_name: str
    period: Period
    indicators: Indicators
    root_causes: list[Tally]  # most frequent first
    systemic_threshold: int
    # ISO 10001 clause 8 (monitoring the code): each of the organisation's commitments,
    # measured for the period.
    commitments: list[CommitmentMeasure] = field(default_factory=list)
    # Issue 20: the groups of its cases asked in the period (key: the group's reference,
    # count: its members, whose complainants' consent stands), oldest first.
    case_groups: list[Tally] = field(default_factory=list)

    @property
    def systemic_issues(self) -> list[Tally]:
        """Root causes behind at least `systemic_threshold` closed complaints in the period:
        a recurring problem to act on (ISO 10002 8.3), not an individual grievance."""
        return [
            t
            for t in self.root_causes
            if t.key != UNCLASSIFIED and t.count >= self.systemic_threshold
        ]


async def management_review(
    actor: Actor,
    organisation_id: uuid.UUID,
    period: Period,
    *,
    systemic_threshold: int,
    at: datetime | None = None,
) -> ManagementReview:
    """For the organisation's managers, its auditors and admins; Forbidden for anyone else,
    and for an organisation that does not exist (which then looks the same). ``at``: when
    the commitments are measured (what is still within its time then is pending)."""
    if not policy.may_view_management_review(actor, organisation_id):
        raise Forbidden()
    organisation = await Organisation.get_or_none(id=organisation_id)
    if organisation is None:
        raise Forbidden()
    scope = Scope(organisation_id=organisation_id)
    found = await indicators(scope, period.start, period.end)
    causes = await rows(
        """
        SELECT c.root_cause AS cause, COUNT(*) AS n FROM complaint c
        WHERE c.organisation_id = :scope AND c.closed_at >= :start AND c.closed_at < :end
        GROUP BY c.root_cause
        """,
        scope=organisation_id,
        start=period.start,
        end=period.end,
    )
    tallies = [Tally(str(r["cause"]) or UNCLASSIFIED, int(r["n"])) for r in causes]
    tallies.sort(key=lambda t: (-t.count, t.key))
    return ManagementReview(
        organisation_id=organisation.id,
        organisation_name=organisation.name,
        period=period,
        indicators=found,
        root_causes=tallies,
        systemic_threshold=systemic_threshold,
        commitments=await measure_commitments(organisation, period, at=at or now()),
        case_groups=await _case_groups(organisation_id, period),
    )


async def _case_groups(organisation_id: uuid.UUID, period: Period) -> list[Tally]:
    found = await rows(
        """
        SELECT g.reference AS reference, COUNT(m.id) AS n FROM case_group g
        LEFT JOIN group_member m ON m.group_id = g.id AND m.consent = :given
        WHERE g.organisation_id = :scope AND g.created_at >= :start AND g.created_at < :end
        GROUP BY g.reference, g.created_at ORDER BY g.created_at, g.reference
        """,
        scope=organisation_id,
        given=GroupConsent.GIVEN.value,
        start=period.start,
        end=period.end,
    )
    return [Tally(str(r["reference"]), int(r["n"])) for r in found]


async def review_for(
    actor: Actor, organisation: str, period: Period, *, systemic_threshold: int
) -> ManagementReview:
    """By the organisation's id or slug, for the export endpoints."""
    try:
        pk: uuid.UUID | None = uuid.UUID(organisation)
    except ValueError:
        pk = None
    if pk is None:
        pk = (await organisation_by_slug(organisation)).id
    return await management_review(actor, pk, period, systemic_threshold=systemic_threshold)


# --- exports --------------------------------------------------------------------------------


def review_document(review: ManagementReview) -> dict[str, Any]:
    """The review as plain data: the JSON export, and the CSV's rows flattened from it."""
    i = review.indicators
    return {
        "organisation": {
            "id": global_id("Organisation", review.organisation_id),
            "name": review.organisation_name,
        },
        "period": {"start": review.period.start.isoformat(), "end": review.period.end.isoformat()},
        "counts": {
            "complaints_received": i.complaints_received,
            "repeat_complaints": i.repeat_complaints,
            "disputes_received": i.disputes_received,
            "withdrawals": i.withdrawals,
            "ended": {t.key: t.count for t in i.ended},
        },
        "durations": {d.metric: _plain(d) for d in i.durations},
        "clocks": {
            "met": i.clocks_met.numerator,
            "decided": i.clocks_met.denominator,
            "share_met": i.clocks_met.rate,
            "by_responsible": {c.responsible: _plain(c) for c in i.clocks},
        },
        "outcomes": {
            "issued": i.outcomes_issued,
            "accepted": i.outcomes_accepted,
            "rejected": i.outcomes_rejected,
            "acceptance_rate": i.outcome_acceptance.rate,
            "implementations_due": i.implementations_due,
            "implemented": i.implemented,
            "implemented_on_time": i.implemented_on_time,
            "implementation_rate": i.implementation.rate,
            "not_implemented": i.outcomes_not_implemented,
        },
        "satisfaction": {
            "by_method": {s.key: _satisfaction(s) for s in i.satisfaction_by_method},
            "by_provider": {s.key: _satisfaction(s) for s in i.satisfaction_by_provider},
        },
        "root_causes": {t.key: t.count for t in review.root_causes},
        "systemic_issues": {t.key: t.count for t in review.systemic_issues},
        "commitments": {
            m.commitment.kind.value: commitment_document(m) for m in review.commitments
        },
    }


def commitment_document(m: CommitmentMeasure) -> dict[str, Any]:
    """One commitment and how it fared; a commitment that cannot be measured says so
    (`measurable`: false, and why in `note`) and carries no figures."""
    c = m.commitment
    found: dict[str, Any] = {
        "id": global_id("Commitment", c.id),
        "days": c.days,
        "calendar": c.calendar.value if c.calendar else None,
        "items": list(c.items),
        "wording_en": c.wording_en,
        "wording_zh_hans": c.wording_zh_hans,
        "measurable": m.measurable,
        "basis": m.basis.value,
        "note": m.note,
    }
    if m.measurable:
        found |= {
            "evidence": m.evidence,
            "met": m.met,
            "missed": m.missed,
            "share_met": m.share_met,
            "pending": m.pending,
            "median_days": m.median_days,
            "missed_references": list(m.missed_references),
        }
    return found


def _plain(value: Any) -> dict[str, Any]:
    fields = dataclasses.asdict(value)
    fields.pop("metric", None)
    fields.pop("responsible", None)
    return fields


def _satisfaction(s: Any) -> dict[str, Any]:
    return {"responses": s.responses, "average": s.average}


def flatten(document: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """`section.key.sub` and a value per line: one CSV shape for every section."""
    lines: list[tuple[str, Any]] = []
    for key, value in document.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            lines += flatten(value, f"{name}.")
        elif isinstance(value, list):
            lines.append((name, " ".join(str(v) for v in value)))
        else:
            lines.append((name, "" if value is None else value))
    return lines


def review_csv(review: ManagementReview) -> str:
    return csv_text(["indicator", "value"], flatten(review_document(review)))

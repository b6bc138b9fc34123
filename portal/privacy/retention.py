"""The retention job: a closed case's personal data is kept for its scheme's `retention_years`
after it closed, then redacted (portal.privacy.redaction). A complaint that never became a case
is kept for `DEFAULT_RETENTION_YEARS` after it closed. Expired subject-access exports are deleted.

Runs in the worker beside the clock job, and as `portal retention run [--dry-run]`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from portal.casefiles.storage import Storage
from portal.cases.models import DisputeCase, Scheme
from portal.complaints.models import Complaint, ComplaintStatus
from portal.privacy.models import DataExport
from portal.privacy.redaction import Rule, redact_case, redact_complaint

# The default of `Scheme.retention_years`, and the period of complaints never referred: six
# years covers the limitation period of contract claims in most member states (six years in
# England and Wales and Ireland; three from the end of the year in Germany, ten at most; five in
# France), within which the records may be needed to establish or defend a claim (GDPR Art.
# 17(3)(e)). docs/operations.md "Data protection".
DEFAULT_RETENTION_YEARS = 6
# Seconds between two runs in the worker: a period counted in years needs no finer grain.
RETENTION_INTERVAL = 3600


def kept_until(closed_at: datetime, years: int) -> datetime:
    """The end of the retention period: the same day ``years`` later (28 February for a
    29 February)."""
    try:
        return closed_at.replace(year=closed_at.year + years)
    except ValueError:
        return closed_at.replace(year=closed_at.year + years, day=28)


@dataclass
class RetentionRun:
    """What one run redacted (or, dry, would redact)."""

    cases: list[str] = field(default_factory=list)  # references
    complaints: list[str] = field(default_factory=list)  # references of complaints never referred
    exports_deleted: int = 0
    counts: dict[str, int] = field(default_factory=dict)


async def due_cases(at: datetime) -> list[tuple[uuid.UUID, str, int]]:
    """Closed cases not yet redacted whose period ran out: (id, reference, years)."""
    years = dict(await Scheme.all().values_list("id", "retention_years"))
    rows = await DisputeCase.filter(closed_at__isnull=False, redacted_at__isnull=True).values_list(
        "id", "reference", "closed_at", "scheme_id"
    )
    return [
        (case_id, reference, years[scheme_id])
        for case_id, reference, closed_at, scheme_id in rows
        if kept_until(closed_at, years[scheme_id]) <= at
    ]


async def due_complaints(at: datetime) -> list[tuple[uuid.UUID, str]]:
    """Closed complaints never referred, past the default period, whose text is still there."""
    rows = (
        await Complaint.filter(status=ComplaintStatus.CLOSED, closed_at__isnull=False)
        .exclude(description="")
        .values_list("id", "reference", "closed_at")
    )
    return [
        (complaint_id, reference)
        for complaint_id, reference, closed_at in rows
        if kept_until(closed_at, DEFAULT_RETENTION_YEARS) <= at
    ]


async def run_retention(
    storage: Storage, at: datetime | None = None, *, dry_run: bool = False
) -> RetentionRun:
    """Redact every case and complaint past its period; delete expired exports. Each case in
    its own transaction: a failure leaves the others done and this one untouched."""
    moment = at or datetime.now(UTC)
    run = RetentionRun()
    totals: dict[str, int] = {}
    for case_id, reference, years in await due_cases(moment):
        run.cases.append(reference)
        if not dry_run:
            counts = await redact_case(
                case_id, moment, storage, Rule.RETENTION, {"retention_years": years}
            )
            for key, value in counts.items():
                totals[key] = totals.get(key, 0) + value
    for complaint_id, reference in await due_complaints(moment):
        run.complaints.append(reference)
        if not dry_run:
            for key, value in (await redact_complaint(complaint_id, moment)).items():
                totals[key] = totals.get(key, 0) + value
    expired = DataExport.filter(expires_at__lte=moment)
    run.exports_deleted = await expired.count()
    if not dry_run:
        await expired.delete()
    run.counts = dict(sorted(totals.items()))
    return run

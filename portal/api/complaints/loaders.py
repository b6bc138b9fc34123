"""Batch loads for complaints: one statement per relation, whatever the page size."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from portal.cases.models import DisputeCase
from portal.complaints.clocks import late_ids
from portal.complaints.models import ComplaintClock, ComplaintStep


async def cases_by_complaint(complaint_ids: list[uuid.UUID]) -> list[DisputeCase | None]:
    """The dispute each complaint was referred to (at most one: the relation is one-to-one)."""
    rows = await DisputeCase.filter(complaint_id__in=complaint_ids)
    by_complaint = {row.complaint_id: row for row in rows}
    return [by_complaint.get(i) for i in complaint_ids]


async def steps_by_complaint(complaint_ids: list[uuid.UUID]) -> list[list[ComplaintStep]]:
    """Each complaint's steps, oldest first."""
    grouped: dict[uuid.UUID, list[ComplaintStep]] = defaultdict(list)
    for row in await ComplaintStep.filter(complaint_id__in=complaint_ids).order_by("at", "id"):
        grouped[row.complaint_id].append(row)
    return [grouped[i] for i in complaint_ids]


@dataclass(frozen=True)
class ClockState:
    """A complaint clock, and whether it is late (`portal.complaints.clocks.late`)."""

    clock: ComplaintClock
    overdue: bool


async def clocks_by_complaint(
    complaint_ids: list[uuid.UUID], at: datetime
) -> list[list[ClockState]]:
    """Each complaint's clocks, oldest first, and which of them are late at ``at``."""
    late = await late_ids(complaint_ids, at)
    grouped: dict[uuid.UUID, list[ClockState]] = defaultdict(list)
    rows = await ComplaintClock.filter(complaint_id__in=complaint_ids).order_by(
        "started_at", "kind"
    )
    for row in rows:
        grouped[row.complaint_id].append(ClockState(row, row.id in late))
    return [grouped[i] for i in complaint_ids]

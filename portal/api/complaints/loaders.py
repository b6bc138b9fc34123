"""Batch loads for complaints: one statement per relation, whatever the page size."""

from __future__ import annotations

import uuid

from portal.cases.models import DisputeCase


async def cases_by_complaint(complaint_ids: list[uuid.UUID]) -> list[DisputeCase | None]:
    """The dispute each complaint was referred to (at most one: the relation is one-to-one)."""
    rows = await DisputeCase.filter(complaint_id__in=complaint_ids)
    by_complaint = {row.complaint_id: row for row in rows}
    return [by_complaint.get(i) for i in complaint_ids]

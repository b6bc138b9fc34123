"""Batch loads for cases and the records each stage leaves: one statement per relation."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from tortoise.models import Model
from tortoise.queryset import QuerySet

from portal.cases.events import EventKind
from portal.cases.extensions import ClockSpan, Extension, sort_to_clocks
from portal.cases.models import (
    CaseParticipant,
    Clock,
    Consent,
    DisputeCase,
    NeutralAppointment,
    Objection,
    Offer,
    Outcome,
)
from portal.cases.states import CaseRole
from portal.fees.models import FeeInvoice
from portal.timeline.models import TimelineEvent, Visibility

M = TypeVar("M", bound=Model)

ByCase = Callable[[list[uuid.UUID]], Awaitable[Sequence[list[M]]]]


def grouped(model: type[M], key: str, *order: str) -> ByCase[M]:
    """Rows of ``model`` per value of ``key`` (a case or an appointment), in ``order``."""

    async def load(ids: list[uuid.UUID]) -> Sequence[list[M]]:
        groups: dict[uuid.UUID, list[M]] = defaultdict(list)
        for row in await model.filter(**{f"{key}__in": ids}).order_by(*order):
            groups[getattr(row, key)].append(row)
        return [groups[i] for i in ids]

    return load


# The same order as portal.cases.engine.load_view, so availableActions sees what perform sees.
participants_by_case = grouped(CaseParticipant, "case_id", "created_at")
appointments_by_case = grouped(NeutralAppointment, "case_id", "appointed_at")
objections_by_appointment = grouped(Objection, "appointment_id", "raised_at")
clocks_by_case = grouped(Clock, "case_id", "started_at")
offers_by_case = grouped(Offer, "case_id", "made_at")
outcomes_by_case = grouped(Outcome, "case_id", "issued_at")
consents_by_case = grouped(Consent, "case_id", "given_at")
fee_invoices_by_case = grouped(FeeInvoice, "case_id", "issued_at", "number")


async def clock_extensions_by_case(
    case_ids: list[uuid.UUID],
) -> list[dict[uuid.UUID, list[Extension]]]:
    """Each case's clock extensions per clock id, from its timeline (portal.cases.extensions):
    two statements for any number of cases."""
    spans: dict[uuid.UUID, list[ClockSpan]] = defaultdict(list)
    for row in await Clock.filter(case_id__in=case_ids).values(
        "id", "case_id", "kind", "started_at", "ended_at"
    ):
        spans[row["case_id"]].append(
            ClockSpan(row["id"], row["kind"], row["started_at"], row["ended_at"])
        )
    events: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
    for row in (
        await TimelineEvent.filter(
            case_id__in=case_ids,
            kind=EventKind.CLOCK_EXTENDED.value,
            visibility=Visibility.ALL_PARTIES,
        )
        .order_by("case_id", "sequence")
        .values("case_id", "occurred_at", "actor_id", "actor_role", "payload")
    ):
        events[row["case_id"]].append(row)
    return [sort_to_clocks(spans[i], events[i]) for i in case_ids]


async def cases_by_reference(references: list[str]) -> list[DisputeCase | None]:
    rows = {row.reference: row for row in await DisputeCase.filter(reference__in=references)}
    return [rows.get(r) for r in references]


@dataclass(frozen=True)
class CaseAccess:
    """What one actor is on one case: decided once per case and request, from loaded rows."""

    roles: frozenset[CaseRole]  # empty: the case is invisible to the actor
    appointment: NeutralAppointment | None  # the current one, which the roles depend on
    scopes: frozenset[Visibility]  # the timeline scopes the actor may read


@dataclass(frozen=True)
class TimelinePage:
    """One page of one case's timeline, as far as ``scopes`` let the reader see."""

    case_id: uuid.UUID
    scopes: frozenset[Visibility]
    after: int
    size: int


EVENT_COLUMNS = (
    "id",
    "case_id",
    "sequence",
    "kind",
    "occurred_at",
    "actor_role",
    "visibility",
    "payload",
    "hash",
    "prev_hash",
)


def timeline_query(
    case_ids: list[uuid.UUID], scopes: frozenset[Visibility], after: int, size: int
) -> QuerySet[TimelineEvent]:
    """The events of ``case_ids`` in ``scopes`` after sequence ``after``, oldest first; for
    one case, cut at ``size`` + 1 rows. `timeline_pages` runs it; the compiled
    `CaseTimeline` (portal.api.compiled_timeline) wraps it."""
    query = TimelineEvent.filter(
        case_id__in=case_ids, visibility__in=list(scopes), sequence__gt=after
    ).order_by("case_id", "sequence")
    return query.limit(size + 1) if len(case_ids) == 1 else query


async def timeline_pages(pages: list[TimelinePage]) -> list[list[dict[str, Any]]]:
    """One statement per distinct (scopes, after, size): usually one for a whole request.

    For one case the page is cut in SQL (size + 1 rows, to tell whether more follow). For
    several cases at once (a timeline inside a list of cases) the cut is made here, so the
    statement count stays flat; the rows read are then bounded by the cases on the page.
    """
    groups: dict[tuple[frozenset[Visibility], int, int], list[uuid.UUID]] = defaultdict(list)
    for page in pages:
        groups[(page.scopes, page.after, page.size)].append(page.case_id)
    found: dict[TimelinePage, list[dict[str, Any]]] = {}
    for (scopes, after, size), case_ids in groups.items():
        if not scopes:
            found.update({TimelinePage(c, scopes, after, size): [] for c in case_ids})
            continue
        query = timeline_query(case_ids, scopes, after, size)
        by_case: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
        for row in await query.values(*EVENT_COLUMNS):
            by_case[row["case_id"]].append(row)
        for case_id in case_ids:
            found[TimelinePage(case_id, scopes, after, size)] = by_case[case_id][: size + 1]
    return [found[page] for page in pages]

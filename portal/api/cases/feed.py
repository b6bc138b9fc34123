"""`events`: the installation-wide event feed, as a query and as a subscription.

A reader gets the events of the cases it may see (policy.visible_cases_filter) in the scopes its
roles on each case let it read (policy.case_roles, policy.readable_scopes through `decide`),
in feed order (portal.timeline.feed: positions in commit order, so one cursor catches up with
no gap and no duplicate). An organisation's agents and integration clients thus follow their
organisation's cases; a neutral or a provider's caseworker the cases they work on.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from tortoise.expressions import Q, Subquery
from tortoise.functions import Count

from portal.accesslog.models import AccessAction
from portal.accesslog.services import record_access
from portal.api.cases.access import decide
from portal.api.cases.loaders import EVENT_COLUMNS, CaseAccess
from portal.api.cases.timeline import TimelineEvent
from portal.api.context import Context
from portal.api.pagination import (
    INTEGER,
    Connection,
    Edge,
    Keyset,
    Page,
    Window,
    connection,
)
from portal.auth import policy
from portal.auth.actor import Actor
from portal.cases.models import CaseParticipant, DisputeCase, NeutralAppointment
from portal.timeline import feed, live
from portal.timeline.models import TimelineEvent as EventRow

# The feed's cursor: an event's position, tagged so no other connection's cursor passes.
FEED = Keyset((("position", INTEGER),), descending=False, tag="feed")


@dataclass(frozen=True)
class Reading:
    """Who reads the feed, and the cases they may see (one SQL condition)."""

    actor: Actor
    seen: Q
    cases: Subquery

    @classmethod
    async def of(cls, actor: Actor) -> Reading:
        seen = await policy.visible_cases_filter(actor)
        return cls(actor, seen, Subquery(DisputeCase.filter(seen).values("id")))

    async def access(
        self, case_ids: list[uuid.UUID]
    ) -> dict[uuid.UUID, tuple[DisputeCase, CaseAccess]]:
        """The policy's verdict on each case: three statements for any number of cases."""
        cases = await DisputeCase.filter(Q(id__in=case_ids) & self.seen)
        ids = [c.id for c in cases]
        mine: dict[uuid.UUID, list[CaseParticipant]] = defaultdict(list)
        for p in await CaseParticipant.filter(case_id__in=ids, user_id=self.actor.id).order_by(
            "created_at"
        ):
            mine[p.case_id].append(p)
        appointed: dict[uuid.UUID, list[NeutralAppointment]] = defaultdict(list)
        for a in await NeutralAppointment.filter(case_id__in=ids).order_by("appointed_at"):
            appointed[a.case_id].append(a)
        verdicts = {c.id: (c, decide(self.actor, c, mine[c.id], appointed[c.id])) for c in cases}
        return {k: v for k, v in verdicts.items() if v[1].roles}

    async def readable(self, rows: list[dict[str, Any]], context: Context) -> list[dict[str, Any]]:
        """The rows the reader may read; each case read is in the access log once."""
        verdicts = await self.access(feed.case_ids(rows))
        kept = [
            row
            for row in rows
            if row["case_id"] in verdicts
            and row["visibility"] in verdicts[row["case_id"]][1].scopes
        ]
        for case_id in feed.case_ids(kept):
            case, access = verdicts[case_id]
            await record_access(context, AccessAction.CASE_READ, case=case, roles=access.roles)
        return kept

    def events(self, after: int, limit: int) -> Any:
        return (
            EventRow.filter(position__gt=after, case_id__in=self.cases)
            .order_by("position")
            .limit(limit)
            .values(*dict.fromkeys(("position", *EVENT_COLUMNS)))
        )

    async def count(self) -> int:
        """Every event the reader may read: one grouped statement, then the policy per case."""
        groups = (
            await EventRow.filter(case_id__in=self.cases, position__not_isnull=True)
            .annotate(n=Count("id"))
            .group_by("case_id", "visibility")
            .values("case_id", "visibility", "n")
        )
        verdicts = await self.access(list({g["case_id"] for g in groups}))
        return sum(
            int(g["n"])
            for g in groups
            if g["case_id"] in verdicts and g["visibility"] in verdicts[g["case_id"]][1].scopes
        )


def _position(cursor: str | None) -> int:
    return int(FEED.decode(cursor)[0]) if cursor is not None else 0


async def page_of_events(
    context: Context, actor: Actor, asked: Window
) -> Connection[TimelineEvent]:
    """One page of the feed after ``asked.after``. Events the reader may not read are
    skipped; the page's `endCursor` is the last event examined, so a page that found nothing
    readable still moves the cursor on."""
    reading = await Reading.of(actor)
    examined = _position(asked.after)
    kept: list[dict[str, Any]] = []
    while len(kept) <= asked.size:
        rows = list(await reading.events(examined, live.BATCH))
        for row in await reading.readable(rows, context) if rows else []:
            kept.append(row)
        if len(kept) > asked.size:
            break
        if rows:
            examined = int(rows[-1]["position"])
        if len(rows) < live.BATCH:
            break
    more = len(kept) > asked.size
    rows = kept[: asked.size]
    page: Page[Any] = Page(
        rows, asked, FEED.cursor, next=more, previous=asked.after is not None, counter=reading.count
    )
    found = connection(page, TimelineEvent.from_values)
    if not more and (examined > _position(asked.after)):
        found.page_info.end_cursor = encode_position(examined)
    return found


def encode_position(position: int) -> str:
    return FEED.cursor({"position": position})


def follow_events(
    context: Context,
    after: str | None,
    actor: Callable[[], Awaitable[Actor]],
) -> Any:
    """The feed after ``after`` (from now on without it), live: each event as an edge with
    its cursor. ``actor`` is asked again at every read (the session may end, roles change)."""

    async def select(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        reading = await Reading.of(await actor())
        return await reading.readable(rows, context)

    async def edges() -> Any:
        start = _position(after) if after is not None else None
        async for row in feed.follow(start, select, EVENT_COLUMNS):
            yield Edge(cursor=FEED.cursor(row), node=TimelineEvent.from_values(row))

    return edges()

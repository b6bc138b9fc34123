"""The viewer's calendar feed (its sessions are read on each case: `DisputeCase.sessions`)."""

from __future__ import annotations

import strawberry

from portal.api.context import Info
from portal.api.sessions.types import CalendarFeed
from portal.auth import policy
from portal.sessions import feeds


@strawberry.type
class SessionQueries:
    @strawberry.field(
        description="Your calendar feed, when you have one (its URL is shown only when issued: "
        "`setCalendarFeed`). Always null for an integration client."
    )
    async def calendar_feed(self, info: Info) -> CalendarFeed | None:
        actor = info.context.require_actor()
        if not policy.may_keep_calendar_feed(actor):
            return None
        feed = await feeds.current_feed(actor.id)
        return CalendarFeed(issued_at=feed.created_at) if feed else None

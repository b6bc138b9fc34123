"""Reading groups: the ones holding a case the reader may see, newest first."""

from __future__ import annotations

import strawberry

from portal.api.context import Info
from portal.api.groups.types import CaseGroup
from portal.api.pagination import After, Before, Connection, First, Last, newest_page, window
from portal.api.pagination import connection as make_connection
from portal.groups import services


@strawberry.type
class CaseGroupQueries:
    @strawberry.field(
        description="The case groups you may see, newest first: those holding a case you may "
        "see (the organisation's inbox, the provider's groups, a complainant's own)."
    )
    async def case_groups(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[CaseGroup]:
        actor = info.context.require_actor()
        query = await services.visible_groups(actor)
        page = await newest_page(query, window(first, after, last, before))
        return make_connection(page, CaseGroup.from_row)

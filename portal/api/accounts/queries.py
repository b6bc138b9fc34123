"""The directory: the organisations a consumer may complain about, and the providers."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portal.accounts import models
from portal.api.accounts.types import Organisation, Provider
from portal.api.context import Info
from portal.api.pagination import After, Connection, First, connection, newest_cursor, newest_first
from portal.auth import policy

RETIRED = "Also those an admin retired (they take nothing new); left out: active ones only."


@strawberry.type
class DirectoryQueries:
    @strawberry.field(
        description="Organisations, newest first: whom a complaint can be filed with. Only "
        "their public details (name, country)."
    )
    async def organisations(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        include_retired: Annotated[bool, strawberry.argument(description=RETIRED)] = False,
    ) -> Connection[Organisation]:
        actor = info.context.require_actor()
        query = models.Organisation.all()
        if not include_retired:
            query = query.filter(retired_at=None)
        rows, more = await newest_first(query, first, after)
        visible = [r for r in rows if policy.may_view_organisation(actor, r.id)]
        return connection(visible, more, after, newest_cursor, Organisation.from_row)

    @strawberry.field(description="Dispute-resolution providers, newest first.")
    async def providers(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        include_retired: Annotated[bool, strawberry.argument(description=RETIRED)] = False,
    ) -> Connection[Provider]:
        actor = info.context.require_actor()
        query = models.Provider.all()
        if not include_retired:
            query = query.filter(retired_at=None)
        rows, more = await newest_first(query, first, after)
        visible = [r for r in rows if policy.may_view_provider(actor, r.id)]
        return connection(visible, more, after, newest_cursor, Provider.from_row)

"""The directory: the organisations a consumer may complain about, and the providers."""

from __future__ import annotations

import strawberry

from portal.accounts import models
from portal.api.accounts.types import Organisation, Provider
from portal.api.context import Info
from portal.api.pagination import After, Connection, First, connection, newest_cursor, newest_first
from portal.auth import policy


@strawberry.type
class DirectoryQueries:
    @strawberry.field(
        description="Organisations, newest first: whom a complaint can be filed with. Only "
        "their public details (name, country)."
    )
    async def organisations(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[Organisation]:
        actor = info.context.require_actor()
        rows, more = await newest_first(models.Organisation.all(), first, after)
        visible = [r for r in rows if policy.may_view_organisation(actor, r.id)]
        return connection(visible, more, after, newest_cursor, Organisation.from_row)

    @strawberry.field(description="Dispute-resolution providers, newest first.")
    async def providers(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[Provider]:
        actor = info.context.require_actor()
        rows, more = await newest_first(models.Provider.all(), first, after)
        visible = [r for r in rows if policy.may_view_provider(actor, r.id)]
        return connection(visible, more, after, newest_cursor, Provider.from_row)

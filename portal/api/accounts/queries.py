"""The directory: the organisations a consumer may complain about, and the providers."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portal.accounts import models
from portal.api.accounts.types import Organisation, Provider
from portal.api.context import Info
from portal.api.errors import NotFound
from portal.api.pagination import (
    After,
    Before,
    Connection,
    First,
    Last,
    connection,
    newest_page,
    window,
)
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
        last: Last = None,
        before: Before = None,
        include_retired: Annotated[bool, strawberry.argument(description=RETIRED)] = False,
    ) -> Connection[Organisation]:
        actor = info.context.require_actor()
        query = models.Organisation.all()
        if not include_retired:
            query = query.filter(retired_at=None)
        page = await newest_page(query, window(first, after, last, before))
        page.rows = [r for r in page.rows if policy.may_view_organisation(actor, r.id)]
        return connection(page, Organisation.from_row)

    @strawberry.field(
        description="The public directory (EU ADR Art. 7(1)): the published dispute-resolution "
        "providers, newest first. No sign-in: the public reads what providers publish "
        "(profile, schemes, clocks, the roster's names and mandates); fields that are not "
        "published answer UNAUTHENTICATED to it. To choose where a complaint goes, ask the "
        "complaint: `Complaint.eligibleProviders`."
    )
    async def providers(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        include_retired: Annotated[bool, strawberry.argument(description=RETIRED)] = False,
    ) -> Connection[Provider]:
        actor = info.context.actor
        query = models.Provider.filter(policy.directory_filter(actor))
        if not include_retired:
            query = query.filter(retired_at=None)
        page = await newest_page(query, window(first, after, last, before))
        page.rows = [r for r in page.rows if policy.may_view_provider(actor, r)]
        return connection(page, Provider.from_row)

    @strawberry.field(
        description="One provider of the directory by its slug (the web page's address), no "
        "sign-in; NOT_FOUND for a slug that names none the caller may see."
    )
    async def provider(
        self,
        info: Info,
        slug: Annotated[str, strawberry.argument(description="The provider's slug (`calm-adr`).")],
    ) -> Provider:
        row = await models.Provider.get_or_none(slug=slug[:64])
        if row is None or not policy.may_view_provider(info.context.actor, row):
            raise NotFound()
        return Provider.from_row(row)

"""GraphQL types for people, organisations, providers, roles and integration clients."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import Enum, StrEnum
from typing import Annotated

import strawberry

from portal.accounts import models
from portal.api.accesslog.queries import own_access_log
from portal.api.accesslog.types import RecordRead
from portal.api.cases.enums import Locale
from portal.api.cases.timeline import KeptReceipt, kept_receipts
from portal.api.codes import ProviderAdapterName
from portal.api.context import Info
from portal.api.directory.types import Neutral, ProviderProfile, Scheme, signed_in_only
from portal.api.enums import described_enum
from portal.api.node import Node, node_resolver, to_global_id
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
from portal.auth.actor import ActorKind
from portal.cases.models import OrganisationProvider as OrganisationProviderRow
from portal.cases.models import Scheme as SchemeRow
from portal.codes import Country

Role = described_enum(
    models.Role,
    description="A role held within an organisation, a provider or the installation.",
    values={
        models.Role.ORG_AGENT: "An organisation's agent: handles its complaints and cases.",
        models.Role.ORG_MANAGER: "An organisation's manager: an agent who also manages its team, "
        "integration clients, webhooks and commitments.",
        models.Role.PROVIDER_CASEWORKER: "A provider's caseworker: screens and runs its cases and "
        "manages its team and profile.",
        models.Role.NEUTRAL: "A neutral on a provider's roster (mediator, arbitrator, ...).",
        models.Role.AUDITOR: "An auditor: reads cases and records, raises findings, changes "
        "nothing else.",
        models.Role.ADMIN: "An installation admin: organisations, providers, schemes.",
    },
)


@strawberry.enum(
    description="An OAuth scope (RFC 6749 3.3) of an integration client: what a token it "
    "obtains may be used for. A token asks for some of its client's scopes with `scope` at "
    "`/oauth/token`; without it, it gets all of them."
)
class OAuthScope(Enum):
    READ = strawberry.enum_value(
        "read", description="Queries and live subscriptions, and the REST reports and downloads."
    )
    WRITE = strawberry.enum_value(
        "write",
        description="Every mutation that changes complaints, cases, documents, messages and "
        "the rest, except managing webhooks.",
    )
    WEBHOOKS = strawberry.enum_value(
        "webhooks",
        description="Managing the organisation's webhook subscriptions (create, change, pause, "
        "resume, delete, ping, redeliver) and reading them with their delivery log.",
    )


@strawberry.type(description="An organisation whose customers' disputes Parley handles.")
class Organisation(Node):
    slug: str = strawberry.field(
        description="Its unique short name in URLs and the demo (`north-power`): lower-case "
        "letters, digits and hyphens."
    )
    name: str = strawberry.field(description="Its name as complainants know it.")
    country: Country | None = strawberry.field(
        description="Where it is established; null when its admin recorded none."
    )
    retired_at: datetime | None = strawberry.field(
        description="When an admin retired it: it takes no new complaints; null while active."
    )
    pk: strawberry.Private[uuid.UUID]

    @classmethod
    def from_row(cls, row: models.Organisation) -> Organisation:
        return cls(
            id=to_global_id("Organisation", row.id),
            pk=row.id,
            slug=row.slug,
            name=row.name,
            country=Country(row.country) if row.country else None,
            retired_at=row.retired_at,
        )

    @strawberry.field(
        description="The providers whose schemes it takes part in: where its customers may be "
        "referred. Retired links only with `includeRetired`."
    )
    async def provider_links(
        self,
        info: Info,
        include_retired: Annotated[
            bool,
            strawberry.argument(
                description="Also the links an admin retired; false when left out."
            ),
        ] = False,
    ) -> list[OrganisationProviderLink]:
        query = OrganisationProviderRow.filter(organisation_id=self.pk)
        if not include_retired:
            query = query.filter(retired_at=None)
        return [OrganisationProviderLink.from_row(r) for r in await query.order_by("id")]


@strawberry.type(description="An external dispute-resolution provider.")
class Provider(Node):
    slug: str = strawberry.field(
        description="Its unique short name in URLs (`calm-adr`): lower-case letters, digits and "
        "hyphens."
    )
    name: str = strawberry.field(description="Its name as the public directory shows it.")
    country: Country | None = strawberry.field(
        description="Where it is established; null when its admin recorded none."
    )
    published: bool = strawberry.field(
        description="Whether it is in the public directory: listed by `providers` and "
        "readable without signing in. The public never sees one that is not."
    )
    retired_at: datetime | None = strawberry.field(
        description="When an admin retired it: it takes no new referrals and keeps its cases; "
        "null while active."
    )
    pk: strawberry.Private[uuid.UUID]
    adapter_name: strawberry.Private[str]

    @classmethod
    def from_row(cls, row: models.Provider) -> Provider:
        return cls(
            id=to_global_id("Provider", row.id),
            pk=row.id,
            slug=row.slug,
            name=row.name,
            country=Country(row.country) if row.country else None,
            published=row.published,
            retired_at=row.retired_at,
            adapter_name=row.adapter,
        )

    @strawberry.field(
        description="How Parley works with the provider: INPORTAL (its people work in "
        "Parley), WEBHOOK, EMAIL, or a third-party adapter (docs/providers.md). Not "
        "published: UNAUTHENTICATED without signing in."
    )
    def adapter(self, info: Info) -> ProviderAdapterName:
        signed_in_only(info)
        return ProviderAdapterName(self.adapter_name)

    @strawberry.field(description="What it publishes (EU ADR Art. 7(1)); null until it does.")
    async def profile(self, info: Info) -> ProviderProfile | None:
        row = await info.context.loaders.provider_profile.load(self.pk)
        return ProviderProfile.from_row(row) if row else None

    @strawberry.field(
        description="Its schemes: the clocks each runs on (EU ADR Art. 7(1)(e)). Retired ones "
        "and replaced versions only with `includeRetired`."
    )
    async def schemes(
        self,
        info: Info,
        include_retired: Annotated[
            bool,
            strawberry.argument(
                description="Also retired schemes and replaced versions; false when left out."
            ),
        ] = False,
    ) -> list[Scheme]:
        return [
            Scheme.from_row(r)
            for r in await info.context.loaders.schemes_by_provider.load(self.pk)
            if include_retired or r.retired_at is None
        ]

    @strawberry.field(
        description="Its neutrals, newest on the roster first (EU ADR Art. 7(1)(b)): whom a "
        "caseworker may appoint, and whom the parties may look up."
    )
    async def roster(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Neutral]:
        query = models.Membership.filter(role=models.Role.NEUTRAL, provider_id=self.pk)
        page = await newest_page(query, window(first, after, last, before))
        rows = page.rows
        loaders = info.context.loaders
        users = await loaders.user.load_many([m.user_id for m in rows])
        entries = await loaders.neutral_profile.load_many([(self.pk, m.user_id) for m in rows])
        nodes = [
            Neutral.of(m.user_id, u.display_name if u else "", p)
            for m, u, p in zip(rows, users, entries, strict=True)
        ]
        return connection(page, nodes)


@strawberry.type(
    description="An organisation takes part in a provider's scheme: its customers may be "
    "referred there, under that scheme."
)
class OrganisationProviderLink(Node):
    retired_at: datetime | None = strawberry.field(
        description="When an admin retired it: nobody is referred through it any more."
    )
    organisation_pk: strawberry.Private[uuid.UUID]
    provider_pk: strawberry.Private[uuid.UUID]
    scheme_pk: strawberry.Private[uuid.UUID]

    @classmethod
    def from_row(cls, row: OrganisationProviderRow) -> OrganisationProviderLink:
        return cls(
            id=to_global_id("OrganisationProviderLink", row.id),
            retired_at=row.retired_at,
            organisation_pk=row.organisation_id,
            provider_pk=row.provider_id,
            scheme_pk=row.scheme_id,
        )

    @strawberry.field(
        description="The organisation taking part; null if the viewer may not see it."
    )
    async def organisation(self, info: Info) -> Organisation | None:
        return await organisation_for(info, self.organisation_pk)

    @strawberry.field(
        description="The provider whose scheme it is; null if the viewer may not see it."
    )
    async def provider(self, info: Info) -> Provider | None:
        return await provider_for(info, self.provider_pk)

    @strawberry.field(description="The scheme referrals through this link run under.")
    async def scheme(self, info: Info) -> Scheme | None:
        row = await SchemeRow.get_or_none(id=self.scheme_pk)
        return Scheme.from_row(row) if row else None


async def organisation_for(info: Info, pk: uuid.UUID | None) -> Organisation | None:
    """The organisation, when the actor may see it: a nested field is checked like `node`."""
    actor = info.context.require_actor()
    if pk is None or not policy.may_view_organisation(actor, pk):
        return None
    row = await info.context.loaders.organisation.load(pk)
    return Organisation.from_row(row) if row else None


async def provider_for(info: Info, pk: uuid.UUID | None) -> Provider | None:
    """The provider, when the caller (signed in or not) may see it (the public directory)."""
    if pk is None:
        return None
    row = await info.context.loaders.provider.load(pk)
    if row is None or not policy.may_view_provider(info.context.actor, row):
        return None
    return Provider.from_row(row)


@strawberry.type(
    description="One role held within an organisation, a provider, or the whole installation."
)
class Membership:
    role: Role = strawberry.field(  # type: ignore[valid-type]
        description="The role held."
    )
    organisation_pk: strawberry.Private[uuid.UUID | None]
    provider_pk: strawberry.Private[uuid.UUID | None]

    @strawberry.field(
        description="The organisation the role is held in; null for a provider's or an "
        "installation-wide role."
    )
    async def organisation(self, info: Info) -> Organisation | None:
        return await organisation_for(info, self.organisation_pk)

    @strawberry.field(
        description="The provider the role is held in; null for an organisation's or an "
        "installation-wide role."
    )
    async def provider(self, info: Info) -> Provider | None:
        return await provider_for(info, self.provider_pk)


_PRIVATE = (
    " Null when you see the person only as they take part in a case you read (its neutral, "
    "the complainant's representative)."
)


@strawberry.type(
    description="A person with an account. Read whole by the person, by staff of an "
    "organisation or provider they work for, and by admins; read by whoever may read a case "
    "that names them by their account (its neutral, the complainant's representative) as the "
    "parties see them: `id` and `displayName`, every private field null."
)
class User(Node):
    display_name: str = strawberry.field(description="The name shown to others on cases and teams.")
    pk: strawberry.Private[uuid.UUID]
    pending_claim: strawberry.Private[bool]
    row: strawberry.Private[models.User]
    whole: strawberry.Private[bool]

    @classmethod
    def from_row(cls, row: models.User, *, whole: bool = True) -> User:
        """``whole``: policy.may_view_user allowed the account; otherwise the person as the
        parties of a case see them (policy.may_view_participant)."""
        return cls(
            id=to_global_id("User", row.id),
            pk=row.id,
            display_name=row.display_name,
            pending_claim=row.claim_pending,
            row=row,
            whole=whole,
        )

    @strawberry.field(
        description="The person's sign-in address; only they, staff where they work and admins "
        "see it." + _PRIVATE
    )
    def email(self) -> str | None:
        return self.row.email if self.whole else None

    @strawberry.field(
        description="The language of their mails and of the web portal; only they, staff where "
        "they work and admins see it." + _PRIVATE
    )
    def locale(self) -> Locale | None:
        return self.row.locale if self.whole else None

    @strawberry.field(
        description="An IANA time zone name, such as `UTC`; only they, staff where they work and "
        "admins see it." + _PRIVATE
    )
    def time_zone(self) -> str | None:
        return self.row.time_zone if self.whole else None

    @strawberry.field(
        description="When the account was created; only they, staff where they work and admins "
        "see it." + _PRIVATE
    )
    def created_at(self) -> datetime | None:
        return self.row.created_at if self.whole else None

    @strawberry.field(
        description="Made for this person by someone else and not yet claimed by them "
        "(`claimAccount`). Told to the person only: null for anyone else."
    )
    def claim_pending(self, info: Info) -> bool | None:
        actor = info.context.require_actor()
        if actor.kind is ActorKind.USER and actor.id == self.pk:
            return self.pending_claim
        return None

    @strawberry.field(
        description="The roles this person holds: all of them for themselves and admins, "
        "for other staff only those held where the viewer works; none when you see the person "
        "only as they take part in a case you read."
    )
    async def memberships(self, info: Info) -> list[Membership]:
        actor = info.context.require_actor()
        rows = await info.context.loaders.memberships_by_user.load(self.pk)
        return [
            Membership(
                role=m.role,
                organisation_pk=m.organisation_id,
                provider_pk=m.provider_id,
            )
            for m in rows
            if policy.may_view_membership(actor, self.pk, m)
        ]


@strawberry.type(description="An integration client acting for one organisation or provider.")
class ServiceAccount(Node):
    client_id: str = strawberry.field(description="The OAuth 2.0 `client_id`.")
    name: str = strawberry.field(
        description="The name its organisation gave it, to tell its clients apart."
    )
    role: Role = strawberry.field(  # type: ignore[valid-type]
        description="The role its tokens act in (an organisation's agent or manager, a "
        "provider's caseworker)."
    )
    active: bool = strawberry.field(
        description="False once disabled: its tokens are refused, for good."
    )
    created_at: datetime = strawberry.field(description="When it was created.")
    last_used_at: datetime | None = strawberry.field(description="When it last obtained a token.")
    previous_secret_expires_at: datetime | None = strawberry.field(
        description="After a rotation: until then the secret before it still obtains tokens "
        "(`PORTAL_CLIENT_SECRET_OVERLAP`); null when only the current secret works."
    )
    scopes: list[OAuthScope] = strawberry.field(
        description="The OAuth scopes its tokens may be granted, chosen when it was created."
    )
    organisation_pk: strawberry.Private[uuid.UUID | None]
    provider_pk: strawberry.Private[uuid.UUID | None]

    @classmethod
    def from_row(cls, row: models.ServiceAccount) -> ServiceAccount:
        return cls(
            id=to_global_id("ServiceAccount", row.id),
            client_id=row.client_id,
            name=row.name,
            role=row.role,
            active=row.is_active,
            created_at=row.created_at,
            last_used_at=row.last_used_at,
            previous_secret_expires_at=(
                row.previous_secret_until if row.previous_secret_hash else None
            ),
            scopes=[OAuthScope(s) for s in row.scopes.split()],
            organisation_pk=row.organisation_id,
            provider_pk=row.provider_id,
        )

    @strawberry.field(description="The organisation it acts for; null for a provider's client.")
    async def organisation(self, info: Info) -> Organisation | None:
        return await organisation_for(info, self.organisation_pk)

    @strawberry.field(description="The provider it acts for; null for an organisation's client.")
    async def provider(self, info: Info) -> Provider | None:
        return await provider_for(info, self.provider_pk)


class ViewerKind(StrEnum):
    USER = "user"
    SERVICE_ACCOUNT = "service_account"


described_enum(
    ViewerKind,
    description="What kind of actor is asking, or acted: a person or an integration client.",
    values={
        ViewerKind.USER: "A person, signed in.",
        ViewerKind.SERVICE_ACCOUNT: "An integration client, with an OAuth token.",
    },
)


@strawberry.type(description="Who is making this request.")
class Viewer:
    kind: ViewerKind = strawberry.field(
        description="Whether a person or an integration client is asking."
    )
    user: User | None = strawberry.field(
        description="The person asking; null for an integration client."
    )
    service_account: ServiceAccount | None = strawberry.field(
        description="The integration client asking; null for a person."
    )
    roles: list[Membership] = strawberry.field(
        description="Every role the viewer holds, with the organisation or provider it is held in."
    )

    @strawberry.field(
        description="Whether this installation is a development sandbox (`PORTAL_SANDBOX`, "
        "never in production): every clock's day lasts `sandboxDaySeconds` seconds and working "
        "days count like calendar days, so a whole dispute runs in minutes. Due dates in a "
        "sandbox are not real deadlines."
    )
    def sandbox(self, info: Info) -> bool:
        return bool(info.context.settings.sandbox)

    @strawberry.field(
        description="In a sandbox: how many seconds one clock day lasts (a clock of 90 days runs "
        "out after 90 times this). Null outside a sandbox."
    )
    def sandbox_day_seconds(self, info: Info) -> int | None:
        day: int | None = info.context.settings.sandbox_day
        return day

    @strawberry.field(
        description="The receipts of case records mailed to you (an outcome issued or "
        "accepted, a case closed) and kept on your account, newest first (the last 100); an "
        "integration client has none."
    )
    async def receipts(self, info: Info) -> list[KeptReceipt]:
        return await kept_receipts(info)

    @strawberry.field(
        description="Who has read your records (issue 19, GDPR Art. 15): the reads of the "
        "cases you take part in and of records about you, newest first (at most 100 per "
        "page). Empty for an integration client."
    )
    async def access_log(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[RecordRead]:
        return await own_access_log(info, window(first, after, last, before))


@node_resolver("User")
async def _user_node(info: Info, pk: uuid.UUID) -> User | None:
    actor = info.context.require_actor()
    row = await info.context.loaders.user.load(pk)
    if row is None:
        return None
    memberships = await info.context.loaders.memberships_by_user.load(pk)
    if policy.may_view_user(actor, pk, memberships):
        return User.from_row(row)
    if await policy.may_view_participant(actor, pk):
        return User.from_row(row, whole=False)
    return None


@node_resolver("Organisation")
async def _organisation_node(info: Info, pk: uuid.UUID) -> Organisation | None:
    actor = info.context.require_actor()
    return await organisation_for(info, pk) if policy.may_view_organisation(actor, pk) else None


@node_resolver("Provider")
async def _provider_node(info: Info, pk: uuid.UUID) -> Provider | None:
    return await provider_for(info, pk)


@node_resolver("Scheme")
async def _scheme_node(info: Info, pk: uuid.UUID) -> Scheme | None:
    """A scheme, for whoever may see its provider (the public directory's included)."""
    row = await SchemeRow.get_or_none(id=pk)
    return Scheme.from_row(row) if row and await provider_for(info, row.provider_id) else None


@node_resolver("OrganisationProviderLink")
async def _link_node(info: Info, pk: uuid.UUID) -> OrganisationProviderLink | None:
    """A link, for whoever may see its organisation (as `Organisation.links` lists them)."""
    actor = info.context.require_actor()
    row = await OrganisationProviderRow.get_or_none(id=pk)
    if row is None or not policy.may_view_organisation(actor, row.organisation_id):
        return None
    return OrganisationProviderLink.from_row(row)


@node_resolver("ServiceAccount")
async def _service_account_node(info: Info, pk: uuid.UUID) -> ServiceAccount | None:
    actor = info.context.require_actor()
    row = await info.context.loaders.service_account.load(pk)
    if row is None or not policy.may_view_service_account(
        actor, pk, row.organisation_id, row.provider_id
    ):
        return None
    return ServiceAccount.from_row(row)


async def viewer_of(info: Info) -> Viewer:
    actor = info.context.require_actor()
    roles = [
        Membership(role=g.role, organisation_pk=g.organisation_id, provider_pk=g.provider_id)
        for g in actor.grants
    ]
    if actor.kind is ActorKind.SERVICE_ACCOUNT:
        account = await info.context.loaders.service_account.load(actor.id)
        return Viewer(
            kind=ViewerKind.SERVICE_ACCOUNT,
            user=None,
            roles=roles,
            service_account=ServiceAccount.from_row(account) if account else None,
        )
    user = await info.context.loaders.user.load(actor.id)
    return Viewer(
        kind=ViewerKind.USER,
        service_account=None,
        roles=roles,
        user=User.from_row(user) if user else None,
    )

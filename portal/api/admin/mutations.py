"""Administering the installation (issue 14): organisations, providers, schemes and the links
between organisations and providers; create, edit, retire. For installation admins; everyone
else is answered FORBIDDEN (these objects are public, so there is nothing to hide). Every change
is written to the admin audit log (`adminAuditLog`)."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import strawberry
from tortoise.models import Model

from portal.accounts.models import Organisation as OrganisationRow
from portal.accounts.models import Provider as ProviderRow
from portal.admin import services
from portal.api.accounts.types import Organisation, OrganisationProviderLink, Provider
from portal.api.context import Info
from portal.api.directory.mutations import ProviderPayload
from portal.api.directory.types import Scheme
from portal.api.errors import UserError, user_error
from portal.api.idempotency import legacy_key
from portal.api.inputs import mutations
from portal.api.node import decode_id
from portal.auth.actor import Actor
from portal.cases.errors import CaseError
from portal.cases.models import OrganisationProvider as LinkRow
from portal.cases.models import Scheme as SchemeRow
from portal.cases.states import Calendar, ClockKind, Method
from portal.codes import CaseLanguage, Country

_NOTHING = uuid.UUID(int=0)
LEAVE = "Left out: unchanged."
MAY_WITHDRAW = (
    "Whether the organisation may withdraw from a case it has joined (the complainant always "
    "may, until an outcome is agreed)."
)
M = TypeVar("M", bound=Model)


# --- inputs ---------------------------------------------------------------------------------


@strawberry.input(description="A new organisation, whose customers may then file complaints.")
class CreateOrganisationInput:
    slug: str = strawberry.field(description="Unique; lower-case letters, digits, hyphens.")
    name: str = strawberry.field(
        description="Its name as complainants know it, at most 200 characters."
    )
    country: Country | None = strawberry.field(
        default=None, description="Where it is established; none when left out."
    )
    idempotency_key: str | None = legacy_key()


@strawberry.input(description="What changes; a field left out stays as it is.")
class UpdateOrganisationInput:
    organisation_id: strawberry.ID = strawberry.field(description="Global ID of the organisation.")
    slug: str | None = strawberry.field(default=None, description=LEAVE)
    name: str | None = strawberry.field(
        default=None, description="Its new name; unchanged when left out."
    )
    country: Country | None = strawberry.field(
        default=None, description="Where it is established; unchanged when left out."
    )


@strawberry.input(
    description="Retiring an organisation: it takes no new complaints; what it has runs on."
)
class RetireOrganisationInput:
    organisation_id: strawberry.ID = strawberry.field(description="Global ID of the organisation.")


@strawberry.input(description="A new dispute-resolution provider.")
class CreateProviderInput:
    slug: str = strawberry.field(description="Unique; lower-case letters, digits, hyphens.")
    name: str = strawberry.field(
        description="Its name as the public directory shows it, at most 200 characters."
    )
    country: Country | None = strawberry.field(
        default=None, description="Where it is established; none when left out."
    )
    idempotency_key: str | None = legacy_key()


@strawberry.input(description="What changes; a field left out stays as it is.")
class UpdateProviderInput:
    provider_id: strawberry.ID = strawberry.field(description="Global ID of the provider.")
    slug: str | None = strawberry.field(default=None, description=LEAVE)
    name: str | None = strawberry.field(
        default=None, description="Its new name; unchanged when left out."
    )
    country: Country | None = strawberry.field(
        default=None, description="Where it is established; unchanged when left out."
    )
    published: bool | None = strawberry.field(
        default=None,
        description="In the public directory (EU ADR Art. 7(1)): listed and readable without "
        "signing in. Off, the public sees nothing of it; its cases and links are unchanged.",
    )


@strawberry.input(description="Retiring a provider: it takes no new referrals and keeps its cases.")
class RetireProviderInput:
    provider_id: strawberry.ID = strawberry.field(description="Global ID of the provider.")


AUTOMATED_REVIEW_DAYS = (
    "Calendar days in which a party may ask a person to review a step the clock job took "
    "automatically (1 to 365; 14 by default)."
)
RETENTION = (
    "Whole years a closed case's personal data is kept before it is redacted (0 to 100; "
    "6 by default; docs/operations.md, data protection)."
)


@strawberry.input(description="One clock's length; a kind left out keeps Parley's default.")
class SchemeClockInput:
    kind: ClockKind = strawberry.field(description="The clock to set.")
    days: int = strawberry.field(description="1 to 365.")
    calendar: Calendar = strawberry.field(
        description="Whether `days` counts every day or working days only."
    )
    complex_case: bool = strawberry.field(
        default=False, description="The response clock's length for a case marked complex."
    )


@strawberry.input(description="The legal effect of one method, as a complainant reads it.")
class LegalEffectTextInput:
    method: Method = strawberry.field(description="The method the text is about.")
    language: CaseLanguage = strawberry.field(description="The language `text` is written in.")
    text: str = strawberry.field(description="The text a complainant reads before consenting.")


@strawberry.input(description="A new scheme of a provider: the rules its cases run under.")
class CreateSchemeInput:
    provider_id: strawberry.ID = strawberry.field(
        description="Global ID of the provider whose scheme it is."
    )
    name: str = strawberry.field(description="The scheme's name, at most 200 characters.")
    country: Country = strawberry.field(description="Whose public holidays working days skip.")
    silence_is_refusal: bool = strawberry.field(
        default=True,
        description="Whether an organisation silent past its response clock is recorded as "
        "refusing to take part; true when left out.",
    )
    organisation_may_withdraw: bool = strawberry.field(default=False, description=MAY_WITHDRAW)
    methods: list[Method] = strawberry.field(
        default_factory=list, description="Empty: the methods the provider publishes."
    )
    fees: str = strawberry.field(
        default="", description="What taking part costs the complainant, in words; empty: free."
    )
    clocks: list[SchemeClockInput] = strawberry.field(
        default_factory=list,
        description="The clocks whose length differs from Parley's defaults; a kind left out "
        "keeps its default.",
    )
    legal_effects: list[LegalEffectTextInput] = strawberry.field(
        default_factory=list,
        description="The scheme's own texts of each method's legal effect, per language; a "
        "method or language left out shows Parley's standard text.",
    )
    retention_years: int = strawberry.field(default=6, description=RETENTION)
    automated_review_days: int = strawberry.field(default=14, description=AUTOMATED_REVIEW_DAYS)
    idempotency_key: str | None = legacy_key()


@strawberry.input(
    description="What changes; a field left out stays as it is (`clocks` and `legalEffects` "
    "replace the whole list). While cases point at the scheme, the change makes a new version: "
    "new referrals run under it, and cases keep the rules they started under."
)
class UpdateSchemeInput:
    scheme_id: strawberry.ID = strawberry.field(description="Global ID of the scheme.")
    name: str | None = strawberry.field(default=None, description=LEAVE)
    country: Country | None = strawberry.field(
        default=None,
        description="Whose public holidays working days skip; unchanged when left out.",
    )
    silence_is_refusal: bool | None = strawberry.field(
        default=None,
        description="Whether silence past the response clock counts as refusal; unchanged when "
        "left out.",
    )
    organisation_may_withdraw: bool | None = strawberry.field(
        default=None, description=MAY_WITHDRAW
    )
    methods: list[Method] | None = strawberry.field(
        default=None,
        description="The methods run under it (empty: those the provider publishes); unchanged "
        "when left out.",
    )
    fees: str | None = strawberry.field(
        default=None,
        description="What taking part costs the complainant, in words; unchanged when left out.",
    )
    clocks: list[SchemeClockInput] | None = strawberry.field(
        default=None,
        description="Replaces every clock that differs from the defaults; unchanged when left out.",
    )
    legal_effects: list[LegalEffectTextInput] | None = strawberry.field(
        default=None,
        description="Replaces every legal-effect text of the scheme; unchanged when left out.",
    )
    retention_years: int | None = strawberry.field(default=None, description=RETENTION)
    automated_review_days: int | None = strawberry.field(
        default=None, description=AUTOMATED_REVIEW_DAYS
    )


@strawberry.input(
    description="Retiring a scheme: no new referrals run under it; its cases keep it."
)
class RetireSchemeInput:
    scheme_id: strawberry.ID = strawberry.field(description="Global ID of the scheme.")


@strawberry.input(description="The organisation takes part in the provider's scheme.")
class LinkOrganisationProviderInput:
    organisation_id: strawberry.ID = strawberry.field(description="Global ID of the organisation.")
    provider_id: strawberry.ID = strawberry.field(
        description="Global ID of the provider whose scheme it joins."
    )
    scheme_id: strawberry.ID = strawberry.field(description="One of the provider's schemes.")
    idempotency_key: str | None = legacy_key()


@strawberry.input(description="Refer under another scheme of the same provider from now on.")
class UpdateOrganisationProviderLinkInput:
    link_id: strawberry.ID = strawberry.field(description="Global ID of the link.")
    scheme_id: strawberry.ID = strawberry.field(
        description="Global ID of the provider's scheme new referrals run under."
    )


@strawberry.input(
    description="Ending an organisation's part in a provider's scheme: no new referrals through it."
)
class RetireOrganisationProviderLinkInput:
    link_id: strawberry.ID = strawberry.field(description="Global ID of the link.")


# --- payloads -------------------------------------------------------------------------------


@strawberry.type(description="The organisation after the change, or why it was refused.")
class OrganisationPayload:
    organisation: Organisation | None = strawberry.field(
        default=None, description="The organisation as saved; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@strawberry.type(
    description="The scheme after the change (a new version, when one was made), or why not."
)
class SchemePayload:
    scheme: Scheme | None = strawberry.field(
        default=None, description="The scheme as saved; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@strawberry.type(description="The link after the change, or why it was refused.")
class OrganisationProviderLinkPayload:
    link: OrganisationProviderLink | None = strawberry.field(
        default=None, description="The link as saved; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


# --- plumbing -------------------------------------------------------------------------------


def _data(input: object) -> dict[str, Any]:
    return {
        f.name: _plain(getattr(input, f.name))
        for f in dataclasses.fields(input)  # type: ignore[arg-type]
    }


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return getattr(value, "value", value)


def _id(value: str | None, type_name: str) -> uuid.UUID:
    return (decode_id(value, type_name) if value else None) or _NOTHING


def _errors(exc: CaseError) -> list[UserError]:
    return [user_error(exc.code, exc.message, exc.field)]


async def _create(
    actor: Actor,
    operation: str,
    data: dict[str, Any],
    create: Callable[[], Awaitable[Model]],
    model: type[M],
) -> M:
    """The row ``create`` made. A key is the `Idempotent` rule's (portal.api.idempotency),
    which answers a repeat before this runs: it is no data of the row."""
    data.pop("idempotency_key", None)
    return await create()  # type: ignore[return-value]


@mutations
@strawberry.type
class AdminMutations:
    @strawberry.mutation(description="Create an organisation. For installation admins.")
    async def create_organisation(
        self, info: Info, input: CreateOrganisationInput
    ) -> OrganisationPayload:
        actor = info.context.require_actor()
        data = _data(input)
        try:
            row = await _create(
                actor,
                "createOrganisation",
                data,
                lambda: services.create_organisation(actor, data),
                OrganisationRow,
            )
        except CaseError as exc:
            return OrganisationPayload(user_errors=_errors(exc))
        return OrganisationPayload(organisation=Organisation.from_row(row))

    @strawberry.mutation(description="Change an organisation's slug, name or country.")
    async def update_organisation(
        self, info: Info, input: UpdateOrganisationInput
    ) -> OrganisationPayload:
        data = _data(input)
        try:
            row = await services.update_organisation(
                info.context.require_actor(), _id(input.organisation_id, "Organisation"), data
            )
        except CaseError as exc:
            return OrganisationPayload(user_errors=_errors(exc))
        return OrganisationPayload(organisation=Organisation.from_row(row))

    @strawberry.mutation(
        description="Retire an organisation: it takes no new complaints "
        "(ORGANISATION_RETIRED); its complaints and cases run on. Not undone."
    )
    async def retire_organisation(
        self, info: Info, input: RetireOrganisationInput
    ) -> OrganisationPayload:
        try:
            row = await services.retire_organisation(
                info.context.require_actor(), _id(input.organisation_id, "Organisation")
            )
        except CaseError as exc:
            return OrganisationPayload(user_errors=_errors(exc))
        return OrganisationPayload(organisation=Organisation.from_row(row))

    @strawberry.mutation(description="Create a provider. For installation admins.")
    async def create_provider(self, info: Info, input: CreateProviderInput) -> ProviderPayload:
        actor = info.context.require_actor()
        data = _data(input)
        try:
            row = await _create(
                actor,
                "createProvider",
                data,
                lambda: services.create_provider(actor, data),
                ProviderRow,
            )
        except CaseError as exc:
            return ProviderPayload(user_errors=_errors(exc))
        return ProviderPayload(provider=Provider.from_row(row))

    @strawberry.mutation(
        description="Change a provider's slug, name or country, or take it into or out of the "
        "public directory (`published`)."
    )
    async def update_provider(self, info: Info, input: UpdateProviderInput) -> ProviderPayload:
        data = _data(input)
        try:
            row = await services.update_provider(
                info.context.require_actor(), _id(input.provider_id, "Provider"), data
            )
        except CaseError as exc:
            return ProviderPayload(user_errors=_errors(exc))
        return ProviderPayload(provider=Provider.from_row(row))

    @strawberry.mutation(
        description="Retire a provider: it takes no new referrals (PROVIDER_RETIRED at "
        "referComplaint) and keeps its cases, which run on. Not undone."
    )
    async def retire_provider(self, info: Info, input: RetireProviderInput) -> ProviderPayload:
        try:
            row = await services.retire_provider(
                info.context.require_actor(), _id(input.provider_id, "Provider")
            )
        except CaseError as exc:
            return ProviderPayload(user_errors=_errors(exc))
        return ProviderPayload(provider=Provider.from_row(row))

    @strawberry.mutation(description="Create a scheme of a provider. For installation admins.")
    async def create_scheme(self, info: Info, input: CreateSchemeInput) -> SchemePayload:
        actor = info.context.require_actor()
        data = _data(input)
        provider_id = _id(input.provider_id, "Provider")
        try:
            row = await _create(
                actor,
                "createScheme",
                data,
                lambda: services.create_scheme(actor, provider_id, data),
                SchemeRow,
            )
        except CaseError as exc:
            return SchemePayload(user_errors=_errors(exc))
        return SchemePayload(scheme=Scheme.from_row(row))

    @strawberry.mutation(
        description="Change a scheme. While cases point at it, a new version is made and "
        "answered (new `id`, `version` one higher): the organisations' links move to it, and "
        "cases keep the rules they started under."
    )
    async def update_scheme(self, info: Info, input: UpdateSchemeInput) -> SchemePayload:
        data = _data(input)
        try:
            row = await services.update_scheme(
                info.context.require_actor(), _id(input.scheme_id, "Scheme"), data
            )
        except CaseError as exc:
            return SchemePayload(user_errors=_errors(exc))
        return SchemePayload(scheme=Scheme.from_row(row))

    @strawberry.mutation(
        description="Retire a scheme no active link refers under (SCHEME_IN_USE otherwise); "
        "its cases run on."
    )
    async def retire_scheme(self, info: Info, input: RetireSchemeInput) -> SchemePayload:
        try:
            row = await services.retire_scheme(
                info.context.require_actor(), _id(input.scheme_id, "Scheme")
            )
        except CaseError as exc:
            return SchemePayload(user_errors=_errors(exc))
        return SchemePayload(scheme=Scheme.from_row(row))

    @strawberry.mutation(
        description="Let an organisation's customers be referred to a provider, under one of "
        "its schemes. A retired link between the two is taken up again."
    )
    async def link_organisation_provider(
        self, info: Info, input: LinkOrganisationProviderInput
    ) -> OrganisationProviderLinkPayload:
        actor = info.context.require_actor()
        data = _data(input)
        organisation_id = _id(input.organisation_id, "Organisation")
        provider_id = _id(input.provider_id, "Provider")
        scheme_id = _id(input.scheme_id, "Scheme")
        try:
            row = await _create(
                actor,
                "linkOrganisationProvider",
                data,
                lambda: services.link_organisation_provider(
                    actor, organisation_id, provider_id, scheme_id
                ),
                LinkRow,
            )
        except CaseError as exc:
            return OrganisationProviderLinkPayload(user_errors=_errors(exc))
        return OrganisationProviderLinkPayload(link=OrganisationProviderLink.from_row(row))

    @strawberry.mutation(description="Refer under another scheme of the same provider.")
    async def update_organisation_provider_link(
        self, info: Info, input: UpdateOrganisationProviderLinkInput
    ) -> OrganisationProviderLinkPayload:
        try:
            row = await services.update_link(
                info.context.require_actor(),
                _id(input.link_id, "OrganisationProviderLink"),
                _id(input.scheme_id, "Scheme"),
            )
        except CaseError as exc:
            return OrganisationProviderLinkPayload(user_errors=_errors(exc))
        return OrganisationProviderLinkPayload(link=OrganisationProviderLink.from_row(row))

    @strawberry.mutation(
        description="Stop referring the organisation's customers to the provider; cases "
        "referred already run on. linkOrganisationProvider takes it up again."
    )
    async def retire_organisation_provider_link(
        self, info: Info, input: RetireOrganisationProviderLinkInput
    ) -> OrganisationProviderLinkPayload:
        try:
            row = await services.retire_link(
                info.context.require_actor(), _id(input.link_id, "OrganisationProviderLink")
            )
        except CaseError as exc:
            return OrganisationProviderLinkPayload(user_errors=_errors(exc))
        return OrganisationProviderLinkPayload(link=OrganisationProviderLink.from_row(row))

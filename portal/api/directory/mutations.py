"""Keeping the directory: a provider's published profile and its roster entries.

A provider you may not edit answers FORBIDDEN: unlike cases, providers are public, so there
is nothing to hide by answering NOT_FOUND.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date
from decimal import Decimal
from typing import Any

import strawberry

from portal.accounts.models import Provider as ProviderRow
from portal.accounts.models import User as UserRow
from portal.api.accounts.types import Provider
from portal.api.cases.enums import Locale
from portal.api.context import Info
from portal.api.directory.types import Neutral
from portal.api.errors import UserError, user_error
from portal.api.inputs import mutations
from portal.api.node import decode_id
from portal.cases.states import Method
from portal.codes import Country, Currency
from portal.directory import services
from portal.directory.errors import DirectoryError

_NOTHING = uuid.UUID(int=0)
LEAVE = "Left out: unchanged."


@strawberry.input(
    description="The provider's own translation of its texts into one language Parley offers: "
    "a text left out stays as it is, an empty one removes that translation."
)
class ProviderTranslationInput:
    language: Locale = strawberry.field(description="The language of this translation.")
    summary: str | None = strawberry.field(
        default=None,
        description="The summary in that language; unchanged when left out, removed when empty.",
    )
    dispute_types: str | None = strawberry.field(
        default=None, description="The dispute types in that language; unchanged when left out."
    )
    decision_basis: str | None = strawberry.field(
        default=None, description="The decision basis in that language; unchanged when left out."
    )
    preliminary_requirements: str | None = strawberry.field(
        default=None,
        description="The preliminary requirements in that language; unchanged when left out.",
    )
    fees: str | None = strawberry.field(
        default=None, description="The fees in that language; unchanged when left out."
    )
    legal_effect: str | None = strawberry.field(
        default=None, description="The legal effect in that language; unchanged when left out."
    )


@strawberry.input(description="What changes in the profile; a field left out stays as it is.")
class UpdateProviderProfileInput:
    provider_id: strawberry.ID = strawberry.field(description="Global ID of the provider.")
    summary: str | None = strawberry.field(default=None, description=LEAVE)
    website: str | None = strawberry.field(
        default=None, description="Its website (http or https); empty removes it."
    )
    contact_email: str | None = strawberry.field(
        default=None, description="Where the public writes to it; empty removes it."
    )
    postal_address: str | None = strawberry.field(default=None, description="Its postal address.")
    methods: list[Method] | None = strawberry.field(
        default=None, description="Replaces the resolution methods it runs."
    )
    languages: list[str] | None = strawberry.field(default=None, description="BCP 47 tags.")
    countries: list[Country] | None = strawberry.field(
        default=None, description="The countries it serves, at most 50; replaces the list."
    )
    dispute_types: str | None = strawberry.field(
        default=None, description="The types of dispute it handles, in words."
    )
    rules_url: str | None = strawberry.field(
        default=None, description="Where its procedural rules are published (http or https)."
    )
    decision_basis: str | None = strawberry.field(
        default=None, description="What its neutrals decide on, in words."
    )
    preliminary_requirements: str | None = strawberry.field(
        default=None, description="What a complainant must have done before referring, in words."
    )
    fees: str | None = strawberry.field(
        default=None, description="Costs for the parties, in words."
    )
    consumer_fee_amount: Decimal | None = strawberry.field(
        default=None, description="The consumer's fee, zero or more with at most two decimals."
    )
    consumer_fee_currency: Currency | None = strawberry.field(
        default=None, description="The currency of `consumerFeeAmount`."
    )
    legal_effect: str | None = strawberry.field(
        default=None, description="The legal effect of its outcomes, in words."
    )
    text_language: str | None = strawberry.field(
        default=None, description="The BCP 47 tag of the language the texts are written in."
    )
    translations: list[ProviderTranslationInput] | None = strawberry.field(
        default=None, description="Translations of the texts, one entry per language."
    )


@strawberry.input(description="A neutral's own roster entry; a field left out stays as it is.")
class UpdateNeutralProfileInput:
    provider_id: strawberry.ID = strawberry.field(
        description="Global ID of the provider whose roster it is."
    )
    neutral_id: strawberry.ID = strawberry.field(description="Global ID of the neutral's User.")
    title: str | None = strawberry.field(default=None, description="Their professional title.")
    biography: str | None = strawberry.field(
        default=None, description="Their professional background, as parties read it."
    )
    competences: list[str] | None = strawberry.field(
        default=None, description="Replaces what they are competent in, at most 50 entries."
    )
    languages: list[str] | None = strawberry.field(
        default=None, description="Replaces the BCP 47 tags of the languages they work in."
    )
    standing_disclosures: str | None = strawberry.field(
        default=None,
        description="Interests declared once for every case; each appointment records them "
        "as they stand then.",
    )
    accepting_cases: bool | None = strawberry.field(
        default=None, description="Whether they take new appointments."
    )


@strawberry.input(description="A neutral's mandate, set by the provider's caseworkers.")
class SetNeutralMandateInput:
    provider_id: strawberry.ID = strawberry.field(description="Global ID of the provider.")
    neutral_id: strawberry.ID = strawberry.field(description="Global ID of the neutral's User.")
    methods: list[Method] = strawberry.field(description="Methods sat for; empty: every one.")
    mandate_ends_on: date | None = strawberry.field(description="Null: an open-ended mandate.")


@strawberry.type(description="The provider after the change, or why it was refused.")
class ProviderPayload:
    provider: Provider | None = strawberry.field(
        default=None, description="The provider as saved; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@strawberry.type(description="The roster entry after the change, or why it was refused.")
class NeutralPayload:
    neutral: Neutral | None = strawberry.field(
        default=None, description="The roster entry as saved; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


def _data(input: object) -> dict[str, Any]:
    data = {f.name: getattr(input, f.name) for f in dataclasses.fields(input)}  # type: ignore[arg-type]
    data["provider_id"] = decode_id(data["provider_id"], "Provider") or _NOTHING
    if "neutral_id" in data:
        data["user_id"] = decode_id(data.pop("neutral_id"), "User") or _NOTHING
    for key in ("methods",):
        if data.get(key) is not None:
            data[key] = [m.value for m in data[key]]
    if data.get("translations") is not None:
        data["translations"] = {
            entry.language.value: {
                f.name: getattr(entry, f.name)
                for f in dataclasses.fields(entry)
                if f.name != "language"
            }
            for entry in data["translations"]
        }
    return data


def _refused(exc: DirectoryError) -> list[UserError]:
    field = {"user_id": "neutral_id"}.get(exc.field or "", exc.field)
    return [user_error(exc.code, exc.message, field, limit=exc.limit, actual=exc.actual)]


async def _neutral(info: Info, input: object, *, mandate: bool) -> NeutralPayload:
    data = _data(input)
    try:
        row = await services.update_neutral_profile(
            info.context.require_actor(),
            data["provider_id"],
            data["user_id"],
            data,
            mandate=mandate,
        )
    except DirectoryError as exc:
        return NeutralPayload(user_errors=_refused(exc))
    user = await UserRow.get(id=row.user_id)
    return NeutralPayload(neutral=Neutral.of(row.user_id, user.display_name, row))


@mutations
@strawberry.type
class DirectoryMutations:
    @strawberry.mutation(
        description="Publish or change what the provider publishes (EU ADR Art. 7(1)). For "
        "the provider's caseworkers and admins."
    )
    async def update_provider_profile(
        self, info: Info, input: UpdateProviderProfileInput
    ) -> ProviderPayload:
        data = _data(input)
        try:
            await services.update_provider_profile(
                info.context.require_actor(), data["provider_id"], data
            )
        except DirectoryError as exc:
            return ProviderPayload(user_errors=_refused(exc))
        row = await ProviderRow.get(id=data["provider_id"])
        return ProviderPayload(provider=Provider.from_row(row))

    @strawberry.mutation(
        description="Change a roster entry: the neutral's own, or any of the provider's for "
        "its caseworkers."
    )
    async def update_neutral_profile(
        self, info: Info, input: UpdateNeutralProfileInput
    ) -> NeutralPayload:
        return await _neutral(info, input, mandate=False)

    @strawberry.mutation(
        description="Set a neutral's mandate: the methods they sit for and when it ends. "
        "Appointments outside it are refused (NEUTRAL_NOT_AVAILABLE)."
    )
    async def set_neutral_mandate(
        self, info: Info, input: SetNeutralMandateInput
    ) -> NeutralPayload:
        return await _neutral(info, input, mandate=True)

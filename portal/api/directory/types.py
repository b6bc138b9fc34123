"""What providers publish (EU ADR Art. 7(1)): profile, scheme rules and the roster of neutrals."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from portal.accounts.models import Locale as DomainLocale
from portal.api.cases.enums import Locale
from portal.api.cases.records import Money
from portal.api.context import Info
from portal.api.errors import Unauthenticated
from portal.api.node import Node, referenced, to_global_id
from portal.auth import policy
from portal.auth.actor import ActorKind
from portal.cases.clocks import responsible, rule_for
from portal.cases.models import Scheme as SchemeRow
from portal.cases.states import Calendar, ClockKind, Method, Party
from portal.codes import CaseLanguage, Country
from portal.directory import models, texts

if TYPE_CHECKING:
    from portal.api.accounts.types import User


@strawberry.type(
    description="One of a provider's texts as a reader gets it: the provider's translation "
    "into the reader's language, or else the text as written, in the language it is in."
)
class LocalizedText:
    text: str = strawberry.field(description="The words, to be shown as they are.")
    language: str = strawberry.field(
        description="The BCP 47 tag of the language `text` is in: set it as the element's `lang`."
    )
    translated: bool = strawberry.field(
        description="Whether this is the provider's translation rather than the text as written."
    )

    @classmethod
    def of(cls, value: texts.LocalizedText) -> LocalizedText:
        return cls(text=value.text, language=value.language, translated=value.translated)


@strawberry.type(
    description="A provider's published texts for one reader: each in the reader's language "
    "where the provider translated it, else as written (marked with its language)."
)
class ProviderTexts:
    language: str | None = strawberry.field(
        description="The language asked for: the `language` argument, else the viewer's stored "
        "language, else the request's Accept-Language; null when none of them is offered."
    )
    summary: LocalizedText = strawberry.field(description="What the provider does, in short.")
    dispute_types: LocalizedText = strawberry.field(description="The types of dispute it handles.")
    decision_basis: LocalizedText = strawberry.field(
        description="What its neutrals decide on: law, fairness, codes of conduct."
    )
    preliminary_requirements: LocalizedText = strawberry.field(
        description="What a complainant must have done first (such as complaining to the "
        "organisation)."
    )
    fees: LocalizedText = strawberry.field(description="Costs for the parties, in words.")
    legal_effect: LocalizedText = strawberry.field(description="The legal effect of its outcomes.")


_SIGNED_IN = "Not published: UNAUTHENTICATED without signing in."


def signed_in_only(info: Info) -> None:
    """A field of the directory that is not published (portal.auth.policy): the public is
    refused it, with UNAUTHENTICATED, rather than answered something else."""
    if not policy.may_read_directory_internals(info.context.actor):
        raise Unauthenticated(
            "This is not in the public directory: sign in to read it, or leave it out."
        )


async def reader_language(info: Info, requested: DomainLocale | None) -> str | None:
    """The language a reader asked for: the argument, else the signed-in person's stored
    language, else the request's Accept-Language (an integration client, a visitor)."""
    if requested is not None:
        return requested.value
    actor = info.context.actor
    if actor is not None and actor.kind is ActorKind.USER:
        user = await info.context.loaders.user.load(actor.id)
        if user is not None:
            return user.locale.value
    return texts.from_accept_language(info.context.request.headers.get("accept-language"))


@strawberry.type(description="What a provider publishes about itself (EU ADR Art. 7(1)).")
class ProviderProfile:
    summary: str = strawberry.field(
        description="What the provider does, in short, in `textLanguage`."
    )
    website: str = strawberry.field(description="Its website; empty when none.")
    contact_email: str = strawberry.field(
        description="Where the public writes to it; empty when none."
    )
    postal_address: str = strawberry.field(
        description="Its postal address, as lines of text; empty when none."
    )
    methods: list[Method] = strawberry.field(description="The resolution methods it runs.")
    languages: list[str] = strawberry.field(description="BCP 47 tags of the languages it works in.")
    countries: list[Country] = strawberry.field(description="The countries it serves.")
    dispute_types: str = strawberry.field(description="The types of dispute it handles.")
    rules_url: str = strawberry.field(description="Where its procedural rules are published.")
    decision_basis: str = strawberry.field(
        description="What outcomes rest on: legal provisions, equity, codes of conduct."
    )
    preliminary_requirements: str = strawberry.field(
        description="What a complainant must have done before referring (EU ADR Art. 7(1)(f)), "
        "in words."
    )
    fees: str = strawberry.field(description="Costs for the parties, in words.")
    consumer_fee: Money | None = strawberry.field(description="The consumer's fee, if any.")
    legal_effect: str = strawberry.field(description="The legal effect of its outcomes.")
    text_language: str = strawberry.field(
        description="The BCP 47 tag of the language the texts above are written in; `texts` "
        "gives them in the reader's language where the provider translated them."
    )
    binding_methods_offered: bool = strawberry.field(
        description="Whether it runs a method whose outcome binds (consent to be bound needed)."
    )
    updated_at: datetime = strawberry.field(description="When the profile last changed.")
    row: strawberry.Private[models.ProviderProfile]

    @strawberry.field(
        description="The texts above in the reader's language where the provider translated "
        "them (issue 16), each marked with the language it is in."
    )
    async def texts(
        self,
        info: Info,
        language: Annotated[
            Locale | None,
            strawberry.argument(
                description="The language to read the texts in; left out: the viewer's stored "
                "language, else the request's Accept-Language."
            ),
        ] = None,
    ) -> ProviderTexts:
        wanted = await reader_language(info, language)
        return ProviderTexts(
            language=wanted,
            **{
                field: LocalizedText.of(texts.localized(self.row, field, wanted))
                for field in texts.TRANSLATABLE
            },
        )

    @classmethod
    def from_row(cls, row: models.ProviderProfile) -> ProviderProfile:
        methods = [Method(m) for m in row.methods]
        return cls(
            summary=row.summary,
            website=row.website,
            contact_email=row.contact_email,
            postal_address=row.postal_address,
            methods=methods,
            languages=list(row.languages),
            countries=[Country(code) for code in row.countries],
            dispute_types=row.dispute_types,
            rules_url=row.rules_url,
            decision_basis=row.decision_basis,
            preliminary_requirements=row.preliminary_requirements,
            fees=row.fees,
            consumer_fee=Money.of(row.consumer_fee_amount, row.consumer_fee_currency),
            legal_effect=row.legal_effect,
            text_language=row.text_language,
            binding_methods_offered=any(m.binding for m in methods),
            updated_at=row.updated_at,
            row=row,
        )


@strawberry.type(description="One clock of a scheme: how long, counted how, and whose it is.")
class SchemeClock:
    kind: ClockKind = strawberry.field(description="The clock.")
    days: int = strawberry.field(description="Its length in days of `calendar`.")
    calendar: Calendar = strawberry.field(
        description="Whether it counts every day or working days only."
    )
    responsible: Party = strawberry.field(description="Who must act before it ends.")


@strawberry.type(description="A scheme's text of the legal effect of one method, in one language.")
class LegalEffectText:
    method: Method = strawberry.field(description="The method the text is about.")
    language: CaseLanguage = strawberry.field(description="The language `text` is written in.")
    text: str = strawberry.field(
        description="The text a complainant reads before consenting to the method."
    )


@strawberry.type(description="A provider's rule book: its clocks and what silence means.")
class Scheme(Node):
    name: str = strawberry.field(description="The scheme's name.")
    version: int = strawberry.field(
        description="1, then one more for each edit made while cases pointed at the scheme: "
        "those cases keep the version they started under."
    )
    methods: list[Method] = strawberry.field(
        description="The methods run under this scheme; empty: those the provider publishes."
    )
    fees: str = strawberry.field(description="Costs for the parties under this scheme, in words.")
    legal_effects: list[LegalEffectText] = strawberry.field(
        description="What a complainant consents to, per method and language; a method or "
        "language left out is shown Parley's standard text."
    )
    retired_at: datetime | None = strawberry.field(
        description="When it was retired (or replaced by a new version); null while current."
    )
    replaced_by_id: strawberry.ID | None = strawberry.field(
        description="Global ID of the version that replaced this one, if any.",
        deprecation_reason="Use `replacedBy { id }`: the scheme version itself.",
    )
    country: Country = strawberry.field(description="Whose public holidays working days skip.")
    silence_is_refusal: bool = strawberry.field(
        description="Whether an organisation silent past its response clock is recorded as "
        "refusing to take part."
    )
    organisation_may_withdraw: bool = strawberry.field(
        description="Whether the organisation may withdraw from a case it has joined; the "
        "complainant always may, until an outcome is agreed."
    )
    retention_years: int = strawberry.field(
        description="Whole years a closed case's personal data is kept, then redacted."
    )
    automated_review_days: int = strawberry.field(
        description="Calendar days in which a party may ask a person to review a step the "
        "clock job took automatically (issue 20)."
    )
    clocks: list[SchemeClock] = strawberry.field(
        description="Every clock kind with its length; the response clock of a complex case "
        "is `complexResponse`."
    )
    complex_response: SchemeClock = strawberry.field(
        description="The response clock of a case marked complex."
    )
    replaced_by_pk: strawberry.Private[uuid.UUID | None] = None

    @strawberry.field(description="The version that replaced this one, if any.")
    async def replaced_by(self, info: Info) -> Scheme | None:
        return await referenced(info, "Scheme", self.replaced_by_pk)

    @classmethod
    def from_row(cls, row: SchemeRow) -> Scheme:
        clocks = []
        for kind in ClockKind:
            rule = rule_for(row.clock_policy, kind)
            clocks.append(
                SchemeClock(
                    kind=kind, days=rule.days, calendar=rule.calendar, responsible=responsible(kind)
                )
            )
        rule = rule_for(row.clock_policy, ClockKind.RESPONSE, complex_case=True)
        complex_response = SchemeClock(
            kind=ClockKind.RESPONSE,
            days=rule.days,
            calendar=rule.calendar,
            responsible=responsible(ClockKind.RESPONSE),
        )
        return cls(
            id=to_global_id("Scheme", row.id),
            name=row.name,
            version=row.version,
            methods=[Method(m) for m in row.methods],
            fees=row.fees,
            legal_effects=[
                LegalEffectText(method=Method(method), language=CaseLanguage(language), text=value)
                for method, texts in sorted(row.legal_effects.items())
                for language, value in sorted(texts.items())
            ],
            retired_at=row.retired_at,
            replaced_by_pk=row.replaced_by_id,
            replaced_by_id=to_global_id("Scheme", row.replaced_by_id)
            if row.replaced_by_id
            else None,
            country=Country(row.country),
            silence_is_refusal=row.silence_is_refusal,
            organisation_may_withdraw=row.organisation_may_withdraw,
            retention_years=row.retention_years,
            automated_review_days=row.automated_review_days,
            clocks=clocks,
            complex_response=complex_response,
        )


@strawberry.type(
    description="A neutral on a provider's roster, as published: who they are, what they are "
    "competent in, the languages they work in and what they disclosed for every case."
)
class Neutral:
    display_name: str = strawberry.field(description="The neutral's name as parties see it.")
    title: str = strawberry.field(
        description="Their professional title (`Mediator`, `Arbitrator, FCIArb`); empty when none."
    )
    competences: list[str] = strawberry.field(
        description="What they are competent in, in their own words (EU ADR Art. 6(1)(a))."
    )
    languages: list[str] = strawberry.field(
        description="BCP 47 tags of the languages they work in."
    )
    methods: list[Method] = strawberry.field(description="Methods sat for; empty: every one.")
    mandate_ends_on: date | None = strawberry.field(
        description="The last day of their mandate (EU ADR Art. 6(2)); null: open-ended."
    )
    user_pk: strawberry.Private[uuid.UUID]
    row: strawberry.Private[models.NeutralProfile]

    @strawberry.field(
        description="Global ID of the neutral's account (for `appointNeutral`). " + _SIGNED_IN,
        deprecation_reason="Use `user { id }`: the User itself.",
    )
    def user_id(self, info: Info) -> strawberry.ID:
        signed_in_only(info)
        return strawberry.ID(to_global_id("User", self.user_pk))

    @strawberry.field(
        description="The neutral's account (its `id` for `appointNeutral`), when you may see "
        "it. " + _SIGNED_IN
    )
    async def user(
        self, info: Info
    ) -> Annotated[User, strawberry.lazy("portal.api.accounts.types")] | None:
        signed_in_only(info)
        return await referenced(info, "User", self.user_pk)

    @strawberry.field(description=_SIGNED_IN)
    def biography(self, info: Info) -> str:
        signed_in_only(info)
        return self.row.biography

    @strawberry.field(
        description="Interests declared once for every case. " + _SIGNED_IN,
    )
    def standing_disclosures(self, info: Info) -> str:
        signed_in_only(info)
        return self.row.standing_disclosures

    @strawberry.field(description="Whether they take new cases. " + _SIGNED_IN)
    def accepting_cases(self, info: Info) -> bool:
        signed_in_only(info)
        return self.row.accepting_cases

    @classmethod
    def of(
        cls, user_pk: uuid.UUID, display_name: str, row: models.NeutralProfile | None
    ) -> Neutral:
        """A neutral of the provider; one without a roster entry shows its defaults."""
        row = row or models.NeutralProfile(user_id=user_pk)
        return cls(
            display_name=display_name,
            title=row.title,
            competences=list(row.competences),
            languages=list(row.languages),
            methods=[Method(m) for m in row.methods],
            mandate_ends_on=row.mandate_ends_on,
            user_pk=user_pk,
            row=row,
        )

"""What each stage of a case leaves behind, as GraphQL types: clocks, consents, the neutral's
appointment, offers and outcomes. All are built from rows the request's loaders fetched."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

import strawberry

from portal.accounts.models import User
from portal.api.cases import enums as _enums  # noqa: F401  (registers the domain enums)
from portal.api.cases.enums import CaseAction, Locale
from portal.api.context import Info
from portal.api.node import Node, referenced, to_global_id
from portal.cases import duties, models
from portal.cases.extensions import Extension
from portal.cases.notices import Shown, acceptance_notice, language_of
from portal.cases.states import (
    AppointmentStatus,
    Calendar,
    CaseRole,
    ClockHold,
    ClockKind,
    ClockStatus,
    Method,
    OfferStatus,
    OutcomeKind,
    Party,
    ReviewDecision,
    Side,
)
from portal.cases.transitions import CLOCK_OBLIGATIONS, ClockObligation
from portal.codes import Currency


@strawberry.type(description="An amount of money in an ISO 4217 currency.")
class Money:
    amount: Decimal = strawberry.field(description="Exact, as a string: `120.00`.")
    currency: Currency = strawberry.field(description="The currency of `amount`.")

    @classmethod
    def of(cls, amount: Decimal | None, currency: str) -> Money | None:
        return None if amount is None else cls(amount=amount, currency=Currency(currency))


@strawberry.type(description="A person taking part, as the others on the case see them.")
class Participant:
    display_name: str = strawberry.field(description="The name the person chose to be shown under.")
    is_viewer: bool = strawberry.field(description="Whether this is the person asking.")


async def participant(info: Info, user_id: uuid.UUID | None) -> Participant | None:
    if user_id is None:
        return None
    user: User | None = await info.context.loaders.user.load(user_id)
    if user is None:
        return None
    actor = info.context.actor
    return Participant(
        display_name=user.display_name, is_viewer=actor is not None and actor.id == user_id
    )


@strawberry.type(
    description="A duty still owed on a case, from its duty clock: who must act, by when, and "
    "the actions that would discharge it. Windows for a right are never one."
)
class DueDuty:
    party: Party = strawberry.field(
        description="Whose duty it is, and so whose delay once it is overdue."
    )
    clock: ClockKind = strawberry.field(description="The duty clock that times it.")
    actions: list[CaseAction] = strawberry.field(
        description="The duties that discharge it, by the transition table; any one is enough "
        "(accept or decline; respond or refuse)."
    )
    due_at: datetime = strawberry.field(description="When it is due.")
    overdue: bool = strawberry.field(
        description="Past due and still owed (running late, or recorded missed while the case "
        "still waits on it): the test the case list's `overdue` filter applies."
    )

    @classmethod
    def of(cls, duty: duties.DueDuty) -> DueDuty:
        return cls(
            party=duty.party,
            clock=duty.clock,
            actions=[CaseAction(a.value) for a in duty.actions],
            due_at=duty.due_at,
            overdue=duty.overdue,
        )


@strawberry.type(description="A due date all parties see (DOMAIN.md, clocks).")
class Clock:
    kind: ClockKind = strawberry.field(description="What the clock times.")
    responsible: Party = strawberry.field(description="Who must act before it ends.")
    calendar: Calendar = strawberry.field(
        description="Whether `days` counts every day or working days only."
    )
    days: int = strawberry.field(
        description="Its length in days of `calendar`, extensions included."
    )
    started_at: datetime = strawberry.field(description="When it started.")
    due_at: datetime = strawberry.field(
        description="When it ends: the step is due by then (after any extension). While the "
        "clock is `paused`, when it would end were it running: resuming moves it later by the "
        "time it was held."
    )
    status: ClockStatus = strawberry.field(
        description="Where it stands: running, met, missed or stopped."
    )
    ended_at: datetime | None = strawberry.field(
        description="When it was met, missed or stopped; null while running."
    )
    extensions: int = strawberry.field(description="How often the due date was extended.")
    paused_since: datetime | None = strawberry.field(
        description="Since when a running clock is paused by a hold on its case (`pausedFor`): "
        "its time does not count toward `dueAt` and it cannot run out until it resumes; null "
        "while it runs, and on a clock that has ended."
    )
    paused_for: ClockHold | None = strawberry.field(
        description="The hold that pauses the clock (the case waits for its fees); null when "
        "it is not paused."
    )
    obligation: ClockObligation = strawberry.field(
        description="A duty clock (the responsible party must act by `dueAt`) or a window for "
        "a right (they may act until `dueAt`, and need not), by the transition table."
    )
    pk: strawberry.Private[uuid.UUID]
    case_pk: strawberry.Private[uuid.UUID]

    @strawberry.field(description="Whether a hold on its case pauses this running clock now.")
    def paused(self) -> bool:
        return self.paused_since is not None

    @strawberry.field(
        description="Every extension of this clock, oldest first: when, by whom, by how many "
        "days, why, and the due date before and after (DOMAIN.md, clocks; EU ADR Art. 8(e)). "
        "As many as `extensions`, unless an extension's record was erased from the timeline."
    )
    async def extension_notices(self, info: Info) -> list[ClockExtension]:
        found = await info.context.loaders.clock_extensions_by_case.load(self.case_pk)
        return [ClockExtension.of(extension) for extension in found.get(self.pk, [])]

    @classmethod
    def from_row(cls, row: models.Clock) -> Clock:
        return cls(
            pk=row.id,
            case_pk=row.case_id,
            obligation=CLOCK_OBLIGATIONS[row.kind],
            kind=row.kind,
            responsible=row.responsible,
            calendar=Calendar(row.calendar),
            days=row.days,
            started_at=row.started_at,
            due_at=row.due_at,
            status=row.status,
            ended_at=row.ended_at,
            extensions=row.extensions,
            paused_since=row.paused_at if row.status is ClockStatus.RUNNING else None,
            paused_for=row.paused_for if row.status is ClockStatus.RUNNING else None,
        )

    @classmethod
    def from_values(cls, row: dict[str, Any]) -> Clock:
        """From a `.values(*CLOCK_COLUMNS)` row: no model instance for a page of clocks."""
        running = ClockStatus(row["status"]) is ClockStatus.RUNNING
        return cls(
            pk=row["id"],
            case_pk=row["case_id"],
            obligation=CLOCK_OBLIGATIONS[ClockKind(row["kind"])],
            kind=ClockKind(row["kind"]),
            responsible=Party(row["responsible"]),
            calendar=Calendar(row["calendar"]),
            days=row["days"],
            started_at=row["started_at"],
            due_at=row["due_at"],
            status=ClockStatus(row["status"]),
            ended_at=row["ended_at"],
            extensions=row["extensions"],
            paused_since=row["paused_at"] if running else None,
            paused_for=ClockHold(row["paused_for"]) if running and row["paused_for"] else None,
        )


CLOCK_COLUMNS = (
    "id",
    "case_id",
    "kind",
    "responsible",
    "calendar",
    "days",
    "started_at",
    "due_at",
    "status",
    "ended_at",
    "extensions",
    "paused_at",
    "paused_for",
)


@strawberry.type(
    description="An extension of a clock's due date, with its reasons, as the case's timeline "
    "records it (a `CLOCK_EXTENDED` event)."
)
class ClockExtension:
    extended_at: datetime = strawberry.field(description="When it was extended.")
    actor_role: CaseRole = strawberry.field(description="The role it was extended in.")
    days: int | None = strawberry.field(description="By how many days (calendar or working).")
    reason: str = strawberry.field(description="The reasons given, as all parties read them.")
    previous_due_at: datetime | None = strawberry.field(description="The due date before.")
    due_at: datetime | None = strawberry.field(description="The due date after.")
    actor_pk: strawberry.Private[uuid.UUID | None]

    @classmethod
    def of(cls, extension: Extension) -> ClockExtension:
        return cls(
            extended_at=extension.extended_at,
            actor_role=CaseRole(extension.actor_role),
            days=extension.days,
            reason=extension.reason,
            previous_due_at=extension.previous_due_at,
            due_at=extension.due_at,
            actor_pk=extension.actor_id,
        )

    @strawberry.field(
        description="The person who extended it; null for an integration client of the "
        "provider (then `actorRole` says for whom)."
    )
    async def extended_by(self, info: Info) -> Participant | None:
        return await participant(info, self.actor_pk)


READER_LANGUAGE = "The reader's language (the screen's); null: the case's language."


@strawberry.type(
    description="A text a party reads before a step that commits them, exactly as the step "
    "records it (issue 15): the words, the language they are in, and the digest the step "
    "sends back to say that this is the text its screen showed."
)
class ShownText:
    text: str = strawberry.field(description="The words, to be shown as they are.")
    language: str = strawberry.field(
        description="The BCP 47 tag of the language `text` is in: the one asked for, or, where "
        "there is no text in it, the one it falls back to."
    )
    digest: str = strawberry.field(description="SHA-256 of `text` (UTF-8), in lower-case hex.")

    @classmethod
    def of(cls, shown: Shown) -> ShownText:
        return cls(text=shown.text, language=shown.language, digest=shown.digest)


@strawberry.type(description="Informed consent to the method (ISO 10003 4.6).")
class Consent(Node):
    method: Method = strawberry.field(description="The method consented to.")
    legal_effect: str = strawberry.field(
        description="The legal effect consented to, exactly as the consent screen showed it "
        "(`DisputeCase.consentText`)."
    )
    language: str = strawberry.field(
        description="The BCP 47 tag of the language `legalEffect` was shown in. Empty for a "
        "consent given before the screen showed the recorded text: then `legalEffect` was "
        "recorded, not shown."
    )
    understands_legal_effect: bool = strawberry.field(
        description="Whether the complainant confirmed understanding the method's legal effect (EU "
        "ADR Art. 9(2)(a))."
    )
    understands_right_to_withdraw: bool = strawberry.field(
        description="Whether the complainant confirmed knowing they may withdraw at any time."
    )
    consents_to_be_bound: bool = strawberry.field(
        description="Whether the complainant agreed to be bound by the outcome; required for a "
        "binding method, false otherwise."
    )
    given_at: datetime = strawberry.field(description="When the consent was given.")
    given_by_pk: strawberry.Private[uuid.UUID]

    @classmethod
    def from_row(cls, row: models.Consent) -> Consent:
        return cls(
            id=to_global_id("Consent", row.id),
            method=row.method,
            legal_effect=row.legal_effect,
            language=row.language,
            understands_legal_effect=row.understands_legal_effect,
            understands_right_to_withdraw=row.understands_right_to_withdraw,
            consents_to_be_bound=row.consents_to_be_bound,
            given_at=row.given_at,
            given_by_pk=row.given_by_id,
        )

    @strawberry.field(description="Who gave it: the complainant or their representative.")
    async def given_by(self, info: Info) -> Participant | None:
        return await participant(info, self.given_by_pk)


@strawberry.type(description="A party's objection to the neutral, and its decision.")
class Objection(Node):
    side: Side = strawberry.field(description="The side that objected.")
    reasons: str = strawberry.field(description="Why the side objects to the neutral, as written.")
    raised_at: datetime = strawberry.field(description="When the objection was raised.")
    upheld: bool | None = strawberry.field(
        description="The provider's decision: true if upheld (the neutral is removed), false if "
        "dismissed; null until decided."
    )
    decision_reasons: str = strawberry.field(
        description="The provider's reasons for its decision; empty until decided."
    )
    decided_at: datetime | None = strawberry.field(
        description="When the provider decided; null until then."
    )

    @classmethod
    def from_row(cls, row: models.Objection) -> Objection:
        return cls(
            id=to_global_id("Objection", row.id),
            side=row.side,
            reasons=row.reasons,
            raised_at=row.raised_at,
            upheld=row.upheld,
            decision_reasons=row.decision_reasons,
            decided_at=row.decided_at,
        )


@strawberry.type(description="The neutral's declaration of impartiality and conflicts.")
class ImpartialityDeclaration:
    impartial: bool = strawberry.field(
        description="Whether the neutral declared themselves impartial and independent; false "
        "means a conflict was declared and the appointment ends."
    )
    disclosures: str = strawberry.field(
        description="Circumstances the neutral disclosed that might affect their independence (EU "
        "ADR Art. 6(1)(e)); empty when none."
    )
    declared_at: datetime = strawberry.field(description="When the declaration was made.")


@strawberry.type(description="The neutral appointed to a case, before and after confirmation.")
class NeutralAppointment(Node):
    status: AppointmentStatus = strawberry.field(description="Where the appointment stands.")
    appointed_at: datetime = strawberry.field(
        description="When the provider appointed the neutral."
    )
    ended_at: datetime | None = strawberry.field(
        description="When the appointment ended (removed, recused, objection upheld); null while "
        "it stands."
    )
    declaration: ImpartialityDeclaration | None = strawberry.field(
        description="Empty until the neutral has declared."
    )
    pk: strawberry.Private[uuid.UUID]
    neutral_pk: strawberry.Private[uuid.UUID]

    @classmethod
    def from_row(cls, row: models.NeutralAppointment) -> NeutralAppointment:
        declaration = None
        if row.declared_at is not None and row.impartial is not None:
            declaration = ImpartialityDeclaration(
                impartial=row.impartial, disclosures=row.disclosures, declared_at=row.declared_at
            )
        return cls(
            id=to_global_id("NeutralAppointment", row.id),
            status=row.status,
            appointed_at=row.appointed_at,
            ended_at=row.ended_at,
            declaration=declaration,
            pk=row.id,
            neutral_pk=row.neutral_id,
        )

    @strawberry.field(
        description="The appointed neutral, as the parties see them; null if their account is gone."
    )
    async def neutral(self, info: Info) -> Participant | None:
        return await participant(info, self.neutral_pk)

    @strawberry.field(description="Every objection raised to this appointment, oldest first.")
    async def objections(self, info: Info) -> list[Objection]:
        rows = await info.context.loaders.objections_by_appointment.load(self.pk)
        return [Objection.from_row(row) for row in rows]


@strawberry.type(description="An offer or counter-offer in facilitative resolution.")
class Offer(Node):
    side: Side = strawberry.field(description="The side that made the offer.")
    amount: Money = strawberry.field(description="What is offered, or asked for.")
    terms: str = strawberry.field(description="The offer's terms in words: what each side does.")
    expires_at: datetime | None = strawberry.field(
        description="When it expires unanswered; null: it stays open until answered or withdrawn."
    )
    status: OfferStatus = strawberry.field(
        description="`EXPIRED` once an open offer's expiry has passed."
    )
    made_at: datetime = strawberry.field(description="When it was made.")
    decided_at: datetime | None = strawberry.field(
        description="When it was accepted, rejected, countered, withdrawn or expired; null while "
        "open."
    )
    replying_to_pk: strawberry.Private[uuid.UUID | None] = None

    @strawberry.field(
        description="The offer this one counters; null when it counters none (an offer of "
        "the same case, so whoever sees this one sees it)."
    )
    async def replying_to(self, info: Info) -> Offer | None:
        return await referenced(info, "Offer", self.replying_to_pk)

    @classmethod
    def from_row(cls, row: models.Offer, now: datetime) -> Offer:
        lapsed = row.status is OfferStatus.OPEN and not row.is_open_at(now)
        return cls(
            id=to_global_id("Offer", row.id),
            side=row.side,
            amount=Money(amount=row.amount, currency=Currency(row.currency)),
            terms=row.terms,
            expires_at=row.expires_at,
            status=OfferStatus.EXPIRED if lapsed else row.status,
            replying_to_pk=row.replying_to_id,
            made_at=row.made_at,
            decided_at=row.decided_at,
        )


@strawberry.type(description="A settlement, recommendation or award, with reasons (ISO 10003 7.5).")
class Outcome(Node):
    kind: OutcomeKind = strawberry.field(
        description="What kind of outcome: a settlement, a proposal, a recommendation or an award."
    )
    binding: bool = strawberry.field(
        description="Whether it binds both parties (a binding arbitration award)."
    )
    summary: str = strawberry.field(description="What was decided or agreed, in short.")
    reasons: str = strawberry.field(description="The reasons given with it (EU ADR Art. 9(1)(c)).")
    amount: Money | None = strawberry.field(
        description="The amount it awards or settles on; null when it involves no money."
    )
    issued_at: datetime = strawberry.field(
        description="When it was issued (or the settlement agreed)."
    )
    accepted_by_complainant_at: datetime | None = strawberry.field(
        description="When the complainant accepted it; null until then."
    )
    accepted_by_organisation_at: datetime | None = strawberry.field(
        description="When the organisation accepted it; null until then."
    )
    rejected_by: Side | None = strawberry.field(
        description="The side that rejected it; null unless rejected."
    )
    rejection_reasons: str = strawberry.field(
        description="Why it was rejected; empty unless rejected."
    )
    rejected_at: datetime | None = strawberry.field(
        description="When it was rejected; null unless rejected."
    )
    review_requested_by: Side | None = strawberry.field(
        description="The side that asked for a review of a binding award; null if none."
    )
    review_reasons: str = strawberry.field(
        description="Why the review was asked for; empty if none."
    )
    review_requested_at: datetime | None = strawberry.field(
        description="When the review was asked for; null if none."
    )
    review_decision: ReviewDecision | None = strawberry.field(
        description="The provider's decision on a requested review; null until decided."
    )
    review_decision_reasons: str = strawberry.field(
        description="The provider's reasons on the review; empty until decided."
    )
    reviewed_at: datetime | None = strawberry.field(
        description="When the provider decided the review; null until then."
    )
    superseded_at: datetime | None = strawberry.field(
        description="Set when a review varied this award; the replacement follows it."
    )
    case_language: strawberry.Private[str]

    @strawberry.field(
        description="The notice a party reads before accepting this outcome (EU ADR Art. "
        "9(2)(b)): nobody has to accept it, the courts stay open, it may differ from what a "
        "court would decide, and what accepting it does; for a binding award, that it binds "
        "either way (Art. 10(2)). `acceptOutcome` acknowledges it and sends its `digest`."
    )
    def acceptance_notice(
        self,
        language: Annotated[
            Locale | None,
            strawberry.argument(description=READER_LANGUAGE),
        ] = None,
    ) -> ShownText:
        return ShownText.of(
            acceptance_notice(self.binding, language_of(language, self.case_language))
        )

    @classmethod
    def from_row(cls, row: models.Outcome, case_language: str) -> Outcome:
        return cls(
            id=to_global_id("Outcome", row.id),
            case_language=case_language,
            kind=row.kind,
            binding=row.binding,
            summary=row.summary,
            reasons=row.reasons,
            amount=Money.of(row.amount, row.currency),
            issued_at=row.issued_at,
            accepted_by_complainant_at=row.accepted_by_complainant_at,
            accepted_by_organisation_at=row.accepted_by_organisation_at,
            rejected_by=row.rejected_by,
            rejection_reasons=row.rejection_reasons,
            rejected_at=row.rejected_at,
            review_requested_by=row.review_requested_by,
            review_reasons=row.review_reasons,
            review_requested_at=row.review_requested_at,
            review_decision=ReviewDecision(row.review_decision) if row.review_decision else None,
            review_decision_reasons=row.review_decision_reasons,
            reviewed_at=row.reviewed_at,
            superseded_at=row.superseded_at,
        )

"""One input per case action, holding only what the acting party may set.

Field names are the services' own (snake_case here, camelCase in the schema), so a service's
complaint about a field maps straight back to the input field at fault.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import strawberry

from portal.api.cases import enums as _enums  # noqa: F401  (registers the domain enums)
from portal.api.cases.enums import Locale
from portal.cases.states import ClockKind, ClosureReason, DeclineGround, Stage
from portal.codes import Currency
from portal.feedback.states import RootCause

CASE_ID = "Global ID of the case."
EXPECTED_STAGE = (
    "The stage the caller believes the case is at. When the case has moved on (another "
    "party acted first), the action is refused with `STAGE_CHANGED` and nothing changes."
)


@strawberry.input
class CaseActionInput:
    """For actions that need nothing but the case."""

    case_id: strawberry.ID = strawberry.field(description=CASE_ID)
    expected_stage: Stage | None = strawberry.field(default=None, description=EXPECTED_STAGE)


@strawberry.input
class AcceptCaseInput(CaseActionInput):
    is_complex: bool = strawberry.field(
        default=False, description="A complex case gets the longer response clock."
    )
    note: str | None = None


@strawberry.input
class DeclineCaseInput(CaseActionInput):
    ground: DeclineGround
    reasons: str


@strawberry.input
class GiveConsentInput(CaseActionInput):
    understands_legal_effect: bool
    understands_right_to_withdraw: bool
    consents_to_be_bound: bool = strawberry.field(
        default=False, description="Required for a binding method."
    )
    legal_effect_digest: str = strawberry.field(
        description="The `digest` of the `DisputeCase.consentText` the complainant was shown. "
        "The consent records that text; when it is no longer the scheme's text for "
        "`language`, the consent is refused with `CONSENT_TEXT_CHANGED` (show it again)."
    )
    language: Locale | None = strawberry.field(  # type: ignore[valid-type]
        default=None,
        description="The `language` `consentText` was asked in; null, the case's.",
    )


@strawberry.input
class SubmitResponseInput(CaseActionInput):
    position: str


@strawberry.input(description="The complainant's reply to the organisation's position.")
class SubmitReplyInput(CaseActionInput):
    reply: str = strawberry.field(
        description="What the complainant says to the position; it ends the reply window."
    )


@strawberry.input(description="A circumstance the confirmed neutral discloses after confirmation.")
class DiscloseCircumstanceInput(CaseActionInput):
    disclosures: str = strawberry.field(
        description="The circumstance, as both sides will read it; a new objection window opens."
    )


@strawberry.input
class ReasonsInput(CaseActionInput):
    """For actions that state reasons: refusing, objecting, rejecting, asking for review."""

    reasons: str = strawberry.field(
        description="Why, in the actor's own words: recorded on the timeline and shown to the "
        "parties who may read the step."
    )


@strawberry.input
class AppointNeutralInput(CaseActionInput):
    neutral_id: strawberry.ID = strawberry.field(
        description="Global ID of a User on the provider's roster of neutrals."
    )


@strawberry.input
class DeclareImpartialityInput(CaseActionInput):
    impartial: bool
    disclosures: str | None = strawberry.field(
        default=None, description="Required when declaring a conflict."
    )


@strawberry.input
class DecideObjectionInput(CaseActionInput):
    upheld: bool = strawberry.field(description="Upheld: the neutral is removed.")
    reasons: str


@strawberry.input
class MakeOfferInput(CaseActionInput):
    amount: Decimal
    currency: Currency | None = strawberry.field(default=None, description="The case's by default.")
    terms: str
    expires_at: datetime | None = strawberry.field(
        default=None, description="With a UTC offset, in the future."
    )
    replying_to: strawberry.ID | None = strawberry.field(
        default=None, description="The other side's open offer this one counters."
    )
    idempotency_key: str | None = strawberry.field(
        default=None,
        description="A retry with the same key answers with the case, and makes no second offer.",
    )


@strawberry.input
class OfferActionInput(CaseActionInput):
    offer_id: strawberry.ID


@strawberry.input
class IssueOutcomeInput(CaseActionInput):
    summary: str
    reasons: str
    amount: Decimal | None = None
    currency: Currency | None = None


@strawberry.input
class ExtendClockInput(CaseActionInput):
    clock: ClockKind
    days: int
    reason: str


@strawberry.input
class DecideReviewInput(CaseActionInput):
    varied: bool = strawberry.field(description="Varied: a new award replaces the old one.")
    reasons: str
    summary: str | None = strawberry.field(default=None, description="The varied award.")
    amount: Decimal | None = None


@strawberry.input
class RecordImplementationInput(CaseActionInput):
    evidence: str


@strawberry.input
class NoteInput(CaseActionInput):
    note: str | None = None


@strawberry.input
class CloseCaseInput(CaseActionInput):
    reason: ClosureReason
    note: str
    root_cause: RootCause | None = strawberry.field(
        default=None,
        description="The cause behind the complaint, as the provider classifies it from the "
        "file; written back to the complaint (ISO 10002 8.3).",
    )


@strawberry.input
class WithdrawCaseInput(CaseActionInput):
    reason: str | None = strawberry.field(
        default=None,
        description="Optional for the complainant; required for an organisation (where its "
        "scheme lets it withdraw).",
    )


# One named input per mutation, so each can grow on its own.


@strawberry.input
class RefuseParticipationInput(ReasonsInput):
    pass


@strawberry.input
class ObjectToNeutralInput(ReasonsInput):
    pass


@strawberry.input
class RejectOutcomeInput(ReasonsInput):
    pass


@strawberry.input
class RequestReviewInput(ReasonsInput):
    pass


@strawberry.input(description="The neutral withdraws from the case, with reasons.")
class RecuseInput(ReasonsInput):
    pass


@strawberry.input(description="The provider removes the neutral, with reasons, to replace them.")
class RemoveNeutralInput(ReasonsInput):
    pass


@strawberry.input(
    description="The complainant reports, with reasons, that the outcome was not carried out "
    "as the organisation recorded it."
)
class ReportNotImplementedInput(ReasonsInput):
    pass


@strawberry.input
class CompleteFileInput(CaseActionInput):
    pass


@strawberry.input
class AcceptOutcomeInput(CaseActionInput):
    acknowledges_notice: bool = strawberry.field(
        description="That the party read `Outcome.acceptanceNotice` (EU ADR Art. 9(2)(b)) "
        "before accepting; refused with `NOTICE_NOT_ACKNOWLEDGED` unless true."
    )
    notice_digest: str = strawberry.field(
        description="The `digest` of the `acceptanceNotice` shown; the acceptance records that "
        "notice, and is refused with `NOTICE_TEXT_CHANGED` when it is no longer the notice "
        "for `language`."
    )
    language: Locale | None = strawberry.field(  # type: ignore[valid-type]
        default=None,
        description="The `language` `acceptanceNotice` was asked in; null, the case's.",
    )


@strawberry.input
class WithdrawOfferInput(OfferActionInput):
    pass


@strawberry.input
class RejectOfferInput(OfferActionInput):
    pass


@strawberry.input
class AcceptOfferInput(OfferActionInput):
    pass


@strawberry.input
class ConfirmImplementationInput(NoteInput):
    pass

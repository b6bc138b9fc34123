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
from portal.api.idempotency import legacy_key
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


@strawberry.input(description="Accepting a referred dispute (ISO 10003 7.3).")
class AcceptCaseInput(CaseActionInput):
    is_complex: bool = strawberry.field(
        default=False, description="A complex case gets the longer response clock."
    )
    note: str | None = strawberry.field(
        default=None, description="A note to the parties with the acceptance; none when left out."
    )


@strawberry.input(
    description="Declining a referred dispute on one of the permitted grounds (EU ADR Art. 5(4))."
)
class DeclineCaseInput(CaseActionInput):
    ground: DeclineGround = strawberry.field(description="The ground it is declined on.")
    reasons: str = strawberry.field(description="The reasons, as the parties read them; required.")


@strawberry.input(
    description="The complainant's informed consent to the method (EU ADR Art. 9(2)(a))."
)
class GiveConsentInput(CaseActionInput):
    understands_legal_effect: bool = strawberry.field(
        description="Must be true: the complainant read and understood the method's legal "
        "effect (`DisputeCase.consentText`)."
    )
    understands_right_to_withdraw: bool = strawberry.field(
        description="Must be true: the complainant knows they may withdraw at any time."
    )
    consents_to_be_bound: bool = strawberry.field(
        default=False, description="Required for a binding method."
    )
    legal_effect_digest: str = strawberry.field(
        description="The `digest` of the `DisputeCase.consentText` the complainant was shown. "
        "The consent records that text; when it is no longer the scheme's text for "
        "`language`, the consent is refused with `CONSENT_TEXT_CHANGED` (show it again)."
    )
    language: Locale | None = strawberry.field(
        default=None,
        description="The `language` `consentText` was asked in; null, the case's.",
    )


@strawberry.input(description="The organisation's position on the dispute (ISO 10003 7.4).")
class SubmitResponseInput(CaseActionInput):
    position: str = strawberry.field(
        description="The organisation's position, as the parties, the provider and the neutral "
        "read it."
    )


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


@strawberry.input(description="Appointing a neutral from the provider's roster to the case.")
class AppointNeutralInput(CaseActionInput):
    neutral_id: strawberry.ID = strawberry.field(
        description="Global ID of a User on the provider's roster of neutrals."
    )


@strawberry.input(
    description="The appointed neutral's declaration of impartiality and independence (EU ADR "
    "Art. 6)."
)
class DeclareImpartialityInput(CaseActionInput):
    impartial: bool = strawberry.field(
        description="True to declare impartiality; false to declare a conflict, which ends the "
        "appointment."
    )
    disclosures: str | None = strawberry.field(
        default=None, description="Required when declaring a conflict."
    )


@strawberry.input(description="The provider's decision on an objection to the neutral.")
class DecideObjectionInput(CaseActionInput):
    upheld: bool = strawberry.field(description="Upheld: the neutral is removed.")
    reasons: str = strawberry.field(
        description="The reasons for the decision, as the parties read them; required."
    )


@strawberry.input(description="An offer to the other side in a facilitative method.")
class MakeOfferInput(CaseActionInput):
    amount: Decimal = strawberry.field(
        description="The amount offered (or asked for), at most two decimals."
    )
    currency: Currency | None = strawberry.field(default=None, description="The case's by default.")
    terms: str = strawberry.field(description="The offer's terms in words: what each side does.")
    expires_at: datetime | None = strawberry.field(
        default=None, description="With a UTC offset, in the future."
    )
    replying_to: strawberry.ID | None = strawberry.field(
        default=None, description="The other side's open offer this one counters."
    )
    idempotency_key: str | None = legacy_key()


@strawberry.input
class OfferActionInput(CaseActionInput):
    offer_id: strawberry.ID = strawberry.field(description="Global ID of the offer.")


@strawberry.input(
    description="The neutral's outcome: a proposal, recommendation or award, by the case's method."
)
class IssueOutcomeInput(CaseActionInput):
    summary: str = strawberry.field(description="What is decided or proposed, in short.")
    reasons: str = strawberry.field(
        description="The reasons for it (EU ADR Art. 9(1)(c)); required."
    )
    amount: Decimal | None = strawberry.field(
        default=None,
        description="The amount it awards or proposes; none when it involves no money.",
    )
    currency: Currency | None = strawberry.field(
        default=None, description="The currency of `amount`; the case's when left out."
    )


@strawberry.input(description="Extending a running clock, with reasons all parties read.")
class ExtendClockInput(CaseActionInput):
    clock: ClockKind = strawberry.field(description="The running clock to extend.")
    days: int = strawberry.field(
        description="By how many days of the clock's calendar, 1 or more; the total is capped "
        "by the scheme."
    )
    reason: str = strawberry.field(
        description="Why it is extended; required, shown to all parties."
    )


@strawberry.input(description="The provider's decision on a requested review of a binding award.")
class DecideReviewInput(CaseActionInput):
    varied: bool = strawberry.field(description="Varied: a new award replaces the old one.")
    reasons: str = strawberry.field(description="The reasons for the decision; required.")
    summary: str | None = strawberry.field(default=None, description="The varied award.")
    amount: Decimal | None = strawberry.field(
        default=None, description="The varied award's amount, when `varied` and it involves money."
    )


@strawberry.input(
    description="The organisation's record of having carried the outcome out (ISO 10003 7.6)."
)
class RecordImplementationInput(CaseActionInput):
    evidence: str = strawberry.field(
        description="What was done, and how the complainant can see it (a refund reference, a "
        "date)."
    )


@strawberry.input
class NoteInput(CaseActionInput):
    note: str | None = strawberry.field(
        default=None, description="A note to the parties with this step; none when left out."
    )


@strawberry.input(description="The provider closing a case with a reason (ISO 10003 7.7).")
class CloseCaseInput(CaseActionInput):
    reason: ClosureReason = strawberry.field(description="Why the case closes.")
    note: str = strawberry.field(description="The closing note to the parties; required.")
    root_cause: RootCause | None = strawberry.field(
        default=None,
        description="The cause behind the complaint, as the provider classifies it from the "
        "file; written back to the complaint (ISO 10002 8.3).",
    )


@strawberry.input(
    description="Withdrawing from the case: the complainant at any stage before an outcome is "
    "agreed, the organisation where the scheme allows."
)
class WithdrawCaseInput(CaseActionInput):
    reason: str | None = strawberry.field(
        default=None,
        description="Optional for the complainant; required for an organisation (where its "
        "scheme lets it withdraw).",
    )


# One named input per mutation, so each can grow on its own.


@strawberry.input(description="The organisation refusing to take part in the dispute resolution.")
class RefuseParticipationInput(ReasonsInput):
    pass


@strawberry.input(
    description="A party's objection to the appointed neutral, within the objection window."
)
class ObjectToNeutralInput(ReasonsInput):
    pass


@strawberry.input(
    description="A party rejecting a non-binding outcome within the reflection period."
)
class RejectOutcomeInput(ReasonsInput):
    pass


@strawberry.input(description="A party asking the provider to review a binding award.")
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


@strawberry.input(
    description="The provider declaring the case file complete, which starts the outcome clock "
    "(ISO 10003 7.4)."
)
class CompleteFileInput(CaseActionInput):
    pass


@strawberry.input(
    description="A party accepting the outcome, having read its acceptance notice (EU ADR Art. "
    "9(2)(b))."
)
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
    language: Locale | None = strawberry.field(
        default=None,
        description="The `language` `acceptanceNotice` was asked in; null, the case's.",
    )


@strawberry.input(description="Withdrawing an open offer one's own side made.")
class WithdrawOfferInput(OfferActionInput):
    pass


@strawberry.input(description="Rejecting an open offer from the other side.")
class RejectOfferInput(OfferActionInput):
    pass


@strawberry.input(
    description="Accepting an open offer from the other side: it becomes the settlement."
)
class AcceptOfferInput(OfferActionInput):
    pass


@strawberry.input(
    description="The complainant confirming the organisation carried the outcome out."
)
class ConfirmImplementationInput(NoteInput):
    pass

"""Inputs of the complaint mutations: only what the acting party may set."""

from __future__ import annotations

from decimal import Decimal

import strawberry

from portal.api.cases import enums as _enums  # noqa: F401  (registers the domain enums)
from portal.api.complaints import enums as _complaint_enums  # noqa: F401  (registers them)
from portal.api.idempotency import legacy_key
from portal.cases.states import Method
from portal.codes import CaseLanguage, Currency
from portal.complaints.models import Channel
from portal.complaints.states import ComplaintDecision


@strawberry.input(description="A complaint filed by the complainant themselves (ISO 10002 7.2).")
class FileComplaintInput:
    organisation_id: strawberry.ID = strawberry.field(description="Global ID.")
    subject: str = strawberry.field(description="What the complaint is about, in a line.")
    description: str = strawberry.field(description="What happened, in the complainant's words.")
    remedy_sought: str | None = strawberry.field(
        default=None, description="What the complainant wants done; none when left out."
    )
    idempotency_key: str | None = legacy_key()


@strawberry.input(
    description="A complaint staff received by phone, letter, e-mail or in person, recorded for "
    "the complainant (ISO 10002 7.2); it is referred only once the complainant "
    "confirms it."
)
class RecordComplaintInput:
    organisation_id: strawberry.ID = strawberry.field(description="Global ID.")
    complainant_email: str = strawberry.field(
        description="Someone without an account gets one, to sign in with an e-mailed code. "
        "Either way the address is mailed, and the complaint waits for its complainant's "
        "confirmation; the answer is the same whether or not the address had an account."
    )
    complainant_name: str = strawberry.field(
        description="The complainant's name, for the account made for them if they have none."
    )
    channel: Channel = strawberry.field(description="How the complaint was received.")
    subject: str = strawberry.field(description="What the complaint is about, in a line.")
    description: str = strawberry.field(description="What happened, as the complainant told it.")
    remedy_sought: str | None = strawberry.field(
        default=None, description="What the complainant wants done; none when left out."
    )
    idempotency_key: str | None = legacy_key()


@strawberry.input
class ComplaintActionInput:
    complaint_id: strawberry.ID = strawberry.field(description="Global ID.")


@strawberry.input(
    description="Acknowledging receipt of a complaint to the complainant (ISO 10002 7.4)."
)
class AcknowledgeComplaintInput(ComplaintActionInput):
    pass


@strawberry.input(description="The complainant confirming a complaint staff recorded for them.")
class ConfirmComplaintInput(ComplaintActionInput):
    pass


@strawberry.input(
    description="The organisation's initial assessment of a complaint (ISO 10002 7.5)."
)
class AssessComplaintInput(ComplaintActionInput):
    assessment: str = strawberry.field(
        description="The assessment, as the organisation records it; the complainant reads it."
    )


@strawberry.input(description="An internal note on a complaint, for the organisation's staff only.")
class AddComplaintNoteInput(ComplaintActionInput):
    note: str = strawberry.field(
        description="A note of the investigation (ISO 10002 7.6), kept as a step; whoever "
        "sees the complaint, its complainant included, reads it."
    )


@strawberry.input(
    description="The organisation's decision on a complaint, sent to the complainant (ISO 10002 "
    "7.7)."
)
class RespondToComplaintInput(ComplaintActionInput):
    response: str = strawberry.field(description="The answer, as the complainant reads it.")
    decision: ComplaintDecision = strawberry.field(
        description="The decision (ISO 10002 7.7). Unless UPHELD, the mail with the answer "
        "names the dispute-resolution providers the organisation takes part with, and links "
        "to the complaint's escalation form."
    )


@strawberry.input(description="Closing a complaint (ISO 10002 7.9).")
class CloseComplaintInput(ComplaintActionInput):
    note: str = strawberry.field(description="The closing note; required.")


@strawberry.input(
    description="Referring an unresolved complaint to a provider for external dispute "
    "resolution (ISO 10002 7.8): a dispute case begins."
)
class ReferComplaintInput(ComplaintActionInput):
    provider_id: strawberry.ID = strawberry.field(
        description="Global ID of one of the organisation's providers."
    )
    method: Method = strawberry.field(
        description="The resolution method asked for; the provider must offer it."
    )
    unresolved_reason: str = strawberry.field(
        description="Why the complaint stayed unresolved, in the complainant's words."
    )
    claimed_amount: Decimal | None = strawberry.field(
        default=None, description="The amount claimed; none when the claim is not about money."
    )
    currency: Currency | None = strawberry.field(default=None, description="EUR if left out.")
    language: CaseLanguage | None = strawberry.field(
        default=None,
        description="The language the case is to run in; English when left out. The provider "
        "must offer it.",
    )
    representative_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Global ID of a User who acts for the complainant: they see the case and "
        "act on it as the complainant's side does. Only the complainant names one, and never "
        "someone with a role in the organisation or the provider: REPRESENTATIVE_NOT_ALLOWED.",
        deprecation_reason="Names the person without their agreement; invite them instead "
        "(`inviteRepresentative` once the case exists): they become the representative when "
        "they accept.",
    )
    idempotency_key: str | None = legacy_key()

"""Inputs of the complaint mutations: only what the acting party may set."""

from __future__ import annotations

from decimal import Decimal

import strawberry

from portal.api.cases import enums as _enums  # noqa: F401  (registers the domain enums)
from portal.api.complaints import enums as _complaint_enums  # noqa: F401  (registers them)
from portal.api.idempotency import MAX_KEY_LENGTH
from portal.cases.states import Method
from portal.codes import CaseLanguage, Currency
from portal.complaints.models import Channel
from portal.complaints.states import ComplaintDecision

KEY = (
    f"Up to {MAX_KEY_LENGTH} characters of your choice (a UUID, say): a retry with the same "
    "key returns the first result instead of creating another."
)


@strawberry.input
class FileComplaintInput:
    organisation_id: strawberry.ID = strawberry.field(description="Global ID.")
    subject: str
    description: str
    remedy_sought: str | None = None
    idempotency_key: str | None = strawberry.field(default=None, description=KEY)


@strawberry.input
class RecordComplaintInput:
    organisation_id: strawberry.ID = strawberry.field(description="Global ID.")
    complainant_email: str = strawberry.field(
        description="Someone without an account gets one, to sign in with an e-mailed code. "
        "Either way the address is mailed, and the complaint waits for its complainant's "
        "confirmation; the answer is the same whether or not the address had an account."
    )
    complainant_name: str
    channel: Channel
    subject: str
    description: str
    remedy_sought: str | None = None
    idempotency_key: str | None = strawberry.field(default=None, description=KEY)


@strawberry.input
class ComplaintActionInput:
    complaint_id: strawberry.ID = strawberry.field(description="Global ID.")


@strawberry.input
class AcknowledgeComplaintInput(ComplaintActionInput):
    pass


@strawberry.input
class ConfirmComplaintInput(ComplaintActionInput):
    pass


@strawberry.input
class AssessComplaintInput(ComplaintActionInput):
    assessment: str


@strawberry.input
class AddComplaintNoteInput(ComplaintActionInput):
    note: str = strawberry.field(
        description="A note of the investigation (ISO 10002 7.6), kept as a step; whoever "
        "sees the complaint, its complainant included, reads it."
    )


@strawberry.input
class RespondToComplaintInput(ComplaintActionInput):
    response: str = strawberry.field(description="The answer, as the complainant reads it.")
    decision: ComplaintDecision = strawberry.field(
        description="The decision (ISO 10002 7.7). Unless UPHELD, the mail with the answer "
        "names the dispute-resolution providers the organisation takes part with, and links "
        "to the complaint's escalation form."
    )


@strawberry.input
class CloseComplaintInput(ComplaintActionInput):
    note: str


@strawberry.input
class ReferComplaintInput(ComplaintActionInput):
    provider_id: strawberry.ID = strawberry.field(
        description="Global ID of one of the organisation's providers."
    )
    method: Method
    unresolved_reason: str
    claimed_amount: Decimal | None = None
    currency: Currency | None = strawberry.field(default=None, description="EUR if left out.")
    language: CaseLanguage | None = None
    representative_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Global ID of a User who acts for the complainant: they see the case and "
        "act on it as the complainant's side does. Only the complainant names one, and never "
        "someone with a role in the organisation or the provider: REPRESENTATIVE_NOT_ALLOWED.",
        deprecation_reason="Names the person without their agreement; invite them instead "
        "(`inviteRepresentative` once the case exists): they become the representative when "
        "they accept.",
    )
    idempotency_key: str | None = strawberry.field(default=None, description=KEY)

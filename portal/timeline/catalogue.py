"""The event catalogue: every kind of fact a timeline records, what it means, who sees it, and
the fields of its payload; and `present`, the one conversion from a stored payload to the
published one (issue 18, item 2).

Stored payloads are hashed into the chain and never rewritten: they stay as they were written
(snake_case keys, raw UUIDs, lower-case enum values). What an integrator sees (the GraphQL
payload types, webhook bodies, the live stream, docs/events.md and the JSON Schemas under
docs/events/schemas/) is derived from the definitions below at read time, so the five cannot
drift apart: camelCase keys, global ids (portal.ids) and the schema's enum values.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum, StrEnum
from functools import cached_property, lru_cache
from typing import Any

from portal.cases.states import (
    AutomatedRule,
    Calendar,
    ClockHold,
    ClockKind,
    ClosureReason,
    DeclineGround,
    Method,
    OutcomeKind,
    Party,
    ReviewDecision,
    Side,
    Stage,
)
from portal.codes import Currency
from portal.fees.states import FeePayer, WaiverStatus
from portal.ids import global_id
from portal.sessions.states import SessionAttendee, SessionKind
from portal.timeline.chain import ERASED, is_erased
from portal.timeline.models import Visibility


class EventKind(StrEnum):
    """Every kind of fact a case's timeline records (values: the stored strings)."""

    CASE_REFERRED = "case_referred"
    CASE_ACCEPTED = "case_accepted"
    CASE_DECLINED = "case_declined"
    CONSENT_GIVEN = "consent_given"
    CONSENT_LAPSED = "consent_lapsed"
    RESPONSE_SUBMITTED = "response_submitted"
    REPLY_SUBMITTED = "reply_submitted"
    PARTICIPATION_REFUSED = "participation_refused"
    ORGANISATION_SILENT = "organisation_silent"
    NEUTRAL_APPOINTED = "neutral_appointed"
    IMPARTIALITY_DECLARED = "impartiality_declared"
    CONFLICT_DECLARED = "conflict_declared"  # never recorded: see its entry
    NEUTRAL_OBJECTED = "neutral_objected"
    OBJECTION_DECIDED = "objection_decided"
    NEUTRAL_CONFIRMED = "neutral_confirmed"
    NEUTRAL_RECUSED = "neutral_recused"
    NEUTRAL_REMOVED = "neutral_removed"
    CIRCUMSTANCE_DISCLOSED = "circumstance_disclosed"
    FILE_COMPLETED = "file_completed"
    OFFER_MADE = "offer_made"
    OFFER_WITHDRAWN = "offer_withdrawn"
    OFFER_REJECTED = "offer_rejected"
    OFFER_ACCEPTED = "offer_accepted"
    OFFER_EXPIRED = "offer_expired"  # issue 20, 3: the clock job, at the offer's expiry
    NEGOTIATION_LAPSED = "negotiation_lapsed"
    OUTCOME_ISSUED = "outcome_issued"
    OUTCOME_ACCEPTED = "outcome_accepted"
    OUTCOME_REJECTED = "outcome_rejected"
    OUTCOME_NOT_ACCEPTED = "outcome_not_accepted"
    AWARD_FINAL = "award_final"
    REVIEW_REQUESTED = "review_requested"
    REVIEW_DECIDED = "review_decided"
    IMPLEMENTATION_RECORDED = "implementation_recorded"
    IMPLEMENTATION_CONFIRMED = "implementation_confirmed"
    IMPLEMENTATION_DISPUTED = "implementation_disputed"
    CONFIRMATION_LAPSED = "confirmation_lapsed"
    IMPLEMENTATION_OVERDUE = "implementation_overdue"
    CASE_CLOSED = "case_closed"
    CASE_WITHDRAWN = "case_withdrawn"
    CLOCK_STARTED = "clock_started"
    CLOCK_EXTENDED = "clock_extended"
    CLOCK_MET = "clock_met"
    CLOCK_MISSED = "clock_missed"
    CLOCK_STOPPED = "clock_stopped"
    # Issue 20 (fees): a hold in force on the case paused a running clock, and it resumed
    # when the hold ended (portal.cases.holds).
    CLOCK_PAUSED = "clock_paused"
    CLOCK_RESUMED = "clock_resumed"
    DOCUMENT_UPLOADED = "document_uploaded"
    DOCUMENT_SUPERSEDED = "document_superseded"
    MESSAGE_POSTED = "message_posted"
    REPRESENTATIVE_INVITED = "representative_invited"
    REPRESENTATIVE_INVITATION_REVOKED = "representative_invitation_revoked"
    REPRESENTATIVE_ACCEPTED = "representative_accepted"
    REPRESENTATIVE_REMOVED = "representative_removed"
    # Issue 19, part A: the digests of every message and document version a case held when
    # the chain began to cover them (migration 0023; portal.timeline.coverage).
    RECORDS_ANCHORED = "records_anchored"
    # D (issue 19, data protection): retention or a granted erasure removed the case's
    # personal data; its payload holds the rule and the counts, never the data.
    RECORDS_REDACTED = "records_redacted"
    # Issue 20, 1: sessions and hearings, in the session's own scope (a caucus stays with its
    # side and the neutral).
    SESSION_PROPOSED = "session_proposed"
    SESSION_SCHEDULED = "session_scheduled"
    SESSION_MOVED = "session_moved"
    SESSION_CANCELLED = "session_cancelled"
    SESSION_MINUTED = "session_minuted"
    # Issue 20, deliverable 4: linked and group cases (portal.groups).
    CASE_LINKED = "case_linked"
    GROUP_CONSENT_ASKED = "group_consent_asked"
    GROUP_CONSENT_GIVEN = "group_consent_given"
    GROUP_CONSENT_REFUSED = "group_consent_refused"
    GROUP_CONSENT_WITHDRAWN = "group_consent_withdrawn"
    GROUP_FORMED = "group_formed"
    GROUP_JOINED = "group_joined"
    GROUP_DOCUMENT_SHARED = "group_document_shared"
    GROUP_OUTCOME_PROPOSED = "group_outcome_proposed"
    # Issue 20, deliverable 2 (fees and waivers; portal.fees).
    FEE_INVOICE_ISSUED = "fee_invoice_issued"
    FEE_WAIVER_REQUESTED = "fee_waiver_requested"
    FEE_WAIVER_DECIDED = "fee_waiver_decided"
    FEE_PAYMENT_RECORDED = "fee_payment_recorded"
    FEE_OVERPAYMENT_FLAGGED = "fee_overpayment_flagged"
    # Issue 20, 3: a person's review of a step the clock job took automatically.
    AUTOMATED_REVIEW_REQUESTED = "automated_review_requested"
    AUTOMATED_DECISION_UPHELD = "automated_decision_upheld"
    AUTOMATED_DECISION_REVERSED = "automated_decision_reversed"


class RedactionRule(StrEnum):
    """Why personal data was removed (the `records_redacted` event's `rule`)."""

    RETENTION = "retention"  # its scheme's retention period ran out
    ERASURE = "erasure"  # an erasure request was granted (GDPR Art. 17)


ENUM_DESCRIPTIONS: dict[type[Enum], dict[str, str]] = {
    RedactionRule: {
        "RETENTION": "The scheme's retention period ran out.",
        "ERASURE": "An erasure request was granted (GDPR Art. 17).",
    },
    SessionKind: {
        "MEDIATION_MEETING": "A meeting of the parties with the mediator or conciliator.",
        "HEARING": "A hearing before the arbitrator, ombudsman or expert.",
    },
    SessionAttendee: {
        "COMPLAINANT": "The complainant, or their representative.",
        "ORGANISATION": "The organisation.",
        "NEUTRAL": "The neutral.",
        "PROVIDER": "The provider's caseworker.",
    },
    FeePayer: {
        "COMPLAINANT": "The complainant (the consumer), or their representative for them.",
        "ORGANISATION": "The organisation (the business).",
    },
    WaiverStatus: {
        "PENDING": "Asked for; the provider has not decided.",
        "GRANTED": "Granted: the invoice is waived.",
        "REFUSED": "Refused, with reasons: the invoice stays due.",
    },
}


# --- field types: how one stored value is published ----------------------------------------


def camel(key: str) -> str:
    head, *rest = key.split("_")
    return head + "".join(part.capitalize() for part in rest)


class Invalid(ValueError):
    """A stored value that does not fit its field (a payload from an older version)."""


@dataclass(frozen=True)
class Text:
    """Free text, a digest or a code: a JSON string."""

    format: str | None = None  # JSON Schema `format`, or "sha256" for a hex digest

    def present(self, value: Any) -> Any:
        return str(value)

    def schema(self) -> dict[str, Any]:
        if self.format == "sha256":
            return {"type": "string", "pattern": "^[0-9a-f]{64}$"}
        if self.format is not None:
            return {"type": "string", "format": self.format}
        return {"type": "string"}

    def doc(self) -> str:
        return "String"


@dataclass(frozen=True)
class Int:
    def present(self, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid(value)
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "integer"}

    def doc(self) -> str:
        return "Int"


@dataclass(frozen=True)
class Bool:
    def present(self, value: Any) -> Any:
        return bool(value)

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}

    def doc(self) -> str:
        return "Boolean"


@dataclass(frozen=True)
class Instant:
    """An instant, ISO 8601 with its offset."""

    def present(self, value: Any) -> Any:
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        return moment.isoformat()

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date-time"}

    def doc(self) -> str:
        return "DateTime"


@dataclass(frozen=True)
class Day:
    def present(self, value: Any) -> Any:
        return (value if isinstance(value, date) else date.fromisoformat(str(value))).isoformat()

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date"}

    def doc(self) -> str:
        return "Date"


@dataclass(frozen=True)
class Amount:
    """An exact amount as a string (`120.00`), as the schema's `Decimal`."""

    def present(self, value: Any) -> Any:
        try:
            return str(Decimal(str(value)))
        except InvalidOperation as exc:
            raise Invalid(value) from exc

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"}

    def doc(self) -> str:
        return "Decimal"


@lru_cache(maxsize=4096)
def _global_id(type_name: str, text: str) -> str:
    """`global_id` of a stored UUID's text, remembered: every event of a case presents the
    same case id (a ValueError, for text that is no UUID, is raised each time: not cached)."""
    return global_id(type_name, uuid.UUID(text))


@dataclass(frozen=True)
class Id:
    """A stored UUID, published as the global id of `type_name` (`node(id:)` resolves it)."""

    type_name: str

    def present(self, value: Any) -> Any:
        try:
            return _global_id(self.type_name, str(value))
        except ValueError as exc:
            raise Invalid(value) from exc

    def schema(self) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": "^[A-Za-z0-9_-]+$",
            "description": f"The global id of a `{self.type_name}`.",
        }

    def doc(self) -> str:
        return f"ID ({self.type_name})"


@dataclass(frozen=True)
class Choice:
    """A stored lower-case enum value, published as the schema's enum value (its name)."""

    enum: type[Enum]

    def present(self, value: Any) -> Any:
        try:
            return self.enum(value).name
        except ValueError as exc:
            raise Invalid(value) from exc

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "enum": [m.name for m in self.enum]}

    def doc(self) -> str:
        return graphql_enum_name(self.enum)


@dataclass(frozen=True)
class ListOf:
    item: Text | Choice

    def present(self, value: Any) -> Any:
        return [self.item.present(v) for v in value or []]

    def schema(self) -> dict[str, Any]:
        return {"type": "array", "items": self.item.schema()}

    def doc(self) -> str:
        return f"[{self.item.doc()}]"


@dataclass(frozen=True)
class Record:
    """A nested object (one, or a list of them with `many`), named in GraphQL `name`."""

    name: str
    description: str
    fields: tuple[Field, ...]
    many: bool = False

    def _one(self, value: Any) -> dict[str, Any]:
        if not isinstance(value, Mapping):
            raise Invalid(value)
        return present_fields(self.fields, value)

    def present(self, value: Any) -> Any:
        if self.many:
            return [self._one(v) for v in value or []]
        return self._one(value or {})

    def schema(self) -> dict[str, Any]:
        one = object_schema(self.fields)
        return {"type": "array", "items": one} if self.many else one

    def doc(self) -> str:
        return f"[{self.name}]" if self.many else self.name


FieldType = Text | Int | Bool | Instant | Day | Amount | Id | Choice | ListOf | Record

# The schema's names of the domain enums (portal.api.cases.enums registers them so).
_GRAPHQL_NAMES: dict[type[Enum], str] = {
    Method: "ResolutionMethod",
    Calendar: "ClockCalendar",
    Party: "ResponsibleParty",
    Stage: "CaseStage",
}


def graphql_enum_name(enum: type[Enum]) -> str:
    return _GRAPHQL_NAMES.get(enum, enum.__name__)


@dataclass(frozen=True)
class Field:
    key: str  # the stored key
    type: FieldType
    description: str
    # False: absent in some payloads (written as null, which the payload leaves out).
    required: bool = True
    # False: free text, amounts or personal data, which webhooks never carry: a receiver reads
    # them through GraphQL with its own token, as the access rules allow then.
    webhook: bool = True
    default: Any = None  # published when an optional value is absent
    published: str | None = None  # the published name, when not the key in camelCase

    @cached_property
    def name(self) -> str:
        # Cached: every event read asks it of each field of its payload (issue 17's profile
        # of `CaseTimeline`: a tenth of the request went to re-camelCasing the same keys).
        return self.published or camel(self.key)

    @property
    def optional(self) -> bool:
        """Whether the published value may be null."""
        return not self.required and self.default is None


def present_fields(fields: Sequence[Field], stored: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields:
        value = stored.get(f.key)
        if value is None:
            if f.required:
                raise Invalid(f"{f.key} is missing")
            out[f.name] = f.default
        else:
            out[f.name] = f.type.present(value)
    return out


def _json_type(f: Field) -> dict[str, Any]:
    schema = {**f.type.schema(), "description": f.description}
    if f.optional:
        return {"anyOf": [schema, {"type": "null"}], "description": f.description}
    return schema


def object_schema(fields: Sequence[Field]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {f.name: _json_type(f) for f in fields},
        "required": [f.name for f in fields],
        "additionalProperties": False,
    }


# --- the catalogue --------------------------------------------------------------------------

# Who reads an event, by the scope it is recorded in (policy.readable_scopes decides).
SCOPE_READERS = {
    Visibility.ALL_PARTIES: "everyone on the case: the complainant's side, the organisation "
    "(and its integration clients and webhooks), the provider and the neutral",
    Visibility.CAUCUS_COMPLAINANT: "the complainant's side and the neutral (a caucus): never "
    "the organisation, its clients or its webhooks",
    Visibility.CAUCUS_ORGANISATION: "the organisation's side (and its clients and webhooks) "
    "and the neutral (a caucus)",
    Visibility.NEUTRAL_ONLY: "the neutral only",
    Visibility.ORGANISATION_INTERNAL: "the organisation's staff, its clients and webhooks only",
    Visibility.PROVIDER_INTERNAL: "the provider's staff only",
}

CASE_ID = Field("case_id", Id("DisputeCase"), "The case the event is on.")
REASONS = Field("reasons", Text(), "The reasons given, as written.", webhook=False)
SIDE = Field("side", Choice(Side), "The side that took the step.")
NEUTRAL = Field(
    "neutral_id",
    Id("User"),
    "The neutral (their user account, read by whoever reads the case as the parties see them).",
)
OUTCOME = Field("outcome_id", Id("Outcome"), "The outcome.")
OFFER = Field("offer_id", Id("Offer"), "The offer.")
CURRENCY = Field("currency", Choice(Currency), "ISO 4217 code of `amount`.")
# Published as `closureReason`: a field of one name has one type in every payload type (GraphQL
# refuses a query selecting `reason` of two types from the union), and `reason` is free text.
CLOSURE = Field("reason", Choice(ClosureReason), "Why the case closed.", published="closureReason")
ESCALATED = Field(
    "escalated", Bool(), "Always true: the implementation went to the provider to decide."
)
CLOCK = Field("clock", Choice(ClockKind), "The clock.")
DUE = Field("due_at", Instant(), "When the clock runs (or ran) out.")
RESPONSIBLE = Field("responsible", Choice(Party), "Who must act before the clock runs out.")
CLOCK_END = (CLOCK, DUE, RESPONSIBLE)
HOLD = Field("hold", Choice(ClockHold), "The hold that pauses the clock.")
INVITATION = Field(
    "invitation_id", Id("RepresentativeInvitation"), "The invitation to represent the complainant."
)
REPRESENTATIVE = Field(
    "representative_id",
    Id("User"),
    "The representative (their account, read by whoever reads the case as the parties see them).",
)
INVOICE = Field("invoice_id", Id("FeeInvoice"), "The fee invoice.")
WAIVER = Field("waiver_id", Id("FeeWaiver"), "The fee waiver request.")
PAYER = Field("payer", Choice(FeePayer), "Who the invoice is charged to.")
DOCUMENT = (
    Field("document_id", Id("Document"), "This version of the document."),
    Field("lineage_id", Id("Document"), "The first version: every version shares it."),
    Field("version", Int(), "1 for the first version, counting up."),
    Field("filename", Text(), "The file's name as uploaded.", webhook=False),
    Field("sha256", Text("sha256"), "SHA-256 of the content, hex: the chain covers it."),
    Field("size", Int(), "Bytes."),
    Field("content_type", Text(), "The media type the upload was checked to be."),
)

GROUP = Field("group_id", Id("CaseGroup"), "The group.")
GROUP_REFERENCE = Field("group_reference", Text(), "The group's reference (`GRP-2026-000001`).")
LEAD_CASE = Field("lead_case_id", Id("DisputeCase"), "The group's lead case.")
MEMBER_COUNT = Field("member_count", Int(), "How many cases are members of the group now.")


AUTOMATED_DECISION = Field(
    "automated_decision_id", Id("AutomatedDecision"), "The automated decision reviewed."
)
AUTOMATED_RULE_OF_DECISION = Field(
    "automated_rule", Choice(AutomatedRule), "The rule that took the automated step."
)
# On the events of the clock job's steps: null on those recorded before issue 20.
AUTOMATED_RULE = Field(
    "automated_rule",
    Choice(AutomatedRule),
    "The rule of the transition table that took this step automatically, without a person "
    "(null on events recorded before automated steps were marked).",
    required=False,
)


@dataclass(frozen=True)
class Entry:
    kind: EventKind
    meaning: str
    fields: tuple[Field, ...]
    example: dict[str, Any]  # a stored payload, as the code writes it
    # The scope it is recorded in; None: the scope the message or document was posted in.
    scope: Visibility | None = Visibility.ALL_PARTIES
    deprecation: str | None = None  # set for a kind the code no longer records

    @cached_property
    def all_fields(self) -> tuple[Field, ...]:
        # Cached: every event presented asks it (an entry's fields never change).
        return (CASE_ID, *self.fields)

    @property
    def type_name(self) -> str:
        return "".join(p.capitalize() for p in self.kind.value.split("_")) + "EventPayload"

    @property
    def seen_by(self) -> str:
        if self.scope is None:
            return "those who may read the scope the record was posted in (its `visibility`)"
        return SCOPE_READERS[self.scope]


_U = "1b6f0e0c-4d4e-4a8c-9c56-2f1d3b0a7e11"  # example UUIDs (fixed: docs/events.md is checked)
_V = "5d0b7b56-0a39-4b73-b1c8-4c3e6f9a2d20"
_W = "9e2c1f4a-7b6d-4e3a-8f10-6a5b4c3d2e1f"
_DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
_DUE = "2026-12-21T17:00:00+00:00"


def _e(
    kind: EventKind,
    meaning: str,
    fields: tuple[Field, ...] = (),
    example: dict[str, Any] | None = None,
    **kw: Any,
) -> Entry:
    return Entry(kind, meaning, fields, example or {}, **kw)


K = EventKind
ENTRIES: tuple[Entry, ...] = (
    _e(
        K.CASE_REFERRED,
        "An unresolved complaint became a dispute case, referred to the provider; its "
        "acceptance clock starts.",
        (
            Field("complaint", Text(), "The complaint's reference (for people)."),
            Field("method", Choice(Method), "The resolution method asked for."),
            Field(
                "claimed_amount",
                Amount(),
                "What the complainant claims, when they named an amount.",
                required=False,
                webhook=False,
            ),
            CURRENCY,
            Field(
                "unresolved_reason",
                Text(),
                "Why the complaint stayed unresolved, as written.",
                webhook=False,
            ),
        ),
        {
            "complaint": "CP-2026-000042",
            "method": "mediation",
            "claimed_amount": "120.00",
            "currency": "EUR",
            "unresolved_reason": "The refund never came.",
        },
    ),
    _e(
        K.CASE_ACCEPTED,
        "The provider accepted the dispute (ISO 10003 7.3); the consent clock starts.",
        (
            Field("is_complex", Bool(), "Accepted as a complex case (longer clocks)."),
            Field("note", Text(), "The provider's note.", required=False, webhook=False),
        ),
        {"is_complex": False},
    ),
    _e(
        K.CASE_DECLINED,
        "The provider declined the dispute on a ground of EU ADR Art. 5(4); the case ends.",
        (Field("ground", Choice(DeclineGround), "The ground."), REASONS),
        {"ground": "frivolous_or_vexatious", "reasons": "Already decided in court."},
    ),
    _e(
        K.CONSENT_GIVEN,
        "The complainant consented to the method, with the text the screen showed.",
        (
            Field("method", Choice(Method), "The method consented to."),
            Field("legal_effect", Text(), "The consent text as shown.", webhook=False),
            Field(
                "language",
                Text(),
                "The language it was shown in (null on consents given before it was kept).",
                required=False,
            ),
            Field("right_to_withdraw", Bool(), "The right to withdraw was acknowledged."),
            Field("bound", Bool(), "Consented to be bound (binding methods only)."),
        ),
        {
            "method": "mediation",
            "legal_effect": "The outcome does not bind you unless you accept it.",
            "language": "en",
            "right_to_withdraw": True,
            "bound": False,
        },
    ),
    _e(
        K.CONSENT_LAPSED,
        "The consent clock ran out without consent; the case closes.",
        (CLOSURE,),
        {"reason": "consent_not_given"},
    ),
    _e(
        K.RESPONSE_SUBMITTED,
        "The organisation submitted its response; file review begins.",
        (Field("position", Text(), "The organisation's position.", webhook=False),),
        {"position": "We refunded on 2 December."},
    ),
    _e(
        K.REPLY_SUBMITTED,
        "The complainant replied to the organisation's response.",
        (Field("reply", Text(), "The complainant's reply.", webhook=False),),
        {"reply": "No refund has arrived."},
    ),
    _e(
        K.PARTICIPATION_REFUSED,
        "The organisation refused to take part; the case closes.",
        (REASONS,),
        {"reasons": "Outside our terms."},
    ),
    _e(
        K.ORGANISATION_SILENT,
        "The organisation did not respond before its clock ran out: recorded as a refusal.",
        (Field("recorded_as", Text(), "Always `refusal`."),),
        {"recorded_as": "refusal"},
    ),
    _e(
        K.NEUTRAL_APPOINTED,
        "The provider appointed a neutral, with their standing disclosures as they stood then.",
        (
            NEUTRAL,
            Field(
                "standing_disclosures",
                Text(),
                "The neutral's standing disclosures then.",
                required=False,
                webhook=False,
            ),
            Field(
                "competences",
                ListOf(Text()),
                "Their competences then.",
                required=False,
                default=[],
            ),
            Field("mandate_ends_on", Day(), "When their mandate ends.", required=False),
        ),
        {
            "neutral_id": _U,
            "standing_disclosures": "",
            "competences": ["consumer"],
            "mandate_ends_on": "2027-12-31",
        },
    ),
    _e(
        K.IMPARTIALITY_DECLARED,
        "The neutral declared themselves impartial (the objection window opens), or declared "
        "a conflict (`conflict`: the appointment ends).",
        (
            Field("impartial", Bool(), "Whether they declared themselves impartial."),
            Field("disclosures", Text(), "What they disclosed.", required=False, webhook=False),
            Field(
                "conflict",
                Bool(),
                "True when they declared a conflict (the appointment ended).",
                required=False,
                default=False,
            ),
        ),
        {"impartial": True},
    ),
    _e(
        K.CONFLICT_DECLARED,
        "Never recorded: a declared conflict is `impartiality_declared` with `conflict`.",
        (),
        {},
        deprecation="Never recorded: a conflict is IMPARTIALITY_DECLARED with `conflict: true`.",
    ),
    _e(
        K.NEUTRAL_OBJECTED,
        "A party objected to the neutral.",
        (SIDE, REASONS),
        {"side": "organisation", "reasons": "They advised the complainant before."},
    ),
    _e(
        K.OBJECTION_DECIDED,
        "The provider decided an objection (upheld: the neutral is removed).",
        (Field("upheld", Bool(), "Whether the objection was upheld."), REASONS),
        {"upheld": False, "reasons": "No link found."},
    ),
    _e(
        K.NEUTRAL_CONFIRMED,
        "The objection window ended: the neutral is confirmed.",
        (NEUTRAL,),
        {"neutral_id": _U},
    ),
    _e(
        K.NEUTRAL_RECUSED,
        "The neutral stepped down.",
        (NEUTRAL, REASONS),
        {"neutral_id": _U, "reasons": "A conflict came to light."},
    ),
    _e(
        K.NEUTRAL_REMOVED,
        "The provider removed the neutral.",
        (NEUTRAL, REASONS),
        {"neutral_id": _U, "reasons": "Unavailable."},
    ),
    _e(
        K.CIRCUMSTANCE_DISCLOSED,
        "The neutral disclosed a new circumstance; the parties may object again.",
        (NEUTRAL, Field("disclosures", Text(), "What they disclosed.", webhook=False)),
        {"neutral_id": _U, "disclosures": "I met the organisation's counsel last week."},
    ),
    _e(K.FILE_COMPLETED, "The provider completed the file; resolution begins."),
    _e(
        K.OFFER_MADE,
        "A side made an offer (or a counter-offer, `replyingTo`).",
        (
            OFFER,
            SIDE,
            Field("amount", Amount(), "The amount offered.", webhook=False),
            CURRENCY,
            Field("terms", Text(), "The terms, as written.", webhook=False),
            Field("expires_at", Instant(), "When it lapses, if it does.", required=False),
            Field("replying_to", Id("Offer"), "The offer it counters.", required=False),
        ),
        {
            "offer_id": _V,
            "side": "organisation",
            "amount": "80.00",
            "currency": "EUR",
            "terms": "A refund of 80 EUR within 14 days.",
        },
    ),
    _e(K.OFFER_WITHDRAWN, "Its maker withdrew an open offer.", (OFFER,), {"offer_id": _V}),
    _e(K.OFFER_REJECTED, "The other side rejected an offer.", (OFFER,), {"offer_id": _V}),
    _e(
        K.OFFER_EXPIRED,
        "An offer reached the expiry its maker set without an answer: the clock job recorded "
        "it expired, and it can no longer be accepted.",
        (
            OFFER,
            SIDE,
            Field("expires_at", Instant(), "The expiry it reached."),
        ),
        {"offer_id": _V, "side": "organisation", "expires_at": _DUE},
    ),
    _e(
        K.OFFER_ACCEPTED,
        "The other side accepted an offer: a settlement; implementation begins.",
        (OFFER, Field("amount", Amount(), "The amount agreed.", webhook=False), CURRENCY),
        {"offer_id": _V, "amount": "80.00", "currency": "EUR"},
    ),
    _e(
        K.NEGOTIATION_LAPSED,
        "The time to negotiate ran out without a settlement; the case closes.",
        (CLOSURE,),
        {"reason": "not_settled"},
    ),
    _e(
        K.OUTCOME_ISSUED,
        "The neutral issued an outcome.",
        (
            OUTCOME,
            Field("kind", Choice(OutcomeKind), "What kind of outcome."),
            Field("binding", Bool(), "Whether it binds."),
            Field("summary", Text(), "Its summary.", webhook=False),
            REASONS,
            Field("amount", Amount(), "The amount awarded.", required=False, webhook=False),
            CURRENCY,
        ),
        {
            "outcome_id": _W,
            "kind": "recommendation",
            "binding": False,
            "summary": "Refund 100 EUR.",
            "reasons": "The goods were faulty.",
            "amount": "100.00",
            "currency": "EUR",
        },
    ),
    _e(
        K.OUTCOME_ACCEPTED,
        "A side accepted the outcome, with the notice shown before (EU ADR Art. 9(2)(b)).",
        (
            SIDE,
            OUTCOME,
            Field(
                "notice",
                Text(),
                "The notice as shown (null on acceptances from before it was kept).",
                required=False,
                webhook=False,
            ),
            Field(
                "notice_language",
                Text(),
                "The language it was shown in (null as `notice`).",
                required=False,
            ),
        ),
        {
            "side": "complainant",
            "outcome_id": _W,
            "notice": "Nobody must accept; the courts stay open.",
            "notice_language": "en",
        },
    ),
    _e(
        K.OUTCOME_REJECTED,
        "A side rejected the outcome; the case closes.",
        (SIDE, REASONS),
        {"side": "organisation", "reasons": "Too high."},
    ),
    _e(
        K.OUTCOME_NOT_ACCEPTED,
        "The reflection period ended without both sides accepting; the case closes.",
        (
            CLOSURE,
            OUTCOME,
            Field("accepted_by", ListOf(Choice(Side)), "The sides that had accepted."),
        ),
        {"reason": "outcome_not_accepted", "outcome_id": _W, "accepted_by": ["complainant"]},
    ),
    _e(
        K.AWARD_FINAL,
        "A binding award became final; implementation begins.",
        (OUTCOME,),
        {"outcome_id": _W},
    ),
    _e(
        K.REVIEW_REQUESTED,
        "A side asked the provider to review the outcome.",
        (SIDE, REASONS),
        {"side": "organisation", "reasons": "A calculation error."},
    ),
    _e(
        K.REVIEW_DECIDED,
        "The provider decided the review: upheld, or varied (a new outcome replaces it).",
        (
            Field("decision", Choice(ReviewDecision), "The decision."),
            REASONS,
            Field("outcome_id", Id("Outcome"), "The new outcome when varied.", required=False),
            Field("summary", Text(), "The new summary.", required=False, webhook=False),
            Field("amount", Amount(), "The new amount.", required=False, webhook=False),
        ),
        {"decision": "upheld", "reasons": "No error found."},
    ),
    _e(
        K.IMPLEMENTATION_RECORDED,
        "The organisation recorded that it implemented the outcome.",
        (Field("evidence", Text(), "What it did, as written.", webhook=False),),
        {"evidence": "Refunded on 3 January."},
    ),
    _e(
        K.IMPLEMENTATION_CONFIRMED,
        "The complainant confirmed the implementation; the case closes as resolved.",
    ),
    _e(
        K.IMPLEMENTATION_DISPUTED,
        "The complainant reported the outcome not implemented: the provider decides.",
        (ESCALATED, REASONS),
        {"escalated": True, "reasons": "Nothing arrived."},
    ),
    _e(
        K.CONFIRMATION_LAPSED,
        "The complainant neither confirmed nor disputed in time: the provider decides.",
        (ESCALATED,),
        {"escalated": True},
    ),
    _e(
        K.IMPLEMENTATION_OVERDUE,
        "The organisation did not record the implementation in time: the provider decides.",
        (ESCALATED,),
        {"escalated": True},
    ),
    _e(
        K.CASE_CLOSED,
        "The case closed, with the reason (recorded after any step that ends a case by "
        "closing it).",
        (
            Field(
                "reason",
                Choice(ClosureReason),
                "Why it closed.",
                required=False,
                published="closureReason",
            ),
            Field("note", Text(), "The closing note.", required=False, webhook=False),
        ),
        {"reason": "resolved", "note": "Refund confirmed."},
    ),
    _e(
        K.CASE_WITHDRAWN,
        "A side withdrew the case; it ends.",
        (SIDE, Field("reason", Text(), "Why, as written.", required=False, webhook=False)),
        {"side": "complainant"},
    ),
    _e(
        K.CLOCK_STARTED,
        "A clock started: someone must act (a duty) or may act (a window) by `dueAt`.",
        (
            CLOCK,
            RESPONSIBLE,
            DUE,
            Field("days", Int(), "Its length in days."),
            Field("calendar", Choice(Calendar), "How it counts days."),
        ),
        {
            "clock": "acceptance",
            "responsible": "provider",
            "due_at": _DUE,
            "days": 10,
            "calendar": "working_days",
        },
    ),
    _e(
        K.CLOCK_EXTENDED,
        "A running clock was extended.",
        (
            CLOCK,
            Field("days", Int(), "Days added."),
            Field("reason", Text(), "Why, as written.", webhook=False),
            Field("previous_due_at", Instant(), "When it was to run out before."),
            DUE,
        ),
        {
            "clock": "response",
            "days": 5,
            "reason": "Documents requested.",
            "previous_due_at": "2026-12-14T17:00:00+00:00",
            "due_at": _DUE,
        },
    ),
    _e(
        K.CLOCK_MET,
        "The responsible party acted in time.",
        CLOCK_END,
        {"clock": "acceptance", "due_at": _DUE, "responsible": "provider"},
    ),
    _e(
        K.CLOCK_MISSED,
        "A clock ran out, or its party acted late.",
        CLOCK_END,
        {"clock": "response", "due_at": _DUE, "responsible": "organisation"},
    ),
    _e(
        K.CLOCK_STOPPED,
        "A clock stopped as nobody's delay (the case ended, or its party left).",
        CLOCK_END,
        {"clock": "outcome", "due_at": _DUE, "responsible": "neutral"},
    ),
    _e(
        K.CLOCK_PAUSED,
        "A hold on the case paused a running clock: the time it is held does not count "
        "toward its due date, and it cannot run out until it resumes.",
        (*CLOCK_END, HOLD),
        {"clock": "consent", "due_at": _DUE, "responsible": "complainant", "hold": "fees"},
    ),
    _e(
        K.CLOCK_RESUMED,
        "The hold ended (for fees: paid or waived) and the paused clock runs again, with the "
        "time it had left: its due date moved by the time held.",
        (
            CLOCK,
            RESPONSIBLE,
            HOLD,
            Field("paused_at", Instant(), "When it was paused."),
            Field("previous_due_at", Instant(), "When it was to run out when it was paused."),
            DUE,
        ),
        {
            "clock": "consent",
            "responsible": "complainant",
            "hold": "fees",
            "paused_at": "2026-12-02T10:00:00+00:00",
            "previous_due_at": "2026-12-14T17:00:00+00:00",
            "due_at": _DUE,
        },
    ),
    _e(
        K.DOCUMENT_UPLOADED,
        "A document was uploaded (its first version).",
        DOCUMENT,
        {
            "document_id": _V,
            "lineage_id": _V,
            "version": 1,
            "filename": "receipt.pdf",
            "sha256": _DIGEST,
            "size": 48213,
            "content_type": "application/pdf",
        },
        scope=None,
    ),
    _e(
        K.DOCUMENT_SUPERSEDED,
        "A new version of a document was uploaded.",
        (*DOCUMENT, Field("supersedes_id", Id("Document"), "The version it replaces.")),
        {
            "document_id": _W,
            "lineage_id": _V,
            "version": 2,
            "filename": "receipt.pdf",
            "sha256": _DIGEST,
            "size": 50011,
            "content_type": "application/pdf",
            "supersedes_id": _V,
        },
        scope=None,
    ),
    _e(
        K.MESSAGE_POSTED,
        "A message was posted; the chain covers its text's digest.",
        (
            Field("message_id", Id("Message"), "The message."),
            Field("reply_to_id", Id("Message"), "The message it answers.", required=False),
            Field(
                "text_digest",
                Text("sha256"),
                "SHA-256 of its text, hex; null on messages posted before the chain covered "
                "texts (issue 19: `RECORDS_ANCHORED` holds theirs).",
                required=False,
            ),
        ),
        {"message_id": _V, "text_digest": _DIGEST},
        scope=None,
    ),
    _e(
        K.REPRESENTATIVE_INVITED,
        "The complainant invited someone to represent them.",
        (INVITATION, Field("expires_at", Instant(), "When the invitation lapses.")),
        {"invitation_id": _V, "expires_at": _DUE},
        scope=Visibility.CAUCUS_COMPLAINANT,
    ),
    _e(
        K.REPRESENTATIVE_INVITATION_REVOKED,
        "The complainant revoked an invitation.",
        (INVITATION,),
        {"invitation_id": _V},
        scope=Visibility.CAUCUS_COMPLAINANT,
    ),
    _e(
        K.REPRESENTATIVE_ACCEPTED,
        "An invited representative accepted and joined the case.",
        (INVITATION, REPRESENTATIVE),
        {"invitation_id": _V, "representative_id": _U},
    ),
    _e(
        K.REPRESENTATIVE_REMOVED,
        "The complainant removed a representative.",
        (REPRESENTATIVE,),
        {"representative_id": _U},
    ),
    _e(
        K.RECORDS_ANCHORED,
        "The digests of every message and document version the case held when the chain "
        "began to cover them (issue 19).",
        (
            Field(
                "messages",
                Record(
                    "AnchoredMessage",
                    "A message the chain covers from here on.",
                    (
                        Field("message_id", Id("Message"), "The message."),
                        Field("text_digest", Text("sha256"), "SHA-256 of its text, hex."),
                    ),
                    many=True,
                ),
                "The messages, oldest first.",
            ),
            Field(
                "documents",
                Record(
                    "AnchoredDocument",
                    "A document version the chain covers from here on.",
                    (
                        Field("document_id", Id("Document"), "The version."),
                        Field("lineage_id", Id("Document"), "Its first version."),
                        Field("version", Int(), "Its version number."),
                        Field("sha256", Text("sha256"), "SHA-256 of its content, hex."),
                    ),
                    many=True,
                ),
                "The document versions, oldest first.",
            ),
        ),
        {
            "messages": [{"message_id": _V, "text_digest": _DIGEST}],
            "documents": [{"document_id": _W, "lineage_id": _W, "version": 1, "sha256": _DIGEST}],
        },
        scope=None,
    ),
    _e(
        K.RECORDS_REDACTED,
        "Retention or a granted erasure removed the case's personal data; the chain still "
        "verifies. The counts say what was removed, never what it held.",
        (
            Field("rule", Choice(RedactionRule), "Why."),
            Field(
                "counts",
                Record(
                    "RedactionCounts",
                    "How many records of each kind were emptied.",
                    tuple(
                        Field(k, Int(), f"{label} emptied.", required=False, default=0)
                        for k, label in (
                            ("events", "Event payloads"),
                            ("messages", "Messages"),
                            ("documents", "Document versions"),
                            ("complaint_steps", "Complaint steps"),
                            ("mails", "Mails"),
                            ("survey_comments", "Survey comments"),
                        )
                    ),
                ),
                "What was removed.",
            ),
            Field(
                "erasure_request",
                Id("ErasureRequest"),
                "The granted erasure request, with `ERASURE`.",
                required=False,
            ),
        ),
        {"rule": "retention", "counts": {"events": 3, "messages": 2, "mails": 4}},
    ),
    _e(
        K.CASE_LINKED,
        "The provider linked this case to another of the same organisation with the same "
        "cause; the link is recorded on both cases.",
        (
            Field("other_case_id", Id("DisputeCase"), "The case it was linked to."),
            Field("other_reference", Text(), "That case's reference."),
            Field("reason", Text(), "Why the cases are related, as written.", webhook=False),
        ),
        {"other_case_id": _V, "other_reference": "DR-2026-000124", "reason": "Same outage."},
        scope=Visibility.PROVIDER_INTERNAL,
    ),
    _e(
        K.GROUP_CONSENT_ASKED,
        "The provider asked the complainant whether this case may be run in a group with "
        "related cases (EU ADR Directive as amended: only with their consent).",
        (GROUP, GROUP_REFERENCE, Field("lead", Bool(), "Whether this case leads the group.")),
        {"group_id": _W, "group_reference": "GRP-2026-000001", "lead": True},
    ),
    _e(
        K.GROUP_CONSENT_GIVEN,
        "The complainant consented to this case being run in the group.",
        (GROUP, GROUP_REFERENCE),
        {"group_id": _W, "group_reference": "GRP-2026-000001"},
    ),
    _e(
        K.GROUP_CONSENT_REFUSED,
        "The complainant refused to have this case run in the group: it runs alone.",
        (GROUP, GROUP_REFERENCE),
        {"group_id": _W, "group_reference": "GRP-2026-000001"},
    ),
    _e(
        K.GROUP_CONSENT_WITHDRAWN,
        "The complainant withdrew their consent before the group's outcome: the case left "
        "the group and runs alone.",
        (GROUP, GROUP_REFERENCE),
        {"group_id": _W, "group_reference": "GRP-2026-000001"},
    ),
    _e(
        K.GROUP_FORMED,
        "The provider formed the group: this case is a member, with the other consenting "
        "complainants' cases.",
        (GROUP, GROUP_REFERENCE, LEAD_CASE, MEMBER_COUNT),
        {
            "group_id": _W,
            "group_reference": "GRP-2026-000001",
            "lead_case_id": _V,
            "member_count": 3,
        },
    ),
    _e(
        K.GROUP_JOINED,
        "The complainant consented after the group was formed: this case joined it.",
        (GROUP, GROUP_REFERENCE, MEMBER_COUNT),
        {"group_id": _W, "group_reference": "GRP-2026-000001", "member_count": 4},
    ),
    _e(
        K.GROUP_DOCUMENT_SHARED,
        "The provider shared a document of a member case with the group: it is in this "
        "case's file too, in the scope it was posted in.",
        (GROUP, GROUP_REFERENCE, *DOCUMENT),
        {
            "group_id": _W,
            "group_reference": "GRP-2026-000001",
            "document_id": _V,
            "lineage_id": _V,
            "version": 1,
            "filename": "terms.pdf",
            "sha256": _DIGEST,
            "size": 52011,
            "content_type": "application/pdf",
        },
        scope=None,
    ),
    _e(
        K.GROUP_OUTCOME_PROPOSED,
        "The group's one outcome was proposed to this case through its own outcome step "
        "(`outcome_issued`, recorded just before); each complainant accepts or rejects it "
        "on their own case.",
        (GROUP, GROUP_REFERENCE, OUTCOME, MEMBER_COUNT),
        {
            "group_id": _W,
            "group_reference": "GRP-2026-000001",
            "outcome_id": _U,
            "member_count": 3,
        },
    ),
    _e(
        K.FEE_INVOICE_ISSUED,
        "A fee invoice was issued to a party, from the scheme's fee schedule, when the case "
        "was referred; while it is due the case waits at the stage the schedule names.",
        (
            INVOICE,
            Field("number", Text(), "The invoice number (without gaps in its issuer's series)."),
            PAYER,
            Field("amount", Amount(), "The amount invoiced.", webhook=False),
            CURRENCY,
        ),
        {
            "invoice_id": _V,
            "number": "FEE-2026-000001",
            "payer": "complainant",
            "amount": "25.00",
            "currency": "EUR",
        },
        scope=Visibility.PROVIDER_INTERNAL,  # policy.FEE_EVENT_SCOPE
    ),
    _e(
        K.FEE_WAIVER_REQUESTED,
        "A party asked the provider to waive its fee; its reasons and evidence are on the "
        "waiver, for the provider and that party.",
        (INVOICE, WAIVER, PAYER),
        {"invoice_id": _V, "waiver_id": _W, "payer": "complainant"},
        scope=Visibility.PROVIDER_INTERNAL,  # policy.FEE_EVENT_SCOPE
    ),
    _e(
        K.FEE_WAIVER_DECIDED,
        "The provider decided a fee waiver, with reasons on the waiver.",
        (
            INVOICE,
            WAIVER,
            PAYER,
            Field(
                "decision", Choice(WaiverStatus), "GRANTED or REFUSED.", published="waiverDecision"
            ),
        ),
        {"invoice_id": _V, "waiver_id": _W, "payer": "complainant", "decision": "granted"},
        scope=Visibility.PROVIDER_INTERNAL,  # policy.FEE_EVENT_SCOPE
    ),
    _e(
        K.FEE_PAYMENT_RECORDED,
        "A fee invoice was paid: recorded by the provider's staff, or reported by a card "
        "processor's verified callback (applied once).",
        (
            INVOICE,
            Field("payment_id", Id("FeePayment"), "The payment."),
            PAYER,
            Field("amount", Amount(), "The amount paid.", webhook=False),
            CURRENCY,
            Field(
                "adapter", Text(), "The payment adapter: `staff`, `simulator` or a plug-in's name."
            ),
        ),
        {
            "invoice_id": _V,
            "payment_id": _W,
            "payer": "organisation",
            "amount": "250.00",
            "currency": "EUR",
            "adapter": "staff",
        },
        scope=Visibility.PROVIDER_INTERNAL,  # policy.FEE_EVENT_SCOPE
    ),
    _e(
        K.FEE_OVERPAYMENT_FLAGGED,
        "A card payment took money nothing was owed for: the invoice was paid or waived "
        "already, or the payment was more than it asked. Flagged for the provider to refund; "
        "it settles nothing a second time.",
        (
            INVOICE,
            Field("payment_id", Id("FeePayment"), "The payment."),
            PAYER,
            Field("amount", Amount(), "The amount nothing was owed for.", webhook=False),
            CURRENCY,
        ),
        {
            "invoice_id": _V,
            "payment_id": _W,
            "payer": "complainant",
            "amount": "25.00",
            "currency": "EUR",
        },
        scope=Visibility.PROVIDER_INTERNAL,  # policy.FEE_EVENT_SCOPE
    ),
    _e(
        K.AUTOMATED_REVIEW_REQUESTED,
        "A side asked a person to review a step the clock job took automatically (issue 20).",
        (AUTOMATED_DECISION, AUTOMATED_RULE_OF_DECISION, SIDE, REASONS),
        {
            "automated_decision_id": _V,
            "automated_rule": "organisation_silent",
            "side": "complainant",
            "reasons": "The company answered by post before the deadline.",
        },
    ),
    _e(
        K.AUTOMATED_DECISION_UPHELD,
        "A provider caseworker reviewed an automated step on a party's request and kept it, "
        "with reasons.",
        (AUTOMATED_DECISION, AUTOMATED_RULE_OF_DECISION, REASONS),
        {
            "automated_decision_id": _V,
            "automated_rule": "organisation_silent",
            "reasons": "No response arrived by any channel before the deadline.",
        },
    ),
    _e(
        K.AUTOMATED_DECISION_REVERSED,
        "A provider caseworker reviewed an automated step on a party's request and reversed "
        "it, with reasons, through the transition table: the case is back at the stage it was "
        "in before the step, and the clocks the step stopped run again.",
        (
            AUTOMATED_DECISION,
            AUTOMATED_RULE_OF_DECISION,
            Field("restored_stage", Choice(Stage), "The stage the case is back at."),
            REASONS,
        ),
        {
            "automated_decision_id": _V,
            "automated_rule": "organisation_silent",
            "restored_stage": "awaiting_response",
            "reasons": "The response was received in time by post.",
        },
    ),
)

# Issue 20, 3: the events the clock job's rows record, and the rule of each (the row's
# action); their payload names the rule (`automatedRule`), so the chain itself records that
# the step was automated.
AUTOMATED_EVENTS: dict[EventKind, AutomatedRule] = {
    K.CONSENT_LAPSED: AutomatedRule.CONSENT_LAPSED,
    K.ORGANISATION_SILENT: AutomatedRule.ORGANISATION_SILENT,
    K.NEUTRAL_CONFIRMED: AutomatedRule.CONFIRM_NEUTRAL,
    K.NEGOTIATION_LAPSED: AutomatedRule.NEGOTIATION_LAPSED,
    K.AWARD_FINAL: AutomatedRule.AWARD_FINAL,
    K.OUTCOME_NOT_ACCEPTED: AutomatedRule.OUTCOME_NOT_ACCEPTED,
    K.CONFIRMATION_LAPSED: AutomatedRule.CONFIRMATION_LAPSED,
    K.IMPLEMENTATION_OVERDUE: AutomatedRule.IMPLEMENTATION_LAPSED,
    K.OFFER_EXPIRED: AutomatedRule.OFFER_EXPIRED,
}
ENTRIES = tuple(
    replace(
        entry,
        fields=(*entry.fields, AUTOMATED_RULE),
        example={**entry.example, "automated_rule": AUTOMATED_EVENTS[entry.kind].value},
    )
    if entry.kind in AUTOMATED_EVENTS
    else entry
    for entry in ENTRIES
)

SESSION = Field("session_id", Id("CaseSession"), "The session or hearing.")
STARTS = Field("starts_at", Instant(), "When it starts.")
MINUTES = Field("duration_minutes", Int(), "How long it lasts, in minutes.")
SEQUENCE = Field(
    "sequence", Int(), "Its RFC 5545 SEQUENCE now: calendars replace the copy with a lower one."
)
_SLOT = "2026-12-21T09:00:00+01:00"
# A group's session (issue 20, 4) is recorded on every member case, naming the group.
IN_GROUP = (
    Field("group_id", Id("CaseGroup"), "The group, for a group's session.", required=False),
    Field(
        "group_reference",
        Text(),
        "The group's reference, for a group's session.",
        required=False,
    ),
)
SESSION_ENTRIES: tuple[Entry, ...] = (
    _e(
        K.SESSION_PROPOSED,
        "The neutral or the provider proposed a session or hearing with slots; each side asked "
        "picks one or declines with reasons.",
        (
            SESSION,
            Field("session_kind", Choice(SessionKind), "A mediation meeting or a hearing."),
            Field("slots", ListOf(Text("date-time")), "The slots offered, in order (from 1)."),
            MINUTES,
            Field("agenda", Text(), "The agenda, as written.", webhook=False),
            Field("place", Text(), "Where it is held.", required=False, webhook=False),
            Field("link", Text(), "The video or phone link.", required=False, webhook=False),
            *IN_GROUP,
        ),
        {
            "session_id": _V,
            "session_kind": "mediation_meeting",
            "slots": [_SLOT, "2026-12-22T14:00:00+01:00"],
            "duration_minutes": 60,
            "agenda": "The refund and its timing.",
            "link": "https://meet.example.org/parley-42",
        },
        scope=None,
    ),
    _e(
        K.SESSION_SCHEDULED,
        "A session was scheduled: every side asked picked the same slot, or the neutral or "
        "the provider confirmed one. Those taking part get an invitation (.ics).",
        (
            SESSION,
            Field("slot_number", Int(), "The slot chosen (from 1)."),
            STARTS,
            MINUTES,
            Field("confirmed", Bool(), "Confirmed by the neutral or provider, not by the picks."),
            *IN_GROUP,
        ),
        {
            "session_id": _V,
            "slot_number": 1,
            "starts_at": _SLOT,
            "duration_minutes": 60,
            "confirmed": False,
        },
        scope=None,
    ),
    _e(
        K.SESSION_MOVED,
        "A scheduled session moved to another time; the invitation is sent again.",
        (
            SESSION,
            Field("previous_starts_at", Instant(), "When it was to start before."),
            STARTS,
            MINUTES,
            SEQUENCE,
            Field("reason", Text(), "Why, as written.", required=False, webhook=False),
            *IN_GROUP,
        ),
        {
            "session_id": _V,
            "previous_starts_at": _SLOT,
            "starts_at": "2026-12-23T09:00:00+01:00",
            "duration_minutes": 60,
            "sequence": 1,
        },
        scope=None,
    ),
    _e(
        K.SESSION_CANCELLED,
        "A proposed or scheduled session was cancelled, with reasons.",
        (SESSION, Field("reason", Text(), "Why, as written.", webhook=False), SEQUENCE, *IN_GROUP),
        {"session_id": _V, "reason": "The parties settled.", "sequence": 1},
        scope=None,
    ),
    _e(
        K.SESSION_MINUTED,
        "After the session: who attended, and a short minute.",
        (
            SESSION,
            Field("attended", ListOf(Choice(SessionAttendee)), "Who attended."),
            Field("minute", Text(), "The minute, as written.", webhook=False),
            *IN_GROUP,
        ),
        {
            "session_id": _V,
            "attended": ["complainant", "organisation", "neutral"],
            "minute": "Both sides set out their positions; a proposal follows.",
        },
        scope=None,
    ),
)
# In EventKind's order (the documentation's and the schema's), whichever list holds them.
_ORDER = {kind: i for i, kind in enumerate(EventKind)}
ENTRIES = tuple(sorted(ENTRIES + SESSION_ENTRIES, key=lambda entry: _ORDER[entry.kind]))

CATALOGUE: dict[EventKind, Entry] = {entry.kind: entry for entry in ENTRIES}

# The published names that are null in some payload type: GraphQL makes them nullable in all
# (one name, one type across the union), while each kind's JSON Schema still requires a value
# where its kind always has one.
NULLABLE = frozenset(f.name for entry in ENTRIES for f in entry.all_fields if f.optional)

# The published shape of a payload erased under GDPR Art. 17 or retention.
ERASED_TYPE = "ErasedEventPayload"
ERASED_FIELDS = (
    CASE_ID,
    Field(
        ERASED,
        Instant(),
        "When its personal data was erased; the chain keeps its digest.",
        published="erasedAt",
    ),
)


def present(kind: str, payload: Mapping[str, Any], *, case_id: uuid.UUID) -> dict[str, Any]:
    """The published payload of one stored event: camelCase keys, global ids, the schema's enum
    values, every field of its kind (absent optional ones as null or their default).

    An erased payload is presented as `ErasedEventPayload`'s fields. Raises Invalid for a
    payload its kind's definition does not describe (a test keeps the code to the catalogue).
    """
    stored = {**payload, "case_id": str(case_id)}
    if is_erased(dict(payload)):
        return present_fields(ERASED_FIELDS, stored)
    return present_fields(CATALOGUE[EventKind(kind)].all_fields, stored)


def for_webhook(kind: str, presented: Mapping[str, Any]) -> dict[str, Any]:
    """What a webhook carries of a presented payload: its fields less free text and amounts."""
    entry = CATALOGUE[EventKind(kind)]
    return {f.name: presented[f.name] for f in entry.all_fields if f.webhook}


def payload_schema(entry: Entry, *, webhook: bool = False) -> dict[str, Any]:
    fields = [f for f in entry.all_fields if f.webhook or not webhook]
    return object_schema(fields)


def erased_schema() -> dict[str, Any]:
    return object_schema(ERASED_FIELDS)

"""Commitments as GraphQL serves them; every type mapped from a finished service result."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

import strawberry

from portal.api.cases import enums as _enums  # noqa: F401  (registers the domain enums)
from portal.api.context import Info
from portal.api.enums import described_enum
from portal.api.node import Node, node_resolver, to_global_id
from portal.auth import policy
from portal.cases.states import Calendar
from portal.commitments import measures
from portal.commitments.models import Commitment as CommitmentRow
from portal.commitments.models import CommitmentKind, Remedy

described_enum(
    CommitmentKind,
    description="What an organisation's commitment promises (ISO 10001 code of conduct).",
    values={
        CommitmentKind.ACKNOWLEDGE_COMPLAINT: "To acknowledge a complaint within a number of "
        "days of receiving it (ISO 10002 7.4).",
        CommitmentKind.RESPOND_COMPLAINT: "To answer a complaint within a number of days of "
        "receiving it (ISO 10002 7.7).",
        CommitmentKind.RESPOND_DISPUTE: "To state its position on a dispute within a number of "
        "days of being asked (ISO 10003 7.4).",
        CommitmentKind.REMEDIES: "To offer the listed remedies (`Remedy` values).",
        CommitmentKind.LANGUAGES: "To serve complainants in the listed languages (BCP 47 tags).",
        CommitmentKind.ACCESSIBILITY: "Arrangements for people with disabilities or other needs, "
        "in its own words.",
    },
)
strawberry.enum(Remedy, description="A remedy an organisation may commit to offer.")
described_enum(
    measures.Basis,
    name="CommitmentBasis",
    description="The records a commitment is measured against.",
    values={
        measures.Basis.COMPLAINT_ACKNOWLEDGEMENTS: "Complaints received in the period, and "
        "whether each was acknowledged in time.",
        measures.Basis.COMPLAINT_RESPONSES: "Complaints received in the period, and whether each "
        "was answered in time.",
        measures.Basis.DISPUTE_RESPONSES: "Dispute cases whose position was asked in the period, "
        "and whether it was stated in time.",
        measures.Basis.REMEDIES_DELIVERED: "Remedies recorded on complaints in the period.",
        measures.Basis.LANGUAGES_USED: "Complaints received in the period, by the language of "
        "the complainant's account.",
        measures.Basis.NOT_MEASURABLE: "No record can show it (accessibility arrangements).",
    },
)


@strawberry.type(
    description="One commitment of an organisation's code of conduct (ISO 10001), with its "
    "public wording in English and Simplified Chinese."
)
class Commitment(Node):
    kind: CommitmentKind = strawberry.field(description="What the organisation commits to.")
    days: int | None = strawberry.field(
        description="For ACKNOWLEDGE_COMPLAINT, RESPOND_COMPLAINT and RESPOND_DISPUTE: within "
        "how many days; null for the others."
    )
    calendar: Calendar | None = strawberry.field(
        description="How those days are counted (working days skip weekends and the "
        "organisation's country's public holidays); null when there are no days."
    )
    items: list[str] = strawberry.field(
        description="For REMEDIES, `Remedy` values in lower case (`refund`); for LANGUAGES, "
        "BCP 47 tags (`en`, `zh-Hans`); empty for the others."
    )
    wording_en: str = strawberry.field(description="The public wording in English.")
    wording_zh_hans: str = strawberry.field(description="The public wording in Simplified Chinese.")
    updated_at: datetime = strawberry.field(description="When it was last set.")

    @strawberry.field(
        description="The public wording in `language` (`en` or `zh-Hans`); English for any other."
    )
    def wording(
        self,
        language: Annotated[
            str, strawberry.argument(description="A BCP 47 tag: `en` or `zh-Hans`.")
        ] = "en",
    ) -> str:
        return self.wording_zh_hans if language == "zh-Hans" else self.wording_en

    @classmethod
    def of(cls, row: CommitmentRow) -> Commitment:
        return cls(
            id=to_global_id("Commitment", row.id),
            kind=row.kind,
            days=row.days,
            calendar=row.calendar,
            items=list(row.items),
            wording_en=row.wording_en,
            wording_zh_hans=row.wording_zh_hans,
            updated_at=row.updated_at,
        )


@strawberry.type(
    description="How one commitment fared in the review's period (ISO 10001 clause 8). A "
    "commitment the records cannot show (`measurable` false) carries no figures: `evidence` "
    "is 0 and `shareMet` null, and `note` says why."
)
class CommitmentMeasure:
    commitment: Commitment = strawberry.field(description="The commitment measured.")
    measurable: bool = strawberry.field(
        description="Whether the records can show this commitment met or missed."
    )
    basis: measures.Basis = strawberry.field(description="What it was measured against.")
    note: str = strawberry.field(
        description="In plain English: which records count, and what they cannot show."
    )
    evidence: int = strawberry.field(
        description="Records that show the commitment met or missed (met + missed)."
    )
    met: int = strawberry.field(description="Records that show it kept.")
    missed: int = strawberry.field(description="Records that show it broken.")
    share_met: float | None = strawberry.field(
        description="The share kept: `met` / evidence, to four places; null when there is no "
        "evidence."
    )
    pending: int = strawberry.field(
        description="Records still within the commitment's time when the review was made."
    )
    median_days: int | None = strawberry.field(
        description="Median days taken (nearest rank), in the commitment's calendar (calendar "
        "days for remedies); null without acts or for LANGUAGES."
    )
    missed_references: list[str] = strawberry.field(
        description=f"The references of the complaints or cases that missed it, sorted; the "
        f"first {measures.MAX_LISTED_MISSES}."
    )

    @classmethod
    def of(cls, m: measures.CommitmentMeasure) -> CommitmentMeasure:
        return cls(
            commitment=Commitment.of(m.commitment),
            measurable=m.measurable,
            basis=m.basis,
            note=m.note,
            evidence=m.evidence,
            met=m.met,
            missed=m.missed,
            share_met=m.share_met,
            pending=m.pending,
            median_days=m.median_days,
            missed_references=list(m.missed_references),
        )


@node_resolver("Commitment")
async def _commitment_node(info: Info, pk: uuid.UUID) -> Commitment | None:
    """A commitment's published wording: for everyone, signed in or not."""
    if not policy.may_read_commitments(info.context.actor):
        return None
    row = await CommitmentRow.get_or_none(id=pk)
    return Commitment.of(row) if row else None

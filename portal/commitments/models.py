"""ISO 10001 (customer satisfaction: codes of conduct): what an organisation promises its
customers about complaints and disputes, in words it publishes, with the numbers the management
review measures it by (portal.commitments.measures)."""

from __future__ import annotations

import uuid
from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from portal.accounts.models import Organisation
from portal.cases.states import Calendar


class CommitmentKind(StrEnum):
    """What a commitment promises. The first three are times, in days of a calendar; the next
    two are lists; accessibility is words alone."""

    ACKNOWLEDGE_COMPLAINT = "acknowledge_complaint"  # ISO 10002 7.4, within N days of receipt
    RESPOND_COMPLAINT = "respond_complaint"  # ISO 10002 7.7, within N days of receipt
    RESPOND_DISPUTE = "respond_dispute"  # ISO 10003: the position, N days after it is asked
    REMEDIES = "remedies"  # the remedies the organisation offers
    LANGUAGES = "languages"  # the languages it serves complainants in (BCP 47 tags)
    ACCESSIBILITY = "accessibility"  # arrangements for people with disabilities or other needs


TIMED = frozenset(
    {
        CommitmentKind.ACKNOWLEDGE_COMPLAINT,
        CommitmentKind.RESPOND_COMPLAINT,
        CommitmentKind.RESPOND_DISPUTE,
    }
)
LISTED = frozenset({CommitmentKind.REMEDIES, CommitmentKind.LANGUAGES})


class Remedy(StrEnum):
    """The remedies an organisation may commit to offer (ISO 10002 7.7, ISO 10003 7.5)."""

    APOLOGY = "apology"
    EXPLANATION = "explanation"
    CORRECTION = "correction"  # putting right: repair, correcting a bill or a record
    REPLACEMENT = "replacement"
    REFUND = "refund"
    COMPENSATION = "compensation"


class Commitment(Model):
    """One commitment of an organisation's code of conduct, one row per kind, with its
    public wording in English and Simplified Chinese. Changed by its managers, every change in the
    admin audit log (portal.admin.audit)."""

    id = fields.UUIDField(primary_key=True)
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "portal.Organisation", related_name="commitments", on_delete=fields.CASCADE
    )
    organisation_id: uuid.UUID
    kind = fields.CharEnumField(CommitmentKind, max_length=24)
    # For a timed kind: the number of days and how they are counted; empty for the others.
    days = fields.IntField(null=True)
    calendar = fields.CharEnumField(Calendar, max_length=16, null=True)
    # For remedies, `Remedy` values; for languages, BCP 47 tags; empty for the others.
    items: list[str] = fields.JSONField(default=list)
    wording_en = fields.TextField()
    wording_zh_hans = fields.TextField()
    created_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "commitment"
        unique_together = (("organisation_id", "kind"),)

    def snapshot(self) -> dict[str, object]:
        """As the audit log keeps it."""
        return {
            "kind": self.kind.value,
            "days": self.days,
            "calendar": self.calendar.value if self.calendar else None,
            "items": list(self.items),
            "wording_en": self.wording_en,
            "wording_zh_hans": self.wording_zh_hans,
        }

    def wording(self, language: str) -> str:
        return self.wording_zh_hans if language == "zh-Hans" else self.wording_en

"""Erasure requests and subject-access exports as GraphQL serves them (issue 19, D)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry

from portal.accounts.models import User
from portal.api.casefiles.types import DownloadLink, download_link
from portal.api.context import Info
from portal.api.enums import described_enum
from portal.api.node import Node, to_global_id
from portal.casefiles.links import LinkKind
from portal.privacy import models
from portal.privacy.models import ErasureStatus, HoldKind

ErasureRequestStatus = described_enum(
    ErasureStatus,
    name="ErasureRequestStatus",
    description="Where an erasure request (GDPR Art. 17) stands.",
    values={
        ErasureStatus.PENDING: "No legal hold stops it: waiting for an admin's decision.",
        ErasureStatus.HELD: "A legal hold stops it; its `holds` say which, why and until when.",
        ErasureStatus.GRANTED: "Decided: the personal data was erased and the account anonymised.",
        ErasureStatus.REFUSED: "Decided: not erased, with the admin's reasons.",
    },
)
LegalHoldKind = described_enum(
    HoldKind,
    name="LegalHoldKind",
    description="What keeps personal data from being erased (GDPR Art. 17(3)(b), (e)).",
    values={
        HoldKind.OPEN_CASE: "A case or complaint of the person is still being handled.",
        HoldKind.RETENTION_PERIOD: "A closed case is kept for its scheme's retention period.",
    },
)


@strawberry.type(description="One reason the person's data cannot be erased yet.")
class LegalHold:
    kind: HoldKind = strawberry.field(description="Which hold.")
    reference: str = strawberry.field(description="The case or complaint it concerns.")
    reason: str = strawberry.field(description="Why, in words (English).")
    until: datetime | None = strawberry.field(
        description="When the hold ends; empty: when the case or complaint closes."
    )

    @classmethod
    def of(cls, hold: dict[str, Any]) -> LegalHold:
        until = hold.get("until")
        return cls(
            kind=HoldKind(hold["kind"]),
            reference=str(hold["reference"]),
            reason=str(hold["reason"]),
            until=datetime.fromisoformat(until) if until else None,
        )


@strawberry.type(description="A request to erase a person's personal data (GDPR Art. 17).")
class ErasureRequest(Node):
    status: ErasureStatus = strawberry.field(description="Where it stands.")
    on_paper: bool = strawberry.field(
        description="Recorded by an admin from a request made outside Parley."
    )
    reasons: str = strawberry.field(description="What the person said, if anything.")
    holds: list[LegalHold] = strawberry.field(
        description="The legal holds found when it was made, or last decided."
    )
    created_at: datetime = strawberry.field(description="When it was made.")
    decided_at: datetime | None = strawberry.field(description="When an admin decided it.")
    decision_reasons: str = strawberry.field(description="The admin's reasons.")
    person_name: str = strawberry.field(description="The person's name (empty once erased).")
    person_email: str = strawberry.field(
        description="The person's e-mail address (an erased placeholder once erased)."
    )

    @classmethod
    def of(cls, row: models.ErasureRequest, person: User) -> ErasureRequest:
        return cls(
            id=to_global_id("ErasureRequest", row.id),
            status=row.status,
            on_paper=row.on_paper,
            reasons=row.reasons,
            holds=[LegalHold.of(h) for h in row.holds],
            created_at=row.created_at,
            decided_at=row.decided_at,
            decision_reasons=row.decision_reasons,
            person_name=person.display_name,
            person_email=person.email,
        )


@strawberry.type(description="A subject-access export (GDPR Art. 15): a zip of JSON files.")
class DataExport(Node):
    created_at: datetime = strawberry.field(description="When it was made.")
    expires_at: datetime = strawberry.field(description="Downloadable until then.")
    size: int = strawberry.field(description="Bytes.")
    sha256: str = strawberry.field(description="Hex SHA-256 of the zip file.")
    on_paper: bool = strawberry.field(description="Made by an admin for a request on paper.")
    row: strawberry.Private[models.DataExport]

    @classmethod
    def of(cls, row: models.DataExport) -> DataExport:
        return cls(
            id=to_global_id("DataExport", row.id),
            created_at=row.created_at,
            expires_at=row.expires_at,
            size=row.size,
            sha256=row.sha256,
            on_paper=row.on_paper,
            row=row,
        )

    @strawberry.field(description="A short-lived link to download the zip file.")
    def download(self, info: Info) -> DownloadLink:
        return download_link(info, LinkKind.DATA_EXPORT, self.row.id)

"""Per-request DataLoaders: one SQL statement per relation per request, whatever the page size."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from portal.accounts.models import Membership, Organisation, Provider, ServiceAccount, User
from portal.api.cases import loaders as case_loaders
from portal.api.cases.loaders import CaseAccess, TimelinePage
from portal.api.complaints.loaders import cases_by_complaint
from portal.cases.models import (
    CaseParticipant,
    Clock,
    Consent,
    DisputeCase,
    NeutralAppointment,
    Objection,
    Offer,
    Outcome,
)
from portal.complaints.models import Complaint

M = TypeVar("M", bound=Model)


def by_id(model: type[M]) -> Callable[[list[uuid.UUID]], Awaitable[Sequence[M | None]]]:
    async def load(ids: list[uuid.UUID]) -> Sequence[M | None]:
        rows = {row.pk: row for row in await model.filter(id__in=ids)}
        return [rows.get(i) for i in ids]

    return load


async def _memberships_by_user(user_ids: list[uuid.UUID]) -> list[list[Membership]]:
    grouped: dict[uuid.UUID, list[Membership]] = defaultdict(list)
    for row in await Membership.filter(user_id__in=user_ids).order_by("created_at"):
        grouped[row.user_id].append(row)
    return [grouped[i] for i in user_ids]


@dataclass
class Loaders:
    user: DataLoader[uuid.UUID, User | None] = field(
        default_factory=lambda: DataLoader(by_id(User))
    )
    organisation: DataLoader[uuid.UUID, Organisation | None] = field(
        default_factory=lambda: DataLoader(by_id(Organisation))
    )
    provider: DataLoader[uuid.UUID, Provider | None] = field(
        default_factory=lambda: DataLoader(by_id(Provider))
    )
    service_account: DataLoader[uuid.UUID, ServiceAccount | None] = field(
        default_factory=lambda: DataLoader(by_id(ServiceAccount))
    )
    memberships_by_user: DataLoader[uuid.UUID, list[Membership]] = field(
        default_factory=lambda: DataLoader(_memberships_by_user)
    )

    complaint: DataLoader[uuid.UUID, Complaint | None] = field(
        default_factory=lambda: DataLoader(by_id(Complaint))
    )
    case: DataLoader[uuid.UUID, DisputeCase | None] = field(
        default_factory=lambda: DataLoader(by_id(DisputeCase))
    )
    case_by_reference: DataLoader[str, DisputeCase | None] = field(
        default_factory=lambda: DataLoader(case_loaders.cases_by_reference)
    )
    case_by_complaint: DataLoader[uuid.UUID, DisputeCase | None] = field(
        default_factory=lambda: DataLoader(cases_by_complaint)
    )
    offer: DataLoader[uuid.UUID, Offer | None] = field(
        default_factory=lambda: DataLoader(by_id(Offer))
    )
    participants_by_case: DataLoader[uuid.UUID, list[CaseParticipant]] = field(
        default_factory=lambda: DataLoader(case_loaders.participants_by_case)
    )
    appointments_by_case: DataLoader[uuid.UUID, list[NeutralAppointment]] = field(
        default_factory=lambda: DataLoader(case_loaders.appointments_by_case)
    )
    objections_by_appointment: DataLoader[uuid.UUID, list[Objection]] = field(
        default_factory=lambda: DataLoader(case_loaders.objections_by_appointment)
    )
    clocks_by_case: DataLoader[uuid.UUID, list[Clock]] = field(
        default_factory=lambda: DataLoader(case_loaders.clocks_by_case)
    )
    offers_by_case: DataLoader[uuid.UUID, list[Offer]] = field(
        default_factory=lambda: DataLoader(case_loaders.offers_by_case)
    )
    outcomes_by_case: DataLoader[uuid.UUID, list[Outcome]] = field(
        default_factory=lambda: DataLoader(case_loaders.outcomes_by_case)
    )
    consents_by_case: DataLoader[uuid.UUID, list[Consent]] = field(
        default_factory=lambda: DataLoader(case_loaders.consents_by_case)
    )
    timeline_page: DataLoader[TimelinePage, list[dict[str, Any]]] = field(
        default_factory=lambda: DataLoader(case_loaders.timeline_pages)
    )
    # What the actor is on each case, worked out once per case per request (the roles come
    # from rows the loaders above fetched; see portal.api.cases.access).
    case_access: dict[uuid.UUID, CaseAccess] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        return getattr(self, name)

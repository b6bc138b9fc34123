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

    def __getitem__(self, name: str) -> Any:
        return getattr(self, name)

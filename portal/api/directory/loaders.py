"""Loaders of the directory: one statement per relation per request."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence

from portal.cases.models import Scheme
from portal.directory.models import NeutralProfile, ProviderProfile


async def profiles_by_provider(ids: list[uuid.UUID]) -> Sequence[ProviderProfile | None]:
    rows = {row.provider_id: row for row in await ProviderProfile.filter(provider_id__in=ids)}
    return [rows.get(i) for i in ids]


async def schemes_by_provider(ids: list[uuid.UUID]) -> list[list[Scheme]]:
    grouped: dict[uuid.UUID, list[Scheme]] = defaultdict(list)
    for row in await Scheme.filter(provider_id__in=ids).order_by("name", "id"):
        grouped[row.provider_id].append(row)
    return [grouped[i] for i in ids]


async def neutral_profiles(
    keys: list[tuple[uuid.UUID, uuid.UUID]],
) -> Sequence[NeutralProfile | None]:
    """By (provider, user)."""
    providers = {p for p, _ in keys}
    users = {u for _, u in keys}
    rows = {
        (row.provider_id, row.user_id): row
        for row in await NeutralProfile.filter(provider_id__in=providers, user_id__in=users)
    }
    return [rows.get(k) for k in keys]

"""Who is acting: a signed-in person or an integration client, with the roles they hold."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum

from portal.accounts.models import Role


class ActorKind(StrEnum):
    USER = "user"
    SERVICE_ACCOUNT = "service_account"


@dataclass(frozen=True)
class Grant:
    role: Role
    organisation_id: uuid.UUID | None = None
    provider_id: uuid.UUID | None = None


@dataclass(frozen=True)
class Actor:
    kind: ActorKind
    id: uuid.UUID
    grants: tuple[Grant, ...]
    session_id: uuid.UUID | None = None

    @property
    def is_admin(self) -> bool:
        return any(g.role is Role.ADMIN for g in self.grants)

    @property
    def organisation_ids(self) -> frozenset[uuid.UUID]:
        return frozenset(g.organisation_id for g in self.grants if g.organisation_id)

    @property
    def provider_ids(self) -> frozenset[uuid.UUID]:
        return frozenset(g.provider_id for g in self.grants if g.provider_id)

    def has_role(
        self,
        role: Role,
        *,
        organisation_id: uuid.UUID | None = None,
        provider_id: uuid.UUID | None = None,
    ) -> bool:
        return any(
            g.role is role
            and (organisation_id is None or g.organisation_id == organisation_id)
            and (provider_id is None or g.provider_id == provider_id)
            for g in self.grants
        )

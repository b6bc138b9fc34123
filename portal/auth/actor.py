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
class CaseFacts:
    """What a person's rows say about their part in cases, read with their session when the
    request was authenticated (one statement: issue 17, 4), for `policy.visible_cases_filter`
    to choose the conditions of a case list by: whether they take part in any case
    (complainant or representative), and whether they hold any neutral appointment that was
    not removed. The definitions of both are the policy's (`policy.participations_of`,
    `policy.appointments_of`); a change during the request shows from the next one, as a
    changed role does."""

    takes_part: bool
    appointed: bool


@dataclass(frozen=True)
class Actor:
    kind: ActorKind
    id: uuid.UUID
    grants: tuple[Grant, ...]
    session_id: uuid.UUID | None = None
    # None: not read with the session (an actor made elsewhere); the policy reads them itself.
    case_facts: CaseFacts | None = None
    # An integration client's token's OAuth scopes (`policy.Scope` values, issue 18, 4);
    # None for a person, whose roles alone decide. `policy.has_scope` reads it.
    scopes: frozenset[str] | None = None

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

"""The one place that answers "may this actor see or do this to this object".

Resolvers and services both ask here, so a new entry point cannot skip the check. Each
function decides from rows already loaded: no I/O per field (ARCHITECTURE.md, performance).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from portal.accounts.models import ORGANISATION_ROLES, PROVIDER_ROLES, Membership, Role
from portal.auth.actor import Actor, ActorKind

STAFF_ROLES = ORGANISATION_ROLES | PROVIDER_ROLES


def _staff_scopes(actor: Actor) -> set[uuid.UUID]:
    return {
        scope
        for g in actor.grants
        if g.role in STAFF_ROLES
        for scope in (g.organisation_id, g.provider_id)
        if scope
    }


def may_view_user(actor: Actor, user_id: uuid.UUID, memberships: Iterable[Membership]) -> bool:
    """Yourself; an admin; or staff of an organisation or provider the user also works for."""
    if actor.is_admin or (actor.kind is ActorKind.USER and actor.id == user_id):
        return True
    scopes = _staff_scopes(actor)
    return any(m.organisation_id in scopes or m.provider_id in scopes for m in memberships)


def may_view_membership(actor: Actor, user_id: uuid.UUID, membership: Membership) -> bool:
    """Yourself and an admin see every role of a person; staff who may see that person see
    only the roles held where the staff member works, never the rest of their career."""
    if actor.is_admin or (actor.kind is ActorKind.USER and actor.id == user_id):
        return True
    return (
        membership.organisation_id is not None
        and membership.organisation_id in actor.organisation_ids
    ) or (membership.provider_id is not None and membership.provider_id in actor.provider_ids)


def may_view_organisation(actor: Actor, organisation_id: uuid.UUID) -> bool:
    return actor.is_admin or organisation_id in actor.organisation_ids


def may_view_provider(actor: Actor, provider_id: uuid.UUID) -> bool:
    """Providers publish who they are (EU ADR Art. 7): any signed-in actor may see one."""
    return True


def may_view_service_account(
    actor: Actor,
    account_id: uuid.UUID,
    organisation_id: uuid.UUID | None,
    provider_id: uuid.UUID | None,
) -> bool:
    if actor.is_admin:
        return True
    if actor.kind is ActorKind.SERVICE_ACCOUNT:
        return actor.id == account_id
    managers = {g.organisation_id for g in actor.grants if g.role is Role.ORG_MANAGER}
    caseworkers = {g.provider_id for g in actor.grants if g.role is Role.PROVIDER_CASEWORKER}
    return (organisation_id is not None and organisation_id in managers) or (
        provider_id is not None and provider_id in caseworkers
    )

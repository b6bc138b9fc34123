"""Integration clients managed by their organisation's or provider's managers (issue 14 D4).

The same functions as the CLI (`portal createclient | rotateclient | disableclient`), behind
portal.auth.policy: a client the actor may not manage is reported exactly like a missing one.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from portal.accounts.errors import AccountError, AccountErrorCode
from portal.accounts.models import Organisation, Provider, Role, ServiceAccount
from portal.accounts.services import (
    NewServiceAccount,
    create_service_account,
    disable_service_account,
    rotate_service_account_secret,
)
from portal.auth import policy
from portal.auth.actor import Actor
from portal.auth.policy import Scope
from portal.settings import Settings


def _not_found(field: str = "id") -> AccountError:
    return AccountError(AccountErrorCode.NOT_FOUND, "Not found.", field=field)


async def create_client(
    actor: Actor,
    settings: Settings,
    name: str,
    role: Role,
    *,
    organisation_id: uuid.UUID | None = None,
    provider_id: uuid.UUID | None = None,
    scopes: Iterable[Scope] | None = None,
) -> NewServiceAccount:
    """A client of the organisation or the provider (exactly one); its secret is in the
    answer and nowhere else."""
    if not policy.may_manage_integration_clients(actor, organisation_id, provider_id):
        raise _not_found("owner_id")
    organisation = await Organisation.get_or_none(id=organisation_id) if organisation_id else None
    provider = await Provider.get_or_none(id=provider_id) if provider_id else None
    if organisation is None and provider is None:
        raise _not_found("owner_id")
    return await create_service_account(
        name,
        role,
        settings.secret_key,
        organisation=organisation,
        provider=provider,
        scopes=scopes,
    )


async def managed_client(actor: Actor, client_id: uuid.UUID) -> ServiceAccount:
    found = await ServiceAccount.get_or_none(id=client_id)
    if found is None or not policy.may_manage_integration_clients(
        actor, found.organisation_id, found.provider_id
    ):
        raise _not_found()
    return found


async def clients_of(
    actor: Actor, *, organisation_id: uuid.UUID | None, provider_id: uuid.UUID | None
) -> list[ServiceAccount]:
    """The owner's clients, active and disabled, oldest first; empty for anyone else."""
    if not policy.may_manage_integration_clients(actor, organisation_id, provider_id):
        return []
    query = (
        ServiceAccount.filter(organisation_id=organisation_id)
        if organisation_id
        else ServiceAccount.filter(provider_id=provider_id)
    )
    return list(await query.order_by("created_at", "id"))


async def rotate_client_secret(
    actor: Actor, settings: Settings, client_id: uuid.UUID
) -> NewServiceAccount:
    account = await managed_client(actor, client_id)
    return await rotate_service_account_secret(
        account, settings.secret_key, settings.client_secret_overlap
    )


async def disable_client(actor: Actor, client_id: uuid.UUID) -> ServiceAccount:
    return await disable_service_account(await managed_client(actor, client_id))

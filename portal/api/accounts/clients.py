"""Integration clients over GraphQL: their organisation's or provider's managers create, list,
rotate and disable them (portal.accounts.clients, the CLI's functions behind the policy)."""

from __future__ import annotations

import uuid
from typing import Annotated

import strawberry

from portal.accounts import clients
from portal.accounts.errors import AccountError, AccountErrorCode
from portal.accounts.services import NewServiceAccount
from portal.api.accounts.types import OAuthScope, Role, ServiceAccount
from portal.api.context import Info
from portal.api.errors import UserError, user_error
from portal.api.inputs import mutations
from portal.auth.policy import Scope
from portal.ids import parse_global_id

SECRET = (
    "The client secret, shown this once: only a keyed hash of it is kept. Store it now; "
    "a lost secret is replaced by `rotateIntegrationClientSecret`."
)


def _owner(owner_id: str) -> tuple[uuid.UUID | None, uuid.UUID | None] | None:
    """An Organisation's or a Provider's global ID, as (organisation, provider)."""
    parsed = parse_global_id(owner_id)
    if parsed is None:
        return None
    kind, pk = parsed
    if kind == "Organisation":
        return pk, None
    if kind == "Provider":
        return None, pk
    return None


def _client_pk(global_id: str) -> uuid.UUID:
    parsed = parse_global_id(global_id)
    if parsed is None or parsed[0] != "ServiceAccount":
        raise AccountError(AccountErrorCode.NOT_FOUND, "Not found.", field="id")
    return parsed[1]


@strawberry.input(description="A new integration client (service account) and what it may do.")
class CreateIntegrationClientInput:
    owner_id: strawberry.ID = strawberry.field(
        description="The Organisation or Provider the client acts for."
    )
    name: str = strawberry.field(description="What it is, for the people who manage it.")
    role: Role = strawberry.field(  # type: ignore[valid-type]
        description="`ORG_AGENT` or `ORG_MANAGER` for an organisation's client, "
        "`PROVIDER_CASEWORKER` for a provider's."
    )
    scopes: list[OAuthScope] | None = strawberry.field(
        default=None,
        description="The OAuth scopes its tokens may be granted (at least one); all of them "
        "(`READ`, `WRITE`, `WEBHOOKS`) when left out.",
    )


@strawberry.input(description="The client whose secret is replaced.")
class RotateIntegrationClientSecretInput:
    id: strawberry.ID = strawberry.field(description="A `ServiceAccount`'s ID.")


@strawberry.input(description="The client to disable.")
class DisableIntegrationClientInput:
    id: strawberry.ID = strawberry.field(description="A `ServiceAccount`'s ID.")


@strawberry.type(description="The integration client after the change, or why it was refused.")
class IntegrationClientPayload:
    client: ServiceAccount | None = strawberry.field(
        default=None, description="The client as it stands now; null when refused."
    )
    client_secret: str | None = strawberry.field(default=None, description=SECRET)
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


def _errors(exc: AccountError) -> list[UserError]:
    return [user_error(exc.code.value, exc.message, exc.field, limit=exc.limit, actual=exc.actual)]


def _created(new: NewServiceAccount) -> IntegrationClientPayload:
    return IntegrationClientPayload(
        client=ServiceAccount.from_row(new.account), client_secret=new.client_secret
    )


@strawberry.type
class IntegrationClientQueries:
    @strawberry.field(
        description="The integration clients of an organisation or a provider, active and "
        "disabled, oldest first: for its managers and admins (empty for anyone else, and for "
        "an ID that names neither)."
    )
    async def integration_clients(
        self,
        info: Info,
        owner_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="The Organisation's or Provider's global ID."),
        ],
    ) -> list[ServiceAccount]:
        actor = info.context.require_actor()
        owner = _owner(owner_id)
        if owner is None:
            return []
        rows = await clients.clients_of(actor, organisation_id=owner[0], provider_id=owner[1])
        return [ServiceAccount.from_row(r) for r in rows]


@mutations
@strawberry.type
class IntegrationClientMutations:
    @strawberry.mutation(
        description="Create an integration client (OAuth 2.0 client credentials) for an "
        "organisation (its managers) or a provider (its caseworkers). The secret is in this "
        "answer only."
    )
    async def create_integration_client(
        self, info: Info, input: CreateIntegrationClientInput
    ) -> IntegrationClientPayload:
        actor = info.context.require_actor()
        try:
            owner = _owner(input.owner_id)
            if owner is None:
                raise AccountError(AccountErrorCode.NOT_FOUND, "Not found.", "owner_id")
            new = await clients.create_client(
                actor,
                info.context.settings,
                input.name,
                input.role,
                organisation_id=owner[0],
                provider_id=owner[1],
                scopes=None if input.scopes is None else [Scope[s.name] for s in input.scopes],
            )
        except AccountError as exc:
            return IntegrationClientPayload(user_errors=_errors(exc))
        return _created(new)

    @strawberry.mutation(
        description="Give a client a new secret (in this answer only). The old one still "
        "obtains tokens until `previousSecretExpiresAt` (`PORTAL_CLIENT_SECRET_OVERLAP`, "
        "24 hours by default), then only the new one."
    )
    async def rotate_integration_client_secret(
        self, info: Info, input: RotateIntegrationClientSecretInput
    ) -> IntegrationClientPayload:
        actor = info.context.require_actor()
        try:
            new = await clients.rotate_client_secret(
                actor, info.context.settings, _client_pk(input.id)
            )
        except AccountError as exc:
            return IntegrationClientPayload(user_errors=_errors(exc))
        return _created(new)

    @strawberry.mutation(
        description="Disable a client for good: its secrets and the tokens it holds are "
        "refused from the next request on. Disabling a disabled client changes nothing."
    )
    async def disable_integration_client(
        self, info: Info, input: DisableIntegrationClientInput
    ) -> IntegrationClientPayload:
        actor = info.context.require_actor()
        try:
            row = await clients.disable_client(actor, _client_pk(input.id))
        except AccountError as exc:
            return IntegrationClientPayload(user_errors=_errors(exc))
        return IntegrationClientPayload(client=ServiceAccount.from_row(row))

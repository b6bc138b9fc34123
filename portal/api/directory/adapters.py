"""configureProviderAdapter: how Parley works with a provider (providers.registry)."""

from __future__ import annotations

import uuid

import strawberry

from portal.accounts.models import Provider as ProviderRow
from portal.api.accounts.types import Provider
from portal.api.codes import ProviderAdapterName
from portal.api.context import Info
from portal.api.errors import UserError, user_error
from portal.api.inputs import mutations
from portal.api.node import decode_id
from portal.notifications import provider_config
from portal.notifications.errors import NotificationError

_NOTHING = uuid.UUID(int=0)


@strawberry.input(description="A field left out stays as it is.")
class ConfigureProviderAdapterInput:
    provider_id: strawberry.ID = strawberry.field(description="Global ID of the provider.")
    adapter: ProviderAdapterName = strawberry.field(description="The adapter to use from now on.")
    endpoint_url: str | None = strawberry.field(
        default=None, description="The provider's API, where the webhook adapter POSTs."
    )
    email: str | None = strawberry.field(
        default=None, description="Where the e-mail adapter sends referral packs."
    )
    rotate_secrets: bool = strawberry.field(
        default=False,
        description="Generate new signing secrets (they are generated anyway when missing).",
    )


@strawberry.type(description="The provider after the change, or why it was refused.")
class ConfigureProviderAdapterPayload:
    provider: Provider | None = strawberry.field(
        default=None, description="The provider with its adapter now; null when refused."
    )
    outbound_secret: str | None = strawberry.field(
        default=None,
        description="Shown once, when generated: the secret Parley signs what it sends the "
        "provider with (`whsec_...`). The provider verifies with it.",
    )
    inbound_secret: str | None = strawberry.field(
        default=None,
        description="Shown once, when generated: the secret the provider signs its callbacks with.",
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@mutations
@strawberry.type
class ProviderAdapterMutations:
    @strawberry.mutation(
        description="Choose how Parley works with a provider: in the portal, over signed "
        "webhooks, or by e-mail (docs/providers.md). For the provider's caseworkers and admins."
    )
    async def configure_provider_adapter(
        self, info: Info, input: ConfigureProviderAdapterInput
    ) -> ConfigureProviderAdapterPayload:
        try:
            done = await provider_config.configure_adapter(
                info.context.require_actor(),
                info.context.settings,
                decode_id(input.provider_id, "Provider") or _NOTHING,
                input.adapter,
                endpoint_url=input.endpoint_url,
                email=input.email,
                rotate_secrets=input.rotate_secrets,
            )
        except NotificationError as exc:
            return ConfigureProviderAdapterPayload(
                user_errors=[
                    user_error(exc.code, exc.message, exc.field, limit=exc.limit, actual=exc.actual)
                ]
            )
        row: ProviderRow = done.provider
        return ConfigureProviderAdapterPayload(
            provider=Provider.from_row(row),
            outbound_secret=done.outbound_secret,
            inbound_secret=done.inbound_secret,
        )

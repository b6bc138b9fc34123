"""The demo's external provider: SimSettle, reached over the webhook adapter, played by
`portal provider-simulator` (providers.simulator) on 127.0.0.1:8100.

Its two secrets are fixed, derived from public strings, so the demo and the simulator agree
without configuration: they protect nothing, and `portal provider-simulator` refuses them in
production.
"""

from __future__ import annotations

import base64
import hashlib

from tortoise.transactions import in_transaction

from portal.accounts.models import Organisation, Provider
from portal.cases.models import OrganisationProvider, Scheme
from portal.notifications.webhooks import SECRET_PREFIX

SLUG = "simsettle"
NAME = "SimSettle (a simulated external provider)"
SIMULATOR_PORT = 8100
SIMULATOR_URL = f"http://127.0.0.1:{SIMULATOR_PORT}/parley"
SCHEME = "SimSettle consumer scheme"


def _secret(label: str) -> str:
    return SECRET_PREFIX + base64.b64encode(hashlib.sha256(label.encode()).digest()).decode()


# Parley signs what it sends SimSettle with the first; SimSettle signs callbacks with the other.
OUTBOUND_SECRET = _secret("parley-demo-simsettle-outbound")
INBOUND_SECRET = _secret("parley-demo-simsettle-inbound")


async def seed_simulated_provider(organisation: Organisation) -> Provider:
    provider, _ = await Provider.get_or_create(
        slug=SLUG,
        defaults={
            "name": NAME,
            "country": "DE",
            "adapter": "webhook",
            "endpoint_url": SIMULATOR_URL,
            "outbound_secret": OUTBOUND_SECRET,
            "inbound_secret": INBOUND_SECRET,
        },
    )
    async with in_transaction():
        if not await OrganisationProvider.exists(
            organisation_id=organisation.id, provider_id=provider.id
        ):
            # No objection window, so the simulator's cases move on at once in the demo
            # (a real scheme keeps DOMAIN.md's seven days).
            scheme = await Scheme.create(
                provider=provider,
                name=SCHEME,
                country="DE",
                clock_policy={"objection": {"days": 0, "calendar": "calendar_days"}},
            )
            await OrganisationProvider.create(
                organisation=organisation, provider=provider, scheme=scheme
            )
    return provider

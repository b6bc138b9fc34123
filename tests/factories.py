"""Async builders for test data and a small GraphQL client; real rows, no mocks."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx

from portal.accounts.models import Organisation, Provider, Role, User
from portal.accounts.services import (
    NewServiceAccount,
    create_service_account,
    create_user,
    grant_role,
)
from portal.auth.actor import Actor, ActorKind, Grant
from portal.auth.policy import Scope
from portal.cases.models import DisputeCase, OrganisationProvider, Scheme
from portal.cases.services import Action, perform
from portal.cases.states import Method
from portal.complaints.services import file_complaint, refer_complaint
from portal.notifications.mailsink import MailSink, serve_mailsink
from portal.notifications.models import OutboxMessage, OutboxStatus
from portal.notifications.worker import Worker
from portal.settings import Settings

PASSWORD = "correct horse battery staple"
# Accepting an outcome acknowledges the notice before it (EU ADR Art. 9(2)(b); issue 15), as
# the outcome panel's checkbox does.
NOTICE_READ = {"acknowledges_notice": True}
_counter = itertools.count(1)


@dataclass
class Factory:
    settings: Settings
    # People sign in with PASSWORD; without passwords (argon2 costs ~50 ms a person) for tests
    # that act through the services or mint tokens directly.
    passwords: bool = True

    async def organisation(self, name: str = "Acme Utilities") -> Organisation:
        n = next(_counter)
        return await Organisation.create(slug=f"org-{n}", name=f"{name} {n}", country="DE")

    async def provider(self, name: str = "Fair ADR") -> Provider:
        n = next(_counter)
        return await Provider.create(slug=f"provider-{n}", name=f"{name} {n}", country="DE")

    async def user(
        self,
        role: Role | None = None,
        *,
        organisation: Organisation | None = None,
        provider: Provider | None = None,
        password: str | None = PASSWORD,
        email: str | None = None,
    ) -> User:
        n = next(_counter)
        user = await create_user(
            email or f"person{n}@example.org", f"Person {n}", password if self.passwords else None
        )
        if role is not None:
            await grant_role(user, role, organisation=organisation, provider=provider)
        return user

    async def service_account(
        self,
        role: Role = Role.ORG_AGENT,
        *,
        organisation: Organisation | None = None,
        provider: Provider | None = None,
        scopes: Iterable[Scope] | None = None,
    ) -> NewServiceAccount:
        if organisation is None and provider is None:
            organisation = await self.organisation()
        return await create_service_account(
            "Integration",
            role,
            self.settings.secret_key,
            organisation=organisation,
            provider=provider,
            scopes=scopes,
        )


async def actor_for(user: User) -> Actor:
    """The actor a signed-in ``user`` is, with the roles they hold (as authenticate builds it)."""
    grants = await user.memberships.all().values_list("role", "organisation_id", "provider_id")
    return Actor(
        kind=ActorKind.USER, id=user.id, grants=tuple(Grant(Role(r), o, p) for r, o, p in grants)
    )


@dataclass
class World:
    """One organisation in one provider's scheme, with everyone a case involves."""

    organisation: Organisation
    provider: Provider
    scheme: Scheme
    complainant: User
    agent: User
    manager: User
    caseworker: User
    neutral: User
    auditor: User

    async def act(self, user: User, case: DisputeCase, action: Action, **data: Any) -> DisputeCase:
        return await perform(await actor_for(user), case.id, action, data)

    async def reply(self, case: DisputeCase) -> DisputeCase:
        """The complainant answers the organisation's position: the file waits for it (or for
        the reply window's end) before it can be completed."""
        return await self.act(
            self.complainant, case, Action.SUBMIT_REPLY, reply="The bill is still wrong."
        )

    async def new_case(self, method: Method = Method.MEDIATION, **data: Any) -> DisputeCase:
        actor = await actor_for(self.complainant)
        complaint = await file_complaint(
            actor,
            self.organisation.id,
            {
                "subject": "Overcharged on the March bill",
                "description": "Billed twice.",
                "remedy_sought": "Refund of 120 EUR",
            },
        )
        return await refer_complaint(
            actor,
            complaint.id,
            {
                "provider_id": self.provider.id,
                "method": method.value,
                "unresolved_reason": "The refund was refused.",
                "claimed_amount": "120.00",
                "currency": "EUR",
                **data,
            },
        )


async def build_world(
    factory: Factory, country: str = "DE", silence_is_refusal: bool = True
) -> World:
    organisation = await factory.organisation()
    provider = await factory.provider()
    scheme = await Scheme.create(
        provider=provider,
        name="Consumer scheme",
        country=country,
        silence_is_refusal=silence_is_refusal,
    )
    await OrganisationProvider.create(organisation=organisation, provider=provider, scheme=scheme)
    return World(
        organisation=organisation,
        provider=provider,
        scheme=scheme,
        complainant=await factory.user(),
        agent=await factory.user(Role.ORG_AGENT, organisation=organisation),
        manager=await factory.user(Role.ORG_MANAGER, organisation=organisation),
        caseworker=await factory.user(Role.PROVIDER_CASEWORKER, provider=provider),
        neutral=await factory.user(Role.NEUTRAL, provider=provider),
        auditor=await factory.user(Role.AUDITOR, organisation=organisation),
    )


async def quick_world(factory: Factory, **kwargs: Any) -> World:
    """`build_world` with password-less people: fast, for tests that never sign in by password."""
    return await build_world(Factory(factory.settings, passwords=False), **kwargs)


LOGIN = """
mutation Login($input: LoginInput!) {
  login(input: $input) {
    accessToken refreshToken expiresIn tokenType
    viewer { kind user { id email } }
    userErrors { field code message }
  }
}
"""


async def gql(
    client: httpx.AsyncClient,
    query: str,
    variables: dict[str, Any] | None = None,
    token: str | None = None,
    **headers: str,
) -> httpx.Response:
    all_headers = {"Content-Type": "application/json", **headers}
    if token:
        all_headers["Authorization"] = f"Bearer {token}"
    return await client.post(
        "/graphql", json={"query": query, "variables": variables or {}}, headers=all_headers
    )


async def login(
    client: httpx.AsyncClient,
    user: User,
    password: str = PASSWORD,
) -> dict[str, Any]:
    response = await gql(client, LOGIN, {"input": {"email": user.email, "password": password}})
    payload: dict[str, Any] = response.json()["data"]["login"]
    assert payload["userErrors"] == [], payload
    return payload


# --- events out: a real SMTP server in the test's own loop -----------------------------------


@dataclass
class RunningSink:
    sink: MailSink
    server: asyncio.Server
    port: int

    async def stop(self) -> None:
        self.server.close()
        await self.server.wait_closed()


async def start_mailsink(folder: Path, port: int = 0, **smtp: Any) -> RunningSink:
    """`portal mailsink`'s server on 127.0.0.1 (port 0: a free one), quiet."""
    sink = MailSink(
        folder, echo=lambda _line: None, brief=True, refuse=smtp.pop("refuse", frozenset())
    )
    server = await serve_mailsink(sink, "127.0.0.1", port, **smtp)
    bound = server.sockets[0].getsockname()[1]
    return RunningSink(sink=sink, server=server, port=int(bound))


def mail_settings(settings: Settings, port: int, **changes: Any) -> Settings:
    """Settings for delivering to a test SMTP server: fast polling and retries."""
    return dataclasses.replace(
        settings,
        smtp_port=port,
        worker_poll_interval=0.02,
        outbox_retry_schedule=(0.05, 0.1, 0.2),
        clock_interval=0,
        **changes,
    )


async def deliver_all(worker: Worker, rounds: int = 200) -> None:
    """Run the worker's delivery until no row is pending or claimed (or ``rounds`` run out)."""
    for _ in range(rounds):
        await worker.deliver_due()
        if not await OutboxMessage.filter(
            status__in=[OutboxStatus.PENDING, OutboxStatus.CLAIMED]
        ).exists():
            return
        await asyncio.sleep(0.02)


async def delivered_mails(settings: Settings, folder: Path) -> list[EmailMessage]:
    """Deliver the outbox to a real SMTP server (the mail sink); the mails it received."""
    running = await start_mailsink(folder)
    try:
        await deliver_all(Worker(mail_settings(settings, running.port)))
    finally:
        await running.stop()
    return list(running.sink.received)


def mail_text(mail: EmailMessage) -> str:
    """A received mail's plain-text part."""
    body = mail.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


def bare(body: dict[str, Any]) -> dict[str, Any]:
    """A GraphQL body without `extensions.cost` (and without `extensions` once empty)."""
    extensions = {k: v for k, v in (body.get("extensions") or {}).items() if k != "cost"}
    return {k: v for k, v in body.items() if k != "extensions"} | (
        {"extensions": extensions} if extensions else {}
    )


def answer(response: httpx.Response) -> Any:
    """A GraphQL response's body (or a batch's bodies) without `extensions.cost`, which every
    response carries (docs/limits.md; tests/test_rate_limits.py checks it): for tests comparing
    whole bodies."""
    body = response.json()
    for item in body if isinstance(body, list) else [body]:
        extensions = item.get("extensions") if isinstance(item, dict) else None
        if isinstance(extensions, dict):
            extensions.pop("cost", None)
            if not extensions:
                del item["extensions"]
    return body


def forged_signature(token: str) -> str:
    """``token`` (a JWT) with its signature changed for certain. Replacing the last characters
    is not: an Ed25519 signature's last byte is below 0x10 and base64url's last character carries
    2 bits, so `...AAA` decoded to the very same signature about once in a thousand tokens."""
    head, _, signature = token.rpartition(".")
    first = "B" if signature[0] != "B" else "C"  # the first character: 6 bits of the signature
    return f"{head}.{first}{signature[1:]}"

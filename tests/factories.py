"""Async builders for test data and a small GraphQL client; real rows, no mocks."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import httpx

from portal.accounts.models import Organisation, Provider, Role, User
from portal.accounts.services import (
    NewServiceAccount,
    create_service_account,
    create_user,
    grant_role,
)
from portal.settings import Settings

PASSWORD = "correct horse battery staple"
_counter = itertools.count(1)


@dataclass
class Factory:
    settings: Settings

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
        password: str = PASSWORD,
        email: str | None = None,
    ) -> User:
        n = next(_counter)
        user = await create_user(email or f"person{n}@example.org", f"Person {n}", password)
        if role is not None:
            await grant_role(user, role, organisation=organisation, provider=provider)
        return user

    async def service_account(
        self,
        role: Role = Role.ORG_AGENT,
        *,
        organisation: Organisation | None = None,
        provider: Provider | None = None,
    ) -> NewServiceAccount:
        if organisation is None and provider is None:
            organisation = await self.organisation()
        return await create_service_account(
            "Integration",
            role,
            self.settings.secret_key,
            organisation=organisation,
            provider=provider,
        )


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

"""Accounts: roles fit their scope, are held once, and integration clients act for one party."""

from __future__ import annotations

import pytest

from portal.accounts.errors import AccountError, AccountErrorCode
from portal.accounts.models import Membership, Role, ServiceAccount
from portal.accounts.services import create_service_account, grant_role
from portal.auth.passwords import verify_password
from portal.auth.tokens import keyed_hash
from tests.factories import PASSWORD, Factory


async def test_a_role_is_held_once_also_installation_wide(factory: Factory) -> None:
    user = await factory.user()
    organisation = await factory.organisation()

    first = await grant_role(user, Role.ADMIN)
    again = await grant_role(user, Role.ADMIN)
    await grant_role(user, Role.ORG_AGENT, organisation=organisation)
    await grant_role(user, Role.ORG_AGENT, organisation=organisation)

    assert again.id == first.id
    assert sorted(await Membership.filter(user=user).values_list("scope", flat=True)) == [
        "installation",
        f"organisation:{organisation.id}",
    ]


@pytest.mark.parametrize(
    ("role", "scope"),
    [
        (Role.ORG_AGENT, "provider"),
        (Role.ORG_MANAGER, "installation"),
        (Role.NEUTRAL, "organisation"),
        (Role.PROVIDER_CASEWORKER, "installation"),
        (Role.ADMIN, "organisation"),
    ],
)
async def test_a_role_outside_its_scope_is_refused(
    factory: Factory, role: Role, scope: str
) -> None:
    user = await factory.user()
    organisation = await factory.organisation() if scope == "organisation" else None
    provider = await factory.provider() if scope == "provider" else None

    with pytest.raises(AccountError) as raised:
        await grant_role(user, role, organisation=organisation, provider=provider)

    assert raised.value.code is AccountErrorCode.ROLE_SCOPE_MISMATCH
    assert await Membership.filter(user=user).count() == 0


async def test_passwords_are_stored_as_argon2id(factory: Factory) -> None:
    user = await factory.user()

    assert user.password_hash.startswith("$argon2id$")
    assert verify_password(user.password_hash, PASSWORD)
    assert not verify_password(user.password_hash, PASSWORD + "x")


async def test_service_account_secret_is_shown_once_and_stored_keyed(factory: Factory) -> None:
    organisation = await factory.organisation()

    created = await create_service_account(
        "ERP", Role.ORG_AGENT, factory.settings.secret_key, organisation=organisation
    )

    stored = await ServiceAccount.get(id=created.account.id)
    assert stored.secret_hash == keyed_hash(factory.settings.secret_key, created.client_secret)
    assert created.client_secret not in stored.secret_hash
    assert stored.organisation_id == organisation.id


@pytest.mark.parametrize("role", [Role.ADMIN, Role.AUDITOR])
async def test_service_accounts_never_hold_installation_roles(factory: Factory, role: Role) -> None:
    organisation = await factory.organisation()

    with pytest.raises(AccountError) as raised:
        await create_service_account(
            "Too strong", role, factory.settings.secret_key, organisation=organisation
        )

    assert raised.value.code is AccountErrorCode.ROLE_SCOPE_MISMATCH
    assert await ServiceAccount.all().count() == 0


async def test_a_service_account_acts_for_exactly_one_party(factory: Factory) -> None:
    organisation = await factory.organisation()
    provider = await factory.provider()

    with pytest.raises(AccountError):
        await create_service_account(
            "Both",
            Role.ORG_AGENT,
            factory.settings.secret_key,
            organisation=organisation,
            provider=provider,
        )
    with pytest.raises(AccountError):
        await create_service_account("Neither", Role.ORG_AGENT, factory.settings.secret_key)

    assert await ServiceAccount.all().count() == 0

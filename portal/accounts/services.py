"""Creating people, organisations, providers, memberships and integration clients."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from portal.accounts.errors import AccountError, AccountErrorCode
from portal.accounts.models import (
    ORGANISATION_ROLES,
    PROVIDER_ROLES,
    Locale,
    Membership,
    Organisation,
    Provider,
    Role,
    ServiceAccount,
    User,
)
from portal.auth import policy
from portal.auth.passwords import MIN_PASSWORD_LENGTH, hashed
from portal.auth.policy import Scope

# is_email lives beside normalise_email, where signing in (which this module builds on) uses
# it; re-exported for the modules that always imported it from here.
from portal.auth.services import is_email as is_email
from portal.auth.services import normalise_email
from portal.auth.tokens import keyed_hash, new_secret
from portal.lengths import at_most


def check_scope(role: Role, organisation: Organisation | None, provider: Provider | None) -> None:
    """Organisation roles belong to an organisation, provider roles to a provider, admin to
    neither; an auditor may audit one organisation, one provider, or the whole installation."""
    ok = {
        **dict.fromkeys(ORGANISATION_ROLES, organisation is not None and provider is None),
        **dict.fromkeys(PROVIDER_ROLES, provider is not None and organisation is None),
        Role.ADMIN: organisation is None and provider is None,
        Role.AUDITOR: organisation is None or provider is None,
    }[role]
    if not ok:
        raise AccountError(
            AccountErrorCode.ROLE_SCOPE_MISMATCH,
            f"Role {role.value} does not fit that organisation or provider.",
            field="role",
        )


async def create_user(
    email: str, display_name: str, password: str | None = None, locale: Locale = Locale.EN
) -> User:
    email = normalise_email(email)
    if not is_email(email):
        raise AccountError(
            AccountErrorCode.INVALID_EMAIL, "That is not an e-mail address.", field="email"
        )
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(
            AccountErrorCode.PASSWORD_TOO_SHORT,
            f"Passwords have at least {MIN_PASSWORD_LENGTH} characters.",
            field="password",
        )
    if await User.exists(email=email):
        raise AccountError(
            AccountErrorCode.EMAIL_TAKEN, "That e-mail address has an account.", field="email"
        )
    return await User.create(
        email=email,
        display_name=display_name.strip() or email,
        locale=locale,
        password_hash=await hashed(password) if password else "",
    )


async def grant_role(
    user: User,
    role: Role,
    *,
    organisation: Organisation | None = None,
    provider: Provider | None = None,
) -> Membership:
    """Give ``user`` the role; granting a role the user already holds changes nothing."""
    check_scope(role, organisation, provider)
    scope = membership_scope(organisation, provider)
    try:
        async with in_transaction():
            return await Membership.create(
                user=user, role=role, organisation=organisation, provider=provider, scope=scope
            )
    except IntegrityError:
        # Held already, or granted concurrently: the unique (user, role, scope) decided.
        return await Membership.get(user=user, role=role, scope=scope)


def membership_scope(organisation: Organisation | None, provider: Provider | None) -> str:
    if organisation is not None:
        return f"organisation:{organisation.id}"
    if provider is not None:
        return f"provider:{provider.id}"
    return "installation"


@dataclass(frozen=True)
class NewServiceAccount:
    account: ServiceAccount
    client_secret: str  # shown once; only its keyed hash is stored


MAX_CLIENT_NAME = 200  # ServiceAccount.name


def _client_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise AccountError(AccountErrorCode.REQUIRED, "Name the integration client.", "name")
    return at_most(name, MAX_CLIENT_NAME, "name", AccountError)


async def create_service_account(
    name: str,
    role: Role,
    secret_key: str,
    *,
    organisation: Organisation | None = None,
    provider: Provider | None = None,
    scopes: Iterable[Scope] | None = None,
) -> NewServiceAccount:
    """A new client; ``scopes`` are the OAuth scopes it may be granted (issue 18, 4): all of
    them when not given, at least one when given."""
    held = policy.SCOPES if scopes is None else frozenset(scopes)
    if not held:
        raise AccountError(
            AccountErrorCode.REQUIRED, "Choose at least one scope for the client.", "scopes"
        )
    if role is Role.ADMIN or role is Role.AUDITOR or (organisation is None) == (provider is None):
        raise AccountError(
            AccountErrorCode.ROLE_SCOPE_MISMATCH,
            "A service account acts for exactly one organisation or provider.",
            field="role",
        )
    check_scope(role, organisation, provider)
    name = _client_name(name)
    secret = new_secret()
    async with in_transaction():
        account = await ServiceAccount.create(
            client_id="parley_" + new_secret()[:22],
            secret_hash=keyed_hash(secret_key, secret),
            name=name,
            role=role,
            organisation=organisation,
            provider=provider,
            scopes=policy.format_scopes(held),
        )
    return NewServiceAccount(account=account, client_secret=secret)


async def rotate_service_account_secret(
    account: ServiceAccount, secret_key: str, overlap: int, at: datetime | None = None
) -> NewServiceAccount:
    """A new secret for an active client. The old one still gets tokens for ``overlap``
    seconds (the integration's deployments switch meanwhile), then only the new one; a
    rotation during an overlap ends the older secret at once."""
    if not account.is_active:
        raise AccountError(
            AccountErrorCode.CLIENT_DISABLED, "A disabled client is not rotated.", field="id"
        )
    at = at or datetime.now(UTC)
    secret = new_secret()
    account.previous_secret_hash = account.secret_hash if overlap else ""
    account.previous_secret_until = at + timedelta(seconds=overlap) if overlap else None
    account.secret_hash = keyed_hash(secret_key, secret)
    await account.save(
        update_fields=["secret_hash", "previous_secret_hash", "previous_secret_until"]
    )
    return NewServiceAccount(account=account, client_secret=secret)


async def disable_service_account(account: ServiceAccount) -> ServiceAccount:
    """For good: every request checks that its client is active, so a token already issued
    stops too. Disabling a disabled client changes nothing."""
    account.is_active = False
    account.previous_secret_hash = ""
    account.previous_secret_until = None
    await account.save(update_fields=["is_active", "previous_secret_hash", "previous_secret_until"])
    return account

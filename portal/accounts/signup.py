"""Issue 14: people join an installation. A consumer signs up; an account made for someone by
somebody else is claimed; the first administrator is created from the setup link.

Sign-up rides on the one-time sign-in code (portal.auth.codes): `sign_up` writes a code row
that carries the profile to create the account with, and mails the code; `signInWithCode`
with that code creates the account (or, when the address has one, signs its owner in) and
starts a session. The answer to `sign_up` is the same whether or not the address has an
account: an existing account's owner gets a sign-in code with a notice instead of a sign-up
code, and the profile typed is never applied to an account it did not create.

One account per address: `User.email` is unique (addresses are stored lower-case), and of two
sign-ups completed at once the second finds the account the first created.
"""

from __future__ import annotations

import functools
import zoneinfo
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from portal.accounts.errors import AccountError, AccountErrorCode
from portal.accounts.models import Locale, Membership, Role, SetupToken, User
from portal.auth.errors import AuthError, AuthErrorCode
from portal.auth.passwords import MIN_PASSWORD_LENGTH, hashed
from portal.auth.services import normalise_email
from portal.auth.tokens import keyed_hash, new_secret
from portal.lengths import at_most
from portal.settings import Settings

MAX_NAME = 200  # as a recorded complainant's name (portal.complaints.services.MAX_NAME)
MAX_TIME_ZONE = 64
SETUP_PATH = "/setup"
CLAIM_PATH = "/claim"
SETUP_INVALID = (
    "This setup link was used, has expired, or the installation has an administrator already. "
    "Restart `portal serve` for a new link, or run `portal init`."
)


@functools.cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def check_time_zone(name: str) -> str:
    """An IANA time zone name (`Europe/Paris`, `Asia/Shanghai`, `UTC`), as given."""
    name = name.strip()
    if len(name) > MAX_TIME_ZONE or name not in _zones():
        raise AccountError(
            AccountErrorCode.INVALID_TIME_ZONE,
            "That is not a time zone name such as Europe/London or Asia/Shanghai.",
            field="time_zone",
        )
    return name


def check_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise AccountError(AccountErrorCode.REQUIRED, "Enter your name.", field="display_name")
    return at_most(name, MAX_NAME, "display_name", AccountError, label="Your name")


@dataclass(frozen=True)
class Profile:
    """What a person says about themselves when joining."""

    display_name: str
    locale: Locale
    time_zone: str

    @classmethod
    def checked(cls, display_name: str, locale: Locale, time_zone: str) -> Profile:
        return cls(check_name(display_name), Locale(locale), check_time_zone(time_zone))

    def stored(self) -> dict[str, str]:
        return {
            "display_name": self.display_name,
            "locale": self.locale.value,
            "time_zone": self.time_zone,
        }

    @classmethod
    def from_stored(cls, data: dict[str, str]) -> Profile:
        return cls(data["display_name"], Locale(data["locale"]), data["time_zone"])


async def account_for_sign_up(email: str, profile: Profile) -> User:
    """The account a proven sign-up for ``email`` signs in to: created with the profile, or
    the one the address has already (created meanwhile by another sign-up, say). An account
    that was made for the person by someone else and waits to be claimed takes the profile:
    proving the mailbox is claiming it. Any other existing account is left as it is."""
    try:
        async with in_transaction():
            return await User.create(
                email=email,
                display_name=profile.display_name,
                locale=profile.locale,
                time_zone=profile.time_zone,
            )
    except IntegrityError:
        # The unique address decided: another sign-up (or an agent) created it first.
        pass
    user = await User.get(email=email)
    if user.claim_pending:
        await apply_profile(user, profile)
    return user


async def apply_profile(user: User, profile: Profile) -> User:
    """Claiming: the person's own name, language and time zone; the account is theirs now."""
    user.display_name = profile.display_name
    user.locale = profile.locale
    user.time_zone = profile.time_zone
    user.claim_pending = False
    await user.save(update_fields=["display_name", "locale", "time_zone", "claim_pending"])
    return user


async def update_preferences(user_id: object, locale: Locale | None, time_zone: str | None) -> User:
    """A signed-in person's language and time zone; what is not given stays."""
    user = await User.get(id=user_id)
    fields = []
    if time_zone is not None:
        user.time_zone = check_time_zone(time_zone)
        fields.append("time_zone")
    if locale is not None:
        user.locale = Locale(locale)
        fields.append("locale")
    if fields:
        await user.save(update_fields=fields)
    return user


# --- the first administrator ----------------------------------------------------------------


async def admin_exists() -> bool:
    return await Membership.exists(role=Role.ADMIN)


def _token_hash(settings: Settings, token: str) -> str:
    return keyed_hash(settings.secret_key, f"setup:{token}")


async def issue_setup_token(settings: Settings, at: datetime | None = None) -> str | None:
    """A new one-time setup token while there is no admin (None once there is one)."""
    at = at or datetime.now(UTC)
    if await admin_exists():
        return None
    token = new_secret()
    await SetupToken.create(
        token_hash=_token_hash(settings, token),
        created_at=at,
        expires_at=at + timedelta(seconds=settings.setup_link_ttl),
    )
    return token


def setup_url(settings: Settings, token: str) -> str:
    # In the fragment: browsers never send it to a server nor put it in a Referer.
    return f"{settings.public_url.rstrip('/')}{SETUP_PATH}#token={token}"


def claim_path(email: str) -> str:
    """The portal's page for claiming an account made for this address (the mail's link is
    the public URL and this path, joined at delivery)."""
    return f"{CLAIM_PATH}#email={quote(email, safe='@')}"


async def announce_setup(settings: Settings, echo: object = print) -> str | None:
    """At start-up: while the installation has no admin, a fresh setup link, printed to the
    console (and returned); nothing once an admin exists."""
    token = await issue_setup_token(settings)
    if token is None:
        return None
    url = setup_url(settings, token)
    minutes = max(1, settings.setup_link_ttl // 60)
    lines = (
        "",
        "This installation has no administrator yet. To create the first one, open this link "
        f"within {minutes} minutes (it works once):",
        f"    {url}",
        "Without outgoing mail, run `portal init` instead.",
        "",
    )
    if callable(echo):
        for line in lines:
            echo(line)
    return url


async def valid_setup_token(settings: Settings, token: str, at: datetime) -> SetupToken:
    """The setup token's row while it can still create the first admin; else
    SETUP_LINK_INVALID, the same for every reason."""
    row = await SetupToken.get_or_none(token_hash=_token_hash(settings, token))
    if row is None or row.used_at is not None or row.expires_at <= at or await admin_exists():
        raise AuthError(AuthErrorCode.SETUP_LINK_INVALID, SETUP_INVALID)
    return row


async def complete_setup(token_id: str, email: str, profile: Profile, at: datetime) -> User:
    """The mailbox is proven: spend the setup token and make its address the first admin.

    Spending is a conditional update, and every other unused token is spent with it, so of
    two setups at once (with one link or two) one wins."""
    async with in_transaction():
        spent = await SetupToken.filter(
            id=token_id, used_at__isnull=True, expires_at__gt=at
        ).update(used_at=at)
        if not spent or await admin_exists():
            raise AuthError(AuthErrorCode.SETUP_LINK_INVALID, SETUP_INVALID)
        await SetupToken.filter(used_at__isnull=True).update(used_at=at)
        user = await User.get_or_none(email=email)
        if user is None:
            user = await User.create(
                email=email,
                display_name=profile.display_name,
                locale=profile.locale,
                time_zone=profile.time_zone,
            )
        await Membership.create(user=user, role=Role.ADMIN, scope="installation")
    return user


async def create_first_admin(
    email: str, profile: Profile, password: str | None, at: datetime | None = None
) -> User:
    """`portal init`: the console proves the operator; the address is proven at the first
    sign-in with a code (or the password set here, for an installation without mail)."""
    from portal.accounts.services import create_user

    at = at or datetime.now(UTC)
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(
            AccountErrorCode.PASSWORD_TOO_SHORT,
            f"Passwords have at least {MIN_PASSWORD_LENGTH} characters.",
            field="password",
        )
    async with in_transaction():
        if await admin_exists():
            raise AccountError(
                AccountErrorCode.ADMIN_EXISTS,
                "The installation has an administrator already; they grant roles from "
                "/admin/organisations.",
            )
        user = await User.get_or_none(email=normalise_email(email))
        if user is None:
            user = await create_user(email, profile.display_name, password, profile.locale)
            user.time_zone = profile.time_zone
            await user.save(update_fields=["time_zone"])
        elif password:
            user.password_hash = await hashed(password)
            await user.save(update_fields=["password_hash"])
        await Membership.create(user=user, role=Role.ADMIN, scope="installation")
        await SetupToken.filter(used_at__isnull=True).update(used_at=at)
    return user

"""Accounts: people, the organisations and providers they work for, and integration clients."""

from __future__ import annotations

import hmac
import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from tortoise import fields
from tortoise.models import Model

from portal.cases.states import InvitationStatus


class Role(StrEnum):
    """Installation and staff roles (DOMAIN.md "Actors and roles").

    Complainant and representative are not here: they are roles on one case, not on an account.
    """

    ORG_AGENT = "org_agent"
    ORG_MANAGER = "org_manager"
    PROVIDER_CASEWORKER = "provider_caseworker"
    NEUTRAL = "neutral"
    AUDITOR = "auditor"
    ADMIN = "admin"


ORGANISATION_ROLES = frozenset({Role.ORG_AGENT, Role.ORG_MANAGER})
PROVIDER_ROLES = frozenset({Role.PROVIDER_CASEWORKER, Role.NEUTRAL})


class Locale(StrEnum):
    EN = "en"
    ZH_HANS = "zh-Hans"


class User(Model):
    id = fields.UUIDField(primary_key=True)
    email = fields.CharField(max_length=254, unique=True)
    display_name = fields.CharField(max_length=200)
    locale = fields.CharEnumField(Locale, max_length=16, default=Locale.EN)
    # argon2id; empty for consumers who only ever sign in with a one-time e-mail code.
    password_hash = fields.CharField(max_length=255, default="")
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_login_at = fields.DatetimeField(null=True)
    # Issue 14: an IANA time zone name (portal.accounts.signup.check_time_zone), chosen at
    # sign-up or when claiming the account; dates in mail and pages are shown in it.
    time_zone = fields.CharField(max_length=64, default="UTC")
    # Issue 14: created for the person by someone else (an agent's recordComplaint, a
    # representative invitation) and not yet claimed by them (claimAccount).
    claim_pending = fields.BooleanField(default=False)

    class Meta:
        table = "user_account"


class Organisation(Model):
    id = fields.UUIDField(primary_key=True)
    slug = fields.CharField(max_length=64, unique=True)
    name = fields.CharField(max_length=200)
    country = fields.CharField(max_length=2, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    # Retired by an admin (portal.admin): takes no new complaints; its cases and complaints stay.
    retired_at = fields.DatetimeField(null=True)
    # Its complaint clocks (ISO 10002 7.4, 7.7), like `Scheme.clock_policy`: `{"respond":
    # {"days": 30, "calendar": "working_days"}}` overrides one of
    # `portal.cases.clocks.DEFAULT_COMPLAINT_POLICY`.
    complaint_policy: dict[str, Any] = fields.JSONField(default=dict)

    class Meta:
        table = "organisation"


class Provider(Model):
    id = fields.UUIDField(primary_key=True)
    slug = fields.CharField(max_length=64, unique=True)
    name = fields.CharField(max_length=200)
    country = fields.CharField(max_length=2, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    # How Parley works with the provider (providers.registry): `inportal`, `webhook`, `email`
    # or an installed third-party adapter; set by configureProviderAdapter.
    adapter = fields.CharField(max_length=64, default="inportal")
    endpoint_url = fields.CharField(max_length=2048, default="")  # the provider's API
    # Standard Webhooks secrets (`whsec_...`), kept as is because signing needs them: one
    # Parley signs with, one the provider signs its callbacks with. Never shown after creation.
    outbound_secret = fields.CharField(max_length=80, default="")
    inbound_secret = fields.CharField(max_length=80, default="")
    adapter_email = fields.CharField(max_length=254, default="")  # the e-mail adapter's address
    # Retired by an admin (portal.admin): takes no new referrals; keeps the cases it has.
    retired_at = fields.DatetimeField(null=True)
    # Issue 14: whether the provider appears in the public directory (EU ADR Art. 7(1)): listed
    # and readable without signing in. Off, it is hidden from the public (portal.auth.policy).
    published = fields.BooleanField(default=True)

    class Meta:
        table = "provider"


class ExternalPerson(Model):
    """A person an external provider named in a callback, and the account they act through.

    Appointments, outcomes and every action are recorded by a person (an account), so a
    provider's caseworker or neutral mentioned by the provider's own id gets a password-less
    account on first mention, linked here; later mentions find it again.
    """

    id = fields.UUIDField(primary_key=True)
    provider: fields.ForeignKeyRelation[Provider] = fields.ForeignKeyField(
        "portal.Provider", related_name="external_people", on_delete=fields.CASCADE
    )
    provider_id: uuid.UUID
    external_id = fields.CharField(max_length=200)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="external_references", on_delete=fields.CASCADE, db_index=True
    )
    user_id: uuid.UUID
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "external_person"
        unique_together = (("provider", "external_id"),)


class Membership(Model):
    """One role of one user, within an organisation, a provider, or the whole installation."""

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="memberships", on_delete=fields.CASCADE
    )
    user_id: uuid.UUID
    role = fields.CharEnumField(Role, max_length=32)
    organisation: fields.ForeignKeyNullableRelation[Organisation] = fields.ForeignKeyField(
        "portal.Organisation",
        related_name="memberships",
        null=True,
        on_delete=fields.CASCADE,
        db_index=True,
    )
    organisation_id: uuid.UUID | None
    provider: fields.ForeignKeyNullableRelation[Provider] = fields.ForeignKeyField(
        "portal.Provider",
        related_name="memberships",
        null=True,
        on_delete=fields.CASCADE,
        db_index=True,
    )
    provider_id: uuid.UUID | None
    # "installation", "organisation:<id>" or "provider:<id>": never NULL, so the uniqueness
    # below holds for installation-wide roles too (SQL treats NULLs as distinct).
    scope = fields.CharField(max_length=80)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "membership"
        unique_together = (("user", "role", "scope"),)


class StaffInvitation(Model):
    """A manager (or an admin) asks someone, by e-mail address, to join an organisation's or a
    provider's team in a role. It becomes a membership only when the invitee, signed in with
    that address, accepts: once, before it expires (portal.accounts.team)."""

    id = fields.UUIDField(primary_key=True)
    organisation: fields.ForeignKeyNullableRelation[Organisation] = fields.ForeignKeyField(
        "portal.Organisation",
        related_name="staff_invitations",
        null=True,
        on_delete=fields.CASCADE,
        db_index=True,
    )
    organisation_id: uuid.UUID | None
    provider: fields.ForeignKeyNullableRelation[Provider] = fields.ForeignKeyField(
        "portal.Provider",
        related_name="staff_invitations",
        null=True,
        on_delete=fields.CASCADE,
        db_index=True,
    )
    provider_id: uuid.UUID | None
    email = fields.CharField(max_length=320)
    role = fields.CharEnumField(Role, max_length=32)
    invited_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="staff_invitations", on_delete=fields.RESTRICT
    )
    invited_by_id: uuid.UUID
    status = fields.CharEnumField(InvitationStatus, max_length=16, default=InvitationStatus.PENDING)
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    decided_at = fields.DatetimeField(null=True)
    accepted_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "portal.User",
        related_name="accepted_staff_invitations",
        null=True,
        on_delete=fields.RESTRICT,
    )
    accepted_by_id: uuid.UUID | None

    class Meta:
        table = "staff_invitation"

    def status_at(self, now: datetime) -> InvitationStatus:
        return InvitationStatus.at(self.status, self.expires_at, now)


class ServiceAccount(Model):
    """An integration client of one organisation or one provider (OAuth 2.0 client credentials)."""

    id = fields.UUIDField(primary_key=True)
    client_id = fields.CharField(max_length=64, unique=True)
    # Keyed SHA-256 of a 256-bit random secret (a slow hash adds nothing at that entropy).
    secret_hash = fields.CharField(max_length=64)
    # The secret before the last rotation, still accepted until `previous_secret_until`, so an
    # integration switches to the new one without an outage.
    previous_secret_hash = fields.CharField(max_length=64, default="")
    previous_secret_until = fields.DatetimeField(null=True)
    name = fields.CharField(max_length=200)
    organisation: fields.ForeignKeyNullableRelation[Organisation] = fields.ForeignKeyField(
        "portal.Organisation",
        related_name="service_accounts",
        null=True,
        on_delete=fields.CASCADE,
        db_index=True,
    )
    organisation_id: uuid.UUID | None
    provider: fields.ForeignKeyNullableRelation[Provider] = fields.ForeignKeyField(
        "portal.Provider",
        related_name="service_accounts",
        null=True,
        on_delete=fields.CASCADE,
        db_index=True,
    )
    provider_id: uuid.UUID | None
    role = fields.CharEnumField(Role, max_length=32)
    # The OAuth scopes (RFC 6749 3.3) it may be granted, space-separated, from
    # `portal.auth.policy.SCOPES` (issue 18, 4). Clients from before scopes keep all three.
    scopes = fields.CharField(max_length=64, default="read write webhooks")
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "service_account"

    def accepts(self, given_hash: str, at: datetime) -> bool:
        """Whether ``given_hash`` (the keyed hash of the secret presented) is this client's
        secret, or its secret before the last rotation while the overlap lasts. Both are
        compared, in constant time, whichever matches."""
        overlapping = (
            self.previous_secret_hash != ""
            and self.previous_secret_until is not None
            and at < self.previous_secret_until
        )
        current = hmac.compare_digest(self.secret_hash, given_hash)
        previous = hmac.compare_digest(self.previous_secret_hash or "-", given_hash)
        return current or (overlapping and previous)


class Session(Model):
    """One sign-in: the family of refresh tokens rotated from it.

    Access tokens carry the session id (`sid`), so revoking a session (logout, or reuse of a
    spent refresh token) ends its access tokens at once, not only when they expire.
    """

    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="sessions", on_delete=fields.CASCADE, db_index=True
    )
    user_id: uuid.UUID
    method = fields.CharField(max_length=16)  # password | email_code
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)
    revoked_reason = fields.CharField(max_length=32, default="")

    class Meta:
        table = "auth_session"


class RefreshToken(Model):
    id = fields.UUIDField(primary_key=True)
    session: fields.ForeignKeyRelation[Session] = fields.ForeignKeyField(
        "portal.Session", related_name="refresh_tokens", on_delete=fields.CASCADE, db_index=True
    )
    session_id: uuid.UUID
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    # Spent by a lost-answer replacement (portal.auth.services): nobody should hold it, so
    # presenting it means two holders, and the session ends.
    superseded_at = fields.DatetimeField(null=True)

    class Meta:
        table = "refresh_token"


class LoginFailure(Model):
    """A failed sign-in, kept for throttling guessing against one address."""

    id = fields.BigIntField(primary_key=True)
    email = fields.CharField(max_length=254, db_index=True)
    at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "login_failure"


class AttemptCounter(Model):
    """Sign-in attempts counted per key (a client address, or an address and an account) in
    fixed windows, two of which make a sliding estimate (portal.auth.throttle). In the
    database, so every instance behind a load balancer counts against the same limits."""

    id = fields.BigIntField(primary_key=True)
    key = fields.CharField(max_length=400)
    slot = fields.BigIntField()  # the window's number: epoch seconds // window length
    hits = fields.IntField(default=0)
    expires_at = fields.DatetimeField(db_index=True)

    class Meta:
        table = "attempt_counter"
        unique_together = (("key", "slot"),)


class SetupToken(Model):
    """Issue 14: the one-time link `portal serve` prints while the installation has no admin.

    Only a keyed hash is stored; it works once (`used_at`), until `expires_at`, and not at all
    once an admin exists (portal.accounts.setup)."""

    id = fields.UUIDField(primary_key=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "setup_token"

"""Signing in, refresh-token rotation, logout, client credentials, and authenticating a request."""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from tortoise import connections
from tortoise.expressions import Subquery
from tortoise.queryset import ValuesQuery
from tortoise.transactions import in_transaction

from portal.accounts.models import (
    LoginFailure,
    RefreshToken,
    Role,
    ServiceAccount,
    Session,
    User,
)
from portal.auth.actor import Actor, ActorKind, CaseFacts, Grant
from portal.auth.errors import AuthError, AuthErrorCode
from portal.auth.limits import (
    SignInAttempt,
    admit_check,
    check_failed,
    device_spent,
    trusted_device,
)
from portal.auth.passwords import hashed, needs_rehash, verify_password
from portal.auth.policy import (
    appointments_of,
    format_scopes,
    granted_scopes,
    parse_scopes,
    participations_of,
)
from portal.auth.tokens import (
    InvalidToken,
    TokenIssuer,
    TokenKind,
    VerifiedTokens,
    keyed_hash,
    new_secret,
)
from portal.settings import Settings

log = logging.getLogger("portal.auth")

SERVICE_SUBJECT_PREFIX = "svc:"
CLIENT_ID_MAX_LENGTH = 64  # ServiceAccount.client_id


@dataclass(frozen=True)
class IssuedTokens:
    access_token: str
    expires_in: int
    refresh_token: str | None
    user_id: uuid.UUID | None
    # Seconds until the refresh token (and so the sign-in, unless it is used) ends: the web
    # portal warns a minute or so before (its session timeout warning).
    refresh_expires_in: int | None = None
    # The scopes granted (RFC 6749 5.1 `scope`), space-separated: integration clients only.
    scope: str | None = None


MAX_EMAIL = 254  # RFC 5321's longest path, less the angle brackets
EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,253}\.[^@\s.]{2,63}$")


def normalise_email(email: str) -> str:
    return email.strip().lower()


def is_email(value: str) -> bool:
    """An address Parley accepts: one @, a dotted domain, no spaces, at most 254 characters."""
    return len(value) <= MAX_EMAIL and EMAIL.match(value) is not None


def sign_in_email(email: str) -> str:
    """The address to sign in as, normalised; refused when it cannot be one (Issue 13 F8:
    over 254 characters it failed at the database, an internal error)."""
    email = normalise_email(email)
    if not is_email(email):
        raise AuthError(AuthErrorCode.INVALID_EMAIL, "That is not an e-mail address.")
    return email


def _now() -> datetime:
    return datetime.now(UTC)


def invalid_refresh_token() -> AuthError:
    """One answer for every refresh token that does not work, whatever the reason."""
    return AuthError(
        AuthErrorCode.INVALID_REFRESH_TOKEN, "The refresh token is invalid, expired or revoked."
    )


@dataclass(frozen=True)
class AuthService:
    settings: Settings
    issuer: TokenIssuer
    # Access tokens whose signature was checked already, until they expire.
    access_tokens: VerifiedTokens = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "access_tokens", VerifiedTokens(self.issuer, TokenKind.ACCESS))

    def verify_access_token(self, access_token: str) -> Mapping[str, Any]:
        """An access token's claims (signature, expiry, issuer, audience); raises
        ``InvalidToken``. Says nothing of its session: `authenticate` checks that."""
        return self.access_tokens.verify(access_token)

    # --- people -------------------------------------------------------------------------

    async def login_with_password(
        self, email: str, password: str, attempt: SignInAttempt
    ) -> IssuedTokens:
        """Check a password; the limits are portal.auth.limits' (Issue 13 F3, F4)."""
        email = sign_in_email(email)
        now = _now()
        await admit_check(attempt, self.settings, now)
        window_start = now - timedelta(seconds=self.settings.login_failure_window)
        user = await User.get_or_none(email=email, is_active=True)
        user_id = user.id if user else None
        failures = await LoginFailure.filter(email=email, at__gte=window_start).count()
        locked = failures >= self.settings.login_max_failures
        # A browser that signed in to this account before is not held by its lock (limits.py 4).
        if locked and not await trusted_device(attempt, self.settings, user_id, now):
            # The password is not even checked: guessing stops, a right guess is not told
            # apart, and the owner gets in with a code from their mailbox, which clears it.
            raise AuthError(
                AuthErrorCode.SIGN_IN_CODE_REQUIRED,
                "Too many failed sign-ins for this account; sign in with a one-time code "
                "sent to its e-mail address.",
            )
        # verify_password runs even for a missing user, so timing does not reveal accounts;
        # in a thread, because argon2 takes tens of milliseconds that the event loop needs.
        stored = user.password_hash if user else ""
        if not await asyncio.to_thread(verify_password, stored, password) or user is None:
            # Failures older than the window no longer count: prune them as new ones arrive.
            await LoginFailure.filter(email=email, at__lt=window_start).delete()
            await LoginFailure.create(email=email)
            await check_failed(attempt, self.settings, now)
            await device_spent(attempt, self.settings, user_id, now)
            raise AuthError(AuthErrorCode.INVALID_CREDENTIALS, "E-mail or password is wrong.")
        if not locked:
            # A lock stays when a trusted device got past it: ending it would hand whoever
            # caused it a fresh set of guesses. Only a code from the mailbox ends it early.
            await clear_failures(email)
        if needs_rehash(user.password_hash):
            user.password_hash = await hashed(password)
            await user.save(update_fields=["password_hash"])
        return await self.start_session(user, method="password")

    async def start_session(self, user: User, method: str) -> IssuedTokens:
        """Open a session for a verified user: shared by password and one-time code sign-in."""
        now = _now()
        refresh = new_secret()
        async with in_transaction():
            session = await Session.create(
                user=user,
                method=method,
                expires_at=now + timedelta(seconds=self.settings.session_max_age),
            )
            ends = await self._new_refresh_token(session, refresh, now)
            await User.filter(id=user.id).update(last_login_at=now)
        return self._tokens_for(user.id, session.id, refresh, ends - now)

    async def refresh(self, refresh_token: str) -> IssuedTokens:
        """Rotate: spend ``refresh_token`` and return a new pair.

        Presenting a token that was already spent means it was copied: the whole session is
        revoked, so whoever holds the other copy is signed out too (OAuth 2.0 Security BCP 4.14).
        """
        now = _now()
        token = await RefreshToken.get_or_none(
            token_hash=keyed_hash(self.settings.secret_key, refresh_token)
        ).select_related("session", "session__user")
        invalid = invalid_refresh_token()
        if token is None:
            raise invalid
        session = token.session
        if session.revoked_at is not None:
            raise invalid
        expired = token.expires_at <= now or session.expires_at <= now or not session.user.is_active
        if token.used_at is not None:
            replaced = None if expired else await self._replace_lost_answer(token, now)
            if replaced is not None:
                return self._tokens_for(session.user.id, session.id, *replaced)
            await self._revoke(session.id, "refresh_token_reuse")
            log.warning(
                "refresh token reuse; session revoked", extra={"session_id": str(session.id)}
            )
            raise invalid
        if expired:
            raise invalid
        new_refresh = new_secret()
        ends: datetime | None = None
        async with in_transaction():
            # The conditional update makes two concurrent uses of one token spend it once.
            spent = await RefreshToken.filter(id=token.id, used_at__isnull=True).update(used_at=now)
            if spent == 1:
                ends = await self._new_refresh_token(session, new_refresh, now)
        if spent != 1:
            # Lost a race with another use of the same token: that is reuse too, and the
            # winner may be whoever copied it, so the whole session ends (as above).
            await self._revoke(session.id, "refresh_token_reuse")
            log.warning(
                "concurrent refresh token reuse; session revoked",
                extra={"session_id": str(session.id)},
            )
            raise invalid
        return self._tokens_for(
            session.user.id, session.id, new_refresh, ends - now if ends else None
        )

    async def _replace_lost_answer(
        self, spent: RefreshToken, now: datetime
    ) -> tuple[str, timedelta] | None:
        """A spent token presented again within ``refresh_reuse_grace`` seconds, while the token
        it was rotated into is still unused: the answer carrying that token was lost (a reload
        or a dropped connection cut it short, so the browser kept the old cookie). Spend the
        unused successor and hand out a new one instead of ending the session (the "reuse
        interval" of Auth0 and Okta). Outside the grace, or once the successor was used, it is
        a copy, and the caller revokes the session. Returns the new secret and how long it lasts,
        or None."""
        grace = self.settings.refresh_reuse_grace
        if spent.used_at is None or spent.superseded_at is not None:
            return None  # a replacement already spent it: nobody should hold it
        if grace <= 0 or now - spent.used_at > timedelta(seconds=grace):
            return None
        # The token it was rotated into: the only one issued in the session since, unused.
        # Two or more since means the chain moved on, and whoever holds this one is behind it.
        later = await RefreshToken.filter(
            session_id=spent.session_id, created_at__gt=spent.created_at
        ).limit(2)
        if len(later) != 1 or later[0].used_at is not None:
            return None
        successor = later[0]
        secret = new_secret()
        async with in_transaction():
            taken = await RefreshToken.filter(id=successor.id, used_at__isnull=True).update(
                used_at=now, superseded_at=now
            )
            if taken == 1:
                ends = await self._new_refresh_token(spent.session, secret, now)
        if taken != 1:
            return None
        log.info("refresh answer lost; rotated again", extra={"session_id": str(spent.session_id)})
        return secret, ends - now

    async def reissue(self, token_id: uuid.UUID, answered_at: datetime) -> IssuedTokens | None:
        """A repeat of the request that issued refresh token ``token_id`` (portal.api.idempotency:
        the same idempotency key and the same credentials): while that token is unused and its
        session lives, spend it and hand out a fresh pair for the same session, so a lost answer
        costs neither a second session nor the reuse detection of `refresh`. None once it was
        used (the answer arrived after all), the session ended, or the first answer
        (``answered_at``) is older than ``refresh_reuse_grace``: later, a repeat is refused like
        a spent refresh token, but ends nothing (it may be the legitimate client's own late
        retry)."""
        now = _now()
        if now - answered_at > timedelta(seconds=self.settings.refresh_reuse_grace):
            return None
        token = await RefreshToken.get_or_none(id=token_id).select_related(
            "session", "session__user"
        )
        if token is None or token.used_at is not None:
            return None
        session = token.session
        if (
            session.revoked_at is not None
            or token.expires_at <= now
            or session.expires_at <= now
            or not session.user.is_active
        ):
            return None
        secret = new_secret()
        async with in_transaction():
            taken = await RefreshToken.filter(id=token.id, used_at__isnull=True).update(
                used_at=now, superseded_at=now
            )
            if taken == 1:
                ends = await self._new_refresh_token(session, secret, now)
        if taken != 1:
            return None
        return self._tokens_for(session.user.id, session.id, secret, ends - now)

    async def issued_token(self, access_token: str) -> uuid.UUID | None:
        """The refresh token issued with ``access_token`` (its session's newest)."""
        sid = self.verify_access_token(access_token).get("sid")
        if sid is None:
            return None
        newest = (
            await RefreshToken.filter(session_id=uuid.UUID(str(sid)))
            .order_by("-created_at")
            .first()
        )
        return newest.id if newest else None

    async def logout(self, refresh_token: str | None, actor: Actor | None) -> bool:
        """Revoke the session named by the refresh token, or else the actor's own session."""
        session_id: uuid.UUID | None = None
        if refresh_token:
            token = await RefreshToken.get_or_none(
                token_hash=keyed_hash(self.settings.secret_key, refresh_token)
            )
            session_id = token.session_id if token else None
        elif actor is not None:
            session_id = actor.session_id
        if session_id is None:
            return False
        return await self._revoke(session_id, "logout")

    async def _new_refresh_token(self, session: Session, secret: str, now: datetime) -> datetime:
        """Store a new refresh token of the session; returns when it expires."""
        expires_at = min(
            now + timedelta(seconds=self.settings.refresh_token_ttl), session.expires_at
        )
        await RefreshToken.create(
            session=session,
            token_hash=keyed_hash(self.settings.secret_key, secret),
            expires_at=expires_at,
        )
        return expires_at

    async def _revoke(self, session_id: uuid.UUID, reason: str) -> bool:
        changed = await Session.filter(id=session_id, revoked_at__isnull=True).update(
            revoked_at=_now(), revoked_reason=reason
        )
        return changed == 1

    def _tokens_for(
        self,
        user_id: uuid.UUID,
        session_id: uuid.UUID,
        refresh: str | None,
        refresh_lasts: timedelta | None = None,
    ) -> IssuedTokens:
        ttl = self.settings.access_token_ttl
        access = self.issuer.issue(TokenKind.ACCESS, str(user_id), ttl, sid=str(session_id))
        return IssuedTokens(
            access_token=access,
            expires_in=ttl,
            refresh_token=refresh,
            user_id=user_id,
            refresh_expires_in=int(refresh_lasts.total_seconds()) if refresh_lasts else None,
        )

    # --- integration clients -----------------------------------------------------------

    async def client_credentials(
        self, client_id: str, client_secret: str, attempt: SignInAttempt, scope: str | None = None
    ) -> IssuedTokens:
        """A client's access token, carrying the scopes granted (`scope`: RFC 6749 3.3, a
        subset of the client's own; none asked, all of them). A scope the client does not hold
        raises INVALID_SCOPE, after its credentials were checked."""
        await admit_check(attempt, self.settings, _now())
        # A client id longer than any stored one names no client (and Tortoise refuses to
        # filter a column by a longer value): the same answer as any unknown client.
        account = (
            await ServiceAccount.get_or_none(client_id=client_id, is_active=True)
            if len(client_id) <= CLIENT_ID_MAX_LENGTH
            else None
        )
        given = keyed_hash(self.settings.secret_key, client_secret)
        # The current secret, or the one before a rotation while its overlap lasts.
        if account is None or not account.accepts(given, _now()):
            await check_failed(attempt, self.settings, _now())
            raise AuthError(AuthErrorCode.INVALID_CLIENT, "Client authentication failed.")
        granted = granted_scopes(scope, parse_scopes(account.scopes) or frozenset())
        if granted is None:
            raise AuthError(
                AuthErrorCode.INVALID_SCOPE,
                "Ask for some of this client's scopes, space-separated, or leave scope out "
                f"for all of them: {account.scopes}.",
            )
        await ServiceAccount.filter(id=account.id).update(last_used_at=_now())
        ttl = self.settings.access_token_ttl
        scopes = format_scopes(granted)
        access = self.issuer.issue(
            TokenKind.ACCESS, SERVICE_SUBJECT_PREFIX + str(account.id), ttl, scope=scopes
        )
        return IssuedTokens(
            access_token=access, expires_in=ttl, refresh_token=None, user_id=None, scope=scopes
        )

    # --- every request ------------------------------------------------------------------

    async def authenticate(self, access_token: str) -> Actor:
        """The actor behind a bearer token; raises ``InvalidToken`` for any fault."""
        claims = self.verify_access_token(access_token)
        subject = str(claims["sub"])
        if subject.startswith(SERVICE_SUBJECT_PREFIX):
            return await self._service_actor(
                _parse_uuid(subject[len(SERVICE_SUBJECT_PREFIX) :]), claims.get("scope")
            )
        user_id = _parse_uuid(subject)
        session_id = _parse_uuid(str(claims.get("sid", "")))
        rows = await _SESSION_STATEMENT.run(user_id, session_id, _now())
        if not rows:
            raise InvalidToken("session revoked or expired, or user disabled")
        return Actor(
            kind=ActorKind.USER,
            id=user_id,
            session_id=session_id,
            grants=tuple(
                Grant(
                    Role(r["memberships__role"]),
                    _uuid(r["memberships__organisation_id"]),
                    _uuid(r["memberships__provider_id"]),
                )
                for r in rows
                if r["memberships__role"] is not None
            ),
            case_facts=CaseFacts(
                takes_part=rows[0]["taking_part"] is not None,
                appointed=rows[0]["appointed_to"] is not None,
            ),
        )

    async def _service_actor(self, account_id: uuid.UUID, scope: object) -> Actor:
        account = await ServiceAccount.get_or_none(id=account_id, is_active=True)
        if account is None:
            raise InvalidToken("service account unknown or disabled")
        grant = Grant(
            account.role,
            account.organisation_id,
            account.provider_id,
        )
        # The token's scopes, never more than the client holds now; a token from before
        # scopes (no claim) has what the client holds.
        held = parse_scopes(account.scopes) or frozenset()
        carried = parse_scopes(scope) if isinstance(scope, str) else held
        return Actor(
            kind=ActorKind.SERVICE_ACCOUNT,
            id=account.id,
            grants=(grant,),
            scopes=frozenset(s.value for s in (carried or frozenset()) & held),
        )


def _session_query(
    user_id: uuid.UUID, session_id: uuid.UUID, now: datetime
) -> ValuesQuery[Literal[False]]:
    """Authentication's one indexed statement, no model instances: the user's row joined to
    the live session, and to each membership (LEFT JOIN: a consumer has none and still gets
    one row, of NULLs), with whether they take part in a case and hold an appointment, by the
    policy's own definitions (issue 17: a case list needs no statement of its own to know).
    No row: revoked, expired, or user disabled."""
    return (
        User.filter(
            id=user_id,
            is_active=True,
            sessions__id=session_id,
            sessions__revoked_at__isnull=True,
            sessions__expires_at__gt=now,
        )
        .annotate(
            taking_part=Subquery(participations_of(user_id).limit(1).values("case_id")),
            appointed_to=Subquery(appointments_of(user_id).limit(1).values("case_id")),
        )
        # values(), not values_list(): Tortoise 1.1.9 selects each annotation twice there.
        .values(
            "memberships__role",
            "memberships__organisation_id",
            "memberships__provider_id",
            "taking_part",
            "appointed_to",
        )
    )


class SessionStatement:
    """`_session_query`, built by the ORM once per database dialect and then run with each
    request's values (issue 17): Tortoise takes about 0.6 ms to build it, more than
    PostgreSQL takes to run it. It is built with stand-in values, whose places in its
    parameters are then filled with the request's own."""

    USER = uuid.UUID(int=0x5E551_0001)
    SESSION = uuid.UUID(int=0x5E551_0002)
    NOW = datetime(2001, 2, 3, 4, 5, 6, 789, tzinfo=UTC)

    def __init__(self) -> None:
        self._built: dict[str, tuple[str, list[Any], list[int | None]]] = {}

    def _build(self, dialect: str) -> tuple[str, list[Any], list[int | None]]:
        query = _session_query(self.USER, self.SESSION, self.NOW)
        query.sql()  # makes the query for the current database
        sql, params = query.query.get_parameterized_sql()
        stand_ins = [str(self.USER), str(self.SESSION), self.NOW]
        places = [stand_ins.index(p) if p in stand_ins else None for p in params]
        if {p for p in places if p is not None} != {0, 1, 2}:
            raise RuntimeError(f"the authentication statement lost a parameter: {params}")
        return sql, list(params), places

    async def run(
        self, user_id: uuid.UUID, session_id: uuid.UUID, now: datetime
    ) -> list[dict[str, Any]]:
        conn = connections.get("default")
        dialect = conn.capabilities.dialect
        built = self._built.get(dialect)
        if built is None:
            built = self._built[dialect] = self._build(dialect)
        sql, template, places = built
        values = (str(user_id), str(session_id), now)
        params = [
            p if place is None else values[place] for p, place in zip(template, places, strict=True)
        ]
        rows: list[dict[str, Any]] = await conn.execute_query_dict(sql, params)
        return rows


_SESSION_STATEMENT = SessionStatement()


def _uuid(value: object) -> uuid.UUID | None:
    if value is None or isinstance(value, uuid.UUID):
        return value
    return uuid.UUID(str(value))


async def clear_failures(email: str) -> None:
    """The account's failed password sign-ins are forgotten: its owner proved who they are."""
    await LoginFailure.filter(email=email).delete()


def _parse_uuid(value: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError as exc:
        raise InvalidToken("malformed subject") from exc

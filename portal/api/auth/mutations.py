"""Signing in and out over GraphQL: login, refreshSession, logout."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import strawberry
from starlette.responses import Response

from portal.api import idempotency
from portal.api.accounts.types import Viewer, viewer_of
from portal.api.context import Info
from portal.api.enums import described_enum
from portal.api.errors import UserError, UserErrorCode
from portal.api.inputs import mutations
from portal.auth import devices
from portal.auth.errors import AuthError, AuthErrorCode
from portal.auth.services import IssuedTokens, invalid_refresh_token
from portal.auth.tokens import InvalidToken
from portal.web.cookies import clear_refresh_cookie, set_device_cookie, set_refresh_cookie


class RefreshTokenDelivery(StrEnum):
    BODY = "body"
    COOKIE = "cookie"


described_enum(
    RefreshTokenDelivery,
    description="Where the refresh token goes: in the payload (API clients), or in an HttpOnly "
    "cookie that script cannot read (browsers).",
    values={
        RefreshTokenDelivery.BODY: "In the payload's `refreshToken`: for API clients that "
        "store it.",
        RefreshTokenDelivery.COOKIE: "In an HttpOnly cookie, with `refreshToken` null: for "
        "browsers.",
    },
)


@strawberry.input(description="Signing in with an e-mail address and a password.")
class LoginInput:
    email: str = strawberry.field(description="The account's sign-in address.")
    password: str = strawberry.field(description="The account's password; never logged.")
    refresh_token_delivery: RefreshTokenDelivery = strawberry.field(
        default=RefreshTokenDelivery.BODY,
        description="Where the refresh token goes; BODY when left out.",
    )


@strawberry.input(
    description="A new access token for a refresh token, which is rotated: use the new one next "
    "time."
)
class RefreshSessionInput:
    refresh_token: str = strawberry.field(
        description="The refresh token from the last sign-in or refresh; a browser sends it in "
        "the cookie and leaves this empty."
    )


@strawberry.input(description="Ending the session a refresh token belongs to.")
class LogoutInput:
    refresh_token: str | None = strawberry.field(
        default=None, description="The session to end; empty: the caller's own session."
    )


@strawberry.type(description="The tokens of a new or refreshed session, or why none was issued.")
class SessionPayload:
    access_token: str | None = strawberry.field(
        default=None,
        description="A JWT to send as `Authorization: Bearer <token>`; null when refused.",
    )
    token_type: str | None = strawberry.field(
        default=None, description="`Bearer`; null when refused."
    )
    expires_in: int | None = strawberry.field(
        default=None, description="Seconds the access token lasts."
    )
    refresh_expires_in: int | None = strawberry.field(
        default=None,
        description="Seconds the sign-in lasts unless it is used (the refresh token's life, "
        "capped by the session's end): when to warn that the session is ending.",
    )
    refresh_token: str | None = strawberry.field(
        default=None,
        description="The refresh token, for `refreshSession`; null with COOKIE delivery or when "
        "refused.",
    )
    viewer: Viewer | None = strawberry.field(
        default=None, description="Who signed in; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


@strawberry.type(description="Whether a session was ended.")
class LogoutPayload:
    revoked: bool = strawberry.field(
        description="True when the refresh token was valid and is now revoked."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


# The input field a refusal is about; the others are about the whole attempt.
_FIELDS = {
    AuthErrorCode.INVALID_EMAIL: ["input", "email"],
    AuthErrorCode.INVALID_CODE: None,
    AuthErrorCode.INVALID_CODE_FORMAT: ["input", "code"],
}


def _error(exc: AuthError) -> SessionPayload:
    field = _FIELDS.get(exc.code)
    return SessionPayload(
        user_errors=[
            UserError(field=field, code=UserErrorCode(exc.code.value), message=exc.message)
        ]
    )


async def _session_payload(
    info: Info, tokens: IssuedTokens, delivery: RefreshTokenDelivery
) -> SessionPayload:
    # The rest of this operation (the payload's viewer) is answered for who just signed in.
    # Batches refuse mutations, so no other operation shares this context meanwhile.
    info.context.actor = await info.context.auth.authenticate(tokens.access_token)
    refresh = tokens.refresh_token
    if (
        delivery is RefreshTokenDelivery.COOKIE
        and refresh
        and isinstance(info.context.response, Response)
    ):
        set_refresh_cookie(info.context.response, refresh, info.context.settings)
        refresh = None
    return SessionPayload(
        access_token=tokens.access_token,
        token_type="Bearer",
        expires_in=tokens.expires_in,
        refresh_expires_in=tokens.refresh_expires_in,
        refresh_token=refresh,
        viewer=await viewer_of(info),
    )


def remember_device(info: Info, tokens: IssuedTokens) -> None:
    """After a person signs in: the device cookie that keeps their account's sign-in limits
    off this browser (Issue 13 F4, portal.auth.devices). Each sign-in gives a new one, with
    a new failure budget. It authenticates nothing: /graphql never reads credentials from
    cookies, so a cross-site request carrying it gains nothing."""
    response = info.context.response
    if tokens.user_id is not None and isinstance(response, Response):
        settings = info.context.settings
        value = devices.issue(settings.secret_key, tokens.user_id, datetime.now(UTC))
        set_device_cookie(response, value, settings)


@mutations
@strawberry.type
class AuthMutations:
    @strawberry.mutation(description="Sign in with e-mail and password.")
    async def login(self, info: Info, input: LoginInput) -> SessionPayload:
        try:
            tokens = await info.context.auth.login_with_password(
                input.email, input.password, info.context.sign_in_attempt()
            )
        except AuthError as exc:
            return _error(exc)
        remember_device(info, tokens)
        return await _session_payload(info, tokens, input.refresh_token_delivery)

    @strawberry.mutation(
        description="Spend a refresh token for a new access and refresh "
        "token. A refresh token works once; presenting a spent one ends the "
        "whole session."
    )
    async def refresh_session(self, info: Info, input: RefreshSessionInput) -> SessionPayload:
        try:
            tokens = await info.context.auth.refresh(input.refresh_token)
        except AuthError as exc:
            return _error(exc)
        try:
            return await _session_payload(info, tokens, RefreshTokenDelivery.BODY)
        except InvalidToken:
            # Another use of the same refresh token ended the session between spending it and
            # answering: the new tokens are dead already, and this use is refused like that one.
            return _error(invalid_refresh_token())

    @strawberry.mutation(
        description="End a session: its refresh and access tokens stop working at once."
    )
    async def logout(self, info: Info, input: LogoutInput | None = None) -> LogoutPayload:
        if input is None or not input.refresh_token:
            info.context.require_actor()
        revoked = await info.context.auth.logout(
            input.refresh_token if input else None, info.context.actor
        )
        if isinstance(info.context.response, Response):
            clear_refresh_cookie(info.context.response, info.context.settings)
        return LogoutPayload(revoked=revoked)


async def _dump_session(info: Info, payload: SessionPayload) -> dict[str, Any]:
    """A session answer keeps no token: the refresh token it issued, by its row's id."""
    errors = idempotency.dump_fields(SessionPayload(user_errors=payload.user_errors))
    token = (
        await info.context.auth.issued_token(payload.access_token) if payload.access_token else None
    )
    return {
        "user_errors": errors["user_errors"],
        "issued": str(token) if token else None,
        # A repeat hands out tokens only within the refresh reuse grace of this answer.
        "answered_at": datetime.now(UTC).isoformat(),
    }


async def _load_session(
    info: Info, answer: dict[str, Any], arguments: dict[str, Any]
) -> tuple[SessionPayload, dict[str, Any] | None]:
    """A repeat of a sign-in or a refresh (same key, same credentials): a refusal as it was;
    a session as a fresh token pair for the same session, while the refresh token the first
    answer carried is unused and only within `refresh_reuse_grace` of the first answer (else
    `SECRET_NOT_REPEATED` and nothing rotated: the answer did arrive, or the repeat is too late
    to be a lost answer, and a key must not bring a spent refresh token back to life)."""
    if answer.get("issued") is None:
        errors = {"user_errors": answer["user_errors"]}
        return await idempotency.load_fields(info, SessionPayload, errors), None
    answered = answer.get("answered_at")
    tokens = (
        await info.context.auth.reissue(
            uuid.UUID(answer["issued"]), datetime.fromisoformat(answered)
        )
        if answered is not None
        else None
    )
    if tokens is None:
        return SessionPayload(user_errors=[idempotency.secret_not_repeated("refresh_token")]), None
    delivery = getattr(arguments.get("input"), "refresh_token_delivery", RefreshTokenDelivery.BODY)
    payload = await _session_payload(info, tokens, delivery)
    # A later repeat rotates the pair this one handed out.
    issued = await info.context.auth.issued_token(tokens.access_token)
    return payload, {**answer, "issued": str(issued) if issued else None}


idempotency.answer_form(SessionPayload, idempotency.AnswerForm(_dump_session, _load_session))

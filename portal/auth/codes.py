"""Passwordless sign-in with a one-time code sent by e-mail (consumers need no password).

`request_code` mails a six-digit code and returns a challenge: a short-lived token of its own
kind (`login_code`, QUALITY.md "Tokens") naming the code's row. `sign_in_with_code` takes the
challenge and the code. A code works once, for `sign_in_code_ttl` seconds, and for at most
`MAX_GUESSES` wrong tries; an address may ask for `sign_in_code_max_requests` codes per
`login_failure_window`. Requests for addresses without an account look exactly the same
(a challenge, a row, no mail), so neither the answer nor the rate limit tells who has one.
"""

from __future__ import annotations

import hmac
import secrets
import uuid
from datetime import UTC, datetime, timedelta

from tortoise.transactions import in_transaction

from portal.accounts.models import User
from portal.accounts.services import is_email
from portal.auth.errors import AuthError, AuthErrorCode
from portal.auth.services import AuthService, IssuedTokens, normalise_email
from portal.auth.tokens import InvalidToken, TokenKind, keyed_hash
from portal.notifications.mail import MailKind
from portal.notifications.models import Channel, SignInCode
from portal.notifications.outbox import enqueue

MAX_GUESSES = 5
CODE_DIGITS = 6

_INVALID = "The code is wrong, used or expired; ask for a new one."


def _code_hash(auth: AuthService, row_id: uuid.UUID, code: str) -> str:
    # Bound to its row: the same six digits hash differently for every code.
    return keyed_hash(auth.settings.secret_key, f"sign-in-code:{row_id}:{code}")


async def request_code(auth: AuthService, email: str, at: datetime | None = None) -> str:
    """Write the code (and its mail, in the same transaction); return the challenge."""
    at = at or datetime.now(UTC)
    email = normalise_email(email)
    if not is_email(email):
        raise AuthError(AuthErrorCode.INVALID_EMAIL, "That is not an e-mail address.")
    settings = auth.settings
    window_start = at - timedelta(seconds=settings.login_failure_window)
    async with in_transaction():
        await SignInCode.filter(email=email, created_at__lt=window_start).delete()
        if (
            await SignInCode.filter(email=email, created_at__gte=window_start).count()
            >= settings.sign_in_code_max_requests
        ):
            raise AuthError(
                AuthErrorCode.RATE_LIMITED,
                "Too many sign-in codes asked for this address; try again later.",
            )
        user = await User.get_or_none(email=email, is_active=True)
        row_id = uuid.uuid4()
        code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
        await SignInCode.create(
            id=row_id,
            email=email,
            user_id=user.id if user else None,
            code_hash=_code_hash(auth, row_id, code),
            created_at=at,
            expires_at=at + timedelta(seconds=settings.sign_in_code_ttl),
        )
        if user is not None:
            await enqueue(
                Channel.EMAIL,
                MailKind.SIGN_IN_CODE.value,
                user.email,
                {"code": code, "minutes": max(1, settings.sign_in_code_ttl // 60)},
                at=at,
                locale=user.locale.value,
            )
    return auth.issuer.issue(TokenKind.LOGIN_CODE, str(row_id), settings.sign_in_code_ttl)


async def sign_in_with_code(
    auth: AuthService, challenge: str, code: str, at: datetime | None = None
) -> IssuedTokens:
    at = at or datetime.now(UTC)
    invalid = AuthError(AuthErrorCode.INVALID_CODE, _INVALID)
    try:
        row_id = uuid.UUID(str(auth.issuer.verify(challenge, TokenKind.LOGIN_CODE)["sub"]))
    except (InvalidToken, ValueError) as exc:
        raise invalid from exc
    async with in_transaction():
        row = await SignInCode.select_for_update().get_or_none(id=row_id)
        if (
            row is None
            or row.user_id is None
            or row.used_at is not None
            or row.expires_at <= at
            or row.failed_attempts >= MAX_GUESSES
        ):
            raise invalid
        right = hmac.compare_digest(row.code_hash, _code_hash(auth, row.id, code.strip()))
        if right:
            # Conditional: two concurrent sign-ins with one code spend it once.
            spent = await SignInCode.filter(id=row.id, used_at__isnull=True).update(used_at=at)
        else:
            await SignInCode.filter(id=row.id).update(failed_attempts=row.failed_attempts + 1)
    if not right or spent != 1:
        raise invalid
    user = await User.get_or_none(id=row.user_id, is_active=True)
    if user is None:
        raise invalid
    return await auth.start_session(user, method="email_code")

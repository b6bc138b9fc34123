"""Passwordless sign-in with a one-time code sent by e-mail (consumers need no password).

`request_code` mails a six-digit code and returns a challenge: a short-lived token of its own
kind (`login_code`, QUALITY.md "Tokens") naming the code's row. `sign_in_with_code` takes the
challenge and the code. A code works once, for `sign_in_code_ttl` seconds, and for at most
`MAX_GUESSES` wrong tries. Requests for addresses without an account look exactly the same
(a challenge, a row, no mail), so neither the answer nor the rate limit tells who has one.

How many codes may be asked for, per client address and per account, and why a code bypasses
the password lock of an account: portal.auth.limits (Issue 13 F4).
"""

from __future__ import annotations

import hmac
import secrets
import unicodedata
import uuid
from datetime import UTC, datetime, timedelta

from tortoise.transactions import in_transaction

from portal.accounts.models import User
from portal.auth.errors import AuthError, AuthErrorCode
from portal.auth.limits import (
    SignInAttempt,
    admit_check,
    admit_code_request,
    check_failed,
    device_spent,
    trusted_device,
)
from portal.auth.services import AuthService, IssuedTokens, clear_failures, sign_in_email
from portal.auth.tokens import InvalidToken, TokenKind, keyed_hash
from portal.notifications.mail import MailKind
from portal.notifications.models import Channel, SignInCode
from portal.notifications.outbox import enqueue

MAX_GUESSES = 5
CODE_DIGITS = 6

_INVALID = "The code is wrong, used or expired; ask for a new one."
_MALFORMED = f"A sign-in code is {CODE_DIGITS} digits; check the code in the e-mail."
# What people type or paste between the digits (Issue 13 F4, issue 16: not a wrong guess):
# spaces of every kind (Unicode Z*, tabs, line breaks), invisible format characters pasted with
# the code (Cf: zero-width spaces, direction marks) and punctuation (Unicode P*: dashes, dots,
# slashes, underscores), after NFKC has made full-width digits and signs ASCII.
_SEPARATOR_CATEGORIES = ("Z", "P", "Cc", "Cf")
# U+2212 MINUS SIGN is a mathematical symbol (Sm) that looks like a dash.
_SEPARATOR_SYMBOLS = frozenset("\u2212")


def normalise_code(code: str) -> str | None:
    """The six digits of a typed code, or None when it cannot be one (which is no guess).
    NFKC turns full-width digits into ASCII ones; separators between them are dropped."""
    if len(code) > 64:
        return None
    digits = "".join(
        c
        for c in unicodedata.normalize("NFKC", code)
        if not (
            unicodedata.category(c).startswith(_SEPARATOR_CATEGORIES) or c in _SEPARATOR_SYMBOLS
        )
    )
    if len(digits) != CODE_DIGITS or not (digits.isascii() and digits.isdigit()):
        return None
    return digits


def _code_hash(auth: AuthService, row_id: uuid.UUID, code: str) -> str:
    # Bound to its row: the same six digits hash differently for every code.
    return keyed_hash(auth.settings.secret_key, f"sign-in-code:{row_id}:{code}")


async def request_code(
    auth: AuthService,
    email: str,
    attempt: SignInAttempt,
    at: datetime | None = None,
    *,
    sign_up: dict[str, str] | None = None,
) -> str:
    """Write the code (and its mail, in the same transaction); return the challenge.

    ``sign_up`` (issue 14, portal.accounts.signup): the profile of a sign-up, kept on the row;
    the code is then mailed also to an address without an account (a sign-up code), and an
    account's owner is told that the address has an account already. The answer is the same."""
    at = at or datetime.now(UTC)
    email = sign_in_email(email)
    settings = auth.settings
    await admit_code_request(attempt, settings, email, at)
    window_start = at - timedelta(seconds=settings.login_failure_window)
    async with in_transaction():
        await SignInCode.filter(email=email, created_at__lt=window_start).delete()
        user = await User.get_or_none(email=email, is_active=True)
        user_id = user.id if user else None
        # Every address together: bounds the mail one person gets and the guesses at their
        # codes; only an attacker with several addresses reaches it, and a browser that signed
        # in to the account before is not held by it (portal.auth.limits 3 and 4).
        past_cap = (
            await SignInCode.filter(email=email, created_at__gte=window_start).count()
            >= settings.sign_in_code_account_max_requests
        )
        if past_cap and not await trusted_device(attempt, settings, user_id, at):
            raise AuthError(
                AuthErrorCode.RATE_LIMITED,
                "This account has been sent too many sign-in codes recently; try again later, "
                "or from a device that has signed in to it before.",
            )
        row_id = uuid.uuid4()
        code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
        await SignInCode.create(
            id=row_id,
            email=email,
            user_id=user_id,
            code_hash=_code_hash(auth, row_id, code),
            created_at=at,
            expires_at=at + timedelta(seconds=settings.sign_in_code_ttl),
            sign_up=sign_up,
        )
        minutes = max(1, settings.sign_in_code_ttl // 60)
        setup = bool(sign_up and sign_up.get("setup_token_id"))
        if user is not None and not setup:
            context: dict[str, object] = {"code": code, "minutes": minutes}
            if sign_up is not None:
                context["account_exists"] = True
            await enqueue(
                Channel.EMAIL,
                MailKind.SIGN_IN_CODE.value,
                user.email,
                context,
                at=at,
                locale=user.locale.value,
            )
        elif sign_up is not None:
            await enqueue(
                Channel.EMAIL,
                MailKind.SIGN_UP_CODE.value,
                email,
                {"code": code, "minutes": minutes, "setup": setup},
                at=at,
                locale=user.locale.value if user else sign_up["locale"],
            )
    if past_cap:
        # A code past the cap is MAX_GUESSES more guesses: the device that got it pays.
        await device_spent(attempt, settings, user_id, at)
    return auth.issuer.issue(TokenKind.LOGIN_CODE, str(row_id), settings.sign_in_code_ttl)


async def sign_in_with_code(
    auth: AuthService,
    challenge: str,
    code: str,
    attempt: SignInAttempt,
    at: datetime | None = None,
) -> IssuedTokens:
    at = at or datetime.now(UTC)
    invalid = AuthError(AuthErrorCode.INVALID_CODE, _INVALID)
    digits = normalise_code(code)
    if digits is None:
        # Not a guess: nothing is counted against the code, the address or the account.
        raise AuthError(AuthErrorCode.INVALID_CODE_FORMAT, _MALFORMED)
    await admit_check(attempt, auth.settings, at)
    try:
        row_id = uuid.UUID(str(auth.issuer.verify(challenge, TokenKind.LOGIN_CODE)["sub"]))
    except (InvalidToken, ValueError) as exc:
        await check_failed(attempt, auth.settings, at)
        raise invalid from exc
    async with in_transaction():
        row = await SignInCode.select_for_update().get_or_none(id=row_id)
        if (
            row is None
            or (row.user_id is None and row.sign_up is None)
            or row.used_at is not None
            or row.expires_at <= at
            or row.failed_attempts >= MAX_GUESSES
        ):
            right = spent = False
        else:
            right = hmac.compare_digest(row.code_hash, _code_hash(auth, row.id, digits))
            if right:
                # Conditional: two concurrent sign-ins with one code spend it once.
                spent = (
                    await SignInCode.filter(id=row.id, used_at__isnull=True).update(used_at=at) == 1
                )
            else:
                spent = False
                await SignInCode.filter(id=row.id).update(failed_attempts=row.failed_attempts + 1)
    if not right or not spent or row is None:
        await check_failed(attempt, auth.settings, at)
        await device_spent(attempt, auth.settings, row.user_id if row else None, at)
        raise invalid
    user = await _signing_in(row, at)
    if user is None or not user.is_active:
        raise invalid
    # The code proved the mailbox: the account's password lock, if any, ends (limits.py).
    await clear_failures(row.email)
    return await auth.start_session(user, method="email_code")


async def _signing_in(row: SignInCode, at: datetime) -> User | None:
    """Whom a spent code signs in: the account it was mailed for; for a sign-up (issue 14),
    the account it creates (or the address's own, made meanwhile); for the first admin's
    setup, that admin."""
    from portal.accounts.signup import (
        Profile,
        account_for_sign_up,
        apply_profile,
        complete_setup,
    )

    if row.sign_up is None:
        return await User.get_or_none(id=row.user_id)
    profile = Profile.from_stored(row.sign_up)
    setup_token = row.sign_up.get("setup_token_id")
    if setup_token:
        return await complete_setup(setup_token, row.email, profile, at)
    if row.user_id is None:
        return await account_for_sign_up(row.email, profile)
    user = await User.get_or_none(id=row.user_id)
    if user is not None and user.claim_pending:
        # Made for them by someone else, never claimed: proving the mailbox claims it.
        await apply_profile(user, profile)
    return user

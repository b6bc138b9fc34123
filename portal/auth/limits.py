"""Sign-in limits that slow an attacker without locking out the owner (Issue 13 F3, F4).

A sign-in step is a password check (`login`), a one-time code check (`signInWithCode`), a
client secret check (`/oauth/token`), or a request for a code (`requestSignInCode`). Password
checks cost an argon2id hash (~50 ms and 19 MiB), and an account's failures must not become a
weapon against its owner, so:

1. **One sign-in step per request** (F3). The request's `SignInAttempt` is spent by the first
   step; any further one in the same request (aliases, a second operation on the same
   WebSocket) is refused with `ONE_CREDENTIAL_PER_REQUEST` before it costs anything.
2. **Per client address** (F3, F4), counted in the database (`portal.auth.throttle`), so the
   limits hold across instances:
   - credential checks: `sign_in_address_max_checks` per `sign_in_address_window` seconds,
     successful or not (each costs a hash);
   - failed checks: after `sign_in_address_max_failures` within `login_failure_window`, the
     address is refused every check until the window slides on;
   - code requests: `sign_in_code_address_max_requests` per window over all accounts, and
     `sign_in_code_max_requests` per account. So one attacker spends their own quota for an
     account, never the owner's.
   An IPv6 client counts per /64. Refusals answer `RATE_LIMITED`.
3. **Per account** (F4), by e-mail address, whether or not it has an account:
   - after `login_max_failures` failed password checks within `login_failure_window`, a
     password is no longer checked for that account: `login` answers `SIGN_IN_CODE_REQUIRED`
     for any password (so guessing stops, and a right guess is not revealed). The owner signs
     in with a one-time code from their mailbox, which the lock does not touch, and that
     sign-in clears the failures, so the password works again at once;
   - at most `sign_in_code_account_max_requests` codes per window from all addresses
     together: a bound on mail to one person and on guesses at their codes that only an
     attacker with several addresses can reach (docs/operations.md);
   - each code takes `portal.auth.codes:MAX_GUESSES` wrong tries; a code typed with spaces
     or dashes is normalised first, and anything that cannot be a code is no guess.
   An attacker with several addresses (or IPv6 /64s) can still spend the account-wide codes
   and fail the password: both ways in stay shut for the window to a browser that never
   signed in to the account (the residual risk in docs/operations.md), but not to one that
   did (4).
4. **Per device** (F4, OWASP's device cookies, `portal.auth.devices`): a sign-in step that
   presents a valid device cookie for the account it names (login's e-mail, the code
   request's e-mail, the challenge's account) is exempt from the per-account limits of 3
   (the password lock, the account-wide code cap), never from 1 or 2. So the owner, from a
   browser that signed in before, keeps both ways in while an attacker locks the account for
   everybody else. A stolen cookie is no unlimited bypass: every failed check made with it,
   and every code it gets past the account-wide cap, counts against that device; after
   `sign_in_device_max_failures` within `login_failure_window` the cookie is ignored until
   the window slides on. Its failures count against the account too, so guessing with it
   also locks the password for everybody without a device cookie, and a password sign-in
   that got past the lock this way leaves the lock in place (ending it would give whoever
   caused it a fresh set of guesses; a code from the mailbox still ends it). The cookie
   authenticates nothing (`/graphql` never does by cookie), so a cross-site request riding
   on it (CSRF) gains nothing: at most it lifts a throttle for a sign-in that still needs
   the password or the code.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from portal.auth import throttle
from portal.auth.devices import Device
from portal.auth.errors import AuthError, AuthErrorCode
from portal.settings import Settings

# Sign-in steps one request may take (docs/limits.md).
STEPS_PER_REQUEST = 1


@dataclass
class SignInAttempt:
    """The sign-in steps a request may take, the client address it comes from, and the
    device its cookie names (checked, not yet matched to an account)."""

    address: str
    device: Device | None = None
    steps: int = 0

    def spend(self) -> None:
        # Synchronous, before any await: aliased steps cannot interleave past it.
        if self.steps >= STEPS_PER_REQUEST:
            raise AuthError(
                AuthErrorCode.ONE_CREDENTIAL_PER_REQUEST,
                "One sign-in attempt per request; send each in a request of its own.",
            )
        self.steps += 1


def attempt_from(host: str | None, device: Device | None = None) -> SignInAttempt:
    return SignInAttempt(address=throttle.address_key(host), device=device)


async def admit_check(attempt: SignInAttempt, settings: Settings, at: datetime) -> None:
    """Before a password, code or client secret is checked: raise unless this request and
    its address may check one now."""
    attempt.spend()
    address = attempt.address
    if not await throttle.allow(
        f"check:{address}",
        settings.sign_in_address_max_checks,
        settings.sign_in_address_window,
        at,
    ):
        raise AuthError(
            AuthErrorCode.RATE_LIMITED,
            "Too many sign-in attempts from your network address; try again in a minute.",
        )
    failures = await throttle.estimate(f"failure:{address}", settings.login_failure_window, at)
    if failures >= settings.sign_in_address_max_failures:
        raise AuthError(
            AuthErrorCode.RATE_LIMITED,
            "Too many failed sign-ins from your network address; try again later.",
        )


async def check_failed(attempt: SignInAttempt, settings: Settings, at: datetime) -> None:
    await throttle.record(f"failure:{attempt.address}", settings.login_failure_window, at)


async def admit_code_request(
    attempt: SignInAttempt, settings: Settings, email: str, at: datetime
) -> None:
    """Before a sign-in code is mailed: the address's quotas, over all accounts and for
    this one."""
    attempt.spend()
    window = settings.login_failure_window
    refused = AuthError(
        AuthErrorCode.RATE_LIMITED,
        "Too many sign-in codes asked for from your network address; try again later.",
    )
    if not await throttle.allow(
        f"code:{attempt.address}", settings.sign_in_code_address_max_requests, window, at
    ):
        raise refused
    if not await throttle.allow(
        f"code:{attempt.address}:{email}", settings.sign_in_code_max_requests, window, at
    ):
        raise refused


def _device_of(
    attempt: SignInAttempt, settings: Settings, user_id: uuid.UUID | None, at: datetime
) -> Device | None:
    """The attempt's device when its cookie names this account and is not too old."""
    device = attempt.device
    if device is None or user_id is None or device.user_id != user_id:
        return None
    if at.timestamp() - device.issued_at > settings.sign_in_device_ttl:
        return None
    return device


def _device_key(device: Device) -> str:
    return f"device:{device.nonce}"


async def trusted_device(
    attempt: SignInAttempt, settings: Settings, user_id: uuid.UUID | None, at: datetime
) -> bool:
    """Whether the per-account limits of ``user_id``'s account stand aside for this attempt:
    its device cookie names the account and has failures left (section 4 above)."""
    device = _device_of(attempt, settings, user_id, at)
    if device is None:
        return False
    spent = await throttle.estimate(_device_key(device), settings.login_failure_window, at)
    return spent < settings.sign_in_device_max_failures


async def device_spent(
    attempt: SignInAttempt, settings: Settings, user_id: uuid.UUID | None, at: datetime
) -> None:
    """Count a failed check, or a code past the account's cap, against the attempt's device
    if its cookie names ``user_id``'s account."""
    device = _device_of(attempt, settings, user_id, at)
    if device is not None:
        await throttle.record(_device_key(device), settings.login_failure_window, at)

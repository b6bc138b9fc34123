"""Device cookies: a browser that signed in to an account before is not held by that account's
limits (Issue 13 F4; OWASP "Slow Down Online Guessing Attacks with Device Cookies").

After a person signs in (`login`, `signInWithCode`), the answer sets a cookie naming their
account: `<user id>.<issued at>.<nonce>.<HMAC-SHA256 under the secret key>`. A sign-in step
for the account it names, presenting it, is exempt from the per-account limits
(portal.auth.limits), so an attacker who spends an account's codes and fails its password from
many addresses slows only browsers that never signed in to it.

Stateless, not a database row: the cookie grants nothing by itself (no session, no access: it
only lifts a throttle, and `/graphql` never authenticates by cookie, so a cross-site request
riding on it gains nothing, CSRF included), and what a stolen one can do is bounded by its own
failure budget (`sign_in_device_max_failures`, counted per nonce in the attempt counters) and by
the per-address limits, which it never lifts. So there is nothing to revoke one by one that is
worth a write per sign-in and a migration; the issue time inside the HMAC ends it after
`sign_in_device_ttl` whatever the browser keeps, and a new secret key ends them all.
"""

from __future__ import annotations

import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime

from portal.auth.tokens import keyed_hash

# A cookie longer than any we issue is not parsed (user id 32, time 10, nonce 22, MAC 64).
MAX_COOKIE = 160


@dataclass(frozen=True)
class Device:
    """A browser that signed in to ``user_id``'s account at ``issued_at`` (epoch seconds);
    ``nonce`` names it in the failure counters."""

    user_id: uuid.UUID
    issued_at: int
    nonce: str


def _mac(secret_key: str, payload: str) -> str:
    # Its own prefix: no other keyed hash of the installation can be passed off as one.
    return keyed_hash(secret_key, f"device-cookie:{payload}")


def issue(secret_key: str, user_id: uuid.UUID, at: datetime) -> str:
    payload = f"{user_id.hex}.{int(at.timestamp())}.{secrets.token_urlsafe(16)}"
    return f"{payload}.{_mac(secret_key, payload)}"


def read(secret_key: str, value: str | None) -> Device | None:
    """The device a cookie names, or None when it is missing, malformed or not ours."""
    if not value or len(value) > MAX_COOKIE:
        return None
    payload, _, mac = value.rpartition(".")
    if not hmac.compare_digest(mac.encode(), _mac(secret_key, payload).encode()):
        return None
    user_hex, issued, nonce = payload.split(".")
    return Device(user_id=uuid.UUID(hex=user_hex), issued_at=int(issued), nonce=nonce)

"""Signed tokens (JWT, EdDSA only) and opaque secrets.

Each kind of signed token has its own `typ` claim and header, so a download link cannot be
replayed as an access token, nor the reverse (QUALITY.md "Tokens"). The algorithm is pinned
here; the header's `alg` is never trusted, and its `kid` only selects from the fixed key set.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

import jwt

from portal.auth.keys import KeySet

ALGORITHM = "EdDSA"
REQUIRED_CLAIMS = ["exp", "iat", "iss", "aud", "sub", "jti", "typ"]
LEEWAY_SECONDS = 30
# Access tokens verified once are remembered (`VerifiedTokens`): about 0.5 KB each.
VERIFIED_TOKENS_KEPT = 4096


class TokenKind(StrEnum):
    ACCESS = "access"
    DOWNLOAD = "download"
    SURVEY = "survey"
    LOGIN_CODE = "login_code"
    PROVIDER_ANSWER = "provider_answer"  # an e-mail provider's link to its answer form
    REPRESENTATIVE_INVITATION = "representative_invitation"  # the invitee's link
    STAFF_INVITATION = "staff_invitation"  # a team's invitee's link


# RFC 9068 names the access token header type; the others get their own media-type-like names.
HEADER_TYPES = {
    TokenKind.ACCESS: "at+jwt",
    TokenKind.DOWNLOAD: "parley-download+jwt",
    TokenKind.SURVEY: "parley-survey+jwt",
    TokenKind.LOGIN_CODE: "parley-login-code+jwt",
    TokenKind.PROVIDER_ANSWER: "parley-provider-answer+jwt",
    TokenKind.REPRESENTATIVE_INVITATION: "parley-representative-invitation+jwt",
    TokenKind.STAFF_INVITATION: "parley-staff-invitation+jwt",
}


class InvalidToken(Exception):
    """A token failed verification; `reason` is for logs, never for the client."""

    def __init__(self, reason: str, *, expired: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        # Signed by us and otherwise valid, only too old: a download link may say so.
        self.expired = expired


@dataclass(frozen=True)
class TokenIssuer:
    keys: KeySet
    issuer: str
    audience: str

    def issue(self, kind: TokenKind, subject: str, ttl: int, **claims: Any) -> str:
        now = datetime.now(UTC)
        payload = {
            **claims,
            "iss": self.issuer,
            "aud": self.audience,
            "sub": subject,
            "iat": now,
            "exp": now + timedelta(seconds=ttl),
            "jti": uuid.uuid4().hex,
            "typ": kind.value,
        }
        return jwt.encode(
            payload,
            self.keys.signing_key,
            algorithm=ALGORITHM,
            headers={"kid": self.keys.signing_kid, "typ": HEADER_TYPES[kind]},
        )

    def verify(self, token: str, kind: TokenKind) -> dict[str, Any]:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as exc:
            raise InvalidToken(f"malformed: {exc}") from exc
        if header.get("alg") != ALGORITHM:
            raise InvalidToken(f"algorithm {header.get('alg')!r} refused")
        key = self.keys.verification_keys.get(str(header.get("kid", "")))
        if key is None:
            raise InvalidToken("unknown kid")
        if header.get("typ") != HEADER_TYPES[kind]:
            raise InvalidToken("wrong token type header")
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=[ALGORITHM],
                audience=self.audience,
                issuer=self.issuer,
                leeway=LEEWAY_SECONDS,
                options={"require": REQUIRED_CLAIMS},
            )
        except jwt.ExpiredSignatureError as exc:
            raise InvalidToken(f"{type(exc).__name__}: {exc}", expired=True) from exc
        except jwt.PyJWTError as exc:
            raise InvalidToken(f"{type(exc).__name__}: {exc}") from exc
        if claims.get("typ") != kind.value:
            raise InvalidToken("wrong token kind")
        return claims


class VerifiedTokens:
    """The claims of tokens of one kind that passed `TokenIssuer.verify`, kept until they
    expire (issue 17, 4): a client sends the same access token with every request, and
    checking its Ed25519 signature each time costs more than the rest of authenticating.

    Only the signature and the claims are remembered: whether the session behind the token is
    still live is checked on every request all the same (`AuthService.authenticate`), so a
    revoked session is refused at once. An entry lasts until the token's `exp` plus the
    verifier's leeway, the instant from which `verify` would refuse it; the key is the whole
    token, signature included, so a token that differs in any character is verified afresh.
    Only tokens that verified are kept, at most ``size`` (the oldest go first), so a flood of
    forged tokens costs a verification each, as before, and fills nothing.
    """

    def __init__(
        self,
        issuer: TokenIssuer,
        kind: TokenKind,
        size: int = VERIFIED_TOKENS_KEPT,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.issuer = issuer
        self.kind = kind
        self.size = size
        self.clock = clock
        self._kept: dict[str, tuple[float, Mapping[str, Any]]] = {}

    def verify(self, token: str) -> Mapping[str, Any]:
        """The token's claims; raises ``InvalidToken`` as `TokenIssuer.verify` does."""
        kept = self._kept.get(token)
        if kept is not None:
            if self.clock() < kept[0]:
                return kept[1]
            del self._kept[token]
        claims = self.issuer.verify(token, self.kind)
        if len(self._kept) >= self.size:
            del self._kept[next(iter(self._kept))]
        self._kept[token] = (float(claims["exp"]) + LEEWAY_SECONDS, claims)
        return claims


def new_secret() -> str:
    """256 random bits, URL-safe: refresh tokens and client secrets."""
    return secrets.token_urlsafe(32)


def keyed_hash(secret_key: str, value: str) -> str:
    """What is stored for an opaque secret: HMAC-SHA256 under the installation's secret key."""
    return hmac.new(secret_key.encode(), value.encode(), hashlib.sha256).hexdigest()

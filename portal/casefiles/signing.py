"""Signing an export's manifest with the installation's key, and checking such a signature.

The signature is a JWS with detached content (RFC 7515 Appendix F): the compact form with its
payload part left out, `header..signature`, whose payload is the manifest's bytes (base64url
in the signing input, as in any JWS: not RFC 7797's unencoded payload, so every JWS library
checks it once the part is put back), signed with EdDSA (Ed25519) by the
key that signs Parley's tokens (portal.auth.keys). Its `kid` names the key in the JWKS the
installation publishes at `/.well-known/jwks.json`, so anyone holding an export and that JWKS
checks it offline, with PyJWT (`portal verify-bundle`) or with openssl (docs/operations.md).

PyJWT does the JWS work (a maintained library the portal already uses for its tokens); here
only the payload part is taken out and put back (Appendix F).
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

import jwt
from jwt.exceptions import PyJWKError, PyJWTError

from portal.auth.keys import KeySet

ALGORITHM = "EdDSA"


class SignatureInvalid(Exception):
    """The signature does not hold for these bytes under any key of the JWKS, or is malformed."""


def sign_manifest(manifest: bytes, keys: KeySet) -> str:
    """The detached JWS of ``manifest`` by the installation's current signing key."""
    token = jwt.api_jws.encode(
        manifest,
        keys.signing_key,
        algorithm=ALGORITHM,
        headers={"kid": keys.signing_kid, "typ": None},
    )
    header, _payload, signature = token.split(".")
    return f"{header}..{signature}"


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _canonical(part: str) -> bool:
    try:
        decoded = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
    except (ValueError, binascii.Error):
        return False
    return _b64url(decoded) == part


def verify_manifest(manifest: bytes, jws: str, jwks: dict[str, Any]) -> None:
    """Raise SignatureInvalid unless ``jws`` is a detached EdDSA signature over ``manifest``
    by the key of ``jwks`` (a JWK Set) its header names."""
    parts = jws.split(".")
    if len(parts) != 3 or parts[1] or not all(_canonical(p) for p in (parts[0], parts[2])):
        # Detached (the middle part empty), and base64url without padding in its one
        # spelling: a signature whose unused low bits were flipped is refused, not accepted.
        raise SignatureInvalid("not a detached compact JWS")
    try:
        header = jwt.get_unverified_header(jws)
    except PyJWTError as exc:
        raise SignatureInvalid(f"not a JWS: {exc}") from exc
    if header.get("alg") != ALGORITHM:
        raise SignatureInvalid(f"algorithm {header.get('alg')!r} is not {ALGORITHM}")
    if header.get("b64", True) is not True or "crit" in header:
        raise SignatureInvalid("unsupported JWS header parameters")
    kid = header.get("kid")
    keys = jwks.get("keys")
    if not isinstance(keys, list):
        raise SignatureInvalid("the JWKS has no list of keys")
    found = [k for k in keys if isinstance(k, dict) and k.get("kid") == kid]
    if not found:
        raise SignatureInvalid(f"the JWKS has no key {kid!r}")
    try:
        key = jwt.PyJWK(found[0], algorithm=ALGORITHM)
        attached = f"{parts[0]}.{_b64url(manifest)}.{parts[2]}"
        jwt.api_jws.decode_complete(attached, key.key, algorithms=[ALGORITHM])
    except (PyJWTError, PyJWKError) as exc:
        raise SignatureInvalid(f"the signature does not hold: {exc}") from exc

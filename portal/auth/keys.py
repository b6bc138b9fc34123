"""The Ed25519 signing key, the keys still accepted during a rotation, and the JWKS document."""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from portal.settings import Settings, SettingsError

# Written above the PEM of a generated key; production refuses any key carrying it.
DEV_KEY_MARKER = "Parley development signing key: refused when PORTAL_ENV=production"
DEV_KEY_FILE = "keys/dev-signing-key.pem"


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(key: Ed25519PublicKey) -> str:
    """RFC 7638-style thumbprint: the same key always gets the same `kid`."""
    canonical = f'{{"crv":"Ed25519","kty":"OKP","x":"{_b64url(_raw_public(key))}"}}'
    return _b64url(hashlib.sha256(canonical.encode()).digest())[:16]


@dataclass(frozen=True)
class KeySet:
    signing_key: Ed25519PrivateKey
    signing_kid: str
    # kid -> public key, for verification; a token's kid is looked up here and nowhere else.
    verification_keys: dict[str, Ed25519PublicKey]

    def jwks(self) -> dict[str, Any]:
        return {
            "keys": [
                {
                    "kty": "OKP",
                    "crv": "Ed25519",
                    "alg": "EdDSA",
                    "use": "sig",
                    "kid": kid,
                    "x": _b64url(_raw_public(key)),
                }
                for kid, key in self.verification_keys.items()
            ]
        }


def _read_value(value: str, setting: str) -> str:
    if not value.startswith("@"):
        return value
    try:
        return Path(value[1:]).read_text()
    except (OSError, UnicodeDecodeError) as exc:
        # A start-up refusal naming the setting, like every other bad setting, not a traceback.
        reason = getattr(exc, "strerror", None) or exc
        raise SettingsError(f"{setting}: cannot read {value[1:]} ({reason})") from exc


def _load_private(pem: str) -> Ed25519PrivateKey:
    start = pem.find("-----BEGIN")
    try:
        key = serialization.load_pem_private_key(pem[max(start, 0) :].encode(), password=None)
    except (ValueError, TypeError) as exc:
        raise SettingsError("PORTAL_JWT_PRIVATE_KEY: not a PEM private key") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise SettingsError("PORTAL_JWT_PRIVATE_KEY: expected an Ed25519 private key")
    return key


def _generate_dev_key(path: Path) -> str:
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    text = f"{DEV_KEY_MARKER}\n{pem}"
    path.parent.mkdir(parents=True, exist_ok=True)
    # Created with owner-only permissions; O_EXCL so two processes starting at once keep one key.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text()
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
    return text


def load_keyset(settings: Settings) -> KeySet:
    if settings.jwt_private_key:
        pem = _read_value(settings.jwt_private_key, "PORTAL_JWT_PRIVATE_KEY")
    else:
        path = settings.data_path / DEV_KEY_FILE
        pem = path.read_text() if path.exists() else _generate_dev_key(path)
    if settings.production and DEV_KEY_MARKER in pem:
        raise SettingsError(
            "PORTAL_JWT_PRIVATE_KEY: a generated development key is refused in production"
        )
    signing = _load_private(pem)
    public = signing.public_key()
    keys = {key_id(public): public}
    if settings.jwt_previous_public_keys:
        previous = _read_value(settings.jwt_previous_public_keys, "PORTAL_JWT_PREVIOUS_PUBLIC_KEYS")
        for old in _split_pems(previous):
            try:
                loaded = serialization.load_pem_public_key(old.encode())
            except ValueError as exc:
                raise SettingsError("PORTAL_JWT_PREVIOUS_PUBLIC_KEYS: not PEM public keys") from exc
            if not isinstance(loaded, Ed25519PublicKey):
                raise SettingsError("PORTAL_JWT_PREVIOUS_PUBLIC_KEYS: expected Ed25519 keys")
            keys.setdefault(key_id(loaded), loaded)
    return KeySet(signing_key=signing, signing_kid=key_id(public), verification_keys=keys)


def _split_pems(text: str) -> list[str]:
    end = "-----END PUBLIC KEY-----"
    return [
        chunk[chunk.index("-----BEGIN") :] + end
        for chunk in text.split(end)
        if "-----BEGIN" in chunk
    ]

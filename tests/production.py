"""What production refuses to start without (portal.settings): a secret key of its own, an
Ed25519 signing key of its own and an https public URL. One place for the tests that run the
production configuration, in process or as a `portal serve`."""

from __future__ import annotations

import os
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from portal.settings import Settings, load_settings

PUBLIC_URL = "https://parley.example"


def signing_key_pem() -> str:
    """A fresh Ed25519 private key, PKCS#8 PEM."""
    return (
        Ed25519PrivateKey.generate()
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        .decode()
    )


def production_settings(data_dir: str, database_url: str, **overrides: Any) -> Settings:
    settings = load_settings(
        {},
        env="production",
        data_dir=data_dir,
        database_url=database_url,
        log_json=False,
        secret_key=os.urandom(24).hex(),
        jwt_private_key=signing_key_pem(),
        public_url=PUBLIC_URL,
        **overrides,
    )
    assert settings.production
    return settings


def production_env() -> dict[str, str]:
    """The same, as the environment of a `portal` process."""
    return {
        "PORTAL_ENV": "production",
        "PORTAL_SECRET_KEY": os.urandom(24).hex(),
        "PORTAL_JWT_PRIVATE_KEY": signing_key_pem(),
        "PORTAL_PUBLIC_URL": PUBLIC_URL,
    }

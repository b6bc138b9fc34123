"""Password hashing with argon2id (RFC 9106 second recommended profile, argon2-cffi defaults)."""

from __future__ import annotations

from argon2 import Parameters, PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Verified against when the account does not exist, so a missing account costs the same time.
_DUMMY_HASH = _hasher.hash("parley-timing-equaliser")

MIN_PASSWORD_LENGTH = 10


def use_parameters(parameters: Parameters) -> None:
    """Hash new passwords with other argon2id parameters. The test suite's cheap profile: it
    hashes thousands of passwords, each costing ~80 ms and 64 MiB at the default. Hashes made
    before keep verifying (their parameters are in the hash) and are due for a rehash."""
    global _hasher
    _hasher = PasswordHasher.from_parameters(parameters)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """True when ``password`` matches; an empty hash (code-only account) never matches."""
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, password) and bool(stored_hash)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return bool(stored_hash) and _hasher.check_needs_rehash(stored_hash)

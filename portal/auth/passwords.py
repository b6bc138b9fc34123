"""Password hashing with argon2id (RFC 9106 second recommended profile, argon2-cffi defaults)."""

from __future__ import annotations

import functools

from argon2 import Parameters, PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the account does not exist, so a missing account costs the same
    time. Made at the first sign-in, not at import: every process imports this module (the
    commands, the worker), and a hash costs ~80 ms and 64 MiB of memory at its peak."""
    return PasswordHasher().hash("parley-timing-equaliser")


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
        return _hasher.verify(stored_hash or _dummy_hash(), password) and bool(stored_hash)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return bool(stored_hash) and _hasher.check_needs_rehash(stored_hash)

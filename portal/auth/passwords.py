"""Password hashing with argon2id, OWASP's configuration: 19 MiB, 2 passes, 1 lane.

Each check holds its whole memory cost until it ends, so a process's memory is its base plus
the memory cost times the checks in flight. RFC 9106's second recommended profile (argon2-cffi's
default until 2026-12: 64 MiB, 3 passes, 4 lanes) added 59 MB to a serving process's peak at
every sign-in (bench/README.md, issue 17), and a burst of sign-ins from many addresses
multiplied it. OWASP's Password Storage Cheat Sheet gives five argon2id configurations of equal
strength against guessing; this is its first, as Keycloak and others chose for servers. At most
`MAX_CONCURRENT_CHECKS` hashes run at once in a process (the rest wait in their threads), so the
memory that sign-ins add is bounded at 2 x 19 MiB, however many arrive.

Hashes made with other parameters keep verifying (their parameters are in the hash) and are
rehashed with these at the next sign-in (`needs_rehash`).
"""

from __future__ import annotations

import asyncio
import functools
import threading

from argon2 import Parameters, PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

PARAMETERS = Parameters(
    type=Type.ID,
    version=19,
    salt_len=16,
    hash_len=32,
    time_cost=2,
    memory_cost=19 * 1024,  # KiB
    parallelism=1,
)
MAX_CONCURRENT_CHECKS = 2

_hasher = PasswordHasher.from_parameters(PARAMETERS)
# A thread's semaphore, not asyncio's: the checks run in worker threads (asyncio.to_thread),
# and one process serves several event loops in the test suite.
_checks = threading.BoundedSemaphore(MAX_CONCURRENT_CHECKS)


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the account does not exist, so a missing account costs the same
    time. Made at the first sign-in, not at import: every process imports this module (the
    commands, the worker)."""
    with _checks:
        return PasswordHasher.from_parameters(PARAMETERS).hash("parley-timing-equaliser")


MIN_PASSWORD_LENGTH = 10


def use_parameters(parameters: Parameters) -> None:
    """Hash new passwords with other argon2id parameters. The test suite's cheap profile: it
    hashes thousands of passwords. Hashes made before keep verifying (their parameters are in
    the hash) and are due for a rehash."""
    global _hasher
    _hasher = PasswordHasher.from_parameters(parameters)


def hash_password(password: str) -> str:
    with _checks:
        return _hasher.hash(password)


async def hashed(password: str) -> str:
    """`hash_password` in a worker thread: a hash takes tens of milliseconds (and waits for a
    slot when two are running) that the event loop must not lose."""
    return await asyncio.to_thread(hash_password, password)


def verify_password(stored_hash: str, password: str) -> bool:
    """True when ``password`` matches; an empty hash (code-only account) never matches."""
    against = stored_hash or _dummy_hash()
    try:
        with _checks:
            return _hasher.verify(against, password) and bool(stored_hash)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return bool(stored_hash) and _hasher.check_needs_rehash(stored_hash)

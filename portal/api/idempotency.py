"""Idempotency keys for create-type mutations: a retry with the same key gets the first result.

A client that lost the answer to `fileComplaint` (a dropped connection, a timeout) sends the
same request again with the same key and gets the complaint created the first time, not a
second one. Keys belong to one actor; the same key with a different request is refused.
The object and its key are written in one transaction, so a crash leaves both or neither.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import orjson
from tortoise import fields
from tortoise.exceptions import IntegrityError
from tortoise.models import Model
from tortoise.transactions import in_transaction

MAX_KEY_LENGTH = 200


class IdempotencyKey(Model):
    id = fields.UUIDField(primary_key=True)
    actor_id = fields.UUIDField()
    key = fields.CharField(max_length=MAX_KEY_LENGTH)
    operation = fields.CharField(max_length=64)
    # SHA-256 of the request (operation and input, the key left out).
    fingerprint = fields.CharField(max_length=64)
    result_id = fields.UUIDField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "idempotency_key"
        unique_together = (("actor_id", "key"),)


class IdempotencyError(Exception):
    """A key that cannot be used; each API layer shows it as a userError on `idempotencyKey`."""

    code = "INVALID_INPUT"
    field = "idempotency_key"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidKey(IdempotencyError):
    def __init__(self) -> None:
        super().__init__(f"Keys have 1 to {MAX_KEY_LENGTH} characters.")


class KeyReused(IdempotencyError):
    """The key was used before for a different request."""

    code = "IDEMPOTENCY_KEY_REUSED"

    def __init__(self) -> None:
        super().__init__("This key was used before for a different request.")


def fingerprint(operation: str, request: dict[str, Any]) -> str:
    encoded = orjson.dumps(
        {"operation": operation, "request": request},
        option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS,
        default=str,
    )
    return hashlib.sha256(encoded).hexdigest()


async def _earlier(actor_id: uuid.UUID, key: str, operation: str, print_: str) -> uuid.UUID | None:
    row = await IdempotencyKey.get_or_none(actor_id=actor_id, key=key)
    if row is None:
        return None
    if row.operation != operation or row.fingerprint != print_:
        raise KeyReused()
    return row.result_id


async def once(
    actor_id: uuid.UUID,
    key: str,
    operation: str,
    request: dict[str, Any],
    create: Callable[[], Awaitable[uuid.UUID]],
) -> uuid.UUID:
    """The id ``create`` returned the first time this actor sent this key; ``create`` runs
    only when the key is new. Raises InvalidKey for a key too short or too long, KeyReused
    for the same key with another request, and whatever ``create`` raises (then nothing is
    stored, and a retry runs it again)."""
    if not 1 <= len(key) <= MAX_KEY_LENGTH:
        raise InvalidKey()
    print_ = fingerprint(operation, request)
    found = await _earlier(actor_id, key, operation, print_)
    if found is not None:
        return found
    try:
        async with in_transaction():
            result_id = await create()
            await IdempotencyKey.create(
                actor_id=actor_id,
                key=key,
                operation=operation,
                fingerprint=print_,
                result_id=result_id,
            )
    except IntegrityError:
        # A concurrent request with the same key committed first: its result is the answer.
        found = await _earlier(actor_id, key, operation, print_)
        if found is None:
            raise
        return found
    return result_id

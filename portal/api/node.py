"""Relay's `Node` interface with opaque global IDs, and `node(id:)` through the access policy."""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import strawberry

from portal.api.context import Info
from portal.api.errors import NotFound


@strawberry.interface(description="An object with a global ID, fetchable through `node`.")
class Node:
    id: strawberry.ID = strawberry.field(description="Opaque global ID.")


_MAX_GLOBAL_ID = 128


def to_global_id(type_name: str, pk: uuid.UUID) -> strawberry.ID:
    raw = f"{type_name}:{pk}".encode()
    return strawberry.ID(base64.urlsafe_b64encode(raw).decode().rstrip("="))


def from_global_id(global_id: str) -> tuple[str, uuid.UUID]:
    """Decode; any malformed ID is simply not found.

    Only the canonical form is accepted: base64 and `uuid.UUID` both tolerate variants (stray
    characters, braces, `urn:uuid:`, upper case), and one object must not have many IDs.
    """
    if len(global_id) > _MAX_GLOBAL_ID:
        raise NotFound()
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        type_name, _, pk = base64.urlsafe_b64decode(padded).decode().partition(":")
        decoded = type_name, uuid.UUID(pk)
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise NotFound() from exc
    if to_global_id(*decoded) != global_id:
        raise NotFound()
    return decoded


def decode_id(global_id: str, type_name: str) -> uuid.UUID | None:
    """The primary key in ``global_id`` when it names a ``type_name``; else None."""
    try:
        found, pk = from_global_id(global_id)
    except NotFound:
        return None
    return pk if found == type_name else None


# type name -> resolver that returns the object only when the actor may see it.
NodeResolver = Callable[[Info, uuid.UUID], Awaitable[Any | None]]
_RESOLVERS: dict[str, NodeResolver] = {}


def node_resolver(type_name: str) -> Callable[[NodeResolver], NodeResolver]:
    def register(resolver: NodeResolver) -> NodeResolver:
        _RESOLVERS[type_name] = resolver
        return resolver

    return register


async def resolve_node(info: Info, global_id: str) -> Any:
    info.context.require_actor()
    type_name, pk = from_global_id(global_id)
    resolver = _RESOLVERS.get(type_name)
    found = await resolver(info, pk) if resolver else None
    if found is None:
        raise NotFound()
    return found

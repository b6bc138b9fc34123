"""Relay's `Node` interface with opaque global IDs, and `node(id:)` through the access policy."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import strawberry

from portal.api.context import Info
from portal.api.errors import NotFound
from portal.auth import policy
from portal.ids import decode_id, global_id, parse_global_id

__all__ = ["Node", "decode_id", "from_global_id", "node_resolver", "resolve_node", "to_global_id"]


@strawberry.interface(description="An object with a global ID, fetchable through `node`.")
class Node:
    id: strawberry.ID = strawberry.field(description="Opaque global ID.")


def to_global_id(type_name: str, pk: uuid.UUID) -> strawberry.ID:
    return strawberry.ID(global_id(type_name, pk))


def from_global_id(value: str) -> tuple[str, uuid.UUID]:
    """Decode (portal.ids); any malformed ID is simply not found."""
    parsed = parse_global_id(value)
    if parsed is None:
        raise NotFound()
    return parsed


# type name -> resolver that returns the object only when the actor may see it.
NodeResolver = Callable[[Info, uuid.UUID], Awaitable[Any | None]]
_RESOLVERS: dict[str, NodeResolver] = {}


def node_resolver(type_name: str) -> Callable[[NodeResolver], NodeResolver]:
    def register(resolver: NodeResolver) -> NodeResolver:
        _RESOLVERS[type_name] = resolver
        return resolver

    return register


async def resolve_node(info: Info, global_id: str) -> Any:
    parsed = parse_global_id(global_id)
    if parsed is None or parsed[0] not in policy.PUBLIC_NODE_TYPES:
        info.context.require_actor()  # the public reads only the directory's types
    type_name, pk = from_global_id(global_id)
    resolver = _RESOLVERS.get(type_name)
    found = await resolver(info, pk) if resolver else None
    if found is None:
        raise NotFound()
    return found

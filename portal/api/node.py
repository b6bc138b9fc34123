"""Relay's `Node` interface with opaque global IDs, and `node(id:)`/`nodes(ids:)` through the
access policy: every resolver registered here answers None for an object the actor may not
see, exactly as for one that does not exist."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import strawberry

from portal.api.context import Info
from portal.api.errors import NotFound, PublicError
from portal.auth import policy
from portal.ids import decode_id, global_id, parse_global_id

__all__ = [
    "MAX_NODES",
    "Node",
    "NodeQueries",
    "decode_id",
    "from_global_id",
    "node_resolver",
    "resolve_node",
    "to_global_id",
]

MAX_NODES = 100


class TooManyIds(PublicError):
    code = "BAD_USER_INPUT"


@strawberry.interface(description="An object with a global ID, fetchable through `node`.")
class Node:
    id: strawberry.ID = strawberry.field(description="Opaque global ID.")


def to_global_id(type_name: str, pk: uuid.UUID) -> strawberry.ID:
    return strawberry.ID(global_id(type_name, pk))


def optional_global_id(type_name: str, pk: uuid.UUID | None) -> strawberry.ID | None:
    return to_global_id(type_name, pk) if pk is not None else None


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


# type name -> resolver for a reference field, where it differs from `node`'s (a case named
# beside another object is not a read of the case file).
_REFERENCES: dict[str, NodeResolver] = {}


def reference_resolver(type_name: str) -> Callable[[NodeResolver], NodeResolver]:
    def register(resolver: NodeResolver) -> NodeResolver:
        _REFERENCES[type_name] = resolver
        return resolver

    return register


def node_types() -> frozenset[str]:
    """The type names `node(id:)` resolves (for tests and documentation)."""
    return frozenset(_RESOLVERS)


async def find_node(info: Info, global_id: str) -> Any | None:
    """The object a global ID names when the actor may see it; None for a malformed ID, an
    unknown type, a missing object and a foreign one alike. A caller who has not signed in
    reads only the public directory's types (UNAUTHENTICATED otherwise)."""
    parsed = parse_global_id(global_id)
    if parsed is None or parsed[0] not in policy.PUBLIC_NODE_TYPES:
        info.context.require_actor()
    if parsed is None:
        return None
    resolver = _RESOLVERS.get(parsed[0])
    return await resolver(info, parsed[1]) if resolver else None


async def resolve_node(info: Info, global_id: str) -> Any:
    """`find_node` for the callers that answer NOT_FOUND (mutations' inputs, REST)."""
    found = await find_node(info, global_id)
    if found is None:
        raise NotFound()
    return found


async def referenced(info: Info, type_name: str, pk: uuid.UUID | None) -> Any | None:
    """A reference field's object: the target when the actor may see it, else None."""
    if pk is None:
        return None
    resolver = _REFERENCES.get(type_name) or _RESOLVERS.get(type_name)
    return await resolver(info, pk) if resolver else None


@strawberry.type
class NodeQueries:
    @strawberry.field(
        description="Any object by its global ID; null when it does not exist or you may not "
        "see it (the two are answered alike, with no error), and for an ID that is malformed."
    )
    async def node(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="A global ID.")],
    ) -> Node | None:
        return await find_node(info, id)

    @strawberry.field(
        description=f"Several objects by their global IDs (at most {MAX_NODES}, else "
        "BAD_USER_INPUT), in the order asked: null in place of each one that does not exist, "
        "that you may not see, or whose ID is malformed. Loaded in batches where the types "
        "allow."
    )
    async def nodes(
        self,
        info: Info,
        ids: Annotated[
            list[strawberry.ID],
            strawberry.argument(description=f"Global IDs, at most {MAX_NODES}."),
        ],
    ) -> list[Node | None]:
        if len(ids) > MAX_NODES:
            raise TooManyIds(f"At most {MAX_NODES} IDs at a time.")
        # Together, so that the resolvers' loads through the request's DataLoaders batch.
        return list(await asyncio.gather(*(find_node(info, i) for i in ids)))

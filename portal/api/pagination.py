"""Relay connections with keyset pagination: opaque cursors, at most `MAX_PAGE_SIZE` per page.

A cursor is the sort key of the last row seen, not an offset: the next page is one indexed
range scan however deep it is, and rows added meanwhile neither repeat nor go missing.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

import orjson
import strawberry
from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.queryset import QuerySet

from portal.api.errors import PublicError

# ARCHITECTURE.md "The GraphQL API": at most 100 per page.
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
_MAX_CURSOR = 200

T = TypeVar("T")
M = TypeVar("M", bound=Model)


class PageSizeExceeded(PublicError):
    code = "PAGE_SIZE_EXCEEDED"

    def __init__(self) -> None:
        super().__init__(
            f"`first` is a number from 0 to {MAX_PAGE_SIZE}.", maxPageSize=MAX_PAGE_SIZE
        )


class InvalidCursor(PublicError):
    code = "INVALID_CURSOR"

    def __init__(self) -> None:
        super().__init__("`after` is not a cursor this connection gave out.")


# The arguments every connection takes.
First = Annotated[
    int | None,
    strawberry.argument(
        description=f"How many, from 0 to {MAX_PAGE_SIZE}; {DEFAULT_PAGE_SIZE} if left out."
    ),
]
After = Annotated[
    str | None, strawberry.argument(description="The `endCursor` of the page before.")
]


@strawberry.type(description="Where a page sits in its connection (Relay).")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool = strawberry.field(
        description="Whether the page was asked for `after` a cursor."
    )
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo


def page_size(first: int | None) -> int:
    if first is None:
        return DEFAULT_PAGE_SIZE
    if not 0 <= first <= MAX_PAGE_SIZE:
        raise PageSizeExceeded()
    return first


def encode_cursor(*key: Any) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(list(key))).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[Any]:
    if len(cursor) > _MAX_CURSOR:
        raise InvalidCursor()
    try:
        key = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error) as exc:
        raise InvalidCursor() from exc
    if not isinstance(key, list):
        raise InvalidCursor()
    return key


def _newest_key(cursor: str) -> tuple[datetime, uuid.UUID]:
    key = decode_cursor(cursor)
    try:
        at, pk = key
        decoded = datetime.fromisoformat(at), uuid.UUID(pk)
    except (TypeError, ValueError) as exc:
        raise InvalidCursor() from exc
    if decoded[0].tzinfo is None:
        raise InvalidCursor()
    return decoded


async def newest_first(
    query: QuerySet[M], first: int | None, after: str | None
) -> tuple[list[M], bool]:
    """One page of ``query`` ordered by `created_at desc, id desc`, and whether more follow."""
    size = page_size(first)
    if after is not None:
        at, pk = _newest_key(after)
        query = query.filter(Q(created_at__lt=at) | Q(created_at=at, id__lt=pk))
    rows = await query.order_by("-created_at", "-id").limit(size + 1)
    return rows[:size], len(rows) > size


def newest_cursor(row: Any) -> str:
    return encode_cursor(row.created_at.isoformat(), str(row.id))


def connection(
    rows: Sequence[Any],
    has_next: bool,
    after: str | None,
    cursor: Callable[[Any], str],
    node: Callable[[Any], T] | Sequence[T],
    *,
    edge_cursors: bool = True,
) -> Connection[T]:
    """``node`` builds each row's node, or is the nodes already built, one per row.

    With ``edge_cursors`` false (the client selected no `edges { cursor }`), only `pageInfo`'s
    two cursors are encoded; the edges hold an empty string that is never sent.
    """
    nodes = [node(row) for row in rows] if callable(node) else node
    if edge_cursors:
        edges = [Edge(cursor=cursor(row), node=n) for row, n in zip(rows, nodes, strict=True)]
    else:
        edges = [Edge(cursor="", node=n) for n in nodes]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=has_next,
            has_previous_page=after is not None,
            start_cursor=cursor(rows[0]) if rows else None,
            end_cursor=cursor(rows[-1]) if rows else None,
        ),
    )

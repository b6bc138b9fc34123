"""Relay connections with keyset pagination: opaque cursors, at most `MAX_PAGE_SIZE` per page.

A cursor is the sort key of the last row seen, not an offset: the next page is one indexed
range scan however deep it is, and rows added meanwhile neither repeat nor go missing.

Every connection pages forward (`first`, `after`) or backward (`last`, `before`, the page in the
same order as forward paging, the rows just before the cursor), never both in one request
(MIXED_PAGING_DIRECTIONS). `pageInfo` follows Relay: `hasNextPage` and `hasPreviousPage` each
say whether rows exist on that side of the page; the one the page was not cut on is asked of
the database only when selected. `totalCount` counts the rows of the whole connection (not the
page) in one statement, only when selected. An empty page (`first: 0`, `last: 0`, or nothing
left) gives back the cursor it was asked from as its `startCursor` and `endCursor`, so paging
on from an empty page is paging on from the same place, never from the beginning.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
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
            f"`first` and `last` are numbers from 0 to {MAX_PAGE_SIZE}.",
            maxPageSize=MAX_PAGE_SIZE,
        )


class InvalidCursor(PublicError):
    code = "INVALID_CURSOR"

    def __init__(self) -> None:
        super().__init__("`after` or `before` is not a cursor this connection gave out.")


class MixedPagingDirections(PublicError):
    code = "MIXED_PAGING_DIRECTIONS"

    def __init__(self) -> None:
        super().__init__(
            "Page forward (`first`, `after`) or backward (`last`, `before`), not both at once."
        )


# The arguments every connection takes.
First = Annotated[
    int | None,
    strawberry.argument(
        description=f"Page forward: how many, from 0 to {MAX_PAGE_SIZE}; {DEFAULT_PAGE_SIZE} "
        "if neither `first` nor `last` is given. Not with `last` or `before`."
    ),
]
After = Annotated[
    str | None,
    strawberry.argument(
        description="Page forward from this cursor: the `endCursor` of the page before."
    ),
]
Last = Annotated[
    int | None,
    strawberry.argument(
        description=f"Page backward: how many, from 0 to {MAX_PAGE_SIZE}, the rows just "
        "before `before` (the last ones without it), in the connection's own order. Not with "
        "`first` or `after`."
    ),
]
Before = Annotated[
    str | None,
    strawberry.argument(
        description="Page backward from this cursor: the `startCursor` of the page after."
    ),
]

Lazy = bool | Callable[[], Awaitable[bool]]


async def _known(value: Lazy) -> bool:
    return value if isinstance(value, bool) else await value()


@strawberry.type(description="Where a page sits in its connection (Relay).")
class PageInfo:
    start_cursor: str | None = strawberry.field(
        description="The first row's cursor; on an empty page the cursor asked from (`after` "
        "or `before`), null only when none was given."
    )
    end_cursor: str | None = strawberry.field(
        description="The last row's cursor; on an empty page the cursor asked from (`after` "
        "or `before`), null only when none was given."
    )
    next: strawberry.Private[Lazy]
    previous: strawberry.Private[Lazy]

    @strawberry.field(
        description="Whether rows follow this page (after `endCursor`, or after `after` on "
        "an empty page): `first: 0` asks only this."
    )
    async def has_next_page(self) -> bool:
        return await _known(self.next)

    @strawberry.field(
        description="Whether rows come before this page (before `startCursor`, or before "
        "`before` on an empty page)."
    )
    async def has_previous_page(self) -> bool:
        return await _known(self.previous)


@strawberry.type(description="One row of a connection and its cursor.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="Where this row sits: page on from it.")
    node: T = strawberry.field(description="The row.")


@strawberry.type(description="One page of a list (Relay connection).")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The rows of this page, in order.")
    page_info: PageInfo = strawberry.field(description="Where the page sits.")
    counter: strawberry.Private[Callable[[], Awaitable[int]] | None] = None

    @strawberry.field(
        description="How many rows the whole connection holds (every page, as filtered), "
        "counted only when asked for."
    )
    async def total_count(self) -> int:
        if self.counter is None:
            return len(self.edges)
        return await self.counter()


@dataclass(frozen=True)
class Window:
    """What a request asked of one connection: a size, a direction and a cursor."""

    size: int
    backward: bool
    cursor: str | None

    @property
    def after(self) -> str | None:
        return None if self.backward else self.cursor

    @property
    def before(self) -> str | None:
        return self.cursor if self.backward else None


def _size(value: int | None) -> int:
    if value is None:
        return DEFAULT_PAGE_SIZE
    if not 0 <= value <= MAX_PAGE_SIZE:
        raise PageSizeExceeded()
    return value


def window(
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
) -> Window:
    """The page asked for; MIXED_PAGING_DIRECTIONS when forward and backward are mixed."""
    forward = first is not None or after is not None
    backward = last is not None or before is not None
    if forward and backward:
        raise MixedPagingDirections()
    if backward:
        return Window(_size(last), True, before)
    return Window(_size(first), False, after)


def page_size(first: int | None) -> int:
    return _size(first)


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


# --- keys: how a row's sort key becomes a cursor and back ----------------------------------


def _instant(value: Any) -> datetime:
    if not isinstance(value, str):
        raise ValueError(value)
    at = datetime.fromisoformat(value)
    if at.tzinfo is None:
        raise ValueError(value)
    return at


def _whole(high: int) -> Callable[[Any], int]:
    """A whole-number key from 0 to ``high`` (the column's largest): a forged cursor outside
    the column's range is INVALID_CURSOR, never a number the database refuses to compare."""

    def parse(value: Any) -> int:
        if type(value) is not int or not 0 <= value <= high:
            raise ValueError(value)
        return value

    return parse


def _uuid(value: Any) -> uuid.UUID:
    if not isinstance(value, str):
        raise ValueError(value)
    return uuid.UUID(value)


def _dump(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


INSTANT = _instant
INTEGER = _whole(2**63 - 1)  # a BigIntField
INTEGER32 = _whole(2**31 - 1)  # an IntField
UUID = _uuid


@dataclass(frozen=True)
class Keyset:
    """A total order of a connection: (field, how its cursor value parses), all one way,
    the last field unique. ``descending`` orders every field from the highest."""

    fields: tuple[tuple[str, Callable[[Any], Any]], ...]
    descending: bool
    tag: str | None = None  # told apart in the cursor when one connection has several orders

    def cursor(self, row: Any) -> str:
        values = [
            _dump(row[name] if isinstance(row, dict) else getattr(row, name))
            for name, _ in self.fields
        ]
        return encode_cursor(*([self.tag] if self.tag else []), *values)

    def decode(self, cursor: str) -> list[Any]:
        key = decode_cursor(cursor)
        if self.tag is not None:
            if not key or key[0] != self.tag:
                raise InvalidCursor()
            key = key[1:]
        if len(key) != len(self.fields):
            raise InvalidCursor()
        try:
            return [parse(value) for (_, parse), value in zip(self.fields, key, strict=True)]
        except (TypeError, ValueError) as exc:
            raise InvalidCursor() from exc

    def beyond(self, key: list[Any], *, later: bool) -> Q:
        """The rows after ``key`` in this order (``later``), or before it."""
        upward = later != self.descending
        condition: Q | None = None
        for i in range(len(self.fields) - 1, -1, -1):
            name = self.fields[i][0]
            strict = Q(**{f"{name}__{'gt' if upward else 'lt'}": key[i]})
            condition = strict if condition is None else strict | Q(**{name: key[i]}) & condition
        assert condition is not None
        return condition

    def ordering(self, *, reverse: bool = False) -> list[str]:
        down = self.descending != reverse
        return [f"-{name}" if down else name for name, _ in self.fields]


NEWEST = Keyset((("created_at", INSTANT), ("id", UUID)), descending=True)


@dataclass
class Page(Generic[M]):
    """The rows of one page, in the connection's order, and what lies either side."""

    rows: list[Any]
    window: Window
    cursor: Callable[[Any], str]
    next: Lazy
    previous: Lazy
    counter: Callable[[], Awaitable[int]] | None = None


def page_query(query: QuerySet[M], keyset: Keyset, asked: Window) -> QuerySet[M]:
    """The statement that reads one page of ``query`` in ``keyset``'s order from ``asked``'s
    cursor: size + 1 rows, to tell whether more follow (INVALID_CURSOR for a cursor of
    another order). `keyset_page` runs it; the compiled `Cases` operation wraps it."""
    scope = query
    if asked.cursor is not None:
        key = keyset.decode(asked.cursor)
        scope = query.filter(keyset.beyond(key, later=not asked.backward))
    return scope.order_by(*keyset.ordering(reverse=asked.backward)).limit(asked.size + 1)


async def keyset_page(
    query: QuerySet[M], keyset: Keyset, asked: Window, *, values: Sequence[str] = ()
) -> Page[M]:
    """One page of ``query`` in ``keyset``'s order: one statement (size + 1 rows), and one
    more only for a side of the page, or the count, the client selects. With ``values``, the
    rows are dicts of those columns."""
    ordered = page_query(query, keyset, asked)
    rows = list(await (ordered.values(*values) if values else ordered))
    more = len(rows) > asked.size
    rows = rows[: asked.size]
    if asked.backward:
        rows.reverse()
    return around(query, keyset, asked, rows, more)


def around(
    query: QuerySet[M], keyset: Keyset, asked: Window, rows: list[Any], more: bool
) -> Page[M]:
    """The page of ``rows`` (read in ``keyset``'s order from ``asked``'s cursor, ``more``:
    whether rows followed on the side read), with the other side and the count of ``query``
    asked only when selected."""
    key = keyset.decode(asked.cursor) if asked.cursor is not None else None

    def behind() -> Lazy:
        # The side of the cursor the page was not read on: rows there exist when any row
        # lies at or past the cursor, looking back.
        if key is None:
            return False
        past = query.exclude(keyset.beyond(key, later=not asked.backward))

        async def exists() -> bool:
            return bool(await past.exists())

        return exists

    async def count() -> int:
        return int(await query.count())

    if asked.backward:
        return Page(rows, asked, keyset.cursor, next=behind(), previous=more, counter=count)
    return Page(rows, asked, keyset.cursor, next=more, previous=behind(), counter=count)


async def newest_page(query: QuerySet[M], asked: Window) -> Page[M]:
    """One page of ``query`` ordered by `created_at desc, id desc`."""
    return await keyset_page(query, NEWEST, asked)


def newest_cursor(row: Any) -> str:
    return NEWEST.cursor(row)


def connection(
    page: Page[Any],
    node: Callable[[Any], T] | Sequence[T],
    *,
    edge_cursors: bool = True,
    counter: Callable[[], Awaitable[int]] | None = None,
) -> Connection[T]:
    """``node`` builds each row's node, or is the nodes already built, one per row.

    With ``edge_cursors`` false (the client selected no `edges { cursor }`), only `pageInfo`'s
    two cursors are encoded; the edges hold an empty string that is never sent. ``counter``
    replaces the page's own count (a connection whose rows are filtered after reading).
    """
    rows, cursor = page.rows, page.cursor
    nodes = [node(row) for row in rows] if callable(node) else node
    if edge_cursors:
        edges = [Edge(cursor=cursor(row), node=n) for row, n in zip(rows, nodes, strict=True)]
    else:
        edges = [Edge(cursor="", node=n) for n in nodes]
    asked = page.window.cursor
    return Connection(
        edges=edges,
        page_info=PageInfo(
            next=page.next,
            previous=page.previous,
            start_cursor=cursor(rows[0]) if rows else asked,
            end_cursor=cursor(rows[-1]) if rows else asked,
        ),
        counter=counter or page.counter,
    )

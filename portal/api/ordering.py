"""What `cases` and `complaints` share for incremental sync: `updatedSince` and an order by
creation or last change, each order with keyset cursors of its own (portal.api.pagination)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

import strawberry

from portal.api.enums import described_enum
from portal.api.errors import PublicError
from portal.api.instants import InvalidInstant, utc
from portal.api.pagination import INSTANT, UUID, Keyset


class InvalidInput(PublicError):
    code = "INVALID_INPUT"


class OrderDirection(StrEnum):
    ASC = "asc"
    DESC = "desc"


described_enum(
    OrderDirection,
    description="Which way an order runs.",
    values={
        OrderDirection.ASC: "Oldest (or soonest) first.",
        OrderDirection.DESC: "Newest (or latest) first.",
    },
)


class RecordOrderField(StrEnum):
    CREATED_AT = "created_at"
    UPDATED_AT = "updated_at"


described_enum(
    RecordOrderField,
    description="What `complaints` are ordered by.",
    values={
        RecordOrderField.CREATED_AT: "When it was written into Parley.",
        RecordOrderField.UPDATED_AT: "When a step was last taken on it (`updatedAt`).",
    },
)


UpdatedSince = Annotated[
    datetime | None,
    strawberry.argument(
        description="Only those whose `updatedAt` is at or after this instant (with a UTC "
        "offset). For a complete, ordered catch-up use the `events` feed: an update that "
        "commits late can carry an earlier `updatedAt`, so ask again from a little before "
        "the latest `updatedAt` you saw."
    ),
]


def since(value: datetime) -> datetime:
    """``value`` in UTC, or INVALID_INPUT (instants.utc: an offset, within range)."""
    try:
        return utc(value, "updated_since")
    except InvalidInstant as exc:
        raise InvalidInput(f"`updatedSince`: {exc.message}") from exc


_KEYSETS = {
    (field, direction): Keyset(
        ((field, INSTANT), ("id", UUID)),
        descending=direction is OrderDirection.DESC,
        # The default order keeps the cursors it always gave; the others are told apart.
        tag=None if (field, direction) == ("created_at", OrderDirection.DESC) else field[0],
    )
    for field in ("created_at", "updated_at")
    for direction in OrderDirection
}


def keyset_for(field: str, direction: OrderDirection) -> Keyset:
    """The keyset order by ``field`` (`created_at` or `updated_at`), then id."""
    return _KEYSETS[(field, direction)]

"""Date-time inputs: an instant with a UTC offset that stays an instant once in UTC.

Issue 13 F8: `9999-12-31T23:59:59-14:00` parses (graphql's DateTime is ISO 8601) but lies past
the last instant Python (and the database) can hold once converted to UTC, and raised
OverflowError deep inside the service. Every DateTime input goes through `utc` first, so such
a value is an expected failure with a code, answered before anything is read or written.
"""

from __future__ import annotations

from datetime import UTC, datetime


class InvalidInstant(ValueError):
    """``code`` is the userError code; ``field`` the input field (snake_case)."""

    code = "INVALID_INPUT"

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def utc(value: datetime, field: str) -> datetime:
    """``value`` in UTC; InvalidInstant when it has no offset or leaves the range in UTC."""
    if value.utcoffset() is None:
        raise InvalidInstant("Give date-times with a UTC offset.", field)
    try:
        return value.astimezone(UTC)
    except (OverflowError, ValueError):
        raise InvalidInstant(
            "Out of range: a date-time must lie between the years 1 and 9999 in UTC.", field
        ) from None

"""Expected failures of managing webhooks and dead letters, each with a stable code."""

from __future__ import annotations


class NotificationError(Exception):
    def __init__(
        self,
        code: str,
        message: str,
        field: str | None = None,
        *,
        limit: int | None = None,
        actual: int | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        # A refusal for a limit (portal.lengths): the limit and the size found.
        self.limit = limit
        self.actual = actual


class NotificationNotFound(NotificationError):
    """Also what a foreign subscription or message looks like."""

    def __init__(self, field: str = "id") -> None:
        super().__init__("NOT_FOUND", "Not found.", field=field)

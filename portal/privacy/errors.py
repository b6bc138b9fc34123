"""Expected failures of data protection requests, each with a stable code the API shows."""

from __future__ import annotations


class PrivacyError(Exception):
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
        self.limit = limit
        self.actual = actual

"""Expected failures when managing accounts."""

from __future__ import annotations

from enum import StrEnum


class AccountErrorCode(StrEnum):
    INVALID_EMAIL = "INVALID_EMAIL"
    EMAIL_TAKEN = "EMAIL_TAKEN"
    PASSWORD_TOO_SHORT = "PASSWORD_TOO_SHORT"
    ROLE_SCOPE_MISMATCH = "ROLE_SCOPE_MISMATCH"
    NOT_FOUND = "NOT_FOUND"
    CLIENT_DISABLED = "CLIENT_DISABLED"
    TOO_LONG = "TOO_LONG"
    REQUIRED = "REQUIRED"


class AccountError(Exception):
    limit: int | None = None  # no account refusal is about a limit (portal.lengths)
    actual: int | None = None

    def __init__(self, code: AccountErrorCode, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

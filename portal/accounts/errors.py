"""Expected failures when managing accounts."""

from __future__ import annotations

from enum import StrEnum


class AccountErrorCode(StrEnum):
    INVALID_EMAIL = "INVALID_EMAIL"
    EMAIL_TAKEN = "EMAIL_TAKEN"
    PASSWORD_TOO_SHORT = "PASSWORD_TOO_SHORT"
    ROLE_SCOPE_MISMATCH = "ROLE_SCOPE_MISMATCH"
    # Issue 14: sign-up, claiming an account, the first admin.
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    INVALID_TIME_ZONE = "INVALID_TIME_ZONE"
    SETUP_LINK_INVALID = "SETUP_LINK_INVALID"
    ADMIN_EXISTS = "ADMIN_EXISTS"


class AccountError(Exception):
    limit: int | None = None  # no account refusal is about a limit (portal.lengths)
    actual: int | None = None

    def __init__(self, code: AccountErrorCode, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

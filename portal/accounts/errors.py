"""Expected failures when managing accounts."""

from __future__ import annotations

from enum import StrEnum

from portal.lengths import TOO_LONG


class AccountErrorCode(StrEnum):
    INVALID_EMAIL = "INVALID_EMAIL"
    EMAIL_TAKEN = "EMAIL_TAKEN"
    PASSWORD_TOO_SHORT = "PASSWORD_TOO_SHORT"
    ROLE_SCOPE_MISMATCH = "ROLE_SCOPE_MISMATCH"
    NOT_FOUND = "NOT_FOUND"
    CLIENT_DISABLED = "CLIENT_DISABLED"
    TOO_LONG = TOO_LONG  # raised by portal.lengths.at_most, the one length check
    REQUIRED = "REQUIRED"
    # Issue 14: sign-up, claiming an account, the first admin.
    INVALID_TIME_ZONE = "INVALID_TIME_ZONE"
    SETUP_LINK_INVALID = "SETUP_LINK_INVALID"
    ADMIN_EXISTS = "ADMIN_EXISTS"


class AccountError(Exception):
    def __init__(
        self,
        code: AccountErrorCode | str,
        message: str,
        field: str | None = None,
        *,
        limit: int | None = None,
        actual: int | None = None,
    ) -> None:
        super().__init__(message)
        self.code = AccountErrorCode(code)
        self.message = message
        self.field = field
        self.limit = limit  # a limit refusal (portal.lengths): the limit and what was sent
        self.actual = actual

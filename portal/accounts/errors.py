"""Expected failures when managing accounts."""

from __future__ import annotations

from enum import StrEnum

from portal import lengths


class AccountErrorCode(StrEnum):
    INVALID_EMAIL = "INVALID_EMAIL"
    EMAIL_TAKEN = "EMAIL_TAKEN"
    PASSWORD_TOO_SHORT = "PASSWORD_TOO_SHORT"
    ROLE_SCOPE_MISMATCH = "ROLE_SCOPE_MISMATCH"
    # Issue 14: sign-up, claiming an account, the first admin.
    REQUIRED = "REQUIRED"
    TOO_LONG = lengths.TOO_LONG  # a name over its limit, through portal.lengths.at_most
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
        # A name over its limit (portal.lengths): the limit and the length found.
        self.limit = limit
        self.actual = actual

"""Expected failures of signing in and of tokens, each with a stable code."""

from __future__ import annotations

from enum import StrEnum


class AuthErrorCode(StrEnum):
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    RATE_LIMITED = "RATE_LIMITED"
    INVALID_REFRESH_TOKEN = "INVALID_REFRESH_TOKEN"
    INVALID_CLIENT = "INVALID_CLIENT"
    INVALID_EMAIL = "INVALID_EMAIL"
    INVALID_CODE = "INVALID_CODE"
    INVALID_CODE_FORMAT = "INVALID_CODE_FORMAT"
    ONE_CREDENTIAL_PER_REQUEST = "ONE_CREDENTIAL_PER_REQUEST"
    SIGN_IN_CODE_REQUIRED = "SIGN_IN_CODE_REQUIRED"
    # Issue 14: the setup link was used, expired, or an admin exists already.
    SETUP_LINK_INVALID = "SETUP_LINK_INVALID"
    # Issue 18, 4: a token request asked for a scope the client does not hold (RFC 6749
    # 5.2 `invalid_scope` at /oauth/token).
    INVALID_SCOPE = "INVALID_SCOPE"


class AuthError(Exception):
    def __init__(self, code: AuthErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

"""Errors the API shows: expected ones as data (`userErrors`), the rest coded or masked.

Every error a client sees carries `extensions.code`. An exception that is neither a
`GraphQLError` nor a `PublicError` is a bug: the client gets `INTERNAL_SERVER_ERROR` and the
request id, the log gets the traceback under the same id.
"""

from __future__ import annotations

import logging
import re
from enum import StrEnum
from typing import Any

import strawberry
from strawberry.extensions import MaskErrors

from graphql import GraphQLError
from portal.logs import current_request_id

log = logging.getLogger("portal.api")


@strawberry.enum(description="Machine-readable codes of expected mutation failures.")
class UserErrorCode(StrEnum):
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    RATE_LIMITED = "RATE_LIMITED"
    INVALID_REFRESH_TOKEN = "INVALID_REFRESH_TOKEN"
    INVALID_INPUT = "INVALID_INPUT"


@strawberry.type(description="An expected failure of a mutation, for the user to act on.")
class UserError:
    field: list[str] | None = strawberry.field(
        description="Path to the input field at fault, when one is."
    )
    code: UserErrorCode
    message: str


class PublicError(GraphQLError):
    """An error meant for the client, with a stable `extensions.code`."""

    code = "BAD_REQUEST"

    def __init__(self, message: str, **extensions: Any) -> None:
        super().__init__(message, extensions={"code": self.code, **extensions})


class Unauthenticated(PublicError):
    code = "UNAUTHENTICATED"

    def __init__(self, message: str = "Sign in to do this.") -> None:
        super().__init__(message)


class NotFound(PublicError):
    """Also what a foreign object looks like: exactly like one that does not exist."""

    code = "NOT_FOUND"

    def __init__(self, message: str = "Not found.") -> None:
        super().__init__(message)


# graphql-core and strawberry's limiters report without codes; give each a stable one.
_CODES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"exceeds maximum operation depth"), "DEPTH_LIMIT_EXCEEDED"),
    (re.compile(r"aliases found\. Allowed"), "ALIAS_LIMIT_EXCEEDED"),
    (re.compile(r"Document contains more than \d+ tokens"), "TOKEN_LIMIT_EXCEEDED"),
    (re.compile(r"^Syntax Error"), "GRAPHQL_PARSE_FAILED"),
    (re.compile(r"^Variable '\$"), "BAD_USER_INPUT"),
    (re.compile(r"introspection", re.IGNORECASE), "INTROSPECTION_DISABLED"),
)


def _code_for(error: GraphQLError) -> str:
    for pattern, code in _CODES:
        if pattern.search(error.message):
            return code
    return "GRAPHQL_VALIDATION_FAILED" if error.path is None else "BAD_REQUEST"


class PublicErrors(MaskErrors):
    """Masks unexpected exceptions and gives every remaining error a code."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=_is_unexpected, error_message="Unexpected error.")

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        request_id = current_request_id()
        log.error(
            "unexpected error in %s",
            ".".join(map(str, error.path or [])) or "request",
            exc_info=error.original_error,
        )
        masked = super().anonymise_error(error)
        masked.extensions = {"code": "INTERNAL_SERVER_ERROR", "requestId": request_id}
        return masked

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        processed = super()._process_errors(errors)
        for error in processed:
            if not (error.extensions or {}).get("code"):
                error.extensions = {**(error.extensions or {}), "code": _code_for(error)}
        return processed


def _is_unexpected(error: GraphQLError) -> bool:
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError)

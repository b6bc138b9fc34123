"""Errors the API shows: expected ones as data (`userErrors`), the rest coded or masked.

Every error a client sees carries `extensions.code`. An exception that is neither a
`GraphQLError` nor a `PublicError` is a bug: the client gets `INTERNAL_SERVER_ERROR` and the
request id, the log gets the traceback under the same id. graphql-core's own complaints about
what a resolver returned (a null for a non-null field, a value a type cannot represent) are bugs
too, and are masked the same way.
"""

from __future__ import annotations

import logging
import re
from enum import StrEnum
from typing import Any

import strawberry
from graphql import GraphQLError
from starlette.responses import Response
from strawberry.extensions import MaskErrors

from portal.dbclients.faults import RETRY_AFTER_SECONDS, is_connection_lost
from portal.logs import current_request_id

log = logging.getLogger("portal.api")

MASKED_MESSAGE = "Unexpected error."
INTERNAL = "INTERNAL_SERVER_ERROR"
# Issue 13 D3: the database went away (a terminated connection, a failover, SQLite's lock held
# past the busy timeout); the request may succeed when retried. HTTP 503 with Retry-After.
UNAVAILABLE = "DATABASE_UNAVAILABLE"
UNAVAILABLE_MESSAGE = "The database is unavailable for a moment; retry the request."


@strawberry.enum(description="Machine-readable codes of expected mutation failures.")
class UserErrorCode(StrEnum):
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    RATE_LIMITED = "RATE_LIMITED"
    INVALID_REFRESH_TOKEN = "INVALID_REFRESH_TOKEN"
    INVALID_CODE = "INVALID_CODE"
    # Issue 16: a typed code that cannot be six digits, even without its separators; no guess.
    INVALID_CODE_FORMAT = "INVALID_CODE_FORMAT"
    # Sign-in limits (portal.auth.limits): a second sign-in step in one request; a password
    # on an account whose failures ask for a one-time code first.
    ONE_CREDENTIAL_PER_REQUEST = "ONE_CREDENTIAL_PER_REQUEST"
    SIGN_IN_CODE_REQUIRED = "SIGN_IN_CODE_REQUIRED"
    INVALID_INPUT = "INVALID_INPUT"
    # Accounts (a complaint recorded for someone without an account creates one).
    INVALID_EMAIL = "INVALID_EMAIL"
    EMAIL_TAKEN = "EMAIL_TAKEN"
    # Idempotent create mutations: a key reused for a different request.
    IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED"
    # A repeat whose first answer carried a secret shown once (portal.api.idempotency).
    SECRET_NOT_REPEATED = "SECRET_NOT_REPEATED"
    # Complaints and cases (portal.cases.errors, the transition table's guards, handlers).
    ACTION_NOT_AVAILABLE = "ACTION_NOT_AVAILABLE"
    ALREADY_ANSWERED = "ALREADY_ANSWERED"
    ALREADY_CONFIRMED = "ALREADY_CONFIRMED"
    ALREADY_RECORDED = "ALREADY_RECORDED"
    ALREADY_REFERRED = "ALREADY_REFERRED"
    APPOINTMENT_ACTIVE = "APPOINTMENT_ACTIVE"
    BINDING_AWARD = "BINDING_AWARD"
    CLOCK_NOT_RUNNING = "CLOCK_NOT_RUNNING"
    COMPLAINANT_NOT_CONFIRMED = "COMPLAINANT_NOT_CONFIRMED"
    CONSENT_INCOMPLETE = "CONSENT_INCOMPLETE"
    CONSENT_TEXT_CHANGED = "CONSENT_TEXT_CHANGED"
    CONSENT_TO_BE_BOUND_REQUIRED = "CONSENT_TO_BE_BOUND_REQUIRED"
    EXTENSION_LIMIT = "EXTENSION_LIMIT"
    FORBIDDEN = "FORBIDDEN"
    IMPLEMENTATION_NOT_RECORDED = "IMPLEMENTATION_NOT_RECORDED"
    INVALID_AMOUNT = "INVALID_AMOUNT"
    INVALID_ANSWER = "INVALID_ANSWER"
    INVALID_CHOICE = "INVALID_CHOICE"
    INVALID_CURRENCY = "INVALID_CURRENCY"
    INVALID_DAYS = "INVALID_DAYS"
    INVALID_EXPIRY = "INVALID_EXPIRY"
    INVALID_LANGUAGE = "INVALID_LANGUAGE"
    INVALID_URL = "INVALID_URL"
    METHOD_NOT_OFFERED = "METHOD_NOT_OFFERED"
    NEUTRAL_NOT_AVAILABLE = "NEUTRAL_NOT_AVAILABLE"
    NEUTRAL_NOT_CONFIRMED = "NEUTRAL_NOT_CONFIRMED"
    NEUTRAL_NOT_ON_ROSTER = "NEUTRAL_NOT_ON_ROSTER"
    NOT_BINDING = "NOT_BINDING"
    NOT_FACILITATIVE = "NOT_FACILITATIVE"
    NOT_FOUND = "NOT_FOUND"
    NOTICE_NOT_ACKNOWLEDGED = "NOTICE_NOT_ACKNOWLEDGED"
    NOTICE_TEXT_CHANGED = "NOTICE_TEXT_CHANGED"
    NO_DECLARATION_DUE = "NO_DECLARATION_DUE"
    NO_NEUTRAL_FOR_METHOD = "NO_NEUTRAL_FOR_METHOD"
    NO_OBJECTION_PENDING = "NO_OBJECTION_PENDING"
    NO_OPEN_OFFER = "NO_OPEN_OFFER"
    OFFER_EXPIRED = "OFFER_EXPIRED"
    NO_OUTCOME = "NO_OUTCOME"
    NO_RUNNING_CLOCK = "NO_RUNNING_CLOCK"
    OBJECTION_WINDOW_CLOSED = "OBJECTION_WINDOW_CLOSED"
    OBJECTION_WINDOW_OPEN = "OBJECTION_WINDOW_OPEN"
    OVERALL_QUESTION_REQUIRED = "OVERALL_QUESTION_REQUIRED"
    ORGANISATION_NOT_FOUND = "ORGANISATION_NOT_FOUND"
    PROVIDER_NOT_AVAILABLE = "PROVIDER_NOT_AVAILABLE"
    REASONS_REQUIRED = "REASONS_REQUIRED"
    REFLECTION_PERIOD_OPEN = "REFLECTION_PERIOD_OPEN"
    REFLECTION_PERIOD_OVER = "REFLECTION_PERIOD_OVER"
    REPRESENTATIVE_NOT_ALLOWED = "REPRESENTATIVE_NOT_ALLOWED"
    REQUIRED = "REQUIRED"
    RESPONSE_CLOCK_RUNNING = "RESPONSE_CLOCK_RUNNING"
    # Issue 15: a way forward from every stage (the transition table's docstring).
    ALREADY_ESCALATED = "ALREADY_ESCALATED"
    CONFIRMATION_CLOCK_RUNNING = "CONFIRMATION_CLOCK_RUNNING"
    CONSENT_CLOCK_RUNNING = "CONSENT_CLOCK_RUNNING"
    IMPLEMENTATION_CLOCK_RUNNING = "IMPLEMENTATION_CLOCK_RUNNING"
    NOT_ESCALATED = "NOT_ESCALATED"
    NOT_NEGOTIATION = "NOT_NEGOTIATION"
    NO_APPOINTMENT = "NO_APPOINTMENT"
    OUTCOME_CLOCK_RUNNING = "OUTCOME_CLOCK_RUNNING"
    REPLY_WINDOW_CLOSED = "REPLY_WINDOW_CLOSED"
    REPLY_WINDOW_OPEN = "REPLY_WINDOW_OPEN"
    SILENCE_NOT_REFUSAL = "SILENCE_NOT_REFUSAL"
    WITHDRAWAL_NOT_ALLOWED = "WITHDRAWAL_NOT_ALLOWED"
    # Issue 13 D5: the case left the stage the caller named in `expectedStage`.
    STAGE_CHANGED = "STAGE_CHANGED"
    # Surveys (portal.feedback.surveys).
    SURVEY_EXPIRED = "SURVEY_EXPIRED"
    SURVEY_LINK_INVALID = "SURVEY_LINK_INVALID"
    TOO_LONG = "TOO_LONG"
    # Case files (portal.casefiles.errors).
    ALREADY_SUPERSEDED = "ALREADY_SUPERSEDED"
    CASE_CLOSED = "CASE_CLOSED"
    EMPTY_FILE = "EMPTY_FILE"
    FILE_TOO_LARGE = "FILE_TOO_LARGE"
    INVALID_FILENAME = "INVALID_FILENAME"
    SCOPE_MISMATCH = "SCOPE_MISMATCH"
    SCOPE_NOT_ALLOWED = "SCOPE_NOT_ALLOWED"
    TYPE_MISMATCH = "TYPE_MISMATCH"
    UNSUPPORTED_TYPE = "UNSUPPORTED_TYPE"
    UPLOAD_REQUIRED = "UPLOAD_REQUIRED"
    # Issue 13 F11: zip-based documents that unpack too large, or hold an archive.
    ARCHIVE_TOO_LARGE = "ARCHIVE_TOO_LARGE"
    NESTED_ARCHIVE = "NESTED_ARCHIVE"
    # Events out (portal.notifications): webhooks and dead letters.
    URL_NOT_ALLOWED = "URL_NOT_ALLOWED"
    INVALID_EVENT_KIND = "INVALID_EVENT_KIND"
    SUBSCRIPTION_LIMIT = "SUBSCRIPTION_LIMIT"
    NOT_A_DEAD_LETTER = "NOT_A_DEAD_LETTER"
    # Representatives named by invitation (portal.cases.representatives).
    REPRESENTATIVE_ALREADY_NAMED = "REPRESENTATIVE_ALREADY_NAMED"
    NO_REPRESENTATIVE = "NO_REPRESENTATIVE"
    INVITATION_PENDING = "INVITATION_PENDING"
    INVITATION_LIMIT = "INVITATION_LIMIT"
    INVITATION_NOT_PENDING = "INVITATION_NOT_PENDING"
    INVITATION_INVALID = "INVITATION_INVALID"
    INVITATION_EXPIRED = "INVITATION_EXPIRED"
    INVITATION_FOR_ANOTHER_ADDRESS = "INVITATION_FOR_ANOTHER_ADDRESS"
    DELIVERY_IN_PROGRESS = "DELIVERY_IN_PROGRESS"
    # Integration clients (portal.accounts.clients).
    CLIENT_DISABLED = "CLIENT_DISABLED"
    # Teams (portal.accounts.team): a role the team does not offer, an address already on
    # it, and the manager a team always keeps.
    ROLE_SCOPE_MISMATCH = "ROLE_SCOPE_MISMATCH"
    ALREADY_MEMBER = "ALREADY_MEMBER"
    LAST_MANAGER = "LAST_MANAGER"
    # Issue 14: sign-up, claiming an account, the first admin (portal.accounts.signup).
    INVALID_TIME_ZONE = "INVALID_TIME_ZONE"
    SETUP_LINK_INVALID = "SETUP_LINK_INVALID"
    ADMIN_EXISTS = "ADMIN_EXISTS"
    # Provider adapters (portal.notifications.provider_config).
    UNKNOWN_ADAPTER = "UNKNOWN_ADAPTER"
    # Administration (portal.admin.services) and what retiring stops.
    ALREADY_LINKED = "ALREADY_LINKED"
    ALREADY_RETIRED = "ALREADY_RETIRED"
    INVALID_COUNTRY = "INVALID_COUNTRY"
    INVALID_SLUG = "INVALID_SLUG"
    ORGANISATION_RETIRED = "ORGANISATION_RETIRED"
    PROVIDER_RETIRED = "PROVIDER_RETIRED"
    SCHEME_IN_USE = "SCHEME_IN_USE"
    SCHEME_RETIRED = "SCHEME_RETIRED"
    SLUG_TAKEN = "SLUG_TAKEN"
    # Audits (issue 19 E, portal.auditing).
    AUDIT_RUN_ACTIVE = "AUDIT_RUN_ACTIVE"
    FINDING_CLOSED = "FINDING_CLOSED"
    # Issue 19, data protection (portal.privacy): an erasure a legal hold stops, a second
    # request while one awaits its decision, a decision on a request already decided.
    ERASURE_HELD = "ERASURE_HELD"
    ERASURE_ALREADY_REQUESTED = "ERASURE_ALREADY_REQUESTED"
    ALREADY_DECIDED = "ALREADY_DECIDED"
    # Issue 19 attack review: a person's subject-access exports are capped per day.
    EXPORT_LIMIT = "EXPORT_LIMIT"


@strawberry.type(description="An expected failure of a mutation, for the user to act on.")
class UserError:
    field: list[str] | None = strawberry.field(
        description="Path to the input field at fault, when one is."
    )
    code: UserErrorCode
    message: str
    limit: int | None = strawberry.field(
        default=None,
        description="For a value over a limit (`TOO_LONG`, `FILE_TOO_LARGE`): the limit, in "
        "characters (Unicode code points) or bytes.",
    )
    actual: int | None = strawberry.field(
        default=None,
        description="For a value over a limit: its size in the limit's unit, when measured.",
    )


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def user_error(
    code: str,
    message: str,
    field: str | None = None,
    *,
    limit: int | None = None,
    actual: int | None = None,
) -> UserError:
    """A service's expected failure as data; ``field`` is the service's (snake_case) name of
    the input field at fault, which the API's input types share; ``limit`` and ``actual`` for
    a refusal over a limit (portal.lengths)."""
    return UserError(
        field=["input", camel(field)] if field else None,
        code=UserErrorCode(code),
        message=message,
        limit=limit,
        actual=actual,
    )


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


# graphql-core and strawberry report without codes; give each a stable one.
_CODES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"exceeds maximum operation depth"), "DEPTH_LIMIT_EXCEEDED"),
    (re.compile(r"aliases found\. Allowed"), "ALIAS_LIMIT_EXCEEDED"),
    (re.compile(r"Document contains more than \d+ tokens"), "TOKEN_LIMIT_EXCEEDED"),
    (re.compile(r"^Syntax Error"), "GRAPHQL_PARSE_FAILED"),
    # Variable values the client sent (validation's "Variable '$x' is never used" is not one).
    (re.compile(r"^Variable '\$\w+' has invalid |^Variable values are nested"), "BAD_USER_INPUT"),
    (re.compile(r"^GraphQL introspection (has been|is) disabled"), "INTROSPECTION_DISABLED"),
)

# Pre-execution errors that wrap a scalar's own exception: the client's input was wrong.
_BAD_INPUT = re.compile(r"^(Variable '\$\w+' has invalid |Expected value of type |Expected type )")

# What graphql-core says when a resolver returned something the schema does not allow.
_BROKEN_RESULT = re.compile(
    r"^(Cannot return null for non-nullable field|Expected value of type|Abstract type|"
    r"Runtime Object type|Expected Iterable|.* cannot represent )"
)

# graphql-core suggests names ("Did you mean 'email'?"): a map of the schema for a stranger.
_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


def _code_for(error: GraphQLError) -> str:
    for pattern, code in _CODES:
        if pattern.search(error.message):
            return code
    return "GRAPHQL_VALIDATION_FAILED" if error.path is None else "BAD_REQUEST"


def _lost_connection(error: GraphQLError) -> bool:
    original = error.original_error
    return original is not None and is_connection_lost(original)


def is_unexpected(error: GraphQLError) -> bool:
    """Whether ``error`` is a bug to mask, rather than something the client should read."""
    if (error.extensions or {}).get("code") == INTERNAL:
        return False  # masked already
    original = error.original_error
    if _lost_connection(error):
        return False  # retryable, coded by `public_error`
    if isinstance(original, PublicError):
        return False
    if error.path is None:
        return (
            original is not None
            and not isinstance(original, GraphQLError)
            and not _BAD_INPUT.match(error.message)
        )
    if original is not None and not isinstance(original, GraphQLError):
        return True
    return bool(_BROKEN_RESULT.match(error.message))


def mask(error: GraphQLError) -> GraphQLError:
    """Log ``error`` with its traceback and the request id; return what the client may see."""
    request_id = current_request_id()
    where = ".".join(map(str, error.path or [])) or "request"
    log.error(
        "unexpected error in %s (request %s)",
        where,
        request_id,
        exc_info=error.original_error or error,
        extra={"request_id": request_id},
    )
    return GraphQLError(
        MASKED_MESSAGE,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions={"code": INTERNAL, "requestId": request_id},
    )


def unavailable(error: GraphQLError) -> GraphQLError:
    """A lost database connection as the client may see it: retryable, with the request id."""
    request_id = current_request_id()
    log.warning(
        "database unavailable in %s (request %s): %r",
        ".".join(map(str, error.path or [])) or "request",
        request_id,
        error.original_error,
        extra={"request_id": request_id},
    )
    return GraphQLError(
        UNAVAILABLE_MESSAGE,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions={
            "code": UNAVAILABLE,
            "retryAfter": RETRY_AFTER_SECONDS,
            "requestId": request_id,
        },
    )


def public_error(error: GraphQLError) -> GraphQLError:
    """``error`` as the client may see it: masked when unexpected, always coded, no hints."""
    if _lost_connection(error):
        return unavailable(error)
    if is_unexpected(error):
        return mask(error)
    if "Did you mean" in error.message:
        error.message = _SUGGESTION.sub("", error.message)
    if not (error.extensions or {}).get("code"):
        error.extensions = {**(error.extensions or {}), "code": _code_for(error)}
    return error


def public_errors(errors: list[GraphQLError]) -> list[GraphQLError]:
    return [public_error(e) for e in errors]


class PublicErrors(MaskErrors):
    """Masks unexpected exceptions and gives every remaining error a code."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=is_unexpected, error_message=MASKED_MESSAGE)

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        processed = public_errors(errors)
        if any((e.extensions or {}).get("code") == UNAVAILABLE for e in processed):
            # The whole request is worth retrying: say so in HTTP too (a WebSocket has no
            # status; its `next` carries the code).
            response = getattr(self.execution_context.context, "response", None)
            if isinstance(response, Response):
                response.status_code = 503
                response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return processed

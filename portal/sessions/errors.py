"""Expected failures of sessions and calendar feeds, each with a stable code (a userError)."""

from __future__ import annotations

from portal.cases.errors import CaseError


class SessionError(CaseError):
    """Codes: NOT_FOUND, FORBIDDEN, REQUIRED, INVALID_INPUT, INVALID_URL, INVALID_CHOICE,
    TOO_LONG, REASONS_REQUIRED, SCOPE_NOT_ALLOWED, CASE_CLOSED, SLOT_IN_PAST,
    SESSION_NOT_PROPOSED, SESSION_NOT_SCHEDULED, SESSION_NOT_OVER."""


class SessionNotFound(SessionError):
    """Also what a session the actor may not see looks like (a caucus of the other side)."""

    def __init__(self, field: str = "session_id") -> None:
        super().__init__("NOT_FOUND", "No such session.", field)

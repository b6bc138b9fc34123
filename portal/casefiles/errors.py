"""Expected failures of case-file operations, each with a stable code (a userError)."""

from __future__ import annotations

from portal.cases.errors import CaseError


class CaseFileError(CaseError):
    """Codes: FILE_TOO_LARGE, EMPTY_FILE, UNSUPPORTED_TYPE, TYPE_MISMATCH, ARCHIVE_TOO_LARGE,
    NESTED_ARCHIVE, INVALID_FILENAME, TOO_LONG, SCOPE_NOT_ALLOWED, SCOPE_MISMATCH, CASE_CLOSED,
    FORBIDDEN, REQUIRED, NOT_FOUND."""


class DocumentNotFound(CaseFileError):
    """Also what a document the actor may not see looks like."""

    def __init__(self, field: str = "document_id") -> None:
        super().__init__("NOT_FOUND", "No such document.", field)


class MessageNotFound(CaseFileError):
    def __init__(self, field: str = "reply_to_id") -> None:
        super().__init__("NOT_FOUND", "No such message.", field)

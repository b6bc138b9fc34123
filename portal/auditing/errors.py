"""Expected failures of audits, each with a stable code the API shows."""

from __future__ import annotations


class AuditError(Exception):
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
        # A refusal for a limit (portal.lengths): the limit and the size found.
        self.limit = limit
        self.actual = actual


class NotAnAuditor(AuditError):
    def __init__(self) -> None:
        super().__init__("FORBIDDEN", "Audits are for auditors.")


class NotFound(AuditError):
    def __init__(self, field: str | None = None) -> None:
        super().__init__("NOT_FOUND", "Not found, or not yours to audit.", field)

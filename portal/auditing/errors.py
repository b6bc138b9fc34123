"""Expected failures of audits, each with a stable code the API shows."""

from __future__ import annotations

from portal.cases.errors import CaseError


class AuditError(CaseError):
    """A refusal of an audit action: the code, message, field and limit of every expected
    failure the API shows (portal.cases.errors), under a type of its own."""


class NotAnAuditor(AuditError):
    def __init__(self) -> None:
        super().__init__("FORBIDDEN", "Audits are for auditors.")


class NotFound(AuditError):
    def __init__(self, field: str | None = None) -> None:
        super().__init__("NOT_FOUND", "Not found, or not yours to audit.", field)

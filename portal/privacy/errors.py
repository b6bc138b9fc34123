"""Expected failures of data protection requests, each with a stable code the API shows: the
domain's one refusal type, as administration uses it (portal.admin.services)."""

from __future__ import annotations

from portal.cases.errors import CaseError

PrivacyError = CaseError

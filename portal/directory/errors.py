"""Expected failures when a provider edits what it publishes."""

from __future__ import annotations

from portal.cases.errors import CaseError

# The directory reads its input with the case input readers (portal.cases.inputs), which raise
# CaseError with a code and a field; one error type keeps the API's mapping to userErrors single.
DirectoryError = CaseError

"""Expected failures of surveys and reports, each with a stable code the API shows."""

from __future__ import annotations


class FeedbackError(Exception):
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


class SurveyLinkInvalid(FeedbackError):
    """Tampered, of another token kind, for no invitation: all look the same to the client."""

    def __init__(self) -> None:
        super().__init__("SURVEY_LINK_INVALID", "This survey link is not valid.", "token")


class Forbidden(FeedbackError):
    def __init__(self) -> None:
        super().__init__("FORBIDDEN", "Your role does not allow this.")

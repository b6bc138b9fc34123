"""Report periods: `[start, end)` in UTC, from dates, a year or a quarter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from portal.feedback.errors import FeedbackError

MAX_YEARS = 5
FIRST_YEAR = 2000


@dataclass(frozen=True)
class Period:
    start: datetime
    end: datetime

    @classmethod
    def of_dates(cls, first: date, until: date) -> Period:
        """From ``first`` to ``until``, exclusive, both at midnight UTC."""
        if until <= first:
            raise FeedbackError("INVALID_PERIOD", "`until` comes after `from`.", "until")
        if (until - first).days > MAX_YEARS * 366:
            raise FeedbackError(
                "INVALID_PERIOD", f"A period spans at most {MAX_YEARS} years.", "until"
            )
        return cls(_midnight(first), _midnight(until))

    @classmethod
    def of_year(cls, year: int, quarter: int | None = None) -> Period:
        if not FIRST_YEAR <= year <= 9998:
            raise FeedbackError("INVALID_PERIOD", "No report for that year.", "year")
        if quarter is None:
            return cls(_midnight(date(year, 1, 1)), _midnight(date(year + 1, 1, 1)))
        if quarter not in (1, 2, 3, 4):
            raise FeedbackError("INVALID_PERIOD", "Quarters are 1 to 4.", "quarter")
        first = date(year, 3 * quarter - 2, 1)
        until = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
        return cls(_midnight(first), _midnight(until))


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)

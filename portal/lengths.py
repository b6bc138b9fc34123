"""Limits in plain words (issue 16): every refusal for a value too long or a file too large
names the field, the limit and what was sent, in one wording, and carries the numbers for
clients (`UserError.limit`, `UserError.actual`) so that a form can show them by its field.

`at_most` is the one check of a text's length; every input's length check goes through it.
Characters are Unicode code points (Python's `len`; in JavaScript `[...text].length`).
"""

from __future__ import annotations

from typing import Protocol

TOO_LONG = "TOO_LONG"


class Refusable(Protocol):
    """An expected failure type of the domain: a code, a message, the field at fault, and
    for a limit, the limit and the size found."""

    def __call__(
        self,
        code: str,
        message: str,
        field: str | None = None,
        *,
        limit: int | None = None,
        actual: int | None = None,
    ) -> Exception: ...


def label_of(field: str) -> str:
    """`remedy_sought` -> `Remedy sought`: an input field's name as a person reads it."""
    return field.replace("_", " ").strip().capitalize()


def too_long(label: str, limit: int, actual: int) -> str:
    """ "Description is longer than 10,000 characters (12,034)."""
    return f"{label} is longer than {limit:,} characters ({actual:,})."


def at_most(
    value: str, limit: int, field: str, error: Refusable, *, label: str | None = None
) -> str:
    """``value`` when it has at most ``limit`` characters; otherwise ``error`` with
    `TOO_LONG`, the field, the limit and the length in the message and as numbers."""
    if len(value) > limit:
        raise error(
            TOO_LONG,
            too_long(label or label_of(field), limit, len(value)),
            field,
            limit=limit,
            actual=len(value),
        )
    return value


def plain_size(size: int) -> str:
    """``size`` bytes as people read it: "25 MB", "1.5 MB", "64 KB", "1,000 bytes" (MB of
    1,048,576 bytes and KB of 1,024, as file managers count)."""
    if size >= 1 << 20:
        return f"{size / (1 << 20):,.1f}".removesuffix(".0") + " MB"
    if size >= 1 << 10:
        return f"{size / (1 << 10):,.0f} KB"
    return f"{size:,} bytes"

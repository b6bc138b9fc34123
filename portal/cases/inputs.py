"""Reading the input of an action: text, choices, amounts and currencies, each refused with a
code and the field at fault (nothing is written before the input is read)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, TypeVar

from portal.cases.errors import CaseError
from portal.lengths import at_most

E = TypeVar("E", bound=StrEnum)
MAX_TEXT = 20_000


def text(
    data: Mapping[str, Any], key: str, *, required: bool = True, max_length: int = MAX_TEXT
) -> str:
    """``data[key]`` stripped; refused when blank and required, unstorable, or longer than
    ``max_length`` characters (`TOO_LONG`, naming the field and the limit)."""
    value = str(data.get(key) or "").strip()
    if "\x00" in value or not _storable(value):
        # PostgreSQL stores no NUL character, and nothing stores half a surrogate pair.
        raise CaseError("INVALID_INPUT", f"`{key}` holds characters text cannot.", field=key)
    if required and not value:
        raise CaseError(
            "REASONS_REQUIRED" if key.endswith("reasons") else "REQUIRED",
            f"`{key}` is required.",
            field=key,
        )
    return at_most(value, max_length, key, CaseError)


def _storable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def choice(data: Mapping[str, Any], key: str, enum: type[E]) -> E:
    try:
        return enum(str(data.get(key)))
    except ValueError as exc:
        raise CaseError(
            "INVALID_CHOICE", f"`{key}` is not one of the allowed values.", field=key
        ) from exc


def amount(data: Mapping[str, Any], key: str, *, required: bool = True) -> Decimal | None:
    raw = data.get(key)
    if raw is None:
        if required:
            raise CaseError("REQUIRED", f"`{key}` is required.", field=key)
        return None
    try:
        value = Decimal(str(raw))
    except InvalidOperation as exc:
        raise CaseError("INVALID_AMOUNT", "Amounts are decimal numbers.", field=key) from exc
    if not value.is_finite() or value < 0 or value >= Decimal("1e12") or value != round(value, 2):
        raise CaseError(
            "INVALID_AMOUNT", "Amounts are zero or more, with at most two decimals.", field=key
        )
    return value


def currency(data: Mapping[str, Any], key: str, default: str) -> str:
    value = str(data.get(key) or default).upper()
    if len(value) != 3 or not value.isalpha():
        raise CaseError("INVALID_CURRENCY", "Currencies are ISO 4217 codes.", field=key)
    return value

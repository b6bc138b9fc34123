"""docs/limits.md: every number on the page is the one the code and the settings apply."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from portal.cases.states import ClockKind
from portal.settings import SETTINGS, load_settings

PAGE = Path(__file__).resolve().parents[1] / "docs" / "limits.md"
# Settings that bound a request, a rate or a lifetime: each must have its row.
LIMIT_SETTING = re.compile(r"(^|_)(max|ttl|window|failures|age)(_|$)")


def rows() -> list[list[str]]:
    text = PAGE.read_text(encoding="utf-8")
    table = re.search(r"<!-- limits:begin -->\n(.*?)<!-- limits:end -->", text, re.S)
    assert table is not None
    lines = table.group(1).strip().splitlines()[2:]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]


def applied(source: str) -> int:
    name = source.strip("`")
    if name.startswith("PORTAL_"):
        field = name.removeprefix("PORTAL_").lower()
        return int(getattr(load_settings({}), field))
    module, constant = name.split(":")
    value = getattr(importlib.import_module(module), constant)
    if isinstance(value, dict):  # per clock kind: the page documents the outcome clock
        return int(value[ClockKind.OUTCOME])
    return int(value)


def test_every_number_on_the_page_is_the_one_applied() -> None:
    table = rows()
    assert len(table) >= 20
    for what, limit, _unit, source, _code in table:
        assert int(limit) == applied(source), f"{what}: the page says {limit}"


def test_every_limiting_setting_has_a_row() -> None:
    documented = {source.strip("`") for *_, source, _ in rows()}
    limits = {s.env for s in SETTINGS if LIMIT_SETTING.search(s.field)}
    assert limits - documented == set()

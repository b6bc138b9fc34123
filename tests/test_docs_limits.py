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


# --- codes: the page's and the server's ----------------------------------------------------------

CODE = re.compile(r"`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`")
SOURCES = [PAGE.parents[1] / "portal", PAGE.parents[1] / "providers"]
# The codes a limit is refused with, by their names: each must be on the page.
LIMIT_CODE = re.compile(r"(_LIMIT_EXCEEDED|_LIMIT|_TOO_LARGE|TOO_LONG|RATE_LIMITED)$")


def page_codes() -> set[str]:
    """Every code the page names in a table's last column ("refused with", "answer")."""
    text = PAGE.read_text(encoding="utf-8")
    found: set[str] = set()
    for line in text.splitlines():
        if line.startswith("|") and not line.startswith("| ---"):
            cell = line.strip().strip("|").split("|")[-1]
            found.update(c for c in CODE.findall(cell) if not c.startswith("PORTAL_"))
    return found


def raised_codes() -> set[str]:
    """Every string constant in the server's code that looks like an error code."""
    import ast

    found: set[str] = set()
    for root in SOURCES:
        for path in root.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Constant)
                    and isinstance(node.value, str)
                    and re.fullmatch(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+", node.value)
                ):
                    found.add(node.value)
    return found


def test_every_code_on_the_page_is_one_the_server_sends() -> None:
    codes = page_codes()
    assert {"RATE_LIMITED", "COST_LIMIT_EXCEEDED", "DEPTH_LIMIT_EXCEEDED"} <= codes
    assert codes - raised_codes() == set()


def test_every_limit_code_the_server_sends_is_on_the_page() -> None:
    limit_codes = {code for code in raised_codes() if LIMIT_CODE.search(code)}
    assert "RATE_LIMITED" in limit_codes
    assert limit_codes - page_codes() == set()

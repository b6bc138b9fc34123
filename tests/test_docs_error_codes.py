"""Every error code the server can send is in docs/integrator-guide.md (issue 18, 7): the
`userErrors` table is the `UserErrorCode` enum, and the table of the other codes (GraphQL
errors' `extensions.code`, the HTTP endpoints' error bodies) holds every code the code raises.

The codes are collected from the source, as thoroughly as reading it allows: the `code` of
every error class, `code=` arguments and `"code":` keys, the first arguments of error
constructors and refusal helpers (`CaseError("X", ...)`, `_refuse(410, "X", ...)`), constants
named as their own value (`TOO_LONG = "TOO_LONG"`), the tables that map messages or statuses
to codes (`_CODES`, `_STATUS_CODES`), and the error-code enums. A code found here and in no
table fails; so does a table row that names a code the server never sends."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

import pytest

from portal.accounts.errors import AccountErrorCode
from portal.api.errors import UserErrorCode
from portal.auth.errors import AuthErrorCode

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "integrator-guide.md"
SOURCES = ("portal", "providers")

# A code: upper-case words joined by underscores (`NOT_FOUND`), or one word of four letters
# or more (`MALFORMED`, `REPLAYED`).
CODE = re.compile(r"^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})$")
# Calls whose first string arguments are codes: error classes and refusal helpers.
RAISING = re.compile(r"Error$|Refused$|Refusal$|^_?refuse[d]?$|_error$|^_refused$|Forbidden$")
# Enums of error codes (their values are sent as codes).
CODE_ENUMS: tuple[type[StrEnum], ...] = (UserErrorCode, AuthErrorCode, AccountErrorCode)


def _strings(node: ast.AST | None) -> Iterator[str]:
    """String constants of an expression, through conditional expressions."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.IfExp):
        yield from _strings(node.body)
        yield from _strings(node.orelse)


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _codes_in(tree: ast.AST) -> Iterator[tuple[str, int]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            for value in _strings(node.value):
                # `code = "X"` (an error class's code, or a local one), `X = "X"`.
                if "code" in names or value in names:
                    yield value, node.lineno
            if any(name.endswith("CODES") for name in names) and node.value is not None:
                # The tables that map a message or a status to a code.
                for inner in ast.walk(node.value):
                    yield from ((s, node.lineno) for s in _strings(inner) if CODE.match(s))
        elif isinstance(node, ast.keyword) and node.arg == "code":
            yield from ((s, node.value.lineno) for s in _strings(node.value))
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value == "code":
                    yield from ((s, value.lineno) for s in _strings(value))
        elif isinstance(node, ast.Call) and RAISING.search(_name(node.func)):
            for arg in node.args[:2]:
                yield from ((s, arg.lineno) for s in _strings(arg))
        elif isinstance(node, ast.FunctionDef) and "code" in node.name:
            # `_code_for`: what a function that picks a code returns.
            for inner in ast.walk(node):
                if isinstance(inner, ast.Return):
                    yield from ((s, inner.lineno) for s in _strings(inner.value))


def raised_codes() -> dict[str, str]:
    """Every code the source can send, with one place it comes from."""
    found: dict[str, str] = {}
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for value, line in _codes_in(tree):
                if CODE.match(value):
                    found.setdefault(value, f"{path.relative_to(ROOT)}:{line}")
    for enum in CODE_ENUMS:
        for member in enum:
            found.setdefault(member.value, f"{enum.__module__}.{enum.__name__}")
    return found


def table(marker: str) -> list[str]:
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split(f"<!-- {marker}:begin -->")[1].split(f"<!-- {marker}:end")[0]
    return re.findall(r"^\| `(\w+)` \|", section, re.M)


def test_the_tables_list_each_code_once() -> None:
    for marker in ("user-error-codes", "error-codes"):
        listed = table(marker)
        assert listed, marker
        assert len(listed) == len(set(listed)), marker


def test_the_user_error_table_is_the_enum() -> None:
    assert set(table("user-error-codes")) == {code.value for code in UserErrorCode}


@pytest.mark.parametrize("enum", CODE_ENUMS, ids=lambda e: e.__name__)
def test_every_value_of_an_error_code_enum_is_documented(enum: type[StrEnum]) -> None:
    documented = set(table("user-error-codes")) | set(table("error-codes"))

    assert {m.value for m in enum} - documented == set()


def test_every_code_the_server_can_send_is_in_a_table() -> None:
    documented = set(table("user-error-codes")) | set(table("error-codes"))

    missing = {code: where for code, where in raised_codes().items() if code not in documented}

    assert missing == {}


def test_the_table_of_other_codes_names_only_codes_the_server_sends() -> None:
    raised = raised_codes()

    assert [code for code in table("error-codes") if code not in raised] == []


def test_the_collector_finds_codes_of_every_kind() -> None:
    """The collector itself: one code of each way the source writes one."""
    raised = raised_codes()

    for code in (
        "UNAUTHENTICATED",  # an error class's `code`
        "ORIGIN_NOT_ALLOWED",  # a `"code":` key
        "LINK_EXPIRED",  # a refusal helper's argument
        "REPLAYED",  # an error constructor's argument
        "TOO_LONG",  # a constant named as its value
        "MISSING_QUERY",  # a table mapping messages to codes
        "GRAPHQL_VALIDATION_FAILED",  # what a code-picking function returns
    ):
        assert code in raised, code

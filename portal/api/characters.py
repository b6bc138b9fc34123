"""Issue 13 F8: NUL and other control characters in string input, refused at the request layer.

PostgreSQL cannot store U+0000 in text: asyncpg raised, and a NUL in a login e-mail, a case
search or a complaint came back as an internal error. No resolver should have to know that, so
every string a request carries is checked once, here: the variables before anything is parsed,
and the string literals of the document by a validation rule (cached with the document). C0
control characters other than tab, line feed and carriage return are refused with it: nothing a
person types holds them, and they only ever reach logs, mail and the database as trouble.
"""

from __future__ import annotations

import re
from typing import Any

from graphql import (
    ArgumentNode,
    GraphQLError,
    ObjectFieldNode,
    StringValueNode,
    ValidationRule,
    VariableDefinitionNode,
)

INVALID_CHARACTER = "INVALID_CHARACTER"
# U+0000-U+001F except tab (09), line feed (0A) and carriage return (0D).
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _message(where: str) -> str:
    return f"{where} holds a NUL or control character; only tab and line breaks are allowed."


def variable_error(variables: dict[str, Any] | None) -> GraphQLError | None:
    """The refusal for the first variable holding a forbidden character, naming its path
    (`$input.email`, `$ids[2]`); None when all are clean."""
    pending: list[tuple[str, Any]] = [
        (f"${name}", value) for name, value in (variables or {}).items()
    ]
    while pending:
        path, value = pending.pop()
        if isinstance(value, str):
            if FORBIDDEN.search(value):
                return GraphQLError(
                    _message(f"Variable `{path}`"), extensions={"code": INVALID_CHARACTER}
                )
        elif isinstance(value, dict):
            pending += [(f"{path}.{key}", item) for key, item in value.items()]
        elif isinstance(value, list):
            pending += [(f"{path}[{i}]", item) for i, item in enumerate(value)]
    return None


class StringCharacters(ValidationRule):
    """String literals in the document: the same refusal, naming the argument."""

    def enter_string_value(
        self, node: StringValueNode, _key: Any, parent: Any, _path: Any, ancestors: Any
    ) -> None:
        if not FORBIDDEN.search(node.value):
            return
        names: list[str] = []
        for ancestor in [*ancestors, parent]:
            if isinstance(ancestor, VariableDefinitionNode):  # a variable's default value
                names.append(f"${ancestor.variable.name.value}")
            elif isinstance(ancestor, (ArgumentNode, ObjectFieldNode)):
                names.append(ancestor.name.value)
        where = f"Argument `{'.'.join(names)}`" if names else "A string in the query"
        self.report_error(
            GraphQLError(_message(where), node, extensions={"code": INVALID_CHARACTER})
        )

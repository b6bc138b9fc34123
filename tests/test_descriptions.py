"""Every element of the published schema has a description (issue 18, deliverable 7): each type,
field, argument, input field and enum value of graphql/schema.graphql, other than GraphQL's own
(introspection types, built-in scalars and directives). The root types (Query, Mutation,
Subscription) too, as graphql-schema-linter's `types-have-descriptions` asks.

`python -m tests.test_descriptions` lists the schema coordinates still without one."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    build_schema,
    specified_directives,
    specified_scalar_types,
)

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "graphql" / "schema.graphql"


def _missing(description: str | None) -> bool:
    return description is None or not description.strip()


def undescribed(schema: GraphQLSchema) -> Iterator[str]:
    """The schema coordinates (``Type``, ``Type.field``, ``Type.field(arg:)``, ``Enum.VALUE``,
    ``@directive(arg:)``) without a description."""
    builtin_directives = {directive.name for directive in specified_directives}
    for directive in schema.directives:
        if directive.name in builtin_directives:
            continue
        if _missing(directive.description):
            yield f"@{directive.name}"
        for arg_name, arg in directive.args.items():
            if _missing(arg.description):
                yield f"@{directive.name}({arg_name}:)"
    for name, type_ in sorted(schema.type_map.items()):
        if name.startswith("__") or name in specified_scalar_types:
            continue
        if _missing(type_.description):
            yield name
        if isinstance(type_, GraphQLObjectType | GraphQLInterfaceType):
            for field_name, field in type_.fields.items():
                if _missing(field.description):
                    yield f"{name}.{field_name}"
                for arg_name, arg in field.args.items():
                    if _missing(arg.description):
                        yield f"{name}.{field_name}({arg_name}:)"
        elif isinstance(type_, GraphQLInputObjectType):
            for field_name, input_field in type_.fields.items():
                if _missing(input_field.description):
                    yield f"{name}.{field_name}"
        elif isinstance(type_, GraphQLEnumType):
            for value_name, value in type_.values.items():
                if _missing(value.description):
                    yield f"{name}.{value_name}"


def published_schema() -> GraphQLSchema:
    return build_schema(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_every_schema_element_has_a_description() -> None:
    missing = list(undescribed(published_schema()))
    assert not missing, (
        f"{len(missing)} schema elements without a description (describe each where it is "
        "defined: `description=` on types, fields, arguments and input fields; "
        "portal.api.enums for enum values):\n" + "\n".join(missing)
    )


def test_the_check_sees_a_missing_description() -> None:
    schema = build_schema(
        '"""Described."""\ntype Query {\n  """Described."""\n  a(x: Int): Kind\n}\n'
        '"""Described."""\nenum Kind {\n  """Described."""\n  ONE\n  TWO\n}\n'
        "input Filter {\n  b: String\n}\n"
    )
    assert sorted(undescribed(schema)) == ["Filter", "Filter.b", "Kind.TWO", "Query.a(x:)"]


if __name__ == "__main__":
    found = list(undescribed(published_schema()))
    sys.stdout.write("\n".join(found) + f"\n{len(found)} undescribed\n")

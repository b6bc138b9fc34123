"""What the compiled operations on one case (`CaseTimeline`, portal.api.compiled_timeline;
`CaseFile`, portal.api.compiled_casefile) share: reading the document's selection, coercing
arguments as execution does, the resolvers' own access functions called with the request's
context, and completing values computed in Python the way graphql-core does.

The case is found and decided on by the resolvers' functions themselves (`find_case`,
`access_to`, `record_read` of portal.api.cases), called with the request's `Context` (its
loaders, its access decisions, its record of reads), so the policy's answer and the access
log's records are the interpreted path's by construction. A request that would end in an
error returns None before anything is written, and strawberry answers it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, cast

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLError,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLSchema,
    OperationDefinitionNode,
    SelectionSetNode,
)
from graphql.execution.values import (
    VariableValues,
    get_argument_values,
    get_variable_values,
)
from tortoise.queryset import QuerySet

from portal.api.compiled import TYPENAME, NotCompilable, fields_of
from portal.api.context import Context, Info

# The strawberry field behind a graphql-core field (its Python attribute's name).
DEFINITION = "strawberry-definition"


class Fallback(Exception):
    """A value the compiled path cannot complete as execution would (a null where the schema
    says non-null): strawberry answers the request instead."""


@dataclass(frozen=True)
class _Request:
    context: Context


def info_of(context: Context) -> Info:
    """The request's context where a resolver's function expects `info` (it reads only
    `info.context`)."""
    return cast(Info, _Request(context))


def operation_of(document: DocumentNode, name: str) -> OperationDefinitionNode:
    for d in document.definitions:
        if isinstance(d, OperationDefinitionNode) and d.name and d.name.value == name:
            return d
    raise NotCompilable(name)


def fragments_of(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


def with_arguments(
    selection: SelectionSetNode, fragments: Mapping[str, FragmentDefinitionNode]
) -> Iterator[FieldNode]:
    """The fields of a selection set with their arguments (coerced at run time by
    `argument_values`), named fragments spread in place; no alias, directive or inline
    fragment."""
    for node in selection.selections:
        if isinstance(node, FieldNode):
            if node.alias or node.directives:
                raise NotCompilable(node.name.value)
            yield node
        elif isinstance(node, FragmentSpreadNode) and not node.directives:
            yield from with_arguments(fragments[node.name.value].selection_set, fragments)
        else:
            raise NotCompilable("fragment")


def named_fields(
    selection: SelectionSetNode | None,
    fragments: Mapping[str, FragmentDefinitionNode],
    allowed: set[str],
    *,
    arguments: bool = False,
) -> dict[str, FieldNode]:
    """The selected fields by name, each at most once (`__typename` may repeat) and each one
    of ``allowed`` (or `__typename`): anything else is not compiled."""
    if selection is None:
        raise NotCompilable("selection")
    found: dict[str, FieldNode] = {}
    walk = with_arguments(selection, fragments) if arguments else fields_of(selection, fragments)
    for node in walk:
        name = node.name.value
        if name == TYPENAME and name in found:
            continue  # merged by execution, at its first place (urql adds it to fragments)
        if name in found or (name != TYPENAME and name not in allowed):
            raise NotCompilable(name)
        if not arguments and node.arguments:
            raise NotCompilable(name)
        found[name] = node
    return found


def selection_of(node: FieldNode) -> SelectionSetNode:
    if node.selection_set is None:
        raise NotCompilable(node.name.value)
    return node.selection_set


def coerce_variables(
    schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Mapping[str, Any] | None
) -> VariableValues | None:
    """The variables as execution coerces them, or None (strawberry reports why)."""
    coerced = get_variable_values(
        schema, operation.variable_definitions or (), dict(variables or {})
    )
    return None if isinstance(coerced, list) else coerced


def argument_values(
    field: GraphQLField, node: FieldNode, variables: VariableValues
) -> dict[str, Any] | None:
    """A field's arguments as execution coerces them (graphql-core's own function); None when
    they do not coerce."""
    try:
        return get_argument_values(field, node, variables)
    except GraphQLError:
        return None


def parameterized(query: QuerySet[Any]) -> tuple[str, list[Any]]:
    """A tortoise query's SQL and its bind parameters, as the compiled `Cases` wraps its own."""
    query._choose_db_if_not_chosen()
    query._make_query()
    sql, params = query.query.get_parameterized_sql()
    return sql, list(params)


def shaped(order: list[str], typename: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """An object's response in the document's order, `__typename` included."""
    return {name: typename if name == TYPENAME else values[name] for name in order}


Serializer = Callable[[Any], Any]


def completion(
    gql_type: GraphQLOutputType,
    node: FieldNode | None,
    fragments: Mapping[str, FragmentDefinitionNode],
) -> Serializer:
    """How a value computed in Python (the resolvers' own objects) takes the API's form, as
    graphql-core completes it without resolvers: the schema's scalar serializers, an enum by
    the names of the schema's own type, an object's selected fields read from the attributes
    of the strawberry fields behind them. A null where the schema says non-null raises
    `Fallback` (execution would report an error: strawberry answers)."""
    nullable = not isinstance(gql_type, GraphQLNonNull)
    inner = gql_type.of_type if isinstance(gql_type, GraphQLNonNull) else gql_type
    complete: Serializer
    if isinstance(inner, GraphQLList):
        item = completion(inner.of_type, node, fragments)

        def complete(value: Any) -> Any:
            return [item(v) for v in value]

    elif isinstance(inner, GraphQLEnumType):
        names = {
            (v.value.value if isinstance(v.value, Enum) else v.value): name
            for name, v in inner.values.items()
        }

        def complete(value: Any) -> Any:
            return names[getattr(value, "value", value)]

    elif isinstance(inner, GraphQLScalarType):
        complete = inner.serialize
    elif isinstance(inner, GraphQLObjectType):
        complete = object_completion(inner, selection_of(node) if node else None, fragments)
    else:
        raise NotCompilable(str(inner))

    def checked(value: Any) -> Any:
        if value is None:
            if nullable:
                return None
            raise Fallback()
        return complete(value)

    return checked


def object_completion(
    gql_type: GraphQLObjectType,
    selection: SelectionSetNode | None,
    fragments: Mapping[str, FragmentDefinitionNode],
    nodes: list[FieldNode] | None = None,
) -> Serializer:
    """An object's selected fields (``nodes``, or those of ``selection``)."""
    if nodes is None:
        if selection is None:
            raise NotCompilable(gql_type.name)
        nodes = list(fields_of(selection, fragments))
    typename = gql_type.name
    parts: list[tuple[str, str, Serializer | None]] = []
    for field in nodes:
        name = field.name.value
        if name == TYPENAME:
            parts.append((name, "", None))
            continue
        found = gql_type.fields.get(name)
        if found is None or DEFINITION not in (found.extensions or {}):
            raise NotCompilable(f"{typename}.{name}")
        if getattr(found.extensions[DEFINITION], "base_resolver", None) is not None:
            raise NotCompilable(f"{typename}.{name} has a resolver")
        attribute = found.extensions[DEFINITION].python_name
        parts.append((name, attribute, completion(found.type, field, fragments)))

    def complete(value: Any) -> Any:
        return {
            name: typename if each is None else each(getattr(value, attribute))
            for name, attribute, each in parts
        }

    return complete

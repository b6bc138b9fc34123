"""The compiled executor (issue 17, 1-3): registered operations answered without graphql-core's
per-field execution, by the same resolvers, decisions and serialisers.

The outside profile of issue 17 found that strawberry and graphql-core, executing the web
portal's documents over rows already loaded, cost more CPU than the whole budget: for every
field of every row graphql-core collects the selection again, builds a `GraphQLResolveInfo`
and a path, strawberry builds an `Info`, converts arguments and runs its extension chain, and
both check for awaitables at every level. For a document known in advance (a persisted
operation, portal.api.persisted) all of that but the resolver call can be done once: the
selection is collected into a plan at the first request (fragments merged, response keys in
the order graphql-core gives them), each field bound to its strawberry definition (the schema's
`strawberry-definition` back-reference) and each leaf to its GraphQL type's `serialize`; a
request then walks the plan, calling the resolvers, gathering awaitables as graphql-core does
so that the request's DataLoaders batch the same way (the statements do not grow with the
page).

No rule is written again here. Every value comes from the field's own resolver (the policy's
`visible_cases_filter` and `case_roles` through `access_to`, `availableActions` through the
transition table, cursors through portal.api.pagination, global ids through `to_global_id`),
and every leaf from the serialiser graphql-core would use. The plan refuses, and the operation
stays interpreted, whatever it cannot follow exactly: a directive (`@skip`, `@include`),
introspection, a field with strawberry field extensions (permission classes), a mutation or
subscription. Interfaces and unions are followed by their own `resolve_type`.

A request is answered by the plan only when its answer is plain data: variables that coerce,
no resolver raising, no null in a non-null position, every object of the type its field
declares. Anything else (an error path, a variable out of range, a refused page size or
cursor) is answered by strawberry from the start, so errors are strawberry's by construction.
Only reads are compiled, and what they write (the access log's record of a case read) is
recorded once per request (`Context.recorded_reads`), so a request that falls back after
part of the plan ran leaves exactly what the interpreted path alone would.

Not done here yet (issue 17, 1): answering a plan with one SQL statement that builds the JSON
(PostgreSQL's `json_build_object`/`json_agg`) where every field of the plan has a column
mapping. The plan is where such a mapping would attach, field by field; the resolvers' own
Python per row (the transition table, the policy's roles) would stay a post-step.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    NamedTypeNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    Undefined,
    get_argument_values,
)
from graphql.execution.values import VariableValues, get_variable_values
from graphql.pyutils import Path, is_awaitable
from strawberry.schema.schema_converter import GraphQLCoreConverter, get_arguments
from strawberry.types.field import StrawberryField

from portal.api.persisted import PersistedOperation, PersistedOperations, shape_of

log = logging.getLogger("portal.api")

# The operations the compiled executor answers. Each one is run through both executors by
# tests/test_compiled_equivalence.py, which also fails on an operation of graphql/operations/
# listed neither here nor in INTERPRETED_OPERATIONS.
COMPILED_OPERATIONS = frozenset({"Cases", "CasePage", "CaseTimeline", "CaseFile"})

BACKREF = GraphQLCoreConverter.DEFINITION_BACKREF
# Plans (and shapes) kept at most: the registered texts, and a few clients' variants of each.
MAX_KEPT = 256


class NotCompilable(Exception):
    """The document uses something the plan does not follow exactly."""


class Fallback(Exception):
    """This request's answer is not plain data: strawberry answers it instead."""


# --- the plan ----------------------------------------------------------------------------------


@dataclass(slots=True)
class Leaf:
    serialize: Callable[[Any], Any]


@dataclass(slots=True)
class ListOf:
    item: TypePlan


@dataclass(slots=True)
class NonNull:
    inner: TypePlan


@dataclass(slots=True)
class ObjectPlan:
    type: GraphQLObjectType
    fields: list[FieldPlan] = field(default_factory=list)


@dataclass(slots=True)
class AbstractPlan:
    """An interface or union: the object plan of each possible type, chosen at run time by
    the type's own `resolve_type` (strawberry's), as graphql-core chooses it."""

    type: GraphQLInterfaceType | GraphQLUnionType
    field_name: str
    objects: dict[str, ObjectPlan]


TypePlan = Leaf | ListOf | NonNull | ObjectPlan | AbstractPlan


@dataclass(slots=True)
class FieldPlan:
    key: str
    name: str
    nodes: list[FieldNode]
    parent: GraphQLObjectType
    definition: GraphQLField | None  # None for `__typename`
    strawberry: StrawberryField | None
    type: TypePlan | None
    basic: bool  # a plain attribute of the source: no resolver, no extension


def _applies(
    schema: GraphQLSchema, condition: NamedTypeNode | None, type_: GraphQLObjectType
) -> bool:
    """graphql-core's `does_fragment_condition_match`."""
    if condition is None or condition.name.value == type_.name:
        return True
    conditional = schema.get_type(condition.name.value)
    return isinstance(conditional, GraphQLInterfaceType | GraphQLUnionType) and (
        schema.is_sub_type(conditional, type_)
    )


def _collect(
    schema: GraphQLSchema,
    type_: GraphQLObjectType,
    selection_sets: Iterable[SelectionSetNode],
    fragments: dict[str, FragmentDefinitionNode],
) -> dict[str, list[FieldNode]]:
    """Fields by response key, in graphql-core's order (first occurrence, fragments in place)."""
    grouped: dict[str, list[FieldNode]] = {}

    def visit(selection_set: SelectionSetNode, seen: frozenset[str]) -> None:
        for selection in selection_set.selections:
            if selection.directives:
                raise NotCompilable("a directive")
            if isinstance(selection, FieldNode):
                key = selection.alias.value if selection.alias else selection.name.value
                grouped.setdefault(key, []).append(selection)
            elif isinstance(selection, InlineFragmentNode):
                if _applies(schema, selection.type_condition, type_):
                    visit(selection.selection_set, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = fragments[name]
                # A fragment spread twice adds nothing the second time.
                if name not in seen and _applies(schema, fragment.type_condition, type_):
                    visit(fragment.selection_set, seen | {name})

    for selection_set in selection_sets:
        visit(selection_set, frozenset())
    return grouped


def _type_plan(
    schema: GraphQLSchema,
    type_: GraphQLOutputType,
    nodes: list[FieldNode],
    fragments: dict[str, FragmentDefinitionNode],
) -> TypePlan:
    if isinstance(type_, GraphQLNonNull):
        return NonNull(_type_plan(schema, type_.of_type, nodes, fragments))
    if isinstance(type_, GraphQLList):
        return ListOf(_type_plan(schema, type_.of_type, nodes, fragments))
    if isinstance(type_, GraphQLScalarType | GraphQLEnumType):
        return Leaf(type_.serialize)
    sets = [n.selection_set for n in nodes if n.selection_set is not None]
    if isinstance(type_, GraphQLObjectType):
        return _object_plan(schema, type_, sets, fragments)
    if isinstance(type_, GraphQLInterfaceType | GraphQLUnionType):
        objects = {
            possible.name: _object_plan(schema, possible, sets, fragments)
            for possible in schema.get_possible_types(type_)
        }
        return AbstractPlan(type_, nodes[0].name.value, objects)
    raise NotCompilable(f"the type {type_}")


def _object_plan(
    schema: GraphQLSchema,
    type_: GraphQLObjectType,
    selection_sets: list[SelectionSetNode],
    fragments: dict[str, FragmentDefinitionNode],
) -> ObjectPlan:
    plan = ObjectPlan(type_)
    for key, nodes in _collect(schema, type_, selection_sets, fragments).items():
        name = nodes[0].name.value
        if name == "__typename":
            plan.fields.append(FieldPlan(key, name, nodes, type_, None, None, None, True))
            continue
        if name.startswith("__"):
            raise NotCompilable("introspection")
        definition = type_.fields[name]
        strawberry_field = (definition.extensions or {}).get(BACKREF)
        if not isinstance(strawberry_field, StrawberryField) or strawberry_field.extensions:
            raise NotCompilable(f"{type_.name}.{name} has field extensions")
        plan.fields.append(
            FieldPlan(
                key,
                name,
                nodes,
                type_,
                definition,
                strawberry_field,
                _type_plan(schema, definition.type, nodes, fragments),
                strawberry_field.is_basic_field,
            )
        )
    return plan


@dataclass(slots=True)
class OperationPlan:
    name: str
    operation: OperationDefinitionNode
    fragments: dict[str, FragmentDefinitionNode]
    root: ObjectPlan


def compile_operation(schema: GraphQLSchema, document: DocumentNode, name: str) -> OperationPlan:
    """The plan of the query ``name`` of ``document``; NotCompilable when there is none."""
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    operation = next(
        (
            d
            for d in document.definitions
            if isinstance(d, OperationDefinitionNode) and d.name and d.name.value == name
        ),
        None,
    )
    if operation is None or operation.operation is not OperationType.QUERY:
        raise NotCompilable("only queries are compiled")
    if operation.directives:
        raise NotCompilable("a directive")
    root = schema.query_type
    assert root is not None
    return OperationPlan(
        name, operation, fragments, _object_plan(schema, root, [operation.selection_set], fragments)
    )


# --- running a plan ----------------------------------------------------------------------------


class _Run:
    """One request through a plan."""

    __slots__ = (
        "abstract_infos",
        "context",
        "infos",
        "plan",
        "schema",
        "strawberry_schema",
        "variables",
    )

    def __init__(
        self, strawberry_schema: Any, plan: OperationPlan, variables: VariableValues, context: Any
    ) -> None:
        self.strawberry_schema = strawberry_schema
        self.schema: GraphQLSchema = strawberry_schema._schema
        self.plan = plan
        self.variables = variables
        self.context = context
        self.infos: dict[int, Any] = {}
        self.abstract_infos: dict[int, GraphQLResolveInfo[Any]] = {}

    def raw_info(
        self,
        name: str,
        nodes: list[FieldNode],
        type_: GraphQLOutputType,
        parent: GraphQLObjectType | None,
        key: str,
    ) -> GraphQLResolveInfo[Any]:
        return GraphQLResolveInfo(
            name,
            nodes,
            type_,
            parent,  # type: ignore[arg-type]
            Path(None, key, parent.name if parent else None),
            self.schema,
            self.plan.fragments,
            None,
            self.plan.operation,
            self.variables,
            self.context,
            is_awaitable,
            None,
            None,  # type: ignore[arg-type]
        )

    def info(self, plan: FieldPlan) -> Any:
        """The strawberry `Info` a resolver of ``plan`` gets: one per field of the plan (it
        holds nothing of the object resolved)."""
        found = self.infos.get(id(plan))
        if found is None:
            assert plan.definition is not None
            raw = self.raw_info(plan.name, plan.nodes, plan.definition.type, plan.parent, plan.key)
            assert plan.strawberry is not None
            found = self.strawberry_schema.config.info_class(_raw_info=raw, _field=plan.strawberry)
            self.infos[id(plan)] = found
        return found

    def runtime_plan(self, plan: AbstractPlan, value: Any) -> ObjectPlan:
        """The object plan of the type ``value`` is, by the abstract type's `resolve_type`."""
        resolve_type = plan.type.resolve_type
        if resolve_type is None:
            raise Fallback("no resolve_type")
        info = self.abstract_infos.get(id(plan))
        if info is None:
            info = self.raw_info(plan.field_name, [], plan.type, None, plan.field_name)
            self.abstract_infos[id(plan)] = info
        name = resolve_type(value, info, plan.type)
        found = plan.objects.get(name) if isinstance(name, str) else None
        if found is None:
            raise Fallback("a type resolved out of the plan")
        return found

    def resolve(self, plan: FieldPlan, source: Any) -> Any:
        strawberry_field = plan.strawberry
        assert strawberry_field is not None
        assert plan.definition is not None
        if plan.basic:
            return getattr(source, strawberry_field.python_name)
        info = self.info(plan)
        raw = (
            get_argument_values(plan.definition, plan.nodes[0], self.variables)
            if plan.definition.args
            else {}
        )
        args, kwargs = get_arguments(
            field=strawberry_field,
            source=source,
            info=info,
            kwargs=raw,
            config=self.strawberry_schema.config,
            scalar_registry=self.strawberry_schema.schema_converter.scalar_registry,
        )
        return strawberry_field.get_result(source, info, args, kwargs)

    def complete(self, plan: TypePlan, value: Any) -> Any:
        if isinstance(plan, NonNull):
            result = self.complete(plan.inner, value)
            if is_awaitable(result):
                return _non_null(result)
            if result is None:
                raise Fallback("null in a non-null position")
            return result
        if value is None:
            return None
        if isinstance(plan, Leaf):
            serialized = plan.serialize(value)
            if serialized is Undefined or serialized is None:
                raise Fallback("a leaf that does not serialise")
            return serialized
        if isinstance(plan, ListOf):
            items = [self.complete(plan.item, item) for item in value]
            pending = [i for i, item in enumerate(items) if is_awaitable(item)]
            return _settle_list(items, pending) if pending else items
        if isinstance(plan, AbstractPlan):
            plan = self.runtime_plan(plan, value)
        is_type_of = plan.type.is_type_of
        if is_type_of is not None and not is_type_of(value, None):  # type: ignore[arg-type]
            raise Fallback("an object of another type")
        return self.object(plan, value)

    def object(self, plan: ObjectPlan, source: Any) -> Any:
        out: dict[str, Any] = {}
        keys: list[str] = []
        pending: list[Awaitable[Any]] = []
        for field_plan in plan.fields:
            if field_plan.type is None:  # __typename
                out[field_plan.key] = plan.type.name
                continue
            value = self.resolve(field_plan, source)
            if is_awaitable(value):
                result: Any = self._later(field_plan.type, value)
            else:
                result = self.complete(field_plan.type, value)
            out[field_plan.key] = result
            if is_awaitable(result):
                keys.append(field_plan.key)
                pending.append(result)
        return _settle_object(out, keys, pending) if pending else out

    async def _later(self, plan: TypePlan, value: Awaitable[Any]) -> Any:
        result = self.complete(plan, await value)
        return await result if is_awaitable(result) else result


async def _non_null(result: Awaitable[Any]) -> Any:
    value = await result
    if value is None:
        raise Fallback("null in a non-null position")
    return value


async def _settle(pending: list[Awaitable[Any]]) -> list[Any]:
    # Every one to its end before failing (return_exceptions), as graphql-core settles them:
    # none is left running on the request's context when strawberry takes over.
    results = await asyncio.gather(*pending, return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results


async def _settle_list(items: list[Any], pending: list[int]) -> list[Any]:
    for index, value in zip(pending, await _settle([items[i] for i in pending]), strict=True):
        items[index] = value
    return items


async def _settle_object(
    out: dict[str, Any], keys: list[str], pending: list[Awaitable[Any]]
) -> dict[str, Any]:
    for key, value in zip(keys, await _settle(pending), strict=True):
        out[key] = value
    return out


# --- the executor ------------------------------------------------------------------------------


class CompiledOperations:
    """The plans of the compiled registered operations, made at their first request."""

    def __init__(
        self,
        strawberry_schema: Any,
        registry: PersistedOperations,
        names: frozenset[str] = COMPILED_OPERATIONS,
    ) -> None:
        self.strawberry_schema = strawberry_schema
        self.registry = registry
        self.names = names
        # By query text: the registered texts, and the same operations as a client's cache
        # sends them (portal.api.persisted.shape_of), each planned as sent. Bounded: emptied
        # when full (texts of other shapes are never kept).
        self.plans: dict[str, OperationPlan | None] = {}
        self.shapes: dict[str, PersistedOperation | None] = {}

    def registered(
        self, query: str, operation_name: str | None, document: DocumentNode
    ) -> PersistedOperation | None:
        """The compiled operation ``query`` is, by its registered text or its shape."""
        found = self.registry.matching(query)
        if found is None:
            found = self._by_shape(query, operation_name, document)
        if found is None or found.name not in self.names:
            return None
        if operation_name is not None and operation_name != found.name:
            return None
        return found

    def _by_shape(
        self, query: str, operation_name: str | None, document: DocumentNode
    ) -> PersistedOperation | None:
        if query in self.shapes:
            return self.shapes[query]
        names = [
            d.name.value
            for d in document.definitions
            if isinstance(d, OperationDefinitionNode) and d.name is not None
        ]
        if not names or not {operation_name or names[0]} <= self.names:
            return None  # only a compiled operation's name is worth a look at its shape
        found = self.registry.by_shape.get(shape_of(document))
        if len(self.shapes) >= MAX_KEPT:
            self.shapes.clear()
        self.shapes[query] = found
        return found

    def plan(
        self, operation: PersistedOperation, query: str, document: DocumentNode
    ) -> OperationPlan | None:
        if query not in self.plans:
            try:
                made: OperationPlan | None = compile_operation(
                    self.strawberry_schema._schema, document, operation.name
                )
            except NotCompilable as reason:
                log.warning("operation %s stays interpreted: %s", operation.name, reason)
                made = None
            if len(self.plans) >= MAX_KEPT:
                self.plans.clear()
            self.plans[query] = made
        return self.plans[query]

    async def run(
        self, plan: OperationPlan, variables: dict[str, Any] | None, context: Any
    ) -> dict[str, Any] | None:
        """The operation's `data`, or None when strawberry must answer it."""
        coerced = get_variable_values(
            self.strawberry_schema._schema,
            plan.operation.variable_definitions or (),
            variables or {},
        )
        if isinstance(coerced, list):  # the variables' errors: strawberry reports them
            return None
        run = _Run(self.strawberry_schema, plan, coerced, context)
        try:
            data = run.object(plan.root, None)
            if is_awaitable(data):
                data = await data
        except Exception as reason:  # any error path is strawberry's to answer
            log.debug("operation %s falls back: %r", plan.name, reason)
            return None
        answer: dict[str, Any] = data
        return answer

"""Request limits enforced while validating: depth, aliases and cost.

Depth and aliases are counted by our own validation rule rather than strawberry's
`QueryDepthLimiter` and `MaxAliasesLimiter`: those walk a fragment again at every spread, so a
few hundred bytes of fragments spreading each other twice cost 2^n steps and stall the event
loop. Here every fragment is measured once, so validation stays linear in the document size.

The cost is an estimate of the objects a query can make the server load, read off the document
alone (the validation cache keeps one verdict per document, whatever its variables): each field
with a selection (an object, or a list of them) costs 1; scalar fields cost nothing; a field
taking `first` (or `last`) can return that many items, so what is selected below it counts that
many times. `first` is the literal given, or a variable's declared default, or the largest page
when the variable has none, or the default page size when it is left out. A root field looking
up a list of `ids` (`nodes`) costs one object per id, with what is selected below it: the list
literal's length, the list variable's (the largest list taken while validating, where the
variables are not known). Depth times page size
alone would allow 100^4 objects in a twelve-level query; the cost bounds the product. The estimate
saturates at `MAX_COST_ESTIMATE` (Issue 13 F8: `first: 2147483647` nested three deep made a
number orjson could not write in the error's `extensions`, and the client got a 500).

The same measure, with the request's variables, is the `requestedQueryCost` every response
reports in `extensions.cost` (`Costs.requested`); `actualQueryCost` counts the objects the
response really holds (`Costs.actual`), walking the result once along the document, after the
operation ran: no work per resolved field (issue 17 measures the CPU of a request). Both keep
what they work out per document while it lives: a cached document costs a dict lookup.

The size and token limits apply before the parse: `portal/api/documents.py`.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    BREAK,
    ASTValidationRule,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationRule,
    VariableNode,
)

from portal.api.node import MAX_NODES
from portal.api.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE

# The largest cost reported: JavaScript's largest safe integer, far over any limit, and well
# inside the 64 bits orjson writes.
MAX_COST_ESTIMATE = 2**53 - 1


def _count(literal: str) -> int:
    """An Int literal as a count, saturated: a literal of thousands of digits is over
    Python's `int()` limit for strings (and over any page)."""
    return MAX_COST_ESTIMATE if len(literal) > 16 else max(int(literal), 0)


# The arguments that set how many items a connection returns.
PAGE_ARGUMENTS = frozenset({"first", "last"})

# The argument of a root field whose work is one lookup per id (`nodes(ids:)`): each id costs
# one object, answered or null (a missing id is looked up as surely as a found one).
IDS_ARGUMENT = "ids"

# Introspection is outside depth and cost (the IDE loads the whole schema in one query), so it is
# bounded by count: each `__schema` builds the whole schema's description, and thirty aliased
# ones took 1.3 s per request where introspection is on (found by the review of issue 13).
INTROSPECTION_FIELDS = frozenset({"__schema", "__type"})
MAX_INTROSPECTION_FIELDS = 3


@dataclass(frozen=True)
class _Size:
    depth: int
    aliases: int
    cost: int = 0
    introspection: int = 0  # `__schema` and `__type` fields, a fragment once per spread


_EMPTY = _Size(0, 0)


class _Measure:
    """Depth and alias count of selection sets, each fragment measured once.

    Depth counts nested selection sets: `{ viewer { kind } }` is 1. Introspection fields
    (`__schema`, `__type`) do not count towards depth, as in strawberry's limiter, so the IDE can
    load the schema where introspection is on. Aliases count every aliased field, a fragment once
    per spread. Unknown and cyclic fragments count as empty; other rules report them.
    """

    def __init__(
        self,
        document: DocumentNode,
        paged: frozenset[str] = frozenset(),
        variables: Mapping[str, object] | None = None,
        per_id: frozenset[str] = frozenset(),
    ) -> None:
        # Fields (by name, on any type) that take `first`: connections, DEFAULT_PAGE_SIZE
        # items when `first` is left out.
        self.paged = paged
        # Root fields taking `ids`: one object per id asked.
        self.per_id = per_id
        # The length of each list variable the request gives (the ids it asks for).
        self.lengths: dict[str, int] = {
            name: len(value) for name, value in (variables or {}).items() if type(value) is list
        }
        self.fragments: dict[str, FragmentDefinitionNode] = {}
        # A variable's declared default, the largest where operations declare it differently
        # (a fragment is measured once, for every operation that spreads it).
        self.defaults: dict[str, int] = {}
        for definition in document.definitions:
            if isinstance(definition, FragmentDefinitionNode):
                self.fragments.setdefault(definition.name.value, definition)
            elif isinstance(definition, OperationDefinitionNode):
                for variable in definition.variable_definitions or ():
                    default = variable.default_value
                    if isinstance(default, IntValueNode):
                        name = variable.variable.name.value
                        self.defaults[name] = max(self.defaults.get(name, 0), _count(default.value))
        # A request's own values (the cost it reports) take the place of the defaults.
        for name, value in (variables or {}).items():
            if isinstance(value, int) and not isinstance(value, bool):
                self.defaults[name] = min(max(value, 0), MAX_COST_ESTIMATE)
        self.sizes: dict[str, _Size] = {}
        self._measure_fragments()

    def _measure_fragments(self) -> None:
        # Post-order over the spread graph with an explicit stack: a chain of many fragments
        # must not exhaust Python's recursion limit.
        done = self.sizes
        on_path: set[str] = set()
        for root in self.fragments:
            if root in done:
                continue
            stack: list[tuple[str, Iterator[str]]] = [(root, iter(self._spreads(root)))]
            on_path.add(root)
            while stack:
                name, pending = stack[-1]
                child = next(pending, None)
                if child is None:
                    stack.pop()
                    on_path.discard(name)
                    done[name] = self.size(self.fragments[name].selection_set)
                elif child in self.fragments and child not in done and child not in on_path:
                    on_path.add(child)
                    stack.append((child, iter(self._spreads(child))))

    def _spreads(self, name: str) -> list[str]:
        found: list[str] = []
        todo: list[SelectionSetNode] = [self.fragments[name].selection_set]
        while todo:
            for selection in todo.pop().selections:
                if isinstance(selection, FragmentSpreadNode):
                    found.append(selection.name.value)
                elif (
                    isinstance(selection, (FieldNode, InlineFragmentNode))
                    and selection.selection_set is not None
                ):
                    todo.append(selection.selection_set)
        return found

    def items(self, field: FieldNode) -> int:
        """How many items a field can return: its `first` or `last` (the larger where both
        are given), for the cost estimate."""
        found: int | None = None
        for argument in field.arguments or ():
            if argument.name.value not in PAGE_ARGUMENTS:
                continue
            value = argument.value
            if isinstance(value, IntValueNode):
                count = _count(value.value)
            elif isinstance(value, VariableNode):
                count = self.defaults.get(value.name.value, MAX_PAGE_SIZE)
            else:
                # null, or a wrong type that validation reports: the server's default page.
                count = DEFAULT_PAGE_SIZE
            found = count if found is None else max(found, count)
        if found is not None:
            return found
        return DEFAULT_PAGE_SIZE if field.name.value in self.paged else 1

    def ids(self, field: FieldNode) -> int | None:
        """How many ids a per-id field asks for: the list literal's length, or the list
        variable's, or the most it takes (`MAX_NODES`) for a variable not known yet (while
        validating); None for any other field."""
        if field.name.value not in self.per_id:
            return None
        for argument in field.arguments or ():
            if argument.name.value != IDS_ARGUMENT:
                continue
            value = argument.value
            if isinstance(value, ListValueNode):
                return len(value.values)
            if isinstance(value, VariableNode):
                return self.lengths.get(value.name.value, MAX_NODES)
            return 1  # one id, which GraphQL takes as a list of one
        return None

    def size(self, selection_set: SelectionSetNode | None) -> _Size:
        """Nesting within one definition is at most 200 (graphql-core's parser limit)."""
        if selection_set is None:
            return _EMPTY
        depth = aliases = cost = introspection = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                inner = self.size(selection.selection_set)
                aliases += inner.aliases + (1 if selection.alias else 0)
                introspection += inner.introspection + (
                    1 if selection.name.value in INTROSPECTION_FIELDS else 0
                )
                if selection.selection_set is not None and not selection.name.value.startswith(
                    "__"
                ):
                    depth = max(depth, 1 + inner.depth)
                    ids = self.ids(selection)
                    if ids is None:
                        cost += 1 + min(self.items(selection), MAX_COST_ESTIMATE) * inner.cost
                    else:  # one object per id, with what is selected below it
                        cost += max(min(ids, MAX_COST_ESTIMATE), 1) * (1 + inner.cost)
            elif isinstance(selection, InlineFragmentNode):
                inner = self.size(selection.selection_set)
                depth, aliases = max(depth, inner.depth), aliases + inner.aliases
                cost += inner.cost
                introspection += inner.introspection
            elif isinstance(selection, FragmentSpreadNode):
                # Missing from `sizes`: unknown, or part of a cycle.
                spread = self.sizes.get(selection.name.value, _EMPTY)
                depth, aliases = max(depth, spread.depth), aliases + spread.aliases
                cost += spread.cost
                introspection += spread.introspection
            cost = min(cost, MAX_COST_ESTIMATE)
        return _Size(depth, aliases, cost, min(introspection, MAX_COST_ESTIMATE))


@functools.lru_cache(maxsize=8)
def paged_fields(schema: GraphQLSchema) -> frozenset[str]:
    """The names of the fields, on any object or interface type, that take `first`."""
    return frozenset(
        name
        for named in schema.type_map.values()
        if isinstance(named, (GraphQLObjectType, GraphQLInterfaceType))
        for name, field in named.fields.items()
        if "first" in field.args
    )


@functools.lru_cache(maxsize=8)
def per_id_fields(schema: GraphQLSchema) -> frozenset[str]:
    """The root fields (query, mutation, subscription) that take a list of `ids` and look up
    each one: `nodes`."""
    roots = (schema.query_type, schema.mutation_type, schema.subscription_type)
    return frozenset(
        name
        for root in roots
        if root is not None
        for name, field in root.fields.items()
        if IDS_ARGUMENT in field.args
    )


def limit_rule(max_depth: int, max_aliases: int, max_cost: int) -> type[ASTValidationRule]:
    """One validation rule for the depth, alias and cost limits of every operation in a
    document."""

    class RequestLimits(ValidationRule):
        def enter_document(self, node: DocumentNode, *_: Any) -> Any:
            schema = self.context.schema
            measure = _Measure(node, paged_fields(schema), per_id=per_id_fields(schema))
            for operation in node.definitions:
                if not isinstance(operation, OperationDefinitionNode):
                    continue
                # An unnamed operation is not an anonymous user: say "The operation".
                name = f"Operation '{operation.name.value}'" if operation.name else "The operation"
                size = measure.size(operation.selection_set)
                if size.depth > max_depth:
                    self.report_error(
                        GraphQLError(
                            f"{name} exceeds the maximum operation depth of {max_depth}.",
                            operation,
                            extensions={"code": "DEPTH_LIMIT_EXCEEDED"},
                        )
                    )
                if size.aliases > max_aliases:
                    self.report_error(
                        GraphQLError(
                            f"{name} uses {size.aliases} aliases. Allowed: {max_aliases}.",
                            operation,
                            extensions={"code": "ALIAS_LIMIT_EXCEEDED"},
                        )
                    )
                if size.introspection > MAX_INTROSPECTION_FIELDS:
                    self.report_error(
                        GraphQLError(
                            f"{name} asks for the schema {size.introspection} times "
                            f"(`__schema`, `__type`). Allowed: {MAX_INTROSPECTION_FIELDS}.",
                            operation,
                            extensions={"code": "INTROSPECTION_LIMIT_EXCEEDED"},
                        )
                    )
                if size.cost > max_cost:
                    about = "at least" if size.cost == MAX_COST_ESTIMATE else "about"
                    self.report_error(
                        GraphQLError(
                            f"{name} could load {about} {size.cost} objects. Allowed: "
                            f"{max_cost}. Ask for smaller pages (`first`) or fewer nested lists.",
                            operation,
                            extensions={
                                "code": "COST_LIMIT_EXCEEDED",
                                "cost": size.cost,
                                "maxCost": max_cost,
                            },
                        )
                    )
            return BREAK

    return RequestLimits


# The result's shape: the response keys of a selection set's object fields, fragments merged,
# each with the shape below it and whether it is a per-id field (`nodes(ids:)`), whose every
# item counts, null or not.
Shape = tuple[tuple[str, "Shape", bool], ...]


def _per_id(field: FieldNode, per_id: frozenset[str]) -> bool:
    return field.name.value in per_id and any(
        a.name.value == IDS_ARGUMENT for a in field.arguments or ()
    )


def _shape(
    fragments: Mapping[str, FragmentDefinitionNode],
    sets: list[SelectionSetNode],
    per_id: frozenset[str] = frozenset(),
) -> Shape:
    """Bounded by the cost estimate (each path of object fields costs at least 1), so only
    operations that passed validation are shaped. Each selection set is merged once per level,
    however often fragments spread it: a fragment bomb (each fragment spreading the next twice,
    2^n expansions) is shaped in time linear in the document."""
    collected: dict[str, dict[int, SelectionSetNode]] = {}
    counted_per_id: set[str] = set()
    merged: set[int] = set()
    todo: list[SelectionSetNode] = list(sets)
    while todo:
        selection_set = todo.pop()
        if id(selection_set) in merged:
            continue
        merged.add(id(selection_set))
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                name = selection.name.value
                if selection.selection_set is not None and not name.startswith("__"):
                    key = selection.alias.value if selection.alias else name
                    below = selection.selection_set
                    collected.setdefault(key, {})[id(below)] = below
                    if _per_id(selection, per_id):
                        counted_per_id.add(key)
            elif isinstance(selection, InlineFragmentNode):
                todo.append(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = fragments.get(selection.name.value)
                if fragment is not None:
                    todo.append(fragment.selection_set)
    return tuple(
        (key, _shape(fragments, list(below.values()), per_id), key in counted_per_id)
        for key, below in collected.items()
    )


def _counted(data: object, shape: Shape) -> int:
    """The objects in ``data`` below its root, along ``shape``."""
    count = 0
    stack: list[tuple[object, Shape]] = [(data, shape)]
    while stack:
        value, fields = stack.pop()
        if type(value) is not dict:
            continue
        for key, below, each_id in fields:
            child = value.get(key)
            if child is None:
                continue
            if type(child) is list:
                items = child
                while items and type(items[0]) is list:  # a list of lists: flattened
                    items = [i for sub in items for i in sub]
                if each_id:  # every id was looked up: a null answer costs one too
                    count += sum(1 for item in items if item is None)
                for item in items:
                    if item is not None:
                        count += 1
                        stack.append((item, below))
            else:
                count += 1
                stack.append((child, below))
    return count


class Costs:
    """The requested and actual cost of operations, with what is worked out once per document
    kept while the document lives (the document cache holds the common ones): the requested
    cost per operation, page-size variables and list lengths, the result's shape per operation."""

    MAX_KEYS = 64  # per document: page sizes vary

    def __init__(self, schema: GraphQLSchema) -> None:
        self.schema = schema
        self._documents: dict[int, tuple[weakref.ref[DocumentNode], dict[object, Any]]] = {}

    def _entry(self, document: DocumentNode) -> dict[object, Any]:
        key = id(document)
        found = self._documents.get(key)
        if found is not None and found[0]() is document:
            return found[1]
        documents = self._documents

        def forget(ref: weakref.ref[DocumentNode]) -> None:
            held = documents.get(key)
            if held is not None and held[0] is ref:
                del documents[key]

        entry: dict[object, Any] = {}
        documents[key] = (weakref.ref(document, forget), entry)
        return entry

    def requested(
        self,
        document: DocumentNode,
        operation: OperationDefinitionNode,
        variables: Mapping[str, object] | None,
    ) -> int:
        """The cost the operation asks for: the validation estimate, with the page sizes its
        variables give (`requestedQueryCost`)."""
        entry = self._entry(document)
        # The page sizes and list lengths (ids asked) the cost depends on.
        pages = tuple(
            sorted(
                (k, ("length", len(v)) if type(v) is list else v)
                for k, v in (variables or {}).items()
                if type(v) is list or (isinstance(v, int) and not isinstance(v, bool))
            )
        )
        key = ("requested", id(operation), pages)
        cost = entry.get(key)
        if cost is None:
            if len(entry) > self.MAX_KEYS:
                entry.clear()
            cost = entry[key] = requested_cost(self.schema, document, operation, variables)
        return int(cost)

    def actual(
        self, document: DocumentNode, operation: OperationDefinitionNode, data: object
    ) -> int:
        """The objects the response holds (`actualQueryCost`): every object a field with a
        selection returned, each item of a list of them (each id `nodes` looked up, null or
        not); not the response's root, not a JSON scalar's content, not introspection."""
        entry = self._entry(document)
        key = ("shape", id(operation))
        shape = entry.get(key)
        if shape is None:
            fragments = {
                d.name.value: d
                for d in document.definitions
                if isinstance(d, FragmentDefinitionNode)
            }
            shape = entry[key] = _shape(
                fragments, [operation.selection_set], per_id_fields(self.schema)
            )
        return _counted(data, shape)


def requested_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Mapping[str, object] | None,
) -> int:
    """The cost the operation asks for: the validation estimate, with the page sizes its
    variables give (`requestedQueryCost`)."""
    measure = _Measure(document, paged_fields(schema), variables, per_id_fields(schema))
    return measure.size(operation.selection_set).cost

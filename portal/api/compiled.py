"""Compiled operations (issue 17, 1-3): a registered operation of the web portal answered by
SQL that builds the response's JSON, with strawberry as the fallback for everything else.

`Cases` (graphql/operations/cases.graphql, fragment CaseSummary) is compiled here;
`CasePage` (portal.api.compiled_casepage), `CaseTimeline` (portal.api.compiled_timeline)
and `CaseFile` (portal.api.compiled_casefile) in their own modules, on these mappings
(`PLANNERS`). Only on PostgreSQL; every other operation, and these on SQLite, is
interpreted (`COMPILED`, `executor_of`). How a compiled `Cases` request runs:

1. The view (portal.api.view) has already read, limited, costed, rate limited and
   scope-checked the request exactly as for strawberry; it hands over only the registered
   text of a compiled operation (matched by hash or exact text), sent by a signed-in actor.
2. The variables are coerced by graphql-core's own `get_variable_values`, against the same
   schema; the page, filter and order are decided by the resolver's own functions
   (`window`, `cases_query`, `case_keyset`, `page_query`), so the WHERE clause is the
   policy's `visible_cases_filter` as tortoise renders it, and the keyset condition and
   order are pagination's.
3. One statement wraps that tortoise query: its SELECT builds each node's JSON from the
   mappings below (`json_build_object`; global ids, enums in the API's form, instants as
   `datetime.isoformat()` writes them, keyset cursors as `Keyset.cursor` encodes them), every
   value a bind parameter, and returns the case's columns so that the rows become the same
   `DisputeCase` models the resolvers read (built by `loaders.Rows`, as tortoise's
   `_init_from_db` builds them, for a fraction of its CPU; so are the batch loads' rows).
4. A fixed set of batch statements, the same number for 5 cases as for 100, each taking the
   page's ids as one array parameter: the request loaders' own reads of participants,
   appointments, clocks, offers, outcomes, fees and schemes in one statement
   (`loaders.together`), beside it the owed duties (`due_duties`), then the unread counts
   (and the provider's pending automated reviews); then one synchronous pass computes the
   per-row fields with the resolvers' functions: `policy.case_roles` through
   `access.decide`, `case_view`, `available_actions`, `split_obligations`, `due_duties`,
   `policy.may_view_organisation`/`may_view_provider`. With authentication and the page
   itself, an organisation's agent's `Cases` is 5 statements.

Anything the compiled path does not cover returns None before the page is read (a variable
that does not coerce, an invalid page size, filter or cursor, `orderBy: NEXT_DUE`, an
anonymous caller, a token without the scope...; at most the policy's own lookup was sent, and
nothing is written), and the view runs strawberry: every error is strawberry's, by
construction. The registered text compiles, and so does a document of the same shape
(persisted.shape_of: `__typename` added to selection sets, as urql's document cache does,
fragments in another order); each such text gets its own plan, answering `__typename` too.
tests/test_compiled_equivalence.py
runs both paths for every role and requires the same bytes.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol

import orjson
from graphql import (
    GRAPHQL_MAX_INT,
    GRAPHQL_MIN_INT,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLString,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    parse,
)
from graphql.execution.values import get_variable_values
from tortoise import connections
from tortoise.models import Model

from portal.accounts.models import Organisation, Provider
from portal.api.casefiles.loaders import UnreadKey, unread_counts
from portal.api.cases import loaders as case_loaders
from portal.api.cases.access import decide
from portal.api.cases.queries import CaseFilter, CaseOrder, case_keyset, cases_query
from portal.api.cases.types import case_view, needs_review
from portal.api.errors import PublicError
from portal.api.pagination import INSTANT, UUID, Keyset, page_query, window
from portal.api.persisted import registry, shape_of
from portal.auth import policy
from portal.auth.actor import Actor, ActorKind
from portal.automated.records import pending_reviews
from portal.cases import models
from portal.cases.duties import due_duties
from portal.cases.engine import now
from portal.cases.guards import PendingAutomatedReview
from portal.cases.states import ClockStatus
from portal.cases.transitions import CLOCK_OBLIGATIONS, available_actions, split_obligations

log = logging.getLogger("portal.api")

COMPILED = "compiled"
INTERPRETED = "interpreted"

# The operations of graphql/operations/ answered by SQL on PostgreSQL, each by the class that
# plans it ("module:Class", imported when first asked); every other one is interpreted
# (tests/test_compiled_equivalence.py lists them all).
PLANNERS = {
    "Cases": "portal.api.compiled:CompiledCases",
    "CasePage": "portal.api.compiled_casepage:CompiledCasePage",
    "CaseTimeline": "portal.api.compiled_timeline:CompiledCaseTimeline",
    "CaseFile": "portal.api.compiled_casefile:CompiledCaseFile",
}
COMPILED_OPERATIONS = frozenset(PLANNERS)


def executor_of(name: str) -> str:
    return COMPILED if name in COMPILED_OPERATIONS else INTERPRETED


TYPENAME = "__typename"


class NotCompilable(Exception):
    """A selected field has no mapping: the operation stays interpreted."""


# --- SQL building blocks: every value a bind parameter ------------------------------------


class Binds:
    """Bind parameters appended after those of the tortoise query the SQL wraps."""

    def __init__(self, start: int) -> None:
        self.start = start
        self.values: list[Any] = []
        self._named: dict[tuple[str, str], str] = {}

    def __call__(self, value: Any) -> str:
        self.values.append(value)
        return f"${self.start + len(self.values)}"

    def once(self, kind: str, value: str) -> str:
        """One parameter per distinct value (an enum's map, a type's id prefix)."""
        key = (kind, value)
        if key not in self._named:
            self._named[key] = self(value)
        return self._named[key]


def _column(model: type[Model], field: str) -> str:
    """A field's column, quoted: a foreign key's by its relation's name (`case` -> case_id)."""
    meta = model._meta
    found = meta.fields_db_projection.get(field)
    if found is None:
        found = getattr(meta.fields_map[field], "source_field", None)
    if not found:
        raise NotCompilable(f"{model.__name__}.{field}")
    return '"' + found + '"'


def _table(model: type[Model]) -> str:
    return '"' + model._meta.db_table + '"'


def base64url(binds: Binds, text_sql: str) -> str:
    """`base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")` in SQL."""
    plain = binds.once("text", "+/\n")
    safe = binds.once("text", "-_")
    pad = binds.once("text", "=")
    return (
        f"rtrim(translate(encode(convert_to({text_sql}, {binds.once('text', 'UTF8')}::name), "
        f"{binds.once('text', 'base64')}::text), "
        f"{plain}::text, {safe}::text), {pad}::text)"
    )


def global_id_sql(binds: Binds, type_name: str, pk_sql: str) -> str:
    """portal.ids.global_id: base64url("<Type>:<uuid>"), unpadded."""
    return base64url(binds, f"({binds.once('text', type_name + ':')}::text || {pk_sql}::text)")


def instant_sql(binds: Binds, column: str) -> str:
    """A timestamptz as `datetime.isoformat()` writes a UTC instant (strawberry's DateTime):
    microseconds only when there are some, `+00:00`."""
    utc = f"({column} AT TIME ZONE {binds.once('text', 'UTC')}::text)"
    day = binds.once("text", 'YYYY-MM-DD"T"HH24:MI:SS')
    micro = binds.once("text", ".US")
    zero = binds.once("text", ".000000")
    offset = binds.once("text", "+00:00")
    return (
        f"(to_char({utc}, {day}::text) || CASE WHEN to_char({utc}, {micro}::text) = "
        f"{zero}::text THEN {binds.once('text', '')}::text ELSE to_char({utc}, {micro}::text) END "
        f"|| {offset}::text)"
    )


def enum_map(gql_type: GraphQLEnumType) -> str:
    """Stored value -> the API's name, from the schema's own enum type."""
    return orjson.dumps(
        {
            str(v.value.value if isinstance(v.value, Enum) else v.value): n
            for n, v in gql_type.values.items()
        }
    ).decode()


def enum_sql(binds: Binds, gql_type: GraphQLEnumType, column: str) -> str:
    return f"({binds.once('json', enum_map(gql_type))}::jsonb ->> {column}::text)"


def _named(gql_type: GraphQLOutputType) -> Any:
    while isinstance(gql_type, GraphQLNonNull | GraphQLList):
        gql_type = gql_type.of_type
    return gql_type


# --- the selection ---------------------------------------------------------------------------


def fields_of(
    selection: SelectionSetNode,
    fragments: Mapping[str, FragmentDefinitionNode],
    *,
    arguments: bool = False,
) -> Iterator[FieldNode]:
    """The fields of a selection set, fragments spread in place, in document order. A
    directive, an alias, an argument (unless ``arguments``: each the variable of its own
    name) or an inline fragment is not compiled."""
    for node in selection.selections:
        if isinstance(node, FragmentSpreadNode):
            if node.directives:
                raise NotCompilable("directive")
            yield from fields_of(fragments[node.name.value].selection_set, fragments)
        elif isinstance(node, FieldNode):
            if node.alias or node.directives:
                raise NotCompilable(node.name.value)
            for argument in node.arguments or ():
                value = argument.value
                if not (
                    arguments
                    and isinstance(value, VariableNode)
                    and value.name.value == argument.name.value
                ):
                    raise NotCompilable(f"{node.name.value}({argument.name.value})")
            yield node
        else:
            raise NotCompilable("inline fragment")


# --- mappings: a field answered by SQL ---------------------------------------------------------

Sql = Callable[[Binds, str, GraphQLOutputType], str]  # (binds, table alias, field type) -> SQL


def column(model: type[Model], field: str) -> Sql:
    return lambda _b, alias, _t: f"{alias}.{_column(model, field)}"


def instant(model: type[Model], field: str) -> Sql:
    return lambda b, alias, _t: (
        f"CASE WHEN {alias}.{_column(model, field)} IS NULL THEN NULL "
        f"ELSE {instant_sql(b, f'{alias}.{_column(model, field)}')} END"
    )


def enum(model: type[Model], field: str) -> Sql:
    return lambda b, alias, t: enum_sql(b, _named(t), f"{alias}.{_column(model, field)}")


def gid(type_name: str, model: type[Model]) -> Sql:
    return lambda b, alias, _t: global_id_sql(b, type_name, f"{alias}.{_column(model, 'id')}")


def decimal_text(model: type[Model], field: str) -> Sql:
    # strawberry's Decimal is `str(Decimal)`: the column's scale, as numeric's text.
    return lambda _b, alias, _t: f"{alias}.{_column(model, field)}::text"


def clock_obligation(b: Binds, alias: str, t: GraphQLOutputType) -> str:
    gql_enum = _named(t)
    names = {
        kind.value: gql_enum.serialize(obligation) for kind, obligation in CLOCK_OBLIGATIONS.items()
    }
    kind = f"{alias}.{_column(models.Clock, 'kind')}"
    return f"({b.once('json', orjson.dumps(names).decode())}::jsonb ->> {kind}::text)"


def while_running(inner: Sql) -> Sql:
    """A clock's pause, only while it runs (`Clock.of`: an ended clock is never paused)."""

    def sql(b: Binds, alias: str, t: GraphQLOutputType) -> str:
        status = f"{alias}.{_column(models.Clock, 'status')}"
        running = b.once("text", ClockStatus.RUNNING.value)
        return f"CASE WHEN {status} = {running} THEN {inner(b, alias, t)} ELSE NULL END"

    return sql


def clock_paused(b: Binds, alias: str, _t: GraphQLOutputType) -> str:
    status = f"{alias}.{_column(models.Clock, 'status')}"
    running = b.once("text", ClockStatus.RUNNING.value)
    return f"({status} = {running} AND {alias}.{_column(models.Clock, 'paused_at')} IS NOT NULL)"


@dataclass(frozen=True)
class Nested:
    """An object or list of objects read from another table, with its own mappings."""

    model: type[Model]
    alias: str
    fields: Mapping[str, Sql | Nested]
    # SQL that selects the related rows, given the parent alias (a WHERE clause).
    where: Callable[[str], str]
    many: bool = False
    order: str = ""
    # A condition on the parent row under which the object is null.
    null_when: Callable[[str], str] | None = None
    # For an object built from the parent's own columns (Money), no table of its own.
    inline: bool = False


MONEY = Nested(
    models.DisputeCase,
    "",
    {
        "amount": decimal_text(models.DisputeCase, "claimed_amount"),
        "currency": enum(models.DisputeCase, "currency"),
    },
    where=lambda _p: "",
    null_when=lambda p: f"{p}.{_column(models.DisputeCase, 'claimed_amount')} IS NULL",
    inline=True,
)

CLOCK_FIELDS: dict[str, Sql | Nested] = {
    "kind": enum(models.Clock, "kind"),
    "responsible": enum(models.Clock, "responsible"),
    "calendar": enum(models.Clock, "calendar"),
    "days": column(models.Clock, "days"),
    "startedAt": instant(models.Clock, "started_at"),
    "dueAt": instant(models.Clock, "due_at"),
    "status": enum(models.Clock, "status"),
    "endedAt": instant(models.Clock, "ended_at"),
    "extensions": column(models.Clock, "extensions"),
    "obligation": clock_obligation,
    "paused": clock_paused,
    "pausedSince": while_running(instant(models.Clock, "paused_at")),
    "pausedFor": while_running(enum(models.Clock, "paused_for")),
}

# The same rows and order as the clocks_by_case loader (and `DisputeCase.clocks`).
CLOCKS = Nested(
    models.Clock,
    "k",
    CLOCK_FIELDS,
    where=lambda p: f"k.{_column(models.Clock, 'case')} = {p}.{_column(models.DisputeCase, 'id')}",
    many=True,
    order=f"k.{_column(models.Clock, 'started_at')}",
)

ORGANISATION = Nested(
    Organisation,
    "o",
    {"id": gid("Organisation", Organisation), "name": column(Organisation, "name")},
    where=lambda p: (
        f"o.{_column(Organisation, 'id')} = {p}.{_column(models.DisputeCase, 'organisation')}"
    ),
)

PROVIDER = Nested(
    Provider,
    "p",
    {"id": gid("Provider", Provider), "name": column(Provider, "name")},
    where=lambda p: f"p.{_column(Provider, 'id')} = {p}.{_column(models.DisputeCase, 'provider')}",
)

CASE_SQL: dict[str, Sql | Nested] = {
    "id": gid("DisputeCase", models.DisputeCase),
    "reference": column(models.DisputeCase, "reference"),
    "subject": column(models.DisputeCase, "subject"),
    "stage": enum(models.DisputeCase, "stage"),
    "method": enum(models.DisputeCase, "method"),
    "createdAt": instant(models.DisputeCase, "created_at"),
    "updatedAt": instant(models.DisputeCase, "updated_at"),
    "stageChangedAt": instant(models.DisputeCase, "stage_changed_at"),
    "claimedAmount": MONEY,
    "organisation": ORGANISATION,
    "provider": PROVIDER,
    "clocks": CLOCKS,
}

# Fields computed per row in Python, by the resolvers' functions (`Row` below).
CASE_PYTHON = frozenset(
    {
        "viewerRoles",
        "availableActions",
        "viewerDuties",
        "viewerRights",
        "overdue",
        "nextDue",
        "whoMustAct",
        "unreadMessageCount",
    }
)
# Fields whose SQL answer the policy may still null, per row.
CASE_CHECKED = frozenset({"organisation", "provider"})


def object_sql(
    binds: Binds,
    schema: GraphQLSchema,
    type_name: str,
    mappings: Mapping[str, Sql | Nested],
    selection: list[FieldNode],
    fragments: Mapping[str, FragmentDefinitionNode],
    alias: str,
) -> str:
    """`json_build_object(...)` of the selected fields, in selection order."""
    gql_type = schema.get_type(type_name)
    assert isinstance(gql_type, GraphQLObjectType)
    parts: list[str] = []
    for node in selection:
        name = node.name.value
        if name == TYPENAME:
            parts += [binds.once("text", name) + "::text", binds.once("text", type_name) + "::text"]
            continue
        mapping = mappings.get(name)
        if mapping is None:
            raise NotCompilable(f"{type_name}.{name}")
        field_type = gql_type.fields[name].type
        parts.append(binds.once("text", name) + "::text")
        if isinstance(mapping, Nested):
            assert node.selection_set is not None
            inner_type = _named(field_type).name
            inner_fields = list(fields_of(node.selection_set, fragments))
            parts.append(
                nested_sql(binds, schema, inner_type, mapping, inner_fields, fragments, alias)
            )
        else:
            parts.append(mapping(binds, alias, field_type))
    return f"json_build_object({', '.join(parts)})"


def nested_sql(
    binds: Binds,
    schema: GraphQLSchema,
    type_name: str,
    nested: Nested,
    selection: list[FieldNode],
    fragments: Mapping[str, FragmentDefinitionNode],
    parent: str,
) -> str:
    if nested.inline:
        built = object_sql(binds, schema, type_name, nested.fields, selection, fragments, parent)
        assert nested.null_when is not None
        return f"CASE WHEN {nested.null_when(parent)} THEN NULL ELSE {built} END"
    built = object_sql(binds, schema, type_name, nested.fields, selection, fragments, nested.alias)
    source = f"FROM {_table(nested.model)} {nested.alias} WHERE {nested.where(parent)}"
    if nested.many:
        empty = binds.once("text", "[]")
        return (
            f"(SELECT coalesce(json_agg({built} ORDER BY {nested.order}), {empty}::json) {source})"
        )
    return f"(SELECT {built} {source})"


# The schemes of a page's cases, by id (each case has one), read with the other loads.
SCHEMES = case_loaders.grouped(models.Scheme, "id")

# --- the compiled Cases operation ---------------------------------------------------------------


def _operation(document: DocumentNode, name: str) -> OperationDefinitionNode:
    for d in document.definitions:
        if isinstance(d, OperationDefinitionNode) and d.name and d.name.value == name:
            return d
    raise NotCompilable(name)


def _selection(node: FieldNode) -> SelectionSetNode:
    if node.selection_set is None:
        raise NotCompilable(node.name.value)
    return node.selection_set


def _single(
    selection: SelectionSetNode, fragments: Mapping[str, FragmentDefinitionNode], name: str
) -> FieldNode:
    found = [f for f in fields_of(selection, fragments) if f.name.value == name]
    if len(found) != 1:
        raise NotCompilable(name)
    return found[0]


@dataclass
class Row:
    """One case of the page, with what its per-row fields are computed from."""

    case: models.DisputeCase
    node: dict[str, Any]
    cursor: str
    published: bool | None


class CompiledCases:
    """`Cases` as SQL: built once per schema from the registered document."""

    name = "Cases"

    def __init__(self, schema: GraphQLSchema, text: str) -> None:
        """``text``: the registered one, or the same with `__typename` added where a
        client's cache adds it (urql's document cache does, for every selection set)."""
        self.schema = schema
        self.text = text
        document = parse(self.text)
        self.operation = _operation(document, self.name)
        fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.fragments = fragments
        # The document's shape, as the response has it: cases { edges { node } pageInfo }.
        root = list(fields_of(self.operation.selection_set, fragments, arguments=True))
        if [f.name.value for f in root] != ["cases"]:
            raise NotCompilable("root")
        query_type = schema.query_type
        assert query_type is not None
        connection_type = _named(query_type.fields["cases"].type)
        edge_type = _named(connection_type.fields["edges"].type)
        page_info_type = _named(connection_type.fields["pageInfo"].type)
        self.typenames = {
            "connection": connection_type.name,
            "edge": edge_type.name,
            "pageInfo": page_info_type.name,
        }
        cases = _selection(root[0])
        self.connection_fields = [f.name.value for f in fields_of(cases, fragments)]
        if sorted(set(self.connection_fields) - {TYPENAME}) != ["edges", "pageInfo"]:
            raise NotCompilable("connection")
        edges = _selection(_single(cases, fragments, "edges"))
        self.edge_fields = [f.name.value for f in fields_of(edges, fragments)]
        if set(self.edge_fields) - {TYPENAME} != {"node"}:
            raise NotCompilable("edges")
        page_info = _selection(_single(cases, fragments, "pageInfo"))
        self.page_info_fields = [f.name.value for f in fields_of(page_info, fragments)]
        if not set(self.page_info_fields) <= {"hasNextPage", "endCursor", "startCursor", TYPENAME}:
            raise NotCompilable("pageInfo")
        node = _selection(_single(edges, fragments, "node"))
        self.node_fields = list(fields_of(node, fragments))
        self.node_order = [f.name.value for f in self.node_fields]
        self.sql_fields = [
            f for f in self.node_fields if f.name.value in CASE_SQL or f.name.value == TYPENAME
        ]
        self.python_fields = {
            f.name.value: f for f in self.node_fields if f.name.value in CASE_PYTHON
        }
        missing = set(self.node_order) - set(CASE_SQL) - CASE_PYTHON - {TYPENAME}
        if missing:
            raise NotCompilable(", ".join(sorted(missing)))
        case_type = schema.get_type("DisputeCase")
        assert isinstance(case_type, GraphQLObjectType)
        self.serializers = {
            name: serializer(case_type.fields[name].type, node, fragments)
            for name, node in self.python_fields.items()
        }
        # The page statement's text around the tortoise query, by its parameters and order.
        self._wrapping: dict[tuple[int, Keyset], tuple[str, str, list[Any]]] = {}
        # Built once to fail early on a field without a mapping.
        object_sql(Binds(0), schema, "DisputeCase", CASE_SQL, self.sql_fields, fragments, "c")

    # -- arguments -----------------------------------------------------------------------

    def generic_plans(self, variables: Mapping[str, Any] | None) -> bool:
        """A page of the visible cases, or of the cases started after a cursor, plans alike
        for any values; a filter (a stage, a method, a search, overdue) may not: a rare stage
        or a search is best planned for its value, as PostgreSQL's default does on the main
        pool. Only the unfiltered lists were measured on generic plans (bench/README.md)."""
        return not (variables or {}).get("filter")

    def arguments(self, variables: Mapping[str, Any] | None) -> dict[str, Any] | None:
        """The variables as execution would coerce them, or None (strawberry reports why)."""
        coerced = get_variable_values(
            self.schema, self.operation.variable_definitions or (), dict(variables or {})
        )
        if isinstance(coerced, list):
            return None
        return dict(coerced.coerced)

    # -- SQL -------------------------------------------------------------------------------

    def statement(
        self, inner_sql: str, inner_params: list[Any], keyset: Keyset
    ) -> tuple[str, list[Any]]:
        """The page's statement around the tortoise query: what wraps it is written once per
        number of the query's parameters and order (its text and its own values are the same
        for every request with those), then reused."""
        key = (len(inner_params), keyset)
        wrapped = self._wrapping.get(key)
        if wrapped is None:
            if len(self._wrapping) >= _MAX_PLANS:
                self._wrapping.clear()
            wrapped = self._wrapping[key] = self.wrapping(len(inner_params), keyset)
        opening, closing, values = wrapped
        return f"{opening}{inner_sql}{closing}", [*inner_params, *values]

    def wrapping(self, start: int, keyset: Keyset) -> tuple[str, str, list[Any]]:
        """(the text before the tortoise query, the text after it, the values bound after
        its own ``start`` parameters)."""
        binds = Binds(start)
        node = object_sql(
            binds, self.schema, "DisputeCase", CASE_SQL, self.sql_fields, self.fragments, "c"
        )
        key: list[str] = []
        if keyset.tag is not None:
            key.append(f"to_json({binds(keyset.tag)}::text)::text")
        for name, parse_key in keyset.fields:
            col = f"c.{_column(models.DisputeCase, name)}"
            if parse_key is INSTANT:
                key.append(f"to_json({instant_sql(binds, col)})::text")
            elif parse_key is UUID:
                key.append(f"to_json({col}::text)::text")
            else:
                raise NotCompilable(name)
        comma = binds.once("text", ",")
        opening, closing = binds.once("text", "["), binds.once("text", "]")
        cursor = base64url(
            binds,
            f"({opening}::text || concat_ws({comma}::text, {', '.join(key)}) || {closing}::text)",
        )
        order = ", ".join(
            f"c.{_column(models.DisputeCase, f.lstrip('-'))}{' DESC' if f.startswith('-') else ''}"
            for f in keyset.ordering()
        )
        # Identifiers from the models' metadata, values all bound: nothing from the request
        # is written into the text.
        published_column = _column(Provider, "published")
        provider_table, provider_id = _table(Provider), _column(Provider, "id")
        case_provider = _column(models.DisputeCase, "provider")
        published = (
            f"(SELECT p.{published_column} FROM {provider_table} p "  # noqa: S608
            f"WHERE p.{provider_id} = c.{case_provider})"
        )
        opening_sql = " ".join(
            (
                f'SELECT c.*, {node}::text AS "_compiled_node",',
                f'{cursor} AS "_compiled_cursor", {published} AS "_compiled_published"',
                "FROM (",
            )
        )
        return opening_sql, f") AS c ORDER BY {order}", list(binds.values)

    # -- running ---------------------------------------------------------------------------

    async def run(
        self,
        actor: Actor | None,
        variables: Mapping[str, Any] | None,
        context: object = None,
    ) -> dict[str, Any] | None:
        """The response's `data`, or None for strawberry to answer (errors included).
        ``context``: the request's (read by operations that call resolvers; not here)."""
        if actor is None or not is_postgres():
            return None
        args = self.arguments(variables)
        if args is None:
            return None
        try:
            asked = window(args.get("first"), args.get("after"))
            where = _filter(args.get("filter"))
            keyset = case_keyset(_order(args.get("orderBy")))
            if keyset is None:  # NEXT_DUE: paged in Python by `_due_first`
                return None
            query = page_query(await cases_query(actor, where), keyset, asked)
        except PublicError:
            return None
        query._choose_db_if_not_chosen()
        query._make_query()
        inner_sql, inner_params = query.query.get_parameterized_sql()
        sql, params = self.statement(inner_sql, list(inner_params), keyset)
        _, records = await connections.get("default").execute_query(sql, params)
        rows = [
            Row(
                case,
                orjson.loads(r["_compiled_node"]),
                r["_compiled_cursor"],
                r["_compiled_published"],
            )
            for case, r in zip(CASE_ROWS(records), records, strict=True)
        ]
        more = len(rows) > asked.size
        rows = rows[: asked.size]
        nodes = await self.per_row(actor, rows) if rows else []
        end = rows[-1].cursor if rows else asked.cursor
        start = rows[0].cursor if rows else asked.cursor
        names = self.typenames
        page_info_values = {
            "hasNextPage": more,
            "endCursor": end,
            "startCursor": start,
            TYPENAME: names["pageInfo"],
        }
        edge_fields = self.edge_fields
        connection = {
            "edges": [
                {name: node if name == "node" else names["edge"] for name in edge_fields}
                for node in nodes
            ],
            "pageInfo": {name: page_info_values[name] for name in self.page_info_fields},
            TYPENAME: names["connection"],
        }
        return {"cases": {name: connection[name] for name in self.connection_fields}}

    async def per_row(self, actor: Actor, rows: list[Row]) -> list[dict[str, Any]]:
        """The per-row fields, from the loaders' batch functions and the resolvers' rules."""
        ids = [row.case.id for row in rows]
        at = now()
        wanted = set(self.python_fields)
        viewing = bool(
            wanted
            & {
                "viewerRoles",
                "availableActions",
                "viewerDuties",
                "viewerRights",
                "unreadMessageCount",
            }
        )
        acting = bool(wanted & {"availableActions", "viewerDuties", "viewerRights"})
        owing = bool(wanted & {"overdue", "nextDue", "whoMustAct"})
        # The loaders' own batch functions, read together in one statement.
        loads: dict[str, tuple[case_loaders.Grouped[Any], list[uuid.UUID]]] = {}
        if viewing:
            loads["participants"] = (case_loaders.participants_by_case, ids)
            loads["appointments"] = (case_loaders.appointments_by_case, ids)
        if acting:
            loads["clocks"] = (case_loaders.clocks_by_case, ids)
            loads["offers"] = (case_loaders.offers_by_case, ids)
            loads["outcomes"] = (case_loaders.outcomes_by_case, ids)
            loads["fees"] = (case_loaders.fee_invoices_by_case, ids)
            scheme_ids = list(dict.fromkeys(row.case.scheme_id for row in rows))
            loads["schemes"] = (SCHEMES, scheme_ids)
        owed_by_case: dict[uuid.UUID, list[Any]] = {}
        if owing:
            found, owed_by_case = await asyncio.gather(
                case_loaders.together(list(loads.values())), due_duties(ids, at)
            )
        else:
            found = await case_loaders.together(list(loads.values()))
        done: dict[str, Any] = dict(zip(loads, found, strict=True))
        if acting:
            done["schemes"] = {
                scheme_id: scheme
                for scheme_id, (scheme,) in zip(scheme_ids, done["schemes"], strict=True)
            }
        accesses = (
            [
                decide(actor, row.case, participants, appointments)
                for row, participants, appointments in zip(
                    rows, done["participants"], done["appointments"], strict=True
                )
            ]
            if viewing
            else []
        )
        reviews: dict[uuid.UUID, PendingAutomatedReview] = {}
        if acting:
            # Issue 20, 3: the provider's view needs the pending automated review.
            reviewed = [
                row.case.id
                for row, access in zip(rows, accesses, strict=True)
                if needs_review(access)
            ]
            reviews = await pending_reviews(reviewed)
        unread: list[int] = []
        if "unreadMessageCount" in wanted:
            unread = await unread_counts(
                [
                    UnreadKey(actor.id, row.case.id, access.scopes)
                    for row, access in zip(rows, accesses, strict=True)
                ]
            )
        person = actor.kind is ActorKind.USER
        providers: dict[uuid.UUID, bool] = {}
        nodes: list[dict[str, Any]] = []
        # Each selected Python field's serializer (None: not selected), and the node's fields
        # in the document's order, those of the SQL's answer put in place by `update`.
        put = self.serializers.get
        roles_put, actions_put = put("viewerRoles"), put("availableActions")
        duties_put, rights_put = put("viewerDuties"), put("viewerRights")
        overdue_put, next_put, who_put = put("overdue"), put("nextDue"), put("whoMustAct")
        unread_put = put("unreadMessageCount")
        template = dict.fromkeys(self.node_order)
        checks_organisation = "organisation" in template
        checks_provider = "provider" in template
        schemes = done.get("schemes")
        for i, row in enumerate(rows):
            values = template.copy()
            values.update(row.node)
            case = row.case
            if checks_organisation and not policy.may_view_organisation(
                actor, case.organisation_id
            ):
                values["organisation"] = None
            if checks_provider:
                visible = providers.get(case.provider_id)
                if visible is None:
                    visible = row.published is not None and policy.may_view_provider(
                        actor, Provider(id=case.provider_id, published=row.published)
                    )
                    providers[case.provider_id] = visible
                if not visible:
                    values["provider"] = None
            if viewing:
                access = accesses[i]
                if roles_put is not None:
                    values["viewerRoles"] = roles_put(sorted(access.roles))
            if acting:
                assert schemes is not None
                view = case_view(
                    case,
                    access,
                    schemes[case.scheme_id],
                    done["clocks"][i],
                    done["offers"][i],
                    done["outcomes"][i],
                    done["fees"][i],
                    reviews.get(case.id),
                )
                actions = available_actions(view, access.roles, person=person)
                # The serializers name an enum by its value: the table's `Action` is the
                # API's `CaseAction` by value (portal.api.cases.enums), no conversion needed.
                if actions_put is not None:
                    values["availableActions"] = actions_put(actions)
                if duties_put is not None or rights_put is not None:
                    duties, rights = split_obligations(actions, view, access.roles)
                    if duties_put is not None:
                        values["viewerDuties"] = duties_put(duties)
                    if rights_put is not None:
                        values["viewerRights"] = rights_put(rights)
            if owing:
                owed = owed_by_case.get(case.id, [])
                # The owed duties as `due_duties` gives them: the API's `DueDuty` is the same
                # fields by the same names (`DueDuty.of` only converts the actions' enum, which
                # the serializers name by value), so they are serialized as they are.
                if overdue_put is not None:
                    values["overdue"] = overdue_put(any(duty.overdue for duty in owed))
                if next_put is not None:
                    values["nextDue"] = next_put(owed[0] if owed else None)
                if who_put is not None:
                    values["whoMustAct"] = who_put(owed)
            if unread:
                assert unread_put is not None
                values["unreadMessageCount"] = unread_put(unread[i])
            nodes.append(values)
        return nodes


# The page's cases as models: they read their own columns by name, the `_compiled_` ones are
# left for the Row.
CASE_ROWS = case_loaders.Rows(models.DisputeCase)


def _filter(value: Mapping[str, Any] | None) -> CaseFilter | None:
    return None if value is None else CaseFilter(**value)


def _order(value: Mapping[str, Any] | None) -> CaseOrder | None:
    return None if value is None else CaseOrder(**value)


Serializer = Callable[[Any], Any]


def serializer(
    gql_type: GraphQLOutputType,
    node: FieldNode,
    fragments: Mapping[str, FragmentDefinitionNode],
) -> Serializer:
    """How a value computed in Python takes the API's form: graphql-core's completion for
    plain values (the schema's own scalar serializers; an enum by the names of the schema's
    own type), without resolvers, planned once per selected field."""
    if isinstance(gql_type, GraphQLNonNull):
        gql_type = gql_type.of_type
    if isinstance(gql_type, GraphQLList):
        item = serializer(gql_type.of_type, node, fragments)
        names = _enum_names(gql_type.of_type)
        if names is not None:
            enum_names = names

            def enums(value: Any) -> Any:
                if value is None:
                    return None
                try:  # the common case without a call per item: see `_enum_names`
                    return [enum_names[v] for v in value]
                except KeyError:
                    return [item(v) for v in value]

            return enums
        return lambda value: None if value is None else [item(v) for v in value]
    names = _enum_names(gql_type)
    if names is not None:
        by_value = names

        def enum(value: Any) -> Any:
            if value is None:
                return None
            try:
                return by_value[value]
            except KeyError:
                return by_value[getattr(value, "value", value)]

        return enum
    if isinstance(gql_type, GraphQLScalarType):
        scalar = gql_type.serialize
        # graphql-core's String and Boolean give a str or a bool back as it is, and its Int
        # an int within its range: no call.
        if gql_type is GraphQLInt:
            return lambda value: (
                value
                if type(value) is int and GRAPHQL_MIN_INT <= value <= GRAPHQL_MAX_INT
                else _scalar(scalar, value)
            )
        same = {GraphQLString: str, GraphQLBoolean: bool}.get(gql_type)
        if same is not None:
            kind = same
            return lambda value: value if type(value) is kind else _scalar(scalar, value)
        return lambda value: None if value is None else scalar(value)
    assert isinstance(gql_type, GraphQLObjectType)
    assert node.selection_set is not None
    typename = gql_type.name
    fields = [
        (
            field.name.value,
            _snake(field.name.value),
            None
            if field.name.value == TYPENAME
            else serializer(gql_type.fields[field.name.value].type, field, fragments),
        )
        for field in fields_of(node.selection_set, fragments)
    ]

    def complete(value: Any) -> Any:
        if value is None:
            return None
        return {
            name: typename if each is None else each(getattr(value, attribute))
            for name, attribute, each in fields
        }

    return complete


def _enum_names(gql_type: GraphQLOutputType) -> dict[Any, str] | None:
    """An enum type's names by stored value (None for another type). A value given as the
    stored str, or as a member of a str or int enum (equal to its value, and hashed the same),
    is found directly; a member of another kind of enum by its `.value`."""
    if isinstance(gql_type, GraphQLNonNull):
        gql_type = gql_type.of_type
    if not isinstance(gql_type, GraphQLEnumType):
        return None
    return {
        (v.value.value if isinstance(v.value, Enum) else v.value): name
        for name, v in gql_type.values.items()
    }


def _scalar(serialize: Callable[[Any], Any], value: Any) -> Any:
    return None if value is None else serialize(value)


def _snake(name: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in name)


def is_postgres() -> bool:
    return bool(connections.get("default").capabilities.dialect == "postgres")


class Compiled(Protocol):
    """A compiled operation's plan (one per schema and text)."""

    def generic_plans(self, variables: Mapping[str, Any] | None) -> bool:
        """Whether this request's statements may run on generic plans (the read pool,
        `portal.dbclients.asyncpg_client.READ_SETTINGS`): their best plan does not depend on
        the values bound."""
        ...

    async def run(
        self, actor: Actor | None, variables: Mapping[str, Any] | None, context: object = None
    ) -> dict[str, Any] | None: ...


def _planner(name: str) -> Callable[[GraphQLSchema, str], Compiled]:
    module, _, attribute = PLANNERS[name].partition(":")
    found: Callable[[GraphQLSchema, str], Compiled] = getattr(
        importlib.import_module(module), attribute
    )
    return found


# Compiled plans by the request's text: the registered one and its variants with
# `__typename` (one per client), bounded.
_compiled: dict[tuple[int, str], Compiled | None] = {}
_MAX_PLANS = 32


def compiled_for(
    schema: GraphQLSchema, query: str, document: DocumentNode, name: str | None
) -> Compiled | None:
    """The compiled operation a request's text is, or None (interpreted): the registered
    text, or the same shape with `__typename` added (persisted.shape_of). ``name``: the
    name of the operation the request runs."""
    if name not in COMPILED_OPERATIONS:
        return None
    key = (id(schema), query)
    if key not in _compiled:
        found = None
        registered = registry().matching(query) or registry().by_shape.get(shape_of(document))
        if registered is not None and registered.name == name:
            try:
                found = _planner(name)(schema, query)
            except NotCompilable as exc:
                log.info("a variant of `%s` does not compile (%s): interpreted", name, exc)
        if len(_compiled) >= _MAX_PLANS:
            _compiled.clear()
        _compiled[key] = found
    return _compiled[key]

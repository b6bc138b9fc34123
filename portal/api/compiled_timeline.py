"""The compiled `CaseTimeline` (graphql/operations/cases.graphql): one case's timeline page and
its hash chain's verification, answered without strawberry on PostgreSQL (issue 17).

How a request runs (portal.api.compiled has the whole picture):

1. The variables and each field's arguments are coerced by graphql-core's own functions; the
   page is decided by pagination's `window` and the timeline's `SEQUENCE` keyset. A bad page
   size or cursor returns None before anything is read: strawberry reports it.
2. The case is found and decided on by the resolvers' own functions with the request's
   context (`find_case`, `access_to`: portal.auth.policy's `case_roles` and
   `readable_scopes`). A case the viewer may not see returns None (`verifyTimeline` answers
   NOT_FOUND: strawberry's error). The case and the rows `access_to` decides on come in
   one statement, primed into the loaders those functions read
   (`compiled_casepage.read_for_access`).
3. One statement wraps the timeline loader's own query (`timeline_query`: the case, the
   readable scopes, after the cursor, size + 1 rows) and builds each event's plain fields as
   JSON (global id, enum names, the instant, hashes), every value a bind parameter; the same
   statement reads the whole chain and the records it covers for the verification, and
   whether an automated decision records each event (the loader is asked only then).
4. The chain is verified by the resolver's own functions (`verify`, `name_break`), from the
   arrays the same statement read (`services.chain_columns`: every hash recomputed), the
   payload of each event is read by the resolver's own `payload_of` and the automated
   decision by `decision_of_event` (the request's loader), then completed as graphql-core
   would. An event the catalogue cannot show (EVENT_UNVERIFIABLE) returns None before the
   read is recorded: strawberry answers with its error, and records the read itself.
5. The read is recorded by the resolver's own `record_read`, as `case` and `timeline` do.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

import orjson
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    SelectionSetNode,
    VariableNode,
    parse,
)
from tortoise import connections

from portal.api.cases.access import access_to, record_read
from portal.api.cases.automated import decision_of_event
from portal.api.cases.loaders import timeline_query
from portal.api.cases.queries import find_case
from portal.api.cases.timeline import (
    PAYLOAD_TYPES,
    SEQUENCE,
    ErasedEventPayload,
    TimelineVerification,
    UnverifiableEvent,
    checked,
    payload_of,
)
from portal.api.cases.types import DisputeCase
from portal.api.compiled import (
    TYPENAME,
    Binds,
    NotCompilable,
    Sql,
    _column,
    _named,
    column,
    enum,
    global_id_sql,
    instant,
    is_postgres,
    object_sql,
)
from portal.api.compiled_case import (
    Fallback,
    Serializer,
    argument_values,
    coerce_variables,
    completion,
    fragments_of,
    info_of,
    named_fields,
    object_completion,
    operation_of,
    parameterized,
    selection_of,
    shaped,
)
from portal.api.compiled_casepage import read_for_access
from portal.api.errors import NotFound, PublicError
from portal.api.pagination import window
from portal.auth.actor import Actor
from portal.automated.models import AutomatedDecision as AutomatedDecisionRow
from portal.timeline import catalogue
from portal.timeline.catalogue import EventKind
from portal.timeline.models import TimelineEvent
from portal.timeline.services import ChainRead, chain_columns, name_break, verify

EVENT = TimelineEvent


def _event_id(b: Binds, alias: str, _t: Any) -> str:
    """portal.api.cases.timeline.event_id: the global id of `UUID(int=<row number>)`."""
    pk = f'{alias}."id"'
    digits, zero = b.once("text", "32"), b.once("text", "0")
    hexed = f"lpad(to_hex({pk}), {digits}::text::int, {zero}::text)"
    return global_id_sql(b, "TimelineEvent", f"({hexed})::uuid")


# An event's plain fields, as `TimelineEvent.from_values` reads them from the row.
EVENT_SQL: dict[str, Sql] = {
    "id": _event_id,
    "sequence": column(EVENT, "sequence"),
    "kind": enum(EVENT, "kind"),
    "occurredAt": instant(EVENT, "occurred_at"),
    "actorRole": enum(EVENT, "actor_role"),
    "visibility": enum(EVENT, "visibility"),
    "hash": column(EVENT, "hash"),
    "prevHash": column(EVENT, "prev_hash"),
}
# Computed in Python from the row, by the resolvers' functions.
EVENT_PYTHON = frozenset({"payload", "automated"})
# The raw columns the Python pass reads (as the timeline loader's `.values()` gives them).
RAW = ("id", "case_id", "sequence", "kind", "actor_role", "visibility", "payload")
# A page row as the statement reads it.
PAGE = (*RAW, "_compiled_node", "_automated")


def _payload_fields(
    selection: SelectionSetNode,
    fragments: Mapping[str, FragmentDefinitionNode],
    type_name: str,
    union_name: str,
) -> list[FieldNode]:
    """The fields execution collects for one concrete payload type, in document order (each
    name once: graphql-core merges the same field of several fragments)."""
    found: dict[str, FieldNode] = {}

    def walk(nodes: SelectionSetNode) -> None:
        for node in nodes.selections:
            if isinstance(node, FieldNode):
                if node.alias or node.directives or node.arguments:
                    raise NotCompilable(node.name.value)
                found.setdefault(node.name.value, node)
            elif isinstance(node, InlineFragmentNode) and not node.directives:
                condition = node.type_condition.name.value if node.type_condition else None
                if condition in (None, type_name, union_name):
                    walk(node.selection_set)
                elif condition not in PAYLOAD_NAMES:
                    raise NotCompilable(f"... on {condition}")
            else:
                raise NotCompilable("payload fragment")

    walk(selection)
    return list(found.values())


PAYLOAD_CLASSES: list[type] = [*PAYLOAD_TYPES.values(), ErasedEventPayload]
PAYLOAD_NAMES = frozenset(
    c.__strawberry_definition__.name  # type: ignore[attr-defined]
    for c in PAYLOAD_CLASSES
)


class CompiledCaseTimeline:
    """`CaseTimeline` as SQL and the resolvers' functions: built once per text."""

    name = "CaseTimeline"

    def __init__(self, schema: GraphQLSchema, text: str) -> None:
        self.schema = schema
        document = parse(text)
        self.operation = operation_of(document, self.name)
        fragments = fragments_of(document)
        self.fragments = fragments
        query_type = schema.query_type
        assert query_type is not None
        root = named_fields(
            self.operation.selection_set, fragments, {"case", "verifyTimeline"}, arguments=True
        )
        if set(root) != {"case", "verifyTimeline"}:
            raise NotCompilable("root")
        self.root_order = list(root)
        self.case_node, self.verify_node = root["case"], root["verifyTimeline"]
        self.case_field = query_type.fields["case"]
        self.verify_field = query_type.fields["verifyTimeline"]
        # Both fields ask for the same case: the same variable.
        case_ids = [a.value for a in self.case_node.arguments or () if a.name.value == "id"]
        verify_args = {a.name.value: a.value for a in self.verify_node.arguments or ()}
        if not (
            set(verify_args) == {"caseId"}
            and len(case_ids) == 1
            and isinstance(case_ids[0], VariableNode)
            and isinstance(verify_args["caseId"], VariableNode)
            and case_ids[0].name.value == verify_args["caseId"].name.value
        ):
            raise NotCompilable("verifyTimeline(caseId:)")
        verification_type = _named(self.verify_field.type)
        self.verification = completion(self.verify_field.type, self.verify_node, fragments)

        case_type = schema.get_type("DisputeCase")
        assert isinstance(case_type, GraphQLObjectType)
        self.case_type = case_type
        case = named_fields(
            selection_of(self.case_node),
            fragments,
            {"id", "timelineHead", "timeline"},
            arguments=True,
        )
        self.case_order = list(case)
        for name, node in case.items():
            if name != "timeline" and node.arguments:
                raise NotCompilable(name)
        self.head = (
            completion(case_type.fields["timelineHead"].type, case["timelineHead"], fragments)
            if "timelineHead" in case
            else None
        )
        if "timeline" not in case:
            raise NotCompilable("timeline")
        self.timeline_node = case["timeline"]
        self.timeline_field = case_type.fields["timeline"]
        if not {a.name.value for a in self.timeline_node.arguments or ()} <= {"first", "after"}:
            raise NotCompilable("timeline arguments")
        connection_type = _named(self.timeline_field.type)
        edge_type = _named(connection_type.fields["edges"].type)
        page_info_type = _named(connection_type.fields["pageInfo"].type)
        self.typenames = {
            "case": case_type.name,
            "connection": connection_type.name,
            "edge": edge_type.name,
            "pageInfo": page_info_type.name,
            "verification": verification_type.name,
        }
        connection = named_fields(
            selection_of(self.timeline_node), fragments, {"edges", "pageInfo"}
        )
        self.connection_order = list(connection)
        edges = named_fields(selection_of(connection["edges"]), fragments, {"node"})
        self.edge_order = list(edges)
        self.page_info_order = list(
            named_fields(
                selection_of(connection["pageInfo"]),
                fragments,
                {"hasNextPage", "endCursor", "startCursor"},
            )
            if "pageInfo" in connection
            else {}
        )
        if "node" not in edges:
            raise NotCompilable("edges")
        node_selection = selection_of(edges["node"])
        event_type = schema.get_type("TimelineEvent")
        assert isinstance(event_type, GraphQLObjectType)
        selected = named_fields(node_selection, fragments, set(EVENT_SQL) | EVENT_PYTHON)
        self.node_order = list(selected)
        self.sql_fields = [
            f for name, f in selected.items() if name in EVENT_SQL or name == TYPENAME
        ]
        self.automated: Serializer | None = (
            completion(event_type.fields["automated"].type, selected["automated"], fragments)
            if "automated" in selected
            else None
        )
        # The payload: per concrete type, the fields execution collects for it.
        self.payloads: dict[type, Serializer] | None = None
        if "payload" in selected:
            union = _named(event_type.fields["payload"].type)
            assert isinstance(union, GraphQLUnionType)
            selection = selection_of(selected["payload"])
            self.payloads = {}
            for cls in PAYLOAD_CLASSES:
                name = cls.__strawberry_definition__.name  # type: ignore[attr-defined]
                gql = schema.get_type(name)
                assert isinstance(gql, GraphQLObjectType)
                self.payloads[cls] = object_completion(
                    gql, None, fragments, _payload_fields(selection, fragments, name, union.name)
                )
        # Built once to fail early on a field without a mapping.
        object_sql(Binds(0), schema, "TimelineEvent", EVENT_SQL, self.sql_fields, fragments, "e")
        self._statements: dict[str, tuple[str, list[Any]]] = {}

    def statement(
        self, inner_sql: str, inner_params: list[Any], case_id: Any
    ) -> tuple[str, list[Any]]:
        """One row: the chain's arrays for `verify` (`services.chain_columns`), then the page
        as an array of rows (`RAW`, the node's JSON, and whether an automated decision
        records the event: only then is `decision_of_event` asked). Its text and constant
        binds are built once per text of the wrapped query; the case id is the last bind."""
        built = self._statements.get(inner_sql)
        if built is None:
            binds = Binds(len(inner_params))
            node = object_sql(
                binds,
                self.schema,
                "TimelineEvent",
                EVENT_SQL,
                self.sql_fields,
                self.fragments,
                "e",
            )
            projection = EVENT._meta.fields_db_projection
            raw = ", ".join(f'e."{projection.get(n, n)}"' for n in RAW)
            decision = AutomatedDecisionRow._meta
            automated = (
                f'EXISTS (SELECT 1 FROM "{decision.db_table}" AS a '  # noqa: S608
                f'WHERE a.{_column(AutomatedDecisionRow, "event")} = e."id")'
            )
            constants = list(binds.values)
            chain = chain_columns(binds(None))
            sql = (
                f"SELECT {chain}, ARRAY(SELECT ROW({raw}, {node}::text, {automated}) "  # noqa: S608
                f"FROM ({inner_sql}) AS e "
                f'ORDER BY e."{projection["case_id"]}", e."{projection["sequence"]}")'
            )
            built = sql, constants
            if len(self._statements) < 64:  # one per count of readable scopes, in practice
                self._statements[inner_sql] = built
        sql, constants = built
        return sql, [*inner_params, *constants, case_id]

    def generic_plans(self, variables: Mapping[str, Any] | None) -> bool:
        """One case's rows, read by its id: the same plan serves every case."""
        return True

    async def run(
        self, actor: Actor | None, variables: Mapping[str, Any] | None, context: Any = None
    ) -> dict[str, Any] | None:
        """The response's `data`, or None for strawberry to answer (errors included)."""
        if actor is None or context is None or not is_postgres():
            return None
        coerced = coerce_variables(self.schema, self.operation, variables)
        if coerced is None:
            return None
        case_args = argument_values(self.case_field, self.case_node, coerced)
        page_args = argument_values(self.timeline_field, self.timeline_node, coerced)
        if case_args is None or page_args is None:
            return None
        try:
            asked = window(page_args.get("first"), page_args.get("after"))
            after = int(SEQUENCE.decode(asked.cursor)[0]) if asked.cursor is not None else 0
        except PublicError:
            return None
        info = info_of(context)
        await read_for_access(context, case_args["id"])
        try:
            case = await find_case(info, case_args["id"])
        except NotFound:
            return None  # `verifyTimeline` answers NOT_FOUND
        access = await access_to(info, case)
        try:
            return await self._answer(info, case, access.scopes, asked.size, after, asked.cursor)
        except (UnverifiableEvent, Fallback):
            return None

    async def _answer(
        self,
        info: Any,
        case: Any,
        scopes: frozenset[Any],
        size: int,
        after: int,
        cursor: str | None,
    ) -> dict[str, Any]:
        records: list[Any] = []
        chain: ChainRead | None = None
        if scopes:  # as `timeline_pages`: no statement for a reader of no scope
            sql, params = self.statement(
                *parameterized(timeline_query([case.id], scopes, after, size)), case.id
            )
            _, found = await connections.get("default").execute_query(sql, params)
            *read, page = found[0]
            chain = (read[0], read[1], read[2])
            records = [dict(zip(PAGE, r, strict=True)) for r in page]
        # The chain is verified from the rows this request's statement just read (every hash
        # recomputed); without a page, `verify` reads them itself.
        result = await verify(case, None, read=chain)
        broken = result.first_broken_sequence
        named = await name_break(case, broken) if broken is not None else None
        verification = self.verification(TimelineVerification.of(result, named))
        more = len(records) > size
        records = records[:size]
        payload_field = EVENT._meta.fields_map["payload"]
        rows = [{name: record[name] for name in RAW} for record in records]
        for row in rows:
            row["payload"] = payload_field.to_python_value(row["payload"])
            checked(row)
        payloads = [payload_of(row) for row in rows] if self.payloads is not None else []
        automated: list[Any] = [None] * len(rows)
        if self.automated is not None:
            # `TimelineEvent.automated`: only an automated step's event asks the loader.
            steps = [
                i
                for i, row in enumerate(rows)
                if EventKind(row["kind"]) in catalogue.AUTOMATED_EVENTS and records[i]["_automated"]
            ]
            found = await asyncio.gather(
                *(decision_of_event(info, int(rows[i]["id"])) for i in steps)
            )
            for i, decision in zip(steps, found, strict=True):
                automated[i] = decision
        nodes: list[dict[str, Any]] = []
        for i, record in enumerate(records):
            values = orjson.loads(record["_compiled_node"])
            if self.payloads is not None:
                payload = payloads[i]
                values["payload"] = self.payloads[type(payload)](payload)
            if self.automated is not None:
                values["automated"] = self.automated(automated[i])
            nodes.append({name: values[name] for name in self.node_order})
        start = SEQUENCE.cursor(rows[0]) if rows else cursor
        end = SEQUENCE.cursor(rows[-1]) if rows else cursor
        names = self.typenames
        page_info = {"hasNextPage": more, "endCursor": end, "startCursor": start}
        edges = [shaped(self.edge_order, names["edge"], {"node": node}) for node in nodes]
        timeline = shaped(
            self.connection_order,
            names["connection"],
            {
                "edges": edges,
                "pageInfo": shaped(self.page_info_order, names["pageInfo"], page_info),
            },
        )
        view = DisputeCase.from_row(case)
        fields: dict[str, Any] = {"id": view.id, "timeline": timeline}
        if self.head is not None:
            fields["timelineHead"] = self.head(view.timeline_head)
        answers = {
            "case": shaped(self.case_order, names["case"], fields),
            "verifyTimeline": verification,
        }
        # The read is recorded last: nothing is written for a request strawberry answers.
        await record_read(info, case)
        return {name: answers[name] for name in self.root_order}

"""The compiled `CaseFile` (graphql/operations/casefiles.graphql): one case's documents (with
their versions) and messages (with their authors and read receipts), answered without
strawberry on PostgreSQL (issue 17).

How a request runs (portal.api.compiled has the whole picture):

1. The variables and each field's arguments are coerced by graphql-core's own functions; each
   page is decided by pagination's `window` and `NEWEST` keyset. A bad page size or cursor
   returns None before anything is read: strawberry reports it.
2. The case is found and decided on by the resolvers' own functions with the request's
   context (`find_case`, `access_to`: portal.auth.policy's `case_roles` and
   `readable_scopes`); a case the viewer may not see is null, as `case` answers it. The
   case and the rows `access_to` decides on come in one statement, primed into the loaders
   those functions read (`compiled_casepage.read_for_access`).
3. The scopes are the resolvers' (`_scopes`: the readable ones; the lists' `visibility` and
   `history` arguments are not compiled, the registered text passes only `first`), and the
   rows are those of the resolvers' own queries (`documents_of`, with the documents shared
   through a group; `messages_of`) paged by `page_query`: one statement wraps both
   queries (an array of rows each) and builds each node's JSON (global ids, enum names,
   instants, a document's versions, a message's author and whether the viewer read it),
   every value a bind parameter. Interpreted, each document's versions cost a statement
   of their own.
4. The read is recorded by the resolver's own `record_read`, as `documents` and `messages`
   do, once the answer is complete: nothing is written for a request strawberry answers.

Not compiled: `pageInfo`, edge cursors, `downloadLink` (a signed link made per request),
`replyTo`, `totalCount` (the operation selects none of them).
"""

from __future__ import annotations

import functools
import re
import uuid
from collections.abc import Mapping
from typing import Any

import orjson
from graphql import FieldNode, GraphQLField, GraphQLObjectType, GraphQLSchema, parse
from tortoise import connections
from tortoise.models import Model

from portal.accounts.models import User
from portal.api.casefiles.fields import _scopes
from portal.api.cases.access import access_to, record_read
from portal.api.cases.queries import find_case
from portal.api.cases.types import DisputeCase
from portal.api.compiled import (
    Binds,
    Nested,
    NotCompilable,
    Sql,
    _column,
    _named,
    _table,
    column,
    enum,
    gid,
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
    operation_of,
    parameterized,
    selection_of,
    shaped,
)
from portal.api.compiled_casepage import read_for_access
from portal.api.errors import NotFound, PublicError
from portal.api.pagination import NEWEST, Window, page_query, window
from portal.auth.actor import Actor
from portal.casefiles import services
from portal.casefiles.models import Document, Message, MessageRead
from portal.cases.states import CaseRole

# A document version's fields, as `Document.from_row` reads them.
VERSION_SQL: dict[str, Sql | Nested] = {
    "id": gid("Document", Document),
    "filename": column(Document, "filename"),
    "contentType": column(Document, "content_type"),
    "size": column(Document, "size"),
    "sha256": column(Document, "sha256"),
    "visibility": enum(Document, "visibility"),
    "version": column(Document, "version"),
    "createdAt": instant(Document, "created_at"),
    "supersededAt": instant(Document, "superseded_at"),
    "uploaderRole": enum(Document, "uploader_role"),
    "redactedAt": instant(Document, "redacted_at"),
}

# `Document.versions`: every version of the lineage, oldest first.
VERSIONS = Nested(
    Document,
    "v",
    VERSION_SQL,
    where=lambda p: f"v.{_column(Document, 'lineage_id')} = {p}.{_column(Document, 'lineage_id')}",
    many=True,
    order=f"v.{_column(Document, 'version')}",
)

DOCUMENT_SQL: dict[str, Sql | Nested] = {**VERSION_SQL, "versions": VERSIONS}


def _reply_to(b: Binds, alias: str, _t: Any) -> str:
    reply = f"{alias}.{_column(Message, 'reply_to_id')}"
    return f"CASE WHEN {reply} IS NULL THEN NULL ELSE {global_id_sql(b, 'Message', reply)} END"


def message_sql(reader: uuid.UUID) -> dict[str, Sql | Nested]:
    """A message's fields for ``reader``: `Message.from_row` with `read_by`'s answer, and
    `participant`'s author (null when no user wrote it: an integration client)."""

    def me(b: Binds) -> str:
        return f"{b.once('text', str(reader))}::text::uuid"

    def read(b: Binds, alias: str, _t: Any) -> str:
        reads = _table(MessageRead)
        return (
            f"EXISTS (SELECT 1 FROM {reads} r WHERE r.{_column(MessageRead, 'message')} = "  # noqa: S608
            f"{alias}.{_column(Message, 'id')} AND r.{_column(MessageRead, 'reader_id')} = {me(b)})"
        )

    def is_viewer(b: Binds, alias: str, _t: Any) -> str:
        return f"({alias}.{_column(User, 'id')} = {me(b)})"

    author = Nested(
        User,
        "u",
        {"displayName": column(User, "display_name"), "isViewer": is_viewer},
        where=lambda p: f"u.{_column(User, 'id')} = {p}.{_column(Message, 'author_id')}",
    )
    return {
        "id": gid("Message", Message),
        "body": column(Message, "body"),
        "visibility": enum(Message, "visibility"),
        "authorRole": enum(Message, "author_role"),
        "createdAt": instant(Message, "created_at"),
        "replyToId": _reply_to,
        "readByViewer": read,
        "redactedAt": instant(Message, "redacted_at"),
        "author": author,
    }


# The reader the messages' mappings are built for once (`_List.statement` binds the
# request's reader in its place).
READER = uuid.UUID(int=0)
MESSAGE_SQL = message_sql(READER)


class _List:
    """One of the case's connections (documents or messages): its plan."""

    def __init__(
        self,
        schema: GraphQLSchema,
        case_type: GraphQLObjectType,
        node: FieldNode,
        fragments: Mapping[str, Any],
        arguments: set[str],
        model: type[Model],
        type_name: str,
        mappings: set[str],
        role: str,
    ) -> None:
        self.schema = schema
        self.node = node
        self.fragments = fragments
        self.field: GraphQLField = case_type.fields[node.name.value]
        if not {a.name.value for a in node.arguments or ()} <= arguments:
            raise NotCompilable(f"{node.name.value} arguments")
        connection_type = _named(self.field.type)
        edge_type = _named(connection_type.fields["edges"].type)
        self.typenames = (connection_type.name, edge_type.name)
        connection = named_fields(selection_of(node), fragments, {"edges"})
        self.connection_order = list(connection)
        edges = named_fields(selection_of(connection["edges"]), fragments, {"node"})
        if "node" not in edges:
            raise NotCompilable("edges")
        self.edge_order = list(edges)
        fields = named_fields(selection_of(edges["node"]), fragments, mappings)
        self.fields = list(fields.values())
        self.model = model
        self.type_name = type_name
        self.role = role
        self._statements: dict[str, tuple[str, list[Any], list[int]]] = {}

    def statement(
        self, mappings: Mapping[str, Sql | Nested], query: Any, reader: uuid.UUID | None = None
    ) -> tuple[str, list[Any]]:
        """The page as one array of rows (the node's role, its JSON), newest first: a select
        list item of the statement that reads both lists (`_together`).

        Its text and its node's binds are built once per text of the wrapped query, from
        ``mappings`` made for `READER` when the node depends on the ``reader`` (a message's
        `readByViewer`, its author's `isViewer`): that bind is then the request's reader."""
        inner_sql, inner_params = parameterized(query)
        built = self._statements.get(inner_sql)
        if built is None:
            binds = Binds(len(inner_params))
            node = object_sql(
                binds, self.schema, self.type_name, mappings, self.fields, self.fragments, "d"
            )
            order = ", ".join(
                f"d.{_column(self.model, f.lstrip('-'))}{' DESC' if f.startswith('-') else ''}"
                for f in NEWEST.ordering()
            )
            sql = (
                f"ARRAY(SELECT ROW(d.{_column(self.model, self.role)}, "  # noqa: S608
                f"{node}::text) FROM ({inner_sql}) AS d ORDER BY {order})"
            )
            readers = [i for i, v in enumerate(binds.values) if v == str(READER)]
            built = sql, list(binds.values), readers
            if len(self._statements) < 64:  # one per count of readable scopes, in practice
                self._statements[inner_sql] = built
        sql, constants, readers = built
        if readers:
            if reader is None:
                raise Fallback()  # a node for a reader, asked without one
            constants = list(constants)
            for i in readers:
                constants[i] = str(reader)
        return sql, [*inner_params, *constants]

    def page(self, rows: list[Any], asked: Window) -> dict[str, Any]:
        edges = []
        for role, json in rows[: asked.size]:
            # `CaseRole(row.uploader_role)` / `author_role`: a role Parley never writes is
            # execution's error, not a null.
            try:
                CaseRole(role)
            except ValueError:
                raise Fallback() from None
            node = orjson.loads(json)
            edges.append(shaped(self.edge_order, self.typenames[1], {"node": node}))
        return shaped(self.connection_order, self.typenames[0], {"edges": edges})


_PLACEHOLDER = re.compile(r"\$([0-9]+)")


def _moved(offset: int, match: re.Match[str]) -> str:
    return f"${int(match.group(1)) + offset}"


async def _together(parts: list[tuple[str, list[Any]]]) -> list[list[Any]]:
    """The lists' arrays in one statement: each part's placeholders ($1...) moved past those
    of the parts before it."""
    items: list[str] = []
    params: list[Any] = []
    for sql, values in parts:
        offset = len(params)
        found = {int(n) for n in _PLACEHOLDER.findall(sql)}
        # Every value is a bind parameter: the text holds no other `$<n>` than the part's own.
        if found != set(range(1, len(values) + 1)):
            raise Fallback()
        items.append(_PLACEHOLDER.sub(functools.partial(_moved, offset), sql))
        params.extend(values)
    _, records = await connections.get("default").execute_query(
        f"SELECT {', '.join(items)}",
        params,
    )
    return [list(r) for r in records[0]]


class CompiledCaseFile:
    """`CaseFile` as SQL and the resolvers' functions: built once per text."""

    name = "CaseFile"

    def __init__(self, schema: GraphQLSchema, text: str) -> None:
        self.schema = schema
        document = parse(text)
        self.operation = operation_of(document, self.name)
        fragments = fragments_of(document)
        query_type = schema.query_type
        assert query_type is not None
        root = named_fields(self.operation.selection_set, fragments, {"case"}, arguments=True)
        if list(root) != ["case"]:
            raise NotCompilable("root")
        self.case_node = root["case"]
        self.case_field = query_type.fields["case"]
        case_type = schema.get_type("DisputeCase")
        assert isinstance(case_type, GraphQLObjectType)
        self.case_typename = case_type.name
        case = named_fields(
            selection_of(self.case_node),
            fragments,
            {"id", "viewerRoles", "documents", "messages"},
            arguments=True,
        )
        self.case_order = list(case)
        for name in ("id", "viewerRoles"):
            if name in case and case[name].arguments:
                raise NotCompilable(name)
        self.roles: Serializer | None = (
            completion(case_type.fields["viewerRoles"].type, case["viewerRoles"], fragments)
            if "viewerRoles" in case
            else None
        )
        self.documents = (
            _List(
                schema,
                case_type,
                case["documents"],
                fragments,
                {"first", "after"},
                Document,
                "Document",
                set(DOCUMENT_SQL),
                "uploader_role",
            )
            if "documents" in case
            else None
        )
        self.messages = (
            _List(
                schema,
                case_type,
                case["messages"],
                fragments,
                {"first", "after"},
                Message,
                "Message",
                set(MESSAGE_SQL),
                "author_role",
            )
            if "messages" in case
            else None
        )
        # Built once to fail early on a field without a mapping.
        for each, mappings in (
            (self.documents, DOCUMENT_SQL),
            (self.messages, MESSAGE_SQL),
        ):
            if each is not None:
                object_sql(Binds(0), schema, each.type_name, mappings, each.fields, fragments, "d")

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
        if case_args is None:
            return None
        pages: dict[str, tuple[_List, dict[str, Any], Window]] = {}
        for name, each in (("documents", self.documents), ("messages", self.messages)):
            if each is None:
                continue
            args = argument_values(each.field, each.node, coerced)
            if args is None:
                return None
            try:
                asked = window(args.get("first"), args.get("after"))
                if asked.cursor is not None:
                    NEWEST.decode(asked.cursor)
            except PublicError:
                return None
            pages[name] = (each, args, asked)
        info = info_of(context)
        await read_for_access(context, case_args["id"])
        try:
            case = await find_case(info, case_args["id"])
        except NotFound:
            return {"case": None}  # as `case` answers: null, no error
        access = await access_to(info, case)
        parts: dict[str, tuple[str, list[Any]]] = {}
        if "documents" in pages:
            each, args, asked = pages["documents"]
            scopes = _scopes(access.scopes, args.get("visibility"))
            query = await services.documents_of(
                case.id, scopes, history=bool(args.get("history")), shared=True
            )
            parts["documents"] = each.statement(DOCUMENT_SQL, page_query(query, NEWEST, asked))
        if "messages" in pages:
            each, args, asked = pages["messages"]
            scopes = _scopes(access.scopes, args.get("visibility"))
            messages = services.messages_of(case.id, scopes)
            parts["messages"] = each.statement(
                MESSAGE_SQL, page_query(messages, NEWEST, asked), actor.id
            )
        try:
            read = await _together(list(parts.values())) if parts else []
            answered = {
                name: pages[name][0].page(rows, pages[name][2])
                for name, rows in zip(parts, read, strict=True)
            }
            values: dict[str, Any] = {**answered, "id": DisputeCase.from_row(case).id}
            if self.roles is not None:
                values["viewerRoles"] = self.roles(sorted(access.roles))
        except Fallback:
            return None
        answer = {"case": shaped(self.case_order, self.case_typename, values)}
        # The read is recorded last (as `case` records it): nothing is written for a request
        # strawberry answers.
        await record_read(info, case)
        return answer

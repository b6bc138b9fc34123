"""The compiled `CasePage` operation (issue 17, 1-3): the consumer's and staff's case page
(graphql/operations/cases.graphql) answered without graphql-core's executor, on PostgreSQL.

How a request runs (the view, portal.api.view, has read, limited, costed, rate limited and
scope-checked it exactly as for strawberry, and hands over only the registered text, or its
shape with `__typename` added, sent by a signed-in actor):

1. `$id` and `$language` are coerced by graphql-core's own `get_variable_values` against the
   same schema; anything that does not coerce returns None before a statement is sent, and
   strawberry answers (its errors, by construction).
2. One statement reads the case (by its global id, else by its reference, as
   `queries.find_case` chooses with `portal.ids.decode_id`) and builds, with
   `json_build_object`, the JSON of the case's own columns the document selects: its plain
   fields, `claimedAmount`, `timelineHead`, `methodFamily` and `binding` (maps built from
   `Method.family` and `Method.binding`, bound as parameters) and `organisation { id name }`
   (nulled afterwards unless `policy.may_view_organisation`, as `organisation_for` asks).
   Every value is a bind parameter. The same statement reads the rows the resolvers load,
   each by the batch function of the request's loader it primes (`_BY_CASE`, `_BY_KEY`,
   `_PEOPLE`: the same table, key and order, `cases.loaders.Grouped`; asyncpg decodes a
   table's rows as composite records into the same values, made into the same models): the
   case (`case` or `case_by_reference`), its participants, appointments and their
   objections, clocks, offers, outcomes, consents, fee invoices, survey invitations, scheme,
   provider and its profile, complaint, and the people it names. It also reads, each by the
   statement its loader sends for one case, the rows three loaders decide from: the owed duty
   clocks (`duties.owed_statement`, made into `DueDuty` by `due_duties_of` as `due_duties`
   makes them), the clock-extension events (`EXTENSION_EVENTS`, placed by `sort_to_clocks`)
   and the reader's unread messages counted per visibility (`unread_by_visibility`, added up
   for the reader's scopes by `unread_in` once `access_to` has decided them). The resolvers
   below then read them all without a statement: the page sends 3 statements (the session's,
   this one, the access log's INSERT) where strawberry sends 21.
3. Everything else is answered by the resolvers' own functions, called directly with the
   request's real `Context` (the only part of `Info` these resolvers read; the plan refuses
   a field with strawberry field extensions or permission classes): the `case` resolver
   itself (`find_case` -> `visible` -> `access_to` -> `policy.case_roles`, then
   `record_read`, so the access log is written as the interpreted path writes it, once per
   case per request), `viewerRoles`, `availableActions`/`irreversibleActions`/
   `viewerDuties`/`viewerRights` (one `case_view` per case, the transition table),
   `whoMustAct`/`nextDue`/`overdue`, `unreadMessageCount`, `surveyUrl`, `complainant`,
   `representative`, `complaint` (`visible_complaint`), `provider` (`provider_for`, its
   `profile` and `texts(language:)`), `clocks` with their `extensionNotices`,
   `consentText(language:)`, `consents`, `neutralAppointment`, `offers`, `outcome` and its
   `acceptanceNotice(language:)`. Their arguments are converted by strawberry's own
   `get_arguments`; the values are completed as graphql-core completes them (non-null
   checks, lists, the schema's own scalar and enum serializers); the fields of one object
   are awaited together, as graphql-core does, so the request's DataLoaders batch alike.
   A field without a resolver (strawberry's default resolver reads its attribute) whose
   value needs none either (a scalar, an enum, an object of such fields) is read and
   completed directly (`compiled_case.completion`), without a call per field.

On SQLite the operation is interpreted (the statement is PostgreSQL's). If a resolver
raises, or a non-null field completes to null (neither happens on this page today), the
compiled answer is dropped and strawberry answers the request afresh: the access log is not
written twice (`Context.recorded_reads`), nothing else is written.
tests/test_compiled_casepage.py runs both paths for every role and requires the same bytes.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar

import orjson
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    GraphQLEnumType,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLSchema,
    OperationDefinitionNode,
    parse,
)
from graphql.execution.values import get_argument_values, get_variable_values
from strawberry.dataloader import DataLoader
from strawberry.schema.schema_converter import get_arguments
from strawberry.types.field import StrawberryField
from tortoise import connections
from tortoise.models import Model

from portal.accounts.models import Provider, User
from portal.api.casefiles.loaders import UnreadKey, bound_reader, unread_by_visibility, unread_in
from portal.api.cases import loaders as case_loaders
from portal.api.cases.access import access_to
from portal.api.compiled import (
    MONEY,
    ORGANISATION,
    TYPENAME,
    Binds,
    Nested,
    NotCompilable,
    Sql,
    _column,
    _named,
    _table,
    column,
    enum,
    fields_of,
    gid,
    instant,
    is_postgres,
    object_sql,
)
from portal.api.compiled_case import Fallback, completion, info_of
from portal.api.context import Context
from portal.api.feedback.loaders import invitations_by_case
from portal.api.loaders import Loaders
from portal.auth import policy
from portal.auth.actor import Actor
from portal.cases import duties, models
from portal.cases.engine import now
from portal.cases.extensions import ClockSpan, sort_to_clocks
from portal.cases.states import Method
from portal.complaints.models import Complaint
from portal.db import shift_parameters
from portal.directory.models import ProviderProfile
from portal.ids import decode_id
from portal.timeline.models import TimelineEvent

log = logging.getLogger("portal.api")

M = TypeVar("M", bound=Model)

CASE_TYPE = "DisputeCase"


def _method_map(b: Binds, alias: str, t: GraphQLOutputType, value: Callable[[Method], Any]) -> str:
    mapped = orjson.dumps({m.value: value(m) for m in Method}).decode()
    method = f"{alias}.{_column(models.DisputeCase, 'method')}"
    return f"({b.once('json', mapped)}::jsonb -> {method}::text)"


def method_family(b: Binds, alias: str, t: GraphQLOutputType) -> str:
    """`row.method.family` in the API's form (DisputeCase.from_row)."""
    gql_enum = _named(t)
    return _method_map(b, alias, t, lambda m: gql_enum.serialize(m.family))


def method_binding(b: Binds, alias: str, t: GraphQLOutputType) -> str:
    """`row.method.binding` (DisputeCase.from_row)."""
    return _method_map(b, alias, t, lambda m: m.binding)


TIMELINE_HEAD = Nested(
    models.DisputeCase,
    "",
    {
        "sequence": column(models.DisputeCase, "last_sequence"),
        "hash": column(models.DisputeCase, "head_hash"),
    },
    where=lambda _p: "",
    null_when=lambda _p: "FALSE",
    inline=True,
)

_C = models.DisputeCase

# The case's own columns as `DisputeCase.from_row` serves them, each answered by SQL.
CASE_PAGE_SQL: dict[str, Sql | Nested] = {
    "id": gid(CASE_TYPE, _C),
    "reference": column(_C, "reference"),
    "subject": column(_C, "subject"),
    "stage": enum(_C, "stage"),
    "method": enum(_C, "method"),
    "methodFamily": method_family,
    "binding": method_binding,
    "claimedAmount": MONEY,
    "language": enum(_C, "language"),
    "unresolvedReason": column(_C, "unresolved_reason"),
    "isComplex": column(_C, "is_complex"),
    "createdAt": instant(_C, "created_at"),
    "updatedAt": instant(_C, "updated_at"),
    "stageChangedAt": instant(_C, "stage_changed_at"),
    "declineGround": enum(_C, "decline_ground"),
    "declineReasons": column(_C, "decline_reasons"),
    "organisationPosition": column(_C, "organisation_position"),
    "respondedAt": instant(_C, "responded_at"),
    "complainantReply": column(_C, "complainant_reply"),
    "repliedAt": instant(_C, "replied_at"),
    "fileCompletedAt": instant(_C, "file_completed_at"),
    "implementationEvidence": column(_C, "implementation_evidence"),
    "implementedAt": instant(_C, "implemented_at"),
    "implementationConfirmedAt": instant(_C, "implementation_confirmed_at"),
    "escalatedAt": instant(_C, "escalated_at"),
    "escalationNote": column(_C, "escalation_note"),
    "closureReason": enum(_C, "closure_reason"),
    "closureNote": column(_C, "closure_note"),
    "withdrawalReason": column(_C, "withdrawal_reason"),
    "withdrawnBy": enum(_C, "withdrawn_by"),
    "closedAt": instant(_C, "closed_at"),
    "timelineHead": TIMELINE_HEAD,
    "organisation": ORGANISATION,
}


# --- the plan: the document's fields, merged as graphql-core collects them -------------------


def collect(
    nodes: list[FieldNode], fragments: Mapping[str, FragmentDefinitionNode]
) -> dict[str, list[FieldNode]]:
    """The sub-fields of ``nodes`` by response key, in the order of first occurrence, the
    nodes of one key merged (a field selected by a fragment and again beside it). Aliases,
    directives and inline fragments are not compiled (`fields_of`)."""
    merged: dict[str, list[FieldNode]] = {}
    for node in nodes:
        if node.selection_set is None:
            continue
        for sub in fields_of(node.selection_set, fragments, arguments=True):
            merged.setdefault(sub.name.value, []).append(sub)
    return merged


@dataclass
class FieldPlan:
    key: str
    nodes: list[FieldNode]
    gql_field: GraphQLField | None  # None: `__typename`
    strawberry: StrawberryField | None
    sub: ObjectPlan | None = None  # the object type's plan, for an object or list of them
    leaf: Callable[[Any], Any] | None = None
    sql: bool = False
    # A field without a resolver whose value completes without one (a scalar, an enum, or
    # an object of such fields): the attribute strawberry's default resolver reads, completed
    # as graphql-core completes it (`compiled_case.completion`), with no call per field.
    attribute: str = ""
    complete: Callable[[Any], Any] | None = None


@dataclass
class ObjectPlan:
    type_name: str
    fields: list[FieldPlan] = field(default_factory=list)


def _strawberry_field(gql_field: GraphQLField, where: str) -> StrawberryField:
    found = (gql_field.extensions or {}).get("strawberry-definition")
    if not isinstance(found, StrawberryField):
        raise NotCompilable(where)
    if found.extensions or found.permission_classes:
        raise NotCompilable(f"{where}: field extensions")
    return found


def plan_object(
    schema: GraphQLSchema,
    gql_type: GraphQLObjectType,
    nodes: list[FieldNode],
    fragments: Mapping[str, FragmentDefinitionNode],
    sql: Mapping[str, Sql | Nested] | None = None,
) -> ObjectPlan:
    plan = ObjectPlan(gql_type.name)
    for key, merged in collect(nodes, fragments).items():
        if key == TYPENAME:
            plan.fields.append(FieldPlan(key, merged, None, None))
            continue
        gql_field = gql_type.fields.get(key)
        if gql_field is None:
            raise NotCompilable(f"{gql_type.name}.{key}")
        each = FieldPlan(
            key, merged, gql_field, _strawberry_field(gql_field, f"{gql_type.name}.{key}")
        )
        mapping = sql.get(key) if sql is not None else None
        if mapping is not None and len(merged) == 1 and not merged[0].arguments:
            if not isinstance(mapping, Nested):
                each.sql = True
            else:
                assert merged[0].selection_set is not None
                inner = {f.name.value for f in fields_of(merged[0].selection_set, fragments)}
                each.sql = inner <= set(mapping.fields) | {TYPENAME}
        if not each.sql and each.strawberry is not None and each.strawberry.is_basic_field:
            named = _named(gql_field.type)
            if len(merged) == 1 or isinstance(named, GraphQLEnumType | GraphQLScalarType):
                try:
                    each.complete = completion(gql_field.type, merged[0], fragments)
                    each.attribute = each.strawberry.python_name
                except NotCompilable:
                    each.complete = None
        if not each.sql:
            named = _named(gql_field.type)
            if isinstance(named, GraphQLObjectType):
                each.sub = plan_object(schema, named, merged, fragments)
            elif isinstance(named, GraphQLEnumType | GraphQLScalarType):
                each.leaf = named.serialize
            else:  # an interface or a union: not on this page
                raise NotCompilable(f"{gql_type.name}.{key}: {named}")
        plan.fields.append(each)
    return plan


class _Null(Exception):
    """A non-null field completed to null: graphql-core would report an error."""


class _Info:
    """What the resolvers of this page read of strawberry's `Info`: the request's context."""

    __slots__ = ("context",)

    def __init__(self, context: Context) -> None:
        self.context = context


# --- the rows the page's resolvers load, read in the same statement ---------------------------
#
# Each is the batch function of one of the request's loaders (portal.api.loaders), read for
# this case by the same table, key and order (`Grouped`), decoded by asyncpg into the same
# values (a table's rows as composite records) and made into the same models; the loader is
# primed with them, so the resolver reads them without a statement of its own.

_BY_CASE: dict[str, case_loaders.Grouped[Any]] = {
    "participants_by_case": case_loaders.participants_by_case,
    "appointments_by_case": case_loaders.appointments_by_case,
    "clocks_by_case": case_loaders.clocks_by_case,
    "offers_by_case": case_loaders.offers_by_case,
    "outcomes_by_case": case_loaders.outcomes_by_case,
    "consents_by_case": case_loaders.consents_by_case,
    "fee_invoices_by_case": case_loaders.fee_invoices_by_case,
    "survey_invitations_by_case": invitations_by_case,
}
# By the case's own foreign key: loader -> (model, the case's column, the model's key).
_BY_KEY: dict[str, tuple[type[Model], str, str]] = {
    "scheme": (models.Scheme, "scheme_id", "id"),
    "provider": (Provider, "provider_id", "id"),
    "complaint": (Complaint, "complaint_id", "id"),
    "provider_profile": (ProviderProfile, "provider_id", "provider_id"),
}
# The people the page names: the complainant, the participants, the neutrals, who consented.
_PEOPLE: tuple[tuple[type[Model], str], ...] = (
    (models.CaseParticipant, "user_id"),
    (models.NeutralAppointment, "neutral_id"),
    (models.Consent, "given_by_id"),
)


def _ordered(grouped: case_loaders.Grouped[Any], alias: str) -> str:
    return ", ".join(
        f"{alias}.{_column(grouped.model, o.lstrip('-'))} {'DESC' if o.startswith('-') else 'ASC'}"
        for o in grouped.order
    )


def _rows(grouped: case_loaders.Grouped[Any], where: str) -> str:
    return (
        f"(SELECT array_agg(t ORDER BY {_ordered(grouped, 't')}) "  # noqa: S608
        f"FROM {_table(grouped.model)} t WHERE {where})"
    )


def _of_case(grouped: case_loaders.Grouped[Any], case_id: str) -> str:
    """The loader's rows of the case whose id is ``case_id`` (an SQL expression)."""
    return _rows(grouped, f"t.{_column(grouped.model, grouped.key)} = {case_id}")


@cache
def _related_sql() -> tuple[tuple[str, str], ...]:
    case_id = f"c.{_column(models.DisputeCase, 'id')}"
    found: list[tuple[str, str]] = []
    for name, grouped in _BY_CASE.items():
        found.append((f"_by_case_{name}", _of_case(grouped, case_id)))
    objections = case_loaders.objections_by_appointment
    appointment = models.NeutralAppointment
    found.append(
        (
            "_objections",
            _rows(
                objections,
                f"t.{_column(objections.model, objections.key)} IN "  # noqa: S608
                f"(SELECT a.{_column(appointment, 'id')} FROM {_table(appointment)} a "
                f"WHERE a.{_column(appointment, 'case_id')} = {case_id})",
            ),
        )
    )
    for name, (model, foreign, key) in _BY_KEY.items():
        found.append(
            (
                f"_by_key_{name}",
                f"(SELECT t FROM {_table(model)} t "  # noqa: S608
                f"WHERE t.{_column(model, key)} = c.{_column(models.DisputeCase, foreign)})",
            )
        )
    user_id = f"u.{_column(User, 'id')}"
    # One IN over a UNION, not an OR of INs: PostgreSQL reads an OR of subqueries by scanning
    # every user (22 ms at 100,000 cases, issue 17's scale run), a UNION by the primary key.
    people = " UNION ".join(
        [f"SELECT c.{_column(models.DisputeCase, 'complainant_id')}"]
        + [
            f"SELECT p.{_column(model, field)} FROM {_table(model)} p "  # noqa: S608
            f"WHERE p.{_column(model, 'case_id')} = {case_id}"
            for model, field in _PEOPLE
        ]
    )
    found.append(
        (
            "_people",
            f"(SELECT array_agg(u) FROM {_table(User)} u WHERE {user_id} IN ({people}))",  # noqa: S608
        )
    )
    return tuple(found)


# Read in the same statement, for the functions the resolvers' loaders call to decide: the
# owed duty clocks (`duties.owed_statement`, for `due_duties_of` as `due_duties` makes them),
# the case's clock-extension events (`EXTENSION_EVENTS`, for `sort_to_clocks`) and its unread
# messages per visibility (`unread_by_visibility`, for `unread_in` once the reader's scopes
# are decided). Each is the loader's own statement for this one case; `_AT` stands for the
# request's instant and the reader's placeholder for the reader, both bound per request.
_OWED = "_owed_duties"
_EXTENSIONS = "_extension_events"
_UNREAD = "_unread"
_NAMES = (_OWED, _EXTENSIONS, _UNREAD)


def _decided_sql(binds: Binds) -> list[tuple[str, str]]:
    case_id = f"c.{_column(models.DisputeCase, 'id')}"
    owed, owed_params = duties.owed_statement()
    offset = binds.start + len(binds.values)
    cases = f"${len(owed_params) + 1}"
    for_case = owed.replace(f"ANY({cases})", f"ANY(ARRAY[{case_id}])")
    # The case ids must be the statement's last parameter, used only in `ANY(...)`: anything
    # else would be renumbered below into another value's placeholder.
    if for_case == owed or re.search(rf"\{cases}(?!\d)", for_case):  # pragma: no cover
        raise RuntimeError("duties.owed_statement must take the case ids last, in ANY(...) only")
    owed = shift_parameters(for_case, offset)
    binds.values.extend(owed_params)
    event = TimelineEvent
    conditions = " AND ".join(
        f"t.{_column(event, name)} = {binds(getattr(value, 'value', value))}"
        for name, value in case_loaders.EXTENSION_EVENTS.items()
    )
    columns = ", ".join(f"t.{_column(event, name)}" for name in case_loaders.EXTENSION_COLUMNS)
    extensions = (
        f"ARRAY(SELECT ROW({columns}) FROM {_table(event)} t "  # noqa: S608
        f"WHERE t.{_column(event, 'case_id')} = {case_id} AND {conditions} "
        f"ORDER BY t.{_column(event, 'sequence')})"
    )
    unread, unread_params = unread_by_visibility(binds.start + len(binds.values), case_id)
    binds.values.extend(unread_params)
    return [
        (_OWED, f"ARRAY(SELECT d FROM ({owed}) AS d)"),  # noqa: S608
        (_EXTENSIONS, extensions),
        (_UNREAD, f"ARRAY(SELECT u FROM ({unread}) AS u)"),  # noqa: S608
    ]


@cache
def _builder(model: type[M]) -> case_loaders.Rows[M]:
    """Models from records as `Model._init_from_db` makes them, as the list makes its own."""
    return case_loaders.Rows(model)


def _models(model: type[M], records: list[Any] | None) -> list[M]:
    return _builder(model)(records) if records else []


def _prime(loaders: Loaders, case: models.DisputeCase, related: dict[str, Any]) -> None:
    for name, grouped in _BY_CASE.items():
        loaders[name].prime(case.id, _models(grouped.model, related[f"_by_case_{name}"]))
    objections: dict[uuid.UUID, list[Any]] = {
        a.id: []
        for a in _models(models.NeutralAppointment, related["_by_case_appointments_by_case"])
    }
    for objection in _models(models.Objection, related["_objections"]):
        objections[objection.appointment_id].append(objection)
    for appointment_id, found in objections.items():
        loaders.objections_by_appointment.prime(appointment_id, found)
    for name, (model, foreign, _key) in _BY_KEY.items():
        record = related[f"_by_key_{name}"]
        loaders[name].prime(
            getattr(case, foreign), None if record is None else _models(model, [record])[0]
        )
    for user in _models(User, related["_people"]):
        loaders.user.prime(user.id, user)


def _lookup(
    loaders: Loaders, id: str
) -> tuple[Any, str, DataLoader[Any, models.DisputeCase | None]] | None:
    """How `find_case` looks ``id`` up: the key, the column and the loader it reads (None: it
    reads nothing, an id neither global nor a reference finds no case)."""
    pk = decode_id(id, CASE_TYPE)
    if pk is not None:
        return pk, "id", loaders.case
    if len(id) <= models.REFERENCE_LENGTH:
        return id, "reference", loaders.case_by_reference
    return None


def _prime_case(
    loaders: Loaders,
    key: Any,
    loader: DataLoader[Any, models.DisputeCase | None],
    case: models.DisputeCase,
) -> None:
    """The case under the key it was looked up by, and by its id (what other resolvers load
    it by) when that was its reference."""
    loader.prime(key, case)
    if loader is not loaders.case:
        loaders.case.prime(case.id, case)


# What `access_to` decides on besides the case (`decide`: the viewer's participations and the
# case's appointments), read beside it by the case's other pages (timeline, file).
_ACCESS_ROWS = ("participants_by_case", "appointments_by_case")


@cache
def _access_statement(by: str) -> str:
    case_id = f"c.{_column(models.DisputeCase, 'id')}"
    related = ", ".join(
        f'{_of_case(_BY_CASE[name], case_id)} AS "_by_case_{name}"' for name in _ACCESS_ROWS
    )
    return (
        f"SELECT c.*, {related} FROM {_table(models.DisputeCase)} c "  # noqa: S608
        f"WHERE c.{_column(models.DisputeCase, by)} = $1"
    )


async def read_for_access(context: Context, id: str) -> None:
    """The case `find_case` will look for and the rows `access_to` decides on, in one
    statement instead of three, primed into the loaders they read: the timeline's and the
    file's compiled reads then find and decide on the case with the resolvers' own functions,
    without a statement of their own."""
    looked_up = _lookup(context.loaders, id)
    if looked_up is None:
        return
    key, by, loader = looked_up
    _, records = await connections.get("default").execute_query(_access_statement(by), [key])
    if not records:
        loader.prime(key, None)
        return
    record = dict(records[0])
    related = {f"_by_case_{name}": record.pop(f"_by_case_{name}") for name in _ACCESS_ROWS}
    case = _models(models.DisputeCase, [record])[0]
    _prime_case(context.loaders, key, loader, case)
    for name in _ACCESS_ROWS:
        context.loaders[name].prime(
            case.id, _models(_BY_CASE[name].model, related[f"_by_case_{name}"])
        )


class CompiledCasePage:
    """`CasePage` compiled: built once per schema and text (portal.api.compiled.compiled_for)."""

    name = "CasePage"

    def __init__(self, schema: GraphQLSchema, text: str) -> None:
        self.schema = schema
        strawberry_schema = getattr(schema, "_strawberry_schema", None)
        if strawberry_schema is None:
            raise NotCompilable("not a strawberry schema")
        self.config = strawberry_schema.config
        if self.config.default_resolver is not getattr:
            raise NotCompilable("default resolver")  # the plan reads attributes itself
        self.scalars = strawberry_schema.schema_converter.scalar_registry
        document = parse(text)
        operations = [
            d
            for d in document.definitions
            if isinstance(d, OperationDefinitionNode) and d.name and d.name.value == self.name
        ]
        if len(operations) != 1:
            raise NotCompilable(self.name)
        self.operation = operations[0]
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        root = list(fields_of(self.operation.selection_set, self.fragments, arguments=True))
        if [f.name.value for f in root] != ["case"]:
            raise NotCompilable("root")
        query_type = schema.query_type
        assert query_type is not None
        self.root = root[0]
        self.root_field = query_type.fields["case"]
        self.root_strawberry = _strawberry_field(self.root_field, "Query.case")
        case_type = _named(self.root_field.type)
        assert isinstance(case_type, GraphQLObjectType)
        if case_type.name != CASE_TYPE:
            raise NotCompilable(case_type.name)
        self.case_plan = plan_object(schema, case_type, [self.root], self.fragments, CASE_PAGE_SQL)
        self.sql_nodes = [f.nodes[0] for f in self.case_plan.fields if f.sql or f.gql_field is None]
        self.statements: dict[str, tuple[str, list[Any]]] = {}
        # Built once to fail early on a field without a mapping.
        object_sql(Binds(1), schema, CASE_TYPE, CASE_PAGE_SQL, self.sql_nodes, self.fragments, "c")

    # -- the statement -----------------------------------------------------------------------

    def statement(self, by: str) -> tuple[str, list[Any]]:
        """The case's statement, by its `id` or its `reference` ($1): built once per plan,
        since every other parameter is a constant of the schema (type names, enum maps)."""
        built = self.statements.get(by)
        if built is None:
            built = self.statements[by] = self._statement(by)
        return built

    def _statement(self, by: str) -> tuple[str, list[Any]]:
        binds = Binds(1)
        node = object_sql(
            binds, self.schema, CASE_TYPE, CASE_PAGE_SQL, self.sql_nodes, self.fragments, "c"
        )
        where = _column(models.DisputeCase, by)
        related = ", ".join(
            f'{sql} AS "{name}"' for name, sql in [*_related_sql(), *_decided_sql(binds)]
        )
        # Identifiers from the models' metadata, values all bound.
        return (
            f'SELECT c.*, {node}::text AS "_compiled_node", {related} '  # noqa: S608
            f"FROM {_table(models.DisputeCase)} c WHERE c.{where} = $1"
        ), binds.values

    async def read(self, context: Context, id: str) -> dict[uuid.UUID, dict[str, Any]]:
        """The case `find_case` will look for, primed into the loader it reads, with the
        rows its resolvers load (primed into their loaders), and the JSON of its columns
        (none: no statement; the resolver then finds nothing either)."""
        loaders = context.loaders
        looked_up = _lookup(loaders, id)
        if looked_up is None:
            return {}
        key, by, loader = looked_up
        sql, values = self.statement(by)
        at = now()
        reader = context.require_actor().id
        bound = [at if v is duties.AT else v for v in bound_reader(values, reader)]
        _, records = await connections.get("default").execute_query(sql, [key, *bound])
        if not records:
            loader.prime(key, None)
            return {}
        record = dict(records[0])
        node = orjson.loads(record.pop("_compiled_node"))
        related = {name: record.pop(name) for name, _ in _related_sql()}
        decided = {name: record.pop(name) for name in _NAMES}
        row = _models(models.DisputeCase, [record])[0]
        _prime_case(loaders, key, loader, row)
        _prime(loaders, row, related)
        # What the resolvers' loaders would read, decided by the functions they call.
        loaders.due_duties_by_case.prime(row.id, case_loaders.due_duties_of(decided[_OWED]))
        clocks = related["_by_case_clocks_by_case"] or ()
        loaders.clock_extensions_by_case.prime(
            row.id,
            sort_to_clocks(
                [ClockSpan(c["id"], c["kind"], c["started_at"], c["ended_at"]) for c in clocks],
                case_loaders.extension_events(decided[_EXTENSIONS]),
            ),
        )
        scopes = (await access_to(info_of(context), row)).scopes
        loaders.unread_counts.prime(
            UnreadKey(reader, row.id, scopes), unread_in(decided[_UNREAD], scopes)
        )
        return {row.id: node}

    # -- running -----------------------------------------------------------------------------

    def generic_plans(self, variables: Mapping[str, Any] | None) -> bool:
        """One case's rows, read by its id: the same plan serves every case."""
        return True

    async def run(
        self,
        actor: Actor | None,
        variables: Mapping[str, Any] | None,
        context: object = None,
    ) -> dict[str, Any] | None:
        """The response's `data`, or None for strawberry to answer (errors included).
        ``context``: the request's, which the resolvers read (and the access log is written
        through)."""
        if not isinstance(context, Context) or actor is None or context.actor is not actor:
            return None
        if not is_postgres():
            return None
        coerced = get_variable_values(
            self.schema, self.operation.variable_definitions or (), dict(variables or {})
        )
        if isinstance(coerced, list):
            return None
        id = get_argument_values(self.root_field, self.root, coerced).get("id")
        if not isinstance(id, str):
            return None
        nodes = await self.read(context, id)
        run = _Run(self, _Info(context), coerced, nodes, actor)
        try:
            case = await run.resolve(self.root_strawberry, self.root_field, self.root, None)
            value = None if case is None else await run.object(self.case_plan, case)
        except _Null:
            return None
        except Exception:  # strawberry answers, with its own error
            log.warning("compiled CasePage gave way to strawberry", exc_info=True)
            return None
        return {"case": value}


class _Run:
    """One request's execution of the plan."""

    def __init__(
        self,
        page: CompiledCasePage,
        info: _Info,
        variables: Any,
        nodes: dict[uuid.UUID, dict[str, Any]],
        actor: Actor,
    ) -> None:
        self.page = page
        self.info = info
        self.variables = variables
        self.nodes = nodes
        self.actor = actor

    def resolve(
        self,
        strawberry_field: StrawberryField,
        gql_field: GraphQLField,
        node: FieldNode,
        source: Any,
    ) -> Any:
        """The field's value as strawberry's resolver gives it (arguments converted by
        strawberry's own `get_arguments`)."""
        if strawberry_field.is_basic_field:
            return strawberry_field.get_result(source, info=None, args=[], kwargs={})
        raw = get_argument_values(gql_field, node, self.variables) if node.arguments else {}
        args, kwargs = get_arguments(
            field=strawberry_field,
            source=source,
            info=self.info,  # type: ignore[arg-type]
            kwargs=raw,
            config=self.page.config,
            scalar_registry=self.page.scalars,
        )
        return strawberry_field.get_result(source, info=self.info, args=args, kwargs=kwargs)  # type: ignore[arg-type]

    async def object(self, plan: ObjectPlan, source: Any) -> dict[str, Any]:
        values: dict[str, Any] = {}
        pending: list[tuple[str, Any]] = []
        sql: dict[str, Any] | None = None
        if plan.type_name == CASE_TYPE:
            sql = self.nodes.get(source.row.id)
        for each in plan.fields:
            if each.gql_field is None:
                values[each.key] = plan.type_name
                continue
            if each.sql:
                if sql is None:  # a case reached without the statement: not on this page
                    raise _Null(each.key)
                value = sql[each.key]
                if each.key == "organisation" and not policy.may_view_organisation(
                    self.actor, source.row.organisation_id
                ):
                    value = None
                values[each.key] = self.check(each.gql_field.type, value)
                continue
            if each.complete is not None:
                try:
                    values[each.key] = each.complete(getattr(source, each.attribute))
                except Fallback:
                    raise _Null(each.key) from None
                continue
            assert each.strawberry is not None
            result = self.resolve(each.strawberry, each.gql_field, each.nodes[0], source)
            if inspect.isawaitable(result) or each.sub is not None:
                values[each.key] = None
                pending.append((each.key, self.complete(each, each.gql_field.type, result)))
            else:
                values[each.key] = self.leaf(each, each.gql_field.type, result)
        if pending:
            done = await asyncio.gather(*(c for _, c in pending))
            for (key, _), value in zip(pending, done, strict=True):
                values[key] = value
        return values

    @staticmethod
    def check(gql_type: GraphQLOutputType, value: Any) -> Any:
        if value is None and isinstance(gql_type, GraphQLNonNull):
            raise _Null()
        return value

    def leaf(self, each: FieldPlan, gql_type: GraphQLOutputType, value: Any) -> Any:
        if isinstance(gql_type, GraphQLNonNull):
            return self.check(gql_type, self.leaf(each, gql_type.of_type, value))
        if value is None:
            return None
        if isinstance(gql_type, GraphQLList):
            return [self.leaf(each, gql_type.of_type, v) for v in value]
        assert each.leaf is not None
        serialized = each.leaf(value)
        if serialized is None:
            raise _Null()
        return serialized

    async def complete(self, each: FieldPlan, gql_type: GraphQLOutputType, value: Any) -> Any:
        if inspect.isawaitable(value):
            value = await value
        if each.sub is None:
            return self.leaf(each, gql_type, value)
        return await self.completed_object(each.sub, gql_type, value)

    async def completed_object(
        self, plan: ObjectPlan, gql_type: GraphQLOutputType, value: Any
    ) -> Any:
        if isinstance(gql_type, GraphQLNonNull):
            return self.check(gql_type, await self.completed_object(plan, gql_type.of_type, value))
        if value is None:
            return None
        if isinstance(gql_type, GraphQLList):
            return list(
                await asyncio.gather(
                    *(self.completed_object(plan, gql_type.of_type, v) for v in value)
                )
            )
        return await self.object(plan, value)

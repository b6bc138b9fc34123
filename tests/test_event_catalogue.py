"""The event catalogue (issue 18, item 2): every kind the code records is in it, every kind has
a payload type, docs/events.md and docs/events/schemas/ are generated from it and current, and
what `present` publishes is what the schemas describe."""

from __future__ import annotations

import ast
import json
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLObjectType,
    GraphQLUnionType,
    build_schema,
    parse,
    validate,
)
from jsonschema import Draft202012Validator
from tortoise.transactions import in_transaction

from portal.api.cases.timeline import PAYLOAD_TYPES
from portal.cases.models import DisputeCase
from portal.cases.states import CaseRole
from portal.ids import parse_global_id
from portal.notifications.kinds import MAIL_MEANINGS, OutboxKind
from portal.notifications.mail import MailKind
from portal.timeline.catalogue import CATALOGUE, ENTRIES, EventKind, Id, present
from portal.timeline.chain import ERASED
from portal.timeline.eventdocs import EXAMPLE_CASE, events_page, payload_selection, schema_files
from portal.timeline.models import TimelineEvent, Visibility
from portal.timeline.services import UnknownEventKind, append
from tests.factories import Factory, quick_world

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "docs" / "events" / "schemas"


def schema_of(name: str) -> Draft202012Validator:
    loaded = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(loaded)
    return Draft202012Validator(loaded, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_every_kind_has_one_entry_and_one_payload_type() -> None:
    assert [e.kind for e in ENTRIES] == list(EventKind)
    assert set(PAYLOAD_TYPES) == set(EventKind)
    names = [e.type_name for e in ENTRIES]
    assert len(set(names)) == len(names)


def _trees() -> list[ast.Module]:
    paths = [*(ROOT / "portal").rglob("*.py"), *(ROOT / "migrations").glob("*.py")]
    return [ast.parse(path.read_text(encoding="utf-8")) for path in paths]


def _kinds_named_in_code() -> set[str]:
    """Every `EventKind.X` the code names, and every kind it passes to the functions that
    append (`record`, `append`, `_record`, `Step.event`, and a migration's `ChainLink`) as a
    string or a module's string constant."""
    trees = _trees()
    constants = {
        target.id: node.value.value
        for tree in trees
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    found: set[str] = set()
    for tree in trees:
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "EventKind"
            ):
                found.add(node.attr.lower())
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                position = 0 if name == "event" else 1
                kinds = [k.value for k in node.keywords if k.arg == "kind" and name == "ChainLink"]
                if name in {"record", "append", "_record", "event"} and len(node.args) > position:
                    kinds.append(node.args[position])
                for kind in kinds:
                    if isinstance(kind, ast.Constant) and isinstance(kind.value, str):
                        found.add(kind.value)
                    if isinstance(kind, ast.Name) and kind.id in constants:
                        found.add(constants[kind.id])
    return found


def test_the_code_names_only_kinds_of_the_catalogue() -> None:
    named = _kinds_named_in_code()

    assert named - {k.value for k in EventKind} == set()
    # And the catalogue lists nothing the code never records, unless it is marked retired.
    unused = {k for k in EventKind if k.value not in named}
    assert {k for k in unused if CATALOGUE[k].deprecation is None} == set()


async def test_appending_a_kind_outside_the_catalogue_fails(db: str, factory: Factory) -> None:
    w = await quick_world(factory)
    case = await w.new_case()

    async def teleport() -> None:
        async with in_transaction():
            row = await DisputeCase.select_for_update().get(id=case.id)
            await append(
                row,
                "case_teleported",
                at=datetime.now(UTC),
                actor_id=None,
                actor_role=CaseRole.SYSTEM.value,
                visibility=Visibility.ALL_PARTIES,
                payload={},
            )

    with pytest.raises(UnknownEventKind):
        await teleport()

    assert await TimelineEvent.filter(case_id=case.id, kind="case_teleported").count() == 0


def test_docs_events_md_and_the_schemas_are_current() -> None:
    page = (ROOT / "docs" / "events.md").read_text(encoding="utf-8")
    files = {p.relative_to(SCHEMAS).as_posix(): p.read_text() for p in SCHEMAS.rglob("*.json")}

    assert page == events_page(), "docs/events.md is stale: run `portal docs events`"
    assert files == schema_files(), "docs/events/schemas is stale: run `portal docs events`"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.kind.value)
def test_each_example_presents_as_its_schemas_describe(entry: object) -> None:
    from portal.notifications.webhooks import body_schema
    from portal.timeline.catalogue import Entry, for_webhook

    assert isinstance(entry, Entry)
    presented = present(entry.kind, entry.example, case_id=EXAMPLE_CASE)

    schema_of(f"payload/{entry.kind.value}.json").validate(presented)
    assert body_schema(entry.kind)["properties"]["type"] == {
        "const": entry.kind.value,
        "description": "The event's kind, as subscribed.",
    }
    webhook = for_webhook(entry.kind, presented)
    assert set(webhook) <= set(presented)
    assert all(f.name in webhook for f in entry.all_fields if f.webhook)
    for f in entry.all_fields:
        if isinstance(f.type, Id) and presented[f.name] is not None:
            assert parse_global_id(presented[f.name]) == (
                f.type.type_name,
                uuid.UUID(str(({**entry.example, "case_id": EXAMPLE_CASE})[f.key])),
            )


def test_an_erased_payload_presents_as_erased() -> None:
    presented = present(
        EventKind.MESSAGE_POSTED, {ERASED: "2027-01-01T00:00:00+00:00"}, case_id=EXAMPLE_CASE
    )

    schema_of("erased.json").validate(presented)
    assert set(presented) == {"caseId", "erasedAt"}


def test_the_schema_describes_every_kind_and_every_outbox_kind() -> None:
    graphql = build_schema((ROOT / "graphql" / "schema.graphql").read_text()).type_map
    kinds, outbox, union = graphql["EventKind"], graphql["OutboxKind"], graphql["EventPayload"]

    assert isinstance(kinds, GraphQLEnumType)
    assert isinstance(outbox, GraphQLEnumType)
    assert set(kinds.values) == {k.name for k in EventKind}
    for enum in (kinds, outbox):
        assert all(v.description for v in enum.values.values()), enum.name
    assert kinds.values["CONFLICT_DECLARED"].deprecation_reason
    assert set(MAIL_MEANINGS) == set(MailKind)
    assert {k.value for k in EventKind} | {m.value for m in MailKind} <= {
        k.value for k in OutboxKind
    }
    assert isinstance(union, GraphQLUnionType)
    assert {t.name for t in union.types} == {e.type_name for e in ENTRIES} | {"ErasedEventPayload"}


async def test_the_portal_serves_each_schema_at_its_url(client: httpx.AsyncClient) -> None:
    body = await client.get("/events/schemas/case_accepted.json")
    payload = await client.get("/events/schemas/payload/offer_made.json")
    missing = await client.get("/events/schemas/case_teleported.json")

    assert body.status_code == 200
    assert body.headers["content-type"].startswith("application/schema+json")
    assert body.text == schema_files()["case_accepted.json"]
    assert payload.json() == json.loads(schema_files()["payload/offer_made.json"])
    assert missing.status_code == 404


def test_a_client_may_select_every_payload_field_at_once() -> None:
    """One name, one type across the union: GraphQL refuses a query whose fragments select a
    name with two types, so no two payload types may publish one name differently."""
    sdl = build_schema((ROOT / "graphql" / "schema.graphql").read_text())
    query = (
        "query T($id: ID!) { case(id: $id) { timeline(first: 100) { edges { node { "
        f"payload {{ {payload_selection()} }} }} }} }} }} }}"
    )

    assert validate(sdl, parse(query)) == []


def test_payload_fields_of_a_closed_set_are_the_schemas_enums() -> None:
    # A payload's currency is the schema's `Currency`, as `Money.currency` is: a client reads it
    # with the same enum everywhere, and the JSON Schemas list its codes.
    schema = build_schema((ROOT / "graphql" / "schema.graphql").read_text("utf-8"))
    closed = {"currency": "Currency", "country": "Country"}
    strings = []
    for name, kind in schema.type_map.items():
        if name.endswith("EventPayload") and isinstance(kind, GraphQLObjectType):
            for field_name, field in kind.fields.items():
                wanted = closed.get(field_name)
                if wanted and str(field.type).strip("[]!") != wanted:
                    strings.append(f"{name}.{field_name}: {field.type}")
    assert strings == []
    offer = json.loads((SCHEMAS / "payload" / "offer_made.json").read_text("utf-8"))
    assert "EUR" in offer["properties"]["currency"]["enum"]

"""Issue 19, 3: the record access log. Every read path records exactly one entry naming who
read (and in which role), what, and from where; refused reads record nothing; on PostgreSQL
the log refuses UPDATE and DELETE. (The HTTP request log is tests/test_access_log.py.)"""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from tortoise import connections
from tortoise.transactions import in_transaction

from portal.accesslog import services as accesslog
from portal.accesslog.models import AccessAction, AccessRecord, ReaderKind
from portal.accesslog.services import RouteRead, Target, _RecordedViews, record_access
from portal.cases.models import DisputeCase
from portal.ids import decode_id, global_id
from tests import samples
from tests.casefile_support import bearer, path_of, uploaded
from tests.conftest import TEST_DATABASE_URL
from tests.factories import Factory, World, actor_for, answer, gql, quick_world
from tests.sql_statements import statements
from tests.test_api_support import case_id, token_for

AGENT = {"User-Agent": "parley-test/1.0", "X-Request-ID": "req-access-0001"}
CASE_PAGE = """
query C($id: ID!) {
  one: case(id: $id) {
    id reference stage
    documents { edges { node { id } } }
    messages(first: 5) { edges { node { id } } }
  }
  again: case(id: $id) { subject }
  node(id: $id) { id }
}
"""
CASE_LIST = "{ cases(first: 10) { edges { node { id reference } } } }"
BUNDLE_LINK = "query C($id: ID!) { case(id: $id) { bundleLink { url } } }"
NODE = "query N($id: ID!) { node(id: $id) { id } }"
REVIEW = """
query R($org: ID!) {
  managementReview(organisationId: $org, from: "2026-01-01", until: "2027-01-01") {
    organisationName
  }
}
"""
TRANSPARENCY = """
query T($provider: String!) { transparencyReport(provider: $provider, year: 2026) { providerName } }
"""


async def records() -> list[AccessRecord]:
    return await AccessRecord.all().order_by("created_at")


def who_what_where(record: AccessRecord) -> tuple[Any, ...]:
    return (
        record.reader_kind,
        record.reader_id,
        record.action,
        record.case_reference,
        record.target_type,
        record.target_id,
        record.ip,
        record.user_agent,
        record.request_id,
    )


async def opened_case(factory: Factory) -> tuple[World, DisputeCase]:
    world = await quick_world(factory)
    return world, await world.new_case()


async def test_a_case_page_is_one_record_with_who_what_and_where(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    world, case = await opened_case(factory)
    token = await token_for(app, world.complainant)

    response = await gql(client, CASE_PAGE, {"id": case_id(case)}, token=token, **AGENT)

    assert "errors" not in response.json(), response.json()
    [record] = await records()
    assert who_what_where(record) == (
        ReaderKind.USER,
        world.complainant.id,
        AccessAction.CASE_READ,
        case.reference,
        "DisputeCase",
        str(case.id),
        "127.0.0.1",
        "parley-test/1.0",
        "req-access-0001",
    )
    assert record.role == "complainant"
    assert (record.case_id, record.organisation_id, record.provider_id) == (
        case.id,
        world.organisation.id,
        world.provider.id,
    )


async def test_a_page_view_of_several_requests_is_one_record_and_a_list_records_none(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    """The case page sends several requests (the case, its file, its bundle link): within the
    same minute they are one page view, recorded by the first."""
    world, case = await opened_case(factory)
    token = await token_for(app, world.agent)

    await gql(client, CASE_LIST, token=token)
    listed = await records()
    by_reference = await gql(client, BUNDLE_LINK, {"id": case.reference}, token=token, **AGENT)
    await gql(client, CASE_PAGE, {"id": case_id(case)}, token=token)

    assert "errors" not in by_reference.json(), by_reference.json()
    assert listed == []
    first, *turn = [(r.action, r.reader_id, r.role, r.request_id) for r in await records()]
    assert first == (AccessAction.CASE_READ, world.agent.id, "organisation", "req-access-0001")
    # Unless the two requests fell on either side of a minute's turn: then two page views.
    assert [row[:3] for row in turn] in ([], [first[:3]])


async def test_a_page_view_on_record_sends_no_more_statements_for_its_minute(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The unique index would fold the page view's later reads; once the first is on record
    they send no INSERT at all (`_RecordedViews`), and nothing else changes: the same
    statements less that one (the request's loads still in one batch each). The record stays
    the first's; another reader's first read is a page view of its own."""
    monkeypatch.setattr(accesslog, "PAGE_VIEW_SECONDS", 10**9)  # no minute turns meanwhile
    world, case = await opened_case(factory)
    agent, complainant = await token_for(app, world.agent), await token_for(app, world.complainant)
    await gql(client, CASE_PAGE, {"id": case_id(case)}, token=agent)  # warm-up: loads keys
    with statements() as first_sent:
        await gql(client, CASE_PAGE, {"id": case_id(case)}, token=complainant, **AGENT)
    with statements() as again_sent:
        again = await gql(client, CASE_PAGE, {"id": case_id(case)}, token=complainant)

    assert "errors" not in again.json(), again.json()
    logged = [s for s in first_sent if "access_record" in s]
    assert len(logged) == 1
    assert [_sql(s) for s in again_sent] == [_sql(s) for s in first_sent if s not in logged]
    agents, complainants = [
        [r.request_id for r in await records() if r.reader_id == who.id]
        for who in (world.agent, world.complainant)
    ]
    assert (len(agents), complainants) == (1, ["req-access-0001"])


def _sql(logged: str) -> str:
    """A logged statement without its parameters (`<sql>: [values]`)."""
    return logged.rsplit(": [", 1)[0]


async def test_a_read_recorded_in_a_transaction_that_rolls_back_is_recorded_again(
    factory: Factory,
) -> None:
    """Only a committed record is remembered: a read whose INSERT a rollback undid is not on
    record, so the next read of the same page view writes it."""
    _, case = await opened_case(factory)
    reader = await actor_for(await factory.user())
    request = Request({"type": "http", "headers": [], "client": ("192.0.2.1", 1)})

    class Undone(Exception):
        pass

    async def recorded_then_undone() -> None:
        async with in_transaction():
            await record_access(RouteRead(request, reader), AccessAction.CASE_READ, case=case)
            raise Undone

    with pytest.raises(Undone):
        await recorded_then_undone()
    assert await records() == []
    await record_access(RouteRead(request, reader), AccessAction.CASE_READ, case=case)

    assert [(r.reader_id, r.case_id, r.ip) for r in await records()] == [
        (reader.id, case.id, "192.0.2.1")
    ]


def test_the_remembered_page_views_keep_two_minutes_and_a_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    views = _RecordedViews()
    reader = uuid.uuid4()
    case = Target("DisputeCase", str(uuid.uuid4()))

    def key(visit: int | None, action: AccessAction = AccessAction.CASE_READ) -> Any:
        return _RecordedViews.key(reader, action, case, visit)

    assert key(None) is None  # downloads and exports: never folded, never skipped
    assert _RecordedViews.key(None, AccessAction.CASE_READ, case, 7) is None  # anonymous
    views.add(key(7))
    assert key(7) in views
    assert key(8) not in views
    assert key(7, AccessAction.REPORT_READ) not in views
    views.add(key(8))
    assert key(7) in views  # the previous minute is kept
    views.add(key(9))
    assert [key(7) in views, key(8) in views, key(9) in views] == [False, True, True]
    monkeypatch.setattr(_RecordedViews, "LIMIT", 3)
    for _ in range(3):
        views.add(_RecordedViews.key(uuid.uuid4(), AccessAction.CASE_READ, case, 9))
    beyond = _RecordedViews.key(uuid.uuid4(), AccessAction.CASE_READ, case, 9)
    views.add(beyond)
    assert beyond not in views  # beyond the limit the read is inserted, as before
    views.clear()
    assert key(9) not in views


async def test_a_refused_read_records_nothing(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    _, case = await opened_case(factory)
    stranger = await factory.user()
    token = await token_for(app, stranger)

    response = await gql(client, CASE_PAGE, {"id": case_id(case)}, token=token)

    # As a missing case: null, with no error (issue 18).
    assert answer(response) == {"data": {"one": None, "again": None, "node": None}}
    assert await records() == []


async def test_a_document_download_and_its_node_read_record_the_document(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    world, case = await opened_case(factory)
    token = await token_for(app, world.complainant)
    document = await uploaded(client, token, case_id(case), "bill.png", samples.PNG)
    staff = await token_for(app, world.agent)

    downloaded = await client.get(
        path_of(document["downloadLink"]["url"]), headers={**bearer(token), **AGENT}
    )
    again = await client.get(path_of(document["downloadLink"]["url"]), headers=bearer(token))
    by_node = await gql(client, NODE, {"id": document["id"]}, token=staff)
    refused = await client.get(path_of(document["downloadLink"]["url"]), headers=bearer(staff))

    assert downloaded.status_code == again.status_code == 200
    assert by_node.json()["data"]["node"] == {"id": document["id"]}
    assert refused.status_code == 404  # the link was issued to the complainant
    # Every download leaves a copy: each is recorded, however close together.
    download, second, node_read = await records()
    assert (second.action, second.reader_id, second.request_id) == (
        AccessAction.DOCUMENT_DOWNLOAD,
        world.complainant.id,
        downloaded_again_id(again),
    )
    stored = document_pk(document["id"])
    assert who_what_where(download) == (
        ReaderKind.USER,
        world.complainant.id,
        AccessAction.DOCUMENT_DOWNLOAD,
        case.reference,
        "Document",
        stored,
        "127.0.0.1",
        "parley-test/1.0",
        "req-access-0001",
    )
    assert (node_read.action, node_read.reader_id, node_read.role) == (
        AccessAction.CASE_READ,
        world.agent.id,
        "organisation",
    )
    assert (node_read.target_type, node_read.target_id) == ("Document", stored)


def downloaded_again_id(response: httpx.Response) -> str:
    return response.headers["x-request-id"]


def document_pk(global_id: str) -> str:
    pk = decode_id(global_id, "Document")
    assert pk is not None
    return str(pk)


async def test_a_bundle_download_is_one_record(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    world, case = await opened_case(factory)
    token = await token_for(app, world.caseworker)
    link = (await gql(client, BUNDLE_LINK, {"id": case_id(case)}, token=token)).json()
    before = len(await records())

    bundle = await client.get(
        path_of(link["data"]["case"]["bundleLink"]["url"]), headers={**bearer(token), **AGENT}
    )

    assert bundle.status_code == 200
    *_, record = await records()
    assert len(await records()) == before + 1
    assert who_what_where(record) == (
        ReaderKind.USER,
        world.caseworker.id,
        AccessAction.BUNDLE_DOWNLOAD,
        case.reference,
        "CaseBundle",
        str(case.id),
        "127.0.0.1",
        "parley-test/1.0",
        "req-access-0001",
    )
    assert record.role == "provider"


EXPORT = (
    "mutation { requestDataExport(input: {}) { dataExport { download { url } } "
    "userErrors { code } } }"
)


async def test_a_subject_access_export_download_is_recorded_against_its_person(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    """Each download of a person's export leaves a copy of everything about them: each is
    recorded, with the person as its target, so it shows in their own `viewer.accessLog`."""
    world = await quick_world(factory)
    token = await token_for(app, world.complainant)
    made = (await gql(client, EXPORT, token=token)).json()["data"]["requestDataExport"]
    before = len(await records())

    downloaded = await client.get(
        path_of(made["dataExport"]["download"]["url"]), headers={**bearer(token), **AGENT}
    )

    assert downloaded.status_code == 200
    [record] = (await records())[before:]
    assert who_what_where(record) == (
        ReaderKind.USER,
        world.complainant.id,
        AccessAction.SUBJECT_ACCESS_EXPORT,
        "",
        "User",
        str(world.complainant.id),
        "127.0.0.1",
        "parley-test/1.0",
        "req-access-0001",
    )


async def test_the_management_review_read_and_export_are_recorded(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    world = await quick_world(factory)
    token = await token_for(app, world.manager)
    query = f"organisation={world.organisation.slug}&from=2026-01-01&until=2027-01-01"

    read = await gql(client, REVIEW, {"org": org_gid(world)}, token=token, **AGENT)
    exported = await client.get(
        f"/reports/management-review.csv?{query}", headers={**bearer(token), **AGENT}
    )
    refused = await client.get(
        f"/reports/management-review.csv?{query}",
        headers=bearer(await token_for(app, world.agent)),
    )

    assert "errors" not in read.json(), read.json()
    assert exported.status_code == 200
    assert refused.status_code == 403
    shown = [
        (r.action, r.reader_id, r.role, r.target_type, r.target_id, r.organisation_id)
        for r in await records()
    ]
    target = ("ManagementReview", str(world.organisation.id), world.organisation.id)
    assert shown == [
        (AccessAction.REPORT_READ, world.manager.id, "org_manager", *target),
        (AccessAction.EXPORT, world.manager.id, "org_manager", *target),
    ]


def org_gid(world: World) -> str:
    return global_id("Organisation", world.organisation.id)


async def test_public_transparency_reports_are_recorded_as_anonymous_reads(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    world = await quick_world(factory)
    slug = world.provider.slug

    read = await gql(client, TRANSPARENCY, {"provider": slug}, **AGENT)
    exported = await client.get(f"/reports/transparency/{slug}.json?year=2026", headers=AGENT)

    assert "errors" not in read.json(), read.json()
    assert exported.status_code == 200
    shown = [(r.reader_kind, r.reader_id, r.action, r.target_id, r.ip) for r in await records()]
    assert shown == [
        (ReaderKind.ANONYMOUS, None, AccessAction.REPORT_READ, slug, "127.0.0.1"),
        (ReaderKind.ANONYMOUS, None, AccessAction.EXPORT, slug, "127.0.0.1"),
    ]


@pytest.mark.skipif(TEST_DATABASE_URL == "sqlite", reason="the PostgreSQL trigger")
async def test_the_log_cannot_be_updated_or_deleted_on_postgresql(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    world, case = await opened_case(factory)
    await gql(client, CASE_PAGE, {"id": case_id(case)}, token=await token_for(app, world.agent))
    [record] = await records()
    connection = connections.get("default")
    refused: list[str] = []

    for statement in (
        f"UPDATE access_record SET reader_id = NULL WHERE id = '{record.id}'",
        f"DELETE FROM access_record WHERE id = '{record.id}'",
        "TRUNCATE access_record",
    ):
        with pytest.raises(Exception, match="append-only") as caught:
            await connection.execute_script(statement)
        refused.append(str(caught.value))
    with pytest.raises(Exception, match="append-only"):
        await AccessRecord.filter(id=record.id).update(role="admin")

    assert [(*who_what_where(r), r.role) for r in await records()] == [
        (*who_what_where(record), record.role)
    ]
    assert all("access_record is append-only" in message for message in refused)

"""Attacks on issue 19's records (the access log, subject-access exports, verify-bundle), over
the real HTTP surface: a reader who reaches a case file by a path that is not a case page is
still recorded; a person cannot pile up exports (each a whole zip kept in the database) by
aliasing the mutation or by repeating it."""

from __future__ import annotations

import io
import zipfile

import httpx
import orjson
from starlette.applications import Starlette

from portal.accesslog.models import AccessAction, AccessRecord
from portal.accounts.models import Role
from portal.auth.keys import load_keyset
from portal.casefiles.models import Message
from portal.casefiles.storage import storage_of
from portal.cases.models import DisputeCase, Scheme
from portal.complaints.models import Complaint
from portal.ids import global_id
from portal.privacy.erasure import decide_erasure, request_erasure
from portal.privacy.export import EXPORTS_PER_DAY, build_export
from portal.privacy.models import DataExport, ErasureStatus
from portal.settings import Settings
from tests.factories import Factory, actor_for, answer, gql, quick_world
from tests.live_support import serving, subscribed
from tests.privacy_support import ORG_INTERNAL, populated
from tests.test_api_support import case_id, token_for

# A whole case file read through the list of cases, never opening a case by id.
FILE_THROUGH_LIST = """
{ cases(first: 10) { edges { node { reference
  messages { edges { node { id } } }
  documents { edges { node { id } } }
  timeline { edges { node { sequence } } }
} } } }
"""
TIMELINE_THROUGH_LIST = (
    "{ cases(first: 10) { edges { node { timeline { edges { node { sequence } } } } } } }"
)


async def test_a_case_file_read_through_the_list_of_cases_is_recorded(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    world = await quick_world(factory)
    case = await world.new_case()
    token = await token_for(app, world.agent)

    listed = await gql(client, FILE_THROUGH_LIST, token=token)

    assert "errors" not in listed.json(), listed.json()
    assert [e["node"]["reference"] for e in listed.json()["data"]["cases"]["edges"]] == [
        case.reference
    ]
    reads = await AccessRecord.all().values_list("action", "reader_id", "case_id", "role")
    assert reads == [(AccessAction.CASE_READ, world.agent.id, case.id, "organisation")]


async def test_the_timeline_alone_through_the_list_is_a_read_too(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    world = await quick_world(factory)
    case = await world.new_case()
    token = await token_for(app, world.caseworker)

    listed = await gql(client, TIMELINE_THROUGH_LIST, token=token)

    assert "errors" not in listed.json(), listed.json()
    reads = await AccessRecord.all().values_list("reader_id", "case_id")
    assert reads == [(world.caseworker.id, case.id)]


async def test_following_a_case_timeline_over_a_websocket_is_a_read(
    app: Starlette, factory: Factory
) -> None:
    """`caseEvents` with `afterSequence: 0` streams the whole timeline: a read of the file."""
    world = await quick_world(factory)
    case = await world.new_case()
    token = await token_for(app, world.agent)

    async with serving(app) as url, subscribed(url, token, case_id(case), after=0) as sock:
        [first] = await sock.events(1)

    assert first["sequence"] == 1
    reads = await AccessRecord.all().values_list("action", "reader_id", "case_id", "role")
    assert reads == [(AccessAction.CASE_READ, world.agent.id, case.id, "organisation")]


def aliased_exports(count: int) -> str:
    fields = " ".join(
        f"e{n}: requestDataExport(input: {{}}) {{ dataExport {{ id }} userErrors {{ code }} }}"
        for n in range(count)
    )
    return f"mutation {{ {fields} }}"


async def test_aliased_exports_stop_at_the_daily_number(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    """Each export is a whole zip of the person's records kept in the database for 30 days:
    an alias per export (up to the alias limit), sent again and again, would fill it."""
    world = await quick_world(factory)
    token = await token_for(app, world.complainant)

    answer = (await gql(client, aliased_exports(EXPORTS_PER_DAY + 2), token=token)).json()
    again = (await gql(client, aliased_exports(1), token=token)).json()

    assert "errors" not in answer, answer
    made = [answer["data"][f"e{n}"] for n in range(EXPORTS_PER_DAY + 2)]
    assert [m["dataExport"] is not None for m in made] == [True] * EXPORTS_PER_DAY + [False] * 2
    assert {m["userErrors"][0]["code"] for m in made[EXPORTS_PER_DAY:]} == {"EXPORT_LIMIT"}
    assert again["data"]["e0"]["userErrors"][0]["code"] == "EXPORT_LIMIT"
    assert await DataExport.filter(user_id=world.complainant.id).count() == EXPORTS_PER_DAY


async def test_the_export_does_not_name_the_other_sides_items_its_reads_touched(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings
) -> None:
    """The person's own access log in their export says when, in which role and what kind of
    record was read, as their "Who has read my records" page does: not the id of an item
    their role may not read (an organisation's internal note its agent opened by id)."""
    data = await populated(factory, settings, close=False)
    internal = await Message.get(body=ORG_INTERNAL)
    agent = await token_for(app, data.world.agent)
    node = "query N($id: ID!) { node(id: $id) { id } }"
    read = await gql(client, node, {"id": global_id("Message", internal.id)}, token=agent)
    assert read.json()["data"]["node"] is not None

    content = await build_export(data.person.id, storage_of(settings), load_keyset(settings))

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        log = archive.read("access_log.json")
        everything = b"".join(archive.read(n) for n in archive.namelist())
    reads = orjson.loads(log)
    assert {(r["action"], r["target_type"]) for r in reads} == {("case_read", "Message")}
    assert str(internal.id).encode() not in everything


async def test_a_granted_erasure_leaves_the_case_and_complaint_chains_verifiable(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings
) -> None:
    """Erasure redacts the case and the complaint it came from: both chains still verify, as
    the organisation's agent checks them through the API afterwards."""
    data = await populated(factory, settings)
    await Scheme.filter(id=data.world.scheme.id).update(retention_years=0)
    case = await DisputeCase.get(id=data.case.id)
    assert case.closed_at is not None
    request = await request_erasure(
        await actor_for(data.person), data.person.id, "", case.closed_at
    )
    admin = await actor_for(await factory.user(Role.ADMIN))
    decided = await decide_erasure(
        admin, request.id, True, "No hold applies.", case.closed_at, storage_of(settings)
    )
    assert decided.status is ErasureStatus.GRANTED
    token = await token_for(app, data.world.agent)
    query = """
    query V($case: ID!, $complaint: ID!) {
      verifyTimeline(caseId: $case) { ok }
      verifyComplaint(complaintId: $complaint) { ok length }
    }
    """
    variables = {
        "case": case_id(case),
        "complaint": global_id("Complaint", case.complaint_id),
    }

    answer = (await gql(client, query, variables, token=token)).json()

    assert "errors" not in answer, answer
    assert answer["data"]["verifyTimeline"] == {"ok": True}
    assert answer["data"]["verifyComplaint"]["ok"] is True
    assert await Complaint.filter(id=case.complaint_id, description="").exists()


LONG_REFERENCE_LOG = """
query L($r: String) { accessLog(filter: {caseReference: $r}) { edges { node { id } } } }
"""
LONG_REFERENCE_FINDING = """
mutation F($r: String) {
  raiseAuditFinding(input: {caseReference: $r, severity: LOW, found: "f", action: "a"}) {
    finding { id } userErrors { code field }
  }
}
"""


async def test_a_case_reference_longer_than_any_is_no_match_not_an_internal_error(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    """The column holds 32 characters and the ORM refuses a longer filter value outright: the
    access log's filter and a finding named by reference answered INTERNAL_SERVER_ERROR."""
    world = await quick_world(factory)
    await world.new_case()
    token = await token_for(app, world.auditor)
    reference = "DR-" + "9" * 40

    log = answer(await gql(client, LONG_REFERENCE_LOG, {"r": reference}, token=token))
    finding = (await gql(client, LONG_REFERENCE_FINDING, {"r": reference}, token=token)).json()

    assert log == {"data": {"accessLog": {"edges": []}}}
    assert finding["data"]["raiseAuditFinding"] == {
        "finding": None,
        "userErrors": [{"code": "NOT_FOUND", "field": ["input", "caseReference"]}],
    }

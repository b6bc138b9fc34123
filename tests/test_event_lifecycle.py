"""Issue 18, "Done when": a full case lifecycle driven as an organisation's integration client
(OAuth client credentials over HTTP, against the portal under uvicorn; the people's steps by the
people), with a real HTTP webhook receiver verifying Standard Webhooks signatures. Every webhook
delivery and every timeline event the client reads is validated against the JSON Schema the
portal publishes for its kind, and every id in it resolves through `node(id:)` for the client."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from jsonschema import Draft202012Validator
from standardwebhooks import Webhook
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from tortoise.transactions import in_transaction

from portal.accesslog.models import AccessRecord
from portal.accounts.models import Role
from portal.accounts.services import create_service_account
from portal.api.cases.timeline import event_id
from portal.api.node import to_global_id
from portal.app import create_app
from portal.cases.events import record
from portal.cases.models import DisputeCase, Offer
from portal.cases.services import Action, run_clock_job
from portal.cases.states import CaseRole, Stage
from portal.ids import parse_global_id
from portal.notifications.worker import Worker
from portal.settings import Settings
from portal.timeline.catalogue import CATALOGUE, ENTRIES, EventKind
from portal.timeline.eventdocs import payload_selection
from portal.timeline.models import TimelineEvent, Visibility
from tests.casefile_support import SUPERSEDE, UPLOAD, send_file
from tests.factories import (
    NOTICE_READ,
    Factory,
    World,
    deliver_all,
    mail_settings,
    quick_world,
    start_mailsink,
)
from tests.live_support import free_port
from tests.samples import PDF
from tests.test_api_support import call, case_id, token_for

# Every field of every payload type, by fragments on the union (built from the catalogue).
PAYLOAD = payload_selection()
TIMELINE = f"""
query T($id: ID!, $after: String) {{
  case(id: $id) {{
    timeline(first: 100, after: $after) {{
      edges {{ node {{ id sequence kind visibility payload {{ {PAYLOAD} }} }} }}
      pageInfo {{ hasNextPage endCursor }}
    }}
  }}
}}
"""
NODE = "query N($id: ID!) { node(id: $id) { id __typename } }"
PERSON = """query P($id: ID!) { node(id: $id) { id ... on User { displayName email locale
  timeZone createdAt claimPending memberships { role } } } }"""
CASE_STEP = """
mutation M($input: {input}!) {{
  {name}(input: $input) {{ case {{ stage }} userErrors {{ field code message }} }}
}}
"""
POST = """
mutation P($input: PostMessageInput!) {
  postMessage(input: $input) { message { id } userErrors { field code message } }
}
"""
SUBSCRIBE = """
mutation S($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { secret userErrors { field code message } }
}
"""


@dataclasses.dataclass
class Receiver:
    secret: str = ""
    bodies: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    refused: int = 0

    async def endpoint(self, request: Request) -> Response:
        try:
            body = Webhook(self.secret).verify(await request.body(), dict(request.headers))
        except Exception:
            self.refused += 1
            return Response(status_code=400)
        self.bodies.append(body)
        return Response(status_code=204)


@contextlib.asynccontextmanager
async def serving(app: Starlette, port: int, lifespan: str) -> AsyncIterator[None]:
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, lifespan=lifespan)
    )
    task = asyncio.create_task(server.serve())
    try:
        while not server.started:
            assert not task.done(), "uvicorn stopped before it started"
            await asyncio.sleep(0.02)
        yield
    finally:
        server.should_exit = True
        await task


@dataclasses.dataclass
class Client:
    """The organisation's integration client, over HTTP with its own token."""

    http: httpx.AsyncClient
    token: str = ""

    async def call(self, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        response = await self.http.post(
            "/graphql",
            json={"query": query, "variables": variables},
            headers={"Authorization": f"Bearer {self.token}"},
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def step(self, name: str, input_type: str, **input: Any) -> str:
        """A case step; the stage it leaves the case at."""
        query = CASE_STEP.format(name=name, input=input_type)
        body = await self.call(query, {"input": input})
        assert "errors" not in body, (name, body)
        assert body["data"][name]["userErrors"] == [], (name, body["data"][name])
        return str(body["data"][name]["case"]["stage"])

    async def upload(self, query: str, name: str, input: dict[str, Any]) -> str:
        response = await send_file(self.http, self.token, query, input, "evidence.pdf", PDF)
        assert response.status_code == 200, response.text
        payload = response.json()["data"][name]
        assert payload["userErrors"] == [], payload
        return str(payload["document"]["id"])


@pytest.fixture
async def portal(
    db: str, settings: Settings
) -> AsyncIterator[tuple[Settings, httpx.AsyncClient, Starlette]]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    configured = dataclasses.replace(settings, public_url=base, webhook_allow_private=True)
    app = create_app(configured, manage_orm=False)
    async with (
        serving(app, port, "on"),
        httpx.AsyncClient(base_url=base, timeout=10) as http,
    ):
        yield configured, http, app


def ids_in(value: Any) -> set[str]:
    """Every global id in a JSON value (the published payloads hold no other base64 strings
    that decode to `<Type>:<uuid>`)."""
    if isinstance(value, dict):
        return {i for v in value.values() for i in ids_in(v)}
    if isinstance(value, list):
        return {i for v in value for i in ids_in(v)}
    if isinstance(value, str) and parse_global_id(value) is not None:
        return {value}
    return set()


async def _lifecycle(w: World, crm: Client) -> DisputeCase:
    """A mediation from referral to a confirmed implementation: the organisation's steps by
    its integration client over GraphQL, everyone else's by the people."""
    case = await w.new_case()
    gid = to_global_id("DisputeCase", case.id)
    await w.act(w.caseworker, case, Action.ACCEPT, note="Within our scope.")
    await w.act(
        w.complainant,
        case,
        Action.GIVE_CONSENT,
        understands_legal_effect=True,
        understands_right_to_withdraw=True,
    )
    await w.act(
        w.caseworker, case, Action.EXTEND_CLOCK, clock="response", days=5, reason="Holidays."
    )
    stage = await crm.step(
        "submitResponse", "SubmitResponseInput", caseId=gid, position="We refunded in full."
    )
    assert stage == Stage.FILE_REVIEW.name
    posted = await crm.call(
        POST,
        {"input": {"caseId": gid, "body": "Our refund reference.", "visibility": "ALL_PARTIES"}},
    )
    assert posted["data"]["postMessage"]["userErrors"] == [], posted
    document = await crm.upload(
        UPLOAD, "uploadDocument", {"caseId": gid, "visibility": "ALL_PARTIES"}
    )
    await crm.upload(SUPERSEDE, "supersedeDocument", {"documentId": document})
    await w.reply(case)
    await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    await w.act(w.neutral, case, Action.DECLARE_IMPARTIALITY, impartial=True)
    # The objection window passes: the clock job confirms the neutral.
    assert await run_clock_job(datetime.now(UTC) + timedelta(days=8)) == 1
    await w.act(w.caseworker, case, Action.COMPLETE_FILE)
    await w.act(w.complainant, case, Action.MAKE_OFFER, amount="110.00", terms="Refund 110.")
    offer = await Offer.get(case_id=case.id)
    await crm.step(
        "rejectOffer", "RejectOfferInput", caseId=gid, offerId=to_global_id("Offer", offer.id)
    )
    await w.act(
        w.neutral,
        case,
        Action.ISSUE_OUTCOME,
        summary="Refund 90 EUR.",
        reasons="Half the second charge was agreed.",
        amount="90.00",
    )
    await w.act(w.complainant, case, Action.ACCEPT_OUTCOME, **NOTICE_READ)
    await w.act(w.agent, case, Action.ACCEPT_OUTCOME, **NOTICE_READ)
    stage = await crm.step(
        "recordImplementation", "RecordImplementationInput", caseId=gid, evidence="Paid."
    )
    assert stage == Stage.IMPLEMENTATION.name
    closed = await w.act(w.complainant, case, Action.CONFIRM_IMPLEMENTATION)
    assert closed.stage is Stage.CLOSED
    return closed


async def test_a_whole_lifecycle_as_an_integration_client_holds_to_the_published_schemas(
    portal: tuple[Settings, httpx.AsyncClient, Starlette], factory: Factory, tmp_path: Path
) -> None:
    settings, http, _app = portal
    w = await quick_world(factory)
    created = await create_service_account(
        "Acme CRM", Role.ORG_AGENT, settings.secret_key, organisation=w.organisation
    )
    issued = await http.post(
        "/oauth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": created.account.client_id,
            "client_secret": created.client_secret,
        },
    )
    assert issued.status_code == 200, issued.text
    crm = Client(http, issued.json()["access_token"])

    # The client subscribes its own receiver to every kind the portal records.
    hook = Receiver()
    hook_port = free_port()
    recorded_kinds = [e.kind.value for e in ENTRIES if e.deprecation is None]
    subscribed = await crm.call(
        SUBSCRIBE,
        {
            "input": {
                "organisationId": to_global_id("Organisation", w.organisation.id),
                "url": f"http://127.0.0.1:{hook_port}/hooks",
                "eventKinds": recorded_kinds,
            }
        },
    )
    assert "errors" not in subscribed, subscribed
    hook.secret = subscribed["data"]["createWebhookSubscription"]["secret"]

    case = await _lifecycle(w, crm)

    sink = await start_mailsink(tmp_path / "mail")
    receiver = Starlette(routes=[Route("/hooks", hook.endpoint, methods=["POST"])])
    async with serving(receiver, hook_port, "off"):
        try:
            # Its clock past the clock job's (whose events are queued for when they happened).
            later = datetime.now(UTC) + timedelta(days=9)
            await deliver_all(Worker(mail_settings(settings, sink.port), clock=lambda: later))
        finally:
            await sink.stop()

    # The schemas, as the portal serves them at the URLs the docs name.
    schemas: dict[str, Draft202012Validator] = {}

    async def validator(path: str) -> Draft202012Validator:
        if path not in schemas:
            answer = await http.get(path)
            assert answer.status_code == 200, path
            Draft202012Validator.check_schema(answer.json())
            schemas[path] = Draft202012Validator(
                answer.json(), format_checker=Draft202012Validator.FORMAT_CHECKER
            )
        return schemas[path]

    # Every delivery validates against its kind's schema.
    assert hook.refused == 0
    deliveries = sorted(hook.bodies, key=lambda b: b["data"]["event"]["sequence"])
    for body in deliveries:
        (await validator(f"/events/schemas/{body['type']}.json")).validate(body)

    # Every event the client reads of the timeline validates against its payload's schema,
    # and what a webhook carried of it is the same payload, less what webhooks never carry.
    events: list[dict[str, Any]] = []
    after = None
    while True:
        page = await crm.call(TIMELINE, {"id": case_id(case), "after": after})
        assert "errors" not in page, page["errors"]
        timeline = page["data"]["case"]["timeline"]
        events += [e["node"] for e in timeline["edges"]]
        if not timeline["pageInfo"]["hasNextPage"]:
            break
        after = timeline["pageInfo"]["endCursor"]
    readable = await TimelineEvent.filter(
        case_id=case.id,
        visibility__in=[
            Visibility.ALL_PARTIES,
            Visibility.CAUCUS_ORGANISATION,
            Visibility.ORGANISATION_INTERNAL,
        ],
    ).count()
    assert len(events) == readable
    for event in events:
        kind = EventKind[event["kind"]]
        payload = dict(event["payload"])
        assert payload.pop("__typename") == CATALOGUE[kind].type_name
        (await validator(f"/events/schemas/payload/{kind.value}.json")).validate(payload)
    by_sequence = {e["sequence"]: e for e in events}
    assert [b["data"]["event"]["sequence"] for b in deliveries] == sorted(by_sequence)
    for body in deliveries:
        event = by_sequence[body["data"]["event"]["sequence"]]
        webhook_fields = {
            f.name for f in CATALOGUE[EventKind(body["type"])].all_fields if f.webhook
        }
        assert body["data"]["event"]["id"] == event["id"]
        assert body["data"]["event"]["payload"] == {
            k: v for k, v in event["payload"].items() if k in webhook_fields
        }

    # The lifecycle went through the kinds an integrator meets on such a case.
    seen = {e["kind"] for e in events}
    assert {
        "CASE_REFERRED",
        "CASE_ACCEPTED",
        "CONSENT_GIVEN",
        "CLOCK_EXTENDED",
        "RESPONSE_SUBMITTED",
        "MESSAGE_POSTED",
        "DOCUMENT_UPLOADED",
        "DOCUMENT_SUPERSEDED",
        "REPLY_SUBMITTED",
        "NEUTRAL_APPOINTED",
        "IMPARTIALITY_DECLARED",
        "NEUTRAL_CONFIRMED",
        "FILE_COMPLETED",
        "OFFER_MADE",
        "OFFER_REJECTED",
        "OUTCOME_ISSUED",
        "OUTCOME_ACCEPTED",
        "IMPLEMENTATION_RECORDED",
        "IMPLEMENTATION_CONFIRMED",
        "CASE_CLOSED",
        "CLOCK_STARTED",
        "CLOCK_MET",
    } <= seen

    # Every id in every delivery and every event resolves through node(id:) for the client
    # itself: it read each event, so it may read what the event names (the neutral's and a
    # representative's User as the parties see them, without their private fields).
    found = ids_in(deliveries) | ids_in(events)
    assert {parse_global_id(i)[0] for i in found} >= {  # type: ignore[index]
        "DisputeCase",
        "TimelineEvent",
        "Document",
        "Message",
        "Offer",
        "Outcome",
        "User",
    }
    unresolved: dict[str, str] = {}
    for gid in sorted(found):
        answer = await crm.call(NODE, {"id": gid})
        node = (answer.get("data") or {}).get("node")
        if node is None or node["id"] != gid:
            unresolved[gid] = parse_global_id(gid)[0]  # type: ignore[index]
    assert unresolved == {}, f"node(id:) resolves these not for the client: {unresolved}"
    # A person named in an event is answered as the parties see them: no private field.
    people = sorted(i for i in found if parse_global_id(i)[0] == "User")  # type: ignore[index]
    for gid in people:
        answer = await crm.call(PERSON, {"id": gid})
        assert answer["data"]["node"] == {
            "id": gid,
            "displayName": answer["data"]["node"]["displayName"],
            "email": None,
            "locale": None,
            "timeZone": None,
            "createdAt": None,
            "claimPending": None,
            "memberships": [],
        }
        assert answer["data"]["node"]["displayName"]


async def test_an_event_resolves_by_its_id_only_for_those_who_may_read_its_scope(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    async with in_transaction():
        row = await DisputeCase.select_for_update().get(id=case.id)
        caucus = await record(
            row,
            EventKind.CASE_ACCEPTED,
            at=datetime.now(UTC),
            actor_id=None,
            actor_role=CaseRole.SYSTEM.value,
            payload={"is_complex": False, "note": "for the complainant's side"},
            visibility=Visibility.CAUCUS_COMPLAINANT,
        )
        await row.save(update_fields=["last_sequence", "head_hash"])
    public = await TimelineEvent.get(case_id=case.id, sequence=1)
    query = """
    query N($id: ID!) { node(id: $id) { id ... on TimelineEvent { sequence kind
      payload { ... on CaseAcceptedEventPayload { caseId note } } } } }
    """

    async def resolve(user: Any, pk: int) -> dict[str, Any]:
        token = await token_for(app, user)
        return await call(client, token, query, {"id": str(event_id(pk))})

    mine = await resolve(w.complainant, caucus.id)
    theirs = await resolve(w.agent, caucus.id)
    shared = await resolve(w.agent, public.id)
    stranger = await resolve(await factory.user(), public.id)

    assert mine["data"]["node"]["payload"] == {
        "caseId": to_global_id("DisputeCase", case.id),
        "note": "for the complainant's side",
    }
    # Another side's caucus event is answered like a missing one: null, no error.
    assert theirs == {"data": {"node": None}, "extensions": theirs["extensions"]}
    assert shared["data"]["node"]["kind"] == "CASE_REFERRED"
    assert stranger == {"data": {"node": None}, "extensions": stranger["extensions"]}
    assert json.dumps(theirs).count("for the complainant") == 0
    # Reading an event is reading the case file: in the access log, as the timeline is.
    reads = await AccessRecord.all().values_list("reader_id", "case_id")
    assert sorted(reads) == sorted([(w.complainant.id, case.id), (w.agent.id, case.id)])

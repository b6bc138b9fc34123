"""The visibility matrix of case files: for each scope and each role, exactly the expected
documents, messages and events, through every path (the case's connections, `node`, the
timeline, the bundle, download links), on the storage backend in use."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from portal.accounts.models import Role, User
from portal.api.node import to_global_id
from portal.app import create_app
from portal.auth.tokens import TokenKind
from portal.casefiles import services
from portal.casefiles.links import LinkKind, issue_link, link_path
from portal.casefiles.models import Document, Message
from portal.casefiles.storage import storage_of
from portal.cases.models import DisputeCase
from portal.cases.services import Action
from portal.settings import Settings
from portal.timeline.models import Visibility
from tests import samples
from tests.casefile_support import bearer, path_of
from tests.factories import Factory, World, actor_for, bare, quick_world
from tests.test_api_support import call, case_id, in_file_review, token_for

ALL, CAUCUS_C, CAUCUS_O, NEUTRAL, ORG, PROVIDER = (
    Visibility.ALL_PARTIES,
    Visibility.CAUCUS_COMPLAINANT,
    Visibility.CAUCUS_ORGANISATION,
    Visibility.NEUTRAL_ONLY,
    Visibility.ORGANISATION_INTERNAL,
    Visibility.PROVIDER_INTERNAL,
)
# What each role must see: READABLE_SCOPES, written out independently of the code.
EXPECTED: dict[str, set[Visibility]] = {
    "complainant": {ALL, CAUCUS_C},
    "representative": {ALL, CAUCUS_C},
    "agent": {ALL, CAUCUS_O, ORG},
    "manager": {ALL, CAUCUS_O, ORG},
    "neutral": {ALL, CAUCUS_C, CAUCUS_O, NEUTRAL},
    "caseworker": {ALL, PROVIDER},
    "auditor": {ALL},
    "other_agent": set(),
    "other_consumer": set(),
}

CASE_FILE = """
query C($id: ID!) {
  case(id: $id) {
    documents(first: 100) { edges { node { id filename visibility } } }
    history: documents(first: 100, history: true) { edges { node { filename } } }
    messages(first: 100) { edges { node { id body visibility } } }
    timeline(first: 100) { edges { node { kind visibility } } }
    unreadMessageCount
    bundleLink { url }
  }
}
"""
NODE = "query N($id: ID!) { node(id: $id) { id } }"
CASEFILE_EVENTS = {"document_uploaded", "message_posted"}


async def _writers(w: World) -> dict[Visibility, User]:
    return {
        ALL: w.complainant,
        CAUCUS_C: w.complainant,
        CAUCUS_O: w.agent,
        NEUTRAL: w.neutral,
        ORG: w.agent,
        PROVIDER: w.caseworker,
    }


async def _case_with_everything(
    factory: Factory, settings: Settings
) -> tuple[World, DisputeCase, dict[str, User]]:
    w = await quick_world(factory)
    representative = await factory.user()
    case = await w.new_case(representative_id=representative.id)
    case = await in_file_review(w, case)
    case = await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    case = await w.act(w.neutral, case, Action.DECLARE_IMPARTIALITY, impartial=True)
    storage = storage_of(settings)
    for scope, writer in (await _writers(w)).items():
        actor = await actor_for(writer)
        file = services.IncomingFile(f"{scope.value}.pdf", io.BytesIO(samples.PDF))
        await services.upload_document(
            storage, actor, case.id, file, scope, max_bytes=settings.document_max_bytes
        )
        await services.post_message(actor, case.id, scope.value, scope)
    other_organisation = await factory.organisation()
    readers = {
        "complainant": w.complainant,
        "representative": representative,
        "agent": w.agent,
        "manager": w.manager,
        "neutral": w.neutral,
        "caseworker": w.caseworker,
        "auditor": w.auditor,
        "other_agent": await factory.user(Role.ORG_AGENT, organisation=other_organisation),
        "other_consumer": await factory.user(),
    }
    return w, case, readers


def _scopes_of(names: list[str]) -> set[Visibility]:
    return {Visibility(n.removesuffix(".pdf")) for n in names}


async def _seen_through_every_path(
    client: httpx.AsyncClient, app: Starlette, case: DisputeCase, user: User
) -> dict[str, Any]:
    token = await token_for(app, user)
    body = await call(client, token, CASE_FILE, {"id": case_id(case)})
    seen: dict[str, Any] = {}
    data = (body["data"] or {}).get("case")
    if data is None:
        assert bare(body) == {"data": {"case": None}}  # issue 18: null, no error, as a missing case
        seen.update(documents=set(), history=set(), messages=set(), timeline=set(), bundle=None)
    else:
        documents = [e["node"] for e in data["documents"]["edges"]]
        seen["documents"] = _scopes_of([d["filename"] for d in documents])
        assert all(d["visibility"] == d["filename"].removesuffix(".pdf").upper() for d in documents)
        seen["history"] = _scopes_of([e["node"]["filename"] for e in data["history"]["edges"]])
        seen["messages"] = {Visibility(e["node"]["body"]) for e in data["messages"]["edges"]}
        seen["timeline"] = {
            Visibility(e["node"]["visibility"].lower())
            for e in data["timeline"]["edges"]
            if e["node"]["kind"].lower() in CASEFILE_EVENTS
        }
        bundle = await client.get(path_of(data["bundleLink"]["url"]), headers=bearer(token))
        archive = zipfile.ZipFile(io.BytesIO(bundle.content))
        timeline = json.loads(archive.read("timeline.json"))
        seen["bundle"] = (
            _scopes_of(
                [n.rsplit("/", 1)[1] for n in archive.namelist() if n.startswith("documents/")]
            ),
            {
                Visibility(e["visibility"])
                for e in timeline["events"]
                if e["kind"] in CASEFILE_EVENTS
            },
        )
    # node(id:) for every document and message of the case.
    seen["nodes"] = set()
    for model, type_name in ((Document, "Document"), (Message, "Message")):
        for row in await model.filter(case_id=case.id):
            found = await call(client, token, NODE, {"id": to_global_id(type_name, row.id)})
            if found.get("data") and found["data"]["node"]:
                seen["nodes"].add((type_name, row.visibility))
            else:
                assert bare(found) == {"data": {"node": None}}  # exactly like a missing one
    # A link issued to this reader for every document (as if they had got one somehow).
    actor = await app.state.auth.authenticate(token)
    seen["links"] = set()
    for row in await Document.filter(case_id=case.id):
        link = issue_link(app.state.auth.issuer, actor, LinkKind.DOCUMENT, row.id, 60)
        response = await client.get(link_path(LinkKind.DOCUMENT, link.token), headers=bearer(token))
        if response.status_code == 200:
            seen["links"].add(row.visibility)
        else:
            assert response.status_code == 404
    bundle_link = issue_link(app.state.auth.issuer, actor, LinkKind.BUNDLE, case.id, 60)
    response = await client.get(
        link_path(LinkKind.BUNDLE, bundle_link.token), headers=bearer(token)
    )
    seen["bundle_status"] = response.status_code
    return seen


@pytest.fixture(params=["local", "database"])
async def backend(
    request: pytest.FixtureRequest, settings: Settings, db: str
) -> AsyncIterator[tuple[httpx.AsyncClient, Starlette, Settings]]:
    """The app on each storage backend."""
    chosen = Settings(**{**settings.__dict__, "document_storage": request.param})
    app = create_app(chosen, manage_orm=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client, app, chosen


async def test_each_role_sees_exactly_its_scopes_through_every_path(
    backend: tuple[httpx.AsyncClient, Starlette, Settings], factory: Factory
) -> None:
    client, app, settings = backend
    _, case, readers = await _case_with_everything(factory, settings)

    for name, user in readers.items():
        seen = await _seen_through_every_path(client, app, case, user)
        scopes = EXPECTED[name]

        assert seen["documents"] == scopes, name
        assert seen["history"] == scopes, name
        assert seen["messages"] == scopes, name
        assert seen["timeline"] == scopes, name
        assert seen["nodes"] == {("Document", s) for s in scopes} | {
            ("Message", s) for s in scopes
        }, name
        assert seen["links"] == scopes, name
        if scopes:
            assert seen["bundle"] == (scopes, scopes), name
            assert seen["bundle_status"] == 200, name
        else:
            assert seen["bundle"] is None, name
            assert seen["bundle_status"] == 404, name


async def test_a_neutral_reads_no_case_file_before_declaring_impartiality(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    case = await in_file_review(w, await w.new_case())
    case = await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    actor = await actor_for(w.complainant)
    await services.upload_document(
        storage_of(settings),
        actor,
        case.id,
        services.IncomingFile("all_parties.pdf", io.BytesIO(samples.PDF)),
        ALL,
        max_bytes=settings.document_max_bytes,
    )
    await services.post_message(actor, case.id, "all_parties", ALL)

    seen = await _seen_through_every_path(client, app, case, w.neutral)

    assert (
        seen["documents"],
        seen["messages"],
        seen["timeline"],
        seen["nodes"],
        seen["links"],
    ) == (
        set(),
        set(),
        set(),
        set(),
        set(),
    )
    assert seen["bundle"] == (set(), set())


async def test_a_download_link_is_not_an_access_token(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    await w.new_case()
    link = app.state.auth.issuer.issue(TokenKind.DOWNLOAD, str(w.complainant.id), 60)

    response = await client.post(
        "/graphql", json={"query": "{ viewer { kind } }"}, headers=bearer(link)
    )

    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"

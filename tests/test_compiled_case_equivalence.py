"""Two executors, one answer (issue 17, 3) for the compiled operations on one case:
`CaseTimeline` (portal.api.compiled_timeline) and `CaseFile` (portal.api.compiled_casefile)
give the same response as strawberry, byte for byte, and write the same access-log records,
for every role on an own and a foreign case, every scope of the file, an empty timeline and
file, null fields, `after` cursors, `first: 0`, page boundaries and invalid ids.

The world and the principals are tests/test_compiled_equivalence.py's. Each request runs the
registered text through the app with `graphql_compiled` on and the one with it off (strawberry
only). The access log is compared through a spy on its one INSERT (the real one still runs):
each request's records, less when and from which request, must be the same. On SQLite the
compiled path is off by design: the test then checks that every answer was strawberry's.
"""

from __future__ import annotations

import io
from typing import Any

import httpx
import orjson
import pytest
from starlette.applications import Starlette

from portal import metrics
from portal.accesslog import services as accesslog
from portal.accesslog.models import AccessRecord
from portal.api.persisted import registry
from portal.automated.models import AutomatedDecision
from portal.casefiles import services as casefiles
from portal.casefiles.models import Document
from portal.casefiles.storage import storage_of
from portal.cases.models import DisputeCase
from portal.cases.states import CaseRole, Stage
from portal.ids import global_id
from portal.settings import Settings
from portal.timeline import services as timeline
from portal.timeline.catalogue import AUTOMATED_EVENTS, CATALOGUE, EventKind
from portal.timeline.models import TimelineEvent, Visibility
from tests import samples
from tests.access_matrix_world import Side
from tests.factories import Factory, actor_for, quick_world
from tests.sql_statements import statements
from tests.test_compiled_equivalence import (  # noqa: F401  (fixtures)
    ON_POSTGRES,
    _principals,
    _world,
    interpreted,
    interpreted_app,
    with_typenames,
)

TIMELINE = registry().by_name["CaseTimeline"].text
CASE_FILE = registry().by_name["CaseFile"].text
NAMES = {TIMELINE: "CaseTimeline", CASE_FILE: "CaseFile"}


def _compiled_count(operation: str) -> float:
    return sum(
        sample.value
        for family in metrics.GRAPHQL_OPERATIONS.collect()
        for sample in family.samples
        if sample.name.endswith("_total")
        and sample.labels.get("operation") == operation
        and sample.labels.get("executor") == "compiled"
    )


@pytest.fixture
def access_log(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """Each record the access log writes (the real INSERT still runs), as who read what in
    which role: the time, the page view's minute and the request id differ by request."""
    written: list[tuple[Any, ...]] = []
    insert = accesslog._insert

    async def spy(context: Any, record: AccessRecord | None) -> None:
        if record is None:  # a read already on record (the same request reads it twice)
            await insert(context, record)
            return
        written.append(
            (
                record.reader_kind,
                record.reader_id,
                record.role,
                record.action,
                record.case_id,
                record.case_reference,
                record.organisation_id,
                record.provider_id,
                record.target_type,
                record.target_id,
                record.ip,
                record.user_agent,
            )
        )
        await insert(context, record)

    monkeypatch.setattr(accesslog, "_insert", spy)
    return written


async def _both(
    compiled: tuple[Starlette, httpx.AsyncClient],
    strawberry: tuple[Starlette, httpx.AsyncClient],
    log: list[tuple[Any, ...]],
    token: str,
    variables: dict[str, Any],
    query: str,
) -> tuple[httpx.Response, httpx.Response]:
    """The same request through both apps; their access-log records must be the same."""
    answers = []
    records = []
    for app, client in (compiled, strawberry):
        app.state.rate_limits.clear()
        log.clear()
        # Both write their record: the second would otherwise find the page view on record.
        accesslog.forget_recorded_views()
        answers.append(
            await client.post(
                "/graphql",
                json={"query": query, "variables": variables, "operationName": NAMES.get(query)},
                headers={"Authorization": f"Bearer {token}"},
            )
        )
        records.append(list(log))
    assert records[0] == records[1], (variables, records)
    return answers[0], answers[1]


async def _file(side: Side, settings: Settings, case: DisputeCase) -> None:
    """Every scope of the file on ``case``: documents (one with a second version) and
    messages (a reply, one read by the agent, internal notes and caucus messages)."""
    w = side.w
    storage = storage_of(settings)
    complainant, agent = await actor_for(w.complainant), await actor_for(w.agent)
    caseworker, neutral = await actor_for(w.caseworker), await actor_for(w.neutral)

    async def upload(actor: Any, name: str, scope: Visibility) -> Any:
        return await casefiles.upload_document(
            storage,
            actor,
            case.id,
            casefiles.IncomingFile(name, io.BytesIO(samples.PDF)),
            scope,
            max_bytes=settings.document_max_bytes,
        )

    first = await upload(complainant, "statement.pdf", Visibility.ALL_PARTIES)
    await casefiles.supersede_document(
        storage,
        complainant,
        first.id,
        casefiles.IncomingFile("statement-2.pdf", io.BytesIO(samples.PDF + b"%2\n")),
        max_bytes=settings.document_max_bytes,
    )
    await upload(agent, "internal.pdf", Visibility.ORGANISATION_INTERNAL)
    await upload(complainant, "caucus.pdf", Visibility.CAUCUS_COMPLAINANT)
    hello = await casefiles.post_message(complainant, case.id, "Hi all", Visibility.ALL_PARTIES)
    await casefiles.post_message(agent, case.id, "Re: hi", reply_to_id=hello.id)
    await casefiles.mark_read(agent, case.id, [hello.id])
    await casefiles.post_message(agent, case.id, "Note", Visibility.ORGANISATION_INTERNAL)
    await casefiles.post_message(caseworker, case.id, "Ours", Visibility.PROVIDER_INTERNAL)
    await casefiles.post_message(complainant, case.id, "To you", Visibility.CAUCUS_COMPLAINANT)
    await casefiles.post_message(neutral, case.id, "Only us", Visibility.NEUTRAL_ONLY)


TIMELINE_VARIABLES: list[dict[str, Any]] = [
    {},
    {"first": 0},
    {"first": 1},
    {"first": 3},
    {"first": 50},
    {"first": 100},
    # Interpreted (not compiled) or refused: the same answer either way.
    {"first": 101},
    {"first": -1},
    {"first": "five"},
    {"after": "not a cursor"},
    {"after": "WyJ4Il0"},  # ["x"]
    {"unknown": 1},
]


async def test_compiled_case_operations_answer_as_strawberry_does(
    app: Starlette,
    client: httpx.AsyncClient,
    interpreted_app: Starlette,  # noqa: F811
    interpreted: httpx.AsyncClient,  # noqa: F811
    factory: Factory,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    access_log: list[tuple[Any, ...]],
) -> None:
    for each in (app, interpreted_app):
        monkeypatch.setattr(each.state.rate_limits, "clock", lambda: 0.0)
    home, away = await _world(app, factory, settings)
    people = await _principals(app, factory, home, away)
    org = home.w.organisation.id
    standing = await DisputeCase.filter(organisation_id=org, stage=Stage.IN_RESOLUTION).order_by(
        "created_at"
    )
    rich = standing[0]
    await _file(home, settings, rich)
    # An automated step and its decision (issue 20) on the rich case: the compiled path asks
    # the loader only for an event its statement finds a decision for.
    rich = await DisputeCase.get(id=rich.id)  # its head, after the file's events
    step = await timeline.append(
        rich,
        EventKind.NEUTRAL_CONFIRMED.value,
        at=rich.updated_at,
        actor_id=None,
        actor_role=CaseRole.SYSTEM.value,
        visibility=Visibility.ALL_PARTIES,
        payload=dict(CATALOGUE[EventKind.NEUTRAL_CONFIRMED].example),
    )
    await DisputeCase.filter(id=rich.id).update(
        last_sequence=rich.last_sequence, head_hash=rich.head_hash
    )
    await AutomatedDecision.create(
        case_id=rich.id,
        event_id=step.id,
        rule=AUTOMATED_EVENTS[EventKind.NEUTRAL_CONFIRMED],
        stage_before=Stage.IN_RESOLUTION,
        stage_after=Stage.IN_RESOLUTION,
        decided_at=step.occurred_at,
        review_due_at=step.occurred_at,
    )
    # An empty timeline and file: a case with no events at all (head "" at sequence 0).
    empty = await home.case_at(Stage.REFERRED)
    await TimelineEvent.filter(case_id=empty.id).delete()
    await DisputeCase.filter(id=empty.id).update(last_sequence=0, head_hash="")
    # A broken chain: verifyTimeline names the break (the same on both paths).
    broken = await home.case_at(Stage.ACCEPTED)
    last = await TimelineEvent.filter(case_id=broken.id).order_by("-sequence").first()
    assert last is not None
    await TimelineEvent.filter(id=last.id).update(hash="0" * 64)
    # Events the catalogue cannot show (EVENT_UNVERIFIABLE): a kind Parley never writes, and a
    # payload its kind does not fit. The compiled path leaves both to strawberry.
    unknown = await home.case_at(Stage.REFERRED)
    await TimelineEvent.filter(case_id=unknown.id, sequence=1).update(kind="note_added")
    unfit = await home.case_at(Stage.REFERRED)
    await TimelineEvent.filter(case_id=unfit.id, sequence=1).update(payload={"odd": 1})
    foreign = await DisputeCase.filter(organisation_id=away.w.organisation.id).first()
    assert foreign is not None
    ids: list[str] = [
        *(global_id("DisputeCase", c.id) for c in (rich, empty, broken, foreign)),
        *(global_id("DisputeCase", c.id) for c in (unknown, unfit)),
        rich.reference,
        *(global_id("DisputeCase", c.id) for c in standing[1:]),
        # Invalid ids: another type's, not an id at all, a reference nobody has, too long.
        global_id("Organisation", org),
        "not an id",
        "DR-0000-000000",
        "x" * 300,
    ]
    compiled_side, interpreted_side = (app, client), (interpreted_app, interpreted)
    before = {name: _compiled_count(name) for name in ("CaseTimeline", "CaseFile")}
    seen: dict[str, set[str]] = {who.name: set() for who in people}
    codes: set[tuple[str, str]] = set()
    for who in people:
        # The validation cache holds a document once strawberry validated it: the first
        # request of a process is interpreted.
        for query in (TIMELINE, CASE_FILE):
            await _both(
                compiled_side, interpreted_side, access_log, who.token, {"id": ids[0]}, query
            )
        for case_id in ids:
            got, want = await _both(
                compiled_side, interpreted_side, access_log, who.token, {"id": case_id}, CASE_FILE
            )
            assert got.status_code == want.status_code, (who.name, case_id)
            assert got.content == want.content, (who.name, case_id, got.text, want.text)
            body = orjson.loads(got.content)
            if (body.get("data") or {}).get("case"):
                file = body["data"]["case"]
                for part in ("documents", "messages"):
                    seen[who.name] |= {
                        f"{part} {edge['node']['visibility']}" for edge in file[part]["edges"]
                    }
            # Every page and variable on the rich and the empty case; the first page of the
            # others.
            for variables in TIMELINE_VARIABLES if case_id in ids[:2] else [{}, {"first": 2}]:
                variables = {"id": case_id, **variables}
                got, want = await _both(
                    compiled_side, interpreted_side, access_log, who.token, variables, TIMELINE
                )
                assert got.status_code == want.status_code, (who.name, variables)
                assert got.content == want.content, (who.name, variables, got.text, want.text)
                for error in orjson.loads(got.content).get("errors") or ():
                    codes.add((case_id, error.get("extensions", {}).get("code")))
        # Page through the rich case's timeline three at a time, forward from each
        # `endCursor`; once more past the end (an empty page keeps the cursor).
        after: str | None = None
        while True:
            variables = {"id": ids[0], "first": 3, "after": after}
            got, want = await _both(
                compiled_side, interpreted_side, access_log, who.token, variables, TIMELINE
            )
            assert got.content == want.content, (who.name, variables, got.text, want.text)
            body = orjson.loads(got.content)
            case = (body.get("data") or {}).get("case")
            if case is None:
                break
            page = case["timeline"]
            after = page["pageInfo"]["endCursor"]
            if not page["pageInfo"]["hasNextPage"]:
                variables = {"id": ids[0], "first": 3, "after": after}
                got, want = await _both(
                    compiled_side, interpreted_side, access_log, who.token, variables, TIMELINE
                )
                assert got.content == want.content, (who.name, variables, got.text)
                break
    # As the web portal's client sends them: `__typename` in every selection set.
    typed_before = {name: _compiled_count(name) for name in ("CaseTimeline", "CaseFile")}
    for query in (TIMELINE, CASE_FILE):
        typed = with_typenames(query)
        NAMES[typed] = NAMES[query]
        for who in people:
            await _both(
                compiled_side, interpreted_side, access_log, who.token, {"id": ids[0]}, typed
            )
            for case_id in ids[:4]:
                for variables in ({"id": case_id}, {"id": case_id, "first": 2}):
                    got, want = await _both(
                        compiled_side, interpreted_side, access_log, who.token, variables, typed
                    )
                    assert got.content == want.content, (who.name, variables, got.text)
    compiled = {name: _compiled_count(name) - before[name] for name in before}
    typed_answers = {name: _compiled_count(name) - typed_before[name] for name in before}
    # The roles saw different parts of the file: the scopes were asked.
    for case in (unknown, unfit):
        assert (global_id("DisputeCase", case.id), "EVENT_UNVERIFIABLE") in codes
    assert (global_id("DisputeCase", foreign.id), "NOT_FOUND") in codes
    assert seen["consumer with no case"] == set()
    assert "messages ORGANISATION_INTERNAL" in seen["organisation agent"]
    assert "documents CAUCUS_COMPLAINANT" in seen["consumer (own cases)"]
    assert "messages NEUTRAL_ONLY" in seen["neutral"]
    assert "messages PROVIDER_INTERNAL" in seen["provider caseworker"]
    assert "messages ORGANISATION_INTERNAL" not in seen["consumer (own cases)"]
    assert "documents CAUCUS_COMPLAINANT" not in seen["organisation agent"]
    if ON_POSTGRES:
        for name in before:
            assert compiled[name] > len(people) * 3, f"the compiled path did not answer {name}"
            assert typed_answers[name] >= len(people), f"urql's {name} was not compiled"
    else:
        # SQLite: the compiled path is PostgreSQL only; every answer was strawberry's.
        assert set(compiled.values()) == set(typed_answers.values()) == {0}


async def test_compiled_case_operations_send_as_many_statements_for_a_long_file(
    app: Starlette, client: httpx.AsyncClient, factory: Factory, settings: Settings
) -> None:
    """A case file or timeline page costs a fixed number of statements, however many
    documents, versions and messages it holds (interpreted, each document's versions cost one
    more)."""
    if not ON_POSTGRES:
        pytest.skip("the compiled path runs on PostgreSQL only; SQLite is interpreted")
    w = await quick_world(factory)
    case = await w.new_case()
    complainant = await actor_for(w.complainant)
    storage = storage_of(settings)
    token = str((await app.state.auth.start_session(w.complainant, method="password")).access_token)
    variables = {"id": global_id("DisputeCase", case.id)}

    async def sent(query: str, more: dict[str, Any]) -> int:
        for _ in range(2):  # validated once: the first request of a text is interpreted
            app.state.rate_limits.clear()
            before = _compiled_count(NAMES[query])
            accesslog.forget_recorded_views()  # each counts its access-log INSERT
            with statements() as sql:
                response = await client.post(
                    "/graphql",
                    json={"query": query, "variables": {**variables, **more}},
                    headers={"Authorization": f"Bearer {token}"},
                )
            assert response.status_code == 200, response.text
            assert "errors" not in response.json(), response.text
        assert _compiled_count(NAMES[query]) == before + 1
        return len(sql)

    counts: dict[str, list[int]] = {"file": [], "timeline": []}
    for documents in (1, 4):
        while await Document.filter(case_id=case.id).count() < documents:
            await casefiles.upload_document(
                storage,
                complainant,
                case.id,
                casefiles.IncomingFile("statement.pdf", io.BytesIO(samples.PDF)),
                Visibility.ALL_PARTIES,
                max_bytes=settings.document_max_bytes,
            )
            await casefiles.post_message(complainant, case.id, "More", Visibility.ALL_PARTIES)
        counts["file"].append(await sent(CASE_FILE, {}))
        counts["timeline"].append(await sent(TIMELINE, {"first": documents}))
    # Both: authentication, the case with the rows its access is decided on, the page's one
    # statement, the access log's INSERT; the file also asks which documents its groups share.
    assert counts == {"file": [5, 5], "timeline": [4, 4]}

"""Two executors, one answer (issue 17, 3) for the case page: the compiled `CasePage`
(portal.api.compiled_casepage) and strawberry give the same response, byte for byte, for
every role, on own and foreign cases, missing and malformed ids, every stage (offers,
outcomes, consents and appointments present and absent), in both languages; and write the
same access log.

Each request runs the registered text through two apps over the same database (the fixtures
of tests/test_compiled_equivalence.py): one with `graphql_compiled` on and one with it off.
On SQLite the compiled path is off by design: the test then checks that every answer was
strawberry's, and says so.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from portal import metrics
from portal.accesslog.models import AccessRecord
from portal.api.persisted import registry
from portal.auth.tokens import TokenKind
from portal.casefiles import services as casefiles
from portal.cases.models import DisputeCase, Offer
from portal.cases.services import Action
from portal.cases.states import Method, Stage
from portal.ids import global_id
from portal.settings import Settings
from portal.timeline.models import Visibility
from tests.factories import Factory, actor_for
from tests.test_api_support import call, token_for
from tests.test_compiled_equivalence import (  # noqa: F401  (fixtures)
    ON_POSTGRES,
    _principals,
    _world,
    interpreted,
    interpreted_app,
    with_typenames,
)

CASE_PAGE = registry().by_name["CasePage"].text

PROFILE = """
mutation P($input: UpdateProviderProfileInput!) {
  updateProviderProfile(input: $input) { userErrors { code } }
}
"""


async def _one(
    app: Starlette,
    client: httpx.AsyncClient,
    token: str,
    variables: Any,
    query: str = CASE_PAGE,
    request_id: str = "",
) -> httpx.Response:
    app.state.rate_limits.clear()
    headers = {"Authorization": f"Bearer {token}"}
    if request_id:
        headers["X-Request-ID"] = request_id
    return await client.post(
        "/graphql",
        json={"query": query, "variables": variables, "operationName": "CasePage"},
        headers=headers,
    )


SURVEY_TOKEN = re.compile(rb"#token=([A-Za-z0-9_.-]+)")


def _surveys(app: Starlette, response: httpx.Response) -> bytes:
    """The answer with each survey link's token (a signed token, new for every request,
    whoever answers) replaced by the invitation it names, once verified."""

    def named(found: re.Match[bytes]) -> bytes:
        claims = app.state.auth.issuer.verify(found.group(1).decode(), TokenKind.SURVEY)
        return b"#invitation=" + str(claims["sub"]).encode()

    return SURVEY_TOKEN.sub(named, response.content)


def _diff(got: httpx.Response, want: httpx.Response) -> str:
    """Where two answers part, with some context."""
    a, b = got.text, want.text
    at = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    return f"compiled: ...{a[at - 300 : at + 200]}\ninterpreted: ...{b[at - 300 : at + 200]}"


def _compiled_count() -> float:
    return sum(
        sample.value
        for family in metrics.GRAPHQL_OPERATIONS.collect()
        for sample in family.samples
        if sample.name.endswith("_total")
        and sample.labels.get("operation") == "CasePage"
        and sample.labels.get("executor") == "compiled"
    )


async def _more_cases(app: Starlette, client: httpx.AsyncClient, home: Any) -> None:
    """What `_world` leaves out: a binding award under review, a counter-offer, an outcome
    accepted by both, and a published provider profile translated into Chinese."""
    w = home.w
    await home.case_at(Stage.UNDER_REVIEW, Method.ARBITRATION_BINDING)
    await home.case_at(Stage.CLOSED)
    bargaining = await home.case_at(Stage.IN_RESOLUTION, Method.CONCILIATION)
    await home.offer_by(bargaining, w.agent)
    offer = await Offer.filter(case_id=bargaining.id).order_by("-made_at").first()
    assert offer is not None
    await home.act(
        w.complainant,
        bargaining,
        Action.MAKE_OFFER,
        amount="90.00",
        terms="Refund 90",
        replying_to=offer.id,
    )
    # Messages in several scopes, one read (unreadMessageCount counts those of the reader's
    # scopes), and an extended clock (extensionNotices).
    complainant, agent = await actor_for(w.complainant), await actor_for(w.agent)
    caseworker, neutral = await actor_for(w.caseworker), await actor_for(w.neutral)
    hello = await casefiles.post_message(complainant, bargaining.id, "Hi", Visibility.ALL_PARTIES)
    await casefiles.post_message(agent, bargaining.id, "Re: hi", Visibility.ALL_PARTIES)
    await casefiles.mark_read(agent, bargaining.id, [hello.id])
    await casefiles.post_message(agent, bargaining.id, "Note", Visibility.ORGANISATION_INTERNAL)
    await casefiles.post_message(caseworker, bargaining.id, "Ours", Visibility.PROVIDER_INTERNAL)
    await casefiles.post_message(
        complainant, bargaining.id, "To you", Visibility.CAUCUS_COMPLAINANT
    )
    await casefiles.post_message(neutral, bargaining.id, "Only us", Visibility.NEUTRAL_ONLY)
    accepted = await home.case_at(Stage.ACCEPTED)
    await home.act(
        w.caseworker, accepted, Action.EXTEND_CLOCK, clock="consent", days=3, reason="Awaited."
    )
    body = await call(
        client,
        await token_for(app, w.caseworker),
        PROFILE,
        {
            "input": {
                "providerId": global_id("Provider", w.provider.id),
                "summary": "Energy disputes.",
                "fees": "Free for consumers.",
                "legalEffect": "Recommendations are not binding.",
                "textLanguage": "en",
                "translations": [
                    {"language": "ZH_HANS", "fees": "消费者免费。", "legalEffect": "没有约束力。"}
                ],
            }
        },
    )
    assert body["data"]["updateProviderProfile"]["userErrors"] == [], body


LANGUAGES: list[dict[str, Any]] = [{}, {"language": "EN"}, {"language": "ZH_HANS"}]


async def test_compiled_case_page_answers_as_strawberry_does(
    app: Starlette,
    client: httpx.AsyncClient,
    interpreted_app: Starlette,  # noqa: F811
    interpreted: httpx.AsyncClient,  # noqa: F811
    factory: Factory,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for each in (app, interpreted_app):
        monkeypatch.setattr(each.state.rate_limits, "clock", lambda: 0.0)
    home, away = await _world(app, factory, settings)
    await _more_cases(app, client, home)
    people = await _principals(app, factory, home, away)
    cases = await DisputeCase.all().order_by("created_at")
    ids = [global_id("DisputeCase", case.id) for case in cases]
    # By reference too, and what finds nothing: a missing case, another type's id, a
    # malformed id, a reference too long to be one.
    odd = [
        cases[0].reference,
        cases[-1].reference,
        global_id("DisputeCase", uuid.uuid4()),
        global_id("Offer", cases[0].id),
        "not an id",
        "x" * 200,
        "",
    ]
    stages = {case.stage for case in cases}
    assert {Stage.REFERRED, Stage.IN_RESOLUTION, Stage.OUTCOME_PROPOSED, Stage.CLOSED} <= stages
    assert await Offer.filter(replying_to_id__not_isnull=True).exists()
    refused: list[dict[str, Any]] = [
        {},
        {"id": None},
        {"id": ids[0], "language": "KLINGON"},
        {"id": ids[0], "language": 5},
        {"id": 5},
        {"id": ids[0], "unknown": 1},
    ]
    before = _compiled_count()
    seen: dict[str, int] = {}
    unread: set[int] = set()
    notices = 0
    typed = with_typenames(CASE_PAGE)
    for who in people:
        # The validation cache holds a document once strawberry validated it: the first
        # request of a process is interpreted.
        await _one(app, client, who.token, {"id": ids[0]})
        await _one(app, client, who.token, {"id": ids[0]}, typed)
        seen[who.name] = 0
        asked = [{"id": i, **language} for i in ids for language in LANGUAGES]
        asked += [{"id": i} for i in odd] + refused
        for variables in asked:
            for query in (CASE_PAGE,) if variables.get("language") else (CASE_PAGE, typed):
                got = await _one(app, client, who.token, variables, query)
                want = await _one(interpreted_app, interpreted, who.token, variables, query)
                assert got.status_code == want.status_code, (who.name, variables)
                assert got.headers["content-type"] == want.headers["content-type"]
                got_content, want_content = _surveys(app, got), _surveys(app, want)
                assert got_content == want_content, (who.name, variables, _diff(got, want))
                body = got.json()
                page = (body.get("data") or {}).get("case")
                if page is not None:
                    seen[who.name] += 1
                    unread.add(page["unreadMessageCount"])
                    notices += sum(len(c["extensionNotices"]) for c in page["clocks"])
    compiled_answers = _compiled_count() - before
    # Somebody saw every case, somebody saw none, and every role was asked.
    assert seen["admin"] >= len(ids) * 4
    assert seen["consumer with no case"] == 0
    assert seen["consumer (own cases)"] > 0
    assert seen["consumer (the other side's)"] > 0
    assert seen["neutral"] > 0
    assert seen["provider caseworker"] > 0
    # Unread counts that differ by reader and scope, and extensions shown.
    assert len(unread - {0}) >= 2, unread
    assert notices > 0
    if ON_POSTGRES:
        # Every case in each language and both texts, and every id that finds nothing, in
        # both texts, for everyone whose token may read cases: none gave way to strawberry.
        # (A client without the `read` scope is refused before: strawberry answers that.)
        reading = [p for p in people if not p.name.endswith(("(webhooks)", "(write)"))]
        assert len(reading) == len(people) - 2
        assert compiled_answers >= len(reading) * (len(ids) * 4 + len(odd) * 2), (
            "the compiled path did not answer"
        )
    else:
        # SQLite: the compiled path is PostgreSQL only; every answer was strawberry's.
        assert compiled_answers == 0


def _logged(record: AccessRecord, case: DisputeCase) -> tuple[Any, ...]:
    assert (record.case_id, record.case_reference, record.target_id) == (
        case.id,
        case.reference,
        str(case.id),
    )
    return (
        record.reader_kind,
        record.reader_id,
        record.role,
        record.action,
        record.organisation_id,
        record.provider_id,
        record.target_type,
        record.ip,
        record.user_agent,
        record.visit is not None,
    )


async def test_compiled_case_page_writes_the_access_log_as_strawberry_does(
    app: Starlette,
    client: httpx.AsyncClient,
    interpreted_app: Starlette,  # noqa: F811
    interpreted: httpx.AsyncClient,  # noqa: F811
    factory: Factory,
    settings: Settings,
) -> None:
    """Each reader opens one case through each path (a page view is one record per reader
    and case and minute, so the two paths read two cases alike): the same record, or none."""
    home, away = await _world(app, factory, settings)
    people = await _principals(app, factory, home, away)
    pair = [await home.case_at(Stage.IN_RESOLUTION) for _ in range(2)]
    before = _compiled_count()
    for n, who in enumerate(people):
        await _one(app, client, who.token, {"id": "warm-up"})  # validated once
        logged = []
        for (each_app, each_client), case in zip(
            ((app, client), (interpreted_app, interpreted)), pair, strict=True
        ):
            request_id = f"case-page-{n}-{each_app is app}"
            response = await _one(
                each_app,
                each_client,
                who.token,
                {"id": global_id("DisputeCase", case.id)},
                request_id=request_id,
            )
            written = await AccessRecord.filter(request_id=request_id)
            logged.append((response.status_code, [_logged(record, case) for record in written]))
        assert logged[0] == logged[1], who.name
        if who.name == "consumer with no case":
            assert logged[0] == (200, [])
        if who.name == "consumer (own cases)":
            assert [entry[2] for entry in logged[0][1]] == ["complainant"]
    if ON_POSTGRES:
        assert _compiled_count() - before >= len(people)

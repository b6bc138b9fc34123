"""A person's calendar feed (issue 20, 1): a secret URL, stored hashed, that serves only the
sessions its owner may see, in their time zone, and answers 404 once revoked or re-issued."""

from __future__ import annotations

import hashlib
import logging

import httpx
import icalendar
import pytest
from starlette.applications import Starlette

from portal.accounts.models import Role
from portal.ids import parse_global_id
from portal.sessions.calendar import uid_of
from portal.sessions.models import CalendarFeed
from tests.factories import Factory, quick_world
from tests.session_support import done, proposal, slots_ahead, with_neutral
from tests.test_api_support import call, case_id, token_for

SET_FEED = """
mutation F($input: SetCalendarFeedInput!) {
  setCalendarFeed(input: $input) { feed { issuedAt } feedUrl userErrors { code } }
}
"""
FEED = "{ calendarFeed { issuedAt } }"


async def _feed_url(client: httpx.AsyncClient, token: str) -> str:
    body = await call(client, token, SET_FEED, {"input": {"active": True}})
    payload = body["data"]["setCalendarFeed"]
    assert payload["userErrors"] == []
    assert payload["feed"] is not None
    url: str = payload["feedUrl"]
    return url


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def _uid(session_gid: str) -> str:
    parsed = parse_global_id(session_gid)
    assert parsed is not None
    return uid_of(parsed[1])


def _uids(response: httpx.Response) -> set[str]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(e["UID"]) for e in calendar.walk("VEVENT")}


async def test_the_feed_serves_only_its_owners_sessions_and_stops_when_revoked(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    # Given two cases, each with a scheduled session, and on the first a caucus with the
    # organisation's side
    w, other = await quick_world(factory), await quick_world(factory)
    mine = await with_neutral(w, await w.new_case())
    theirs = await with_neutral(other, await other.new_case())
    neutral = await token_for(app, w.neutral)
    ids: dict[str, str] = {}
    slots = slots_ahead(3)
    for key, case, token, visibility in (
        ("open", mine, neutral, "ALL_PARTIES"),
        ("caucus", mine, neutral, "CAUCUS_ORGANISATION"),
        ("foreign", theirs, await token_for(app, other.neutral), "ALL_PARTIES"),
    ):
        session = await done(
            client, token, "proposeSession", **proposal(case_id(case), slots, visibility)
        )
        await done(client, token, "confirmSessionSlot", sessionId=session["id"], slotNumber=1)
        ids[key] = session["id"]
    # (and one called off before it had a time: it never reached a calendar)
    dropped = await done(
        client, neutral, "proposeSession", **proposal(case_id(mine), slots_ahead(4))
    )
    await done(client, neutral, "cancelSession", sessionId=dropped["id"], reason="Not needed.")
    w.complainant.time_zone = "Asia/Shanghai"
    await w.complainant.save(update_fields=["time_zone"])

    # When the complainant issues a feed
    complainant = await token_for(app, w.complainant)
    url = await _feed_url(client, complainant)
    token = url.rsplit("/", 1)[1].removesuffix(".ics")

    # Then only its hash is kept, and it serves the complainant's one visible session, in
    # their zone
    stored = await CalendarFeed.get(user_id=w.complainant.id)
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest() != token
    response = await client.get(_path(url))
    uid = _uid(ids["open"])
    assert _uids(response) == {uid}
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    start = event.decoded("DTSTART")
    assert str(start.tzinfo) == "Asia/Shanghai"
    assert start == slots[0]
    # The organisation's agent's own feed has the open session and its caucus, not the other case's
    agent_url = await _feed_url(client, await token_for(app, w.agent))
    assert _uids(await client.get(_path(agent_url))) == {uid, _uid(ids["caucus"])}
    assert (await call(client, complainant, FEED))["data"]["calendarFeed"] is not None
    # An auditor and an admin read these cases and take part in none of their sessions: a
    # long-lived feed URL holds none of them
    admin = await factory.user(Role.ADMIN)
    for reader in (w.auditor, admin):
        reader_url = await _feed_url(client, await token_for(app, reader))
        assert _uids(await client.get(_path(reader_url))) == set()

    # When it is re-issued, the old URL answers 404 and the new one serves
    newer = await _feed_url(client, complainant)
    assert (await client.get(_path(url))).status_code == 404
    assert _uids(await client.get(_path(newer))) == {uid}

    # When it is revoked, it answers 404 like an unknown one, and the account shows none
    body = await call(client, complainant, SET_FEED, {"input": {"active": False}})
    assert body["data"]["setCalendarFeed"] == {"feed": None, "feedUrl": None, "userErrors": []}
    revoked = await client.get(_path(newer))
    unknown = await client.get("/calendar/not-a-token.ics")
    assert revoked.status_code == unknown.status_code == 404
    assert revoked.json() == unknown.json()
    assert (await call(client, complainant, FEED))["data"]["calendarFeed"] is None


async def test_an_integration_client_has_no_feed(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    account = await factory.service_account(organisation=w.organisation)
    issued = await client.post(
        "/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(account.account.client_id, account.client_secret),
    )
    body = await call(client, issued.json()["access_token"], SET_FEED, {"input": {"active": True}})
    assert body["data"]["setCalendarFeed"]["userErrors"] == [{"code": "FORBIDDEN"}]
    assert await CalendarFeed.all().count() == 0


async def test_the_access_log_never_holds_a_feeds_token(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, caplog: pytest.LogCaptureFixture
) -> None:
    w = await quick_world(factory)
    url = await _feed_url(client, await token_for(app, w.complainant))
    secret = _path(url).removeprefix("/calendar/").removesuffix(".ics")

    with caplog.at_level(logging.INFO):
        assert (await client.get(_path(url))).status_code == 200
        assert (await client.get("/calendar/not-a-feed.ics")).status_code == 404

    # What the server logs (the test's own HTTP client logs the URL it asked for).
    lines = [r.getMessage() for r in caplog.records if r.name.startswith("portal")]
    assert sum("GET /calendar/… 200" in line for line in lines) == 1
    assert sum("GET /calendar/… 404" in line for line in lines) == 1
    assert not any(secret in line or "not-a-feed" in line for line in lines)

"""A case's timeline over GraphQL: filtered by what each role may read, paged by sequence, and
`verifyTimeline` with and without a kept receipt."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

import httpx
from starlette.applications import Starlette
from tortoise.transactions import in_transaction

from portal.cases.events import EventKind, record
from portal.cases.models import DisputeCase
from portal.cases.services import Action
from portal.cases.states import CaseRole
from portal.timeline.models import TimelineEvent, Visibility
from tests.factories import Factory, quick_world
from tests.test_api_support import call, case_id, codes, in_file_review, token_for

# --- the timeline ------------------------------------------------------------------------------

TIMELINE = """
query T($id: ID!, $first: Int, $after: String) {
  case(id: $id) {
    timelineHead { sequence hash }
    timeline(first: $first, after: $after) {
      edges { cursor node {
        sequence kind visibility actorRole payload { ...Note } hash prevHash
      } }
      pageInfo { hasNextPage endCursor }
    }
  }
}
fragment Note on EventPayload { ... on CaseAcceptedEventPayload { note } }
"""


async def _note(case: DisputeCase, visibility: Visibility, text: str) -> None:
    """A fact only some may read (a caucus note, say), written as the services write events."""
    async with in_transaction():
        row = await DisputeCase.select_for_update().get(id=case.id)
        await record(
            row,
            EventKind.CASE_ACCEPTED,
            at=datetime.now(UTC),
            actor_id=None,
            actor_role=CaseRole.SYSTEM.value,
            payload={"is_complex": False, "note": text},
            visibility=visibility,
        )
        await row.save(update_fields=["last_sequence", "head_hash"])


async def _kinds_seen(client: httpx.AsyncClient, token: str, case: DisputeCase) -> list[str]:
    body = await call(client, token, TIMELINE, {"id": case_id(case), "first": 100})
    edges = body["data"]["case"]["timeline"]["edges"]
    return [e["node"]["payload"].get("note") or e["node"]["kind"].lower() for e in edges]


async def test_the_timeline_shows_each_role_only_the_scopes_it_may_read(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    for scope in Visibility:
        if scope is not Visibility.ALL_PARTIES:
            await _note(case, scope, scope.value)
    public = ["case_referred", "clock_started"]

    seen = {
        name: await _kinds_seen(client, await token_for(app, user), case)
        for name, user in {
            "complainant": w.complainant,
            "agent": w.agent,
            "caseworker": w.caseworker,
            "auditor": w.auditor,
        }.items()
    }

    assert seen == {
        "complainant": [*public, "caucus_complainant"],
        "agent": [*public, "caucus_organisation", "organisation_internal"],
        "caseworker": [*public, "provider_internal"],
        "auditor": public,
    }


async def test_a_neutral_reads_the_timeline_only_after_declaring(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await in_file_review(w, await w.new_case())
    case = await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    token = await token_for(app, w.neutral)
    before = await _kinds_seen(client, token, case)

    await w.act(w.neutral, case, Action.DECLARE_IMPARTIALITY, impartial=True)

    assert before == []
    assert "impartiality_declared" in await _kinds_seen(client, token, case)


async def test_the_timeline_pages_by_sequence_and_chains_by_hash(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await in_file_review(w, await w.new_case())
    token = await token_for(app, w.agent)

    events: list[dict[str, Any]] = []
    after = None
    pages = 0
    while True:
        body = await call(
            client, token, TIMELINE, {"id": case_id(case), "first": 4, "after": after}
        )
        timeline = body["data"]["case"]["timeline"]
        events += [e["node"] for e in timeline["edges"]]
        pages += 1
        if not timeline["pageInfo"]["hasNextPage"]:
            break
        after = timeline["pageInfo"]["endCursor"]
    head = body["data"]["case"]["timelineHead"]

    stored = await TimelineEvent.filter(case_id=case.id).count()
    assert [e["sequence"] for e in events] == list(range(1, stored + 1))
    assert pages == -(-stored // 4)
    assert all(b["prevHash"] == a["hash"] for a, b in itertools.pairwise(events))
    assert head == {"sequence": stored, "hash": events[-1]["hash"]}
    assert events[0]["actorRole"] == "COMPLAINANT"


# --- verifyTimeline ----------------------------------------------------------------------------

VERIFY = """
query V($id: ID!, $receipt: TimelineReceiptInput) {
  verifyTimeline(caseId: $id, receipt: $receipt) {
    ok result length headHash firstBrokenSequence
  }
}
"""


async def _verify(
    client: httpx.AsyncClient, token: str, case: DisputeCase, receipt: Any = None
) -> dict[str, Any]:
    body = await call(client, token, VERIFY, {"id": case_id(case), "receipt": receipt})
    result: dict[str, Any] = body["data"]["verifyTimeline"] if body["data"] else body
    return result


async def test_verify_timeline_reports_the_first_altered_event(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await in_file_review(w, await w.new_case())
    token = await token_for(app, w.complainant)
    row = await DisputeCase.get(id=case.id)
    receipt = {"sequence": 3, "hash": (await TimelineEvent.get(case_id=case.id, sequence=3)).hash}

    intact = await _verify(client, token, case, receipt)
    await TimelineEvent.filter(case_id=case.id, sequence=4).update(payload={"forged": True})
    altered = await _verify(client, token, case)

    assert intact == {
        "ok": True,
        "result": "INTACT",
        "length": row.last_sequence,
        "headHash": row.head_hash,
        "firstBrokenSequence": None,
    }
    assert altered == {**intact, "ok": False, "result": "CHAIN_BROKEN", "firstBrokenSequence": 4}


async def test_verify_timeline_tells_a_bad_receipt_from_a_broken_chain(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    """Issue 19: a receipt that does not match, one from beyond the head, and a chain that
    breaks by itself are three answers, and only a broken chain names a sequence."""
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.agent)
    length = (await DisputeCase.get(id=case.id)).last_sequence
    good = {"sequence": 2, "hash": (await TimelineEvent.get(case_id=case.id, sequence=2)).hash}

    intact = await _verify(client, token, case, good)
    mismatch = await _verify(client, token, case, {"sequence": 2, "hash": "0" * 64})
    future = await _verify(client, token, case, {"sequence": length + 1, "hash": good["hash"]})
    await TimelineEvent.filter(case_id=case.id, sequence=2).update(actor_role="neutral")
    broken = await _verify(client, token, case, good)

    assert (intact["ok"], intact["result"], intact["firstBrokenSequence"]) == (True, "INTACT", None)
    assert (mismatch["ok"], mismatch["result"], mismatch["firstBrokenSequence"]) == (
        False,
        "RECEIPT_MISMATCH",
        None,
    )
    assert (future["ok"], future["result"], future["firstBrokenSequence"]) == (
        False,
        "RECEIPT_FROM_FUTURE",
        None,
    )
    assert (broken["ok"], broken["result"], broken["firstBrokenSequence"]) == (
        False,
        "CHAIN_BROKEN",
        2,
    )
    assert {mismatch["length"], future["length"], broken["length"]} == {length}


async def test_verify_timeline_of_a_foreign_case_is_not_found(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w, other = await quick_world(factory), await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, other.complainant)

    foreign = await _verify(client, token, case)
    bad_receipt = await _verify(
        client, await token_for(app, w.agent), case, {"sequence": 0, "hash": ""}
    )

    assert codes(foreign) == ["NOT_FOUND"]
    assert codes(bad_receipt) == ["BAD_USER_INPUT"]


# --- verifyReceipt -----------------------------------------------------------------------------

CHECK = """
query C($id: ID!, $sequence: Int!, $hash: String!) {
  verifyReceipt(caseId: $id, sequence: $sequence, headHash: $hash) {
    result sequence length headHash brokenAtSequence
  }
}
"""


async def _check(
    client: httpx.AsyncClient, token: str, case: DisputeCase, sequence: int, hash: str
) -> dict[str, Any]:
    variables = {"id": case_id(case), "sequence": sequence, "hash": hash}
    body = await call(client, token, CHECK, variables)
    result: dict[str, Any] = body["data"]["verifyReceipt"] if body["data"] else body
    return result


async def _hash_at(case: DisputeCase, sequence: int) -> str:
    return (await TimelineEvent.get(case_id=case.id, sequence=sequence)).hash


async def test_a_kept_receipt_matches_the_live_chain_it_came_from(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await in_file_review(w, await w.new_case())
    token = await token_for(app, w.complainant)
    row = await DisputeCase.get(id=case.id)
    head = (await call(client, token, TIMELINE, {"id": case_id(case)}))["data"]["case"]

    kept = head["timelineHead"]
    now_head = await _check(client, token, case, kept["sequence"], kept["hash"])
    earlier = await _check(client, token, case, 2, (await _hash_at(case, 2)).upper())

    assert now_head == {
        "result": "MATCHES",
        "sequence": row.last_sequence,
        "length": row.last_sequence,
        "headHash": row.head_hash,
        "brokenAtSequence": None,
    }
    assert earlier == {**now_head, "sequence": 2}


async def test_a_receipt_of_another_head_differs_and_one_past_the_end_is_unknown(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await in_file_review(w, await w.new_case())
    token = await token_for(app, w.agent)
    length = (await DisputeCase.get(id=case.id)).last_sequence

    other = await _check(client, token, case, 2, await _hash_at(case, 3))
    beyond = await _check(client, token, case, length + 1, await _hash_at(case, 1))

    assert (other["result"], other["brokenAtSequence"]) == ("DIFFERS", None)
    assert (beyond["result"], beyond["length"]) == ("UNKNOWN_SEQUENCE", length)


async def test_a_tampered_chain_is_reported_broken_at_the_altered_event(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await in_file_review(w, await w.new_case())
    token = await token_for(app, w.complainant)
    kept = {"sequence": 2, "hash": await _hash_at(case, 2)}
    before = await _check(client, token, case, kept["sequence"], kept["hash"])

    # An edit after the receipt's sequence: the receipt's own event is untouched.
    await TimelineEvent.filter(case_id=case.id, sequence=4).update(payload={"forged": True})
    after = await _check(client, token, case, kept["sequence"], kept["hash"])

    assert before["result"] == "MATCHES"
    assert (after["result"], after["brokenAtSequence"]) == ("CHAIN_BROKEN", 4)


async def test_a_rewritten_and_rehashed_history_differs_from_the_receipt(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.complainant)
    row = await DisputeCase.get(id=case.id)
    kept = {"sequence": row.last_sequence, "hash": row.head_hash}

    # The tail is cut off and a new event written in its place, with a consistent chain.
    await TimelineEvent.filter(case_id=case.id, sequence=row.last_sequence).delete()
    await DisputeCase.filter(id=case.id).update(
        last_sequence=row.last_sequence - 1, head_hash=await _hash_at(case, row.last_sequence - 1)
    )
    await _note(await DisputeCase.get(id=case.id), Visibility.ALL_PARTIES, "rewritten")
    after = await _check(client, token, case, kept["sequence"], kept["hash"])

    assert (after["result"], after["length"]) == ("DIFFERS", row.last_sequence)


async def test_verify_receipt_refuses_bad_input_and_foreign_cases(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w, other = await quick_world(factory), await quick_world(factory)
    case = await w.new_case()
    mine, stranger = await token_for(app, w.complainant), await token_for(app, other.complainant)
    good = await _hash_at(case, 1)

    foreign = await _check(client, stranger, case, 1, good)
    zero = await _check(client, mine, case, 0, good)
    short = await _check(client, mine, case, 1, good[:-1])
    not_hex = await _check(client, mine, case, 1, "g" * 64)

    assert codes(foreign) == ["NOT_FOUND"]
    assert [codes(zero), codes(short), codes(not_hex)] == [["BAD_USER_INPUT"]] * 3

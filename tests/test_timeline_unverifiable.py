"""An event hashed into a case's chain below the API, of a kind, role or payload the event
catalogue does not describe, is reported with a code, never as an internal error.

Found with the bench's generated data (bench/generate.py wrote `document_added` and
`note_added` events and payloads of its own): the web portal's `CaseTimeline` answered
INTERNAL_SERVER_ERROR for every case. The smallest data that did it: one case, one such event
correctly hashed onto its chain. `CaseTimeline` now answers EVENT_UNVERIFIABLE with the
event's sequence, and `verifyTimeline` reports the chain broken at an event of an unknown
kind (a role or payload it does not hold to the catalogue)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from starlette.applications import Starlette
from tortoise.transactions import in_transaction

from portal.api.persisted import PersistedOperations
from portal.cases.models import DisputeCase
from portal.timeline.chain import GENESIS, ChainLink, payload_digest
from portal.timeline.models import TimelineEvent, Visibility
from tests.factories import Factory, quick_world
from tests.test_api_support import call, case_id, token_for

# The web portal's own document (graphql/operations/cases.graphql), fragments and all.
CASE_TIMELINE = PersistedOperations.load().by_name["CaseTimeline"].text


async def _hashed_in(case: DisputeCase, kind: str, role: str, payload: dict[str, Any]) -> int:
    """Append one event as a writer below the API would (the bench generator did): its hash
    chained correctly onto the case's head, the head moved on. Returns its sequence."""
    async with in_transaction():
        row = await DisputeCase.select_for_update().get(id=case.id)
        at = datetime.now(UTC) + timedelta(seconds=1)
        link = ChainLink(
            case_id=row.id,
            sequence=row.last_sequence + 1,
            kind=kind,
            occurred_at=at,
            actor_id=None,
            actor_role=role,
            visibility=Visibility.ALL_PARTIES.value,
            payload_digest=payload_digest(payload),
            prev_hash=row.head_hash or GENESIS,
        )
        await TimelineEvent.create(
            case_id=row.id,
            sequence=link.sequence,
            kind=kind,
            occurred_at=at,
            actor_id=None,
            actor_role=role,
            visibility=Visibility.ALL_PARTIES,
            payload=payload,
            payload_digest=link.payload_digest,
            prev_hash=link.prev_hash,
            hash=link.hash(),
        )
        head = {"last_sequence": link.sequence, "head_hash": link.hash()}
        await DisputeCase.filter(id=row.id).update(**head)
    return link.sequence


async def _case_timeline(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, kind: str, role: str,
    payload: dict[str, Any],
) -> tuple[dict[str, Any], int]:  # fmt: skip
    w = await quick_world(factory)
    case = await w.new_case()
    sequence = await _hashed_in(case, kind, role, payload)
    token = await token_for(app, w.complainant)
    body = await call(client, token, CASE_TIMELINE, {"id": case_id(case), "first": 50})
    assert "INTERNAL_SERVER_ERROR" not in str(body), body
    return body, sequence


async def test_an_event_of_a_kind_parley_never_writes_is_reported_with_a_code(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    # What the bench generator wrote: a kind the event catalogue never had.
    kind, payload = "document_added", {"document_id": "x", "bytes": 1}

    body, sequence = await _case_timeline(client, app, factory, kind, "complainant", payload)

    [error] = body["errors"]
    assert error["extensions"]["code"] == "EVENT_UNVERIFIABLE"
    assert error["extensions"]["sequence"] == sequence
    assert error["path"] == ["case", "timeline"]
    # The same request's chain check names the event, as for any other tampering.
    assert body["data"]["verifyTimeline"] == {
        "ok": False,
        "length": sequence,
        "headHash": body["data"]["verifyTimeline"]["headHash"],
        "firstBrokenSequence": sequence,
        "brokenEvent": {"sequence": sequence, "kind": kind, "reason": "EVENT_ALTERED"},
    }


async def test_an_event_of_a_role_no_case_has_is_reported_with_a_code(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    body, sequence = await _case_timeline(
        client, app, factory, "case_accepted", "bench", {"is_complex": False}
    )

    [error] = body["errors"]
    assert error["extensions"]["code"] == "EVENT_UNVERIFIABLE"
    assert error["extensions"]["sequence"] == sequence
    assert error["path"] == ["case", "timeline"]


async def test_a_payload_its_kind_does_not_describe_is_reported_with_a_code(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    # The bench generator's `case_accepted`: no `is_complex`, which the catalogue requires.
    body, sequence = await _case_timeline(
        client, app, factory, "case_accepted", "provider", {"scheme": "Energy ADR"}
    )

    [error] = body["errors"]
    assert error["extensions"]["code"] == "EVENT_UNVERIFIABLE"
    assert error["extensions"]["sequence"] == sequence
    assert error["path"][:3] == ["case", "timeline", "edges"]
    assert error["path"][-2:] == ["node", "payload"]

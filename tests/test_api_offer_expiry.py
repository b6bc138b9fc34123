"""Offer expiry over the API (DOMAIN.md: offers carry an expiry): an open offer past its
`expiresAt` shows as `EXPIRED`, is no longer offered as an action, and cannot be accepted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
from starlette.applications import Starlette

from portal.cases.models import Offer, Outcome
from portal.cases.services import Action
from portal.cases.states import Method, OfferStatus
from portal.ids import global_id
from tests.factories import Factory, quick_world
from tests.test_api_support import call, case_id, in_file_review, mutate, snapshot, token_for

OFFERS = """
query O($id: ID!) { case(id: $id) { stage availableActions offers { status expiresAt } } }
"""


async def test_an_offer_past_its_expiry_shows_expired_and_cannot_be_accepted(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await in_file_review(w, await w.new_case(Method.NEGOTIATION))
    await w.reply(case)
    case = await w.act(w.caseworker, case, Action.COMPLETE_FILE)
    soon = datetime.now(UTC) + timedelta(hours=1)
    case = await w.act(
        w.agent, case, Action.MAKE_OFFER, amount="80.00", terms="Refund 80", expires_at=soon
    )
    offer = await Offer.get(case_id=case.id)
    complainant = await token_for(app, w.complainant)
    open_view = (await call(client, complainant, OFFERS, {"id": case_id(case)}))["data"]["case"]

    # The hour passes (the row is moved back rather than the clock forward).
    lapsed = datetime.now(UTC) - timedelta(minutes=1)
    await Offer.filter(id=offer.id).update(expires_at=lapsed)
    before = await snapshot(case)
    expired_view = (await call(client, complainant, OFFERS, {"id": case_id(case)}))["data"]["case"]
    accepted = await mutate(
        client,
        complainant,
        "acceptOffer",
        caseId=case_id(case),
        offerId=global_id("Offer", offer.id),
    )

    assert open_view["offers"][0]["status"] == "OPEN"
    assert datetime.fromisoformat(open_view["offers"][0]["expiresAt"]) == soon
    assert "ACCEPT_OFFER" in open_view["availableActions"]
    assert expired_view["offers"][0]["status"] == "EXPIRED"
    assert "ACCEPT_OFFER" not in expired_view["availableActions"]
    assert accepted["case"] is None
    assert [e["code"] for e in accepted["userErrors"]] == ["OFFER_EXPIRED"]
    assert await snapshot(case) == before
    assert (await Offer.get(id=offer.id)).status is OfferStatus.OPEN
    assert await Outcome.filter(case_id=case.id).count() == 0

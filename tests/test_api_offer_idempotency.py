"""`makeOffer` with an idempotency key (issue 13 D3): a client that lost the answer sends the
request again and makes no second offer; the same key with another request is refused."""

from __future__ import annotations

import httpx
from starlette.applications import Starlette

from portal.cases.models import Offer
from portal.cases.services import Action
from portal.cases.states import Method
from tests.factories import Factory, quick_world
from tests.test_api_support import case_id, in_file_review, mutate, token_for


async def test_a_retried_offer_with_its_key_makes_one_offer_and_a_reused_key_is_refused(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await in_file_review(w, await w.new_case(Method.NEGOTIATION))
    await w.reply(case)
    case = await w.act(w.caseworker, case, Action.COMPLETE_FILE)
    agent = await token_for(app, w.agent)
    offer = {"caseId": case_id(case), "amount": "80.00", "terms": "Refund 80"}

    first = await mutate(client, agent, "makeOffer", **offer, idempotencyKey="offer-1")
    retried = await mutate(client, agent, "makeOffer", **offer, idempotencyKey="offer-1")
    reused = await mutate(
        client, agent, "makeOffer", **offer | {"amount": "90.00"}, idempotencyKey="offer-1"
    )

    assert first["userErrors"] == []
    assert retried["userErrors"] == []
    assert retried["case"] == first["case"]
    assert reused["case"] is None
    assert [(e["field"], e["code"]) for e in reused["userErrors"]] == [
        (["input", "idempotencyKey"], "IDEMPOTENCY_KEY_REUSED")
    ]
    offers = await Offer.filter(case_id=case.id).values_list("amount", "terms")
    assert [(str(amount), terms) for amount, terms in offers] == [("80.00", "Refund 80")]

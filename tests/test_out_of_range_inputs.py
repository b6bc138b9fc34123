"""Issue 13 F8: inputs that raised instead of answering. A DateTime that leaves the calendar
once converted to UTC (`9999-12-31T23:59:59-14:00`), and a management-review download for an
organisation named by its global ID, by anything longer than a slug, or with a NUL byte, each
get a coded answer (a userError, HTTP 400 or 404), never an internal error."""

from __future__ import annotations

import httpx
import pytest
from starlette.applications import Starlette

from portal.api.node import to_global_id
from portal.cases.models import Offer
from portal.cases.services import Action
from portal.cases.states import Method
from tests.factories import Factory, quick_world
from tests.feedback_data import YEAR, seeded
from tests.test_api_support import case_id, in_file_review, mutate, snapshot, token_for


@pytest.mark.parametrize(
    "expiry", ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"], ids=["after", "before"]
)
async def test_an_offer_expiry_outside_the_calendar_in_utc_is_a_coded_refusal(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, expiry: str
) -> None:
    w = await quick_world(factory)
    case = await in_file_review(w, await w.new_case(Method.NEGOTIATION))
    await w.reply(case)
    case = await w.act(w.caseworker, case, Action.COMPLETE_FILE)
    before = await snapshot(case)

    payload = await mutate(
        client,
        await token_for(app, w.agent),
        "makeOffer",
        caseId=case_id(case),
        amount="50",
        terms="Half",
        expiresAt=expiry,
    )

    assert payload == {
        "case": None,
        "userErrors": [
            {
                "field": ["input", "expiresAt"],
                "code": "INVALID_INPUT",
                "message": "Out of range: a date-time must lie between the years 1 and 9999 "
                "in UTC.",
            }
        ],
    }
    assert await Offer.filter(case_id=case.id).count() == 0
    assert await snapshot(case) == before


async def test_the_review_download_answers_every_organisation_parameter_with_a_code(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    data = await seeded(factory)
    auth = {"Authorization": f"Bearer {await token_for(app, data.manager)}"}

    async def download(organisation: str) -> httpx.Response:
        return await client.get(
            "/reports/management-review.json",
            params={
                "organisation": organisation,
                "from": f"{YEAR}-01-01",
                "until": f"{YEAR + 1}-01-01",
            },
            headers=auth,
        )

    by_global_id = await download(to_global_id("Organisation", data.organisation.id))
    answers = {
        name: await download(value)
        for name, value in {
            "long": "x" * 65,
            "long global id": to_global_id("Organisation", data.organisation.id) + "A" * 64,
            "another type": to_global_id("User", data.manager.id),
            "empty": "",
        }.items()
    }

    nul = await download("org\x00x")  # refused before any route (issue 13 F8)
    assert nul.status_code == 400
    assert nul.json()["errors"][0]["extensions"]["code"] == "INVALID_CHARACTER"
    assert by_global_id.status_code == 200, by_global_id.text
    assert by_global_id.json()["organisation"]["id"] == to_global_id(
        "Organisation", data.organisation.id
    )
    assert {name: r.status_code for name, r in answers.items()} == dict.fromkeys(answers, 404)
    for response in answers.values():
        assert response.json() == {
            "errors": [{"message": "No such organisation.", "extensions": {"code": "NOT_FOUND"}}]
        }

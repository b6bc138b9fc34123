"""The e-mail provider's answer form: opened only by its own signed link, for one case and one
provider; refused without the CSRF cookie; a form sent twice is applied once."""

from __future__ import annotations

import re

import httpx
from starlette.applications import Starlette

from portal.cases.models import DisputeCase
from portal.cases.states import Stage
from portal.notifications.provider_delivery import answer_url
from portal.settings import Settings
from tests.factories import Factory, World, forged_signature, quick_world
from tests.provider_support import make_external, world_state
from tests.test_api_support import token_for

HIDDEN = re.compile(r'name="(csrf|submission)" value="([^"]+)"')


async def _opened(
    factory: Factory, settings: Settings, app: Starlette
) -> tuple[World, DisputeCase, str]:
    w = await quick_world(factory)
    provider = await make_external(w, "email", adapter_email="cases@provider.example")
    case = await w.new_case()
    link = answer_url(app.state.auth.issuer, settings, provider, case.id)
    return w, case, link.removeprefix(settings.public_url)


async def test_the_form_offers_what_the_stage_allows_and_records_the_answer_once(
    factory: Factory, settings: Settings, app: Starlette, client: httpx.AsyncClient
) -> None:
    _, case, path = await _opened(factory, settings, app)
    page = await client.get(path)
    assert page.status_code == 200
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    offered = re.findall(r'name="action" value="(\w+)"', page.text)
    assert offered == ["accepted", "declined", "closed"]
    form = {
        "token": path.split("token=")[1],
        "action": "accepted",
        **dict(HIDDEN.findall(page.text)),
    }

    first = await client.post(path, data=form)
    assert first.status_code == 200
    assert "Recorded." in first.text
    after = await world_state(case)
    again = await client.post(path, data=form)  # the same form, sent twice

    assert again.status_code == 409
    assert "received already" in again.text
    assert await world_state(case) == after
    assert (await DisputeCase.get(id=case.id)).stage is Stage.ACCEPTED


async def test_without_the_csrf_cookie_the_form_is_refused_and_nothing_changes(
    factory: Factory, settings: Settings, app: Starlette, client: httpx.AsyncClient
) -> None:
    _, case, path = await _opened(factory, settings, app)
    page = await client.get(path)
    form = {
        "token": path.split("token=")[1],
        "action": "accepted",
        **dict(HIDDEN.findall(page.text)),
    }
    before = await world_state(case)
    client.cookies.clear()  # a cross-site POST carries no SameSite=Strict cookie

    response = await client.post(path, data=form)

    assert response.status_code == 403
    assert await world_state(case) == before


async def test_other_tokens_and_other_providers_do_not_open_the_form(
    factory: Factory, settings: Settings, app: Starlette, client: httpx.AsyncClient
) -> None:
    w, case, path = await _opened(factory, settings, app)
    token = path.split("token=")[1]
    access = await token_for(app, w.caseworker)  # a valid token, of another kind
    other = await quick_world(factory)
    await make_external(other, "email", adapter_email="x@other.example")

    answers = [
        await client.get(path.replace(token, access)),
        await client.get(path.replace(token, forged_signature(token))),
        await client.get(path.replace(w.provider.slug, other.provider.slug)),
    ]

    assert [a.status_code for a in answers] == [403, 403, 403]
    assert all("not valid" in a.text for a in answers)
    assert (await DisputeCase.get(id=case.id)).stage is Stage.REFERRED

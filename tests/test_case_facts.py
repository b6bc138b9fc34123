"""Issue 17, deliverable 4: the authentication statement also reads whether the person takes part
in cases and holds an appointment, so that a case list needs no statement of its own for it.
The list is the same as when the policy reads those facts itself."""

from __future__ import annotations

import dataclasses

from starlette.applications import Starlette

from portal.accounts.models import User
from portal.auth.actor import Actor, CaseFacts
from portal.auth.policy import visible_cases_filter
from portal.cases.models import DisputeCase
from portal.cases.services import Action
from tests.factories import Factory, build_world, quick_world
from tests.sql_statements import statements
from tests.test_api_support import in_file_review, token_for


async def visible(actor: Actor) -> set[str]:
    condition = await visible_cases_filter(actor)
    return {str(i) for i in await DisputeCase.filter(condition).values_list("id", flat=True)}


async def test_the_facts_read_with_the_session_give_the_same_lists(
    app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    appointed_case = await in_file_review(w, await w.new_case())
    await w.act(w.caseworker, appointed_case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    await w.new_case()
    # The first organisation's agent complains about another organisation.
    other = await build_world(factory)
    own_complaint = await dataclasses.replace(other, complainant=w.agent).new_case()
    bystander = await factory.user()

    expected: dict[str, tuple[User, CaseFacts]] = {
        "agent who complains": (w.agent, CaseFacts(takes_part=True, appointed=False)),
        "appointed neutral": (w.neutral, CaseFacts(takes_part=False, appointed=True)),
        "complainant": (w.complainant, CaseFacts(takes_part=True, appointed=False)),
        "caseworker": (w.caseworker, CaseFacts(takes_part=False, appointed=False)),
        "manager": (w.manager, CaseFacts(takes_part=False, appointed=False)),
        "nobody's party": (bystander, CaseFacts(takes_part=False, appointed=False)),
    }
    seen: dict[str, set[str]] = {}
    for name, (user, facts) in expected.items():
        actor = await app.state.auth.authenticate(await token_for(app, user))
        assert actor.case_facts == facts, name
        with statements() as sql:
            seen[name] = await visible(actor)
        assert len(sql) == 1, (name, sql)  # the list's own statement, nothing before it
        assert seen[name] == await visible(dataclasses.replace(actor, case_facts=None)), name

    assert str(own_complaint.id) in seen["agent who complains"]
    assert str(appointed_case.id) in seen["appointed neutral"]
    assert seen["nobody's party"] == set()

"""Builders for linked and group cases (issue 20, 4): one organisation's cases at one
provider, each with a complainant of its own, brought to resolution with the same neutral."""

from __future__ import annotations

import dataclasses

from portal.accounts.models import User
from portal.cases.models import DisputeCase
from portal.cases.services import Action
from portal.cases.states import Method
from tests.factories import Factory, World

CONSENT = {"understands_legal_effect": True, "understands_right_to_withdraw": True}


def of(w: World, complainant: User) -> World:
    """The same organisation, provider and staff, another complainant."""
    return dataclasses.replace(w, complainant=complainant)


async def referred(w: World, factory: Factory) -> tuple[World, DisputeCase]:
    """A referred case of a new complainant."""
    mine = of(w, await factory.user())
    return mine, await mine.new_case(Method.MEDIATION)


async def in_resolution(w: World) -> DisputeCase:
    """A mediation of ``w``'s complainant, file complete, ``w.neutral`` confirmed."""
    case = await w.new_case(Method.MEDIATION)
    case = await w.act(w.caseworker, case, Action.ACCEPT)
    case = await w.act(w.complainant, case, Action.GIVE_CONSENT, **CONSENT)
    case = await w.act(w.agent, case, Action.SUBMIT_RESPONSE, position="We disagree.")
    case = await w.reply(case)
    case = await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    case = await w.act(w.neutral, case, Action.DECLARE_IMPARTIALITY, impartial=True)
    case = await w.act(w.complainant, case, Action.OBJECT_TO_NEUTRAL, reasons="Unsure.")
    case = await w.act(
        w.caseworker, case, Action.DECIDE_OBJECTION, upheld=False, reasons="No conflict."
    )
    return await w.act(w.caseworker, case, Action.COMPLETE_FILE)


async def members_in_resolution(
    w: World, factory: Factory, count: int
) -> list[tuple[World, DisputeCase]]:
    """``count`` cases in resolution, each of its own complainant."""
    found = []
    for _ in range(count):
        mine = of(w, await factory.user())
        found.append((mine, await in_resolution(mine)))
    return found

"""Authorise once per case: the actor's roles on it, from rows the request's loaders fetched.

Every way to reach a case (`case`, `node`, a list, a nested field, a mutation's payload) goes
through `access_to`; the fields of the case then decide from its result, with no I/O of their
own. The decisions themselves are portal.auth.policy's.
"""

from __future__ import annotations

import asyncio

from portal.accesslog.models import AccessAction
from portal.accesslog.services import record_access
from portal.api.cases.loaders import CaseAccess
from portal.api.context import Info
from portal.auth import policy
from portal.auth.actor import Actor
from portal.cases.models import CaseParticipant, DisputeCase, NeutralAppointment, Outcome
from portal.cases.states import AppointmentStatus


def current_appointment(appointments: list[NeutralAppointment]) -> NeutralAppointment | None:
    """The latest appointment not removed (as portal.cases.engine.load_view picks it)."""
    active = [a for a in appointments if a.status is not AppointmentStatus.REMOVED]
    return active[-1] if active else None


def current_outcome(outcomes: list[Outcome]) -> Outcome | None:
    """The latest outcome not superseded by a review (as load_view picks it)."""
    standing = [o for o in outcomes if o.superseded_at is None]
    return standing[-1] if standing else None


async def access_to(info: Info, case: DisputeCase) -> CaseAccess:
    cached = info.context.loaders.case_access.get(case.id)
    if cached is not None:
        return cached
    actor = info.context.require_actor()
    loaders = info.context.loaders
    participants, appointments = await asyncio.gather(
        loaders.participants_by_case.load(case.id), loaders.appointments_by_case.load(case.id)
    )
    access = decide(actor, case, participants, appointments)
    loaders.case_access[case.id] = access
    return access


def decide(
    actor: Actor,
    case: DisputeCase,
    participants: list[CaseParticipant],
    appointments: list[NeutralAppointment],
) -> CaseAccess:
    """The policy's verdict on one case, from its participants and appointments (oldest first)."""
    appointment = current_appointment(appointments)
    mine = [p.role for p in participants if p.user_id == actor.id]
    roles = policy.case_roles(actor, case, mine, appointment)
    return CaseAccess(
        roles=roles, appointment=appointment, scopes=policy.readable_scopes(roles, appointment)
    )


async def current_access(actor: Actor, case: DisputeCase) -> CaseAccess:
    """`access_to` read afresh, without the request's loaders: a subscription outlives any
    request, and asks again at every event it may send."""
    participants, appointments = await asyncio.gather(
        CaseParticipant.filter(case_id=case.id, user_id=actor.id).order_by("created_at"),
        NeutralAppointment.filter(case_id=case.id).order_by("appointed_at"),
    )
    return decide(actor, case, participants, appointments)


async def visible(info: Info, case: DisputeCase | None) -> DisputeCase | None:
    """``case`` when the actor holds a role on it; None otherwise, as if it did not exist."""
    if case is None:
        return None
    return case if (await access_to(info, case)).roles else None


async def record_read(info: Info, case: DisputeCase) -> None:
    """A read of the case file: the case opened by id (a case page), or its documents, messages
    or timeline listed under it, however the case was reached (a list of cases included). One
    access-log record per case per request, in the roles the actor holds on it. A list of
    cases that selects none of the file is not a read of it."""
    roles = (await access_to(info, case)).roles
    await record_access(info.context, AccessAction.CASE_READ, case=case, roles=roles)

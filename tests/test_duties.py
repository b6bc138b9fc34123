"""Duties and rights from the transition table (issue 16, deliverables 1 and 8): every action
and clock is marked; `viewerDuties` and `viewerRights` split `availableActions` by the marks;
the case list's "overdue" filter, each case's `overdue`, `nextDue` and `whoMustAct` agree, on
SQLite and PostgreSQL alike; `orderBy: {field: NEXT_DUE}` puts the soonest duty first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from starlette.applications import Starlette

from portal.accounts.models import User
from portal.cases.models import Clock, DisputeCase
from portal.cases.services import Action, run_clock_job
from portal.cases.states import ACTIVE_STAGES, ClockKind, ClockStatus, Method, Stage
from portal.cases.transitions import (
    CLOCK_OBLIGATIONS,
    DUTY_CLOCKS,
    TRANSITIONS,
    WINDOWS,
    ClockObligation,
    DutyWhen,
    Obligation,
    discharging,
)
from tests.factories import Factory, World, quick_world
from tests.test_api_support import call, token_for
from tests.test_lifecycle_paths import CONSENT

# --- the table ---------------------------------------------------------------------------------


def test_every_action_in_the_table_is_marked_a_duty_or_a_right() -> None:
    unmarked = [t.action.value for t in TRANSITIONS if t.obligation is None]
    wrong = [
        t.action.value
        for t in TRANSITIONS
        if t.obligation is not None and not isinstance(t.obligation, Obligation | DutyWhen)
    ]
    assert unmarked == [], f"mark these rows DUTY, RIGHT or DutyWhen: {unmarked}"
    assert wrong == []


def test_every_clock_is_a_duty_or_a_window_and_every_duty_clock_names_its_duties() -> None:
    assert set(CLOCK_OBLIGATIONS) == set(ClockKind)
    assert ClockKind.OBJECTION in WINDOWS  # "Both parties: object by ..." is never a duty
    assert set(ClockKind) == WINDOWS | DUTY_CLOCKS
    assert not WINDOWS & DUTY_CLOCKS
    for kind in DUTY_CLOCKS:
        assert discharging(kind), kind
    assert CLOCK_OBLIGATIONS[ClockKind.RESPONSE] is ClockObligation.DUTY


def test_withdrawing_and_objecting_are_rights_everywhere() -> None:
    by_action = {t.action: t for t in TRANSITIONS}
    for action in (Action.WITHDRAW, Action.OBJECT_TO_NEUTRAL, Action.EXTEND_CLOCK):
        assert by_action[action].obligation is Obligation.RIGHT
    # Until an outcome is agreed: withdrawing from a settled dispute means nothing.
    assert by_action[Action.WITHDRAW].sources == ACTIVE_STAGES - {Stage.IMPLEMENTATION}


# --- viewerDuties and viewerRights -------------------------------------------------------------

OBLIGATIONS = """
query Case($id: ID!) {
  case(id: $id) {
    stage
    availableActions
    viewerDuties
    viewerRights
    overdue
    whoMustAct { party clock actions dueAt overdue }
    clocks { kind obligation }
  }
}
"""


async def _turn(
    client: httpx.AsyncClient, app: Starlette, user: User, case: DisputeCase
) -> dict[str, Any]:
    body = await call(client, await token_for(app, user), OBLIGATIONS, {"id": case.reference})
    assert "errors" not in body, body
    found: dict[str, Any] = body["data"]["case"]
    # A partition of availableActions, in the table's order.
    assert sorted(found["viewerDuties"] + found["viewerRights"]) == sorted(
        found["availableActions"]
    )
    assert not set(found["viewerDuties"]) & set(found["viewerRights"])
    return found


async def _duties_rights(
    client: httpx.AsyncClient, app: Starlette, user: User, case: DisputeCase
) -> tuple[list[str], list[str]]:
    found = await _turn(client, app, user, case)
    return found["viewerDuties"], found["viewerRights"]


async def _to_the_objection_window(w: World) -> DisputeCase:
    case = await w.new_case(Method.MEDIATION)
    await w.act(w.caseworker, case, Action.ACCEPT)
    await w.act(w.complainant, case, Action.GIVE_CONSENT, **CONSENT)
    await w.act(w.agent, case, Action.SUBMIT_RESPONSE, position="Fair bill.")
    await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    return await w.act(w.neutral, case, Action.DECLARE_IMPARTIALITY, impartial=True)


async def test_a_consumer_sees_exactly_their_one_open_duty_at_each_stage(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case(Method.MEDIATION)
    consumer = w.complainant

    referred = await _duties_rights(client, app, consumer, case)
    provider = await _duties_rights(client, app, w.caseworker, case)
    await w.act(w.caseworker, case, Action.ACCEPT)
    accepted = await _duties_rights(client, app, consumer, case)
    await w.act(consumer, case, Action.GIVE_CONSENT, **CONSENT)
    awaiting = await _duties_rights(client, app, consumer, case)
    organisation = await _duties_rights(client, app, w.agent, case)

    assert referred == ([], ["WITHDRAW"])
    assert provider == (["ACCEPT", "DECLINE"], ["EXTEND_CLOCK", "CLOSE"])
    assert accepted == (["GIVE_CONSENT"], ["WITHDRAW"])
    assert awaiting == ([], ["WITHDRAW"])
    assert organisation == (["SUBMIT_RESPONSE", "REFUSE_PARTICIPATION"], [])


async def test_the_objection_window_is_a_right_and_nobodys_turn(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await _to_the_objection_window(w)

    consumer = await _turn(client, app, w.complainant, case)
    organisation = await _turn(client, app, w.agent, case)

    assert consumer["stage"] == "FILE_REVIEW"
    assert (consumer["viewerDuties"], consumer["viewerRights"]) == (
        [],
        ["SUBMIT_REPLY", "OBJECT_TO_NEUTRAL", "WITHDRAW"],
    )
    assert (organisation["viewerDuties"], organisation["viewerRights"]) == (
        [],
        ["OBJECT_TO_NEUTRAL"],
    )
    # The running objection clock is a window (so is the reply window): not "who must act",
    # not overdue even late.
    assert {"kind": "OBJECTION", "obligation": "WINDOW"} in consumer["clocks"]
    assert consumer["whoMustAct"] == []
    assert consumer["overdue"] is False
    await Clock.filter(case_id=case.id, kind=ClockKind.OBJECTION).update(
        due_at=datetime.now(UTC) - timedelta(hours=1)
    )
    late = await _turn(client, app, w.complainant, case)
    assert late["whoMustAct"] == []
    assert late["overdue"] is False


async def test_answering_a_non_binding_outcome_is_a_duty_and_a_binding_award_is_not(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    outcomes = {}
    for method in (Method.OMBUDSMAN_RECOMMENDATION, Method.ARBITRATION_BINDING):
        case = await _to_the_objection_window(w)
        await Clock.filter(case_id=case.id, kind=ClockKind.OBJECTION).update(
            due_at=datetime.now(UTC) - timedelta(seconds=1)
        )
        await DisputeCase.filter(id=case.id).update(method=method)
        await run_clock_job()
        await w.reply(case)
        await w.act(w.caseworker, case, Action.COMPLETE_FILE)
        in_resolution = await _duties_rights(client, app, w.neutral, case)
        await w.act(w.neutral, case, Action.ISSUE_OUTCOME, summary="Refund 60 EUR.", reasons="R")
        outcomes[method] = (in_resolution, await _duties_rights(client, app, w.complainant, case))
        if method is Method.OMBUDSMAN_RECOMMENDATION:
            # The reflection period ends unanswered: the case closes as not accepted.
            await Clock.filter(case_id=case.id, kind=ClockKind.REFLECTION).update(
                due_at=datetime.now(UTC) - timedelta(seconds=1)
            )
            await run_clock_job()
            ended = (
                await _duties_rights(client, app, w.complainant, case),
                await _duties_rights(client, app, w.caseworker, case),
            )

    recommendation = outcomes[Method.OMBUDSMAN_RECOMMENDATION]
    award = outcomes[Method.ARBITRATION_BINDING]
    assert recommendation[0] == (
        ["ISSUE_OUTCOME"],
        ["DISCLOSE_CIRCUMSTANCE", "RECUSE", "EXTEND_CLOCK"],
    )
    assert recommendation[1] == (["ACCEPT_OUTCOME", "REJECT_OUTCOME"], ["WITHDRAW"])
    assert award[1] == ([], ["ACCEPT_OUTCOME", "REQUEST_REVIEW", "WITHDRAW"])
    assert ended == (([], []), ([], []))


# --- overdue: one definition for the filter, the flag and the order ---------------------------

LIST = """
query Cases($filter: CaseFilter, $orderBy: CaseOrder, $first: Int, $after: String) {
  cases(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    edges { node {
      reference overdue
      nextDue { party clock dueAt overdue actions }
      whoMustAct { party overdue }
    } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


async def _list(client: httpx.AsyncClient, token: str, **variables: Any) -> list[dict[str, Any]]:
    body = await call(client, token, LIST, variables)
    assert "errors" not in body, body
    return [edge["node"] for edge in body["data"]["cases"]["edges"]]


async def test_the_overdue_filter_and_the_overdue_flag_agree(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    # Silence is not a refusal in this scheme: a missed response leaves the case waiting.
    w = await quick_world(factory, silence_is_refusal=False)
    past = datetime.now(UTC) - timedelta(hours=1)
    # Running past due: the provider's acceptance clock.
    running_late = await w.new_case()
    await Clock.filter(case_id=running_late.id).update(due_at=past)
    # Recorded missed by the clock job, still owed: the organisation's response.
    missed = await w.new_case()
    await w.act(w.caseworker, missed, Action.ACCEPT)
    await w.act(w.complainant, missed, Action.GIVE_CONSENT, **CONSENT)
    await Clock.filter(case_id=missed.id, kind=ClockKind.RESPONSE).update(due_at=past)
    await run_clock_job()  # recorded missed
    # Met: every clock met so far; the next duty (completing the file) has no clock.
    met = await w.new_case()
    await w.act(w.caseworker, met, Action.ACCEPT)
    await w.act(w.complainant, met, Action.GIVE_CONSENT, **CONSENT)
    await w.act(w.agent, met, Action.SUBMIT_RESPONSE, position="Fair bill.")
    await w.reply(met)
    # A window past its end: the objection window, nobody's delay.
    window = await _to_the_objection_window(w)
    await Clock.filter(case_id=window.id, kind=ClockKind.OBJECTION).update(due_at=past)
    # On time: the acceptance clock still running.
    on_time = await w.new_case()
    token = await token_for(app, w.caseworker)

    response = await Clock.get(case_id=missed.id, kind=ClockKind.RESPONSE)
    every = {n["reference"]: n for n in await _list(client, token)}
    flagged = sorted(ref for ref, n in every.items() if n["overdue"])
    late = sorted(n["reference"] for n in await _list(client, token, filter={"overdue": True}))
    not_late = sorted(n["reference"] for n in await _list(client, token, filter={"overdue": False}))

    assert response.status is ClockStatus.MISSED
    assert flagged == late == sorted([running_late.reference, missed.reference])
    assert not_late == sorted(set(every) - set(late))
    assert every[running_late.reference]["nextDue"]["party"] == "PROVIDER"
    assert every[running_late.reference]["nextDue"]["actions"] == ["ACCEPT", "DECLINE"]
    assert every[missed.reference]["nextDue"]["party"] == "ORGANISATION"
    assert every[missed.reference]["nextDue"]["overdue"] is True
    assert every[met.reference]["nextDue"] is None
    assert every[window.reference]["nextDue"] is None
    assert every[window.reference]["overdue"] is False
    assert every[on_time.reference]["nextDue"]["overdue"] is False
    for node in every.values():
        assert node["overdue"] is any(d["overdue"] for d in node["whoMustAct"])


async def test_a_missed_duty_is_no_longer_overdue_once_done(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    await Clock.filter(case_id=case.id).update(due_at=datetime.now(UTC) - timedelta(hours=1))
    await run_clock_job()
    token = await token_for(app, w.caseworker)
    before = await _list(client, token, filter={"overdue": True})

    await w.act(w.caseworker, case, Action.ACCEPT)  # late, but done

    after = await _list(client, token)
    assert [(n["reference"], n["overdue"]) for n in before] == [(case.reference, True)]
    assert [(n["reference"], n["overdue"], n["nextDue"]["clock"]) for n in after] == [
        (case.reference, False, "CONSENT")
    ]
    assert await _list(client, token, filter={"overdue": True}) == []


async def test_ordered_by_due_the_soonest_duty_comes_first_then_the_rest_newest_first(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    now = datetime.now(UTC)
    later = await w.new_case()
    overdue = await w.new_case()
    nothing_due = await w.new_case()
    await w.act(w.complainant, nothing_due, Action.WITHDRAW)  # ended: nothing owed
    soon = await w.new_case()
    nothing_due_either = await w.new_case()
    await w.act(w.complainant, nothing_due_either, Action.WITHDRAW)
    for case, due in ((later, 10), (overdue, -1), (soon, 2)):
        await Clock.filter(case_id=case.id).update(due_at=now + timedelta(days=due))
    token = await token_for(app, w.caseworker)

    seen: list[str] = []
    after = None
    while True:
        body = await call(
            client, token, LIST, {"orderBy": {"field": "NEXT_DUE"}, "first": 2, "after": after}
        )
        assert "errors" not in body, body
        connection = body["data"]["cases"]
        seen += [e["node"]["reference"] for e in connection["edges"]]
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
    newest = await _list(client, token, orderBy=None)

    assert seen == [
        overdue.reference,
        soon.reference,
        later.reference,
        nothing_due_either.reference,
        nothing_due.reference,
    ]
    assert newest[0]["reference"] == nothing_due_either.reference
    forged = await call(client, token, LIST, {"orderBy": {"field": "NEXT_DUE"}, "after": "WyJ4Il0"})
    assert forged["errors"][0]["extensions"]["code"] == "INVALID_CURSOR"

"""The access matrix's rows for sessions and hearings (issue 20, 1): who proposes, answers and
runs a session on their own case, a foreign one and a missing one; who sees a session with all
parties and a caucus of the organisation's side; the calendar feed, mutation, query and URL."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from portal.cases.states import CaseRole
from portal.sessions import feeds
from portal.sessions.models import CaseSession
from portal.sessions.states import SessionKind, SessionStatus
from portal.timeline.models import Visibility
from tests.access_matrix_rules import (
    NO_OBJECT,
    ON_CASE,
    ORG_SIDE,
    PROVIDER_SIDE,
    SIGNED_IN,
    USERS,
    P,
    Rule,
    everyone,
)
from tests.access_matrix_world import Me, Side, Target, gid
from tests.factories import actor_for

if TYPE_CHECKING:
    from tests.access_matrix_table import Http, Row, Vars

UE = "userErrors { field code message }"
NULL = "NULL"
COMPLAINANT_SIDE = frozenset({P.COMPLAINANT, P.REPRESENTATIVE})
# Who runs a session with all parties: the neutral and the provider (people and its client).
RUNNERS = PROVIDER_SIDE | {P.NEUTRAL}
# Who answers one: both sides.
ANSWERERS = COMPLAINANT_SIDE | ORG_SIDE


def _later(days: int) -> str:
    at = datetime.now(UTC).replace(microsecond=0) + timedelta(days=days)
    return at.isoformat()


async def _session(
    side: Side,
    visibility: Visibility = Visibility.ALL_PARTIES,
    status: SessionStatus = SessionStatus.PROPOSED,
    starts: datetime | None = None,
) -> str:
    """A session on the side's standing case, proposed by its neutral (written as the service
    leaves one: the matrix checks who may reach it, not how it was made)."""
    at = datetime.now(UTC)
    row = await CaseSession.create(
        case_id=side.target["case_uuid"],
        kind=SessionKind.MEDIATION_MEETING,
        visibility=visibility,
        status=status,
        slots=[(at + timedelta(days=3)).isoformat(), (at + timedelta(days=4)).isoformat()],
        duration_minutes=60,
        link="https://meet.example.org/matrix",
        agenda="Matrix.",
        slot_number=1 if starts else None,
        starts_at=starts,
        proposed_by_id=side.w.neutral.id,
        proposer_role=CaseRole.NEUTRAL.value,
        proposed_at=at,
    )
    return gid("CaseSession", row.id)


async def _proposed(side: Side, me: Me) -> Target:
    return {"session": await _session(side)}


async def _scheduled(side: Side, me: Me) -> Target:
    starts = datetime.now(UTC) + timedelta(days=3)
    return {"session": await _session(side, status=SessionStatus.SCHEDULED, starts=starts)}


async def _ended(side: Side, me: Me) -> Target:
    starts = datetime.now(UTC) - timedelta(hours=3)
    return {"session": await _session(side, status=SessionStatus.SCHEDULED, starts=starts)}


async def _caucus(side: Side, me: Me) -> Target:
    return {"session": await _session(side, Visibility.CAUCUS_ORGANISATION)}


async def _feed(side: Side, me: Me) -> Target:
    """The complainant's feed, with their scheduled session in it."""
    await _scheduled(side, me)
    _, token = await feeds.issue_feed(await actor_for(side.w.complainant))
    return {"feed_token": token}


def _mutation(name: str) -> str:
    input_type = name[0].upper() + name[1:] + "Input"
    return (
        f"mutation M($input: {input_type}!) {{ {name}(input: $input) {{ session {{ id }} {UE} }} }}"
    )


def _on_session(**fields: object) -> Vars:
    return lambda t, me: {"input": {"sessionId": t["session"], **fields}}


# The neutral or provider runs; the other roles on the case are refused FORBIDDEN; anyone else
# (and a foreign or missing session) NOT_FOUND.
RUN = Rule(may=RUNNERS, sees=ON_CASE - RUNNERS, hidden="ue:NOT_FOUND")
ANSWER = Rule(may=ANSWERERS, sees=ON_CASE - ANSWERERS, hidden="ue:NOT_FOUND")
NODE = "query Q($id: ID!) { node(id: $id) { __typename id } }"


def session_rows(row: type[Row]) -> list[Row]:
    """The rows, built with the table's `Row` (passed in: the table imports this module)."""
    return [
        row(
            "proposeSession",
            RUN,
            _mutation("proposeSession"),
            lambda t, me: {
                "input": {
                    "caseId": t["case"],
                    "kind": "HEARING",
                    "visibility": "ALL_PARTIES",
                    "slots": [_later(5)],
                    "durationMinutes": 60,
                    "agenda": "Matrix.",
                    "place": "Room 1",
                }
            },
        ),
        row(
            "pickSessionSlot",
            ANSWER,
            _mutation("pickSessionSlot"),
            _on_session(slotNumber=1),
            prepare=_proposed,
        ),
        row(
            "declineSession",
            ANSWER,
            _mutation("declineSession"),
            _on_session(reason="Abroad."),
            prepare=_proposed,
        ),
        row(
            "confirmSessionSlot",
            RUN,
            _mutation("confirmSessionSlot"),
            _on_session(slotNumber=2),
            prepare=_proposed,
        ),
        row(
            "moveSession",
            RUN,
            _mutation("moveSession"),
            lambda t, me: {"input": {"sessionId": t["session"], "startsAt": _later(6)}},
            prepare=_scheduled,
        ),
        row(
            "cancelSession",
            RUN,
            _mutation("cancelSession"),
            _on_session(reason="Settled."),
            prepare=_proposed,
        ),
        row(
            "recordSessionMinute",
            RUN,
            _mutation("recordSessionMinute"),
            _on_session(attended=["NEUTRAL"], minute="Held."),
            prepare=_ended,
        ),
        # A session with all parties: everyone on the case sees it.
        row(
            "node",
            Rule(may=ON_CASE, hidden=NULL),
            NODE,
            lambda t, me: {"id": t["session"]},
            label="session",
            prepare=_proposed,
        ),
        # A caucus of the organisation's side: that side and the neutral only.
        row(
            "node",
            Rule(may=ORG_SIDE | {P.NEUTRAL}, hidden=NULL),
            NODE,
            lambda t, me: {"id": t["session"]},
            label="caucus_session",
            prepare=_caucus,
        ),
        # A person's own feed; an integration client has none and may not make one.
        row(
            "setCalendarFeed",
            Rule(may=USERS, sees=SIGNED_IN),
            f"mutation M {{ setCalendarFeed(input: {{active: true}}) {{ feedUrl {UE} }} }}",
            objects=NO_OBJECT,
        ),
        row(
            "calendarFeed",
            Rule(may=SIGNED_IN),
            "query Q { calendarFeed { issuedAt } }",
            objects=NO_OBJECT,
        ),
    ]


def session_rest_rows(
    row: type[Row], get: Callable[[Callable[[Target, Me], str]], Http]
) -> list[Row]:
    """The feed's URL: its secret token is the credential, whoever sends it (a calendar
    application sends no other); a token that names no feed is not found."""
    return [
        row(
            "/calendar/{token}.ics",
            everyone("http:200", missing="http:404:NOT_FOUND"),
            http=get(lambda t, me: f"/calendar/{t['feed_token']}.ics"),
            prepare=_feed,
        )
    ]

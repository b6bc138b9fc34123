"""Helpers of the session tests: a case with a declared neutral, a proposal through GraphQL,
and reading the .ics a mail carries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import Any

import httpx
import icalendar

from portal.cases.models import DisputeCase
from portal.cases.services import Action
from tests.factories import World
from tests.test_api_support import call, in_file_review

UE = "userErrors { field code message }"
SESSION_FIELDS = (
    "id status visibility slotNumber startsAt sequence viewerSide viewerMayRun "
    "answers { side slotNumber reason }"
)


def mutation(name: str, payload: str = f"session {{ {SESSION_FIELDS} }} {UE}") -> str:
    input_type = name[0].upper() + name[1:] + "Input"
    return f"mutation M($input: {input_type}!) {{ {name}(input: $input) {{ {payload} }} }}"


async def with_neutral(w: World, case: DisputeCase) -> DisputeCase:
    """The case in file review with its neutral appointed and impartial (they may run sessions)."""
    case = await in_file_review(w, case)
    case = await w.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=w.neutral.id)
    return await w.act(w.neutral, case, Action.DECLARE_IMPARTIALITY, impartial=True)


def slots_ahead(*days: int) -> list[datetime]:
    """Whole hours some days ahead, in UTC."""
    base = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    return [base + timedelta(days=d, hours=1) for d in days]


async def send(client: httpx.AsyncClient, token: str, name: str, **input: Any) -> dict[str, Any]:
    body = await call(client, token, mutation(name), {"input": input})
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"][name]
    return payload


async def done(client: httpx.AsyncClient, token: str, name: str, **input: Any) -> dict[str, Any]:
    payload = await send(client, token, name, **input)
    assert payload["userErrors"] == [], payload
    session: dict[str, Any] = payload["session"]
    return session


def proposal(
    case_gid: str, slots: list[datetime], visibility: str = "ALL_PARTIES"
) -> dict[str, Any]:
    return {
        "caseId": case_gid,
        "kind": "MEDIATION_MEETING",
        "visibility": visibility,
        "slots": [s.isoformat() for s in slots],
        "durationMinutes": 60,
        "agenda": "The refund and its timing.",
        "link": "https://meet.example.org/parley",
    }


def calendar_of(mail: EmailMessage) -> icalendar.Calendar | None:
    """The mail's .ics attachment, parsed with icalendar; None when it has none."""
    for part in mail.iter_attachments():
        if part.get_content_type() == "text/calendar":
            return icalendar.Calendar.from_ical(part.get_content())
    return None


def event_of(calendar: icalendar.Calendar) -> icalendar.Event:
    (event,) = calendar.events
    return event

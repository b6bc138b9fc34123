"""RFC 5545 calendar files with the `icalendar` library: the invitation a session's mail
carries (RFC 5546 METHOD REQUEST or CANCEL) and a person's calendar feed.

Times are written in the reader's own zone (`DTSTART;TZID=Europe/Paris`, with its VTIMEZONE),
so a calendar shows the instant the session starts wherever it is read. The UID is the
session's and never changes; SEQUENCE counts the moves and the cancellation, so a calendar
replaces the copy it holds (RFC 5546 2.1.4).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parseaddr
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar

from portal.settings import Settings

PRODID = "-//Parley//Sessions and hearings//EN"
METHOD_REQUEST = "REQUEST"
METHOD_CANCEL = "CANCEL"


@dataclass(frozen=True)
class CalendarEntry:
    """One session as a calendar shows it; plain values, so a mail's context can carry it
    (the file is made when the mail is sent)."""

    uid: str
    sequence: int
    starts_at: str  # ISO 8601 with its offset
    minutes: int
    summary: str
    location: str
    description: str
    url: str  # the case's page: a path, made absolute with the portal's address
    cancelled: bool

    def as_context(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_context(cls, data: dict[str, Any]) -> CalendarEntry:
        return cls(**data)


def uid_of(session_id: object) -> str:
    return f"session-{session_id}@parley"


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ValueError, ZoneInfoNotFoundError):
        return ZoneInfo("UTC")


def _event(entry: CalendarEntry, zone: ZoneInfo, base_url: str, stamp: datetime) -> icalendar.Event:
    start = datetime.fromisoformat(entry.starts_at).astimezone(zone)
    event = icalendar.Event()
    event.add("uid", entry.uid)
    event.add("sequence", entry.sequence)
    event.add("dtstamp", stamp.astimezone(UTC))
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=entry.minutes))
    event.add("summary", entry.summary)
    if entry.location:
        event.add("location", entry.location)
    event.add("description", entry.description)
    event.add("url", base_url.rstrip("/") + entry.url)
    event.add("status", "CANCELLED" if entry.cancelled else "CONFIRMED")
    return event


def _calendar(method: str | None) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    if method is not None:
        calendar.add("method", method)
    return calendar


def invitation(
    entry: CalendarEntry,
    zone: str,
    *,
    base_url: str,
    organizer: str,
    attendee: str,
    stamp: datetime,
) -> str:
    """The .ics of one mail: METHOD REQUEST for an invitation or a move, CANCEL when the
    session was cancelled. RFC 5546 names an ORGANIZER and the ATTENDEE it is sent to."""
    calendar = _calendar(METHOD_CANCEL if entry.cancelled else METHOD_REQUEST)
    event = _event(entry, _zone(zone), base_url, stamp)
    event.add("organizer", f"mailto:{organizer}")
    event.add("attendee", f"mailto:{attendee}")
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical()).decode()


def feed(entries: list[CalendarEntry], zone: str, *, base_url: str, stamp: datetime) -> bytes:
    """A person's feed: every session they may see, in their zone (METHOD PUBLISH)."""
    calendar = _calendar("PUBLISH")
    calendar.add("x-wr-calname", "Parley")
    tz = _zone(zone)
    for entry in entries:
        calendar.add_component(_event(entry, tz, base_url, stamp))
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


@dataclass(frozen=True)
class Invitation:
    text: str
    method: str


def session_invitation(
    context: dict[str, Any], recipient: str, settings: Settings, at: datetime
) -> Invitation | None:
    """The .ics a mail carries, from its stored context (`calendar`, made for the recipient's
    zone `zone`); None for a mail without one. The organiser is the address mail comes from."""
    data = context.get("calendar")
    if not isinstance(data, dict):
        return None
    entry = CalendarEntry.from_context(data)
    text = invitation(
        entry,
        str(context.get("zone", "UTC")),
        base_url=settings.public_url,
        organizer=parseaddr(settings.mail_from)[1] or "parley@localhost",
        attendee=parseaddr(recipient)[1],
        stamp=at,
    )
    return Invitation(text, METHOD_CANCEL if entry.cancelled else METHOD_REQUEST)

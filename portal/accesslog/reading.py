"""Reading the access log back: the auditors' review (scoped by the policy) and a person's
own view of who read their records. Keyset pages, newest first."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from portal.accesslog.models import AccessAction, AccessRecord, ReaderKind
from portal.accounts.models import ServiceAccount, User
from portal.auth import policy
from portal.auth.actor import Actor
from portal.cases.models import REFERENCE_LENGTH
from portal.feedback.periods import Period
from portal.ids import decode_id


class AccessLogForbidden(Exception):
    """The actor may review no reads (policy.access_log_filter)."""


@dataclass(frozen=True)
class AccessLogFilter:
    """Every part given must match. ``person``: an e-mail address or a User's global ID."""

    case_reference: str | None = None
    person: str | None = None
    action: AccessAction | None = None
    from_: date | None = None
    until: date | None = None


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


async def _narrowed(where: AccessLogFilter) -> Q:
    condition = Q()
    if where.case_reference and where.case_reference.strip():
        reference = where.case_reference.strip()
        if len(reference) > REFERENCE_LENGTH:
            return Q(id__in=[])  # no case has it
        condition &= Q(case_reference=reference)
    if where.person and where.person.strip():
        text = where.person.strip()
        pk = decode_id(text, "User")
        if pk is None:
            found = await User.filter(email__iexact=text).values_list("id", flat=True)
            pk = found[0] if found else None  # type: ignore[assignment]
        condition &= Q(reader_id=pk) if pk is not None else Q(id__in=[])
    if where.action is not None:
        condition &= Q(action=where.action)
    if where.from_ is not None and where.until is not None:
        period = Period.of_dates(where.from_, where.until)  # INVALID_PERIOD when backwards
        condition &= Q(created_at__gte=period.start, created_at__lt=period.end)
    elif where.from_ is not None:
        condition &= Q(created_at__gte=_midnight(where.from_))
    elif where.until is not None:
        condition &= Q(created_at__lt=_midnight(where.until))
    return condition


async def reviewable(actor: Actor, where: AccessLogFilter | None) -> QuerySet[AccessRecord]:
    """The reads ``actor`` may review, narrowed by ``where``; AccessLogForbidden when none."""
    scope = policy.access_log_filter(actor)
    if scope is None:
        raise AccessLogForbidden()
    narrowed = await _narrowed(where) if where is not None else Q()
    return AccessRecord.filter(scope & narrowed)


def reads_of_own_records(actor: Actor) -> QuerySet[AccessRecord]:
    return AccessRecord.filter(policy.own_access_log_filter(actor))


async def reader_labels(records: Iterable[AccessRecord]) -> dict[uuid.UUID, str]:
    """Who each reader is, for the auditor: a person's name and address, a client's name. One
    statement per kind of reader on the page."""
    users = {r.reader_id for r in records if r.reader_kind is ReaderKind.USER and r.reader_id}
    clients = {
        r.reader_id for r in records if r.reader_kind is ReaderKind.SERVICE_ACCOUNT and r.reader_id
    }
    labels: dict[uuid.UUID, str] = {}
    if users:
        for pk, name, email in await User.filter(id__in=users).values_list(
            "id", "display_name", "email"
        ):
            labels[pk] = f"{name} <{email}>"
    if clients:
        for pk, name in await ServiceAccount.filter(id__in=clients).values_list("id", "name"):
            labels[pk] = name
    return labels

"""Recording an organisation's commitments: read by anyone (they are public words), set and
removed by its managers (`policy.may_manage_commitments`), each change audited with
`portal.admin.audit.log_change` in the same transaction."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from portal.accounts.models import Organisation
from portal.admin.audit import log_change
from portal.auth import policy
from portal.auth.actor import Actor
from portal.cases.states import Calendar
from portal.commitments.models import LISTED, TIMED, Commitment, CommitmentKind, Remedy
from portal.feedback.errors import FeedbackError, Forbidden
from portal.lengths import at_most

MAX_DAYS = 365
MAX_WORDING = 2000
MAX_ITEMS = 20
# A BCP 47 language tag as people write them: `en`, `zh-Hans`, `pt-BR`, `sgn-GB`.
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")
ORDER = {kind: n for n, kind in enumerate(CommitmentKind)}


async def commitments_of(organisation_id: uuid.UUID) -> list[Commitment]:
    """The organisation's commitments in the order of `CommitmentKind`; its public words."""
    found = await Commitment.filter(organisation_id=organisation_id)
    return sorted(found, key=lambda c: ORDER[c.kind])


async def commitments_of_existing(organisation_id: uuid.UUID) -> list[Commitment]:
    """As `commitments_of`; NOT_FOUND for an organisation that does not exist."""
    if not await Organisation.exists(id=organisation_id):
        raise FeedbackError("NOT_FOUND", "No such organisation.", "organisation_id")
    return await commitments_of(organisation_id)


SLUG_LENGTH = 64  # Organisation.slug


async def organisation_by_slug(slug: str) -> Organisation:
    """The organisation with this slug; NOT_FOUND for none. Issue 13 F8: no slug is longer
    than the column or holds a NUL byte; asked for as one, Tortoise (and PostgreSQL) raised
    instead of finding nothing."""
    if not 0 < len(slug) <= SLUG_LENGTH or "\x00" in slug:
        raise FeedbackError("NOT_FOUND", "No such organisation.", "organisation")
    found = await Organisation.get_or_none(slug=slug)
    if found is None:
        raise FeedbackError("NOT_FOUND", "No such organisation.", "organisation")
    return found


def _wording(value: str, field: str) -> str:
    value = value.strip()
    if "\x00" in value:
        raise FeedbackError("INVALID_INPUT", f"`{field}` holds characters text cannot.", field)
    if not value:
        raise FeedbackError("REQUIRED", f"`{field}` is required.", field)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise FeedbackError(
            "INVALID_INPUT", f"`{field}` holds characters text cannot.", field
        ) from None
    return at_most(value, MAX_WORDING, field, FeedbackError)


def _items(kind: CommitmentKind, items: Sequence[str]) -> list[str]:
    if kind not in LISTED:
        return []
    if len(items) > MAX_ITEMS:
        raise FeedbackError(
            "INVALID_INPUT", f"A commitment lists at most {MAX_ITEMS} items.", "items"
        )
    checked: list[str] = []
    for item in (i.strip() for i in items):
        if kind is CommitmentKind.REMEDIES:
            if item not in {r.value for r in Remedy}:
                raise FeedbackError("INVALID_CHOICE", f"`{item[:40]}` is not a remedy.", "items")
        elif not LANGUAGE_TAG.match(item):
            raise FeedbackError(
                "INVALID_LANGUAGE", f"`{item[:40]}` is not a language tag (BCP 47).", "items"
            )
        if item not in checked:
            checked.append(item)
    if not checked:
        raise FeedbackError("REQUIRED", "List at least one.", "items")
    return checked


async def set_commitment(
    actor: Actor,
    organisation_id: uuid.UUID,
    kind: CommitmentKind,
    *,
    wording_en: str,
    wording_zh_hans: str,
    days: int | None = None,
    calendar: Calendar | None = None,
    items: Sequence[str] = (),
    at: datetime,
) -> Commitment:
    """Record (or change) the organisation's commitment of ``kind``; refused whole, nothing
    written, when any value is wrong."""
    if not policy.may_manage_commitments(actor, organisation_id):
        raise Forbidden()
    if kind in TIMED:
        if days is None:
            raise FeedbackError("REQUIRED", "A time commitment needs its number of days.", "days")
        if not 1 <= days <= MAX_DAYS:
            raise FeedbackError("INVALID_DAYS", f"From 1 to {MAX_DAYS} days.", "days")
        calendar = calendar or Calendar.WORKING_DAYS
    else:
        days, calendar = None, None
    values: dict[str, Any] = {
        "days": days,
        "calendar": calendar,
        "items": _items(kind, items),
        "wording_en": _wording(wording_en, "wording_en"),
        "wording_zh_hans": _wording(wording_zh_hans, "wording_zh_hans"),
    }
    try:
        return await _store(actor, organisation_id, kind, values, at)
    except IntegrityError:
        # Another manager recorded this kind at the same moment (the unique key refused the
        # second row, and its transaction wrote nothing): theirs stands; change it.
        return await _store(actor, organisation_id, kind, values, at)


async def _store(
    actor: Actor,
    organisation_id: uuid.UUID,
    kind: CommitmentKind,
    values: dict[str, Any],
    at: datetime,
) -> Commitment:
    """`set_commitment`'s one transaction: the row and its audit entry, or nothing."""
    async with in_transaction():
        # Only an admin passes the check above for an organisation that does not exist.
        if not await Organisation.exists(id=organisation_id):
            raise FeedbackError("NOT_FOUND", "No such organisation.", "organisation_id")
        row = (
            await Commitment.filter(organisation_id=organisation_id, kind=kind)
            .select_for_update()
            .first()
        )
        if row is None:
            row = await Commitment.create(
                organisation_id=organisation_id, kind=kind, created_at=at, updated_at=at, **values
            )
            await log_change(
                actor, "commitment.create", "Commitment", row.id, None, row.snapshot(), at
            )
            return row
        before = row.snapshot()
        row.update_from_dict({**values, "updated_at": at})
        if row.snapshot() == before:
            return row  # nothing changed: nothing to audit
        await row.save()
        after = row.snapshot()
        await log_change(actor, "commitment.update", "Commitment", row.id, before, after, at)
    return row


async def remove_commitment(
    actor: Actor, organisation_id: uuid.UUID, kind: CommitmentKind, *, at: datetime
) -> None:
    """The organisation no longer makes this commitment; NOT_FOUND when it made none."""
    if not policy.may_manage_commitments(actor, organisation_id):
        raise Forbidden()
    async with in_transaction():
        row = (
            await Commitment.filter(organisation_id=organisation_id, kind=kind)
            .select_for_update()
            .first()
        )
        if row is None:
            raise FeedbackError("NOT_FOUND", "The organisation makes no such commitment.", "kind")
        before = row.snapshot()
        await row.delete()
        await log_change(actor, "commitment.remove", "Commitment", row.id, before, None, at)

"""A scheme's fee schedule: set by an installation admin where schemes are set (audited), and
read when a case is referred to price its invoices (portal.fees.invoices)."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.transactions import in_transaction

from portal.admin.audit import log_change
from portal.auth import policy
from portal.auth.actor import Actor
from portal.cases.errors import CaseError
from portal.cases.inputs import currency
from portal.cases.models import Scheme
from portal.cases.states import Stage
from portal.cases.transitions import FEE_HOLD_STAGES
from portal.fees.models import FeeBand, FeeSchedule
from portal.fees.states import FeePayer

MAX_BANDS = 20
# Amounts below 10^12 units, in hundredths (portal.cases.inputs.amount).
MAX_MINOR = 10**14


@dataclass(frozen=True)
class Band:
    payer: FeePayer
    from_minor: int
    to_minor: int | None  # exclusive; None: no upper bound
    amount_minor: int

    def covers(self, claim_minor: int) -> bool:
        return self.from_minor <= claim_minor and (
            self.to_minor is None or claim_minor < self.to_minor
        )


def _refuse(code: str, message: str, field: str) -> CaseError:
    return CaseError(code, message, field)


def check_bands(bands: Sequence[Band]) -> None:
    """Each band in range and no two of one payer overlapping: a claim value has at most one
    fee per payer."""
    if len(bands) > MAX_BANDS:
        raise CaseError("INVALID_INPUT", f"At most {MAX_BANDS} bands.", "bands", limit=MAX_BANDS)
    for band in bands:
        values = [band.from_minor, band.amount_minor, band.to_minor or 0]
        if any(v < 0 or v >= MAX_MINOR for v in values):
            raise _refuse("INVALID_AMOUNT", "Amounts are zero or more, below 10^12.", "bands")
        if band.to_minor is not None and band.to_minor <= band.from_minor:
            raise _refuse("INVALID_FEE_BAND", "A band ends above where it starts.", "bands")
    for payer in FeePayer:
        mine = sorted((b for b in bands if b.payer is payer), key=lambda b: b.from_minor)
        for before, after in itertools.pairwise(mine):
            if before.to_minor is None or before.to_minor > after.from_minor:
                raise _refuse(
                    "INVALID_FEE_BAND",
                    "Two bands of one payer cover the same claim value.",
                    "bands",
                )


def _snapshot(schedule: FeeSchedule | None, bands: Sequence[Band]) -> dict[str, Any] | None:
    if schedule is None:
        return None
    return {
        "currency": schedule.currency,
        "hold_stage": schedule.hold_stage.value if schedule.hold_stage else None,
        "bands": [
            [b.payer.value, b.from_minor, b.to_minor, b.amount_minor]
            for b in sorted(bands, key=lambda b: (b.payer.value, b.from_minor))
        ],
    }


def _band(row: FeeBand) -> Band:
    return Band(row.payer, row.from_minor, row.to_minor, row.amount_minor)


async def _write_bands(schedule_id: uuid.UUID, bands: Sequence[Band]) -> None:
    if not bands:
        return
    await FeeBand.bulk_create(
        [
            FeeBand(
                schedule_id=schedule_id,
                payer=b.payer,
                from_minor=b.from_minor,
                to_minor=b.to_minor,
                amount_minor=b.amount_minor,
            )
            for b in bands
        ]
    )


async def schedule_of(scheme_id: uuid.UUID) -> tuple[FeeSchedule, list[Band]] | None:
    schedule = await FeeSchedule.get_or_none(scheme_id=scheme_id)
    if schedule is None:
        return None
    rows = await FeeBand.filter(schedule_id=schedule.id).order_by("payer", "from_minor")
    return schedule, [_band(r) for r in rows]


async def set_schedule(
    actor: Actor,
    scheme_id: uuid.UUID,
    *,
    currency_code: str,
    hold_stage: Stage | None,
    bands: Sequence[Band],
    at: datetime,
) -> tuple[FeeSchedule, list[Band]]:
    """Replace a scheme's fee schedule. Invoices already issued keep their amounts and the
    stage they hold (they were priced when their case was referred): the change applies to
    cases referred from now on."""
    if not policy.may_set_fee_schedule(actor):
        raise CaseError("FORBIDDEN", "Only an installation admin sets fee schedules.")
    code = currency({"currency": currency_code}, "currency", "EUR")
    if hold_stage is not None and hold_stage not in FEE_HOLD_STAGES:
        allowed = ", ".join(sorted(s.name for s in FEE_HOLD_STAGES))
        raise _refuse("INVALID_CHOICE", f"A case can wait for fees at: {allowed}.", "holds_at")
    check_bands(bands)
    async with in_transaction():
        scheme = await Scheme.filter(id=scheme_id).select_for_update().first()
        if scheme is None:
            raise _refuse("NOT_FOUND", "No such scheme.", "scheme_id")
        if scheme.retired_at is not None:
            raise _refuse(
                "SCHEME_RETIRED", "This scheme is retired; edit its current version.", "scheme_id"
            )
        found = await schedule_of(scheme.id)
        before = _snapshot(*found) if found else None
        schedule = found[0] if found else FeeSchedule(scheme_id=scheme.id)
        schedule.currency = code
        schedule.hold_stage = hold_stage  # type: ignore[assignment]  # a nullable column
        await schedule.save()
        await FeeBand.filter(schedule_id=schedule.id).delete()
        await _write_bands(schedule.id, bands)
        after = _snapshot(schedule, bands)
        await log_change(actor, "scheme.fees", "Scheme", scheme.id, before, after, at)
    return schedule, list(bands)


async def copy_schedule(from_scheme: uuid.UUID, to_scheme: uuid.UUID) -> None:
    """A new version of a scheme (portal.admin.services.update_scheme) keeps its fees."""
    found = await schedule_of(from_scheme)
    if found is None:
        return
    old, bands = found
    new = await FeeSchedule.create(
        scheme_id=to_scheme, currency=old.currency, hold_stage=old.hold_stage
    )
    await _write_bands(new.id, bands)

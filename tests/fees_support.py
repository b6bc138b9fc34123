"""Builders for the fee tests (issue 20, deliverable 2): a scheme's fee schedule, a case with
its invoices, a case-file document to give as evidence."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

from portal.accounts.models import Role
from portal.casefiles import services as casefiles
from portal.casefiles.storage import storage_of
from portal.cases.models import DisputeCase
from portal.cases.states import Stage
from portal.fees.models import FeeBand, FeeInvoice, FeeSchedule
from portal.fees.schedule import Band, set_schedule
from portal.fees.states import FeePayer
from portal.settings import Settings
from portal.timeline.models import Visibility
from tests import samples
from tests.factories import Factory, World, actor_for

CONSENT = {"understands_legal_effect": True, "understands_right_to_withdraw": True}
# A consumer pays nothing for claims under 500.00 and a nominal 25.00 above; the business
# 150.00 under 1,000.00 and 300.00 from there.
BANDS = (
    Band(FeePayer.COMPLAINANT, 0, 50_000, 0),
    Band(FeePayer.COMPLAINANT, 50_000, None, 2_500),
    Band(FeePayer.ORGANISATION, 0, 100_000, 15_000),
    Band(FeePayer.ORGANISATION, 100_000, None, 30_000),
)


async def with_fees(
    factory: Factory, w: World, hold: Stage | None = Stage.ACCEPTED, bands: Any = BANDS
) -> None:
    admin = await Factory(factory.settings, passwords=False).user(Role.ADMIN)
    await set_schedule(
        await actor_for(admin),
        w.scheme.id,
        currency_code="EUR",
        hold_stage=hold,
        bands=list(bands),
        at=datetime.now(UTC),
    )


async def invoices(case: DisputeCase) -> dict[FeePayer, FeeInvoice]:
    return {i.payer: i for i in await FeeInvoice.filter(case_id=case.id)}


async def evidence(settings: Settings, w: World, case: DisputeCase) -> Any:
    return await casefiles.upload_document(
        storage_of(settings),
        await actor_for(w.complainant),
        case.id,
        casefiles.IncomingFile("payslip.pdf", io.BytesIO(samples.PDF)),
        Visibility.ALL_PARTIES,
        max_bytes=settings.document_max_bytes,
    )


# The access matrix's world (tests/access_matrix_world.py): every case of a side is invoiced,
# the consumer 25.00 and the business 100.00, and fees hold no stage (the world's cases move
# on as they did before fees existed).
MATRIX_BANDS = (
    Band(FeePayer.COMPLAINANT, 0, None, 2_500),
    Band(FeePayer.ORGANISATION, 0, None, 10_000),
)


async def matrix_fees(w: World) -> None:
    """Written as rows (no admin account to add to the world)."""
    schedule = await FeeSchedule.create(scheme_id=w.scheme.id, currency="EUR", hold_stage=None)
    for band in MATRIX_BANDS:
        await FeeBand.create(
            schedule_id=schedule.id,
            payer=band.payer,
            from_minor=band.from_minor,
            to_minor=band.to_minor,
            amount_minor=band.amount_minor,
        )


async def complainant_invoice(case: DisputeCase) -> FeeInvoice:
    return await FeeInvoice.get(case_id=case.id, payer=FeePayer.COMPLAINANT)

"""Issue 20, deliverable 2: fees and waivers. Invoices priced from the scheme's schedule at
referral, the stage they hold the case at (the `fees_settled` guard), waivers, payments
recorded by staff, numbers without gaps under concurrency, the PDF, the transparency report,
and a new scheme version keeping its fees."""

from __future__ import annotations

import asyncio
import io
import re
import uuid
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader
from tortoise.transactions import in_transaction

from portal.accounts.models import Role
from portal.admin.services import update_scheme
from portal.casefiles.storage import storage_of
from portal.cases.engine import load_view
from portal.cases.errors import CaseError
from portal.cases.models import DisputeCase
from portal.cases.services import Action
from portal.cases.states import CaseRole, Stage
from portal.cases.transitions import FEE_HOLD_STAGES, TABLE, available_actions
from portal.feedback.periods import Period
from portal.feedback.transparency import transparency_report
from portal.fees.models import FeeInvoice, FeePayment, FeeSchedule, FeeWaiver
from portal.fees.schedule import schedule_of
from portal.fees.services import (
    decide_waiver,
    invoice_document,
    issue_invoices,
    record_payment,
    request_waiver,
)
from portal.fees.states import FeePayer, InvoiceStatus, WaiverStatus
from portal.privacy.redaction import redact_case
from portal.settings import Settings
from portal.timeline.catalogue import RedactionRule
from portal.timeline.models import TimelineEvent, Visibility
from tests.factories import Factory, World, actor_for, quick_world
from tests.fees_support import BANDS, CONSENT, evidence, invoices, with_fees
from tests.privacy_support import found_in_database
from tests.test_lifecycle_paths import assert_chain_intact


def _now() -> datetime:
    return datetime.now(UTC)


async def _kinds(case_id: uuid.UUID) -> list[str]:
    events = await TimelineEvent.filter(case_id=case_id, kind__startswith="fee_").order_by(
        "sequence"
    )
    # Recorded for the provider alone: no scope holds exactly the fees' readers (policy).
    assert {e.visibility for e in events} <= {Visibility.PROVIDER_INTERNAL}
    return [e.kind for e in events]


async def _consent(w: World, case: DisputeCase) -> DisputeCase:
    return await w.act(w.complainant, case, Action.GIVE_CONSENT, **CONSENT)


async def test_referral_invoices_each_payer_from_the_band_of_the_claim(factory: Factory) -> None:
    w = await quick_world(factory)
    await with_fees(factory, w)

    small = await w.new_case(claimed_amount="120.00")
    large = await w.new_case(claimed_amount="2000.00")

    # A claim under 500.00: the consumer's band is zero, so only the business is invoiced.
    assert {p: (i.amount_minor, i.status) for p, i in (await invoices(small)).items()} == {
        FeePayer.ORGANISATION: (15_000, InvoiceStatus.DUE)
    }
    got = await invoices(large)
    assert {p: i.amount_minor for p, i in got.items()} == {
        FeePayer.COMPLAINANT: 2_500,
        FeePayer.ORGANISATION: 30_000,
    }
    assert {i.hold_stage for i in got.values()} == {Stage.ACCEPTED}
    assert await _kinds(large.id) == ["fee_invoice_issued", "fee_invoice_issued"]
    numbers = sorted(i.number for i in await FeeInvoice.all())
    year = _now().year
    assert numbers == [f"FEE-{year}-{n:06d}" for n in (1, 2, 3)]

    # A claim in another currency is not read against the bands (no exchange rate): it is
    # priced as a claim of unknown value, in the lowest band.
    yen = await w.new_case(claimed_amount="2000.00", currency="JPY")
    assert {p: i.amount_minor for p, i in (await invoices(yen)).items()} == {
        FeePayer.ORGANISATION: 15_000
    }


async def test_a_scheme_without_a_schedule_invoices_nothing_and_holds_nothing(
    factory: Factory,
) -> None:
    w = await quick_world(factory)
    case = await w.new_case(claimed_amount="2000.00")
    case = await w.act(w.caseworker, case, Action.ACCEPT)
    case = await _consent(w, case)

    assert await FeeInvoice.filter(case_id=case.id).count() == 0
    assert case.stage is Stage.AWAITING_RESPONSE


async def test_fees_hold_the_case_at_the_named_stage_until_paid_or_waived(
    factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    await with_fees(factory, w, hold=Stage.ACCEPTED)
    case = await w.new_case(claimed_amount="2000.00")
    # The hold is at ACCEPTED: accepting (leaving REFERRED) goes ahead.
    case = await w.act(w.caseworker, case, Action.ACCEPT)
    got = await invoices(case)
    complainant = await actor_for(w.complainant)

    with pytest.raises(CaseError) as refused:
        await _consent(w, case)
    assert refused.value.code == "FEES_OUTSTANDING"
    view = await load_view(case, _now())
    assert Action.GIVE_CONSENT not in available_actions(view, frozenset({CaseRole.COMPLAINANT}))

    # The business pays (recorded by the provider's staff): the consumer's fee still holds it.
    caseworker = await actor_for(w.caseworker)
    await record_payment(caseworker, got[FeePayer.ORGANISATION].id, reference="SEPA 42", at=_now())
    with pytest.raises(CaseError) as still:
        await _consent(w, case)
    assert still.value.code == "FEES_OUTSTANDING"

    # The consumer asks for a waiver, with evidence; the provider grants it.
    document = await evidence(settings, w, case)
    waiver = await request_waiver(
        complainant,
        got[FeePayer.COMPLAINANT].id,
        reasons="I receive unemployment benefit.",
        evidence_id=document.id,
        at=_now(),
    )
    assert waiver.status is WaiverStatus.PENDING
    decided = await decide_waiver(
        caseworker, waiver.id, grant=True, reasons="Benefit letter seen.", at=_now()
    )
    assert decided.status is WaiverStatus.GRANTED

    case = await _consent(w, case)
    assert case.stage is Stage.AWAITING_RESPONSE
    assert {p: i.status for p, i in (await invoices(case)).items()} == {
        FeePayer.COMPLAINANT: InvoiceStatus.WAIVED,
        FeePayer.ORGANISATION: InvoiceStatus.PAID,
    }
    assert await _kinds(case.id) == [
        "fee_invoice_issued",
        "fee_invoice_issued",
        "fee_payment_recorded",
        "fee_waiver_requested",
        "fee_waiver_decided",
    ]


async def test_a_refused_waiver_leaves_the_fee_due_and_the_case_waiting(factory: Factory) -> None:
    w = await quick_world(factory)
    await with_fees(factory, w, hold=Stage.REFERRED)
    case = await w.new_case(claimed_amount="2000.00")
    got = await invoices(case)
    complainant, caseworker = await actor_for(w.complainant), await actor_for(w.caseworker)
    waiver = await request_waiver(
        complainant, got[FeePayer.COMPLAINANT].id, reasons="Hardship.", evidence_id=None, at=_now()
    )

    # One request at a time; then the provider refuses it, with reasons.
    with pytest.raises(CaseError) as twice:
        await request_waiver(
            complainant, got[FeePayer.COMPLAINANT].id, reasons="Again.", evidence_id=None, at=_now()
        )
    assert twice.value.code == "WAIVER_PENDING"
    await decide_waiver(caseworker, waiver.id, grant=False, reasons="No evidence.", at=_now())
    with pytest.raises(CaseError) as again:
        await decide_waiver(caseworker, waiver.id, grant=True, reasons="Changed.", at=_now())
    assert again.value.code == "WAIVER_DECIDED"

    assert (await FeeInvoice.get(id=got[FeePayer.COMPLAINANT].id)).status is InvoiceStatus.DUE
    await record_payment(caseworker, got[FeePayer.ORGANISATION].id, reference="x", at=_now())
    with pytest.raises(CaseError) as held:
        await w.act(w.caseworker, case, Action.ACCEPT)
    assert held.value.code == "FEES_OUTSTANDING"
    # Leaving is never held: the provider may still decline.
    case = await w.act(
        w.caseworker, case, Action.DECLINE, ground="frivolous_or_vexatious", reasons="No."
    )
    assert case.stage is Stage.DECLINED


async def test_a_waiver_is_not_granted_on_an_invoice_paid_while_it_waited(
    factory: Factory,
) -> None:
    """The review granted a waiver on a paid invoice: GRANTED beside PAID, and nothing to say
    which stood. A waiver waives what is due; once paid, only a refusal is left."""
    w = await quick_world(factory)
    await with_fees(factory, w, hold=Stage.REFERRED)
    case = await w.new_case(claimed_amount="2000.00")
    got = await invoices(case)
    complainant, caseworker = await actor_for(w.complainant), await actor_for(w.caseworker)
    mine = got[FeePayer.COMPLAINANT].id
    waiver = await request_waiver(
        complainant, mine, reasons="Hardship.", evidence_id=None, at=_now()
    )
    await record_payment(caseworker, mine, reference="Paid at the desk", at=_now())

    with pytest.raises(CaseError) as settled:
        await decide_waiver(caseworker, waiver.id, grant=True, reasons="Hardship.", at=_now())
    assert settled.value.code == "INVOICE_SETTLED"
    assert (await FeeWaiver.get(id=waiver.id)).status is WaiverStatus.PENDING
    assert (await FeeInvoice.get(id=mine)).status is InvoiceStatus.PAID
    refused = await decide_waiver(caseworker, waiver.id, grant=False, reasons="Paid.", at=_now())
    assert refused.status is WaiverStatus.REFUSED
    await assert_chain_intact(case)


async def test_only_the_payers_side_asks_and_only_the_provider_decides(factory: Factory) -> None:
    w = await quick_world(factory)
    await with_fees(factory, w, hold=None)
    case = await w.new_case(claimed_amount="2000.00")
    got = await invoices(case)
    own = got[FeePayer.COMPLAINANT].id
    outsider = await quick_world(factory)

    with pytest.raises(CaseError) as agent:
        await request_waiver(
            await actor_for(w.agent), own, reasons="Not ours.", evidence_id=None, at=_now()
        )
    assert agent.value.code == "FORBIDDEN"
    with pytest.raises(CaseError) as foreign:
        await request_waiver(
            await actor_for(outsider.complainant), own, reasons="x", evidence_id=None, at=_now()
        )
    assert foreign.value.code == "NOT_FOUND"
    with pytest.raises(CaseError) as neutral:
        await request_waiver(
            await actor_for(w.neutral), own, reasons="x", evidence_id=None, at=_now()
        )
    assert neutral.value.code == "NOT_FOUND"
    other_case = await outsider.new_case()
    foreign_doc = await evidence(factory.settings, outsider, other_case)
    with pytest.raises(CaseError) as document:
        await request_waiver(
            await actor_for(w.complainant), own, reasons="x", evidence_id=foreign_doc.id, at=_now()
        )
    assert (document.value.code, document.value.field) == ("NOT_FOUND", "evidence_id")

    waiver = await request_waiver(
        await actor_for(w.complainant), own, reasons="Hardship.", evidence_id=None, at=_now()
    )
    for who in (w.complainant, w.agent):
        with pytest.raises(CaseError) as decided:
            await decide_waiver(await actor_for(who), waiver.id, grant=True, reasons="x", at=_now())
        # The organisation may not read the consumer's waiver at all.
        assert decided.value.code == ("FORBIDDEN" if who is w.complainant else "NOT_FOUND")
    with pytest.raises(CaseError) as staff:
        await record_payment(await actor_for(w.agent), own, reference="x", at=_now())
    assert staff.value.code == "FORBIDDEN"
    # Nothing changed by any refusal.
    assert (await FeeWaiver.get(id=waiver.id)).status is WaiverStatus.PENDING
    assert await FeeWaiver.all().count() == 1
    assert await FeePayment.all().count() == 0
    assert (await FeeInvoice.get(id=own)).status is InvoiceStatus.DUE


async def test_each_provider_numbers_its_invoices_without_gaps_under_concurrency(
    factory: Factory,
) -> None:
    """Cases of two providers, referred before their schedules existed, are invoiced at once
    by concurrent tasks each in its own transaction, interleaved; one of each provider's fails
    after taking numbers and rolls back. Each provider (the issuer named on the PDF) has the
    numbers 1..n of its own series with no gap and no repeat (a counter row per provider,
    locked in the issuing transaction), on PostgreSQL (concurrent connections) and SQLite."""
    worlds = [await quick_world(factory), await quick_world(factory)]
    assert worlds[0].provider.id != worlds[1].provider.id
    cases = {
        w.provider.id: [await w.new_case(claimed_amount="2000.00") for _ in range(5)]
        for w in worlds
    }
    for w in worlds:
        await with_fees(factory, w, hold=None)
    at = _now()

    async def issue(case: DisputeCase, fail: bool) -> None:
        async with in_transaction():
            await issue_invoices(case, at=at, actor_id=None, actor_role="system")
            if fail:
                raise RuntimeError("the referral failed after its invoices were numbered")

    interleaved = [case for pair in zip(*cases.values(), strict=True) for case in pair]
    results = await asyncio.gather(
        *(issue(case, fail=(n // 2 == 2)) for n, case in enumerate(interleaved)),
        return_exceptions=True,
    )

    assert [type(r).__name__ for r in results].count("RuntimeError") == 2
    for w in worlds:
        rows = await FeeInvoice.filter(provider_id=w.provider.id).values_list("number", flat=True)
        assert all(n.startswith(f"FEE-{at.year}-") for n in rows)
        assert sorted(int(n.rsplit("-", 1)[1]) for n in rows) == list(range(1, 9))
        failed = cases[w.provider.id][2]
        assert await FeeInvoice.filter(case_id=failed.id).count() == 0
    issued = await FeeInvoice.all().prefetch_related("case")
    assert len(issued) == 16
    assert all(invoice.provider_id == invoice.case.provider_id for invoice in issued)


async def test_the_invoice_pdf_shows_its_number_amount_and_status(factory: Factory) -> None:
    w = await quick_world(factory)
    await with_fees(factory, w, hold=None)
    case = await w.new_case(claimed_amount="2000.00")
    invoice = (await invoices(case))[FeePayer.COMPLAINANT]

    content, _ = await invoice_document(await actor_for(w.complainant), invoice.id)

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert content.startswith(b"%PDF-")
    assert invoice.number in text
    assert re.search(r"Amount: 25\.00 EUR", text)
    assert "Status: Due" in text
    assert case.reference in text
    outsider = await quick_world(factory)
    with pytest.raises(CaseError) as foreign:
        await invoice_document(await actor_for(outsider.complainant), invoice.id)
    assert foreign.value.code == "NOT_FOUND"


async def test_the_invoice_pdf_names_its_issuer_and_prints_a_chinese_name(factory: Factory) -> None:
    """The provider the case was referred to issues the invoice and is named on it; a payer's
    name written in Chinese prints (the bundled Noto Sans SC subset), not as `?` or nothing."""
    w = await quick_world(factory)
    await with_fees(factory, w, hold=None)
    w.complainant.display_name = "王小明"
    await w.complainant.save(update_fields=["display_name"])
    case = await w.new_case(claimed_amount="2000.00")
    invoice = (await invoices(case))[FeePayer.COMPLAINANT]

    content, _ = await invoice_document(await actor_for(w.complainant), invoice.id)

    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert invoice.provider_id == w.provider.id
    assert w.provider.name in text
    assert "Complainant:" in text
    # pypdf reads the CFF font's two-byte codes with a NUL before each character; the PDF's
    # ToUnicode map itself maps each code to its one character.
    assert "王小明" in text.replace("\x00", "").replace(" ", "")
    assert "?" not in text


async def test_the_transparency_report_shows_fees_and_who_paid(factory: Factory) -> None:
    w = await quick_world(factory)
    await with_fees(factory, w, hold=None)
    case = await w.new_case(claimed_amount="2000.00")
    got = await invoices(case)
    caseworker = await actor_for(w.caseworker)
    await record_payment(caseworker, got[FeePayer.ORGANISATION].id, reference="x", at=_now())
    await w.act(w.caseworker, case, Action.CLOSE, reason="discontinued", note="Stopped.")

    year = _now().year
    report = await transparency_report(w.provider.slug, Period.of_year(year))

    (disclosed,) = report.cases
    assert (
        str(disclosed.complainant_fee),
        disclosed.complainant_fee_status,
        str(disclosed.organisation_fee),
        disclosed.organisation_fee_status,
        disclosed.fee_currency,
    ) == ("25.00", "due", "300.00", "paid", "EUR")


async def test_a_new_scheme_version_keeps_its_fee_schedule(factory: Factory) -> None:
    w = await quick_world(factory)
    await with_fees(factory, w, hold=Stage.FILE_REVIEW)
    await w.new_case()  # a case points at the scheme: an edit makes a new version
    admin = await actor_for(await Factory(factory.settings, passwords=False).user(Role.ADMIN))

    new = await update_scheme(admin, w.scheme.id, {"name": "Consumer scheme 2027"})

    assert new.id != w.scheme.id
    found = await schedule_of(new.id)
    assert found is not None
    assert found[0].hold_stage is Stage.FILE_REVIEW
    assert sorted(found[1], key=lambda b: (b.payer, b.from_minor)) == sorted(
        BANDS, key=lambda b: (b.payer, b.from_minor)
    )
    assert await FeeSchedule.all().count() == 2


def test_the_stages_fees_may_hold_are_those_a_guarded_step_leaves() -> None:
    assert {
        Stage.REFERRED,
        Stage.ACCEPTED,
        Stage.AWAITING_RESPONSE,
        Stage.FILE_REVIEW,
    } == FEE_HOLD_STAGES
    guarded = {a for a, t in TABLE.items() if any(g.__name__ == "fees_settled" for g in t.guards)}
    assert guarded == {
        Action.ACCEPT,
        Action.GIVE_CONSENT,
        Action.SUBMIT_RESPONSE,
        Action.COMPLETE_FILE,
    }


async def test_retention_blanks_a_waivers_reasons(factory: Factory, settings: Settings) -> None:
    w = await quick_world(factory)
    await with_fees(factory, w, hold=Stage.REFERRED)
    case = await w.new_case(claimed_amount="2000.00")
    got = await invoices(case)
    complainant, caseworker = await actor_for(w.complainant), await actor_for(w.caseworker)
    waiver = await request_waiver(
        complainant,
        got[FeePayer.COMPLAINANT].id,
        reasons="Marchbanks is on benefits.",
        evidence_id=None,
        at=_now(),
    )
    await decide_waiver(caseworker, waiver.id, grant=True, reasons="Marchbanks' letter.", at=_now())

    await redact_case(case.id, _now(), storage_of(settings), RedactionRule.RETENTION)

    assert await found_in_database("Marchbanks", skip=frozenset({"user"})) == {}
    assert (await FeeWaiver.get(id=waiver.id)).status is WaiverStatus.GRANTED  # the facts stay

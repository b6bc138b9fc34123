"""Issue 20: the mails of fees and of a person's review of an automated step, through the outbox
to a real SMTP server (the mail sink).

Each goes to those the access policy names (portal.notifications.policy_mails), in their own
language, once: a step replayed with its idempotency key, or refused, writes no second mail,
and the worker run again sends nothing twice. A mail about an automated step says it was
automated and names its rule.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from portal.accounts.models import Locale, User
from portal.automated.models import AutomatedDecision
from portal.automated.services import decide_review, request_review
from portal.cases.errors import CaseError
from portal.cases.models import DisputeCase
from portal.fees.services import decide_waiver, record_payment
from portal.fees.states import FeePayer
from portal.ids import decode_id, global_id
from portal.notifications.mail import MailKind, message_id
from portal.notifications.models import Channel, OutboxMessage, OutboxStatus
from portal.notifications.worker import Worker
from portal.settings import Settings
from tests.factories import (
    Factory,
    World,
    actor_for,
    deliver_all,
    mail_settings,
    mail_text,
    quick_world,
    start_mailsink,
)
from tests.fees_support import invoices, with_fees
from tests.test_api_support import token_for
from tests.test_automated_review import _silent
from tests.test_idempotency import send

Mail = tuple[str, str, str]  # kind, recipient, locale


def _now() -> datetime:
    return datetime.now(UTC)


async def _rows() -> list[OutboxMessage]:
    return list(await OutboxMessage.filter(channel=Channel.EMAIL).order_by("created_at"))


async def _since(seen: set[object]) -> list[OutboxMessage]:
    """The mails written since ``seen`` (the ids of the rows before)."""
    return [m for m in await _rows() if m.id not in seen]


def _ids(rows: list[OutboxMessage]) -> set[object]:
    return {m.id for m in rows}


def _sent(rows: list[OutboxMessage], *kinds: MailKind) -> set[Mail]:
    wanted = {k.value for k in kinds}
    return {(m.kind, m.recipient, m.locale) for m in rows if m.kind in wanted}


async def _delivered(
    settings: Settings, folder: Path, at: datetime
) -> tuple[dict[str, EmailMessage], int]:
    """Deliver the whole outbox to the mail sink, then run the worker again: the mails it
    received by Message-ID, and how many it received in all."""
    running = await start_mailsink(folder)
    try:
        worker = Worker(mail_settings(settings, running.port), clock=lambda: at)
        await deliver_all(worker)
        await deliver_all(worker)
    finally:
        await running.stop()
    received = list(running.sink.received)
    return {str(m["Message-ID"]): m for m in received}, len(received)


def _text(
    arrived: dict[str, EmailMessage], settings: Settings, row: OutboxMessage
) -> tuple[str, str]:
    mail = arrived[message_id(str(row.id), settings)]
    assert mail["To"] == row.recipient
    return str(mail["Subject"]), mail_text(mail)


async def _chinese(user: User) -> None:
    await User.filter(id=user.id).update(locale=Locale.ZH_HANS)


# --- fees -----------------------------------------------------------------------------------


async def test_fee_mails_go_to_those_the_fee_rules_name_in_their_language_once(
    app: Starlette,
    client: httpx.AsyncClient,
    factory: Factory,
    settings: Settings,
    tmp_path: Path,
) -> None:
    w = await quick_world(factory)
    other = await quick_world(factory)  # another organisation's people hear nothing
    await with_fees(factory, w, hold=None)
    await _chinese(w.complainant)
    zh, en = Locale.ZH_HANS.value, Locale.EN.value

    case = await w.new_case(claimed_amount="2000.00")
    got = await invoices(case)
    issued = await _rows()
    # Each side hears of its own invoice; the provider, the neutral and the auditor of none.
    assert _sent(issued, MailKind.FEE_INVOICE_ISSUED) == {
        ("fee_invoice_issued", w.complainant.email, zh),
        ("fee_invoice_issued", w.agent.email, en),
        ("fee_invoice_issued", w.manager.email, en),
    }

    # The consumer asks for a waiver over GraphQL, with a retry key, twice (a lost answer):
    # one request, one mail, to the provider's caseworkers only.
    token = await token_for(app, w.complainant)
    own = got[FeePayer.COMPLAINANT]
    ask = {"invoiceId": _gid("FeeInvoice", own.id), "reasons": "I receive unemployment benefit."}
    first = await send(client, token, "requestFeeWaiver", "waiver-1", "waiver { id }", **ask)
    again = await send(client, token, "requestFeeWaiver", "waiver-1", "waiver { id }", **ask)
    assert first["userErrors"] == []
    assert again == first
    asked = await _since(_ids(issued))
    assert _sent(asked, *MailKind) == {("fee_waiver_requested", w.caseworker.email, en)}

    # The provider refuses it, with reasons: the consumer who asked hears, in Chinese. A
    # second decision is refused and writes nothing.
    caseworker = await actor_for(w.caseworker)
    waiver_id = _pk(first["waiver"]["id"])
    await decide_waiver(caseworker, waiver_id, grant=False, reasons="No letter seen.", at=_now())
    with pytest.raises(CaseError) as twice:
        await decide_waiver(caseworker, waiver_id, grant=True, reasons="Changed.", at=_now())
    assert twice.value.code == "WAIVER_DECIDED"
    decided = await _since(_ids(issued) | _ids(asked))
    assert _sent(decided, *MailKind) == {("fee_waiver_decided", w.complainant.email, zh)}

    # The provider's staff record the business's payment: its staff hear; the caseworker who
    # recorded it does not, nor the consumer.
    before = _ids(await _rows())
    await record_payment(caseworker, got[FeePayer.ORGANISATION].id, reference="SEPA 7", at=_now())
    paid = await _since(before)
    assert _sent(paid, *MailKind) == {
        ("fee_payment_recorded", w.agent.email, en),
        ("fee_payment_recorded", w.manager.email, en),
    }

    everything = await _rows()
    nobody = {p.email for p in (w.neutral, w.auditor)} | {
        p.email for p in (other.complainant, other.agent, other.manager, other.caseworker)
    }
    assert not {m.recipient for m in everything} & nobody

    arrived, count = await _delivered(settings, tmp_path, _now() + timedelta(minutes=1))
    # Every row delivered, each once (the second run found nothing due).
    assert count == len(everything)
    assert await OutboxMessage.filter(status=OutboxStatus.DELIVERED).count() == len(everything)
    (invoice_zh,) = [
        m
        for m in issued
        if m.recipient == w.complainant.email and m.kind == MailKind.FEE_INVOICE_ISSUED.value
    ]
    subject, text = _text(arrived, settings, invoice_zh)
    assert own.number in subject
    assert "发票" in subject
    assert "25.00 EUR" in text
    (request,) = asked
    subject, text = _text(arrived, settings, request)
    assert "waiver" in subject
    assert own.number in text
    # The consumer's reasons stay in the portal.
    assert "unemployment" not in text
    (answer,) = decided
    subject, text = _text(arrived, settings, answer)
    assert "未获批准" in subject
    assert "No letter seen." in text
    subject, text = _text(arrived, settings, paid[0])
    assert got[FeePayer.ORGANISATION].number in subject
    assert "The invoice is paid." in text
    assert f"by {w.provider.name}" in text


# --- a person's review of an automated step -------------------------------------------------


async def _reviewed(w: World) -> tuple[DisputeCase, AutomatedDecision, datetime]:
    case, lapse = await _silent(w)
    decision = await AutomatedDecision.get(case_id=case.id)
    return case, decision, lapse


async def test_a_review_request_goes_to_the_caseworkers_and_says_the_step_was_automated(
    app: Starlette,
    client: httpx.AsyncClient,
    factory: Factory,
    settings: Settings,
    tmp_path: Path,
) -> None:
    w = await quick_world(factory)
    await _chinese(w.caseworker)
    case, decision, _ = await _reviewed(w)
    await AutomatedDecision.filter(id=decision.id).update(
        review_due_at=datetime(2099, 1, 1, tzinfo=UTC)
    )
    before = _ids(await _rows())

    token = await token_for(app, w.complainant)
    ask = {
        "automatedDecisionId": _gid("AutomatedDecision", decision.id),
        "reasons": "I was in hospital; the organisation knew.",
    }
    first = await send(client, token, "requestAutomatedReview", "r-1", "review { id }", **ask)
    again = await send(client, token, "requestAutomatedReview", "r-1", "review { id }", **ask)
    assert first["userErrors"] == []
    assert again == first
    # Asked again without the key: refused, nothing written.
    third = await send(client, token, "requestAutomatedReview", None, "review { id }", **ask)
    assert [e["code"] for e in third["userErrors"]] == ["AUTOMATED_REVIEW_EXISTS"]

    asked = await _since(before)
    assert _sent(asked, *MailKind) == {
        ("automated_review_requested", w.caseworker.email, Locale.ZH_HANS.value)
    }
    arrived, _ = await _delivered(settings, tmp_path, _now() + timedelta(minutes=1))
    subject, text = _text(arrived, settings, asked[0])
    assert case.reference in subject
    assert "自动作出" in text
    assert '"organisation_silent"' in text
    assert "hospital" not in text  # the reasons stay in the portal


async def test_an_upheld_review_tells_the_parties_with_the_rule_and_the_reasons(
    factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    await _chinese(w.complainant)
    _, decision, lapse = await _reviewed(w)
    asked = await request_review(
        await actor_for(w.agent), decision.id, {"reasons": "We did answer."}, at=lapse
    )
    before = _ids(await _rows())
    caseworker = await actor_for(w.caseworker)
    data = {"verdict": "upheld", "reasons": "No answer reached the provider."}
    await decide_review(caseworker, asked.review.id, data, at=lapse + timedelta(hours=1))
    with pytest.raises(CaseError) as twice:
        await decide_review(caseworker, asked.review.id, data, at=lapse + timedelta(hours=2))
    assert twice.value.code == "AUTOMATED_REVIEW_NOT_PENDING"

    upheld = await _since(before)
    # The parties it affects; not the caseworker who decided, nor the neutral or the auditor.
    assert _sent(upheld, *MailKind) == {
        ("automated_decision_upheld", w.complainant.email, Locale.ZH_HANS.value),
        ("automated_decision_upheld", w.agent.email, Locale.EN.value),
        ("automated_decision_upheld", w.manager.email, Locale.EN.value),
    }
    arrived, count = await _delivered(settings, tmp_path, lapse + timedelta(days=1))
    assert await OutboxMessage.filter(status=OutboxStatus.DELIVERED).count() == count
    (agent,) = [m for m in upheld if m.recipient == w.agent.email]
    subject, text = _text(arrived, settings, agent)
    assert "upheld" in subject
    assert "taken automatically by Parley" in text
    assert '"organisation_silent"' in text
    assert "No answer reached the provider." in text
    (complainant,) = [m for m in upheld if m.recipient == w.complainant.email]
    subject, text = _text(arrived, settings, complainant)
    assert "维持" in subject
    assert "自动作出" in text


async def test_a_reversed_review_names_the_rule_of_the_step_it_reversed(
    factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    await _chinese(w.agent)
    _, decision, lapse = await _reviewed(w)
    asked = await request_review(
        await actor_for(w.complainant), decision.id, {"reasons": "Please look."}, at=lapse
    )
    before = _ids(await _rows())
    await decide_review(
        await actor_for(w.caseworker),
        asked.review.id,
        {"verdict": "reversed", "reasons": "The organisation's answer was lost."},
        at=lapse + timedelta(hours=1),
    )
    reversed_ = [m for m in await _since(before) if m.kind == MailKind.CASE_STEP.value]
    # The reversal row's `tells`: the parties (and a neutral, none on this case yet).
    assert {(m.recipient, m.locale) for m in reversed_} == {
        (w.complainant.email, Locale.EN.value),
        (w.agent.email, Locale.ZH_HANS.value),
        (w.manager.email, Locale.EN.value),
    }
    arrived, _ = await _delivered(settings, tmp_path, lapse + timedelta(days=1))
    (agent,) = [m for m in reversed_ if m.recipient == w.agent.email]
    subject, text = _text(arrived, settings, agent)
    assert "撤销" in subject
    assert '"organisation_silent"' in text
    assert "自动作出" in text
    (complainant,) = [m for m in reversed_ if m.recipient == w.complainant.email]
    _, text = _text(arrived, settings, complainant)
    assert "taken automatically by Parley" in text
    assert '"organisation_silent"' in text


def _gid(kind: str, pk: uuid.UUID) -> str:
    return global_id(kind, pk)


def _pk(value: str) -> uuid.UUID:
    pk = decode_id(value, "FeeWaiver")
    assert pk is not None
    return pk

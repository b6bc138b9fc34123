"""Issue 16, deliverable 2: whoever takes a step that cannot be undone gets a receipt by mail,
read here from a real SMTP server (aiosmtpd, `portal mailsink`'s handler), in their language,
with the timeline receipt that proves the step is still on the record.

The steps are the transition table's irreversible rows, and only those: a row marked so without
a template in every language fails here, and so does a template for a row not marked."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from portal.accounts.models import Locale, User
from portal.cases.events import EventKind
from portal.cases.models import DisputeCase, Offer
from portal.cases.services import Action, run_clock_job
from portal.cases.states import Method, Stage
from portal.cases.transitions import TRANSITIONS
from portal.notifications.mail import TEMPLATES, MailKind, message_id, render
from portal.notifications.models import OutboxMessage
from portal.notifications.receipts import receipt_actions, template_path
from portal.notifications.worker import Worker
from portal.settings import Settings
from portal.timeline.models import TimelineEvent
from portal.timeline.services import Receipt, verify
from tests.factories import Factory, World, deliver_all, mail_settings, quick_world, start_mailsink
from tests.test_lifecycle_paths import CONSENT, act, up_to_a_confirmed_neutral

CJK = re.compile(r"[\u4e00-\u9fff]")
SAMPLE: dict[str, Any] = {
    "name": "Maria",
    "case": {"reference": "DR-2026-000042", "subject": "Billed twice", "method": "mediation"},
    "organisation": "Acme",
    "provider": "Fair ADR",
    "role": "complainant",
    "when": "2026-12-06 16:00 UTC",
    "stage": "closed",
    "binding": False,
    "family": "facilitative",
    "step": {"amount": "10.00", "currency": "EUR", "kind": "award", "decision": "upheld"},
    "next": [],
    "receipt": {"sequence": 7, "hash": "ab" * 32},
    "path": "/cases/RGlzcHV0ZUNhc2U6eA",
    "link": "http://127.0.0.1:8000/cases/RGlzcHV0ZUNhc2U6eA",
}


def test_every_irreversible_row_has_a_receipt_in_every_language_and_no_other_row_has_one() -> None:
    marked = set(receipt_actions())
    # The steps issue 16 names are marked in the table (the one place that says so).
    assert {
        Action.ACCEPT_OFFER,
        Action.ACCEPT_OUTCOME,
        Action.REJECT_OUTCOME,
        Action.GIVE_CONSENT,
        Action.WITHDRAW,
        Action.ISSUE_OUTCOME,
        Action.CLOSE,
        Action.DECLINE,
    } <= marked
    # Only a person's step earns a receipt: the clock job's are never marked.
    assert not any(t.system for t in TRANSITIONS if t.irreversible)
    for locale in Locale:
        for transition in TRANSITIONS:
            path = template_path(locale.value, transition.action)
            assert path.exists() is transition.irreversible, (locale, transition.action)
        names = {p.stem for p in (TEMPLATES / locale.value).glob("receipt_*.txt")}
        assert names == {f"receipt_{a.value}" for a in marked}
        for action in marked:
            mail = render(MailKind.RECEIPT, locale.value, {**SAMPLE, "action": action.value})
            assert "DR-2026-000042" in mail.subject
            assert "ab" * 32 in mail.text
            assert bool(CJK.search(mail.text)) is (locale is Locale.ZH_HANS), (locale, action)


async def _event(case: DisputeCase, kind: EventKind) -> TimelineEvent:
    return await TimelineEvent.get(case_id=case.id, kind=kind.value)


def _text(mail: EmailMessage) -> str:
    body = mail.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


async def _receipts(settings: Settings, folder: Path) -> dict[str, list[EmailMessage]]:
    """Deliver every queued mail to a real SMTP server; the receipts that arrived, by address."""
    rows = await OutboxMessage.filter(kind=MailKind.RECEIPT.value)
    ids = {message_id(str(r.id), settings) for r in rows}
    running = await start_mailsink(folder)
    try:
        # The steps were taken at the lifecycle's own (future) instants: deliver after them.
        later = datetime.now(UTC) + timedelta(days=400)
        await deliver_all(Worker(mail_settings(settings, running.port), clock=lambda: later))
    finally:
        await running.stop()
    found: dict[str, list[EmailMessage]] = {}
    for mail in running.sink.received:
        if mail["Message-ID"] in ids:
            found.setdefault(str(mail["To"]), []).append(mail)
    assert sum(len(v) for v in found.values()) == len(ids)
    return found


async def _proves(case: DisputeCase, event: TimelineEvent, text: str) -> None:
    """The mail carries the event's place and the chain's hash after it, and they check out."""
    assert f"{event.sequence}" in text
    assert event.hash in text
    stored = await DisputeCase.get(id=case.id)
    result = await verify(stored, Receipt(event.sequence, event.hash))
    assert (result.ok, result.first_broken_sequence) == (True, None)
    forged = await verify(stored, Receipt(event.sequence, "0" * 64))
    assert forged.ok is False


async def _mediation_settled(w: World) -> DisputeCase:
    case = await w.new_case(Method.MEDIATION)
    t0 = case.stage_changed_at
    case = await up_to_a_confirmed_neutral(w, case, t0)
    await act(
        w.complainant,
        case,
        Action.MAKE_OFFER,
        t0 + timedelta(days=15),
        amount="110.00",
        terms="Refund 110",
    )
    offer = await Offer.get(case_id=case.id)
    return await act(w.agent, case, Action.ACCEPT_OFFER, t0 + timedelta(days=16), offer_id=offer.id)


async def test_consent_and_an_accepted_offer_send_receipts_in_each_takers_language(
    factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    await User.filter(id=w.complainant.id).update(locale=Locale.ZH_HANS)
    case = await _mediation_settled(w)
    assert case.stage is Stage.IMPLEMENTATION

    found = await _receipts(settings, tmp_path)

    # Accepting the case, responding, appointing, offering: none is irreversible.
    assert sorted(found) == sorted([w.complainant.email, w.agent.email])
    [consent] = found[w.complainant.email]
    [accepted] = found[w.agent.email]

    text = _text(consent)
    assert CJK.search(str(consent["Subject"]))
    assert case.reference in str(consent["Subject"])
    assert "Overcharged on the March bill" in text
    assert "调解" in text  # the method, in the reader's words
    assert "否则任何结果对您都没有约束力" in text  # its legal effect
    assert "组织的答复" in text  # next: the organisation's response clock, with its date
    consented = await _event(case, EventKind.CONSENT_GIVEN)
    assert consented.occurred_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") in text
    await _proves(case, consented, text)

    text = _text(accepted)
    assert not CJK.search(text)
    assert str(accepted["Subject"]) == f"Receipt: you accepted the offer on {case.reference}"
    assert "offer of 110.00 EUR" in text
    assert "the settlement of the dispute, full and final" in text
    assert "Next deadline: the implementation of the outcome, by" in text
    await _proves(case, await _event(case, EventKind.OFFER_ACCEPTED), text)


async def test_an_issued_outcome_and_a_withdrawal_send_receipts_to_who_took_them(
    factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    decided = await w.new_case(Method.ARBITRATION_BINDING)
    t0 = decided.stage_changed_at
    await act(w.caseworker, decided, Action.ACCEPT, t0 + timedelta(hours=1))
    await act(
        w.complainant,
        decided,
        Action.GIVE_CONSENT,
        t0 + timedelta(hours=2),
        consents_to_be_bound=True,
        **CONSENT,
    )
    await OutboxMessage.filter(kind=MailKind.RECEIPT.value).delete()
    await act(w.agent, decided, Action.SUBMIT_RESPONSE, t0 + timedelta(days=3), position="Fair.")
    await act(w.complainant, decided, Action.SUBMIT_REPLY, t0 + timedelta(days=3), reply="No.")
    await act(
        w.caseworker,
        decided,
        Action.APPOINT_NEUTRAL,
        t0 + timedelta(days=4),
        neutral_id=w.neutral.id,
    )
    await act(
        w.neutral, decided, Action.DECLARE_IMPARTIALITY, t0 + timedelta(days=5), impartial=True
    )
    assert await run_clock_job(t0 + timedelta(days=12, hours=1)) == 1
    await act(w.caseworker, decided, Action.COMPLETE_FILE, t0 + timedelta(days=13))
    await act(
        w.neutral,
        decided,
        Action.ISSUE_OUTCOME,
        t0 + timedelta(days=30),
        summary="Refund 60 EUR",
        reasons="The second charge was not agreed.",
        amount="60.00",
    )
    withdrawn = await w.new_case(Method.MEDIATION)
    await w.act(w.complainant, withdrawn, Action.WITHDRAW, reason="Settled directly.")

    found = await _receipts(settings, tmp_path)

    assert sorted(found) == sorted([w.neutral.email, w.complainant.email])
    [issued] = found[w.neutral.email]
    [left] = found[w.complainant.email]

    text = _text(issued)
    assert str(issued["Subject"]) == f"Receipt: you issued the award on {decided.reference}"
    assert "an award that binds both parties" in text
    assert "cannot be edited or withdrawn" in text
    assert "the parties have been told, and have until" in text
    await _proves(decided, await _event(decided, EventKind.OUTCOME_ISSUED), text)

    text = _text(left)
    assert str(left["Subject"]) == f"Receipt: you withdrew from dispute {withdrawn.reference}"
    assert "the procedure has ended and cannot be restarted" in text
    assert "Next deadline" not in text
    await _proves(withdrawn, await _event(withdrawn, EventKind.CASE_WITHDRAWN), text)

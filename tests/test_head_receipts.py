"""Issue 19, deliverable 2: when an outcome is issued, when it is accepted and when the case
closes, every party (complainant side, organisation staff, the neutral) is mailed the head of
the case's chain, in their language, through the outbox to a real SMTP server; the same head
is kept on their account (`viewer.receipts`) and checks out against the live chain."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import httpx
from starlette.applications import Starlette

from portal.accounts.models import Locale, User
from portal.cases.models import DisputeCase
from portal.cases.services import Action
from portal.cases.states import Method, Stage
from portal.notifications.mail import MailKind, message_id
from portal.notifications.models import HeadReceipt, OutboxMessage, ReceiptMoment
from portal.notifications.worker import Worker
from portal.settings import Settings
from portal.timeline.models import TimelineEvent
from portal.timeline.services import Receipt, VerificationResult, verify
from tests.factories import (
    NOTICE_READ,
    Factory,
    World,
    deliver_all,
    mail_settings,
    quick_world,
    start_mailsink,
)
from tests.test_api_support import call, case_id, token_for
from tests.test_lifecycle_paths import act, up_to_a_confirmed_neutral

CJK = re.compile(r"[\u4e00-\u9fff]")
RECEIPTS = "query { viewer { receipts { caseId caseReference moment sequence hash receivedAt } } }"


async def _kept(case: DisputeCase) -> dict[ReceiptMoment, dict[str, object]]:
    """The moment -> (sequence, hash, who) of every receipt kept for ``case``."""
    found: dict[ReceiptMoment, dict[str, object]] = {}
    for row in await HeadReceipt.filter(case_id=case.id).order_by("created_at"):
        entry = found.setdefault(
            row.moment, {"sequence": row.sequence, "hash": row.hash, "who": set()}
        )
        assert (entry["sequence"], entry["hash"]) == (row.sequence, row.hash)
        entry["who"].add(row.user_id)  # type: ignore[attr-defined]
    return found


async def _ombudsman_to_closure(w: World) -> tuple[DisputeCase, dict[ReceiptMoment, int]]:
    """Issued, accepted by both sides, implemented, confirmed: the head after each moment."""
    case = await w.new_case(Method.OMBUDSMAN_RECOMMENDATION)
    t0 = case.stage_changed_at
    case = await up_to_a_confirmed_neutral(w, case, t0)
    heads: dict[ReceiptMoment, int] = {}
    case = await act(
        w.neutral,
        case,
        Action.ISSUE_OUTCOME,
        t0 + timedelta(days=30),
        summary="Refund 60 EUR",
        reasons="The second charge was not agreed.",
        amount="60.00",
    )
    heads[ReceiptMoment.OUTCOME_ISSUED] = case.last_sequence
    case = await act(
        w.complainant, case, Action.ACCEPT_OUTCOME, t0 + timedelta(days=31), **NOTICE_READ
    )
    assert await HeadReceipt.filter(moment=ReceiptMoment.OUTCOME_ACCEPTED).count() == 0
    case = await act(w.agent, case, Action.ACCEPT_OUTCOME, t0 + timedelta(days=32), **NOTICE_READ)
    heads[ReceiptMoment.OUTCOME_ACCEPTED] = case.last_sequence
    await act(w.agent, case, Action.RECORD_IMPLEMENTATION, t0 + timedelta(days=40), evidence="Paid")
    case = await act(w.complainant, case, Action.CONFIRM_IMPLEMENTATION, t0 + timedelta(days=41))
    assert case.stage is Stage.CLOSED
    heads[ReceiptMoment.CASE_CLOSED] = case.last_sequence
    return case, heads


def _text(mail: EmailMessage) -> str:
    body = mail.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


async def test_every_party_is_mailed_the_head_at_each_key_moment_and_keeps_it(
    factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    await User.filter(id=w.complainant.id).update(locale=Locale.ZH_HANS)
    case, heads = await _ombudsman_to_closure(w)
    parties = {w.complainant.id, w.agent.id, w.manager.id, w.neutral.id}

    kept = await _kept(case)
    rows = await OutboxMessage.filter(kind=MailKind.HEAD_RECEIPT.value)
    ids = {message_id(str(r.id), settings): r for r in rows}
    running = await start_mailsink(tmp_path)
    try:
        later = datetime.now(UTC) + timedelta(days=400)
        await deliver_all(Worker(mail_settings(settings, running.port), clock=lambda: later))
    finally:
        await running.stop()
    mails: dict[str, list[EmailMessage]] = {}
    for mail in running.sink.received:
        if mail["Message-ID"] in ids:
            mails.setdefault(str(mail["To"]), []).append(mail)

    stored = await DisputeCase.get(id=case.id)
    assert set(kept) == set(ReceiptMoment)
    for moment, head in heads.items():
        # The head after the step, every event it recorded included; the caseworker and the
        # auditor are not parties.
        event = await TimelineEvent.get(case_id=case.id, sequence=head)
        assert kept[moment] == {"sequence": head, "hash": event.hash, "who": parties}
        result = await verify(stored, Receipt(head, event.hash))
        assert result.result is VerificationResult.INTACT
    assert sorted(mails) == sorted(
        [w.complainant.email, w.agent.email, w.manager.email, w.neutral.email]
    )
    for address, received in mails.items():
        assert len(received) == 3
        for mail in received:
            text = _text(mail)
            assert case.reference in str(mail["Subject"])
            shown = (
                f"event {k['sequence']}, chain hash {k['hash']}."
                if address != w.complainant.email
                else f"第 {k['sequence']} 号事件，链哈希值 {k['hash']}。"  # noqa: RUF001
                for k in kept.values()
            )
            assert sum(line in text for line in shown) == 1, text
            assert bool(CJK.search(text)) is (address == w.complainant.email)
    subjects = sorted(str(m["Subject"]) for m in mails[w.agent.email])
    assert subjects == sorted(
        f"Record receipt for dispute {case.reference}: {what}"
        for what in ("outcome issued", "outcome accepted", "case closed")
    )


async def test_the_account_lists_only_its_own_receipts_and_each_checks_out(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w, other = await quick_world(factory), await quick_world(factory)
    case, heads = await _ombudsman_to_closure(w)
    mine = await call(client, await token_for(app, w.complainant), RECEIPTS)
    theirs = await call(client, await token_for(app, other.complainant), RECEIPTS)
    listed = mine["data"]["viewer"]["receipts"]

    assert theirs["data"]["viewer"]["receipts"] == []
    assert [r["moment"] for r in listed] == ["CASE_CLOSED", "OUTCOME_ACCEPTED", "OUTCOME_ISSUED"]
    assert [r["sequence"] for r in listed] == [
        heads[ReceiptMoment.CASE_CLOSED],
        heads[ReceiptMoment.OUTCOME_ACCEPTED],
        heads[ReceiptMoment.OUTCOME_ISSUED],
    ]
    assert {(r["caseId"], r["caseReference"]) for r in listed} == {(case_id(case), case.reference)}
    check = (
        "query C($id: ID!, $s: Int!, $h: String!) { verifyReceipt(caseId: $id, sequence: $s, "
        "headHash: $h) { result } }"
    )
    token = await token_for(app, w.complainant)
    for receipt in listed:
        variables = {"id": receipt["caseId"], "s": receipt["sequence"], "h": receipt["hash"]}
        answer = await call(client, token, check, variables)
        assert answer["data"]["verifyReceipt"]["result"] == "MATCHES"

"""Every new clock of issue 15 is mailed to whoever it names, read back from a real SMTP
server: the complainant's consent and confirmation clocks ("Action needed"), the reply
window ("You may reply ... until"), and the provider's closure clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

from portal.accounts.models import Locale, User
from portal.cases.models import Clock
from portal.cases.services import Action
from portal.cases.states import ClockKind
from portal.notifications.models import OutboxMessage
from portal.settings import Settings
from tests.factories import Factory, delivered_mails, mail_text, quick_world
from tests.test_implementation_escalation import implemented
from tests.test_lifecycle_paths import CONSENT, act


async def _mails_to(
    settings: Settings, folder: Path, *people: User
) -> dict[str, list[EmailMessage]]:
    # The steps below ran at the cases' own instants: deliver whatever is queued now.
    await OutboxMessage.all().update(next_attempt_at=datetime.now(UTC))
    found: dict[str, list[EmailMessage]] = {p.email: [] for p in people}
    for mail in await delivered_mails(settings, folder):
        if str(mail["To"]) in found:
            found[str(mail["To"])].append(mail)
    return found


def _due(clock: Clock) -> str:
    return clock.due_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


async def test_the_reply_window_is_mailed_to_the_complainant_as_a_right(
    db: str, settings: Settings, tmp_path: Path, factory: Factory
) -> None:
    w = await quick_world(factory)
    case = await w.new_case()
    await w.act(w.caseworker, case, Action.ACCEPT)
    await w.act(w.complainant, case, Action.GIVE_CONSENT, **CONSENT)
    await OutboxMessage.all().delete()

    await w.act(w.agent, case, Action.SUBMIT_RESPONSE, position="The bill is right.")
    reply = await Clock.get(case_id=case.id, kind=ClockKind.REPLY)
    mails = await _mails_to(settings, tmp_path, w.complainant)

    # Besides the step's own mail (the organisation's position), the window for the reply.
    subject = (
        f"You may reply to the organisation's position on {case.reference} until {_due(reply)}"
    )
    [window] = [m for m in mails[w.complainant.email] if str(m["Subject"]) == subject]
    assert "You do not have to" in mail_text(window)
    assert "the file is completed with what both sides have sent" in mail_text(window)


async def test_the_consent_clock_is_mailed_as_action_needed_in_the_complainants_language(
    db: str, settings: Settings, tmp_path: Path, factory: Factory
) -> None:
    w = await quick_world(factory)
    await User.filter(id=w.complainant.id).update(locale=Locale.ZH_HANS)
    case = await w.new_case()
    await OutboxMessage.all().delete()

    await w.act(w.caseworker, case, Action.ACCEPT)
    consent = await Clock.get(case_id=case.id, kind=ClockKind.CONSENT)
    mails = await _mails_to(settings, tmp_path, w.complainant)

    [mail] = [m for m in mails[w.complainant.email] if _due(consent) in str(m["Subject"])]
    assert case.reference in str(mail["Subject"])
    assert "您对解决方式的同意" in mail_text(mail)


async def test_the_confirmation_clock_asks_the_complainant_to_confirm_or_report(
    db: str, settings: Settings, tmp_path: Path, factory: Factory
) -> None:
    w = await quick_world(factory)
    case, _ = await implemented(w)
    clock = await Clock.get(case_id=case.id, kind=ClockKind.CONFIRMATION)

    mails = await _mails_to(settings, tmp_path, w.complainant)

    subject = f"Action needed on {case.reference} by {_due(clock)}"
    [mail] = [m for m in mails[w.complainant.email] if str(m["Subject"]) == subject]
    assert (
        "your confirmation that the outcome was carried out, or your report that it was not"
        in mail_text(mail)
    )


async def test_the_closure_clock_tells_the_provider_it_decides(
    db: str, settings: Settings, tmp_path: Path, factory: Factory
) -> None:
    w = await quick_world(factory)
    case, recorded = await implemented(w)
    await OutboxMessage.all().delete()
    await act(
        w.complainant,
        case,
        Action.REPORT_NOT_IMPLEMENTED,
        recorded + timedelta(days=1),
        reasons="Nothing arrived.",
    )
    clock = await Clock.get(case_id=case.id, kind=ClockKind.CLOSURE)

    mails = await _mails_to(settings, tmp_path, w.caseworker, w.complainant)

    [mail] = mails[w.caseworker.email]
    assert str(mail["Subject"]) == f"Action needed on {case.reference} by {_due(clock)}"
    assert "the provider's decision on the implementation" in mail_text(mail)
    # The complainant's own step brings a receipt, and no "Action needed".
    [receipt] = mails[w.complainant.email]
    assert (
        str(receipt["Subject"]) == f"Receipt: outcome reported not carried out on {case.reference}"
    )
    assert "the provider now decides" in mail_text(receipt)

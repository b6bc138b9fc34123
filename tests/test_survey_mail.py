"""Survey links reach people by mail (ISO 10004): the case-closed mail carries the invitee's
personal link, and an unanswered survey gets exactly one reminder, across workers."""

from __future__ import annotations

import dataclasses
import re
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

from portal.cases.models import DisputeCase
from portal.cases.services import Action
from portal.feedback.models import SurveyInvitation, SurveyPolicy
from portal.feedback.surveys import answer_survey, open_survey
from portal.notifications.mail import MailKind
from portal.notifications.models import OutboxMessage
from portal.notifications.outbox import now
from portal.notifications.surveys import schedule_survey_reminders
from portal.notifications.worker import Worker
from portal.settings import Settings
from tests.factories import Factory, World, deliver_all, mail_settings, quick_world, start_mailsink

CLOSED = r"Dispute \S+ closed"
LINK = re.compile(r"http://\S+/survey#token=([\w.-]+)")


async def _closed(w: World) -> DisputeCase:
    case = await w.new_case()
    return await w.act(w.caseworker, case, Action.CLOSE, reason="discontinued", note="Ceased.")


def _text(mail: EmailMessage) -> str:
    body = mail.get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content())


async def _deliver(settings: Settings, tmp_path: Path) -> dict[str, list[EmailMessage]]:
    running = await start_mailsink(tmp_path)
    try:
        await deliver_all(Worker(mail_settings(settings, running.port)))
    finally:
        await running.stop()
    by_recipient: dict[str, list[EmailMessage]] = {}
    for mail in running.sink.received:
        by_recipient.setdefault(str(mail["To"]), []).append(mail)
    return by_recipient


async def test_the_complainants_closing_mail_carries_a_working_survey_link_and_nobody_elses(
    factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    await SurveyPolicy.create(
        organisation_id=w.organisation.id,
        questions=[{"key": "overall", "kind": "scale", "prompt": "Overall?", "required": True}],
        invite_organisation=True,
        valid_days=30,
        reminder_after_days=7,
    )
    await _closed(w)

    mails = await _deliver(settings, tmp_path)

    def closing(email: str) -> str:
        # The closing mail itself, not the record receipt that closure also mails (issue 19).
        [text] = [_text(m) for m in mails[email] if re.fullmatch(CLOSED, str(m["Subject"]))]
        return text

    [token] = LINK.findall(closing(w.complainant.email))
    # The organisation's invitation goes to its managers; agents and the provider get no link.
    [manager_token] = LINK.findall(closing(w.manager.email))
    assert LINK.findall(closing(w.agent.email)) == []
    assert all(not LINK.findall(_text(m)) for m in mails.get(w.caseworker.email, []))
    issuer = Worker(settings).issuer
    survey = await open_survey(issuer, token, at=now())
    assert survey.invitation.recipient_id == w.complainant.id
    organisation = await open_survey(issuer, manager_token, at=now())
    assert organisation.invitation.respondent.value == "organisation"
    # Nothing secret is kept in the outbox: the link was minted for the mail only.
    contexts = await OutboxMessage.all().values_list("context", flat=True)
    assert all(token not in str(c) for c in contexts)


async def test_an_unanswered_survey_is_reminded_once_with_its_link_whatever_runs_again(
    factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    answered = await quick_world(factory)
    await SurveyPolicy.create(
        organisation_id=answered.organisation.id,
        questions=[{"key": "overall", "kind": "scale", "prompt": "Overall?", "required": True}],
        invite_organisation=False,
        valid_days=30,
        reminder_after_days=7,
    )
    case = await _closed(w)
    other = await _closed(answered)
    issuer = Worker(settings).issuer
    invitation = await SurveyInvitation.get(case_id=other.id)
    await answer_survey(
        issuer,
        _token_of(invitation, settings),
        [{"question": "overall", "score": 4}],
        at=now(),
    )
    later = now() + timedelta(days=8)

    assert await schedule_survey_reminders(now()) == 0  # not due yet
    assert await schedule_survey_reminders(later) == 1
    assert await schedule_survey_reminders(later) == 0
    # The worker's own schedule runs the same job, and finds nothing left either.
    worker = Worker(dataclasses.replace(settings, clock_interval=1))
    await worker.schedule(later)
    reminders = await OutboxMessage.filter(kind=MailKind.SURVEY_REMINDER.value)
    assert [(r.recipient, r.case_id) for r in reminders] == [(w.complainant.email, case.id)]

    # Queued for `later`, eight days on: bring it to now for the worker, which reads the clock.
    await OutboxMessage.filter(kind=MailKind.SURVEY_REMINDER.value).update(next_attempt_at=now())
    mails = await _deliver(settings, tmp_path)
    [reminder] = [m for m in mails[w.complainant.email] if "how did" in str(m["Subject"]).lower()]
    [token] = LINK.findall(_text(reminder))
    assert (await open_survey(issuer, token, at=now())).invitation.case_id == case.id


def _token_of(invitation: SurveyInvitation, settings: Settings) -> str:
    from portal.feedback.surveys import survey_url

    url = survey_url(invitation, Worker(settings).issuer, settings.public_url)
    return url.split("#token=", 1)[1]

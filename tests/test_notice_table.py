"""Issue 15, deliverable 2: each transition declares who is told of it, or the duty it creates.

A step nobody hears of is a dead end: the case waits on someone who does not know it. So each
row of the transition table names the roles its mail goes to (`tells`), or starts a duty
clock, whose mail tells the one who must act ("Action needed"); the clock job's rows too.
"""

from __future__ import annotations

import dataclasses

from portal.accounts.models import Locale
from portal.cases.states import CaseRole, ClockKind
from portal.cases.transitions import (
    CLOCK_OBLIGATIONS,
    TABLE,
    TRANSITIONS,
    Action,
    ClockObligation,
    Transition,
)
from portal.notifications.mail import TEMPLATES, MailKind
from portal.notifications.steps import mail_kind

# Roles that are never mailed about a step: the clock job, and those who only read.
NEVER_TOLD = frozenset({CaseRole.SYSTEM, CaseRole.AUDITOR, CaseRole.ADMIN})


def untold(rows: tuple[Transition, ...]) -> list[Action]:
    """The rows that tell nobody and start no duty clock."""
    return [
        t.action
        for t in rows
        if not t.tells and not any(CLOCK_OBLIGATIONS[k] is ClockObligation.DUTY for k in t.starts)
    ]


def test_every_transition_tells_someone_or_starts_a_duty() -> None:
    assert untold(TRANSITIONS) == []
    assert any(t.system for t in TRANSITIONS)  # the clock job's rows are among them
    # The check bites: a row telling nobody and starting only a window is reported.
    silent = dataclasses.replace(
        TABLE[Action.DECLARE_IMPARTIALITY], tells=frozenset(), starts=(ClockKind.OBJECTION,)
    )
    assert untold((silent,)) == [Action.DECLARE_IMPARTIALITY]


def test_no_step_is_told_to_the_clock_job_or_to_mere_readers() -> None:
    assert [t.action for t in TRANSITIONS if t.tells & NEVER_TOLD] == []


def test_every_step_mail_has_its_wording_in_every_language_and_no_other_does() -> None:
    worded = {t.action for t in TRANSITIONS if t.tells and mail_kind(t) is MailKind.CASE_STEP}
    for locale in Locale:
        files = {p.stem for p in (TEMPLATES / locale.value).glob("step_*.txt")}
        assert files == {f"step_{a.value}" for a in worded}, locale
    # A row whose event has a mail of its own keeps it; `close` is the case-closed mail.
    assert mail_kind(TABLE[Action.ACCEPT]) is MailKind.CASE_ACCEPTED
    assert mail_kind(TABLE[Action.DECLINE]) is MailKind.CASE_DECLINED
    assert mail_kind(TABLE[Action.ISSUE_OUTCOME]) is MailKind.OUTCOME_ISSUED
    assert mail_kind(TABLE[Action.CLOSE]) is None

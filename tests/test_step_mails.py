"""Issue 15, deliverable 2: a mail for every turn, generated from the transition table.

Every path of a dispute is walked through the services; every mail is delivered to a real SMTP
server (aiosmtpd, `portal mailsink`'s handler) and read back. Each step's mail goes to exactly
the people its row `tells` who may read it, never to the one who took it, in each person's
language and time zone, with a link into the case, signed by the provider through Parley.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from portal.accounts.models import Locale, User
from portal.automated.models import AutomatedDecision
from portal.automated.services import request_review
from portal.cases.events import EventKind
from portal.cases.models import Clock, DisputeCase, NeutralAppointment, Offer
from portal.cases.representatives import invite
from portal.cases.services import Action, perform, run_clock_job
from portal.cases.states import AppointmentStatus, CaseRole, ClockKind, Method, Stage
from portal.cases.transitions import TABLE, TRANSITIONS
from portal.ids import global_id
from portal.notifications.mail import MailKind, instant_text, message_id
from portal.notifications.models import OutboxMessage
from portal.notifications.steps import mail_kind
from portal.notifications.worker import Worker
from portal.settings import Settings
from portal.timeline.models import TimelineEvent
from tests.factories import (
    NOTICE_READ,
    Factory,
    World,
    actor_for,
    deliver_all,
    delivered_mails,
    mail_settings,
    mail_text,
    quick_world,
    start_mailsink,
)
from tests.test_lifecycle_paths import CONSENT

CJK = re.compile(r"[\u4e00-\u9fff]")
SHANGHAI, BERLIN = "Asia/Shanghai", "Europe/Berlin"


@dataclass(frozen=True)
class Taken:
    """One step taken, and whether the case's neutral may read the file after it."""

    case_id: Any
    action: Action
    actor_id: Any
    neutral: str  # "none", "appointed" (not yet declared) or "declared"


@dataclass
class Walk:
    w: World
    taken: list[Taken] = field(default_factory=list)

    async def _record(self, case: DisputeCase, action: Action, actor_id: Any) -> None:
        appointment = (
            await NeutralAppointment.filter(case_id=case.id)
            .exclude(status=AppointmentStatus.REMOVED)
            .order_by("-appointed_at")
            .first()
        )
        if appointment is None:
            neutral = "none"
        elif appointment.status is AppointmentStatus.AWAITING_DECLARATION:
            neutral = "appointed"
        else:
            neutral = "declared"
        self.taken.append(Taken(case.id, action, actor_id, neutral))

    async def act(
        self, user: User, case: DisputeCase, action: Action, at: datetime, **data: Any
    ) -> DisputeCase:
        case = await perform(await actor_for(user), case.id, action, data, at=at)
        await self._record(case, action, user.id)
        return case

    async def clock_job(self, case: DisputeCase, action: Action, at: datetime) -> None:
        """The clock job takes ``action`` on ``case`` at ``at`` (and nothing else happens)."""
        assert await run_clock_job(at) == 1
        await self._record(await DisputeCase.get(id=case.id), action, None)

    async def to_the_file(self, method: Method, **consent: Any) -> tuple[DisputeCase, datetime]:
        """Accepted, consented, answered, a neutral appointed and confirmed, the file complete."""
        w = self.w
        case = await w.new_case(method)
        t0 = case.stage_changed_at
        await self.act(w.caseworker, case, Action.ACCEPT, t0 + timedelta(hours=1))
        await self.act(
            w.complainant, case, Action.GIVE_CONSENT, t0 + timedelta(hours=2), **CONSENT, **consent
        )
        await self.act(w.agent, case, Action.SUBMIT_RESPONSE, t0 + timedelta(days=3), position="P")
        await self.act(
            w.complainant, case, Action.SUBMIT_REPLY, t0 + timedelta(days=3, hours=1), reply="R"
        )
        await self.act(
            w.caseworker,
            case,
            Action.APPOINT_NEUTRAL,
            t0 + timedelta(days=4),
            neutral_id=w.neutral.id,
        )
        await self.act(
            w.neutral, case, Action.DECLARE_IMPARTIALITY, t0 + timedelta(days=5), impartial=True
        )
        await self.clock_job(case, Action.CONFIRM_NEUTRAL, t0 + timedelta(days=12, hours=1))
        await self.act(w.caseworker, case, Action.COMPLETE_FILE, t0 + timedelta(days=13))
        return case, t0


async def _offer(case: DisputeCase, amount: str) -> Offer:
    return await Offer.get(case_id=case.id, amount=amount)


async def _mediation(walk: Walk) -> DisputeCase:
    """An objection rejected, a deadline extended, offers made, rejected, withdrawn and
    accepted, the settlement carried out and confirmed."""
    w = walk.w
    case = await w.new_case(Method.MEDIATION)
    t0 = case.stage_changed_at
    day = lambda n: t0 + timedelta(days=n)  # noqa: E731
    await walk.act(w.caseworker, case, Action.ACCEPT, t0 + timedelta(hours=1))
    await walk.act(w.complainant, case, Action.GIVE_CONSENT, t0 + timedelta(hours=2), **CONSENT)
    await walk.act(w.agent, case, Action.SUBMIT_RESPONSE, day(3), position="Fair bill.")
    await walk.act(w.complainant, case, Action.SUBMIT_REPLY, day(3), reply="Still twice.")
    await walk.act(w.caseworker, case, Action.APPOINT_NEUTRAL, day(4), neutral_id=w.neutral.id)
    await walk.act(w.neutral, case, Action.DECLARE_IMPARTIALITY, day(5), impartial=True)
    await walk.act(w.agent, case, Action.OBJECT_TO_NEUTRAL, day(6), reasons="Met them before.")
    await walk.act(
        w.caseworker, case, Action.DECIDE_OBJECTION, day(7), upheld=False, reasons="Unrelated."
    )
    await walk.act(w.caseworker, case, Action.COMPLETE_FILE, day(8))
    await walk.act(
        w.neutral,
        case,
        Action.EXTEND_CLOCK,
        day(9),
        clock="outcome",
        days=10,
        reason="An expert report on the meter is awaited.",
    )
    await walk.act(w.complainant, case, Action.MAKE_OFFER, day(10), amount="110.00", terms="All")
    offer = await _offer(case, "110.00")
    await walk.act(w.agent, case, Action.REJECT_OFFER, day(11), offer_id=offer.id)
    await walk.act(
        w.agent, case, Action.MAKE_OFFER, day(12), amount="60.00", terms="Half", expires_at=day(20)
    )
    offer = await _offer(case, "60.00")
    await walk.act(w.agent, case, Action.WITHDRAW_OFFER, day(13), offer_id=offer.id)
    await walk.act(w.agent, case, Action.MAKE_OFFER, day(14), amount="80.00", terms="Most")
    offer = await _offer(case, "80.00")
    await walk.act(w.complainant, case, Action.ACCEPT_OFFER, day(15), offer_id=offer.id)
    await walk.act(w.agent, case, Action.RECORD_IMPLEMENTATION, day(20), evidence="Paid 80.")
    await walk.act(w.complainant, case, Action.CONFIRM_IMPLEMENTATION, day(22))
    return case


async def _binding_reviewed(walk: Walk) -> None:
    w = walk.w
    case, t0 = await walk.to_the_file(Method.ARBITRATION_BINDING, consents_to_be_bound=True)
    await walk.act(
        w.neutral, case, Action.ISSUE_OUTCOME, t0 + timedelta(days=30), summary="Pay", reasons="R"
    )
    await walk.act(w.agent, case, Action.REQUEST_REVIEW, t0 + timedelta(days=32), reasons="Paid")
    await walk.act(
        w.caseworker, case, Action.DECIDE_REVIEW, t0 + timedelta(days=40), varied=False, reasons="R"
    )
    await walk.act(
        w.agent, case, Action.RECORD_IMPLEMENTATION, t0 + timedelta(days=45), evidence="E"
    )
    await walk.act(w.complainant, case, Action.CONFIRM_IMPLEMENTATION, t0 + timedelta(days=46))


async def _binding_final(walk: Walk) -> None:
    w = walk.w
    case, t0 = await walk.to_the_file(Method.ARBITRATION_BINDING, consents_to_be_bound=True)
    await walk.act(
        w.neutral, case, Action.ISSUE_OUTCOME, t0 + timedelta(days=30), summary="Pay", reasons="R"
    )
    reflection = await Clock.get(case_id=case.id, kind=ClockKind.REFLECTION)
    await walk.clock_job(case, Action.AWARD_FINAL, reflection.due_at + timedelta(hours=1))
    # The provider discontinues it (its mail is the case-closed mail, not a step's).
    await perform(
        await actor_for(w.caseworker),
        case.id,
        Action.CLOSE,
        {"reason": "discontinued", "note": "Insolvent."},
        at=reflection.due_at + timedelta(days=2),
    )


async def _recommendation(walk: Walk) -> None:
    w = walk.w
    case, t0 = await walk.to_the_file(Method.OMBUDSMAN_RECOMMENDATION)
    await walk.act(
        w.neutral, case, Action.ISSUE_OUTCOME, t0 + timedelta(days=30), summary="Pay", reasons="R"
    )
    await walk.act(
        w.complainant, case, Action.ACCEPT_OUTCOME, t0 + timedelta(days=31), **NOTICE_READ
    )
    await walk.act(w.agent, case, Action.REJECT_OUTCOME, t0 + timedelta(days=32), reasons="No")


async def _refused_silent_withdrawn_declined(walk: Walk) -> None:
    w = walk.w
    refused = await w.new_case()
    t0 = refused.stage_changed_at
    await walk.act(w.caseworker, refused, Action.ACCEPT, t0 + timedelta(hours=1))
    await walk.act(w.complainant, refused, Action.GIVE_CONSENT, t0 + timedelta(hours=2), **CONSENT)
    await walk.act(
        w.agent, refused, Action.REFUSE_PARTICIPATION, t0 + timedelta(days=1), reasons="No"
    )

    silent = await w.new_case()
    await walk.act(w.caseworker, silent, Action.ACCEPT, t0 + timedelta(hours=1))
    await walk.act(w.complainant, silent, Action.GIVE_CONSENT, t0 + timedelta(hours=2), **CONSENT)
    response = await Clock.get(case_id=silent.id, kind=ClockKind.RESPONSE)
    await walk.clock_job(silent, Action.ORGANISATION_SILENT, response.due_at + timedelta(minutes=1))

    # A neutral who declares a conflict steps down; then the complainant withdraws.
    withdrawn = await w.new_case()
    t0 = withdrawn.stage_changed_at
    await walk.act(w.caseworker, withdrawn, Action.ACCEPT, t0 + timedelta(hours=1))
    await walk.act(
        w.complainant, withdrawn, Action.GIVE_CONSENT, t0 + timedelta(hours=2), **CONSENT
    )
    await walk.act(w.agent, withdrawn, Action.SUBMIT_RESPONSE, t0 + timedelta(days=3), position="P")
    await walk.act(
        w.caseworker,
        withdrawn,
        Action.APPOINT_NEUTRAL,
        t0 + timedelta(days=4),
        neutral_id=w.neutral.id,
    )
    await walk.act(
        w.neutral,
        withdrawn,
        Action.DECLARE_IMPARTIALITY,
        t0 + timedelta(days=5),
        impartial=False,
        disclosures="I advised the organisation.",
    )
    await walk.act(w.complainant, withdrawn, Action.WITHDRAW, t0 + timedelta(days=6))

    declined = await w.new_case()
    await walk.act(
        w.caseworker,
        declined,
        Action.DECLINE,
        declined.stage_changed_at + timedelta(hours=1),
        ground="time_barred",
        reasons="Brought after two years.",
    )


async def _ways_forward(walk: Walk) -> None:
    """Issue 15, deliverable 3: consent not given in time; a negotiation's time run out; a
    neutral who discloses, withdraws and is replaced; an outcome nobody accepted in time; an
    implementation reported not done, left unconfirmed, or not carried out in time. Each case
    ends before the next begins, so each run of the clock job takes exactly one lapse."""
    w = walk.w
    unconsented = await w.new_case()
    t0 = unconsented.stage_changed_at
    await walk.act(w.caseworker, unconsented, Action.ACCEPT, t0 + timedelta(hours=1))
    consent = await Clock.get(case_id=unconsented.id, kind=ClockKind.CONSENT)
    await walk.clock_job(unconsented, Action.CONSENT_LAPSED, consent.due_at + timedelta(hours=1))
    # Issue 20, 3: the complainant asks a person to review the automated closing; the provider
    # reverses it (the table's row), and the complainant then withdraws, ending the case.
    lapsed = await AutomatedDecision.get(case_id=unconsented.id)
    asked = await request_review(
        await actor_for(w.complainant),
        lapsed.id,
        {"reasons": "I was in hospital."},
        at=consent.due_at + timedelta(days=1),
    )
    await walk.act(
        w.caseworker,
        unconsented,
        Action.REVERSE_AUTOMATED_DECISION,
        consent.due_at + timedelta(days=2),
        review_id=asked.review.id,
        reasons="The complainant could not answer in time.",
    )
    await walk.act(w.complainant, unconsented, Action.WITHDRAW, consent.due_at + timedelta(days=3))

    unsettled = await w.new_case(Method.NEGOTIATION)
    t0 = unsettled.stage_changed_at
    await walk.act(w.caseworker, unsettled, Action.ACCEPT, t0 + timedelta(hours=1))
    await walk.act(
        w.complainant, unsettled, Action.GIVE_CONSENT, t0 + timedelta(hours=2), **CONSENT
    )
    await walk.act(w.agent, unsettled, Action.SUBMIT_RESPONSE, t0 + timedelta(days=3), position="P")
    await walk.act(w.complainant, unsettled, Action.SUBMIT_REPLY, t0 + timedelta(days=4), reply="R")
    await walk.act(w.caseworker, unsettled, Action.COMPLETE_FILE, t0 + timedelta(days=5))
    # Issue 20, 3: an offer nobody answers before its expiry is recorded expired by the job.
    await walk.act(
        w.agent,
        unsettled,
        Action.MAKE_OFFER,
        t0 + timedelta(days=6),
        amount="50.00",
        terms="Half",
        expires_at=t0 + timedelta(days=7),
    )
    await walk.clock_job(unsettled, Action.OFFER_EXPIRED, t0 + timedelta(days=7, hours=1))
    outcome = await Clock.get(case_id=unsettled.id, kind=ClockKind.OUTCOME)
    await walk.clock_job(unsettled, Action.NEGOTIATION_LAPSED, outcome.due_at + timedelta(hours=1))

    replaced, t0 = await walk.to_the_file(Method.OMBUDSMAN_RECOMMENDATION)
    day = lambda n: t0 + timedelta(days=n)  # noqa: E731
    await walk.act(
        w.neutral, replaced, Action.DISCLOSE_CIRCUMSTANCE, day(14), disclosures="A new client."
    )
    await walk.clock_job(replaced, Action.CONFIRM_NEUTRAL, day(21) + timedelta(hours=1))
    await walk.act(w.neutral, replaced, Action.RECUSE, day(22), reasons="Too busy now.")
    await walk.act(w.caseworker, replaced, Action.APPOINT_NEUTRAL, day(23), neutral_id=w.neutral.id)
    await walk.act(w.neutral, replaced, Action.DECLARE_IMPARTIALITY, day(24), impartial=True)
    await walk.clock_job(replaced, Action.CONFIRM_NEUTRAL, day(31) + timedelta(hours=1))
    await walk.act(w.caseworker, replaced, Action.REMOVE_NEUTRAL, day(32), reasons="Unwell.")
    await walk.act(w.caseworker, replaced, Action.APPOINT_NEUTRAL, day(33), neutral_id=w.neutral.id)
    await walk.act(w.neutral, replaced, Action.DECLARE_IMPARTIALITY, day(34), impartial=True)
    await walk.clock_job(replaced, Action.CONFIRM_NEUTRAL, day(41) + timedelta(hours=1))
    await walk.act(w.neutral, replaced, Action.ISSUE_OUTCOME, day(42), summary="S", reasons="R")
    reflection = await Clock.get(case_id=replaced.id, kind=ClockKind.REFLECTION)
    await walk.clock_job(
        replaced, Action.OUTCOME_NOT_ACCEPTED, reflection.due_at + timedelta(hours=1)
    )

    for ending in (Action.REPORT_NOT_IMPLEMENTED, Action.CONFIRMATION_LAPSED):
        case, start = await walk.to_the_file(Method.OMBUDSMAN_RECOMMENDATION)
        at = {n: start + timedelta(days=n) for n in (20, 21, 22, 23, 60)}
        await walk.act(w.neutral, case, Action.ISSUE_OUTCOME, at[20], summary="S", reasons="R")
        await walk.act(w.complainant, case, Action.ACCEPT_OUTCOME, at[21], **NOTICE_READ)
        await walk.act(w.agent, case, Action.ACCEPT_OUTCOME, at[21], **NOTICE_READ)
        await walk.act(w.agent, case, Action.RECORD_IMPLEMENTATION, at[22], evidence="Paid.")
        if ending is Action.REPORT_NOT_IMPLEMENTED:
            await walk.act(w.complainant, case, ending, at[23], reasons="Nothing arrived.")
        else:
            confirmation = await Clock.get(case_id=case.id, kind=ClockKind.CONFIRMATION)
            await walk.clock_job(case, ending, confirmation.due_at + timedelta(hours=1))
        await _closed_by_the_provider(w, case, at[60])

    overdue, t0 = await walk.to_the_file(Method.OMBUDSMAN_RECOMMENDATION)
    await walk.act(
        w.neutral, overdue, Action.ISSUE_OUTCOME, t0 + timedelta(days=20), summary="S", reasons="R"
    )
    await walk.act(
        w.complainant, overdue, Action.ACCEPT_OUTCOME, t0 + timedelta(days=21), **NOTICE_READ
    )
    await walk.act(w.agent, overdue, Action.ACCEPT_OUTCOME, t0 + timedelta(days=21), **NOTICE_READ)
    implementation = await Clock.get(case_id=overdue.id, kind=ClockKind.IMPLEMENTATION)
    await walk.clock_job(
        overdue, Action.IMPLEMENTATION_LAPSED, implementation.due_at + timedelta(hours=1)
    )
    await _closed_by_the_provider(w, overdue, implementation.due_at + timedelta(days=2))


async def _closed_by_the_provider(w: World, case: DisputeCase, at: datetime) -> None:
    """The provider decides an escalated implementation (its mail is the case-closed mail)."""
    await perform(
        await actor_for(w.caseworker),
        case.id,
        Action.CLOSE,
        {"reason": "not_implemented", "note": "Nothing was paid."},
        at=at,
    )


def _expected(w: World, step: Taken) -> set[str]:
    """Who the step's row tells, without its taker, of those who may read its record."""
    row = TABLE[step.action]
    if mail_kind(row) is None:
        return set()
    roles = {
        w.complainant: CaseRole.COMPLAINANT,
        w.agent: CaseRole.ORGANISATION,
        w.manager: CaseRole.ORGANISATION,
        w.caseworker: CaseRole.PROVIDER,
    }
    # The removed neutral is off the case, yet told that they are.
    if step.neutral != "none" or step.action is Action.REMOVE_NEUTRAL:
        roles[w.neutral] = CaseRole.NEUTRAL
    told = {u.email for u, role in roles.items() if role in row.tells and u.id != step.actor_id}
    # A neutral reads nothing before declaring; their appointment is the one thing they hear.
    if step.neutral == "appointed" and step.action is not Action.APPOINT_NEUTRAL:
        told.discard(w.neutral.email)
    return told


async def _deliver(settings: Settings, folder: Path) -> list[EmailMessage]:
    running = await start_mailsink(folder)
    try:
        # The steps were taken at the walk's own (future) instants: deliver after them.
        later = datetime.now(UTC) + timedelta(days=400)
        await deliver_all(Worker(mail_settings(settings, running.port), clock=lambda: later))
    finally:
        await running.stop()
    return list(running.sink.received)


async def test_every_step_is_told_to_whom_its_row_names_in_their_language_and_zone_with_a_link(
    db: str, settings: Settings, tmp_path: Path, factory: Factory
) -> None:
    w = await quick_world(factory)
    await User.filter(id=w.complainant.id).update(locale=Locale.ZH_HANS, time_zone=SHANGHAI)
    await User.filter(id=w.agent.id).update(time_zone=BERLIN)
    walk = Walk(w)
    mediation = await _mediation(walk)
    await _binding_reviewed(walk)
    await _binding_final(walk)
    await _recommendation(walk)
    await _refused_silent_withdrawn_declined(walk)
    await _ways_forward(walk)

    rows = {
        message_id(str(r.id), settings): r
        for r in await OutboxMessage.filter(channel="email").exclude(kind=MailKind.RECEIPT.value)
    }
    received = await _deliver(settings, tmp_path)

    # Every row that tells anyone was walked (the `close` row's mail is the case-closed mail).
    walked = {step.action for step in walk.taken}
    assert walked == {t.action for t in TRANSITIONS if t.tells and mail_kind(t) is not None}
    # Each step told exactly whom its row names, never its taker
    expected = Counter(
        (step.case_id, step.action.value, email)
        for step in walk.taken
        for email in _expected(w, step)
    )
    actual = Counter(
        (r.case_id, r.context["action"], r.recipient)
        for r in rows.values()
        if "action" in r.context
    )
    assert actual == expected
    # ... every one delivered, in the recipient's language, with the link into its case
    zh = {w.complainant.email}
    steps = [m for m in received if "action" in getattr(rows.get(m["Message-ID"]), "context", {})]
    assert len(steps) == sum(expected.values())
    for mail in steps:
        row = rows[mail["Message-ID"]]
        text = mail_text(mail)
        assert bool(CJK.search(text)) is (row.recipient in zh), (row.kind, row.context["action"])
        link = f"{settings.public_url}/cases/{global_id('DisputeCase', row.case_id)}"
        if row.context["action"] == "remove_neutral" and row.recipient == w.neutral.email:
            # Off the case: its file is closed to them, so no link that would answer NOT_FOUND.
            assert "You are no longer the neutral" in str(mail["Subject"])
            assert link not in text
        else:
            assert link in text
        signed = (
            f"{w.provider.name}（通过 Parley 发送）"  # noqa: RUF001
            if row.recipient in zh
            else (f"{w.provider.name}, through Parley")
        )
        assert text.rstrip().endswith(signed), text
    # Every instant a person is shown is in their own zone, named: none of the complainant's
    # mails (receipts and clock mails too) shows UTC.
    theirs = [mail_text(m) for m in received if m["To"] == w.complainant.email]
    assert theirs
    assert [t for t in theirs if "UTC" in t] == []
    assert any(SHANGHAI in t for t in theirs)

    # The file is complete (EU ADR Art. 8(d)): the parties learn when the outcome is due
    outcome = await Clock.get(case_id=mediation.id, kind=ClockKind.OUTCOME)
    extension = await TimelineEvent.get(case_id=mediation.id, kind=EventKind.CLOCK_EXTENDED)
    first_due = datetime.fromisoformat(extension.payload["previous_due_at"])
    by_action = {
        (rows[m["Message-ID"]].context["action"], m["To"]): mail_text(m)
        for m in steps
        if rows[m["Message-ID"]].case_id == mediation.id
        and rows[m["Message-ID"]].context["action"] != Action.MAKE_OFFER.value
    }
    assert instant_text(first_due, SHANGHAI) in by_action["complete_file", w.complainant.email]
    assert instant_text(first_due, BERLIN) in by_action["complete_file", w.agent.email]
    # A clock extended (Art. 8(e)): its reason and the new due date, in the reader's zone
    extended = by_action["extend_clock", w.agent.email]
    assert "An expert report on the meter is awaited." in extended
    assert instant_text(outcome.due_at, BERLIN) in extended
    assert instant_text(first_due, BERLIN) in extended  # what it was
    assert (
        "An expert report on the meter is awaited."
        in by_action["extend_clock", w.complainant.email]
    )
    # Implementation recorded: the complainant is asked to confirm, in their language
    confirm = by_action["record_implementation", w.complainant.email]
    assert "如已履行，请在门户中确认" in confirm  # noqa: RUF001


async def test_the_neutral_hears_of_the_appointment_and_must_declare_before_reading(
    db: str, settings: Settings, tmp_path: Path, factory: Factory
) -> None:
    w = await quick_world(factory)
    walk = Walk(w)
    case = await w.new_case()
    t0 = case.stage_changed_at
    await walk.act(w.caseworker, case, Action.ACCEPT, t0 + timedelta(hours=1))
    await walk.act(w.complainant, case, Action.GIVE_CONSENT, t0 + timedelta(hours=2), **CONSENT)
    await walk.act(w.agent, case, Action.SUBMIT_RESPONSE, t0 + timedelta(days=3), position="P")
    await OutboxMessage.all().delete()

    await walk.act(
        w.caseworker, case, Action.APPOINT_NEUTRAL, t0 + timedelta(days=4), neutral_id=w.neutral.id
    )
    received = {m["To"]: m for m in await _deliver(settings, tmp_path)}

    assert sorted(received) == sorted(
        [w.complainant.email, w.agent.email, w.manager.email, w.neutral.email]
    )
    neutral = received[w.neutral.email]
    assert neutral["Subject"] == f"You are appointed to dispute {case.reference}"
    assert "Before you can read the case file, declare in the portal" in mail_text(neutral)
    party = received[w.complainant.email]
    assert party["Subject"] == f"Neutral appointed on {case.reference}"
    assert f"has appointed {w.neutral.display_name} as the neutral" in mail_text(party)
    assert (await DisputeCase.get(id=case.id)).stage is Stage.FILE_REVIEW


async def test_an_offer_is_told_to_the_other_side_as_an_offer_to_answer(
    db: str, settings: Settings, tmp_path: Path, factory: Factory
) -> None:
    w = await quick_world(factory)
    walk = Walk(w)
    case, t0 = await walk.to_the_file(Method.MEDIATION)
    await OutboxMessage.all().delete()

    await walk.act(
        w.agent,
        case,
        Action.MAKE_OFFER,
        t0 + timedelta(days=14),
        amount="75.00",
        terms="Refund of one charge",
        expires_at=t0 + timedelta(days=21),
    )
    received = {m["To"]: m for m in await _deliver(settings, tmp_path)}

    # The other side, and the agent's own colleague: never the agent who made it.
    assert sorted(received) == sorted([w.complainant.email, w.manager.email])
    consumer = received[w.complainant.email]
    assert consumer["Subject"] == f"New offer on {case.reference}: 75.00 EUR"
    text = mail_text(consumer)
    assert text.startswith(f"Dear {w.complainant.display_name},")
    assert f"{w.organisation.name} made an offer of 75.00 EUR" in text
    assert f"open until {instant_text(t0 + timedelta(days=21), 'UTC')}" in text
    assert "You may accept it, reject it or make a counter-offer" in text
    colleague = mail_text(received[w.manager.email])
    assert "Your side made an offer of 75.00 EUR" in colleague
    assert "You may accept it" not in colleague


async def test_an_invitation_lapses_at_a_time_written_in_the_invitees_zone(
    db: str, settings: Settings, tmp_path: Path, factory: Factory
) -> None:
    w = await quick_world(factory)
    helper = await factory.user()
    await User.filter(id=helper.id).update(time_zone=SHANGHAI)
    case = await w.new_case()
    await OutboxMessage.all().delete()

    invitation = await invite(await actor_for(w.complainant), case.id, helper.email, valid_days=14)
    [mail] = [m for m in await delivered_mails(settings, tmp_path) if m["To"] == helper.email]

    assert f"until {instant_text(invitation.expires_at, SHANGHAI)}" in mail_text(mail)

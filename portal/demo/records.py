# Chinese text uses Chinese punctuation (full-width commas, semicolons, brackets).
# ruff: noqa: RUF001
"""What the demo's manager, auditor and consumers find on their own pages (issue 19):
Northwind's code-of-conduct commitments (ISO 10001), which the management review measures; a
verification run over every case with one finding and its follow-up on /audit; and the staff's
reads of each case file in the access log (what a consumer sees under "Who has read my
records", and an auditor at /audit/access), as the portal records them when a page is opened.

Made through the same services as the pages, after the stories; each part only when the
installation has none yet, so that seeding twice adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from portal.accesslog.models import AccessAction, AccessRecord, ReaderKind
from portal.auditing.findings import follow_up, raise_finding
from portal.auditing.models import AuditFinding, AuditRun, Severity
from portal.auditing.runs import start_run, work_all
from portal.cases.models import Clock, DisputeCase
from portal.cases.states import Calendar, ClockKind, ClockStatus
from portal.commitments.models import Commitment, CommitmentKind, Remedy
from portal.commitments.services import set_commitment
from portal.demo.installation import Installation
from portal.timeline.models import TimelineEvent

MANAGER = "manager@northwind.example"
AGENT = "agent@northwind.example"
CASEWORKER = "caseworker@fairsettle.example"
AUDITOR = "auditor@parley.example"

# kind, days and calendar (times), items (lists), then the public wording in both languages
COMMITMENTS: list[tuple[CommitmentKind, int | None, Calendar | None, list[str], str, str]] = [
    (
        CommitmentKind.ACKNOWLEDGE_COMPLAINT,
        2,
        Calendar.WORKING_DAYS,
        [],
        "We acknowledge every complaint within 2 working days.",
        "我们在 2 个工作日内确认收到每一项投诉。",
    ),
    (
        CommitmentKind.RESPOND_COMPLAINT,
        10,
        Calendar.WORKING_DAYS,
        [],
        "We answer every complaint within 10 working days.",
        "我们在 10 个工作日内答复每一项投诉。",
    ),
    (
        CommitmentKind.RESPOND_DISPUTE,
        14,
        Calendar.CALENDAR_DAYS,
        [],
        "We give our position on a dispute within 14 days of being asked.",
        "在被要求后 14 天内，我们就争议表明立场。",
    ),
    (
        CommitmentKind.REMEDIES,
        None,
        None,
        [Remedy.APOLOGY, Remedy.CORRECTION, Remedy.REFUND, Remedy.COMPENSATION],
        "Where we got it wrong we apologise, put it right, refund or compensate.",
        "如果我们有错，我们会道歉、纠正、退款或赔偿。",
    ),
    (
        CommitmentKind.LANGUAGES,
        None,
        None,
        ["en", "de", "zh-Hans"],
        "We handle complaints in English, German and Chinese.",
        "我们用英语、德语和中文处理投诉。",
    ),
]


async def seed_records(
    installation: Installation, now: datetime, progress: Callable[[str], None]
) -> None:
    organisation = installation.organisation
    if not await Commitment.filter(organisation_id=organisation.id).exists():
        manager = installation.actors[MANAGER]
        for kind, days, calendar, items, en, zh in COMMITMENTS:
            await set_commitment(
                manager,
                organisation.id,
                kind,
                wording_en=en,
                wording_zh_hans=zh,
                days=days,
                calendar=calendar,
                items=items,
                at=now - timedelta(days=120),
            )
        progress(f"{organisation.name}: {len(COMMITMENTS)} commitments (ISO 10001)")
    await _reads(installation, now)
    auditor = installation.actors[AUDITOR]
    if await AuditRun.filter(started_by_id=auditor.id).exists():
        return
    started = now - timedelta(days=1)
    run = await start_run(auditor, started)
    await work_all("demo", started + timedelta(minutes=2))
    if not await AuditFinding.exists():
        # The case where Northwind stayed silent past its response clock (see the stories).
        missed = (
            await Clock.filter(
                case__organisation_id=organisation.id,
                kind=ClockKind.RESPONSE,
                status=ClockStatus.MISSED,
            )
            .order_by("due_at")
            .first()
        )
        case = await DisputeCase.get_or_none(id=missed.case_id) if missed else None
        if case is not None:
            finding = await raise_finding(
                auditor,
                case.id,
                severity=Severity.MEDIUM,
                found=(
                    "Northwind gave no response before its response clock ran out, and the "
                    "case file holds no request to extend it."
                ),
                action="Northwind to explain the delay and show how it now tracks the clock.",
                run_id=run.id,
                at=started + timedelta(minutes=10),
            )
            await follow_up(
                auditor,
                finding.id,
                text="Asked Northwind's complaints manager for the explanation by e-mail.",
                closes=False,
                at=started + timedelta(hours=3),
            )
    progress(f"audit: a verification run over {run.total} cases, a finding with its follow-up")


async def _reads(installation: Installation, now: datetime) -> None:
    """Northwind's agent opened each case file the day after it was referred, and FairSettle's
    caseworker opened each of theirs two hours after it arrived."""
    if await AccessRecord.exists():
        return
    agent = installation.users[AGENT]
    caseworker = installation.users[CASEWORKER]
    cases = await DisputeCase.filter(organisation_id=installation.organisation.id).order_by(
        "reference"
    )
    for case in cases:
        referred = await TimelineEvent.get(case_id=case.id, sequence=1)
        readers = [(agent, "organisation", referred.occurred_at + timedelta(days=1))]
        if case.provider_id == installation.provider.id:
            readers.append((caseworker, "provider", referred.occurred_at + timedelta(hours=2)))
        for reader, role, at in readers:
            if at >= now:
                continue
            await AccessRecord.create(
                created_at=at,
                reader_kind=ReaderKind.USER,
                reader_id=reader.id,
                role=role,
                action=AccessAction.CASE_READ,
                case_id=case.id,
                case_reference=case.reference,
                organisation_id=case.organisation_id,
                provider_id=case.provider_id,
                target_type="DisputeCase",
                target_id=str(case.id),
                ip="192.0.2.10" if role == "organisation" else "198.51.100.20",
                user_agent="Mozilla/5.0 (demo)",
            )

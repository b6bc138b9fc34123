"""The auditor's objects: verification runs, findings with their follow-up, the report."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from portal.api.context import Info
from portal.api.enums import described_enum
from portal.api.node import Node, referenced, to_global_id
from portal.auditing import models
from portal.auditing.report import AuditReport as ReportData

if TYPE_CHECKING:
    from portal.api.cases.types import DisputeCase

described_enum(
    models.RunStatus,
    name="AuditRunStatus",
    description="Where an audit run stands.",
    values={
        models.RunStatus.QUEUED: "Started, waiting for a worker.",
        models.RunStatus.RUNNING: "A worker is checking its cases.",
        models.RunStatus.DONE: "Every case of the run is checked.",
    },
)
described_enum(
    models.Severity,
    name="FindingSeverity",
    description="How much an audit finding matters, as the auditor who raised it judged.",
    values={
        models.Severity.LOW: "Minor: a lapse with no effect on a party's rights.",
        models.Severity.MEDIUM: "Significant: to be put right in the ordinary course.",
        models.Severity.HIGH: "Serious: to be put right first.",
    },
)
described_enum(
    models.FindingStatus,
    name="FindingStatus",
    description="Where an audit finding stands.",
    values={
        models.FindingStatus.OPEN: "Raised; nothing done yet.",
        models.FindingStatus.FOLLOWED_UP: "At least one follow-up entry, not closed.",
        models.FindingStatus.CLOSED: "A follow-up entry closed it; it takes no more.",
    },
)


@strawberry.type(description="A case whose chain did not verify in a run.")
class AuditBrokenCase:
    case_id: strawberry.ID = strawberry.field(
        description="Global ID of the case.",
        deprecation_reason="Use `case { id }`: the case itself, null when you may not see it.",
    )
    reference: str = strawberry.field(description="The case's reference.")
    broken_sequence: int = strawberry.field(
        description="The first sequence of its timeline that no longer holds."
    )
    length: int = strawberry.field(description="How many events the timeline had.")
    case_pk: strawberry.Private[uuid.UUID]

    @strawberry.field(description="The case, when you may see it.")
    async def case(
        self, info: Info
    ) -> Annotated[DisputeCase, strawberry.lazy("portal.api.cases.types")] | None:
        return await referenced(info, "DisputeCase", self.case_pk)

    @classmethod
    def of(cls, row: models.AuditRunCase) -> AuditBrokenCase:
        return cls(
            case_pk=row.case_id,
            case_id=to_global_id("DisputeCase", row.case_id),
            reference=row.case.reference,
            broken_sequence=row.broken_sequence or 0,
            length=row.length,
        )


@strawberry.type(
    description="A bulk verification of every case the auditor audits, checked in the "
    "background; poll it for progress."
)
class AuditRun(Node):
    status: models.RunStatus = strawberry.field(description="Where the run stands.")
    started_at: datetime = strawberry.field(description="When it was started.")
    finished_at: datetime | None = strawberry.field(description="When its last case was checked.")
    total: int = strawberry.field(description="How many cases it checks.")
    checked: int = strawberry.field(description="How many are checked so far.")
    broken: int = strawberry.field(description="How many of those did not verify.")
    broken_cases: list[AuditBrokenCase] = strawberry.field(
        description="The cases that did not verify, by reference (at most 1,000)."
    )

    @classmethod
    def of(cls, run: models.AuditRun, broken: list[models.AuditRunCase]) -> AuditRun:
        return cls(
            id=to_global_id("AuditRun", run.id),
            status=run.status,
            started_at=run.started_at,
            finished_at=run.finished_at,
            total=run.total,
            checked=run.checked,
            broken=run.broken,
            broken_cases=[AuditBrokenCase.of(r) for r in broken],
        )


@strawberry.type(description="One entry of a finding's follow-up.")
class AuditFollowUp:
    at: datetime = strawberry.field(description="When it was recorded.")
    author_email: str = strawberry.field(description="Who recorded it.")
    text: str = strawberry.field(description="What was done or found since.")
    closes: bool = strawberry.field(description="Whether this entry closed the finding.")


@strawberry.type(description="What an auditor found on a case, and what should follow.")
class AuditFinding(Node):
    case_id: strawberry.ID = strawberry.field(
        description="Global ID of the case.",
        deprecation_reason="Use `case { id }`: the case itself, null when you may not see it.",
    )
    case_reference: str = strawberry.field(description="The case's reference.")
    run_id: strawberry.ID | None = strawberry.field(
        description="Global ID of the run that showed it, if it came from one.",
        deprecation_reason="Use `run { id }`: the run itself, null when you may not see it.",
    )
    severity: models.Severity = strawberry.field(description="How much it matters.")
    found: str = strawberry.field(description="What was found.")
    action: str = strawberry.field(description="What should follow.")
    status: models.FindingStatus = strawberry.field(description="Where it stands.")
    raised_at: datetime = strawberry.field(description="When it was raised.")
    raised_by_email: str = strawberry.field(description="Who raised it.")
    closed_at: datetime | None = strawberry.field(description="When it was closed.")
    follow_ups: list[AuditFollowUp] = strawberry.field(
        description="Its follow-up entries, oldest first."
    )
    case_pk: strawberry.Private[uuid.UUID]
    run_pk: strawberry.Private[uuid.UUID | None]

    @strawberry.field(description="The case it was found on, when you may see the case.")
    async def case(
        self, info: Info
    ) -> Annotated[DisputeCase, strawberry.lazy("portal.api.cases.types")] | None:
        return await referenced(info, "DisputeCase", self.case_pk)

    @strawberry.field(
        description="The run that showed it; null when it came from none or you may not see "
        "the run."
    )
    async def run(self, info: Info) -> AuditRun | None:
        return await referenced(info, "AuditRun", self.run_pk)


@strawberry.type(description="How many findings of one severity.")
class SeverityCount:
    severity: models.Severity = strawberry.field(description="The severity.")
    count: int = strawberry.field(description="How many.")


@strawberry.type(
    description="The audit report for `[from, until)`: the runs the auditor may see started "
    "in it, the breaks they found, and the findings on the cases they audit."
)
class AuditReport:
    from_: date = strawberry.field(name="from", description="First day of the period.")
    until: date = strawberry.field(description="The day after the period.")
    runs_started: int = strawberry.field(description="Verification runs started.")
    runs_finished: int = strawberry.field(description="Of those, finished within the period.")
    cases_checked: int = strawberry.field(description="Case chains those runs checked.")
    breaks: int = strawberry.field(
        description="Chains that did not verify (a case once per run that found it)."
    )
    broken_cases: int = strawberry.field(description="Distinct cases among them.")
    findings_opened: int = strawberry.field(description="Findings raised in the period.")
    findings_closed: int = strawberry.field(description="Findings closed in the period.")
    findings_open_at_end: int = strawberry.field(
        description="Findings raised before the period's end and not closed by then."
    )
    opened_by_severity: list[SeverityCount] = strawberry.field(
        description="Findings raised in the period, by severity."
    )

    @classmethod
    def of(cls, report: ReportData) -> AuditReport:
        return cls(
            from_=report.period.start.date(),
            until=report.period.end.date(),
            runs_started=report.runs_started,
            runs_finished=report.runs_finished,
            cases_checked=report.cases_checked,
            breaks=report.breaks,
            broken_cases=report.broken_cases,
            findings_opened=report.findings_opened,
            findings_closed=report.findings_closed,
            findings_open_at_end=report.findings_open_at_end,
            opened_by_severity=[
                SeverityCount(severity=models.Severity[name], count=count)
                for name, count in report.opened_by_severity.items()
            ],
        )

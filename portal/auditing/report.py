"""The audit report for a period (portal.feedback.periods): the runs started in it, the
breaks they found, and the findings opened, closed and still open at its end."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from portal.auditing.errors import NotAnAuditor
from portal.auditing.findings import audited_findings
from portal.auditing.models import AuditRun, AuditRunCase, FindingStatus, RunStatus, Severity
from portal.auth import policy
from portal.auth.actor import Actor
from portal.feedback.csvfile import csv_text
from portal.feedback.periods import Period
from portal.feedback.review import flatten


@dataclass(frozen=True)
class AuditReport:
    period: Period
    runs_started: int
    runs_finished: int
    cases_checked: int
    breaks: int  # broken chains found by the period's runs (a case counts once per run)
    broken_cases: int  # distinct cases among them
    findings_opened: int
    findings_closed: int
    findings_open_at_end: int
    opened_by_severity: dict[str, int] = field(default_factory=dict)


async def report_for(actor: Actor, period: Period) -> AuditReport:
    """What the actor audits, over ``period``: runs they may see, findings on their cases."""
    if not policy.may_audit(actor):
        raise NotAnAuditor()
    runs = [
        run
        for run in await AuditRun.filter(started_at__gte=period.start, started_at__lt=period.end)
        if policy.may_view_audit_run(actor, run.scopes)
    ]
    broken = await AuditRunCase.filter(run_id__in=[r.id for r in runs], intact=False).values_list(
        "case_id", flat=True
    )
    findings = audited_findings(actor)
    opened = findings.filter(raised_at__gte=period.start, raised_at__lt=period.end)
    by_severity = {s.name: await opened.filter(severity=s).count() for s in Severity}
    closed = await findings.filter(
        status=FindingStatus.CLOSED, closed_at__gte=period.start, closed_at__lt=period.end
    ).count()
    raised_before_end = findings.filter(raised_at__lt=period.end)
    still_open = await raised_before_end.exclude(status=FindingStatus.CLOSED).count()
    still_open += await raised_before_end.filter(
        status=FindingStatus.CLOSED, closed_at__gte=period.end
    ).count()
    return AuditReport(
        period=period,
        runs_started=len(runs),
        runs_finished=sum(
            1
            for r in runs
            if r.status is RunStatus.DONE
            and r.finished_at is not None
            and r.finished_at < period.end
        ),
        cases_checked=sum(r.checked for r in runs),
        breaks=len(broken),
        broken_cases=len(set(broken)),
        findings_opened=sum(by_severity.values()),
        findings_closed=closed,
        findings_open_at_end=still_open,
        opened_by_severity=by_severity,
    )


def report_document(report: AuditReport) -> dict[str, Any]:
    return {
        "period": {
            "from": report.period.start.date().isoformat(),
            "until": report.period.end.date().isoformat(),
        },
        "runs": {
            "started": report.runs_started,
            "finished": report.runs_finished,
            "cases_checked": report.cases_checked,
        },
        "breaks": {"found": report.breaks, "cases": report.broken_cases},
        "findings": {
            "opened": report.findings_opened,
            "closed": report.findings_closed,
            "open_at_end": report.findings_open_at_end,
            "opened_by_severity": dict(report.opened_by_severity),
        },
    }


def report_csv(report: AuditReport) -> str:
    return csv_text(["measure", "value"], flatten(report_document(report)))

"""Queries and mutations of audits: for auditors only (portal.auth.policy, audits)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

import strawberry

from portal.api.auditing.types import AuditFinding, AuditFollowUp, AuditReport, AuditRun
from portal.api.context import Info
from portal.api.errors import PublicError, UserError, user_error
from portal.api.inputs import mutations
from portal.api.node import decode_id, node_resolver, to_global_id
from portal.auditing import findings, report, runs
from portal.auditing import models as rows
from portal.auditing.errors import AuditError
from portal.cases.engine import now
from portal.feedback.errors import FeedbackError
from portal.feedback.periods import Period

MAX_FINDINGS = 200


class AuditRefused(PublicError):
    """An audit service's refusal of a query, with its code (`FORBIDDEN`, `NOT_FOUND`, ...)."""

    def __init__(self, error: AuditError | FeedbackError) -> None:
        super().__init__(error.message, code=error.code)


def _ue(exc: AuditError) -> list[UserError]:
    return [user_error(exc.code, exc.message, exc.field, limit=exc.limit, actual=exc.actual)]


async def run_of(run: rows.AuditRun) -> AuditRun:
    return AuditRun.of(run, await runs.broken_cases(run))


async def findings_of(found: list[rows.AuditFinding]) -> list[AuditFinding]:
    """The findings with their cases, raisers and follow-up entries, in three queries."""
    if not found:
        return []
    ids = [f.id for f in found]
    full = {
        f.id: f
        for f in await rows.AuditFinding.filter(id__in=ids).select_related("case", "raised_by")
    }
    entries: dict[uuid.UUID, list[AuditFollowUp]] = {pk: [] for pk in ids}
    for e in (
        await rows.AuditFollowUp.filter(finding_id__in=ids)
        .select_related("author")
        .order_by("at", "id")
    ):
        entries[e.finding_id].append(
            AuditFollowUp(at=e.at, author_email=e.author.email, text=e.text, closes=e.closes)
        )
    return [_finding(full[pk], entries[pk]) for pk in ids]


async def finding_of(finding: rows.AuditFinding) -> AuditFinding:
    return (await findings_of([finding]))[0]


@node_resolver("AuditRun")
async def _run_node(info: Info, pk: uuid.UUID) -> AuditRun | None:
    try:
        run = await runs.visible_run(info.context.require_actor(), pk)
    except AuditError:
        return None
    return await run_of(run)


@node_resolver("AuditFinding")
async def _finding_node(info: Info, pk: uuid.UUID) -> AuditFinding | None:
    try:
        finding = await findings.visible_finding(info.context.require_actor(), pk)
    except AuditError:
        return None
    return await finding_of(finding)


def _finding(finding: rows.AuditFinding, entries: list[AuditFollowUp]) -> AuditFinding:
    return AuditFinding(
        id=to_global_id("AuditFinding", finding.id),
        case_pk=finding.case_id,
        run_pk=finding.run_id,
        case_id=to_global_id("DisputeCase", finding.case_id),
        case_reference=finding.case.reference,
        run_id=to_global_id("AuditRun", finding.run_id) if finding.run_id else None,
        severity=finding.severity,
        found=finding.found,
        action=finding.action,
        status=finding.status,
        raised_at=finding.raised_at,
        raised_by_email=finding.raised_by.email,
        closed_at=finding.closed_at,
        follow_ups=entries,
    )


@strawberry.type
class AuditQueries:
    @strawberry.field(
        description="The latest verification runs the auditor may see (theirs, and those of "
        "auditors of the same or a narrower scope), newest first. Auditors only: anyone else "
        "gets `FORBIDDEN`."
    )
    async def audit_runs(
        self,
        info: Info,
        first: Annotated[int, strawberry.argument(description="How many runs, at most 20.")] = 10,
    ) -> list[AuditRun]:
        actor = info.context.require_actor()
        try:
            found = await runs.visible_runs(actor, max(1, min(first, 20)))
        except AuditError as exc:
            raise AuditRefused(exc) from exc
        return [await run_of(r) for r in found]

    @strawberry.field(
        description="One verification run, by its global ID: progress and the broken cases."
    )
    async def audit_run(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The run's global ID.")],
    ) -> AuditRun:
        actor = info.context.require_actor()
        try:
            run = await runs.visible_run(actor, decode_id(id, "AuditRun"))
        except AuditError as exc:
            raise AuditRefused(exc) from exc
        return await run_of(run)

    @strawberry.field(
        description=f"Findings on the cases the auditor audits, newest first (at most "
        f"{MAX_FINDINGS}). Auditors only."
    )
    async def audit_findings(
        self,
        info: Info,
        status: Annotated[
            rows.FindingStatus | None,
            strawberry.argument(description="Only the findings with this status."),
        ] = None,
    ) -> list[AuditFinding]:
        actor = info.context.require_actor()
        try:
            query = findings.audited_findings(actor)
        except AuditError as exc:
            raise AuditRefused(exc) from exc
        if status is not None:
            query = query.filter(status=status)
        found = await query.order_by("-raised_at", "-id").limit(MAX_FINDINGS)
        return await findings_of(found)

    @strawberry.field(description="One finding, by its global ID, with its follow-up.")
    async def audit_finding(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The finding's global ID.")],
    ) -> AuditFinding:
        actor = info.context.require_actor()
        try:
            finding = await findings.visible_finding(actor, decode_id(id, "AuditFinding"))
        except AuditError as exc:
            raise AuditRefused(exc) from exc
        return await finding_of(finding)

    @strawberry.field(
        description="The audit report for `[from, until)` (UTC dates): runs, breaks, findings "
        "opened, closed and still open. Auditors only. Also at `/reports/audit.{json,csv}`."
    )
    async def audit_report(
        self,
        info: Info,
        from_: Annotated[
            date, strawberry.argument(name="from", description="First day of the period.")
        ],
        until: Annotated[date, strawberry.argument(description="The day after the period.")],
    ) -> AuditReport:
        actor = info.context.require_actor()
        try:
            found = await report.report_for(actor, Period.of_dates(from_, until))
        except (AuditError, FeedbackError) as exc:
            raise AuditRefused(exc) from exc
        return AuditReport.of(found)


@strawberry.type(description="The run started, or why not.")
class StartAuditRunPayload:
    run: AuditRun | None = strawberry.field(default=None, description="The new run.")
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why the audit action was refused; empty if taken."
    )


@strawberry.input(description="A finding against a case.")
class RaiseAuditFindingInput:
    case_id: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the case (or give its reference)."
    )
    case_reference: str | None = strawberry.field(
        default=None, description="The case's reference, when its ID is not given."
    )
    severity: rows.Severity = strawberry.field(description="How much it matters.")
    found: str = strawberry.field(description="What was found.")
    action: str = strawberry.field(description="What should follow.")
    run_id: strawberry.ID | None = strawberry.field(
        default=None, description="The run that showed it, if any."
    )


@strawberry.input(description="One follow-up entry on a finding.")
class FollowUpAuditFindingInput:
    finding_id: strawberry.ID = strawberry.field(description="Global ID of the finding.")
    text: str = strawberry.field(description="What was done or found since.")
    close: bool = strawberry.field(default=False, description="Close the finding with this entry.")


@strawberry.type(description="The finding as it stands after the change, or why not.")
class AuditFindingPayload:
    finding: AuditFinding | None = strawberry.field(default=None, description="The finding.")
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why the audit action was refused; empty if taken."
    )


@mutations
@strawberry.type
class AuditMutations:
    @strawberry.mutation(
        description="Start a verification run over every case the auditor audits; a worker "
        "checks it in the background (poll `auditRun`). One unfinished run per auditor "
        "(`AUDIT_RUN_ACTIVE`)."
    )
    async def start_audit_run(self, info: Info) -> StartAuditRunPayload:
        actor = info.context.require_actor()
        try:
            run = await runs.start_run(actor, now())
        except AuditError as exc:
            return StartAuditRunPayload(user_errors=_ue(exc))
        return StartAuditRunPayload(run=await run_of(run))

    @strawberry.mutation(description="Record a finding against a case the auditor audits.")
    async def raise_audit_finding(
        self, info: Info, input: RaiseAuditFindingInput
    ) -> AuditFindingPayload:
        actor = info.context.require_actor()
        try:
            run_id = None
            if input.run_id is not None:
                run_id = decode_id(input.run_id, "AuditRun")
                if run_id is None:
                    raise AuditError("NOT_FOUND", "Not found, or not yours to audit.", "run_id")
            case_id = None
            if input.case_id is not None:
                case_id = decode_id(input.case_id, "DisputeCase")
                if case_id is None:
                    raise AuditError("NOT_FOUND", "Not found, or not yours to audit.", "case_id")
            finding = await findings.raise_finding(
                actor,
                case_id,
                reference=input.case_reference,
                severity=input.severity,
                found=input.found,
                action=input.action,
                run_id=run_id,
                at=now(),
            )
        except AuditError as exc:
            return AuditFindingPayload(user_errors=_ue(exc))
        return AuditFindingPayload(finding=await finding_of(finding))

    @strawberry.mutation(
        description="Add a follow-up entry to a finding (it becomes `FOLLOWED_UP`), or close it "
        "with the entry (`close: true`). A closed finding answers `FINDING_CLOSED`."
    )
    async def follow_up_audit_finding(
        self, info: Info, input: FollowUpAuditFindingInput
    ) -> AuditFindingPayload:
        actor = info.context.require_actor()
        try:
            finding = await findings.follow_up(
                actor,
                decode_id(input.finding_id, "AuditFinding"),
                text=input.text,
                closes=input.close,
                at=now(),
            )
        except AuditError as exc:
            return AuditFindingPayload(user_errors=_ue(exc))
        return AuditFindingPayload(finding=await finding_of(finding))

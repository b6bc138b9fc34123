"""Bulk chain verification: a run over every case an auditor audits, checked in the
background by the worker (portal.notifications.worker), in batches, under a lease.

A run fixes its cases when it starts (one `AuditRunCase` row each). Each case is checked with
the timeline's own verifier (`portal.timeline.services.verify`) and its result written with the
run's counters in one transaction, so a run survives a restart: whichever worker next finds it
unclaimed, or its lease run out, carries on with the cases left.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta

from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from portal.auditing.errors import AuditError, NotAnAuditor, NotFound
from portal.auditing.models import AuditRun, AuditRunCase, RunStatus
from portal.auth import policy
from portal.auth.actor import Actor
from portal.cases.models import DisputeCase
from portal.timeline.services import verify

log = logging.getLogger("portal.auditing")

# Cases a worker checks before it looks at its other work (the outbox) again.
BATCH = 25
# How long a worker holds a run between batches; a killed worker's run is taken up after it.
LEASE_SECONDS = 120
# Broken cases a run lists (they are also counted); more points at the chain job, not at cases.
MAX_LISTED = 1000


async def start_run(actor: Actor, at: datetime) -> AuditRun:
    """Start a run over every case the actor audits now. One run at a time per auditor:
    a second start while theirs is unfinished answers `AUDIT_RUN_ACTIVE`."""
    scopes = policy.audit_scopes(actor)
    if not scopes:
        raise NotAnAuditor()
    async with in_transaction():
        if await AuditRun.filter(started_by_id=actor.id).exclude(status=RunStatus.DONE).exists():
            raise AuditError(
                "AUDIT_RUN_ACTIVE", "Your last verification run is still going; wait for it."
            )
        case_ids = await DisputeCase.filter(policy.audited_cases_filter(actor)).values_list(
            "id", flat=True
        )
        done = len(case_ids) == 0
        run = await AuditRun.create(
            id=uuid.uuid4(),
            started_by_id=actor.id,
            scopes=sorted(scopes),
            status=RunStatus.DONE if done else RunStatus.QUEUED,
            total=len(case_ids),
            started_at=at,
            finished_at=at if done else None,
        )
        await AuditRunCase.bulk_create(
            [AuditRunCase(run_id=run.id, case_id=case_id) for case_id in case_ids],
            batch_size=500,
        )
    return run


async def visible_run(actor: Actor, run_id: uuid.UUID | None) -> AuditRun:
    """The run, when the actor may see it; otherwise `NOT_FOUND`, as for no run at all."""
    if not policy.may_audit(actor):
        raise NotAnAuditor()
    run = await AuditRun.get_or_none(id=run_id) if run_id is not None else None
    if run is None or not policy.may_view_audit_run(actor, run.scopes):
        raise NotFound("run_id")
    return run


async def visible_runs(actor: Actor, limit: int = 20) -> list[AuditRun]:
    """The latest runs the actor may see, newest first."""
    if not policy.may_audit(actor):
        raise NotAnAuditor()
    seen: list[AuditRun] = []
    offset, page = 0, 100
    while len(seen) < limit:
        batch = await AuditRun.all().order_by("-started_at", "-id").offset(offset).limit(page)
        seen += [r for r in batch if policy.may_view_audit_run(actor, r.scopes)]
        if len(batch) < page:
            break
        offset += page
    return seen[:limit]


async def broken_cases(run: AuditRun, limit: int = MAX_LISTED) -> list[AuditRunCase]:
    """The run's cases whose chain broke, with the sequence that breaks, in reference order."""
    return (
        await AuditRunCase.filter(run_id=run.id, intact=False)
        .select_related("case")
        .order_by("case__reference")
        .limit(limit)
    )


async def _claim(worker: str, at: datetime) -> AuditRun | None:
    """Take one run no worker holds: queued, or running with its lease run out (its worker
    stopped), or already this worker's. A conditional UPDATE: two workers never hold one run."""
    free = (
        Q(status=RunStatus.QUEUED)
        | Q(status=RunStatus.RUNNING, lease_until__lt=at)
        | Q(status=RunStatus.RUNNING, claimed_by=worker)
    )
    for run in await AuditRun.filter(free).order_by("started_at").limit(5):
        taken = (
            await AuditRun.filter(free, id=run.id)
            .filter(Q(claimed_by=run.claimed_by))
            .update(
                status=RunStatus.RUNNING,
                claimed_by=worker,
                lease_until=at + timedelta(seconds=LEASE_SECONDS),
            )
        )
        if taken:
            await run.refresh_from_db()
            return run
    return None


async def _check(run: AuditRun, row: AuditRunCase, at: datetime) -> None:
    case = await DisputeCase.get(id=row.case_id)
    verification = await verify(case)
    broken = verification.first_broken_sequence
    async with in_transaction():
        updated = await AuditRunCase.filter(id=row.id, checked_at=None).update(
            checked_at=at,
            intact=broken is None,
            length=verification.length,
            broken_sequence=broken,
        )
        if updated:
            await AuditRun.filter(id=run.id).update(
                checked=F("checked") + 1, broken=F("broken") + (0 if broken is None else 1)
            )


async def work(worker: str, at: datetime, batch: int = BATCH) -> int:
    """One round: claim a run, check up to ``batch`` of its cases, and finish it when none
    are left. Returns how many cases were checked (0: nothing to do)."""
    run = await _claim(worker, at)
    if run is None:
        return 0
    rows = await AuditRunCase.filter(run_id=run.id, checked_at=None).order_by("id").limit(batch)
    for row in rows:
        await _check(run, row, at)
    if not await AuditRunCase.filter(run_id=run.id, checked_at=None).exists():
        await AuditRun.filter(id=run.id, claimed_by=worker).update(
            status=RunStatus.DONE, finished_at=at, claimed_by="", lease_until=None
        )
        await run.refresh_from_db()
        log.info("audit run %s done: %s of %s broken", run.id, run.broken, run.total)
    return len(rows)


async def work_all(worker: str, at: datetime) -> int:
    """Every round until no run is left (the CLI's `--once`, and tests)."""
    total = 0
    while handled := await work(worker, at):
        total += handled
    return total

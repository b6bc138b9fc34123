"""The clock job runs inside `portal serve` on its own, and a failing run does not stop it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from portal.cases.clock_runner import run_periodically
from portal.cases.models import Clock
from portal.cases.states import ClockKind, ClockStatus
from portal.complaints.models import ComplaintClock
from portal.complaints.services import file_complaint
from portal.complaints.states import ComplaintClockKind
from tests.factories import Factory, actor_for, build_world


async def _run_until(status: Callable[[], Awaitable[ClockStatus]]) -> ClockStatus:
    """Let the periodic runner work until ``status`` is no longer RUNNING (5 s at most)."""
    runner = asyncio.create_task(run_periodically(0.05))
    try:
        for _ in range(100):
            found = await status()
            if found is not ClockStatus.RUNNING:
                break
            await asyncio.sleep(0.05)
    finally:
        runner.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await runner
    return found


async def test_the_periodic_runner_marks_a_lapsed_clock(factory: Factory) -> None:
    world = await build_world(factory)
    case = await world.new_case()
    await Clock.filter(case_id=case.id, kind=ClockKind.ACCEPTANCE).update(
        due_at=datetime.now(UTC) - timedelta(minutes=1)
    )

    async def status() -> ClockStatus:
        return (await Clock.get(case_id=case.id, kind=ClockKind.ACCEPTANCE)).status

    assert await _run_until(status) is ClockStatus.MISSED


async def test_the_periodic_runner_marks_a_lapsed_complaint_clock(factory: Factory) -> None:
    world = await build_world(factory)
    complaint = await file_complaint(
        await actor_for(world.complainant),
        world.organisation.id,
        {"subject": "Late refund", "description": "Still waiting."},
        at=datetime.now(UTC) - timedelta(days=30),
    )

    async def status() -> ClockStatus:
        clock = await ComplaintClock.get(
            complaint_id=complaint.id, kind=ComplaintClockKind.ACKNOWLEDGE
        )
        return clock.status

    assert await _run_until(status) is ClockStatus.MISSED

"""The clock job runs inside `portal serve` on its own, and a failing run does not stop it."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime, timedelta

from portal.cases.clock_runner import run_periodically
from portal.cases.models import Clock
from portal.cases.states import ClockKind, ClockStatus
from tests.factories import Factory, build_world


async def test_the_periodic_runner_marks_a_lapsed_clock(factory: Factory) -> None:
    world = await build_world(factory)
    case = await world.new_case()
    await Clock.filter(case_id=case.id, kind=ClockKind.ACCEPTANCE).update(
        due_at=datetime.now(UTC) - timedelta(minutes=1)
    )

    runner = asyncio.create_task(run_periodically(0.05))
    try:
        for _ in range(100):
            clock = await Clock.get(case_id=case.id, kind=ClockKind.ACCEPTANCE)
            if clock.status is not ClockStatus.RUNNING:
                break
            await asyncio.sleep(0.05)
    finally:
        runner.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await runner

    assert clock.status is ClockStatus.MISSED

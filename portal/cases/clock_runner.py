"""Runs the clock job every few seconds inside `portal serve` (or once, from `portal clocks`):
the cases' clocks, then the complaints'."""

from __future__ import annotations

import asyncio
import logging

from portal.cases.services import run_clock_job
from portal.complaints.clocks import run_complaint_clock_job

log = logging.getLogger("portal.clocks")


async def run_periodically(interval: float) -> None:
    """Until cancelled: handle lapsed clocks, then sleep. A failing run is logged and retried
    on the next tick; the loop itself never dies of it."""
    while True:
        try:
            handled = await run_clock_job()
            handled += await run_complaint_clock_job()
            if handled:
                log.info("clock job handled %d clocks", handled)
        except Exception:
            log.exception("clock job failed; retrying in %s s", interval)
        await asyncio.sleep(interval)

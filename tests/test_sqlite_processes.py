"""Several processes on one SQLite file (issue 13 D1): `portal serve`, a `portal worker` and
`portal clocks` runs write at once, and no request fails with `database is locked`.

Write transactions take SQLite's write lock when they begin (`BEGIN IMMEDIATE`) and wait for it
(the busy timeout), so a read-then-write transaction never meets a lock it cannot wait out."""

from __future__ import annotations

import asyncio
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from portal.casefiles.models import Message
from portal.settings import Settings
from tests.casefile_support import POST
from tests.conftest import TEST_DATABASE_URL
from tests.factories import Factory, quick_world
from tests.process_support import portal_env, serving, start, stop
from tests.test_api_support import case_id, token_for

pytestmark = pytest.mark.skipif(
    TEST_DATABASE_URL != "sqlite", reason="SQLite's file lock; PostgreSQL has row locks"
)

# Busy background processes: the worker polls often and retries the (failing) mail quickly,
# the clock job runs every tenth of a second in the worker and in the server.
BUSY = {
    "PORTAL_WORKER_POLL_INTERVAL": "0.01",
    "PORTAL_OUTBOX_RETRY_SCHEDULE": "0.01",
    "PORTAL_CLOCK_INTERVAL": "1",
    "PORTAL_LOG_LEVEL": "WARNING",
}
CONCURRENT = 16
REQUESTS = 480


async def _clock_runs(settings: Settings, log: Path, stopping: asyncio.Event) -> int:
    """`portal clocks` again and again, as cron would, until told to stop; how many ran."""
    runs = 0
    while not stopping.is_set():
        process = await asyncio.to_thread(start, ["clocks"], portal_env(settings, **BUSY), log)
        assert await asyncio.to_thread(process.wait) == 0, "portal clocks failed: see the log"
        runs += 1
    return runs


async def test_serve_worker_and_clocks_on_one_sqlite_file_never_fail_a_write(
    app: Starlette, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    cases = [await w.new_case() for _ in range(4)]
    token = await token_for(app, w.agent)
    log = tmp_path / "processes.log"
    worker: subprocess.Popen[bytes] = start(["worker"], portal_env(settings, **BUSY), log)
    stopping = asyncio.Event()
    clocks = asyncio.create_task(_clock_runs(settings, log, stopping))
    answers: list[tuple[int, Any]] = []
    try:
        with serving(settings, log, **BUSY) as base_url:
            async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:

                async def post(i: int) -> None:
                    variables = {
                        "input": {
                            "caseId": case_id(cases[i % len(cases)]),
                            "body": f"message {i}",
                            "visibility": "ALL_PARTIES",
                        }
                    }
                    response = await client.post(
                        "/graphql",
                        json={"query": POST, "variables": variables},
                        headers={"Authorization": f"Bearer {token}"},
                    )
                    answers.append((response.status_code, response.json()))

                # Strictly one after another first (these failed too), then many at once.
                for i in range(20):
                    await post(i)
                gate = asyncio.Semaphore(CONCURRENT)

                async def gated(i: int) -> None:
                    async with gate:
                        await post(i)

                await asyncio.gather(*(gated(i) for i in range(20, REQUESTS)))
    finally:
        stopping.set()
        runs = await clocks
        stop(worker)
    assert runs >= 1
    failures = [body for status, body in answers if status != 200 or "errors" in body]
    assert failures == []
    outcomes = Counter(str(body["data"]["postMessage"]["userErrors"]) for _, body in answers)
    assert outcomes == Counter({"[]": REQUESTS})
    assert await Message.filter(case_id__in=[c.id for c in cases]).count() == REQUESTS
    assert "database is locked" not in log.read_text()

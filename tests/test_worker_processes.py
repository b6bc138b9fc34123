"""`portal worker` processes on one database: kill -9 while they hold claimed rows loses
nothing, and four workers share 1,000 rows so that each is delivered exactly once after
de-duplication by Message-ID (QUALITY.md "Faults the test suite survives", 1 and 4)."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sys
from collections import Counter
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import aiosmtplib
import pytest
from aiosmtpd.smtp import SMTP, Envelope, Session

from portal.notifications.mail import MailKind, message_id
from portal.notifications.mailsink import MailSink, serve_mailsink
from portal.notifications.models import (
    AttemptOutcome,
    Channel,
    DeliveryAttempt,
    OutboxMessage,
    OutboxStatus,
)
from portal.notifications.outbox import enqueue, now
from portal.settings import Settings
from tests.conftest import TEST_DATABASE_URL
from tests.factories import start_mailsink

ROOT = Path(__file__).resolve().parent.parent
# A short lease, so a killed worker's rows come back within the test; attempts enough that a
# row claimed by every killed worker in turn is still delivered, not dead-lettered.
KILLED = {"PORTAL_OUTBOX_LEASE": "1", "PORTAL_OUTBOX_MAX_ATTEMPTS": "20"}


class SlowSink(MailSink):
    """A real SMTP server that takes its time, so workers are caught holding claimed rows."""

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        await asyncio.sleep(0.01)
        return await super().handle_DATA(server, session, envelope)


def _worker(database_url: str, smtp_port: int, data_dir: Path, **env: str) -> Any:
    variables = {
        **os.environ,
        "PORTAL_DATABASE_URL": database_url,
        "PORTAL_DATA_DIR": str(data_dir),
        "PORTAL_SMTP_PORT": str(smtp_port),
        "PORTAL_WORKER_POLL_INTERVAL": "0.02",
        "PORTAL_CLOCK_INTERVAL": "0",
        "PORTAL_OUTBOX_RETRY_SCHEDULE": "0.05",
        "PORTAL_LOG_LEVEL": "WARNING",
        **env,
    }
    return asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "portal.cli",
        "worker",
        cwd=ROOT,
        env=variables,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )


async def _queue(count: int) -> set[str]:
    ids = set()
    for i in range(count):
        row = await enqueue(
            Channel.EMAIL,
            MailKind.CASE_ACCEPTED.value,
            f"party{i}@example.org",
            {
                "name": f"Party {i}",
                "case": {"reference": f"DR-{i}", "subject": "S", "method": "mediation"},
                "organisation": "Acme",
                "provider": "Fair ADR",
            },
            at=now(),
            locale="en" if i % 2 else "zh-Hans",
        )
        ids.add(str(row.id))
    return ids


async def _until(condition: Any, seconds: float) -> None:
    async with asyncio.timeout(seconds):
        # Polling the database: another process changes it, there is no event to wait on.
        while not await condition():  # noqa: ASYNC110
            await asyncio.sleep(0.02)


async def _all_delivered() -> bool:
    return not await OutboxMessage.exclude(status=OutboxStatus.DELIVERED).exists()


async def test_kill_9_of_a_worker_holding_claimed_rows_ten_times_loses_nothing(
    db: str, settings: Settings, tmp_path: Path
) -> None:
    running = await start_mailsink(tmp_path)
    running.sink.__class__ = SlowSink
    ids = await _queue(150)
    kills = 0
    try:
        for _ in range(10):
            process = await _worker(db, running.port, tmp_path, **KILLED)

            async def holding() -> bool:
                return await OutboxMessage.filter(
                    status=OutboxStatus.CLAIMED, lease_until__gt=now()
                ).exists()

            await _until(holding, 20)
            await asyncio.sleep(random.uniform(0, 0.08))  # noqa: S311
            process.send_signal(signal.SIGKILL)
            await process.wait()
            kills += 1
        survivor = await _worker(db, running.port, tmp_path, **KILLED)
        try:
            await _until(_all_delivered, 60)
        finally:
            survivor.terminate()
            await survivor.wait()
    finally:
        await running.stop()

    received = Counter(m["Message-ID"] for m in running.sink.received)
    expected = {message_id(i, settings) for i in ids}
    assert kills == 10
    assert set(received) == expected  # every row arrived; nothing else did
    assert await OutboxMessage.filter(status=OutboxStatus.DELIVERED).count() == len(ids)
    # Duplicates exist only where a worker died after sending: the Message-ID tells them.
    duplicates = sum(n - 1 for n in received.values())
    assert duplicates <= 10 * 20  # at most every claimed batch of every killed worker


@pytest.mark.skipif(TEST_DATABASE_URL == "sqlite", reason="many workers: PostgreSQL's row locks")
async def test_four_workers_deliver_1000_rows_exactly_once(
    db: str, settings: Settings, tmp_path: Path
) -> None:
    running = await start_mailsink(tmp_path)
    ids = await _queue(1000)
    workers = [await _worker(db, running.port, tmp_path) for _ in range(4)]
    try:
        await _until(_all_delivered, 120)
    finally:
        for process in workers:
            process.terminate()
        for process in workers:
            await process.wait()
        await running.stop()

    received = Counter(m["Message-ID"] for m in running.sink.received)
    assert set(received) == {message_id(i, settings) for i in ids}
    assert max(received.values()) == 1  # SKIP LOCKED: no row was ever claimed twice
    delivered = await DeliveryAttempt.filter(outcome=AttemptOutcome.DELIVERED).values_list(
        "worker", flat=True
    )
    assert len(delivered) == 1000
    assert len({str(w).rsplit(":", 1)[0] for w in delivered}) >= 2  # the work was shared


async def test_portal_worker_once_delivers_what_is_due_and_exits(
    db: str, settings: Settings, tmp_path: Path
) -> None:
    running = await start_mailsink(tmp_path)
    ids = await _queue(3)
    variables = {
        **os.environ,
        "PORTAL_DATABASE_URL": db,
        "PORTAL_DATA_DIR": str(tmp_path),
        "PORTAL_SMTP_PORT": str(running.port),
    }
    try:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "portal.cli", "worker", "--once", cwd=ROOT, env=variables
        )
        code = await asyncio.wait_for(process.wait(), 60)
    finally:
        await running.stop()

    assert code == 0
    assert {m["Message-ID"] for m in running.sink.received} == {
        message_id(i, settings) for i in ids
    }


async def test_portal_mailsink_prints_and_keeps_what_arrives(tmp_path: Path) -> None:
    probe = await start_mailsink(tmp_path)
    port = probe.port
    await probe.stop()
    variables = {**os.environ, "PORTAL_SMTP_PORT": str(port), "PORTAL_DATA_DIR": str(tmp_path)}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "portal.cli",
        "mailsink",
        cwd=ROOT,
        env=variables,
        stdout=asyncio.subprocess.PIPE,
    )
    assert process.stdout is not None
    try:
        banner = await asyncio.wait_for(process.stdout.readline(), 30)
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = "a@example.org", "b@example.org", "Hi"
        message.set_content("Hello from the test.")
        await aiosmtplib.send(message, hostname="127.0.0.1", port=port)
        shown = await asyncio.wait_for(process.stdout.readline(), 30)
        body = await asyncio.wait_for(process.stdout.readline(), 30)
    finally:
        process.terminate()
        await process.wait()

    assert banner.decode().startswith(f"Mail sink on 127.0.0.1:{port}")
    assert shown.decode().startswith("mail to b@example.org: Hi")
    assert body.decode().strip() == "Hello from the test."
    assert [p.name for p in (tmp_path / "mail").iterdir()] == ["00001.eml"]


async def test_the_mailsink_lists_a_folded_subject_on_one_line(tmp_path: Path) -> None:
    # Python's e-mail folding puts a subject of about 70 characters on a line of its own,
    # after `Subject:`; the listing showed the fold's space ("mail to x:  Action ...").
    subject = "Action needed on DC-2026-000001 by 2026-12-20T17:00:00+01:00 (Europe/Berlin)"
    shown: list[str] = []
    server = await serve_mailsink(MailSink(tmp_path, echo=shown.append), "127.0.0.1", 0)
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "a@example.org", "b@example.org", subject
    message.set_content("Hello.")
    try:
        port = server.sockets[0].getsockname()[1]
        await aiosmtplib.send(message, hostname="127.0.0.1", port=port)
    finally:
        server.close()
        await server.wait_closed()

    assert b"\r\nSubject:\r\n Action" in (tmp_path / "00001.eml").read_bytes()  # folded there
    assert shown == [
        f"mail to b@example.org: {subject}  [{tmp_path / '00001.eml'}]",
        "    Hello.\n",
    ]


async def test_portal_serve_runs_the_worker_and_the_mailsink_for_the_demo(
    db: str, settings: Settings, tmp_path: Path
) -> None:
    ports = [await start_mailsink(tmp_path / "probe") for _ in range(2)]
    for probe in ports:
        await probe.stop()
    ids = await _queue(2)
    variables = {
        **os.environ,
        "PORTAL_DATABASE_URL": db,
        "PORTAL_DATA_DIR": str(tmp_path),
        "PORTAL_PORT": str(ports[0].port),
        "PORTAL_SMTP_PORT": str(ports[1].port),
        "PORTAL_WORKER_POLL_INTERVAL": "0.05",
        "PORTAL_LOG_LEVEL": "WARNING",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "portal.cli",
        "serve",
        "--mailsink",
        cwd=ROOT,
        env=variables,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        await _until(_all_delivered, 60)
    finally:
        process.terminate()
        out, err = await process.communicate()

    kept = sorted((tmp_path / "mail").iterdir())
    assert len(kept) == len(ids) == 2
    # Each mail listed, and nothing of aiosmtpd's SMTP conversation (INFO, below the root's
    # WARNING) between the lines.
    listed = [line for line in out.decode().splitlines() if line.startswith("mail to ")]
    assert sorted(line.rsplit("[", 1)[1] for line in listed) == [f"{path}]" for path in kept]
    assert "mail.log" not in err.decode()
    assert await OutboxMessage.filter(status=OutboxStatus.DELIVERED).count() == 2

"""Throughput of the outbox worker: rows delivered per second to a local SMTP server.

`python -m bench.outbox [--url URL] [--rows 2000] [--workers 1]` creates a scratch database on
the PostgreSQL server of URL (or uses an SQLite file for `--url sqlite`), queues the rows,
starts `portal worker` processes against `portal mailsink`'s handler in this process, and
reports rows per second from the first claim to the last delivery. The database is dropped
afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

from tortoise import Tortoise

from portal.db import migrate, tortoise_config
from portal.notifications.mail import MailKind
from portal.notifications.mailsink import MailSink, serve_mailsink
from portal.notifications.models import Channel, OutboxMessage, OutboxStatus
from portal.notifications.outbox import enqueue, now
from tests.conftest import create_postgres_database, drop_postgres_database

ROOT = Path(__file__).resolve().parent.parent


async def run(url: str, rows: int, workers: int) -> None:
    scratch = tempfile.mkdtemp(prefix="parley-outbox-bench-")
    database = (
        f"sqlite://{scratch}/bench.sqlite3"
        if url == "sqlite"
        else await create_postgres_database(url)
    )
    try:
        await migrate(database)
        await Tortoise.init(config=tortoise_config(database))
        context = {
            "name": "Bench",
            "case": {"reference": "DR-1", "subject": "Bench", "method": "mediation"},
            "organisation": "Acme",
            "provider": "Fair ADR",
        }
        for i in range(rows):
            await enqueue(
                Channel.EMAIL,
                MailKind.CASE_ACCEPTED.value,
                f"p{i}@bench.example",
                context,
                at=now(),
            )
        sink = MailSink(Path(scratch) / "mail", echo=lambda _line: None, brief=True)
        server = await serve_mailsink(sink, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        env = {
            **os.environ,
            "PORTAL_DATABASE_URL": database,
            "PORTAL_DATA_DIR": scratch,
            "PORTAL_SMTP_PORT": str(port),
            "PORTAL_WORKER_POLL_INTERVAL": "0.05",
            "PORTAL_CLOCK_INTERVAL": "0",
            "PORTAL_LOG_LEVEL": "WARNING",
        }
        processes = [
            await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "portal.cli",
                "worker",
                cwd=ROOT,
                env=env,
                stdout=asyncio.subprocess.DEVNULL,
            )
            for _ in range(workers)
        ]
        while not sink.received:  # noqa: ASYNC110 (waiting on other processes)
            await asyncio.sleep(0.01)
        started = time.perf_counter()
        while await OutboxMessage.exclude(  # noqa: ASYNC110 (other processes deliver)
            status=OutboxStatus.DELIVERED
        ).exists():
            await asyncio.sleep(0.05)
        elapsed = time.perf_counter() - started
        for process in processes:
            process.terminate()
            await process.wait()
        server.close()
        await Tortoise.close_connections()
        kind = "SQLite" if url == "sqlite" else "PostgreSQL"
        print(
            f"{kind}, {workers} worker(s): {rows} mails in {elapsed:.1f} s = {rows / elapsed:.0f}/s"
        )
    finally:
        if url != "sqlite":
            await drop_postgres_database(database)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    asyncio.run(run(args.url, args.rows, args.workers))


if __name__ == "__main__":
    main()

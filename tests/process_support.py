"""Real `portal` processes for the fault tests: a server on a free port, workers, the clock job,
each with the tests' database and signing key (the data folder), its output in a log file."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from portal.settings import Settings
from tests.live_support import free_port

ROOT = Path(__file__).resolve().parent.parent

# On a loaded machine (CI's two cores, with the suite's passes side by side) a process may take
# long to start or to finish. Waits follow the process: its readiness, polled, and whether it is
# still running; these caps only end a wait on a process that hangs, and are never the signal.
STARTUP_CAP = 300.0  # seconds for a process to become ready
RUN_CAP = 600.0  # seconds for a command run to its end
STOP_CAP = 60.0  # seconds for a terminated process to exit, before it is killed


def portal(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`portal <args>` run to its end, as a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "portal.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_CAP,
        check=False,
    )


def wait_until(
    ready: Callable[[], bool],
    process: subprocess.Popen[Any],
    what: str,
    log: Path | None = None,
) -> None:
    """Poll ``ready`` (a connection refused counts as not yet) until it is true; fails at once
    when ``process`` has ended (with its log), and after `STARTUP_CAP` if it never is."""
    deadline = time.monotonic() + STARTUP_CAP
    pause = 0.02
    while True:
        with contextlib.suppress(httpx.TransportError):
            if ready():
                return
        assert process.poll() is None, f"{what}: the process ended\n" + (
            log.read_text() if log is not None else ""
        )
        assert time.monotonic() < deadline, f"{what}: not after {STARTUP_CAP:.0f} s"
        time.sleep(pause)
        pause = min(pause * 2, 0.2)


def answers(url: str, below: int = 300) -> Callable[[], bool]:
    """A readiness check: ``url`` answers with a status below ``below``."""
    return lambda: httpx.get(url, timeout=5).status_code < below


def portal_env(settings: Settings, **env: str) -> dict[str, str]:
    """The environment of a `portal` process on the tests' database and data folder."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")}
    return base | {
        "PORTAL_DATABASE_URL": settings.db_url,
        "PORTAL_DATA_DIR": settings.data_dir,
        "PORTAL_SMTP_PORT": "9",  # nothing listens: mail fails and is retried, more writes
        "PORTAL_LOG_JSON": "true",
        # The tests' tokens carry the tests' issuer; without it the public address (and so the
        # issuer) would follow the process's own PORTAL_PORT.
        "PORTAL_PUBLIC_URL": settings.public_url,
        **env,
    }


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "portal.cli", *command],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def stop(process: subprocess.Popen[Any]) -> None:
    if process.poll() is None:
        process.terminate()
    try:
        process.wait(timeout=STOP_CAP)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_ready(base_url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    wait_until(answers(f"{base_url}/readyz"), process, "portal serve not ready", log)


@contextlib.contextmanager
def serving(settings: Settings, log: Path, **env: str) -> Iterator[str]:
    """`portal serve` on a free port; yields its base URL."""
    port = free_port()
    process = start(["serve"], portal_env(settings, PORTAL_PORT=str(port), **env), log)
    try:
        base_url = f"http://127.0.0.1:{port}"
        wait_ready(base_url, process, log)
        yield base_url
    finally:
        stop(process)


def with_application_name(url: str, name: str) -> str:
    """``url`` whose pooled connections show as ``name`` in pg_stat_activity."""
    return f"{url}{'&' if '?' in url else '?'}application_name={name}"


async def terminate_backends(url: str, *names: str) -> int:
    """pg_terminate_backend of every connection to the database of ``url`` whose application
    is one of ``names``: what an operator, a failover or a network cut does to a server."""
    admin = await asyncpg.connect(asyncpg_dsn(url))
    try:
        killed: int = await admin.fetchval(
            "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND application_name = ANY($1::text[]) "
            "AND pid <> pg_backend_pid()) AS t",
            list(names),
        )
    finally:
        await admin.close()
    return killed


def asyncpg_dsn(url: str) -> str:
    return url.split("?")[0].replace("postgres://", "postgresql://", 1)

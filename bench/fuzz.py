"""Generated and malformed requests against `portal serve`, in development and production:
counts by status and error code, and every 5xx or masked internal error with its request.

    python -m bench.fuzz [--database sqlite|postgres://...] [--config development,production]
                         [--per-field 10] [--seed 2026] [--principals anonymous,user,agent,admin]

Each configuration gets a fresh data directory and database (a new PostgreSQL database on the
server named by --database, dropped afterwards), seeded by `portal demo`. The defaults send
about 5,400 requests per configuration. Exits 1 when anything failed that tests/fuzz_known.py
does not explain, 2 when only known failures remain.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import tempfile
import time
from collections import Counter
from pathlib import Path

from tests.conftest import create_postgres_database, drop_postgres_database
from tests.fuzz_inputs import generate
from tests.fuzz_known import KNOWN_FAILURES
from tests.fuzz_malformed import send_malformed
from tests.fuzz_server import PRINCIPALS, LiveServer, discover, live_portal
from tests.fuzz_support import Sender, Sent, unexplained


def run(server: LiveServer, principals: list[str], per_field: int, run_seed: int) -> list[Sent]:
    targets = discover(server)
    started = time.monotonic()
    operations = generate(targets.ids, per_field, run_seed)
    print(
        f"  {len(operations)} operations generated in {time.monotonic() - started:.1f} s "
        f"({len(targets.ids)} real ids, {len(targets.links)} download links)"
    )
    sender = Sender(server, "fuzz")
    started = time.monotonic()
    try:
        for operation in operations:
            for principal in principals:
                sender.graphql(principal, operation.body(), operation.field)
        send_malformed(sender, targets, principals)
        # Still alive and still signed in (a generated mutation may not end our sessions
        # without our refresh token, but a bug might).
        for principal in principals:
            sender.graphql(principal, {"query": "{ viewer { kind } }"})
    finally:
        sender.close()
    elapsed = time.monotonic() - started
    print(f"  {len(sender.sent)} requests in {elapsed:.0f} s ({len(sender.sent) / elapsed:.0f}/s)")
    ended = Counter(s.label for s in sender.sessions_ended)
    print(f"  sessions ended (and signed in again) after: {dict(ended) or 'none'}")
    return sender.sent


def report(server: LiveServer, sent: list[Sent]) -> int:
    counts = Counter((s.status, ",".join(sorted(set(s.codes))) or "-") for s in sent)
    print("  status  count  codes")
    for (status, codes), count in sorted(counts.items()):
        print(f"  {status:>6} {count:>6}  {codes}")
    # How deep the generated requests got: mutations' expected failures (userErrors).
    user_errors = Counter(
        code
        for s in sent
        if s.status == 200 and not s.codes
        for code in re.findall(r'"code":"([A-Z_]+)"', s.answer)
    )
    print(f"  userErrors in 200 answers: {dict(user_errors.most_common())}")
    tracebacks = server.tracebacks()
    left, known = unexplained(sent, tracebacks, KNOWN_FAILURES)
    for finding, failures in known.items():
        where = ", ".join(sorted({f.label for f in failures}))
        print(f"\n  KNOWN ({finding}): {len(failures)} in {where}; e.g.")
        print(
            "    "
            + failures[0].describe(tracebacks.get(failures[0].request_id)).replace("\n", "\n    ")
        )
    if left:
        print(f"\n  UNEXPLAINED FAILURES: {len(left)}")
        for s in left:
            print("    " + s.describe(tracebacks.get(s.request_id)).replace("\n", "\n    "))
    if not server.alive():
        print("  THE SERVER DIED")
        return 1
    return 1 if left else (2 if known else 0)


async def database_for(base: str) -> str | None:
    return None if base == "sqlite" else await create_postgres_database(base)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", default="sqlite")
    parser.add_argument("--config", default="development,production")
    parser.add_argument("--per-field", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--principals", default=",".join(PRINCIPALS))
    args = parser.parse_args()
    principals = args.principals.split(",")
    worst = 0
    for config in args.config.split(","):
        url = asyncio.run(database_for(args.database))
        print(f"{config} on {'SQLite' if url is None else 'PostgreSQL'}:")
        try:
            with (
                tempfile.TemporaryDirectory() as data,
                live_portal(Path(data), url, production=config == "production") as server,
            ):
                sent = run(server, principals, args.per_field, args.seed)
                worst = max(worst, report(server, sent))
        finally:
            if url is not None:
                asyncio.run(drop_postgres_database(url))
    raise SystemExit(worst)


if __name__ == "__main__":
    main()

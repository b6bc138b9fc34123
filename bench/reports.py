"""How long the feedback reports take on the benchmark database (run `bench.generate` first).

    python -m bench.reports [--url URL] [--runs 20]

For each organisation, the management review of the last 365 days; for each provider, this
year's and last year's transparency report (first page of the disclosure, and the full
download). Prints the median and the slowest run per report, in milliseconds, and the number
of cases each one covered. Reads only: the database is left as it is.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime, timedelta

from tortoise import Tortoise

from bench.common import DEFAULT_URL
from portal.accounts.models import Organisation, Provider, Role
from portal.auth.actor import Actor, ActorKind, Grant
from portal.db import tortoise_config
from portal.feedback.periods import Period
from portal.feedback.review import management_review
from portal.feedback.transparency import MAX_DOWNLOAD, transparency_report

ADMIN = Actor(kind=ActorKind.USER, id=uuid.uuid4(), grants=(Grant(Role.ADMIN),))


async def _timed(runs: int, call: Callable[[], Awaitable[int]]) -> tuple[float, float, int]:
    await call()  # warm-up
    times, covered = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        covered = await call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times), covered


async def run(url: str, runs: int) -> None:
    await Tortoise.init(config=tortoise_config(url))
    try:
        now = datetime.now(UTC)
        year = Period(now - timedelta(days=365), now)
        print(f"{'report':<48} {'median ms':>10} {'max ms':>8} {'cases':>7}")
        for org in await Organisation.all().order_by("slug"):

            async def review(org_id: uuid.UUID = org.id) -> int:
                found = await management_review(ADMIN, org_id, year, systemic_threshold=3)
                return found.indicators.disputes_received

            median, worst, n = await _timed(runs, review)
            print(f"{'management review ' + org.slug:<48} {median:>10.1f} {worst:>8.1f} {n:>7}")
        for provider in await Provider.all().order_by("slug"):
            for y in (now.year - 1, now.year):
                for label, first in (("page", 100), ("download", MAX_DOWNLOAD)):

                    async def report(
                        slug: str = provider.slug, y: int = y, first: int = first
                    ) -> int:
                        found = await transparency_report(
                            slug, Period.of_year(y), first=first, limit=MAX_DOWNLOAD
                        )
                        return found.total_cases

                    median, worst, n = await _timed(runs, report)
                    name = f"transparency {provider.slug} {y} {label}"
                    print(f"{name:<48} {median:>10.1f} {worst:>8.1f} {n:>7}")
    finally:
        await Tortoise.close_connections()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)
    asyncio.run(run(args.url, args.runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

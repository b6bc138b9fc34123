"""A realistic demo installation: Northwind Energy in FairSettle's scheme, their staff, three
consumers, and their complaints and disputes in every status, stage and method.

Everything after the installation itself is made through the real services, dated in the
past (see portal.demo.play), so timelines verify and clocks are real. Idempotent: a story
whose complaint (consumer and subject) exists is not played again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from tortoise.transactions import in_transaction

from portal.demo.directory import seed_directory
from portal.demo.installation import DEMO_PASSWORD, PEOPLE, DemoPerson, seed_installation
from portal.demo.play import already_played, play_all
from portal.demo.records import seed_records
from portal.demo.simulated import SIMULATOR_URL, seed_simulated_provider
from portal.demo.stories import STORIES

__all__ = ["DEMO_PASSWORD", "PEOPLE", "DemoPerson", "seed_demo"]


async def seed_demo(
    progress: Callable[[str], None] = lambda _: None, *, now: datetime | None = None
) -> list[DemoPerson]:
    now = now or datetime.now(UTC)
    installation = await seed_installation(progress)
    await seed_directory(installation, progress)
    simulated = await seed_simulated_provider(installation.organisation)
    installation.simulated = simulated
    progress(f"provider {simulated.name}: webhook adapter to {SIMULATOR_URL}")
    stories = [story for story in STORIES if not await already_played(installation, story)]
    if not stories:
        progress(f"{len(STORIES)} complaints and their disputes already seeded")
        await seed_records(installation, now, progress)
        return list(PEOPLE)
    # All stories or none: a failure leaves no half-told story that would be skipped next time.
    async with in_transaction():
        plays = await play_all(installation, stories, now, progress)
    for line in sorted([await play.summary() for play in plays]):
        progress(line)
    await seed_records(installation, now, progress)
    return list(PEOPLE)

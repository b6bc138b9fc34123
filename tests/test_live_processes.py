"""Two `portal serve` processes on one PostgreSQL (issue 5): a subscriber on one receives an
event created through the other, and never an event outside its visibility."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from portal.cases.models import DisputeCase
from portal.settings import Settings
from portal.timeline.models import TimelineEvent, Visibility
from tests.conftest import TEST_DATABASE_URL
from tests.factories import Factory, quick_world
from tests.live_support import free_port, note, subscribed
from tests.process_support import answers, portal_env, stop, wait_until
from tests.test_api_support import case_id, token_for

pytestmark = pytest.mark.skipif(
    TEST_DATABASE_URL == "sqlite", reason="several processes share PostgreSQL, not SQLite"
)

ROOT = Path(__file__).resolve().parent.parent

ACCEPT = """
mutation A($input: AcceptCaseInput!) {
  acceptCase(input: $input) { case { stage } userErrors { code } }
}
"""


@pytest.fixture
def two_servers(settings: Settings, db: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two `portal serve` processes on the tests' database, with the tests' signing key."""
    env = portal_env(settings, PORTAL_CLOCK_INTERVAL="0")
    ports = [free_port(), free_port()]
    logs = [(tmp_path / f"serve-{port}.log").open("w") for port in ports]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "portal.cli", "serve"],
            cwd=ROOT,
            env=env | {"PORTAL_PORT": str(port)},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        for port, log in zip(ports, logs, strict=True)
    ]
    try:
        for port, process in zip(ports, processes, strict=True):
            _wait_ready(port, process, tmp_path / f"serve-{port}.log")
        yield (f"ws://127.0.0.1:{ports[0]}/graphql", f"http://127.0.0.1:{ports[1]}")
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            stop(process)
        for log in logs:
            log.close()


def _wait_ready(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    url = f"http://127.0.0.1:{port}/readyz"
    wait_until(answers(url), process, "portal serve not ready", log)


async def test_a_subscriber_on_one_process_receives_what_another_process_wrote(
    two_servers: tuple[str, str], app: Starlette, factory: Factory
) -> None:
    subscriber_url, other_base = two_servers
    w = await quick_world(factory)
    case = await w.new_case()
    head = (await DisputeCase.get(id=case.id)).last_sequence
    complainant = await token_for(app, w.complainant)
    agent = await token_for(app, w.agent)
    caseworker = await token_for(app, w.caseworker)

    async with (
        subscribed(subscriber_url, complainant, case_id(case), head) as consumer_side,
        subscribed(subscriber_url, agent, case_id(case), head) as organisation_side,
    ):
        await note(case, Visibility.ORGANISATION_INTERNAL, "internal")  # from this process
        await note(case, Visibility.CAUCUS_ORGANISATION, "caucus")
        async with httpx.AsyncClient(base_url=other_base) as other:
            accepted = await other.post(
                "/graphql",
                json={"query": ACCEPT, "variables": {"input": {"caseId": case_id(case)}}},
                headers={"Authorization": f"Bearer {caseworker}"},
            )
        end = await note(case, Visibility.ALL_PARTIES, "end")
        consumer_seen = await consumer_side.until("end")
        organisation_seen = await organisation_side.until("end")

    assert accepted.json()["data"]["acceptCase"] == {
        "case": {"stage": "ACCEPTED"},
        "userErrors": [],
    }
    # What the other process wrote: every event between the two notes and the end marker.
    through_the_other = list(
        await TimelineEvent.filter(case_id=case.id, sequence__gt=head + 2, sequence__lt=end)
        .order_by("sequence")
        .values_list("kind", flat=True)
    )
    assert through_the_other[0] == "case_accepted"
    assert consumer_seen == [*through_the_other, "end"]
    assert organisation_seen == ["internal", "caucus", *through_the_other, "end"]

"""Generated and malformed requests against a live `portal serve` on the suite's database, in
the development and the production configuration: no HTTP 5xx and no masked internal error,
anonymously, as a consumer, as organisation staff and as the admin (issue 13, deliverable 7;
QUALITY.md "Faults" 6).

Bounded: a fixed seed, a few valid and invalid operations per Query and Mutation field (every
field, read from graphql/schema.graphql), no example database, no shrinking; the offending
request is printed instead. bench/fuzz.py sends the same kind of requests by the thousand.
Failures that other findings of issue 13 fix are listed, with their finding, in
tests/fuzz_known.py; anything else fails here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.conftest import TEST_DATABASE_URL, Template, cloned
from tests.fuzz_inputs import generate, root_fields
from tests.fuzz_known import KNOWN_FAILURES
from tests.fuzz_malformed import send_malformed
from tests.fuzz_server import PRINCIPALS, LiveServer, discover, live_portal
from tests.fuzz_support import Sender, Sent, unexplained

# Valid and invalid operations per root field and configuration: about 260 operations, sent
# as each of the 4 principals (about 60 s per database on the 2-core machines, both
# configurations together). bench/fuzz.py defaults to 10.
PER_FIELD = 2
SEEDS = {"development": 2026, "production": 2027}


@pytest.fixture(scope="module", params=list(SEEDS))
async def server(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    demo_template: Template,
) -> AsyncIterator[LiveServer]:
    """`portal serve` on a copy of the demo as `portal demo` seeds it (tests/conftest.py)."""
    config = request.param
    data_dir = Path(tmp_path_factory.mktemp(f"fuzz-{config}"))
    async with cloned(demo_template, data_dir) as url:
        database_url = None if TEST_DATABASE_URL == "sqlite" else url
        with live_portal(
            data_dir, database_url, production=config == "production", seed=False
        ) as live:
            yield live


def assert_no_unexplained_failures(server: LiveServer, sent: list[Sent]) -> None:
    tracebacks = server.tracebacks()
    left, known = unexplained(sent, tracebacks, KNOWN_FAILURES)
    for finding, failures in known.items():
        print(f"known, {finding}: {len(failures)}")
    assert server.alive(), "portal serve died"
    report = "\n".join(s.describe(tracebacks.get(s.request_id)) for s in left)
    assert not left, f"{len(left)} requests failed:\n{report}"


def test_every_query_and_mutation_field_is_generated() -> None:
    operations = generate([], 1, SEEDS["development"])

    assert {op.field for op in operations} == set(root_fields())
    assert {op.field for op in operations if not op.valid} == set(root_fields()) - {
        "uploadLimits",  # no arguments to break
        "myDataExports",  # no arguments to break
        "myErasureRequests",  # no arguments to break
        "calendarFeed",  # no arguments to break
        # `logout` and `startAuditRun` have one since every mutation takes `idempotencyKey`.
    }


def test_generated_operations_never_fail_internally(
    server: LiveServer, request: pytest.FixtureRequest
) -> None:
    targets = discover(server)
    config = "production" if server.production else "development"
    operations = generate(targets.ids, PER_FIELD, SEEDS[config])
    sender = Sender(server, f"gen-{config[:3]}")
    try:
        for operation in operations:
            for principal in PRINCIPALS:
                sender.graphql(principal, operation.body(), operation.field)
        still = [sender.graphql(p, {"query": "{ viewer { kind } }"}, "viewer") for p in PRINCIPALS]
    finally:
        sender.close()

    assert_no_unexplained_failures(server, sender.sent)
    # Only a `logout` ends a principal's session (the sender then signs in again).
    assert {s.label for s in sender.sessions_ended} <= {"logout"}
    assert [s.status for s in still] == [200] * len(PRINCIPALS)


def test_malformed_requests_never_fail_internally(server: LiveServer) -> None:
    sender = Sender(server, "raw")
    try:
        send_malformed(sender, discover(server), PRINCIPALS)
    finally:
        sender.close()

    assert_no_unexplained_failures(server, sender.sent)
    assert {s.label for s in sender.sessions_ended} == set()

"""PostgreSQL connections terminated under a running server (issue 13 D3; QUALITY.md "Faults
the test suite survives", 3): every request answers with its result or with the retryable
DATABASE_UNAVAILABLE (HTTP 503, Retry-After), never a masked internal error or a bare 500, and
the server recovers without a restart."""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from portal.casefiles.models import Message
from portal.settings import Settings
from tests.casefile_support import POST
from tests.conftest import TEST_DATABASE_URL
from tests.factories import Factory, quick_world
from tests.process_support import serving, terminate_backends, with_application_name
from tests.test_api_support import case_id, token_for

pytestmark = pytest.mark.skipif(
    TEST_DATABASE_URL == "sqlite", reason="pg_terminate_backend: PostgreSQL only"
)

APP = "parley-under-test"
READ = (
    "query C($id: ID!) { case(id: $id) { stage messages(first: 5) { edges { node { body } } } } }"
)


def _outcome(response: httpx.Response) -> str:
    """`ok`, `unavailable` (the retryable answer, complete), or what went wrong."""
    if response.status_code == 503:
        body = response.json()
        codes = {e["extensions"]["code"] for e in body.get("errors", [])}
        retry_after = response.headers.get("Retry-After")
        if codes == {"DATABASE_UNAVAILABLE"} and retry_after and retry_after.isdigit():
            return "unavailable"
        return f"503 {codes} Retry-After={retry_after}"
    if response.status_code != 200:
        return f"HTTP {response.status_code}: {response.text[:200]}"
    body = response.json()
    if "errors" in body:
        return f"errors {sorted({e['extensions']['code'] for e in body['errors']})}"
    return "ok"


async def test_terminated_connections_answer_retryable_or_ok_and_the_server_recovers(
    app: Starlette, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    cases = [await w.new_case() for _ in range(4)]
    token = await token_for(app, w.agent)
    headers = {"Authorization": f"Bearer {token}"}
    server_url = with_application_name(settings.db_url, APP)
    outcomes: Counter[str] = Counter()
    keys: set[str] = set()
    written: set[str] = set()

    report = f"/reports/transparency/{w.provider.slug}.json?year=2026"

    async def request(client: httpx.AsyncClient, i: int) -> str:
        """A write (postMessage with its key), a GraphQL read, or a REST read, by turns."""
        case = case_id(cases[i % len(cases)])
        if i % 3 == 2:
            return _outcome(await client.get(report))
        if i % 3 == 1:
            body = {"query": READ, "variables": {"id": case}}
            return _outcome(await client.post("/graphql", json=body, headers=headers))
        key = f"m{i}"
        keys.add(key)
        data = {"caseId": case, "body": key, "visibility": "ALL_PARTIES", "idempotencyKey": key}
        body = {"query": POST, "variables": {"input": data}}
        outcome = _outcome(await client.post("/graphql", json=body, headers=headers))
        if outcome == "ok":
            written.add(key)
        return outcome

    env = {"PORTAL_CLOCK_INTERVAL": "0", "PORTAL_LOG_LEVEL": "WARNING"}
    with serving(
        replace(settings, database_url=server_url), tmp_path / "serve.log", **env
    ) as base_url:
        async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:
            n = 0
            for round_ in range(5):
                # The pool holds several connections, busy or idle, when they are cut.
                burst = [request(client, n + i) for i in range(24)]
                n += 24
                gathered = asyncio.gather(*burst)
                await asyncio.sleep(0.05 * round_)
                assert await terminate_backends(settings.db_url, APP) >= 1
                outcomes.update(await gathered)
                # Idle connections cut while nobody used them, then used one after another.
                await terminate_backends(settings.db_url, APP)
                for _ in range(8):
                    outcomes[await request(client, n)] += 1
                    n += 1
                await asyncio.sleep(0.5)
            # Recovered: everything works again, without a restart.
            after = [await request(client, n + i) for i in range(20)]

    assert set(outcomes) <= {"ok", "unavailable"}, outcomes
    assert after == ["ok"] * 20
    stored = set(
        await Message.filter(case_id__in=[c.id for c in cases]).values_list("body", flat=True)
    )
    assert written <= stored <= keys

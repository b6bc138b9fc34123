"""Fan-out of live case events: one `portal serve` on PostgreSQL, N WebSocket subscribers on one
case, events appended by this process (so every wake-up crosses LISTEN/NOTIFY).

    python -m bench.live [--subscribers 100] [--events 50] [--interval 0.02]

Reports, per event, the time from its commit to each subscriber's receipt (same machine, same
clock), and the deliveries per second. It uses its own database, `parley_bench_live`, which it
drops and creates again.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import sys
import time
from datetime import UTC, datetime

import asyncpg
import orjson
from tortoise import Tortoise
from tortoise.transactions import in_transaction
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Subprotocol

from bench.common import DATA_DIR, maintenance_dsn, with_database
from bench.load import free_port, start_server, wait_ready
from portal.api.node import to_global_id
from portal.auth.keys import load_keyset
from portal.auth.services import AuthService
from portal.auth.tokens import TokenIssuer
from portal.cases.events import EventKind, record
from portal.cases.models import DisputeCase
from portal.cases.states import CaseRole
from portal.db import migrate, tortoise_config
from portal.settings import load_settings
from portal.timeline.models import Visibility
from tests.factories import Factory, quick_world

DATABASE = "parley_bench_live"
QUERY = "subscription S($c: ID!, $a: Int) { caseEvents(caseId: $c, afterSequence: $a) { payload } }"


async def _recreate(url: str) -> None:
    admin = await asyncpg.connect(maintenance_dsn(url).replace("postgres://", "postgresql://"))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{DATABASE}"')
    finally:
        await admin.close()


async def _append(case_id: object, payload: dict[str, object]) -> None:
    async with in_transaction():
        row = await DisputeCase.select_for_update().get(id=case_id)
        await record(
            row,
            EventKind.CASE_ACCEPTED,
            at=datetime.now(UTC),
            actor_id=None,
            actor_role=CaseRole.SYSTEM.value,
            payload=payload,
            visibility=Visibility.ALL_PARTIES,
        )
        await row.save(update_fields=["last_sequence", "head_hash"])


async def _subscriber(
    url: str, token: str, case: str, head: int, events: int, latencies: list[float]
) -> None:
    async with connect(url, subprotocols=[Subprotocol("graphql-transport-ws")]) as ws:
        await ws.send(
            orjson.dumps({"type": "connection_init", "payload": {"accessToken": token}}).decode()
        )
        assert orjson.loads(await ws.recv())["type"] == "connection_ack"
        payload = {"query": QUERY, "variables": {"c": case, "a": head}}
        await ws.send(orjson.dumps({"id": "1", "type": "subscribe", "payload": payload}).decode())
        await _receive(ws, events + 1, latencies)  # the warm-up event, then the measured ones


async def _receive(ws: ClientConnection, count: int, latencies: list[float]) -> None:
    for n in range(count):
        message = orjson.loads(await ws.recv())
        written = message["payload"]["data"]["caseEvents"]["payload"]["t"]
        if n:  # the first one only proves the subscription is live
            latencies.append(time.time() - written)


async def run(args: argparse.Namespace) -> None:
    url = with_database(args.url, DATABASE)
    await _recreate(url)
    await migrate(url)
    port = free_port()
    data_dir = DATA_DIR / "live"
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = load_settings(
        {},
        data_dir=str(data_dir),
        database_url=url,
        public_url=f"http://127.0.0.1:{port}",
        access_token_ttl=3600,
    )
    auth = AuthService(
        settings, TokenIssuer(load_keyset(settings), settings.issuer, settings.jwt_audience)
    )
    await Tortoise.init(config=tortoise_config(url))
    server = start_server(
        "portal-live",
        [sys.executable, "-m", "portal.cli", "serve"],
        {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")}
        | {
            "PORTAL_DATABASE_URL": f"{url}?minsize=4&maxsize=20",
            "PORTAL_DATA_DIR": str(data_dir),
            "PORTAL_PORT": str(port),
            "PORTAL_PUBLIC_URL": settings.public_url,
            "PORTAL_CLOCK_INTERVAL": "0",
            "PORTAL_LOG_LEVEL": "WARNING",
        },
        port,
    )
    try:
        wait_ready(server, "/readyz")
        world = await quick_world(Factory(settings))
        case = await world.new_case()
        token = (await auth.start_session(world.complainant, method="password")).access_token
        head = (await DisputeCase.get(id=case.id)).last_sequence
        latencies: list[float] = []
        ws_url = f"ws://127.0.0.1:{port}/graphql"
        subscribers = [
            asyncio.create_task(
                _subscriber(
                    ws_url, token, to_global_id("DisputeCase", case.id), head, args.events,
                    latencies,
                )
            )
            for _ in range(args.subscribers)
        ]  # fmt: skip
        await asyncio.sleep(2)  # let every socket connect and subscribe
        await _append(case.id, {"t": time.time()})
        started = time.time()
        for _ in range(args.events):
            await _append(case.id, {"t": time.time()})
            await asyncio.sleep(args.interval)
        await asyncio.wait_for(asyncio.gather(*subscribers), 120)
        elapsed = time.time() - started
    finally:
        server.stop()
        await Tortoise.close_connections()
    ms = sorted(x * 1000 for x in latencies)
    quantiles = statistics.quantiles(ms, n=100)
    print(
        f"{args.subscribers} subscribers x {args.events} events ({len(ms)} deliveries) "
        f"in {elapsed:.2f} s: {len(ms) / elapsed:.0f} deliveries/s; commit-to-receipt latency "
        f"p50 {quantiles[49]:.1f} ms, p95 {quantiles[94]:.1f} ms, p99 {quantiles[98]:.1f} ms, "
        f"max {ms[-1]:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="postgres://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--subscribers", type=int, default=100)
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--interval", type=float, default=0.02, help="seconds between appends")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()

"""Statements per second outside a transaction, Tortoise's asyncpg client against Parley's
(issue 17, issue 13 D3): the stock pool sends `pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *;
RESET ALL` on every release, one more round trip per statement; Parley's does not.

    .venv/bin/python -m bench.pool_reset [postgres://postgres@127.0.0.1:5432/postgres]
"""

from __future__ import annotations

import asyncio
import sys
import time

from tortoise import Tortoise, connections

from portal.db import tortoise_config

STATEMENTS = 3000
ENGINES = ("tortoise.backends.asyncpg", "portal.dbclients.asyncpg_client")


async def rate(url: str, engine: str) -> float:
    config = tortoise_config(url)
    config["connections"]["default"]["engine"] = engine
    await Tortoise.init(config=config)
    try:
        conn = connections.get("default")
        for _ in range(200):  # warm the pool
            await conn.execute_query("SELECT 1")
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            for _ in range(STATEMENTS):
                await conn.execute_query("SELECT 1")
            best = min(best, time.perf_counter() - started)
    finally:
        await Tortoise.close_connections()
    return STATEMENTS / best


async def main(url: str) -> None:
    for _ in range(2):  # alternate, the machine is shared
        for engine in ENGINES:
            print(f"{engine:36} {await rate(url, engine):8.0f} statements/s")


if __name__ == "__main__":
    asyncio.run(
        main(sys.argv[1] if len(sys.argv) > 1 else "postgres://postgres@127.0.0.1:5432/postgres")
    )

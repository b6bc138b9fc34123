"""Helpers for the provider tests: real HTTP servers in the test's loop, an external provider
in a quick world, signed callbacks."""

from __future__ import annotations

import asyncio
import dataclasses
import socket
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import httpx
import uvicorn
from starlette.types import ASGIApp

from portal.accounts.models import Provider, User
from portal.cases.models import DisputeCase, Scheme
from portal.notifications.models import OutboxMessage, ProviderCallback
from portal.settings import Settings
from portal.timeline.models import TimelineEvent
from providers import standard_webhooks, wire
from providers.contract import Person, ProviderEvent, ProviderEventKind
from tests.factories import World

OUTBOUND = standard_webhooks.new_secret()
INBOUND = standard_webhooks.new_secret()
NO_OBJECTION_WINDOW = {"objection": {"days": 0, "calendar": "calendar_days"}}
CASEWORKER = Person("cw-1", "cw@provider.example", "Casey Worker")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@asynccontextmanager
async def serving(app: ASGIApp, port: int | None = None) -> AsyncIterator[int]:
    """``app`` on 127.0.0.1 over real HTTP (uvicorn, in this loop); yields the port."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port or 0))
    bound = int(sock.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(app, log_config=None, lifespan="on"))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:  # noqa: ASYNC110 (uvicorn offers no event for it)
        await asyncio.sleep(0.01)
    try:
        yield bound
    finally:
        server.should_exit = True
        await task
        sock.close()


async def make_external(w: World, adapter: str, **fields: Any) -> Provider:
    """The world's provider, working through ``adapter``; no objection window in its scheme,
    so the clock job confirms an appointed neutral at once."""
    provider = w.provider
    provider.adapter = adapter
    provider.outbound_secret = OUTBOUND
    provider.inbound_secret = INBOUND
    for key, value in fields.items():
        setattr(provider, key, value)
    await provider.save()
    await Scheme.filter(id=w.scheme.id).update(clock_policy=NO_OBJECTION_WINDOW)
    return provider


def allowing_private(settings: Settings, **changes: Any) -> Settings:
    return dataclasses.replace(
        settings,
        webhook_allow_private=True,
        worker_poll_interval=0.02,
        outbox_retry_schedule=(0.05, 0.1, 0.2),
        clock_interval=0,
        **changes,
    )


def signed(
    event: ProviderEvent, *, secret: str = INBOUND, timestamp: int | None = None
) -> tuple[dict[str, str], bytes]:
    body = wire.callback_body(event, datetime.now(UTC).isoformat())
    headers = standard_webhooks.signed_headers(
        secret, event.id, timestamp or int(time.time()), body, "test"
    )
    return headers, body


def event(kind: ProviderEventKind, case_id: str, id: str = "msg_1", **fields: Any) -> ProviderEvent:
    return ProviderEvent(id=id, kind=kind, case_id=case_id, **{"by": CASEWORKER, **fields})


async def post_callback(
    client: httpx.AsyncClient, slug: str, headers: dict[str, str], body: bytes
) -> httpx.Response:
    return await client.post(f"/providers/{slug}/callbacks", content=body, headers=headers)


async def world_state(case: DisputeCase) -> tuple[Any, ...]:
    """What a refused callback must leave alone: the case, its timeline, the callback table,
    the accounts, the outbox."""
    row = await DisputeCase.get(id=case.id)
    kinds = (
        await TimelineEvent.filter(case_id=case.id)
        .order_by("sequence")
        .values_list("kind", flat=True)
    )
    return (
        row.stage,
        row.last_sequence,
        row.head_hash,
        tuple(kinds),
        await ProviderCallback.all().count(),
        await User.all().count(),
        await OutboxMessage.all().count(),
    )

"""A real uvicorn server on a free port, in the tests' own loop, and a graphql-transport-ws
client on the `websockets` library: what a browser or an integrator's process would use."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
import uvicorn
from starlette.applications import Starlette
from tortoise.transactions import in_transaction
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

from portal.cases.events import EventKind, record
from portal.cases.models import DisputeCase
from portal.cases.states import CaseRole
from portal.timeline.live import feed
from portal.timeline.models import Visibility

PROTOCOL = Subprotocol("graphql-transport-ws")
WAIT = 10.0  # seconds a test waits for a message it expects

CASE_EVENTS = """
subscription S($caseId: ID!, $after: Int) {
  caseEvents(caseId: $caseId, afterSequence: $after) {
    sequence kind visibility payload { ...Note }
  }
}
fragment Note on EventPayload { ... on CaseAcceptedEventPayload { note } }
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.asynccontextmanager
async def serving(app: Starlette) -> AsyncIterator[str]:
    """``app`` under uvicorn, lifespan included (the live events listener); yields its ws URL."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, lifespan="on")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    try:
        while not server.started:
            assert not task.done(), "uvicorn stopped before it started"
            await asyncio.sleep(0.02)
        yield f"ws://127.0.0.1:{port}/graphql"
    finally:
        server.should_exit = True
        await task


@dataclass
class Socket:
    ws: ClientConnection

    async def send(self, message: dict[str, Any]) -> None:
        await self.ws.send(orjson.dumps(message).decode())

    async def receive(self) -> dict[str, Any]:
        raw = await asyncio.wait_for(self.ws.recv(), WAIT)
        message: dict[str, Any] = orjson.loads(raw)
        return message

    async def init(self, token: str | None) -> dict[str, Any]:
        await self.send({"type": "connection_init", "payload": {"accessToken": token}})
        return await self.receive()

    async def subscribe(self, id: str, case_id: str, after: int | None = None) -> None:
        variables = {"caseId": case_id, "after": after}
        payload = {"query": CASE_EVENTS, "variables": variables}
        await self.send({"id": id, "type": "subscribe", "payload": payload})

    async def events(self, count: int, id: str = "1") -> list[dict[str, Any]]:
        """The next ``count`` events of subscription ``id``; fails on anything else."""
        found: list[dict[str, Any]] = []
        while len(found) < count:
            message = await self.receive()
            assert message["type"] == "next", message
            assert message["id"] == id, message
            assert "errors" not in message["payload"], message
            found.append(message["payload"]["data"]["caseEvents"])
        return found

    async def until(self, note: str, id: str = "1") -> list[str]:
        """What subscription ``id`` receives up to the event carrying ``note``: each event as
        its note, or its kind when it has none."""
        seen: list[str] = []
        while not seen or seen[-1] != note:
            (event,) = await self.events(1, id)
            seen.append(event["payload"].get("note") or event["kind"].lower())
        return seen

    async def closed(self) -> tuple[int | None, str | None]:
        """Wait for the server to close the socket; its close code and reason."""
        with contextlib.suppress(ConnectionClosed):
            while True:
                await asyncio.wait_for(self.ws.recv(), WAIT)
        return self.ws.close_code, self.ws.close_reason


@contextlib.asynccontextmanager
async def socket_to(url: str, **kwargs: Any) -> AsyncIterator[Socket]:
    kwargs.setdefault("subprotocols", [PROTOCOL])
    async with connect(url, **kwargs) as ws:
        yield Socket(ws)


@contextlib.asynccontextmanager
async def subscribed(
    url: str, token: str, case_id: str, after: int | None = None
) -> AsyncIterator[Socket]:
    async with socket_to(url) as sock:
        assert (await sock.init(token))["type"] == "connection_ack"
        await sock.subscribe("1", case_id, after)
        yield sock


async def note(case: DisputeCase, visibility: Visibility, text: str) -> int:
    """A fact only some may read, written as the services write events; its sequence."""
    async with in_transaction():
        row = await DisputeCase.select_for_update().get(id=case.id)
        event = await record(
            row,
            EventKind.CASE_ACCEPTED,
            at=datetime.now(UTC),
            actor_id=None,
            actor_role=CaseRole.SYSTEM.value,
            payload={"is_complex": False, "note": text},
            visibility=visibility,
        )
        await row.save(update_fields=["last_sequence", "head_hash"])
    return event.sequence


async def caught_up(case: DisputeCase, subscribers: int) -> int:
    """Wait until ``subscribers`` of this process have examined every stored event of the
    case (each decided what to send of it); the case's head sequence."""
    head = (await DisputeCase.get(id=case.id)).last_sequence

    async def poll() -> None:
        while feed.caught_up(case.id, head) < subscribers:  # noqa: ASYNC110 (no event to await)
            await asyncio.sleep(0.01)

    await asyncio.wait_for(poll(), WAIT)
    return head

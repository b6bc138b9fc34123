"""A reference external provider: a small ASGI service speaking the webhook protocol.

It receives Parley's referrals and case events at `POST /parley` (verifying Parley's
Standard Webhooks signature on the raw bytes, dropping duplicates by `webhook-id`) and answers
with signed callbacks to `{parley_url}/providers/{slug}/callbacks` after a configurable delay,
as a provider's own case system would:

- a referral: it accepts the dispute;
- `response_submitted` (the organisation answered): it appoints its neutral, who declares
  impartiality in the same callback;
- `neutral_confirmed` (the objection window closed): it completes the file, and its neutral
  issues the outcome;
- `outcome_issued`: it closes the case (discontinued after the outcome; the parties' answers
  to the outcome are theirs to give in Parley).

Started by `portal provider-simulator`, and in-process by the tests. It imports nothing from
Parley: it only knows the wire format (providers.wire).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from providers import standard_webhooks, wire
from providers.contract import Person, ProviderEvent, ProviderEventKind

log = logging.getLogger("providers.simulator")

CASEWORKER = Person("sim-caseworker-1", "caseworker@simulator.example", "Sam Simulator")
NEUTRAL = Person("sim-neutral-1", "neutral@simulator.example", "Nia Neutral")
ATTEMPTS = 6


@dataclass
class SimulatorConfig:
    parley_url: str  # e.g. http://127.0.0.1:8000
    verify_secret: str  # the secret Parley signs its deliveries with (its outbound secret)
    sign_secret: str  # the secret this provider signs its callbacks with
    delay: float = 1.0  # seconds before each answer
    caseworker: Person = CASEWORKER
    neutral: Person = NEUTRAL

    def __repr__(self) -> str:
        return f"SimulatorConfig(parley_url={self.parley_url!r}, delay={self.delay})"


@dataclass
class Sent:
    kind: str
    case_id: str
    status: int | None  # Parley's answer; None when it could not be reached
    answer: dict[str, Any] = field(default_factory=dict)


class Simulator:
    def __init__(self, config: SimulatorConfig) -> None:
        self.config = config
        self.received: list[dict[str, Any]] = []
        self.sent: list[Sent] = []
        self.refused = 0
        self._seen: set[str] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._client: httpx.AsyncClient | None = None

    # --- receiving ---------------------------------------------------------------------------

    async def parley(self, request: Request) -> Response:
        raw = await request.body()
        try:
            message_id = standard_webhooks.verify(
                self.config.verify_secret,
                {k.lower(): v for k, v in request.headers.items()},
                raw,
                int(time.time()),
            )
        except standard_webhooks.SignatureRefused as exc:
            self.refused += 1
            return JSONResponse({"error": exc.code}, status_code=401)
        if message_id in self._seen:
            return Response(status_code=204)  # a retried delivery: taken already
        try:
            envelope = json.loads(raw)
            data = envelope["data"]
            slug, case_id = str(data["provider"]), str(data["case"]["id"])
        except (ValueError, KeyError, TypeError):
            return JSONResponse({"error": "MALFORMED"}, status_code=400)
        self._seen.add(message_id)
        self.received.append(envelope)
        answers = self._answers(envelope, case_id)
        if answers:
            task = asyncio.create_task(self._answer_later(slug, answers))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return Response(status_code=204)

    def _answers(self, envelope: dict[str, Any], case_id: str) -> list[ProviderEvent]:
        kind = envelope.get("type")
        event = str(envelope["data"].get("kind", "")) if kind == "case_event" else ""
        me, neutral = self.config.caseworker, self.config.neutral

        def answer(kind: ProviderEventKind, **fields: Any) -> ProviderEvent:
            return ProviderEvent(id=f"sim_{uuid.uuid4().hex}", kind=kind, case_id=case_id, **fields)

        if kind == "referral":
            return [answer(ProviderEventKind.ACCEPTED, by=me, note="Accepted by the simulator.")]
        if event == "response_submitted":
            return [
                answer(
                    ProviderEventKind.NEUTRAL_APPOINTED,
                    by=me,
                    neutral=neutral,
                    impartial=True,
                    disclosures="",
                )
            ]
        if event == "neutral_confirmed":
            return [
                answer(ProviderEventKind.FILE_COMPLETED, by=me),
                answer(
                    ProviderEventKind.OUTCOME_ISSUED,
                    by=neutral,
                    summary="The organisation refunds the amount billed twice.",
                    reasons="The bill shows the same charge twice.",
                    amount="120.00",
                    currency="EUR",
                ),
            ]
        if event == "outcome_issued":
            return [
                answer(
                    ProviderEventKind.CLOSED,
                    by=me,
                    reason="discontinued",
                    note="The simulator closes its cases once the outcome is issued.",
                )
            ]
        return []

    # --- answering ---------------------------------------------------------------------------

    async def _answer_later(self, slug: str, answers: list[ProviderEvent]) -> None:
        await asyncio.sleep(self.config.delay)
        for event in answers:
            await self.send(slug, event)

    async def send(self, slug: str, event: ProviderEvent) -> Sent:
        """One signed callback, retried while Parley cannot be reached or answers 5xx."""
        url = f"{self.config.parley_url.rstrip('/')}/providers/{slug}/callbacks"
        body = wire.callback_body(event, datetime.now(UTC).isoformat())
        sent = Sent(event.kind.value, event.case_id, None)
        for attempt in range(ATTEMPTS):
            headers = standard_webhooks.signed_headers(
                self.config.sign_secret, event.id, int(time.time()), body, "Parley-Simulator/1"
            )
            try:
                response = await self.client.post(url, content=body, headers=headers)
            except httpx.HTTPError as exc:
                log.warning("callback %s to %s failed: %s", event.kind.value, url, exc)
            else:
                sent = Sent(event.kind.value, event.case_id, response.status_code, response.json())
                if response.status_code < 500:
                    break
            await asyncio.sleep(min(0.2 * 2**attempt, 5.0))
        self.sent.append(sent)
        log.info("callback %s for %s: %s", sent.kind, sent.case_id, sent.status)
        return sent

    @property
    def client(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(timeout=10.0, follow_redirects=False)
        return self._client

    async def idle(self) -> None:
        """Wait until every scheduled answer was sent (the tests' way to sync)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*list(self._tasks), return_exceptions=True)
        if self._client is not None:
            await self._client.aclose()

    async def state(self, request: Request) -> Response:
        return JSONResponse(
            {
                "received": len(self.received),
                "refused": self.refused,
                "sent": [
                    {"kind": s.kind, "case": s.case_id, "status": s.status} for s in self.sent
                ],
            }
        )


def create_app(simulator: Simulator) -> Starlette:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await simulator.close()

    return Starlette(
        routes=[
            Route("/parley", simulator.parley, methods=["POST"]),
            Route("/state", simulator.state, methods=["GET"]),
        ],
        lifespan=lifespan,
    )

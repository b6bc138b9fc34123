"""Playing the demo's stories through the real services, in one shared order of time.

Each story is an async generator: it yields the instant of its next step, and when resumed
takes that step through the same services the API uses (complaints, `perform`), dated with
`at=` in the past. The director interleaves all stories by time and runs the clock job before
every step, as `portal serve` would have, so references are handed out in date order, clocks
lapse when they would have, and every timeline is a real, verifiable chain.
"""

from __future__ import annotations

import heapq
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from portal.auth.actor import Actor
from portal.cases.models import DisputeCase, Offer
from portal.cases.services import Action, perform, run_clock_job
from portal.cases.states import Method, OfferStatus, Side
from portal.complaints.clocks import run_complaint_clock_job
from portal.complaints.models import Channel, Complaint, ComplaintStatus
from portal.complaints.services import (
    file_complaint,
    record_complaint,
    refer_complaint,
    take_step,
)
from portal.complaints.states import ComplaintDecision
from portal.complaints.transitions import TRANSITIONS
from portal.demo.installation import Installation

# Who acts in a story: the story's consumer, or one of the demo staff.
CONSUMER = "consumer"
STAFF = {
    "agent": "agent@northwind.example",
    "manager": "manager@northwind.example",
    "caseworker": "caseworker@fairsettle.example",
    "mediator": "mediator@fairsettle.example",
    "arbitrator": "arbitrator@fairsettle.example",
}

Script = Callable[["Play"], AsyncIterator[datetime]]


@dataclass(frozen=True)
class Story:
    """One complaint and, when referred, its dispute; found again by consumer and subject."""

    consumer: str  # e-mail
    subject: str
    script: Script


class Play:
    """One story being played: its complaint, its case, and the instant of the current step."""

    def __init__(self, installation: Installation, story: Story, now: datetime) -> None:
        self.installation = installation
        self.story = story
        self.now = now
        self.when = now
        self.complaint: Complaint | None = None
        self.case: DisputeCase | None = None

    # --- time ------------------------------------------------------------------------------

    def ago(self, days: int, hour: int = 10, minute: int = 0) -> datetime:
        """``hour:minute`` (UTC) on the day ``days`` before today; days >= 1 is always past."""
        return (self.now - timedelta(days=days)).replace(
            hour=hour, minute=minute, second=0, microsecond=0
        )

    def in_days(self, days: int) -> datetime:
        return (self.now + timedelta(days=days)).replace(
            hour=23, minute=59, second=0, microsecond=0
        )

    # --- who -------------------------------------------------------------------------------

    def _email(self, who: str) -> str:
        return self.story.consumer if who == CONSUMER else STAFF[who]

    def actor(self, who: str) -> Actor:
        return self.installation.actors[self._email(who)]

    # --- the complaint (ISO 10002) ---------------------------------------------------------

    async def file(self, description: str, remedy: str, channel: Channel = Channel.WEB) -> None:
        """The consumer files online, or the agent records a complaint received another way."""
        data: dict[str, Any] = {
            "subject": self.story.subject,
            "description": description,
            "remedy_sought": remedy,
        }
        organisation_id = self.installation.organisation.id
        if channel is Channel.WEB:
            self.complaint = await file_complaint(
                self.actor(CONSUMER), organisation_id, data, at=self.when
            )
        else:
            consumer = self.installation.users[self.story.consumer]
            data |= {
                "complainant_email": consumer.email,
                "complainant_name": consumer.display_name,
                "channel": channel.value,
            }
            self.complaint = await record_complaint(
                self.actor("agent"), organisation_id, data, at=self.when
            )

    async def handle(
        self,
        status: ComplaintStatus,
        text: str = "",
        decision: ComplaintDecision = ComplaintDecision.NOT_UPHELD,
    ) -> None:
        """The agent takes the complaint table's step to ``status``, writing ``text`` (and,
        when responding, ``decision``: the stories that answer and are then referred are
        mostly not upheld)."""
        transition = next(
            t for t in TRANSITIONS if t.target is status and t.sources and not t.system
        )
        data = {"decision": decision.value}
        if transition.text is not None:
            data[transition.text] = text
        assert self.complaint is not None
        self.complaint = await take_step(
            self.actor("agent"), self.complaint.id, transition.action, data, at=self.when
        )

    async def refer(
        self,
        method: Method,
        claimed: str,
        reason: str,
        *,
        by: str = CONSUMER,
        simulated: bool = False,
    ) -> None:
        """Take the unresolved complaint to FairSettle (ISO 10003 7.2), or to SimSettle, the
        external provider the simulator plays."""
        provider = self.installation.simulated if simulated else self.installation.provider
        assert provider is not None
        assert self.complaint is not None
        language = "zh-Hans" if _chinese(self.story.subject) else "en"
        self.case = await refer_complaint(
            self.actor(by),
            self.complaint.id,
            {
                "provider_id": provider.id,
                "method": method.value,
                "claimed_amount": claimed,
                "currency": "EUR",
                "language": language,
                "unresolved_reason": reason,
            },
            at=self.when,
        )

    # --- the dispute (ISO 10003) -----------------------------------------------------------

    async def act(self, who: str, action: Action, **data: Any) -> None:
        assert self.case is not None
        self.case = await perform(self.actor(who), self.case.id, action, data, at=self.when)

    async def consent(self) -> None:
        assert self.case is not None
        await self.act(
            CONSUMER,
            Action.GIVE_CONSENT,
            understands_legal_effect=True,
            understands_right_to_withdraw=True,
            consents_to_be_bound=self.case.method.binding,
        )

    async def appoint(self, neutral: str) -> None:
        user = self.installation.users[STAFF[neutral]]
        await self.act("caseworker", Action.APPOINT_NEUTRAL, neutral_id=user.id)

    async def offer(
        self, who: str, amount: str, terms: str, expires_at: datetime | None = None
    ) -> None:
        """An offer, or a counter-offer to the other side's open offer when there is one."""
        assert self.case is not None
        theirs = await self._open_offer(Side.ORGANISATION if who == CONSUMER else Side.COMPLAINANT)
        await self.act(
            who,
            Action.MAKE_OFFER,
            amount=amount,
            currency="EUR",
            terms=terms,
            expires_at=expires_at,
            replying_to=theirs.id if theirs else None,
        )

    async def accept_offer(self, who: str) -> None:
        offer = await self._open_offer(Side.ORGANISATION if who == CONSUMER else Side.COMPLAINANT)
        assert offer is not None
        await self.act(who, Action.ACCEPT_OFFER, offer_id=offer.id)

    async def _open_offer(self, side: Side) -> Offer | None:
        assert self.case is not None
        offers = await Offer.filter(
            case_id=self.case.id, side=side, status=OfferStatus.OPEN
        ).order_by("-made_at")
        return next((o for o in offers if o.is_open_at(self.when)), None)

    # --- reporting -------------------------------------------------------------------------

    async def summary(self) -> str:
        """One line: reference, stage (or complaint status), method, consumer, subject."""
        if self.case is not None:
            case = await DisputeCase.get(id=self.case.id)
            reference, state, kind = case.reference, case.stage.value, case.method.value
        else:
            assert self.complaint is not None
            complaint = await Complaint.get(id=self.complaint.id)
            reference, state, kind = complaint.reference, complaint.status.value, "complaint"
        consumer = self.story.consumer.split("@")[0]
        return f"{reference:<15}  {state:<17} {kind:<24} {consumer:<6} {self.story.subject}"


def _chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


async def already_played(installation: Installation, story: Story) -> bool:
    return await Complaint.exists(
        organisation_id=installation.organisation.id,
        complainant_id=installation.users[story.consumer].id,
        subject=story.subject,
    )


async def play_all(
    installation: Installation,
    stories: list[Story],
    now: datetime,
    progress: Callable[[str], None],
) -> list[Play]:
    """Play ``stories`` together in time order, then run the clock job at ``now``."""
    plays = [Play(installation, story, now) for story in stories]
    queue: list[tuple[datetime, int, AsyncIterator[datetime]]] = []
    for index, play in enumerate(plays):
        script = play.story.script(play)
        queue.append((await anext(script), index, script))
    heapq.heapify(queue)
    if queue:
        progress(f"playing {len(plays)} stories from {queue[0][0]:%Y-%m-%d} to today")
    while queue:
        at, index, script = heapq.heappop(queue)
        if at >= now:
            raise ValueError(f"{plays[index].story.subject}: a step at {at} is not in the past")
        # What `portal serve` would have done meanwhile: lapse the clocks due by now.
        await run_clock_job(at)
        await run_complaint_clock_job(at)
        plays[index].when = at
        try:
            following = await anext(script)
        except StopAsyncIteration:
            continue
        if following < at:
            raise ValueError(f"{plays[index].story.subject}: steps out of order at {following}")
        heapq.heappush(queue, (following, index, script))
    await run_clock_job(now)
    await run_complaint_clock_job(now)
    return plays

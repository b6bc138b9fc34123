"""Issue 20, 3 over GraphQL: automated decisions on a case and a person's review of them.

A decision and its review are read by whoever may read the parties' timeline of its case (the
events that record them are in that scope). Asking for a review and deciding it call
portal.automated.services, which asks portal.auth.policy and the transition table.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from portal.api.cases.access import access_to, visible
from portal.api.cases.loaders import EVENT_COLUMNS
from portal.api.cases.timeline import TimelineEvent
from portal.api.context import Info
from portal.api.errors import UserError, user_error
from portal.api.inputs import mutations
from portal.api.loaders import Loaders
from portal.api.node import Node, decode_id, node_resolver, referenced, to_global_id
from portal.api.pagination import (
    INSTANT,
    UUID,
    After,
    Before,
    Connection,
    First,
    Keyset,
    Last,
    connection,
    keyset_page,
    window,
)
from portal.auth import policy
from portal.automated import models
from portal.automated.services import decide_review, request_review
from portal.cases.engine import now
from portal.cases.errors import CaseError
from portal.cases.models import DisputeCase as DisputeCaseRow
from portal.cases.states import (
    AutomatedReviewStatus,
    AutomatedReviewVerdict,
    AutomatedRule,
    CaseRole,
    Side,
    Stage,
)
from portal.cases.transitions import TABLE, Action
from portal.timeline.models import TimelineEvent as TimelineEventRow
from portal.timeline.models import Visibility

if TYPE_CHECKING:
    from portal.api.cases.types import DisputeCase

_NOTHING = uuid.UUID(int=0)


async def _readable(info: Info, case_id: uuid.UUID) -> DisputeCaseRow | None:
    """The case when the viewer may read its parties' timeline (where the decision and its
    review are recorded); None otherwise, as if they did not exist."""
    case = await visible(info, await info.context.loaders.case.load(case_id))
    if case is None or Visibility.ALL_PARTIES not in (await access_to(info, case)).scopes:
        return None
    return case


@strawberry.type(
    description="A step the clock job took on a case automatically, by a rule of the "
    "transition table and not by a person (issue 20; the EU ADR Directive as amended in 2025): "
    "the rule, where it left the case, and the parties' right to ask a person to review it."
)
class AutomatedDecision(Node):
    rule: AutomatedRule = strawberry.field(description="The rule that decided (the row's action).")
    rule_summary: str = strawberry.field(
        description="What the rule does, as the transition table states it."
    )
    decided_at: datetime = strawberry.field(description="When the clock job took the step.")
    stage_before: Stage = strawberry.field(description="The stage the case was in before it.")
    stage_after: Stage = strawberry.field(description="The stage it left the case in.")
    review_due_at: datetime = strawberry.field(
        description="Until when a party may ask a person to review it (the scheme's window)."
    )
    row: strawberry.Private[models.AutomatedDecision]

    @classmethod
    def of(cls, row: models.AutomatedDecision) -> AutomatedDecision:
        return cls(
            id=to_global_id("AutomatedDecision", row.id),
            rule=row.rule,
            rule_summary=TABLE[Action(row.rule.value)].summary,
            decided_at=row.decided_at,
            stage_before=row.stage_before,
            stage_after=row.stage_after,
            review_due_at=row.review_due_at,
            row=row,
        )

    @strawberry.field(description="Whether the window to ask for a review is still open.")
    def review_open(self) -> bool:
        return self.row.review_open_at(now())

    @strawberry.field(description="The timeline event that records the step.")
    async def event(self, info: Info) -> TimelineEvent | None:
        rows = await TimelineEventRow.filter(id=self.row.event_id).values(*EVENT_COLUMNS)
        return TimelineEvent.from_values(rows[0]) if rows else None

    @strawberry.field(description="The case it was taken on.")
    async def case(
        self, info: Info
    ) -> Annotated[DisputeCase, strawberry.lazy("portal.api.cases.types")] | None:
        return await referenced(info, "DisputeCase", self.row.case_id)

    @strawberry.field(description="The review a party asked for; null while none was asked.")
    async def review(self, info: Info) -> AutomatedReview | None:
        row = await info.context.loaders.automated_review_by_decision.load(self.row.id)
        return AutomatedReview.of(row) if row else None

    @strawberry.field(
        description="Whether you may ask a person to review it now: you are a party to the "
        "case, the window is open and nobody has asked yet (`requestAutomatedReview`)."
    )
    async def viewer_may_request_review(self, info: Info) -> bool:
        case = await info.context.loaders.case.load(self.row.case_id)
        if case is None:
            return False
        roles = (await access_to(info, case)).roles
        if policy.automated_review_requester(roles) is None or not self.row.review_open_at(now()):
            return False
        return await info.context.loaders.automated_review_by_decision.load(self.row.id) is None


@strawberry.type(
    description="A party's request that a person review an automated step, and a provider "
    "caseworker's decision on it, with reasons."
)
class AutomatedReview(Node):
    status: AutomatedReviewStatus = strawberry.field(description="Where the review stands.")
    side: Side = strawberry.field(description="The side that asked for it.")
    reasons: str = strawberry.field(description="Why they asked, as written.")
    requested_at: datetime = strawberry.field(description="When they asked.")
    decided_at: datetime | None = strawberry.field(description="When it was decided.")
    decision_reasons: str | None = strawberry.field(
        description="The caseworker's reasons; null until decided."
    )
    row: strawberry.Private[models.AutomatedReview]

    @classmethod
    def of(cls, row: models.AutomatedReview) -> AutomatedReview:
        return cls(
            id=to_global_id("AutomatedReview", row.id),
            status=row.status,
            side=row.side,
            reasons=row.reasons,
            requested_at=row.requested_at,
            decided_at=row.decided_at,
            decision_reasons=row.decision_reasons if row.decided_at else None,
            row=row,
        )

    @strawberry.field(description="The automated step under review.")
    async def decision(self, info: Info) -> AutomatedDecision | None:
        row = await models.AutomatedDecision.get_or_none(id=self.row.decision_id)
        return AutomatedDecision.of(row) if row else None

    @strawberry.field(description="The case it is on.")
    async def case(
        self, info: Info
    ) -> Annotated[DisputeCase, strawberry.lazy("portal.api.cases.types")] | None:
        return await referenced(info, "DisputeCase", self.row.case_id)

    @strawberry.field(
        description="Whether you may decide it now: you are the case's provider caseworker "
        "and it is pending (`decideAutomatedReview`)."
    )
    async def viewer_may_decide(self, info: Info) -> bool:
        if self.row.status is not AutomatedReviewStatus.PENDING:
            return False
        case = await info.context.loaders.case.load(self.row.case_id)
        if case is None:
            return False
        return policy.may_decide_automated_review((await access_to(info, case)).roles)


async def decision_of_event(info: Info, event_id: int) -> AutomatedDecision | None:
    """`TimelineEvent.automated`: the event was read, so its case's scope was checked."""
    row = await info.context.loaders.automated_by_event.load(event_id)
    return AutomatedDecision.of(row) if row else None


async def decisions_of_case(info: Info, case: DisputeCaseRow) -> list[AutomatedDecision]:
    if await _readable(info, case.id) is None:
        return []
    rows = await models.AutomatedDecision.filter(case_id=case.id).order_by("decided_at")
    return [AutomatedDecision.of(row) for row in rows]


@node_resolver("AutomatedDecision")
async def _decision_node(info: Info, pk: uuid.UUID) -> AutomatedDecision | None:
    row = await models.AutomatedDecision.get_or_none(id=pk)
    if row is None or await _readable(info, row.case_id) is None:
        return None
    return AutomatedDecision.of(row)


@node_resolver("AutomatedReview")
async def _review_node(info: Info, pk: uuid.UUID) -> AutomatedReview | None:
    row = await models.AutomatedReview.get_or_none(id=pk)
    if row is None or await _readable(info, row.case_id) is None:
        return None
    return AutomatedReview.of(row)


# --- the caseworkers' queue ---------------------------------------------------------------------

# Oldest request first: a queue.
_QUEUE = Keyset((("requested_at", INSTANT), ("id", UUID)), descending=False)


@strawberry.type
class AutomatedReviewQueries:
    @strawberry.field(
        description="The reviews of automated steps to decide, for a provider caseworker: "
        "those on their provider's cases, oldest request first. Empty for anyone else."
    )
    async def automated_reviews(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        status: Annotated[
            AutomatedReviewStatus | None,
            strawberry.argument(description="Only reviews in this state; every state if null."),
        ] = AutomatedReviewStatus.PENDING,
    ) -> Connection[AutomatedReview]:
        actor = info.context.require_actor()
        query = models.AutomatedReview.filter(policy.automated_review_queue_filter(actor))
        if status is not None:
            query = query.filter(status=status)
        page = await keyset_page(query, _QUEUE, window(first, after, last, before))
        return connection(page, AutomatedReview.of)


# --- asking and deciding ------------------------------------------------------------------------


@strawberry.input(description="A party asking a person to review an automated step.")
class RequestAutomatedReviewInput:
    automated_decision_id: strawberry.ID = strawberry.field(
        description="Global ID of the automated decision (`TimelineEvent.automated`)."
    )
    reasons: str = strawberry.field(description="Why a person should look at it again.")


@strawberry.input(description="A provider caseworker deciding a review of an automated step.")
class DecideAutomatedReviewInput:
    review_id: strawberry.ID = strawberry.field(description="Global ID of the pending review.")
    verdict: AutomatedReviewVerdict = strawberry.field(
        description="UPHELD keeps the step; REVERSED takes the case back through the "
        "transition table's `REVERSE_AUTOMATED_DECISION` row."
    )
    reasons: str = strawberry.field(description="The reasons for the decision, told the parties.")


@strawberry.type(description="The review as it now stands, or why the request was refused.")
class AutomatedReviewPayload:
    review: AutomatedReview | None = strawberry.field(
        default=None, description="The review; null when refused."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was refused; empty on success."
    )


def _refused(exc: CaseError) -> AutomatedReviewPayload:
    return AutomatedReviewPayload(
        user_errors=[
            user_error(exc.code, exc.message, exc.field, limit=exc.limit, actual=exc.actual)
        ]
    )


@mutations
@strawberry.type
class AutomatedReviewMutations:
    @strawberry.mutation(
        description="Ask a person to review a step the clock job took automatically, with "
        "reasons: a party to the case, within the scheme's window "
        "(`AUTOMATED_REVIEW_WINDOW_CLOSED` after it), once per step "
        "(`AUTOMATED_REVIEW_EXISTS`). Anyone else on the case is refused with `FORBIDDEN`; a "
        "decision you may not see is `NOT_FOUND`, as a missing one."
    )
    async def request_automated_review(
        self, info: Info, input: RequestAutomatedReviewInput
    ) -> AutomatedReviewPayload:
        actor = info.context.require_actor()
        pk = decode_id(input.automated_decision_id, "AutomatedDecision") or _NOTHING
        try:
            found = await request_review(actor, pk, {"reasons": input.reasons})
        except CaseError as exc:
            return _refused(exc)
        info.context.loaders = Loaders()
        return AutomatedReviewPayload(review=AutomatedReview.of(found.review))

    @strawberry.mutation(
        description="Decide a pending review of an automated step, with reasons: the case's "
        "provider caseworker only (`FORBIDDEN` for anyone else on the case). Reversing goes "
        "through the transition table: refused with `AUTOMATED_DECISION_SUPERSEDED` when the "
        "case has moved on since the step; `AUTOMATED_REVIEW_NOT_PENDING` once decided."
    )
    async def decide_automated_review(
        self, info: Info, input: DecideAutomatedReviewInput
    ) -> AutomatedReviewPayload:
        actor = info.context.require_actor()
        pk = decode_id(input.review_id, "AutomatedReview") or _NOTHING
        data = {"verdict": input.verdict.value, "reasons": input.reasons}
        try:
            found = await decide_review(actor, pk, data)
        except CaseError as exc:
            if exc.code == "NO_AUTOMATED_REVIEW_PENDING":
                exc = CaseError("AUTOMATED_REVIEW_NOT_PENDING", exc.message, "review_id")
            return _refused(exc)
        info.context.loaders = Loaders()
        return AutomatedReviewPayload(review=AutomatedReview.of(found.review))


__all__ = [
    "AutomatedDecision",
    "AutomatedReview",
    "AutomatedReviewMutations",
    "AutomatedReviewQueries",
    "CaseRole",
]

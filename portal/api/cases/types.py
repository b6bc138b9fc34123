"""The dispute case as GraphQL serves it: plain fields from the loaded row, relations through
the request's loaders, every decision about the viewer from one `access_to` per case."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from portal.accounts.models import User
from portal.api.accounts.types import Organisation, Provider, organisation_for, provider_for
from portal.api.casefiles import fields as casefile
from portal.api.casefiles.types import Document, DownloadLink, Message
from portal.api.cases import enums as _enums  # noqa: F401  (registers the domain enums)
from portal.api.cases.access import access_to, current_appointment, current_outcome, record_read
from portal.api.cases.enums import CaseAction, Locale
from portal.api.cases.loaders import CaseAccess
from portal.api.cases.records import (
    CLOCK_COLUMNS,
    READER_LANGUAGE,
    Clock,
    Consent,
    DueDuty,
    Money,
    NeutralAppointment,
    Offer,
    Outcome,
    Participant,
    ShownText,
    participant,
)
from portal.api.cases.timeline import TimelineEvent, TimelineReceipt, timeline_of
from portal.api.context import Info
from portal.api.node import Node, to_global_id
from portal.api.pagination import After, Before, Connection, First, Last, window
from portal.auth.actor import ActorKind
from portal.automated.records import pending_review
from portal.cases import models
from portal.cases.closing import closure_reasons
from portal.cases.engine import now
from portal.cases.guards import PendingAutomatedReview
from portal.cases.notices import language_of
from portal.cases.states import (
    CaseRole,
    ClosureReason,
    DeclineGround,
    Method,
    MethodFamily,
    Side,
    Stage,
)
from portal.cases.transitions import (
    TABLE,
    Action,
    CaseView,
    available_actions,
    split_obligations,
)
from portal.codes import CaseLanguage
from portal.fees.models import FeeInvoice
from portal.timeline.models import Visibility

if TYPE_CHECKING:
    from portal.api.cases.automated import AutomatedDecision
    from portal.api.cases.representatives import RepresentativeInvitation
    from portal.api.complaints.types import Complaint
    from portal.api.groups.types import CaseLink, GroupMembership
    from portal.api.sessions.types import CaseSession


@strawberry.type(description="An ISO 10003 dispute case.")
class DisputeCase(Node):
    reference: str = strawberry.field(description="Readable and unique: `DR-2026-000123`.")
    subject: str = strawberry.field(
        description="What the dispute is about, in the complainant's words (from the complaint)."
    )
    stage: Stage = strawberry.field(description="Where the case stands (ISO 10003 7).")
    method: Method = strawberry.field(description="The resolution method.")
    method_family: MethodFamily = strawberry.field(
        description="The method's family: facilitative, advisory or determinative."
    )
    binding: bool = strawberry.field(description="Whether the outcome binds both parties.")
    claimed_amount: Money | None = strawberry.field(
        description="What the complainant claims; null when the claim is not about money."
    )
    language: CaseLanguage = strawberry.field(
        description="The language the case runs in: its notices and the scheme's texts."
    )
    unresolved_reason: str = strawberry.field(description="Why the complaint stayed unresolved.")
    is_complex: bool = strawberry.field(
        description="Whether the provider marked the case complex: the organisation's response "
        "clock is then the scheme's `complexResponse`."
    )
    created_at: datetime = strawberry.field(
        description="When the complaint was referred and the case began."
    )
    updated_at: datetime = strawberry.field(
        description="When an event was last recorded on its timeline (a stage change, a "
        "message, a document...): what `updatedSince` and `orderBy: {field: UPDATED_AT}` read."
    )
    stage_changed_at: datetime = strawberry.field(
        description="When the case entered its current stage."
    )
    decline_ground: DeclineGround | None = strawberry.field(
        description="The ground it was declined on; null unless declined."
    )
    decline_reasons: str = strawberry.field(
        description="The provider's reasons for declining; empty unless declined."
    )
    organisation_position: str = strawberry.field(
        description="The organisation's position (ISO 10003 7.4); empty until submitted."
    )
    responded_at: datetime | None = strawberry.field(
        description="When the organisation submitted its position; null until then."
    )
    complainant_reply: str = strawberry.field(
        description="The complainant's reply to the organisation's position (empty: none)."
    )
    replied_at: datetime | None = strawberry.field(description="When the complainant replied.")
    file_completed_at: datetime | None = strawberry.field(
        description="When the provider declared the file complete; null until then."
    )
    implementation_evidence: str = strawberry.field(
        description="What the organisation recorded as done to carry the outcome out; empty "
        "until recorded."
    )
    implemented_at: datetime | None = strawberry.field(
        description="When the organisation recorded the implementation; null until then."
    )
    implementation_confirmed_at: datetime | None = strawberry.field(
        description="When the complainant confirmed it; null until then."
    )
    escalated_at: datetime | None = strawberry.field(
        description="When the implementation went to the provider to decide: reported not "
        "done by the complainant, or not confirmed or not recorded in time."
    )
    escalation_note: str = strawberry.field(
        description="Why it went to the provider: the complainant's reasons, or which clock ran "
        "out."
    )
    closure_reason: ClosureReason | None = strawberry.field(
        description="Why the case closed; null while open, withdrawn or declined."
    )
    closure_note: str = strawberry.field(
        description="The provider's closing note; empty unless closed."
    )
    withdrawal_reason: str = strawberry.field(
        description="The reason given on withdrawing; empty unless withdrawn or none was given."
    )
    withdrawn_by: Side | None = strawberry.field(description="Which side withdrew, if one did.")
    closed_at: datetime | None = strawberry.field(
        description="When the case reached a final stage (closed, withdrawn, declined); null "
        "while open."
    )
    timeline_head: TimelineReceipt = strawberry.field(
        description="The receipt for the timeline as it stands: its length and last hash."
    )
    row: strawberry.Private[models.DisputeCase]

    page_complainant: strawberry.Private[tuple[Participant | None] | None] = None
    page_clocks: strawberry.Private[list[Clock] | None] = None
    # What the viewer may do, decided once per case and request however many of its fields
    # ask (`availableActions`, `viewerDuties`, `viewerRights`, ...: issue 17, the case list).
    viewed: strawberry.Private[asyncio.Future[_Viewed] | None] = None

    @classmethod
    def from_row(cls, row: models.DisputeCase) -> DisputeCase:
        return cls(
            id=to_global_id("DisputeCase", row.id),
            reference=row.reference,
            subject=row.subject,
            stage=row.stage,
            method=row.method,
            method_family=row.method.family,
            binding=row.method.binding,
            claimed_amount=Money.of(row.claimed_amount, row.currency),
            language=CaseLanguage(row.language),
            unresolved_reason=row.unresolved_reason,
            is_complex=row.is_complex,
            created_at=row.created_at,
            updated_at=row.updated_at,
            stage_changed_at=row.stage_changed_at,
            decline_ground=row.decline_ground,
            decline_reasons=row.decline_reasons,
            organisation_position=row.organisation_position,
            responded_at=row.responded_at,
            complainant_reply=row.complainant_reply,
            replied_at=row.replied_at,
            file_completed_at=row.file_completed_at,
            implementation_evidence=row.implementation_evidence,
            implemented_at=row.implemented_at,
            implementation_confirmed_at=row.implementation_confirmed_at,
            escalated_at=row.escalated_at,
            escalation_note=row.escalation_note,
            closure_reason=row.closure_reason,
            closure_note=row.closure_note,
            withdrawal_reason=row.withdrawal_reason,
            withdrawn_by=row.withdrawn_by,
            closed_at=row.closed_at,
            timeline_head=TimelineReceipt(sequence=row.last_sequence, hash=row.head_hash),
            row=row,
        )

    @classmethod
    async def page(
        cls, info: Info, rows: list[models.DisputeCase], fields: set[str]
    ) -> list[DisputeCase]:
        """A page of a list: the relations the client selected (``fields``) are fetched for
        every case in one statement each (`.values()`, unless another field shares a loader),
        and the fields read them synchronously, without a loader call and an awaitable per
        case (ARCHITECTURE.md, performance)."""
        nodes = [cls.from_row(row) for row in rows]
        if not nodes:
            return nodes
        fetches: list[Awaitable[None]] = []
        if "complainant" in fields and not fields & _LOADING_USERS:
            fetches.append(_page_complainants(info, nodes))
        if "clocks" in fields:
            fetches.append(_page_clocks(info, nodes, shared=bool(fields & _READING_CLOCKS)))
        if len(fetches) == 1:
            await fetches[0]
        elif fetches:
            await asyncio.gather(*fetches)
        return nodes

    @strawberry.field(description="Empty unless you may see the organisation itself.")
    async def organisation(self, info: Info) -> Organisation | None:
        return await organisation_for(info, self.row.organisation_id)

    @strawberry.field(
        description="The provider handling the case; null if the viewer may not see it."
    )
    async def provider(self, info: Info) -> Provider | None:
        return await provider_for(info, self.row.provider_id)

    @strawberry.field(description="The complaint referred; empty unless you may see it.")
    async def complaint(
        self, info: Info
    ) -> Annotated[Complaint, strawberry.lazy("portal.api.complaints.types")] | None:
        from portal.api.complaints.types import visible_complaint

        return await visible_complaint(info, self.row.complaint_id)

    @strawberry.field(
        graphql_type=Participant | None,
        description="The complainant, as the others on the case see them; null if their "
        "account was erased.",
    )
    def complainant(self, info: Info) -> Any:

        if self.page_complainant is not None:
            return self.page_complainant[0]
        return participant(info, self.row.complainant_id)

    @strawberry.field(
        description="The complainant's representative, if one accepted an invitation; null "
        "otherwise."
    )
    async def representative(self, info: Info) -> Participant | None:
        rows = await info.context.loaders.participants_by_case.load(self.row.id)
        chosen = next((p for p in rows if p.role == CaseRole.REPRESENTATIVE.value), None)
        return await participant(info, chosen.user_id if chosen else None)

    @strawberry.field(
        description="Your invitations to act for you, newest first: for the complainant only "
        "(empty for anyone else)."
    )
    async def representative_invitations(
        self, info: Info
    ) -> list[
        Annotated[RepresentativeInvitation, strawberry.lazy("portal.api.cases.representatives")]
    ]:
        from portal.api.cases.representatives import invitations_field

        return await invitations_field(info, self.row)

    @strawberry.field(
        description="The group this case was last asked into, with its complainant's consent "
        "(issue 20); null when it never was."
    )
    async def group_membership(
        self, info: Info
    ) -> Annotated[GroupMembership, strawberry.lazy("portal.api.groups.types")] | None:
        from portal.api.groups.types import membership_field

        return await membership_field(info, self.row.id)

    @strawberry.field(
        description="The related cases the provider linked to this one, oldest first: for "
        "those who read the provider's internal scope (empty for anyone else)."
    )
    async def case_links(
        self, info: Info
    ) -> list[Annotated[CaseLink, strawberry.lazy("portal.api.groups.types")]]:
        from portal.api.groups.types import links_field

        return await links_field(info, self.row)

    @strawberry.field(
        description="The steps the clock job took on this case automatically, without a "
        "person (issue 20), oldest first: each names its rule, and says until when a party "
        "may ask a person to review it. Empty for whoever may not read the parties' timeline."
    )
    async def automated_decisions(
        self, info: Info
    ) -> list[Annotated[AutomatedDecision, strawberry.lazy("portal.api.cases.automated")]]:
        from portal.api.cases.automated import decisions_of_case

        return await decisions_of_case(info, self.row)

    @strawberry.field(description="What you are on this case.")
    async def viewer_roles(self, info: Info) -> list[CaseRole]:
        return sorted((await access_to(info, self.row)).roles)

    async def _view(self, info: Info) -> _Viewed:
        if self.viewed is None:
            self.viewed = asyncio.ensure_future(self._load_view(info))
        return await self.viewed

    async def _available(self, info: Info) -> tuple[_Viewed, list[Action]]:
        viewed = await self._view(info)
        if viewed.available is None:
            viewed.available = available_actions(viewed.view, viewed.roles, person=viewed.person)
        return viewed, viewed.available

    async def _obligations(self, info: Info) -> tuple[list[Action], list[Action]]:
        viewed, available = await self._available(info)
        if viewed.obligations is None:
            viewed.obligations = split_obligations(available, viewed.view, viewed.roles)
        return viewed.obligations

    async def _load_view(self, info: Info) -> _Viewed:
        access = await access_to(info, self.row)
        loaders = info.context.loaders
        clocks, offers, outcomes, scheme, fees = await asyncio.gather(
            loaders.clocks_by_case.load(self.row.id),
            loaders.offers_by_case.load(self.row.id),
            loaders.outcomes_by_case.load(self.row.id),
            loaders.scheme.load(self.row.scheme_id),
            loaders.fee_invoices_by_case.load(self.row.id),
        )
        assert scheme is not None
        # Issue 20, 3: only the provider may reverse an automated step (the table's row):
        # nobody else's view needs the pending review.
        review = await pending_review(self.row.id) if needs_review(access) else None
        view = case_view(self.row, access, scheme, clocks, offers, outcomes, fees, review)
        person = info.context.require_actor().kind is ActorKind.USER
        return _Viewed(view, access.roles, person)

    @strawberry.field(
        description="What you may do now, by the transition table: `viewerDuties` and "
        "`viewerRights` together."
    )
    async def available_actions(self, info: Info) -> list[CaseAction]:
        _, actions = await self._available(info)
        return [CaseAction(a.value) for a in actions]

    @strawberry.field(
        description="Those of `availableActions` that cannot be undone (the transition "
        "table's irreversible rows: accepting an offer or outcome, consenting, withdrawing, "
        "issuing an outcome, closing, declining and the like). Ask for a check and a "
        "confirmation before taking one; whoever takes it gets a receipt by mail."
    )
    async def irreversible_actions(self, info: Info) -> list[CaseAction]:
        _, actions = await self._available(info)
        return [CaseAction(a.value) for a in actions if TABLE[a].irreversible]

    @strawberry.field(
        description="Your turn: the available actions that are your duties now, by the "
        "transition table (what the case waits on you for). Empty when the case waits on "
        "nobody you act for. Several may discharge the same duty (accept or decline)."
    )
    async def viewer_duties(self, info: Info) -> list[CaseAction]:
        duties, _ = await self._obligations(info)
        return [CaseAction(a.value) for a in duties]

    @strawberry.field(
        description="What you may also do, and need not: the available actions that are "
        "rights, by the transition table (withdrawing, objecting to the neutral, offers, "
        "asking for a review...). With `viewerDuties`, exactly `availableActions`."
    )
    async def viewer_rights(self, info: Info) -> list[CaseAction]:
        _, rights = await self._obligations(info)
        return [CaseAction(a.value) for a in rights]

    @strawberry.field(
        description="The reasons you may give `closeCase` now: empty unless you may close the "
        "case. `RESOLVED` once the implementation is recorded; `NOT_IMPLEMENTED` once it has "
        "gone to the provider to decide."
    )
    async def closure_reasons(self, info: Info) -> list[ClosureReason]:
        viewed, actions = await self._available(info)
        if Action.CLOSE not in actions:
            return []
        return closure_reasons(viewed.view)

    @strawberry.field(
        description="Who must act, and by when: the case's duty clocks still owed (running, "
        "or missed while the case still waits on them), soonest first. Windows for a right "
        "(objecting, the reflection period) are never listed."
    )
    async def who_must_act(self, info: Info) -> list[DueDuty]:
        rows = await info.context.loaders.due_duties_by_case.load(self.row.id)
        return [DueDuty.of(row) for row in rows]

    @strawberry.field(
        description="The first of `whoMustAct`: the next duty due, and whose it is (whose "
        "delay, once overdue); null when the case waits on no duty clock. `cases(orderBy: "
        "DUE)` sorts by its `dueAt`."
    )
    async def next_due(self, info: Info) -> DueDuty | None:
        rows = await info.context.loaders.due_duties_by_case.load(self.row.id)
        return DueDuty.of(rows[0]) if rows else None

    @strawberry.field(
        description="A duty of this case is past due and still owed: exactly the cases "
        "`cases(filter: {overdue: true})` returns. Windows for a right never count."
    )
    async def overdue(self, info: Info) -> bool:
        rows = await info.context.loaders.due_duties_by_case.load(self.row.id)
        return any(row.overdue for row in rows)

    @strawberry.field(
        description="Every clock the case has had, oldest first.", graphql_type=list[Clock]
    )
    def clocks(self, info: Info) -> Any:
        if self.page_clocks is not None:
            return self.page_clocks
        return _clocks(info, self.row.id)

    @strawberry.field(
        description="The legal effect of the case's method, as the complainant's consent "
        "will record it (ISO 10003 4.6; issue 15): the scheme's text for the method in "
        "`language`, else the scheme's text in another language (marked with it), else "
        "Parley's standard text. Show it as it is; `giveConsent` sends its `digest` and the "
        "same `language`."
    )
    async def consent_text(
        self,
        info: Info,
        language: Annotated[
            Locale | None,
            strawberry.argument(description=READER_LANGUAGE),
        ] = None,
    ) -> ShownText:
        scheme = await info.context.loaders.scheme.load(self.row.scheme_id)
        assert scheme is not None
        wanted = language_of(language, self.row.language)
        return ShownText.of(scheme.consent_text(self.row.method, wanted))

    @strawberry.field(
        description="Every consent given, oldest first, with the text and language recorded."
    )
    async def consents(self, info: Info) -> list[Consent]:
        rows = await info.context.loaders.consents_by_case.load(self.row.id)
        return [Consent.from_row(row) for row in rows]

    @strawberry.field(description="The current appointment (the latest not removed).")
    async def neutral_appointment(self, info: Info) -> NeutralAppointment | None:
        rows = await info.context.loaders.appointments_by_case.load(self.row.id)
        current = current_appointment(rows)
        return NeutralAppointment.from_row(current) if current else None

    @strawberry.field(description="Every offer and counter-offer, oldest first.")
    async def offers(self, info: Info) -> list[Offer]:
        rows = await info.context.loaders.offers_by_case.load(self.row.id)
        at = now()
        return [Offer.from_row(row, at) for row in rows]

    @strawberry.field(description="The outcome standing now: not superseded by a review.")
    async def outcome(self, info: Info) -> Outcome | None:
        current = current_outcome(await info.context.loaders.outcomes_by_case.load(self.row.id))
        return Outcome.from_row(current, self.row.language) if current else None

    @strawberry.field(description="Every outcome issued, oldest first, varied ones included.")
    async def outcomes(self, info: Info) -> list[Outcome]:
        rows = await info.context.loaders.outcomes_by_case.load(self.row.id)
        return [Outcome.from_row(row, self.row.language) for row in rows]

    @strawberry.field(description="The documents you may read (by your role), newest first.")
    async def documents(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        visibility: Annotated[
            Visibility | None,
            strawberry.argument(description="Only the documents of this scope (a caucus, say)."),
        ] = None,
        history: Annotated[
            bool, strawberry.argument(description="Superseded versions too.")
        ] = False,
    ) -> Connection[Document]:
        await record_read(info, self.row)
        return await casefile.documents_connection(
            info, self.row, window(first, after, last, before), visibility, history
        )

    @strawberry.field(description="The messages you may read (by your role), newest first.")
    async def messages(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        visibility: Annotated[
            Visibility | None,
            strawberry.argument(description="Only the messages of this scope (a caucus, say)."),
        ] = None,
    ) -> Connection[Message]:
        await record_read(info, self.row)
        return await casefile.messages_connection(
            info, self.row, window(first, after, last, before), visibility
        )

    @strawberry.field(
        description="The sessions and hearings you may see (a caucus only by its side and the "
        "neutral), oldest first."
    )
    async def sessions(
        self, info: Info
    ) -> list[Annotated[CaseSession, strawberry.lazy("portal.api.sessions.types")]]:
        from portal.api.sessions.types import sessions_of_case

        return await sessions_of_case(info, self.row)

    @strawberry.field(
        description="The scopes you may propose a session or hearing in (the neutral: all "
        "parties or either caucus; the provider: all parties); empty when you may propose none."
    )
    async def viewer_session_scopes(self, info: Info) -> list[Visibility]:
        from portal.api.sessions.types import session_scopes

        return await session_scopes(info, self.row)

    @strawberry.field(description="Messages you may read, by others, that you have not read.")
    async def unread_message_count(self, info: Info) -> int:
        return await casefile.unread_message_count(info, self.row)

    @strawberry.field(
        description="A signed link to a zip of the documents you may read, the timeline as "
        "you may read it with its hashes, and a SHA-256 manifest."
    )
    def bundle_link(self, info: Info) -> DownloadLink:
        return casefile.bundle_link(info, self.row)

    @strawberry.field(
        description="Your personal satisfaction-survey link, while it is open: only for the "
        "complainant it was sent to, once the case has closed (ISO 10004 7.3)."
    )
    async def survey_url(self, info: Info) -> str | None:
        from portal.api.feedback.loaders import open_survey_url

        return await open_survey_url(info, self.row)

    @strawberry.field(description="The events you may read (by your role), oldest first.")
    async def timeline(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[TimelineEvent]:
        await record_read(info, self.row)
        access = await access_to(info, self.row)
        return await timeline_of(info, self.row.id, access, window(first, after, last, before))


def needs_review(access: CaseAccess) -> bool:
    """Whether the viewer's CaseView needs the case's pending automated review (issue 20, 3:
    only the provider may reverse an automated step)."""
    return CaseRole.PROVIDER in access.roles


def case_view(
    row: models.DisputeCase,
    access: CaseAccess,
    scheme: models.Scheme,
    clocks: Sequence[models.Clock],
    offers: Sequence[models.Offer],
    outcomes: Sequence[models.Outcome],
    fees: Sequence[FeeInvoice],
    review: PendingAutomatedReview | None,
) -> CaseView:
    """The case as the transition table sees it for one viewer, from its loaded rows (each
    relation oldest first, as portal.cases.engine.load_view reads them): what the
    `availableActions`, `viewerDuties` and `viewerRights` resolvers and the compiled `Cases`
    operation (portal.api.compiled) both decide from."""
    return CaseView(
        case=row,
        scheme=scheme,
        appointment=access.appointment,
        outcome=current_outcome(list(outcomes)),
        offers=tuple(offers),
        clocks=tuple(clocks),
        now=now(),
        fees=tuple(fees),
        automated_review=review,
    )


@dataclass(slots=True)
class _Viewed:
    """A case as the transition table sees it for the viewer, and what the table answered."""

    view: CaseView
    roles: frozenset[CaseRole]
    person: bool
    available: list[Action] | None = None
    obligations: tuple[list[Action], list[Action]] | None = None


# Fields that read the clocks as models through the loader (the transition table's guards).
_READING_CLOCKS = frozenset({"availableActions", "viewerDuties", "viewerRights"})

# Fields of a case whose resolvers load people through the request's user loader: with one
# of them selected, the complainant goes through that loader too, in the same statement.
_LOADING_USERS = frozenset({"representative", "consents", "neutralAppointment"})


async def _clocks(info: Info, case_id: uuid.UUID) -> list[Clock]:
    rows = await info.context.loaders.clocks_by_case.load(case_id)
    return [Clock.from_row(row) for row in rows]


async def _page_complainants(info: Info, nodes: list[DisputeCase]) -> None:
    ids = {node.row.complainant_id for node in nodes}
    names = dict(await User.filter(id__in=ids).values_list("id", "display_name"))
    actor = info.context.actor
    viewer = actor.id if actor is not None else None
    for node in nodes:
        user_id = node.row.complainant_id
        name = names.get(user_id)
        node.page_complainant = (
            None if name is None else Participant(display_name=name, is_viewer=viewer == user_id),
        )


async def _page_clocks(info: Info, nodes: list[DisputeCase], *, shared: bool) -> None:
    if shared:
        loaded = await info.context.loaders.clocks_by_case.load_many([n.row.id for n in nodes])
        for node, clocks in zip(nodes, loaded, strict=True):
            node.page_clocks = [Clock.from_row(row) for row in clocks]
        return
    # The same order as the clocks_by_case loader.
    by_case: dict[uuid.UUID, list[Clock]] = {node.row.id: [] for node in nodes}
    rows = (
        await models.Clock.filter(case_id__in=list(by_case))
        .order_by("started_at")
        .values(*CLOCK_COLUMNS)
    )
    for row in rows:
        by_case[row["case_id"]].append(Clock.from_values(row))
    for node in nodes:
        node.page_clocks = by_case[node.row.id]

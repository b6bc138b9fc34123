"""The world the total access matrix runs in: two sides (an organisation at a provider, with
everyone a case involves and one object of every kind), an admin, and a token per principal.

Objects are named by keys (`case`, `document`, ...); a `Target` maps each key to what a call
sends (a global id, a slug, a token). The missing side has a well-formed id for every key
that names nothing.
"""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.applications import Starlette

from portal.accesslog.models import AccessAction, AccessRecord, ReaderKind
from portal.accounts.models import Role, User
from portal.accounts.services import NewServiceAccount, create_service_account
from portal.api.node import to_global_id
from portal.auditing import findings as audit_findings
from portal.auditing import runs as audit_runs
from portal.auditing.models import Severity
from portal.auth.actor import Actor
from portal.auth.tokens import TokenKind
from portal.casefiles import services as casefiles
from portal.casefiles.storage import storage_of
from portal.cases.models import DisputeCase, Offer, OrganisationProvider
from portal.cases.services import Action
from portal.cases.states import Method, Stage
from portal.complaints.models import Complaint, ComplaintStatus
from portal.complaints.services import file_complaint, take_step
from portal.complaints.states import ComplaintAction
from portal.feedback.models import SurveyInvitation
from portal.ids import parse_global_id
from portal.notifications.models import (
    Channel,
    OutboxMessage,
    OutboxStatus,
    WebhookSubscription,
)
from portal.notifications.services import create_subscription
from portal.privacy.models import DataExport, ErasureRequest, ErasureStatus
from portal.settings import Settings
from portal.timeline.models import Visibility
from tests import samples
from tests.access_matrix_rules import COUNTERPART, P
from tests.factories import NOTICE_READ, Factory, World, actor_for, build_world
from tests.fees_support import complainant_invoice, matrix_fees

Target = dict[str, Any]
CONSENT = {"understands_legal_effect": True, "understands_right_to_withdraw": True}


def gid(type_name: str, pk: uuid.UUID) -> str:
    return to_global_id(type_name, pk)


@dataclass
class Side:
    """One organisation at one provider: its people, integration clients and objects."""

    w: World
    representative: User
    removed_neutral: User
    org_client: NewServiceAccount
    provider_client: NewServiceAccount
    settings: Settings
    auth: Any
    # Accounts of their own for those without one (or not on a side), to sign in with.
    spare: dict[P, User] = field(default_factory=dict)
    target: Target = field(default_factory=dict)

    def user(self, who: P) -> User | None:
        return {
            P.COMPLAINANT: self.w.complainant,
            P.REPRESENTATIVE: self.representative,
            P.ORG_AGENT: self.w.agent,
            P.ORG_MANAGER: self.w.manager,
            P.CASEWORKER: self.w.caseworker,
            P.NEUTRAL: self.w.neutral,
            P.REMOVED_NEUTRAL: self.removed_neutral,
            P.AUDITOR: self.w.auditor,
        }.get(COUNTERPART.get(who, who))

    async def act(self, who: User, case: DisputeCase, action: Action, **data: Any) -> DisputeCase:
        return await self.w.act(who, case, action, **data)

    # --- cases at a stage, at real time (the API acts at real time after them) ------------

    async def case_at(self, stage: Stage, method: Method = Method.MEDIATION) -> DisputeCase:
        w = self.w
        case = await w.new_case(method, representative_id=self.representative.id)
        if stage is Stage.REFERRED:
            return case
        case = await self.act(w.caseworker, case, Action.ACCEPT)
        if stage is Stage.ACCEPTED:
            return case
        case = await self.act(
            w.complainant, case, Action.GIVE_CONSENT, consents_to_be_bound=method.binding, **CONSENT
        )
        if stage is Stage.AWAITING_RESPONSE:
            return case
        case = await self.act(w.agent, case, Action.SUBMIT_RESPONSE, position="We disagree.")
        if stage is Stage.FILE_REVIEW:
            return case
        case = await w.reply(case)
        if method.needs_neutral:
            case = await self.confirmed(case, w.neutral)
        case = await self.act(w.caseworker, case, Action.COMPLETE_FILE)
        if stage is Stage.IN_RESOLUTION:
            return case
        case = await self.act(w.neutral, case, Action.ISSUE_OUTCOME, summary="60", reasons="Why.")
        if stage is Stage.OUTCOME_PROPOSED:
            return case
        if stage is Stage.UNDER_REVIEW:
            return await self.act(w.agent, case, Action.REQUEST_REVIEW, reasons="Too much.")
        case = await self.act(w.complainant, case, Action.ACCEPT_OUTCOME, **NOTICE_READ)
        return await self.act(w.agent, case, Action.ACCEPT_OUTCOME, **NOTICE_READ)

    async def declared(self, case: DisputeCase, neutral: User) -> DisputeCase:
        w = self.w
        case = await self.act(w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=neutral.id)
        return await self.act(neutral, case, Action.DECLARE_IMPARTIALITY, impartial=True)

    async def confirmed(self, case: DisputeCase, neutral: User) -> DisputeCase:
        """Confirmed without waiting for the window: an objection, rejected."""
        w = self.w
        case = await self.declared(case, neutral)
        case = await self.act(w.complainant, case, Action.OBJECT_TO_NEUTRAL, reasons="Unsure.")
        return await self.act(
            w.caseworker, case, Action.DECIDE_OBJECTION, upheld=False, reasons="No conflict."
        )

    async def offer_by(self, case: DisputeCase, who: User) -> str:
        await self.act(who, case, Action.MAKE_OFFER, amount="75.00", terms="Refund 75")
        offer = await Offer.filter(case_id=case.id).order_by("-made_at").first()
        assert offer is not None
        return gid("Offer", offer.id)

    # --- other fresh objects -------------------------------------------------------------

    async def complaint(self, status: ComplaintStatus = ComplaintStatus.RECEIVED) -> Complaint:
        complaint = await file_complaint(
            await actor_for(self.w.complainant),
            self.w.organisation.id,
            {"subject": "Late refund", "description": "Still waiting."},
        )
        if status is not ComplaintStatus.RECEIVED:
            assert status is ComplaintStatus.ACKNOWLEDGED
            agent = await actor_for(self.w.agent)
            complaint = await take_step(agent, complaint.id, ComplaintAction.ACKNOWLEDGE)
        return complaint

    async def document(self, case_id: uuid.UUID, by: User | None = None) -> str:
        row = await casefiles.upload_document(
            storage_of(self.settings),
            await actor_for(by or self.w.complainant),
            case_id,
            casefiles.IncomingFile("statement.pdf", io.BytesIO(samples.PDF)),
            Visibility.ALL_PARTIES,
            max_bytes=self.settings.document_max_bytes,
        )
        return gid("Document", row.id)

    async def access_record(self, case: DisputeCase) -> str:
        """A read of the case by its organisation's agent, in the record access log. Dated an
        hour ahead: the matrix's own reads (node, nodes, case, ... for every principal) are
        more than a page, and the log lists newest first."""
        row = await AccessRecord.create(
            created_at=datetime.now(UTC) + timedelta(hours=1),
            reader_kind=ReaderKind.USER,
            reader_id=self.w.agent.id,
            role="organisation",
            action=AccessAction.CASE_READ,
            case_id=case.id,
            case_reference=case.reference,
            organisation_id=case.organisation_id,
            provider_id=case.provider_id,
            target_type="DisputeCase",
            target_id=str(case.id),
        )
        return gid("AccessRecordEntry", row.id)

    async def subscription(self) -> str:
        row = await create_subscription(
            await actor_for(self.w.manager),
            self.settings,
            self.w.organisation.id,
            "http://127.0.0.1:9/parley",
            ["case_accepted"],
        )
        return gid("WebhookSubscription", row.id)

    async def delivery(self) -> str:
        """A delivered webhook of the organisation's oldest subscription (a fresh one: so
        redelivering it is allowed)."""
        subscription = (
            await WebhookSubscription.filter(organisation_id=self.w.organisation.id)
            .order_by("created_at")
            .first()
        )
        assert subscription is not None
        at = datetime.now(UTC)
        row = await OutboxMessage.create(
            channel=Channel.WEBHOOK,
            kind="case_accepted",
            recipient=subscription.url,
            context={"body": "{}"},
            subscription_id=subscription.id,
            status=OutboxStatus.DELIVERED,
            attempts=1,
            next_attempt_at=at,
            created_at=at,
            delivered_at=at,
        )
        return gid("WebhookDelivery", row.id)

    async def managed_client(self) -> str:
        """A fresh integration client of the organisation (rotating or disabling it leaves the
        principals' own clients alone)."""
        new = await create_service_account(
            "Managed",
            Role.ORG_AGENT,
            self.settings.secret_key,
            organisation=self.w.organisation,
        )
        return gid("ServiceAccount", new.account.id)

    async def data_export(self) -> str:
        at = datetime.now(UTC)
        row = await DataExport.create(
            user_id=self.w.complainant.id,
            requested_by_id=self.w.complainant.id,
            created_at=at,
            expires_at=at + timedelta(days=30),
            size=3,
            sha256="0" * 64,
            content=b"zip",
        )
        return gid("DataExport", row.id)

    async def erasure_request(self) -> str:
        """A fresh undecided request of the complainant (theirs alone: one at a time)."""
        await ErasureRequest.filter(user_id=self.w.complainant.id).delete()
        row = await ErasureRequest.create(
            user_id=self.w.complainant.id,
            requested_by_id=self.w.complainant.id,
            status=ErasureStatus.HELD,
            created_at=datetime.now(UTC),
        )
        return gid("ErasureRequest", row.id)

    async def dead_letter(self) -> str:
        at = datetime.now(UTC)
        row = await OutboxMessage.create(
            channel=Channel.EMAIL,
            kind="case_accepted",
            recipient=self.w.complainant.email,
            status=OutboxStatus.DEAD,
            attempts=8,
            next_attempt_at=at,
            created_at=at,
        )
        return gid("OutboxMessage", row.id)

    async def audit_run(self) -> str:
        """A finished verification run of the side's (organisation's) auditor."""
        at = datetime.now(UTC)
        run = await audit_runs.start_run(await actor_for(self.w.auditor), at)
        await audit_runs.work_all("access-matrix", at)
        return gid("AuditRun", run.id)

    async def finding(self, case_id: uuid.UUID) -> str:
        row = await audit_findings.raise_finding(
            await actor_for(self.w.auditor),
            case_id,
            severity=Severity.MEDIUM,
            found="A gap in the file.",
            action="Ask the provider.",
            run_id=None,
            at=datetime.now(UTC),
        )
        return gid("AuditFinding", row.id)


def _as_record_read(access_record: str) -> str:
    parsed = parse_global_id(access_record)
    assert parsed is not None
    return gid("RecordRead", parsed[1])


async def build_side(factory: Factory, settings: Settings, app: Starlette) -> Side:
    w = await build_world(factory)
    side = Side(
        w=w,
        representative=await factory.user(),
        removed_neutral=await factory.user(Role.NEUTRAL, provider=w.provider),
        org_client=await factory.service_account(Role.ORG_AGENT, organisation=w.organisation),
        provider_client=await factory.service_account(
            Role.PROVIDER_CASEWORKER, provider=w.provider
        ),
        settings=settings,
        auth=app.state.auth,
        spare={
            who: await factory.user()
            for who in (P.ANONYMOUS, P.ADMIN, P.ORG_CLIENT, P.PROVIDER_CLIENT)
        },
    )
    # Issue 20: every case of the side is invoiced (tests/fees_support.py).
    await matrix_fees(w)
    # The standing case: mediation in resolution, a representative, a neutral removed on an
    # upheld objection, then another one confirmed; an offer, a document and a message.
    case = await side.case_at(Stage.FILE_REVIEW)
    case = await side.declared(case, side.removed_neutral)
    case = await side.act(w.complainant, case, Action.OBJECT_TO_NEUTRAL, reasons="Conflict.")
    case = await side.act(
        w.caseworker, case, Action.DECIDE_OBJECTION, upheld=True, reasons="A conflict."
    )
    case = await side.confirmed(case, w.neutral)
    case = await w.reply(case)
    case = await side.act(w.caseworker, case, Action.COMPLETE_FILE)
    offer = await side.offer_by(case, w.agent)
    message = await casefiles.post_message(
        await actor_for(w.complainant), case.id, "Hello", Visibility.ALL_PARTIES
    )
    # A closed case: its complainant's survey invitation.
    closed = await side.case_at(Stage.REFERRED)
    closed = await side.act(
        w.caseworker, closed, Action.CLOSE, reason="discontinued", note="Stopped answering."
    )
    invitation = await SurveyInvitation.get(case_id=closed.id, respondent="complainant")
    issuer = app.state.auth.issuer
    side.target = {
        "side": side,
        "case": gid("DisputeCase", case.id),
        "case_uuid": case.id,
        "complaint": gid("Complaint", case.complaint_id),  # type: ignore[attr-defined]
        "offer": offer,
        "document": await side.document(case.id),
        "message": gid("Message", message.id),
        "organisation": gid("Organisation", w.organisation.id),
        "organisation_uuid": str(w.organisation.id),
        "provider": gid("Provider", w.provider.id),
        "provider_slug": w.provider.slug,
        "scheme": gid("Scheme", w.scheme.id),
        "neutral": gid("User", w.neutral.id),
        "agent": gid("User", w.agent.id),
        "removed_neutral": gid("User", side.removed_neutral.id),
        "representative": gid("User", side.representative.id),
        "org_client": gid("ServiceAccount", side.org_client.account.id),
        "subscription": await side.subscription(),
        "delivery": await side.delivery(),  # of that subscription
        "managed_client": await side.managed_client(),
        "dead_letter": await side.dead_letter(),
        "access_record": (read := await side.access_record(case)),
        # The same read as the data subject's `viewer.accessLog` names it (issue 18: each
        # GraphQL type has its own global ID).
        "record_read": _as_record_read(read),
        "survey_token": issuer.issue(TokenKind.SURVEY, str(invitation.id), 3600),
        "client_id": side.org_client.account.client_id,
        "audit_run": await side.audit_run(),
        "finding": await side.finding(case.id),
        # Issue 19: the complainant (a person data-protection requests are about), and an
        # export of theirs, made by them.
        "person": gid("User", w.complainant.id),
        "data_export": await side.data_export(),
        "fee_invoice": gid("FeeInvoice", (await complainant_invoice(case)).id),
    }
    return side


def missing_target(app: Starlette) -> Target:
    """Well-formed and of the right type, naming nothing."""
    types = {
        "case": "DisputeCase",
        "complaint": "Complaint",
        "offer": "Offer",
        "document": "Document",
        "message": "Message",
        "organisation": "Organisation",
        "provider": "Provider",
        "neutral": "User",
        "agent": "User",
        "removed_neutral": "User",
        "representative": "User",
        "invitee": "User",
        "org_client": "ServiceAccount",
        "subscription": "WebhookSubscription",
        "delivery": "WebhookDelivery",
        "managed_client": "ServiceAccount",
        "dead_letter": "OutboxMessage",
        "access_record": "AccessRecordEntry",
        "record_read": "RecordRead",
        "scheme": "Scheme",
        "link": "OrganisationProviderLink",
        "invitation": "RepresentativeInvitation",
        "staff_invitation": "StaffInvitation",
        "member": "TeamMember",
        "audit_run": "AuditRun",
        "finding": "AuditFinding",
        "person": "User",
        "data_export": "DataExport",
        "erasure_request": "ErasureRequest",
        "session": "CaseSession",  # issue 20
        # Issue 20: linked and group cases (tests/access_matrix_groups.py).
        "other": "DisputeCase",
        "group": "CaseGroup",
        "group_document": "Document",
        "fee_invoice": "FeeInvoice",
        "fee_waiver": "FeeWaiver",
        "automated_decision": "AutomatedDecision",
        "automated_review": "AutomatedReview",
    }
    target: Target = {key: gid(kind, uuid.uuid4()) for key, kind in types.items()}
    target.update(
        side=None,
        case_uuid=uuid.uuid4(),
        organisation_uuid=str(uuid.uuid4()),
        provider_slug="no-such-provider",
        survey_token=app.state.auth.issuer.issue(TokenKind.SURVEY, str(uuid.uuid4()), 3600),
        invitation_token=app.state.auth.issuer.issue(
            TokenKind.REPRESENTATIVE_INVITATION, str(uuid.uuid4()), 3600
        ),
        staff_token=app.state.auth.issuer.issue(
            TokenKind.STAFF_INVITATION, str(uuid.uuid4()), 3600
        ),
        client_id="no-such-client",
        feed_token="no-such-feed",
    )
    return target


async def link_neighbours(home: Side, away: Side) -> None:
    """Each organisation also works with the other's provider: the outsiders are close ones."""
    await OrganisationProvider.create(
        organisation=home.w.organisation, provider=away.w.provider, scheme=away.w.scheme
    )
    await OrganisationProvider.create(
        organisation=away.w.organisation, provider=home.w.provider, scheme=home.w.scheme
    )


@dataclass
class Me:
    """One principal: who they are, their side, and what they send."""

    who: P
    side: Side
    other: Side
    user: User | None
    token: str | None
    actor: Actor | None

    @property
    def user_gid(self) -> str | None:
        return gid("User", self.user.id) if self.user else None


def case_uuid(target: Target) -> uuid.UUID:
    value = target["case_uuid"]
    assert isinstance(value, uuid.UUID)
    return value


async def refreshed_case(case_id: uuid.UUID) -> DisputeCase:
    return await DisputeCase.get(id=case_id)

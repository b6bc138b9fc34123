"""THE table of the total access matrix: every operation of graphql/schema.graphql and every
REST endpoint the app mounts, how to call it, and what each principal is answered for their
own object, a foreign one and a missing one (tests/access_matrix_rules.py says how to read a
rule). tests/test_access_matrix.py runs it and fails for an operation without a row.

`Call.vars(target, me)` builds the variables from the object's ids (`target`) and the caller
(`me`); `prepare(side)` makes fresh objects for a mutation that changes them, so the world
stays as it was for the rows after it.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from portal.accounts.models import Membership, Organisation, Role, StaffInvitation, User
from portal.accounts.models import Organisation as OrganisationRow
from portal.accounts.models import Provider as ProviderRow
from portal.api.pagination import encode_cursor
from portal.auth.tokens import TokenKind
from portal.automated.models import AutomatedDecision
from portal.automated.services import request_review
from portal.cases.engine import now, perform
from portal.cases.models import CaseParticipant, Clock, RepresentativeInvitation
from portal.cases.models import OrganisationProvider as LinkRow
from portal.cases.models import Scheme as SchemeRow
from portal.cases.notices import acceptance_notice
from portal.cases.states import CaseRole, ClockKind, ClockStatus, Method, Stage
from portal.cases.transitions import TABLE, Action
from portal.commitments.models import Commitment as CommitmentRow
from portal.commitments.models import CommitmentKind
from portal.complaints.models import ComplaintStatus
from tests.access_matrix_rules import (
    COMPLAINT_VIEWERS,
    NO_OBJECT,
    OBJECTS,
    ON_CASE,
    ORG_SIDE,
    PROVIDER_SIDE,
    SIGNED_IN,
    USERS,
    O,
    P,
    Rule,
    everyone,
)
from tests.access_matrix_sessions import session_rest_rows, session_rows
from tests.access_matrix_world import Me, Side, Target, gid
from tests.factories import actor_for
from tests.test_api_support import CONSENT

# The `events` feed's cursor before its first event.
FEED_START = encode_cursor("feed", 0)

Vars = Callable[[Target, Me], dict[str, Any]]
Prepare = Callable[[Side, Me], Awaitable[Target]]
Http = Callable[[httpx.AsyncClient, Target, Me], Awaitable[httpx.Response]]
UE = "userErrors { field code message }"


@dataclass(frozen=True)
class Row:
    operation: str  # the schema's field name, or the REST route's path
    rule: Rule
    query: str = ""
    vars: Vars = lambda t, me: {}
    objects: tuple[O, ...] = OBJECTS
    # Fresh objects for a mutation that changes them: the keys it returns replace the side's.
    prepare: Prepare | None = None
    # Prepare for every call (else: once per side for the refusals and the first success).
    prepare_each: bool = False
    # A success needs objects prepared for its caller (an offer of their own side, say).
    prepare_by_caller: bool = False
    list_key: str | None = None  # a list query: the answer is whether it holds this object
    upload: bool = False  # sent as a GraphQL multipart request
    xfail: Mapping[tuple[P, O], str] = field(default_factory=dict)
    kind: str = "graphql"  # graphql | subscription | rest
    http: Http | None = None  # a REST call
    label: str = ""  # when an operation has several rows

    @property
    def name(self) -> str:
        return f"{self.operation}({self.label})" if self.label else self.operation


def single(name: str, fields: str, args: str = "$id: ID!", call: str = "id: $id") -> str:
    return f"query Q({args}) {{ {name}({call}) {{ {fields} }} }}"


def mutation(name: str, payload: str = f"{UE}") -> str:
    input_type = name[0].upper() + name[1:] + "Input"
    return f"mutation M($input: {input_type}!) {{ {name}(input: $input) {{ {payload} }} }}"


def inputs(**build: Callable[[Target, Me], Any]) -> Vars:
    return lambda t, me: {"input": {k: f(t, me) for k, f in build.items()}}


def key(name: str) -> Callable[[Target, Me], Any]:
    return lambda t, me: t[name]


def const(value: Any) -> Callable[[Target, Me], Any]:
    return lambda t, me: value


# --- who holds which role on a case ---------------------------------------------------------

ROLE_HOLDERS: dict[CaseRole, frozenset[P]] = {
    CaseRole.COMPLAINANT: frozenset({P.COMPLAINANT}),
    CaseRole.REPRESENTATIVE: frozenset({P.REPRESENTATIVE}),
    CaseRole.ORGANISATION: ORG_SIDE,
    CaseRole.PROVIDER: PROVIDER_SIDE,
    CaseRole.NEUTRAL: frozenset({P.NEUTRAL}),
    CaseRole.AUDITOR: frozenset({P.AUDITOR}),
    CaseRole.ADMIN: frozenset({P.ADMIN}),
    CaseRole.SYSTEM: frozenset(),
}
CLIENTS = frozenset({P.ORG_CLIENT, P.PROVIDER_CLIENT})
# Webhook subscriptions: the organisation's managers, its own integration client, admins.
WEBHOOK_MANAGERS = frozenset({P.ORG_MANAGER, P.ORG_CLIENT, P.ADMIN})
# Integration clients: the organisation's managers (people) and admins.
CLIENT_MANAGERS = frozenset({P.ORG_MANAGER, P.ADMIN})


def transition_rule(action: Action, neutral: bool) -> Rule:
    """From the transition table: its roles may; every other role on the case is refused
    FORBIDDEN; anyone else, and every foreign or missing case, NOT_FOUND. ``neutral``: the
    case has an appointed neutral (before that, the neutral has no role on it)."""
    transition = TABLE[action]
    may = frozenset().union(*(ROLE_HOLDERS[r] for r in transition.roles))
    if transition.by_person:
        may -= CLIENTS
    sees = ON_CASE if neutral else ON_CASE - {P.NEUTRAL}
    return Rule(may=may, sees=sees - may, hidden="ue:NOT_FOUND")


# --- case mutations: the stage and data each needs ------------------------------------------


def _at(stage: Stage, method: Method = Method.MEDIATION, **more: str) -> Prepare:
    async def prepare(side: Side, me: Me) -> Target:
        case = await side.case_at(stage, method)
        return {"case": gid("DisputeCase", case.id), "case_uuid": case.id, **more}

    return prepare


def _then(stage: Stage, step: Callable[[Side, Any, Me], Awaitable[Target]], **kw: Any) -> Prepare:
    async def prepare(side: Side, me: Me) -> Target:
        case = await side.case_at(stage, kw.get("method", Method.MEDIATION))
        found = await step(side, case, me)
        return {"case": gid("DisputeCase", case.id), "case_uuid": case.id, **found}

    return prepare


async def _appointed(side: Side, case: Any, me: Me) -> Target:
    await side.act(side.w.caseworker, case, Action.APPOINT_NEUTRAL, neutral_id=side.w.neutral.id)
    return {}


async def _declared(side: Side, case: Any, me: Me) -> Target:
    await side.declared(case, side.w.neutral)
    return {}


async def _objected(side: Side, case: Any, me: Me) -> Target:
    case = await side.declared(case, side.w.neutral)
    await side.act(side.w.complainant, case, Action.OBJECT_TO_NEUTRAL, reasons="Unsure.")
    return {}


async def _confirmed(side: Side, case: Any, me: Me) -> Target:
    await side.confirmed(case, side.w.neutral)
    return {}


async def _ready(side: Side, case: Any, me: Me) -> Target:
    """The complainant has replied to the position and the neutral is confirmed."""
    await side.w.reply(case)
    return await _confirmed(side, case, me)


async def _organisation_may_withdraw(side: Side, case: Any, me: Me) -> Target:
    await SchemeRow.filter(id=side.w.scheme.id).update(organisation_may_withdraw=True)
    return {}


def _complainant_side(me: Me) -> bool:
    return me.who in {P.COMPLAINANT, P.REPRESENTATIVE, P.OTHER_CONSUMER}


async def _own_offer(side: Side, case: Any, me: Me) -> Target:
    by = side.w.complainant if _complainant_side(me) else side.w.agent
    return {"offer": await side.offer_by(case, by)}


async def _other_offer(side: Side, case: Any, me: Me) -> Target:
    by = side.w.agent if _complainant_side(me) else side.w.complainant
    return {"offer": await side.offer_by(case, by)}


async def _implemented(side: Side, case: Any, me: Me) -> Target:
    await side.act(side.w.agent, case, Action.RECORD_IMPLEMENTATION, evidence="Paid.")
    return {}


CASE_ID = {"caseId": key("case")}
REASONS = {"reasons": const("Because.")}
CASE_MUTATIONS: dict[str, tuple[Action, Prepare, dict[str, Callable[[Target, Me], Any]]]] = {
    "acceptCase": (Action.ACCEPT, _at(Stage.REFERRED), {}),
    "declineCase": (
        Action.DECLINE,
        _at(Stage.REFERRED),
        {"ground": const("TIME_BARRED"), **REASONS},
    ),
    "giveConsent": (
        Action.GIVE_CONSENT,
        _at(Stage.ACCEPTED),
        {name: const(value) for name, value in CONSENT.items()},
    ),
    "submitResponse": (
        Action.SUBMIT_RESPONSE,
        _at(Stage.AWAITING_RESPONSE),
        {"position": const("The bill is right.")},
    ),
    "refuseParticipation": (Action.REFUSE_PARTICIPATION, _at(Stage.AWAITING_RESPONSE), REASONS),
    "appointNeutral": (
        Action.APPOINT_NEUTRAL,
        _at(Stage.FILE_REVIEW),
        {"neutralId": key("neutral")},
    ),
    "declareImpartiality": (
        Action.DECLARE_IMPARTIALITY,
        _then(Stage.FILE_REVIEW, _appointed),
        {"impartial": const(True)},
    ),
    "objectToNeutral": (Action.OBJECT_TO_NEUTRAL, _then(Stage.FILE_REVIEW, _declared), REASONS),
    "decideObjection": (
        Action.DECIDE_OBJECTION,
        _then(Stage.FILE_REVIEW, _objected),
        {"upheld": const(False), **REASONS},
    ),
    "submitReply": (
        Action.SUBMIT_REPLY,
        _at(Stage.FILE_REVIEW),
        {"reply": const("The bill is still wrong.")},
    ),
    "discloseCircumstance": (
        Action.DISCLOSE_CIRCUMSTANCE,
        _then(Stage.FILE_REVIEW, _confirmed),
        {"disclosures": const("My sister now works for the organisation.")},
    ),
    "recuse": (Action.RECUSE, _then(Stage.FILE_REVIEW, _appointed), REASONS),
    "removeNeutral": (Action.REMOVE_NEUTRAL, _then(Stage.FILE_REVIEW, _appointed), REASONS),
    "completeFile": (Action.COMPLETE_FILE, _then(Stage.FILE_REVIEW, _ready), {}),
    "makeOffer": (
        Action.MAKE_OFFER,
        _at(Stage.IN_RESOLUTION),
        {"amount": const("50.00"), "terms": const("Refund 50")},
    ),
    "withdrawOffer": (
        Action.WITHDRAW_OFFER,
        _then(Stage.IN_RESOLUTION, _own_offer),
        {"offerId": key("offer")},
    ),
    "rejectOffer": (
        Action.REJECT_OFFER,
        _then(Stage.IN_RESOLUTION, _other_offer),
        {"offerId": key("offer")},
    ),
    "acceptOffer": (
        Action.ACCEPT_OFFER,
        _then(Stage.IN_RESOLUTION, _other_offer),
        {"offerId": key("offer")},
    ),
    "issueOutcome": (
        Action.ISSUE_OUTCOME,
        _at(Stage.IN_RESOLUTION, Method.OMBUDSMAN_RECOMMENDATION),
        {"summary": const("Refund 60"), **REASONS},
    ),
    "extendClock": (
        Action.EXTEND_CLOCK,
        _at(Stage.IN_RESOLUTION),
        {"clock": const("OUTCOME"), "days": const(3), "reason": const("Abroad.")},
    ),
    "acceptOutcome": (
        Action.ACCEPT_OUTCOME,
        _at(Stage.OUTCOME_PROPOSED, Method.OMBUDSMAN_RECOMMENDATION),
        {
            "acknowledgesNotice": const(True),
            "noticeDigest": const(acceptance_notice(False, "en").digest),
        },
    ),
    "rejectOutcome": (
        Action.REJECT_OUTCOME,
        _at(Stage.OUTCOME_PROPOSED, Method.OMBUDSMAN_RECOMMENDATION),
        REASONS,
    ),
    "requestReview": (
        Action.REQUEST_REVIEW,
        _at(Stage.OUTCOME_PROPOSED, Method.ARBITRATION_BINDING),
        REASONS,
    ),
    "decideReview": (
        Action.DECIDE_REVIEW,
        _at(Stage.UNDER_REVIEW, Method.ARBITRATION_BINDING),
        {"varied": const(False), **REASONS},
    ),
    "recordImplementation": (
        Action.RECORD_IMPLEMENTATION,
        _at(Stage.IMPLEMENTATION, Method.OMBUDSMAN_RECOMMENDATION),
        {"evidence": const("Refund paid.")},
    ),
    "confirmImplementation": (
        Action.CONFIRM_IMPLEMENTATION,
        _then(Stage.IMPLEMENTATION, _implemented, method=Method.OMBUDSMAN_RECOMMENDATION),
        {},
    ),
    "reportNotImplemented": (
        Action.REPORT_NOT_IMPLEMENTED,
        _then(Stage.IMPLEMENTATION, _implemented, method=Method.OMBUDSMAN_RECOMMENDATION),
        REASONS,
    ),
    "closeCase": (
        Action.CLOSE,
        _at(Stage.REFERRED),
        {"reason": const("DISCONTINUED"), "note": const("Stopped answering.")},
    ),
    "withdrawCase": (
        Action.WITHDRAW,
        _then(Stage.REFERRED, _organisation_may_withdraw),
        {"reason": const("Settled.")},
    ),
}


# Rows whose cases are taken before a neutral is appointed.
BEFORE_ANY_NEUTRAL = {
    "acceptCase",
    "declineCase",
    "giveConsent",
    "submitResponse",
    "refuseParticipation",
    "appointNeutral",
    "submitReply",
    "closeCase",
    "withdrawCase",
}


def _case_mutation_rows() -> list[Row]:
    rows = []
    for name, (action, prepare, extra) in CASE_MUTATIONS.items():
        rows.append(
            Row(
                name,
                transition_rule(action, neutral=name not in BEFORE_ANY_NEUTRAL),
                mutation(name, f"case {{ id stage }} {UE}"),
                inputs(**CASE_ID, **extra),
                prepare=prepare,
                prepare_by_caller=name in {"withdrawOffer", "rejectOffer", "acceptOffer"},
            )
        )
    return rows


# --- complaints -----------------------------------------------------------------------------


def _complaint(status: ComplaintStatus = ComplaintStatus.RECEIVED) -> Prepare:
    async def prepare(side: Side | None, me: Me) -> Target:
        if side is None:  # a missing complaint needs none
            return {}
        return {"complaint": gid("Complaint", (await side.complaint(status)).id)}

    return prepare


# Staff handle a complaint; its complainant, auditors and admins see it and are refused.
COMPLAINT_STEP = Rule(may=ORG_SIDE, sees=COMPLAINT_VIEWERS - ORG_SIDE, hidden="ue:NOT_FOUND")
COMPLAINT_PAYLOAD = f"complaint {{ id status }} {UE}"


def _representative(t: Target, me: Me) -> str | None:
    """The complainant names their representative; everyone else names themselves (F1: an
    agent naming itself became the complainant's representative), and an integration client,
    which has no user, names the complainant's representative for them."""
    if me.who in {P.COMPLAINANT, P.OTHER_CONSUMER}:
        return gid("User", me.side.representative.id)
    return me.user_gid or gid("User", me.side.representative.id)


REFER = inputs(
    complaintId=key("complaint"),
    providerId=key("provider"),
    method=const("MEDIATION"),
    unresolvedReason=const("Refused."),
)

COMPLAINT_ROWS = [
    Row(
        "fileComplaint",
        # Organisations are public: any person files with any of them; an integration
        # client files for nobody.
        Rule(
            may=USERS,
            sees=frozenset({P.ORG_CLIENT, P.PROVIDER_CLIENT}),
            hidden="ue:ORGANISATION_NOT_FOUND",
            public=True,
            cells={
                (P.ORG_CLIENT, O.MISSING): "ue:FORBIDDEN",
                (P.PROVIDER_CLIENT, O.MISSING): "ue:FORBIDDEN",
            },
        ),
        mutation("fileComplaint", COMPLAINT_PAYLOAD),
        inputs(
            organisationId=key("organisation"),
            subject=const("Overcharged"),
            description=const("Twice."),
        ),
    ),
    Row(
        "recordComplaint",
        Rule(may=ORG_SIDE, hidden="ue:FORBIDDEN"),
        mutation("recordComplaint", COMPLAINT_PAYLOAD),
        lambda t, me: {
            "input": {
                "organisationId": t["organisation"],
                "complainantEmail": f"caller-{me.who.value}-{len(t)}@phone.example",
                "complainantName": "Caller",
                "channel": "PHONE",
                "subject": "By phone",
                "description": "Called in.",
            }
        },
    ),
    Row(
        "acknowledgeComplaint",
        COMPLAINT_STEP,
        mutation("acknowledgeComplaint", COMPLAINT_PAYLOAD),
        inputs(complaintId=key("complaint")),
        prepare=_complaint(),
    ),
    Row(
        "assessComplaint",
        COMPLAINT_STEP,
        mutation("assessComplaint", COMPLAINT_PAYLOAD),
        inputs(complaintId=key("complaint"), assessment=const("Founded.")),
        prepare=_complaint(ComplaintStatus.ACKNOWLEDGED),
    ),
    Row(
        "addComplaintNote",
        COMPLAINT_STEP,
        mutation("addComplaintNote", COMPLAINT_PAYLOAD),
        inputs(complaintId=key("complaint"), note=const("Called the customer back.")),
        prepare=_complaint(),
    ),
    Row(
        "respondToComplaint",
        COMPLAINT_STEP,
        mutation("respondToComplaint", COMPLAINT_PAYLOAD),
        inputs(
            complaintId=key("complaint"),
            response=const("Refunded."),
            decision=const("PARTLY_UPHELD"),
        ),
        prepare=_complaint(ComplaintStatus.ACKNOWLEDGED),
    ),
    Row(
        "closeComplaint",
        COMPLAINT_STEP,
        mutation("closeComplaint", COMPLAINT_PAYLOAD),
        inputs(complaintId=key("complaint"), note=const("Done.")),
        prepare=_complaint(ComplaintStatus.ACKNOWLEDGED),
    ),
    Row(
        "confirmComplaint",
        # Issue 13 F5: only the complainant says a complaint recorded for them is theirs.
        Rule(
            may=frozenset({P.COMPLAINANT}),
            sees=COMPLAINT_VIEWERS - {P.COMPLAINANT},
            hidden="ue:NOT_FOUND",
        ),
        mutation("confirmComplaint", COMPLAINT_PAYLOAD),
        inputs(complaintId=key("complaint")),
        prepare=_complaint(),
    ),
    Row(
        "referComplaint",
        Rule(
            may=ORG_SIDE | {P.COMPLAINANT},
            sees=COMPLAINT_VIEWERS - ORG_SIDE - {P.COMPLAINANT},
            hidden="ue:NOT_FOUND",
        ),
        mutation("referComplaint", f"case {{ id viewerRoles }} {UE}"),
        REFER,
        prepare=_complaint(),
    ),
    # Deliverable 1, F1: a representative is named by the complainant, never by the
    # organisation's side (nor is anyone on it ever one).
    Row(
        "referComplaint",
        Rule(
            may=frozenset({P.COMPLAINANT}),
            sees=COMPLAINT_VIEWERS - {P.COMPLAINANT},
            hidden="ue:NOT_FOUND",
            cells={
                (who, O.OWN): "ue:*"
                for who in (P.ORG_AGENT, P.ORG_MANAGER, P.ORG_CLIENT, P.OTHER_ORG_STAFF)
            },
        ),
        mutation("referComplaint", f"case {{ id viewerRoles }} {UE}"),
        lambda t, me: {
            "input": {**REFER(t, me)["input"], "representativeId": _representative(t, me)}
        },
        prepare=_complaint(),
        prepare_each=True,
        label="naming a representative",
    ),
]

# --- representatives by invitation (portal.cases.representatives) --------------------------

# The complainant in person invites, revokes and removes; everyone else on the case is refused,
# the neutral has no role yet (the case is only referred), a foreign case is not found.
NAMERS = {"may": frozenset({P.COMPLAINANT}), "hidden": "ue:NOT_FOUND"}


async def _unrepresented(side: Side) -> Any:
    """A referred case nobody represents yet: the world's cases all name one."""
    case = await side.case_at(Stage.REFERRED)
    await CaseParticipant.filter(case_id=case.id, role=CaseRole.REPRESENTATIVE.value).delete()
    return case


async def _invited(side: Side, case: Any, email: str) -> Any:
    return await RepresentativeInvitation.create(
        case_id=case.id,
        email=email,
        invited_by_id=side.w.complainant.id,
        created_at=datetime.now(UTC),
        expires_at=datetime.now(UTC) + timedelta(days=14),
    )


async def _unrepresented_case(side: Side, me: Me) -> Target:
    case = await _unrepresented(side)
    return {"case": gid("DisputeCase", case.id), "case_uuid": case.id}


async def _pending_invitation(side: Side, me: Me) -> Target:
    invitation = await _invited(side, await _unrepresented(side), "invitee@example.org")
    return {"invitation": gid("RepresentativeInvitation", invitation.id)}


async def _invitation_for_caller(side: Side | None, me: Me) -> Target:
    """An invitation to the caller's own address (the side's representative's, for a caller
    without one), and its link's token."""
    if side is None:
        return {}
    email = (me.user or side.representative).email
    invitation = await _invited(side, await _unrepresented(side), email)
    token = side.auth.issuer.issue(TokenKind.REPRESENTATIVE_INVITATION, str(invitation.id), 3600)
    return {"invitation_token": token}


CLIENT_CELLS = {(who, obj): "ue:FORBIDDEN" for who in CLIENTS for obj in OBJECTS}

REPRESENTATIVE_ROWS = [
    Row(
        "inviteRepresentative",
        Rule(**NAMERS, sees=ON_CASE - {P.COMPLAINANT, P.REPRESENTATIVE, P.NEUTRAL}),
        mutation("inviteRepresentative", f"invitation {{ id }} {UE}"),
        inputs(caseId=key("case"), email=const("invitee@example.org")),
        prepare=_unrepresented_case,
    ),
    Row(
        "revokeRepresentativeInvitation",
        Rule(**NAMERS, sees=ON_CASE - {P.COMPLAINANT, P.REPRESENTATIVE, P.NEUTRAL}),
        mutation("revokeRepresentativeInvitation", f"invitation {{ id }} {UE}"),
        inputs(invitationId=key("invitation")),
        prepare=_pending_invitation,
    ),
    Row(
        "removeRepresentative",
        Rule(**NAMERS, sees=ON_CASE - {P.COMPLAINANT, P.NEUTRAL}),
        mutation("removeRepresentative", f"case {{ id }} {UE}"),
        inputs(caseId=key("case")),
        prepare=_at(Stage.REFERRED),
    ),
    Row(
        "acceptRepresentativeInvitation",
        # The link's token is the credential, sent to the caller's own address: the invitee
        # accepts on any case but where they are the complainant or work for a side of it (an
        # admin works for every case); an integration client is no person.
        Rule(
            may=frozenset({P.REPRESENTATIVE}),
            sees=SIGNED_IN - {P.REPRESENTATIVE} - CLIENTS,
            forbidden="ue:REPRESENTATIVE_NOT_ALLOWED",
            public=True,
            foreign="OK",
            hidden="ue:INVITATION_INVALID",
            cells=CLIENT_CELLS,
        ),
        mutation("acceptRepresentativeInvitation", f"case {{ id }} {UE}"),
        inputs(token=key("invitation_token")),
        prepare=_invitation_for_caller,
        prepare_each=True,
    ),
]

# --- queries --------------------------------------------------------------------------------

CASE_READERS = Rule(may=ON_CASE)
# Issue 18: a nullable root (`node`, `nodes`, `case`, `complaint`) answers a missing or
# foreign object with null and no error (tests/access_matrix_rules.py: `NULL`).
NULL = "NULL"
CASE_NODE_READERS = Rule(may=ON_CASE, hidden=NULL)
LISTED = {"ok": "LISTED", "hidden": "ABSENT"}
PAGE = "edges { node { id } }"

QUERY_ROWS = [
    Row(
        "cases",
        Rule(may=ON_CASE, **LISTED),
        f"query Q {{ cases(first: 100) {{ {PAGE} }} }}",
        list_key="case",
    ),
    # Issue 18: `case` is nullable; a missing or foreign case is null with no error.
    Row("case", CASE_NODE_READERS, single("case", "id stage"), lambda t, me: {"id": t["case"]}),
    Row(
        "verifyTimeline",
        CASE_READERS,
        single("verifyTimeline", "ok length", "$id: ID!", "caseId: $id"),
        lambda t, me: {"id": t["case"]},
    ),
    Row(
        "verifyReceipt",
        CASE_READERS,
        single(
            "verifyReceipt",
            "result",
            "$id: ID!",
            'caseId: $id, sequence: 1, headHash: "' + "0" * 64 + '"',
        ),
        lambda t, me: {"id": t["case"]},
    ),
    Row(
        "fairnessReport",
        CASE_READERS,
        single("fairnessReport", "reference", "$id: ID!", "caseId: $id"),
        lambda t, me: {"id": t["case"]},
    ),
    Row(
        # Issue 18, 3: the event feed answers everyone signed in; what it holds is the
        # policy's per case and scope (tests/test_event_feed.py).
        "events",
        Rule(may=SIGNED_IN),
        "query Q { events(first: 5) { edges { cursor } pageInfo { endCursor } } }",
        objects=NO_OBJECT,
    ),
    Row(
        "complaints",
        Rule(may=COMPLAINT_VIEWERS, **LISTED),
        f"query Q {{ complaints(first: 100) {{ {PAGE} }} }}",
        list_key="complaint",
    ),
    Row(
        "complaint",
        Rule(may=COMPLAINT_VIEWERS, hidden=NULL),
        single("complaint", "id status"),
        lambda t, me: {"id": t["complaint"]},
    ),
    Row(
        "verifyComplaint",
        # Issue 19: whoever sees the complaint may verify its chain of steps.
        Rule(may=COMPLAINT_VIEWERS),
        single("verifyComplaint", "ok length", "$id: ID!", "complaintId: $id"),
        lambda t, me: {"id": t["complaint"]},
    ),
    Row(
        "organisations",
        Rule(may=SIGNED_IN, public=True, **LISTED),
        f"query Q {{ organisations(first: 100) {{ {PAGE} }} }}",
        list_key="organisation",
    ),
    Row(
        "providers",
        # The public directory (issue 14): published providers for everyone, signed in or not
        # (an unpublished one is listed for no one: tests/test_public_directory.py).
        Rule(
            may=frozenset(P),
            public=True,
            anonymous="LISTED",
            cells={(P.ANONYMOUS, O.MISSING): "ABSENT"},
            **LISTED,
        ),
        f"query Q {{ providers(first: 100) {{ {PAGE} }} }}",
        list_key="provider",
    ),
    Row(
        "provider",
        # One published provider by slug, for everyone; a slug naming none: NOT_FOUND.
        everyone(missing="NOT_FOUND"),
        single("provider", "name", "$slug: String!", "slug: $slug"),
        lambda t, me: {"slug": t["provider_slug"]},
    ),
    # A personal link is its own credential: anyone holding it opens the survey; a link of
    # another side is a link too, so `foreign` here is a token of another kind.
    Row(
        "survey",
        everyone(missing="SURVEY_LINK_INVALID"),
        single("survey", "status caseReference", "$token: String!", "token: $token"),
        lambda t, me: {"token": t["survey_token"]},
        objects=(O.OWN, O.MISSING),
    ),
    Row(
        "representativeInvitation",
        # Whoever signed in holds the link; a link naming no invitation is refused alike.
        Rule(may=SIGNED_IN, public=True, foreign="OK", hidden="INVITATION_INVALID"),
        single("representativeInvitation", "status", "$token: String!", "token: $token"),
        lambda t, me: {"token": t["invitation_token"]},
        prepare=_invitation_for_caller,
    ),
    Row(
        "managementReview",
        # Its figures are for the organisation's managers, its auditors, admins; anyone
        # else, and any organisation that does not exist, FORBIDDEN.
        Rule(may=frozenset({P.ORG_MANAGER, P.AUDITOR, P.ADMIN}), hidden="FORBIDDEN"),
        single(
            "managementReview",
            "organisationName",
            "$id: ID!",
            'organisationId: $id, from: "2026-01-01", until: "2027-01-01"',
        ),
        lambda t, me: {"id": t["organisation"]},
    ),
    Row(
        "transparencyReport",
        everyone(missing="NOT_FOUND"),
        single(
            "transparencyReport",
            "providerName",
            "$slug: String!",
            "provider: $slug, year: 2026",
        ),
        lambda t, me: {"slug": t["provider_slug"]},
    ),
    Row(
        "surveyPolicy",
        # An admin is answered the defaults even for an organisation that does not exist.
        Rule(
            may=frozenset({P.ORG_MANAGER, P.ADMIN}),
            hidden="FORBIDDEN",
            cells={(P.ADMIN, O.MISSING): "OK"},
        ),
        single("surveyPolicy", "validDays", "$id: ID!", "organisationId: $id"),
        lambda t, me: {"id": t["organisation"]},
    ),
    Row(
        "organisationCommitments",
        # Published words (ISO 10001 clause 7): for everyone, signed in or not.
        everyone(missing="NOT_FOUND"),
        single("organisationCommitments", "kind", "$id: ID!", "organisationId: $id"),
        lambda t, me: {"id": t["organisation"]},
    ),
    Row(
        "deadLetters",
        Rule(
            may=frozenset({P.ADMIN}),
            sees=SIGNED_IN,
            ok="LISTED",
            hidden="FORBIDDEN",
            forbidden="FORBIDDEN",
            cells={(P.ADMIN, O.MISSING): "ABSENT"},
        ),
        f"query Q {{ deadLetters(first: 100) {{ {PAGE} }} }}",
        list_key="dead_letter",
    ),
    Row(
        "webhookSubscriptions",
        # Empty for anyone else, and for an organisation that does not exist. The
        # organisation's own integration client manages its subscriptions (issue 18).
        Rule(may=WEBHOOK_MANAGERS, ok="LISTED", hidden="EMPTY"),
        single("webhookSubscriptions", "id", "$id: ID!", "organisationId: $id"),
        lambda t, me: {"id": t["organisation"]},
        list_key="subscription",
    ),
    Row(
        "integrationClients",
        # Managers (people) of the organisation and admins; empty for anyone else.
        Rule(may=CLIENT_MANAGERS, ok="LISTED", hidden="EMPTY"),
        single("integrationClients", "id", "$id: ID!", "ownerId: $id"),
        lambda t, me: {"id": t["organisation"]},
        list_key="managed_client",
    ),
    Row("viewer", Rule(may=SIGNED_IN), "query Q { viewer { kind } }", objects=NO_OBJECT),
    # Issue 19: a person's own receipts only, by who asks (no id to name another's: the test
    # of head receipts shows another person's list stays empty); a client's list is empty.
    Row(
        "viewer",
        Rule(may=SIGNED_IN),
        "query Q { viewer { receipts { caseId sequence hash } } }",
        objects=NO_OBJECT,
        label="receipts",
    ),
    # What an upload may be: the same public facts for everyone, signed in or not.
    Row(
        "uploadLimits",
        everyone(),
        "query Q { uploadLimits { maxFileBytes acceptedTypes } }",
        objects=NO_OBJECT,
    ),
]

# `node` once for every type that implements Node: each checked like its own query. Issue 18:
# `node` is nullable, and an object that is missing or foreign is `null` with no error
# (`NULL`), as GitHub answers it; unauthenticated callers still get UNAUTHENTICATED.
NODE = "query Q($id: ID!) { node(id: $id) { __typename id } }"
NODES = "query Q($id: ID!) { nodes(ids: [$id]) { __typename id } }"
NODE_RULES: dict[str, Rule] = {
    "case": CASE_NODE_READERS,
    "offer": CASE_NODE_READERS,
    "document": CASE_NODE_READERS,
    "message": CASE_NODE_READERS,
    "complaint": Rule(may=COMPLAINT_VIEWERS, hidden=NULL),
    "organisation": Rule(may=SIGNED_IN, public=True, hidden=NULL),
    # The public directory: a published provider is for everyone, signed in or not.
    "provider": everyone(missing=NULL),
    # A staff member (the agent): themselves, colleagues where they work, admins.
    "agent": Rule(may=frozenset({P.ORG_AGENT, P.ORG_MANAGER, P.ORG_CLIENT, P.ADMIN}), hidden=NULL),
    # The organisation's integration client: itself, the organisation's managers, admins.
    "org_client": Rule(may=frozenset({P.ORG_CLIENT, P.ORG_MANAGER, P.ADMIN}), hidden=NULL),
    "subscription": Rule(may=WEBHOOK_MANAGERS, hidden=NULL),
    "delivery": Rule(may=WEBHOOK_MANAGERS, hidden=NULL),
    "managed_client": Rule(may=frozenset({P.ORG_MANAGER, P.ADMIN}), hidden=NULL),
    "dead_letter": Rule(may=frozenset({P.ADMIN}), hidden=NULL),
    # Issue 18: the types that became Nodes, each as its own query shows it.
    # A scheme is published with its provider.
    "scheme": everyone(missing=NULL),
    # The access log's entries: admins every one, the organisation's auditor its cases'.
    "access_record": Rule(may=frozenset({P.ADMIN, P.AUDITOR}), hidden=NULL),
    # The same read as the data subject sees it: the parties of the case read.
    "record_read": Rule(may=frozenset({P.COMPLAINANT, P.REPRESENTATIVE}), hidden=NULL),
    # Auditors only, their own scope's (not admins: they do not audit).
    "audit_run": Rule(may=frozenset({P.AUDITOR}), hidden=NULL),
    "finding": Rule(may=frozenset({P.AUDITOR}), hidden=NULL),
    # A subject-access export: the person's own (made by them).
    "data_export": Rule(may=frozenset({P.COMPLAINANT}), hidden=NULL),
}
NODE_ROWS = [
    Row("node", rule, NODE, lambda t, me, k=k: {"id": t[k]}, label=k)
    for k, rule in NODE_RULES.items()
] + [
    Row("nodes", rule, NODES, lambda t, me, k=k: {"id": t[k]}, label=k)
    for k, rule in NODE_RULES.items()
    if k in {"case", "provider", "complaint"}
]

# --- case files -----------------------------------------------------------------------------

WRITERS = ON_CASE - {P.AUDITOR, P.ADMIN}  # auditors and admins only read


async def _fresh_document(side: Side, me: Me) -> Target:
    return {"document": await side.document(side.target["case_uuid"])}


CASEFILE_ROWS = [
    Row(
        "uploadDocument",
        Rule(
            may=WRITERS,
            sees=frozenset({P.AUDITOR, P.ADMIN}),
            forbidden="ue:SCOPE_NOT_ALLOWED",
            hidden="ue:NOT_FOUND",
        ),
        mutation("uploadDocument", f"document {{ id }} {UE}"),
        inputs(caseId=key("case"), visibility=const("ALL_PARTIES"), file=const(None)),
        upload=True,
    ),
    Row(
        "supersedeDocument",
        # Only the side that uploaded it: the complainant uploaded this one.
        Rule(
            may=frozenset({P.COMPLAINANT}),
            sees=ON_CASE - {P.COMPLAINANT},
            hidden="ue:NOT_FOUND",
            # Auditors and admins write nowhere.
            cells={
                (P.AUDITOR, O.OWN): "ue:SCOPE_NOT_ALLOWED",
                (P.ADMIN, O.OWN): "ue:SCOPE_NOT_ALLOWED",
                (P.ADMIN, O.FOREIGN): "ue:SCOPE_NOT_ALLOWED",
            },
        ),
        mutation("supersedeDocument", f"document {{ id }} {UE}"),
        inputs(documentId=key("document"), file=const(None)),
        prepare=_fresh_document,
        upload=True,
    ),
    Row(
        "postMessage",
        Rule(
            may=WRITERS,
            sees=frozenset({P.AUDITOR, P.ADMIN}),
            forbidden="ue:SCOPE_NOT_ALLOWED",
            hidden="ue:NOT_FOUND",
        ),
        mutation("postMessage", f"message {{ id }} {UE}"),
        inputs(caseId=key("case"), body=const("Hello."), visibility=const("ALL_PARTIES")),
    ),
    Row(
        "markMessagesRead",
        Rule(may=ON_CASE, hidden="ue:NOT_FOUND"),
        mutation("markMessagesRead", f"marked {UE}"),
        lambda t, me: {"input": {"caseId": t["case"], "messageIds": [t["message"]]}},
    ),
]

# --- the directory: providers are public, so another provider is FORBIDDEN, not hidden -------

PROVIDER_EDITORS = PROVIDER_SIDE | {P.ADMIN}
DIRECTORY = {"sees": SIGNED_IN, "foreign": "ue:FORBIDDEN", "hidden": "ue:NOT_FOUND"}
DIRECTORY_ROWS = [
    Row(
        "updateProviderProfile",
        Rule(may=PROVIDER_EDITORS, **DIRECTORY),  # type: ignore[arg-type]
        mutation("updateProviderProfile", f"provider {{ id }} {UE}"),
        inputs(providerId=key("provider"), summary=const("We resolve disputes.")),
    ),
    Row(
        "updateNeutralProfile",
        Rule(may=PROVIDER_EDITORS | {P.NEUTRAL}, **DIRECTORY),  # type: ignore[arg-type]
        mutation("updateNeutralProfile", f"neutral {{ title }} {UE}"),
        inputs(providerId=key("provider"), neutralId=key("neutral"), title=const("Mediator")),
    ),
    Row(
        "setNeutralMandate",
        Rule(may=PROVIDER_EDITORS, **DIRECTORY),  # type: ignore[arg-type]
        mutation("setNeutralMandate", f"neutral {{ title }} {UE}"),
        inputs(
            providerId=key("provider"),
            neutralId=key("neutral"),
            methods=const([]),
            mandateEndsOn=const(None),
        ),
    ),
    Row(
        "configureProviderAdapter",
        # People only: a client must not redirect the provider's referrals.
        Rule(
            may=frozenset({P.CASEWORKER, P.ADMIN}),
            sees=SIGNED_IN,
            foreign="ue:FORBIDDEN",
            hidden="ue:FORBIDDEN",  # a missing provider too
        ),
        mutation("configureProviderAdapter", f"provider {{ adapter }} {UE}"),
        inputs(providerId=key("provider"), adapter=const("INPORTAL")),
    ),
]

# --- administration (issue 14) --------------------------------------------------------------
# Installation admins alone set up organisations, providers, schemes and links: everyone else
# is refused (the objects are public, nothing to hide), whatever the object; an admin is told
# what is missing. Retiring and editing work on fresh objects, so the world stays as it was.

ADMIN_ONLY = Rule(
    may=frozenset({P.ADMIN}),
    sees=SIGNED_IN,
    foreign="ue:FORBIDDEN",
    hidden="ue:FORBIDDEN",
    cells={(P.ADMIN, O.MISSING): "ue:NOT_FOUND"},
)
ADMIN_ONLY_ORG = Rule(
    may=frozenset({P.ADMIN}),
    sees=SIGNED_IN,
    foreign="ue:FORBIDDEN",
    hidden="ue:FORBIDDEN",
    cells={(P.ADMIN, O.MISSING): "ue:ORGANISATION_NOT_FOUND"},
)


def _slug(t: Target, me: Me) -> str:
    return f"matrix-{uuid.uuid4().hex[:12]}"


async def _commitment(side: Side | None, me: Me) -> Target:
    """The side's organisation makes an accessibility commitment, for removeCommitment."""
    if side is not None:
        await CommitmentRow.get_or_create(
            organisation_id=side.w.organisation.id,
            kind=CommitmentKind.ACCESSIBILITY,
            defaults={
                "wording_en": "Large print on request.",
                "wording_zh_hans": "可应要求提供大字版。",
                "created_at": datetime.now(UTC),
                "updated_at": datetime.now(UTC),
            },
        )
    return {}


async def _fresh_provider(side: Side, me: Me) -> Target:
    row = await ProviderRow.create(slug=_slug({}, me), name="Fresh ADR", country="DE")
    return {"provider": gid("Provider", row.id), "provider_uuid": row.id}


async def _fresh_organisation(side: Side, me: Me) -> Target:
    row = await OrganisationRow.create(slug=_slug({}, me), name="Fresh Org", country="DE")
    return {"organisation": gid("Organisation", row.id)}


async def _fresh_scheme(side: Side, me: Me) -> Target:
    row = await SchemeRow.create(provider_id=side.w.provider.id, name="Fresh", country="DE")
    return {"scheme": gid("Scheme", row.id)}


async def _fresh_pair(side: Side, me: Me) -> Target:
    """An organisation and a provider with a scheme, not linked yet."""
    provider = await _fresh_provider(side, me)
    scheme = await SchemeRow.create(provider_id=provider["provider_uuid"], name="S", country="DE")
    return {**provider, **await _fresh_organisation(side, me), "scheme": gid("Scheme", scheme.id)}


async def _fresh_link(side: Side, me: Me) -> Target:
    scheme = await SchemeRow.create(provider_id=side.w.provider.id, name="L", country="DE")
    organisation = await OrganisationRow.create(slug=_slug({}, me), name="Linked", country="DE")
    link = await LinkRow.create(
        organisation_id=organisation.id, provider_id=side.w.provider.id, scheme_id=scheme.id
    )
    return {"link": gid("OrganisationProviderLink", link.id), "scheme": gid("Scheme", scheme.id)}


ADMIN_ROWS = [
    Row(
        "createOrganisation",
        ADMIN_ONLY,
        mutation("createOrganisation", f"organisation {{ id }} {UE}"),
        inputs(slug=_slug, name=const("New Org")),
        objects=NO_OBJECT,
    ),
    Row(
        "updateOrganisation",
        ADMIN_ONLY_ORG,
        mutation("updateOrganisation", f"organisation {{ id }} {UE}"),
        inputs(organisationId=key("organisation"), country=const("DE")),
    ),
    Row(
        "retireOrganisation",
        ADMIN_ONLY_ORG,
        mutation("retireOrganisation", f"organisation {{ id }} {UE}"),
        inputs(organisationId=key("organisation")),
        prepare=_fresh_organisation,
    ),
    Row(
        "createProvider",
        ADMIN_ONLY,
        mutation("createProvider", f"provider {{ id }} {UE}"),
        inputs(slug=_slug, name=const("New ADR")),
        objects=NO_OBJECT,
    ),
    Row(
        "updateProvider",
        ADMIN_ONLY,
        mutation("updateProvider", f"provider {{ id }} {UE}"),
        inputs(providerId=key("provider"), country=const("DE")),
    ),
    Row(
        "retireProvider",
        ADMIN_ONLY,
        mutation("retireProvider", f"provider {{ id }} {UE}"),
        inputs(providerId=key("provider")),
        prepare=_fresh_provider,
    ),
    Row(
        "createScheme",
        ADMIN_ONLY,
        mutation("createScheme", f"scheme {{ id }} {UE}"),
        inputs(providerId=key("provider"), name=const("Another scheme"), country=const("DE")),
    ),
    Row(
        "updateScheme",
        ADMIN_ONLY,
        mutation("updateScheme", f"scheme {{ id }} {UE}"),
        inputs(schemeId=key("scheme"), fees=const("None.")),
        prepare=_fresh_scheme,
    ),
    Row(
        "retireScheme",
        ADMIN_ONLY,
        mutation("retireScheme", f"scheme {{ id }} {UE}"),
        inputs(schemeId=key("scheme")),
        prepare=_fresh_scheme,
    ),
    Row(
        "linkOrganisationProvider",
        ADMIN_ONLY_ORG,
        mutation("linkOrganisationProvider", f"link {{ id }} {UE}"),
        inputs(
            organisationId=key("organisation"),
            providerId=key("provider"),
            schemeId=key("scheme"),
        ),
        prepare=_fresh_pair,
    ),
    Row(
        "updateOrganisationProviderLink",
        ADMIN_ONLY,
        mutation("updateOrganisationProviderLink", f"link {{ id }} {UE}"),
        inputs(linkId=key("link"), schemeId=key("scheme")),
        prepare=_fresh_link,
    ),
    Row(
        "retireOrganisationProviderLink",
        ADMIN_ONLY,
        mutation("retireOrganisationProviderLink", f"link {{ id }} {UE}"),
        inputs(linkId=key("link")),
        prepare=_fresh_link,
    ),
    Row(
        "accessLog",
        # Issue 19, 3: admins see every read; the organisation's auditor the reads of its
        # cases (the other side's are not listed); everyone else is refused outright.
        Rule(
            may=frozenset({P.ADMIN, P.AUDITOR}),
            sees=SIGNED_IN,
            ok="LISTED",
            hidden="FORBIDDEN",
            forbidden="FORBIDDEN",
            cells={
                (P.ADMIN, O.MISSING): "ABSENT",
                (P.AUDITOR, O.FOREIGN): "ABSENT",
                (P.AUDITOR, O.MISSING): "ABSENT",
            },
        ),
        f"query Q {{ accessLog(first: 100) {{ {PAGE} }} }}",
        list_key="access_record",
    ),
    Row(
        "viewer",
        # The data subject's view: reads of the cases they take part in, their own side's
        # only; for anyone else (staff, auditors, admins, clients) nothing of the case.
        Rule(may=frozenset({P.COMPLAINANT, P.REPRESENTATIVE}), ok="LISTED", hidden="ABSENT"),
        f"query Q {{ viewer {{ accessLog(first: 100) {{ {PAGE} }} }} }}",
        list_key="record_read",
        label="accessLog",
    ),
    Row(
        "adminAuditLog",
        # Admins and auditors (of any scope) read it; everyone else is refused outright.
        Rule(
            may=frozenset({P.ADMIN, P.AUDITOR}),
            sees=SIGNED_IN,
            forbidden="FORBIDDEN",
        ),
        "query Q { adminAuditLog(first: 5) { edges { node { action } } } }",
        objects=NO_OBJECT,
    ),
]

# --- data protection (issue 19, D) ----------------------------------------------------------


async def _fresh_erasure_request(side: Side | None, me: Me) -> Target:
    return {"erasure_request": await side.erasure_request()} if side is not None else {}


async def _no_undecided_request(side: Side | None, me: Me) -> Target:
    """One undecided request per person: each call starts without one."""
    from portal.privacy.models import ErasureRequest as ErasureRow

    if side is not None:
        await ErasureRow.filter(user_id=side.w.complainant.id).delete()
    return {}


# A request about a person: the person themselves, and an admin acting on a paper request
# (for anyone, foreign included); everyone else is refused before anything is looked up.
ABOUT_A_PERSON = Rule(
    may=frozenset({P.COMPLAINANT, P.ADMIN}),
    sees=SIGNED_IN,
    hidden="ue:FORBIDDEN",
    cells={(P.ADMIN, O.MISSING): "ue:NOT_FOUND"},
)
PRIVACY_ROWS = [
    Row(
        "requestDataExport",
        ABOUT_A_PERSON,
        f"mutation M($u: ID) {{ requestDataExport(input: {{userId: $u}}) "
        f"{{ dataExport {{ id }} {UE} }} }}",
        vars=lambda t, me: {"u": t["person"]},
    ),
    Row(
        "requestErasure",
        ABOUT_A_PERSON,
        f'mutation M($u: ID) {{ requestErasure(input: {{userId: $u, reasons: "x"}}) '
        f"{{ erasureRequest {{ status }} {UE} }} }}",
        vars=lambda t, me: {"u": t["person"]},
        prepare=_no_undecided_request,
        prepare_each=True,
    ),
    Row(
        "decideErasure",
        # The installation admins decide, any request; nobody else learns whether one exists.
        Rule(
            may=frozenset({P.ADMIN}),
            sees=SIGNED_IN,
            hidden="ue:FORBIDDEN",
            cells={(P.ADMIN, O.MISSING): "ue:NOT_FOUND"},
        ),
        f"mutation M($r: ID!) {{ decideErasure(input: {{requestId: $r, grant: false, "
        f'reasons: "Open."}}) {{ erasureRequest {{ status }} {UE} }} }}',
        vars=lambda t, me: {"r": t["erasure_request"]},
        prepare=_fresh_erasure_request,
        prepare_each=True,
    ),
    Row(
        "erasureRequests",
        Rule(may=frozenset({P.ADMIN}), sees=SIGNED_IN, forbidden="FORBIDDEN"),
        "query Q { erasureRequests { id status } }",
        objects=NO_OBJECT,
    ),
    # The viewer's own: every signed-in principal is answered with their own list.
    Row(
        "myDataExports",
        Rule(may=SIGNED_IN),
        "query Q { myDataExports { id } }",
        objects=NO_OBJECT,
    ),
    Row(
        "myErasureRequests",
        Rule(may=SIGNED_IN),
        "query Q { myErasureRequests { id } }",
        objects=NO_OBJECT,
    ),
]

# --- feedback and events out ----------------------------------------------------------------


async def _fresh_subscription(side: Side, me: Me) -> Target:
    return {"subscription": await side.subscription()}


async def _fresh_dead_letter(side: Side, me: Me) -> Target:
    return {"dead_letter": await side.dead_letter()}


async def _fresh_delivery(side: Side, me: Me) -> Target:
    return {"delivery": await side.delivery()}


async def _fresh_client(side: Side, me: Me) -> Target:
    return {"managed_client": await side.managed_client()}


WEBHOOKS = Rule(may=WEBHOOK_MANAGERS, hidden="ue:NOT_FOUND")
CLIENTS_RULE = Rule(may=CLIENT_MANAGERS, hidden="ue:NOT_FOUND")
FEEDBACK_ROWS = [
    # The link is the credential; an answer out of range shows the link was let through.
    Row(
        "answerSurvey",
        everyone("ue:INVALID_ANSWER", missing="ue:SURVEY_LINK_INVALID"),
        mutation("answerSurvey", f"answered {UE}"),
        inputs(
            token=key("survey_token"),
            answers=const([{"question": "overall", "score": 9}]),
        ),
        objects=(O.OWN, O.MISSING),
    ),
    Row(
        "configureSurveys",
        # Others are refused before the id is looked at; an admin learns it names nothing.
        Rule(
            may=frozenset({P.ORG_MANAGER, P.ADMIN}),
            hidden="ue:FORBIDDEN",
            cells={(P.ADMIN, O.MISSING): "ue:NOT_FOUND"},
        ),
        mutation("configureSurveys", f"policy {{ validDays }} {UE}"),
        inputs(organisationId=key("organisation"), validDays=const(30)),
    ),
    Row(
        "setCommitment",
        # An organisation's managers in person and admins; an admin learns a missing
        # organisation names nothing.
        Rule(
            may=frozenset({P.ORG_MANAGER, P.ADMIN}),
            hidden="ue:FORBIDDEN",
            cells={(P.ADMIN, O.MISSING): "ue:NOT_FOUND"},
        ),
        mutation("setCommitment", f"commitment {{ kind }} {UE}"),
        inputs(
            organisationId=key("organisation"),
            kind=const("ACKNOWLEDGE_COMPLAINT"),
            days=const(5),
            wordingEn=const("We acknowledge every complaint within 5 working days."),
            wordingZhHans=const("我们在5个工作日内确认收到每一项投诉。"),
        ),
    ),
    Row(
        "removeCommitment",
        Rule(
            may=frozenset({P.ORG_MANAGER, P.ADMIN}),
            hidden="ue:FORBIDDEN",
            cells={(P.ADMIN, O.MISSING): "ue:NOT_FOUND"},
        ),
        mutation("removeCommitment", f"removed {UE}"),
        inputs(organisationId=key("organisation"), kind=const("ACCESSIBILITY")),
        prepare=_commitment,
        prepare_each=True,
    ),
    Row(
        "createWebhookSubscription",
        WEBHOOKS,
        mutation("createWebhookSubscription", f"subscription {{ id }} {UE}"),
        inputs(
            organisationId=key("organisation"),
            url=const("http://127.0.0.1:9/more"),
            eventKinds=const(["case_closed"]),
        ),
    ),
    Row(
        "updateWebhookSubscription",
        WEBHOOKS,
        mutation("updateWebhookSubscription", f"subscription {{ id }} {UE}"),
        inputs(id=key("subscription"), description=const("Renamed")),
    ),
    Row(
        "pauseWebhookSubscription",
        WEBHOOKS,
        mutation("pauseWebhookSubscription", f"subscription {{ id active }} {UE}"),
        inputs(id=key("subscription")),
    ),
    Row(
        "resumeWebhookSubscription",
        WEBHOOKS,
        mutation("resumeWebhookSubscription", f"subscription {{ id active }} {UE}"),
        inputs(id=key("subscription")),
    ),
    Row(
        "pingWebhookSubscription",
        # The ping goes to 127.0.0.1:9, where nothing listens: a dead delivery, no userError.
        WEBHOOKS,
        mutation("pingWebhookSubscription", f"delivery {{ id status }} {UE}"),
        inputs(id=key("subscription")),
    ),
    Row(
        "redeliverWebhookDelivery",
        WEBHOOKS,
        mutation("redeliverWebhookDelivery", f"delivery {{ id status }} {UE}"),
        inputs(id=key("delivery")),
        prepare=_fresh_delivery,
    ),
    Row(
        "createIntegrationClient",
        # People only: a client never mints credentials (not even its own organisation's).
        CLIENTS_RULE,
        mutation("createIntegrationClient", f"client {{ id }} clientSecret {UE}"),
        inputs(ownerId=key("organisation"), name=const("CRM"), role=const("ORG_AGENT")),
    ),
    Row(
        "rotateIntegrationClientSecret",
        CLIENTS_RULE,
        mutation("rotateIntegrationClientSecret", f"client {{ id }} clientSecret {UE}"),
        inputs(id=key("managed_client")),
        prepare=_fresh_client,
    ),
    Row(
        "disableIntegrationClient",
        CLIENTS_RULE,
        mutation("disableIntegrationClient", f"client {{ id active }} {UE}"),
        inputs(id=key("managed_client")),
        prepare=_fresh_client,
    ),
    Row(
        "deleteWebhookSubscription",
        WEBHOOKS,
        mutation("deleteWebhookSubscription", f"deleted {UE}"),
        inputs(id=key("subscription")),
        prepare=_fresh_subscription,
    ),
    Row(
        "retryDeadLetter",
        # Anyone but an admin is refused before the id is looked at.
        Rule(
            may=frozenset({P.ADMIN}),
            hidden="ue:FORBIDDEN",
            cells={(P.ADMIN, O.MISSING): "ue:NOT_FOUND"},
        ),
        mutation("retryDeadLetter", f"message {{ id status }} {UE}"),
        inputs(id=key("dead_letter")),
        prepare=_fresh_dead_letter,
    ),
    Row(
        "retryDeadLetters",
        # Admins only, refused before anything is looked at; ids that name nothing retry none.
        Rule(
            may=frozenset({P.ADMIN}),
            hidden="ue:FORBIDDEN",
            cells={(P.ADMIN, O.MISSING): "OK"},
        ),
        mutation("retryDeadLetters", f"count {UE}"),
        lambda t, me: {"input": {"ids": [t["dead_letter"]]}},
        prepare=_fresh_dead_letter,
    ),
]

# --- signing in: the credential in the call is the object ------------------------------------
# Own: the caller's own account (the complainant's for those without one); foreign: another
# account that exists, with a wrong secret; missing: an address or token that names nothing.
# Each is answered alike whoever asks, and foreign exactly like missing (no enumeration).

WRONG = "not the password"


def _account(side: Side | None, me: Me) -> Any:
    if side is None:
        return None
    if side is me.side and me.user is not None:
        return me.user
    return side.user(me.who) or side.spare[me.who]


def _email(t: Target, me: Me) -> str:
    account = _account(t["side"], me)
    return account.email if account else f"nobody-{me.who.value}@nowhere.example"


async def _sessions(side: Side | None, me: Me) -> Target:
    """Own: a live refresh token; foreign: one already spent; missing: one never issued."""
    account = _account(side, me)
    if side is None or account is None:
        return {"refresh": "x" * 43}
    tokens = await side.auth.start_session(account, method="password")
    if side is me.side:
        return {"refresh": tokens.refresh_token}
    # Spent, and the chain has moved on past it: a copy (not a lost answer, which the grace of
    # PORTAL_REFRESH_REUSE_GRACE would replace once).
    rotated = await side.auth.refresh(tokens.refresh_token)
    assert rotated.refresh_token is not None
    await side.auth.refresh(rotated.refresh_token)
    return {"refresh": tokens.refresh_token}


async def _challenge(side: Side | None, me: Me) -> Target:
    """A challenge for the account's address, and the code mailed for it (own) or not."""
    from portal.auth.codes import request_code
    from portal.auth.limits import attempt_from
    from portal.notifications.models import OutboxMessage

    me_side = me.side
    email = _email({"side": side}, me)
    challenge = await request_code(me_side.auth, email, attempt_from("127.0.0.1"))
    code = "000000"
    if side is me_side:
        mail = (
            await OutboxMessage.filter(kind="sign_in_code", recipient=email)
            .order_by("-created_at")
            .first()
        )
        assert mail is not None
        code = str(mail.context["code"])
    return {"challenge": challenge, "code": code}


SESSION = f"accessToken {UE}"
AUTH_ROWS = [
    Row(
        "login",
        everyone(missing="ue:INVALID_CREDENTIALS", foreign="ue:INVALID_CREDENTIALS"),
        mutation("login", SESSION),
        lambda t, me: {
            "input": {
                "email": _email(t, me),
                "password": "correct horse battery staple" if t["side"] is me.side else WRONG,
            }
        },
    ),
    Row(
        "refreshSession",
        everyone(missing="ue:INVALID_REFRESH_TOKEN", foreign="ue:INVALID_REFRESH_TOKEN"),
        mutation("refreshSession", SESSION),
        inputs(refreshToken=key("refresh")),
        prepare=_sessions,
        prepare_each=True,
    ),
    Row(
        "logout",
        # A copied (spent) token ends its session, as `refreshSession` does on reuse.
        everyone(missing="NOT_REVOKED"),
        mutation("logout", f"revoked {UE}"),
        inputs(refreshToken=key("refresh")),
        prepare=_sessions,
        prepare_each=True,
    ),
    Row(
        "requestSignInCode",
        everyone(),
        mutation("requestSignInCode", f"challenge {UE}"),
        inputs(email=_email),
    ),
    Row(
        "signInWithCode",
        everyone(missing="ue:INVALID_CODE", foreign="ue:INVALID_CODE"),
        mutation("signInWithCode", SESSION),
        inputs(challenge=key("challenge"), code=key("code")),
        prepare=_challenge,
        prepare_each=True,
    ),
    Row(
        "signUp",
        # Issue 14: the same answer for an address with an account (own, foreign) and one
        # without (missing); only the mail differs, and only its recipient sees it.
        everyone(),
        mutation("signUp", f"challenge {UE}"),
        inputs(
            email=_email,
            displayName=const("New Person"),
            language=const("EN"),
            timeZone=const("Europe/Paris"),
        ),
    ),
    Row(
        "signUpFirstAdmin",
        # The world has an admin: no setup link works for anyone any more.
        everyone("ue:SETUP_LINK_INVALID"),
        mutation("signUpFirstAdmin", f"challenge {UE}"),
        inputs(
            setupToken=const("x" * 43),
            email=_email,
            displayName=const("New Admin"),
            language=const("EN"),
            timeZone=const("UTC"),
        ),
        objects=NO_OBJECT,
    ),
    Row(
        "claimAccount",
        # A person's own account only (the viewer's); integration clients have none.
        Rule(may=USERS, sees=frozenset({P.ORG_CLIENT, P.PROVIDER_CLIENT})),
        mutation("claimAccount", f"viewer {{ kind }} {UE}"),
        lambda t, me: {
            "input": {
                "displayName": me.user.display_name if me.user else "Client",
                "language": "EN",
                "timeZone": "UTC",
            }
        },
        objects=NO_OBJECT,
    ),
    Row(
        "updateMyPreferences",
        Rule(may=USERS, sees=frozenset({P.ORG_CLIENT, P.PROVIDER_CLIENT})),
        mutation("updateMyPreferences", f"viewer {{ kind }} {UE}"),
        inputs(timeZone=const("UTC")),
        objects=NO_OBJECT,
    ),
]

# --- the subscription -----------------------------------------------------------------------

SUBSCRIPTION_ROWS = [
    Row(
        "caseEvents",
        # A socket without a valid token is closed at connection_init.
        Rule(may=ON_CASE, anonymous="closed:4403"),
        "subscription S($id: ID!) { caseEvents(caseId: $id, afterSequence: 0) { sequence } }",
        lambda t, me: {"id": t["case"]},
        kind="subscription",
    ),
    Row(
        # Issue 18, 3: replayed from the feed's start, whoever holds a role on a case gets
        # its events first. Every principal of the world holds one somewhere (the removed
        # neutral represents a complainant on another case); what each gets is the policy's
        # per case and scope (tests/test_event_feed.py).
        "events",
        Rule(may=SIGNED_IN, anonymous="closed:4403"),
        "subscription S($after: String) { events(after: $after) { cursor } }",
        lambda t, me: {"after": FEED_START},
        objects=NO_OBJECT,
        kind="subscription",
        label="subscription",
    ),
]

# --- teams (issue 14, 4) --------------------------------------------------------------------

# A team is there for its members and admins; its managers (people) and admins run it, its
# other members (an integration client too) are refused; anyone else, and a foreign or missing
# organisation or provider, NOT_FOUND.
ORG_TEAM = frozenset({P.ORG_AGENT, P.ORG_MANAGER, P.ORG_CLIENT, P.ADMIN})
PROVIDER_TEAM = frozenset({P.CASEWORKER, P.PROVIDER_CLIENT, P.NEUTRAL, P.REMOVED_NEUTRAL, P.ADMIN})
ORG_RUNNERS = frozenset({P.ORG_MANAGER, P.ADMIN})
PROVIDER_RUNNERS = frozenset({P.CASEWORKER, P.ADMIN})
RUNS_ORG_TEAM = Rule(may=ORG_RUNNERS, sees=ORG_TEAM - ORG_RUNNERS, hidden="ue:NOT_FOUND")
TEAM_FIELDS = "name members { id role } invitations { id }"


def _fresh_address(t: Target, me: Me) -> str:
    return f"invitee-{uuid.uuid4().hex[:12]}@example.org"


async def _staff_invited(side: Side, email: str, organisation_id: Any = None) -> Any:
    return await StaffInvitation.create(
        organisation_id=organisation_id or side.w.organisation.id,
        email=email,
        role=Role.ORG_AGENT,
        invited_by_id=side.w.manager.id,
        created_at=datetime.now(UTC),
        expires_at=datetime.now(UTC) + timedelta(days=7),
    )


async def _pending_staff_invitation(side: Side, me: Me) -> Target:
    invitation = await _staff_invited(side, f"pending-{uuid.uuid4().hex[:12]}@example.org")
    return {"staff_invitation": gid("StaffInvitation", invitation.id)}


async def _fresh_member(side: Side, me: Me) -> Target:
    user = await User.create(email=f"member-{uuid.uuid4().hex[:12]}@example.org", display_name="M")
    row = await Membership.create(
        user=user,
        role=Role.ORG_AGENT,
        organisation_id=side.w.organisation.id,
        scope=f"organisation:{side.w.organisation.id}",
    )
    return {"member": gid("TeamMember", row.id)}


THROWAWAY = "matrix-throwaway-"


async def _staff_link(side: Side, me: Me, organisation_id: Any = None) -> Target:
    """An invitation to the caller's own address (the side's representative's, for a caller
    without one), and its link's token."""
    email = (me.user or side.representative).email
    invitation = await _staff_invited(side, email, organisation_id)
    token = side.auth.issuer.issue(TokenKind.STAFF_INVITATION, str(invitation.id), 3600)
    return {"staff_token": token}


async def _staff_invitation_for_caller(side: Side | None, me: Me) -> Target:
    """To look at: an invitation into the side's organisation (looking changes nothing)."""
    return {} if side is None else await _staff_link(side, me)


async def _throwaway_invitation_for_caller(side: Side | None, me: Me) -> Target:
    """To accept: an invitation into a throwaway organisation, so that joining changes no role
    anyone holds in the world; each call first drops the last call's organisation."""
    if side is None:
        return {}
    await Organisation.filter(slug__startswith=THROWAWAY).delete()
    organisation = await Organisation.create(
        slug=THROWAWAY + uuid.uuid4().hex[:12], name="Throwaway"
    )
    return await _staff_link(side, me, organisation.id)


TEAM_ROWS = [
    Row(
        "team",
        Rule(may=ORG_TEAM),
        single("team", TEAM_FIELDS, "$id: ID!", "ownerId: $id"),
        lambda t, me: {"id": t["organisation"]},
        label="organisation",
    ),
    Row(
        "team",
        Rule(may=PROVIDER_TEAM),
        single("team", TEAM_FIELDS, "$id: ID!", "ownerId: $id"),
        lambda t, me: {"id": t["provider"]},
        label="provider",
    ),
    Row(
        "staffInvitation",
        # Whoever signed in holds the link; a link naming no invitation is refused alike.
        Rule(may=SIGNED_IN, public=True, foreign="OK", hidden="INVITATION_INVALID"),
        single("staffInvitation", "status teamName", "$token: String!", "token: $token"),
        lambda t, me: {"token": t["staff_token"]},
        prepare=_staff_invitation_for_caller,
    ),
    Row(
        "inviteStaff",
        RUNS_ORG_TEAM,
        mutation("inviteStaff", f"invitation {{ id }} {UE}"),
        inputs(ownerId=key("organisation"), email=_fresh_address, role=const("ORG_AGENT")),
        label="organisation",
    ),
    Row(
        "inviteStaff",
        Rule(
            may=PROVIDER_RUNNERS,
            # The provider's client holds the caseworker role, but an invitation is a person's.
            sees=PROVIDER_TEAM - PROVIDER_RUNNERS,
            hidden="ue:NOT_FOUND",
        ),
        mutation("inviteStaff", f"invitation {{ id }} {UE}"),
        inputs(ownerId=key("provider"), email=_fresh_address, role=const("NEUTRAL")),
        label="provider",
    ),
    Row(
        "revokeStaffInvitation",
        RUNS_ORG_TEAM,
        mutation("revokeStaffInvitation", f"invitation {{ id }} {UE}"),
        inputs(invitationId=key("staff_invitation")),
        prepare=_pending_staff_invitation,
    ),
    Row(
        "changeMemberRole",
        RUNS_ORG_TEAM,
        mutation("changeMemberRole", f"member {{ id }} {UE}"),
        inputs(memberId=key("member"), role=const("ORG_MANAGER")),
        prepare=_fresh_member,
    ),
    Row(
        "removeMember",
        RUNS_ORG_TEAM,
        mutation("removeMember", f"removedMemberId {UE}"),
        inputs(memberId=key("member")),
        prepare=_fresh_member,
    ),
    Row(
        "acceptStaffInvitation",
        # The link's token is the credential, sent to the caller's own address: every person
        # joins; an integration client is no person.
        Rule(
            may=USERS,
            public=True,
            foreign="OK",
            hidden="ue:INVITATION_INVALID",
            cells=CLIENT_CELLS,
        ),
        mutation("acceptStaffInvitation", f"member {{ id }} {UE}"),
        inputs(token=key("staff_token")),
        prepare=_throwaway_invitation_for_caller,
        prepare_each=True,
    ),
]

# --- audits (issue 19 E) --------------------------------------------------------------------

# Auditors only: anyone else is refused outright (FORBIDDEN, as a userError in a mutation);
# an auditor asking about another organisation's run, finding or case is answered as if it
# did not exist.
AUDITORS_ONLY = Rule(
    may=frozenset({P.AUDITOR}),
    hidden="FORBIDDEN",
    cells={(P.AUDITOR, O.FOREIGN): "NOT_FOUND", (P.AUDITOR, O.MISSING): "NOT_FOUND"},
)
AUDITORS_ONLY_UE = Rule(
    may=frozenset({P.AUDITOR}),
    hidden="ue:FORBIDDEN",
    cells={(P.AUDITOR, O.FOREIGN): "ue:NOT_FOUND", (P.AUDITOR, O.MISSING): "ue:NOT_FOUND"},
)
AUDIT_ROWS = [
    Row(
        "auditRuns",
        Rule(
            may=frozenset({P.AUDITOR}),
            hidden="FORBIDDEN",
            ok="LISTED",
            cells={(P.AUDITOR, O.FOREIGN): "ABSENT", (P.AUDITOR, O.MISSING): "ABSENT"},
        ),
        "query Q { auditRuns(first: 20) { id } }",
        list_key="audit_run",
    ),
    Row(
        "auditRun",
        AUDITORS_ONLY,
        single("auditRun", "id checked broken brokenCases { reference }"),
        lambda t, me: {"id": t["audit_run"]},
    ),
    Row(
        "auditFindings",
        Rule(
            may=frozenset({P.AUDITOR}),
            hidden="FORBIDDEN",
            ok="LISTED",
            cells={(P.AUDITOR, O.FOREIGN): "ABSENT", (P.AUDITOR, O.MISSING): "ABSENT"},
        ),
        "query Q { auditFindings { id } }",
        list_key="finding",
    ),
    Row(
        "auditFinding",
        AUDITORS_ONLY,
        single("auditFinding", "id found followUps { text }"),
        lambda t, me: {"id": t["finding"]},
    ),
    Row(
        "auditReport",
        Rule(may=frozenset({P.AUDITOR}), sees=SIGNED_IN, forbidden="FORBIDDEN"),
        'query Q { auditReport(from: "2026-01-01", until: "2027-01-01") { runsStarted } }',
        objects=NO_OBJECT,
    ),
    Row(
        "startAuditRun",
        Rule(may=frozenset({P.AUDITOR}), sees=SIGNED_IN),
        f"mutation M {{ startAuditRun {{ run {{ id }} {UE} }} }}",
        objects=NO_OBJECT,
    ),
    Row(
        "raiseAuditFinding",
        AUDITORS_ONLY_UE,
        f"mutation M($input: RaiseAuditFindingInput!) {{ raiseAuditFinding(input: $input) "
        f"{{ finding {{ id }} {UE} }} }}",
        lambda t, me: {
            "input": {"caseId": t["case"], "severity": "LOW", "found": "F.", "action": "A."}
        },
    ),
    Row(
        "followUpAuditFinding",
        AUDITORS_ONLY_UE,
        f"mutation M($input: FollowUpAuditFindingInput!) {{ followUpAuditFinding(input: $input) "
        f"{{ finding {{ id }} {UE} }} }}",
        lambda t, me: {"input": {"findingId": t["finding"], "text": "Asked the provider."}},
    ),
]


# Issue 18: the Node types whose objects are made for the row (their prepare functions are
# written with the rows of their own queries and mutations, above).
LATER_NODE_ROWS = [
    Row("node", rule, NODE, lambda t, me, k=k: {"id": t[k]}, label=k, prepare=prepare)
    for k, rule, prepare in (
        # Every link is shown with its organisation, to everyone signed in.
        ("link", Rule(may=SIGNED_IN, public=True, hidden=NULL), _fresh_link),
        # A representative invitation: the complainant's, in person.
        ("invitation", Rule(may=frozenset({P.COMPLAINANT}), hidden=NULL), _pending_invitation),
        # A staff invitation: for those who run the team, in person, and admins.
        (
            "staff_invitation",
            Rule(may=frozenset({P.ORG_MANAGER, P.ADMIN}), hidden=NULL),
            _pending_staff_invitation,
        ),
        # A team member: for the team's members (people and clients) and admins.
        (
            "member",
            Rule(may=frozenset({P.ORG_AGENT, P.ORG_MANAGER, P.ORG_CLIENT, P.ADMIN}), hidden=NULL),
            _fresh_member,
        ),
        # An erasure request: the person's own, and every one for the admins who decide them.
        (
            "erasure_request",
            Rule(may=frozenset({P.COMPLAINANT, P.ADMIN}), hidden=NULL),
            _fresh_erasure_request,
        ),
    )
]


from tests.access_matrix_groups import GROUP_ROWS  # noqa: E402  (its rows use the above)

# --- issue 20, 3: automated decisions and a person's review of them ----------------------------


async def _silence_decided(side: Side | None, me: Me, *, asked: bool = False) -> Target:
    """A case the clock job closed for the organisation's silence (an automated decision),
    and with ``asked`` the complainant's pending request for a person's review of it."""
    if side is None:
        return {}
    case = await side.case_at(Stage.AWAITING_RESPONSE)
    await Clock.filter(case_id=case.id, kind=ClockKind.RESPONSE, status=ClockStatus.RUNNING).update(
        due_at=now() - timedelta(minutes=1)
    )
    await perform(None, case.id, Action.ORGANISATION_SILENT)
    decision = await AutomatedDecision.get(case_id=case.id)
    found: Target = {
        "case": gid("DisputeCase", case.id),
        "case_uuid": case.id,
        "automated_decision": gid("AutomatedDecision", decision.id),
    }
    if asked:
        asker = await actor_for(side.w.complainant)
        reviewed = await request_review(asker, decision.id, {"reasons": "Answered by post."})
        found["automated_review"] = gid("AutomatedReview", reviewed.review.id)
    return found


async def _review_asked(side: Side | None, me: Me) -> Target:
    return await _silence_decided(side, me, asked=True)


# The parties ask (the complainant's side and the organisation, its clients too); the provider
# decides. The case was never given a neutral: to the neutral it is not there.
REVIEW_ASKERS = frozenset({P.COMPLAINANT, P.REPRESENTATIVE}) | ORG_SIDE
AUTOMATED_READERS = ON_CASE - {P.NEUTRAL}

AUTOMATED_ROWS = [
    Row(
        "requestAutomatedReview",
        Rule(
            may=REVIEW_ASKERS,
            sees=AUTOMATED_READERS - REVIEW_ASKERS,
            hidden="ue:NOT_FOUND",
        ),
        mutation("requestAutomatedReview", f"review {{ id status }} {UE}"),
        inputs(automatedDecisionId=key("automated_decision"), reasons=const("Sent by post.")),
        prepare=_silence_decided,
        prepare_each=True,
    ),
    Row(
        "decideAutomatedReview",
        Rule(
            may=PROVIDER_SIDE,
            sees=AUTOMATED_READERS - PROVIDER_SIDE,
            hidden="ue:NOT_FOUND",
        ),
        mutation("decideAutomatedReview", f"review {{ id status }} {UE}"),
        inputs(
            reviewId=key("automated_review"),
            verdict=const("UPHELD"),
            reasons=const("No answer arrived by any channel."),
        ),
        prepare=_review_asked,
        prepare_each=True,
    ),
    Row(
        "automatedReviews",
        # The provider's queue: its caseworkers and their integration clients.
        Rule(may=PROVIDER_SIDE, **LISTED),
        f"query Q {{ automatedReviews(first: 100) {{ {PAGE} }} }}",
        list_key="automated_review",
        prepare=_review_asked,
    ),
    Row(
        "node",
        Rule(may=AUTOMATED_READERS, hidden=NULL),
        NODE,
        lambda t, me: {"id": t["automated_decision"]},
        label="automated_decision",
        prepare=_silence_decided,
    ),
    Row(
        "node",
        Rule(may=AUTOMATED_READERS, hidden=NULL),
        NODE,
        lambda t, me: {"id": t["automated_review"]},
        label="automated_review",
        prepare=_review_asked,
    ),
]


# Issue 18 review: the people a case's events name by their account (`neutralId`,
# `representativeId`). Whoever may read the case reads their User through `node(id:)` as the
# parties see them: the node, its private fields null (`FIELDS_NULL`, policy.
# may_view_participant); whole only for the person, staff where they work and admins
# (policy.may_view_user). The removed neutral still counts (the events name them), and reads
# their successor whole as staff of the same provider. Nothing else widens: a person invited
# in the complainant's caucus (not yet accepted) stays unreadable to the case's readers, as
# the agent on the case stays unreadable to its parties (the `agent` row above).
PRIVATE = "query Q($id: ID!) { node(id: $id) { ... on User { email locale timeZone createdAt } } }"
FIELDS_NULL = "FIELDS_NULL"
_NEUTRAL_WHOLE = frozenset({P.NEUTRAL, P.REMOVED_NEUTRAL, P.CASEWORKER, P.PROVIDER_CLIENT, P.ADMIN})
_REPRESENTATIVE_WHOLE = frozenset({P.REPRESENTATIVE, P.ADMIN})


async def _invitee(side: Side, me: Me) -> Target:
    """A person with an account, invited to represent the complainant and not yet accepted:
    only the complainant's caucus (REPRESENTATIVE_INVITED) knows of them, and not by id."""
    person = await User.create(
        email=f"invitee-{uuid.uuid4().hex[:12]}@example.org", display_name="Invitee"
    )
    await _invited(side, await _unrepresented(side), person.email)
    return {"invitee": gid("User", person.id)}


PARTICIPANT_ROWS = [
    row
    for key, whole, readers in (
        ("neutral", _NEUTRAL_WHOLE, SIGNED_IN),
        ("removed_neutral", _NEUTRAL_WHOLE, SIGNED_IN),
        ("representative", _REPRESENTATIVE_WHOLE, ON_CASE),
    )
    for row in (
        Row(
            "node",
            Rule(may=readers, hidden=NULL),
            NODE,
            lambda t, me, k=key: {"id": t[k]},
            label=f"person_{key}",
        ),
        Row(
            "node",
            Rule(may=whole, sees=readers - whole, forbidden=FIELDS_NULL, hidden=NULL),
            PRIVATE,
            lambda t, me, k=key: {"id": t[k]},
            label=f"person_{key}_private",
        ),
    )
] + [
    Row(
        "node",
        Rule(may=frozenset({P.ADMIN}), hidden=NULL),
        NODE,
        lambda t, me: {"id": t["invitee"]},
        label="person_invitee",
        prepare=_invitee,
    )
]


GRAPHQL_ROWS: list[Row] = [
    *AUTOMATED_ROWS,
    *QUERY_ROWS,
    *NODE_ROWS,
    *LATER_NODE_ROWS,
    *PARTICIPANT_ROWS,
    *AUTH_ROWS,
    *COMPLAINT_ROWS,
    *_case_mutation_rows(),
    *CASEFILE_ROWS,
    *REPRESENTATIVE_ROWS,
    *DIRECTORY_ROWS,
    *ADMIN_ROWS,
    *PRIVACY_ROWS,
    *FEEDBACK_ROWS,
    *SUBSCRIPTION_ROWS,
    *TEAM_ROWS,
    *AUDIT_ROWS,
    # Issue 20, 1: sessions and hearings (tests/access_matrix_sessions.py).
    *session_rows(Row),
    *GROUP_ROWS,
]

# --- REST endpoints -------------------------------------------------------------------------


def _bearer(me: Me) -> dict[str, str]:
    return {"Authorization": f"Bearer {me.token}"} if me.token else {}


def _get(path: Callable[[Target, Me], str]) -> Http:
    async def call(client: httpx.AsyncClient, t: Target, me: Me) -> httpx.Response:
        return await client.get(path(t, me), headers=_bearer(me))

    return call


def _form(data: Callable[[Target, Me], dict[str, str]], path: str = "/oauth/token") -> Http:
    async def call(client: httpx.AsyncClient, t: Target, me: Me) -> httpx.Response:
        return await client.post(path, data=data(t, me))

    return call


def _link(kind: str) -> Callable[[Target, Me], str]:
    from portal.api.node import decode_id
    from portal.casefiles.links import LinkKind, issue_link, link_path

    def path(t: Target, me: Me) -> str:
        link_kind = LinkKind(kind)
        if link_kind is LinkKind.DOCUMENT:
            pk = decode_id(t["document"], "Document")
        elif link_kind is LinkKind.DATA_EXPORT:
            pk = decode_id(t["data_export"], "DataExport")
        else:
            pk = decode_id(t["case"], "DisputeCase")
        assert pk is not None
        assert me.actor is not None
        link = issue_link(me.side.auth.issuer, me.actor, link_kind, pk, 60)
        return link_path(link_kind, link.token)

    return path


def _client_secret(t: Target, me: Me) -> dict[str, str]:
    side = t["side"]
    own = side is not None and side is me.side
    return {
        "grant_type": "client_credentials",
        "client_id": t["client_id"],
        "client_secret": side.org_client.client_secret if own else "not the secret",
    }


async def _callback(client: httpx.AsyncClient, t: Target, me: Me) -> httpx.Response:
    slug = t["provider_slug"]
    return await client.post(f"/providers/{slug}/callbacks", content=b"{}", headers=_bearer(me))


REVIEW = "/reports/management-review.json?organisation={}&from=2026-01-01&until=2027-01-01"
FILES = Rule(
    may=ON_CASE, ok="http:200", hidden="http:404:NOT_FOUND", anonymous="http:401:UNAUTHENTICATED"
)
REST_ROWS = [
    Row("/api", everyone("http:200"), objects=NO_OBJECT, http=_get(lambda t, me: "/api")),
    Row("/", everyone("http:307"), objects=NO_OBJECT, http=_get(lambda t, me: "/")),
    Row("/healthz", everyone("http:200"), objects=NO_OBJECT, http=_get(lambda t, me: "/healthz")),
    Row(
        "/openapi.json",
        everyone("http:200"),
        objects=NO_OBJECT,
        http=_get(lambda t, me: "/openapi.json"),
    ),
    Row("/readyz", everyone("http:200"), objects=NO_OBJECT, http=_get(lambda t, me: "/readyz")),
    Row(
        "/events/schemas/{kind}.json",
        everyone("http:200"),
        objects=NO_OBJECT,
        http=_get(lambda t, me: "/events/schemas/case_accepted.json"),
    ),
    Row(
        "/events/schemas/payload/{kind}.json",
        everyone("http:200"),
        objects=NO_OBJECT,
        http=_get(lambda t, me: "/events/schemas/payload/case_accepted.json"),
    ),
    Row(
        "/.well-known/jwks.json",
        everyone("http:200"),
        objects=NO_OBJECT,
        http=_get(lambda t, me: "/.well-known/jwks.json"),
    ),
    Row(
        # Issue 18, 4: RFC 8414 metadata, public like the keys it points to.
        "/.well-known/oauth-authorization-server",
        everyone("http:200"),
        objects=NO_OBJECT,
        http=_get(lambda t, me: "/.well-known/oauth-authorization-server"),
    ),
    Row(
        "/oauth/token",
        everyone("http:200", missing="http:401:invalid_client", foreign="http:401:invalid_client"),
        http=_form(_client_secret),
        label="client_credentials",
    ),
    Row(
        "/oauth/token",
        everyone("http:200", missing="http:400:invalid_grant", foreign="http:400:invalid_grant"),
        http=_form(lambda t, me: {"grant_type": "refresh_token", "refresh_token": t["refresh"]}),
        prepare=_sessions,
        prepare_each=True,
        label="refresh_token",
    ),
    Row(
        "/oauth/revoke",
        # RFC 7009 2.2: any token, known or not, is answered 200.
        everyone("http:200"),
        http=_form(lambda t, me: {"token": t["refresh"]}, "/oauth/revoke"),
        prepare=_sessions,
        prepare_each=True,
    ),
    Row("/files/documents/{link}", FILES, http=_get(_link("document"))),
    Row("/files/bundles/{link}", FILES, http=_get(_link("bundle"))),
    Row(
        "/files/exports/{link}",
        # Issue 19: a subject-access export is its person's alone (an admin downloads only
        # the one they made for a paper request, which this world does not hold).
        Rule(
            may=frozenset({P.COMPLAINANT}),
            ok="http:200",
            hidden="http:404:NOT_FOUND",
            anonymous="http:401:UNAUTHENTICATED",
        ),
        http=_get(_link("data_export")),
    ),
    Row(
        "/reports/management-review.{format:str}",
        Rule(
            may=frozenset({P.ORG_MANAGER, P.AUDITOR, P.ADMIN}),
            hidden="http:403:FORBIDDEN",
            ok="http:200",
            anonymous="http:401:UNAUTHENTICATED",
        ),
        http=_get(lambda t, me: REVIEW.format(t["organisation_uuid"])),
    ),
    Row(
        "/reports/audit.{format:str}",
        Rule(
            may=frozenset({P.AUDITOR}),
            sees=SIGNED_IN,
            forbidden="http:403:FORBIDDEN",
            ok="http:200",
            anonymous="http:401:UNAUTHENTICATED",
        ),
        objects=NO_OBJECT,
        http=_get(lambda t, me: "/reports/audit.json?from=2026-01-01&until=2027-01-01"),
    ),
    Row(
        "/reports/transparency/{provider}.{format:str}",
        everyone("http:200", missing="http:404:NOT_FOUND"),
        http=_get(lambda t, me: f"/reports/transparency/{t['provider_slug']}.json?year=2026"),
    ),
    Row(
        "/providers/{slug}/callbacks",
        # Providers are public: an in-portal one takes no callbacks, an unknown one is unknown.
        everyone("http:404:NO_CALLBACKS", missing="http:404:UNKNOWN_PROVIDER"),
        http=_callback,
    ),
    Row(
        "/providers/{slug}/answer",
        # Without the provider's signed token: refused alike for every provider.
        everyone("http:403"),
        http=_get(lambda t, me: f"/providers/{t['provider_slug']}/answer?token=forged"),
    ),
    *session_rest_rows(Row, _get),
]
# Issue 20: fees and waivers, in a module of their own (read here, once this one is defined).
from tests.access_matrix_fees import FEE_REST_ROWS, FEE_ROWS  # noqa: E402

ROWS: list[Row] = [*GRAPHQL_ROWS, *FEE_ROWS, *REST_ROWS, *FEE_REST_ROWS]

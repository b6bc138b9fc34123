"""The transition table as a permission matrix (issue 3; QUALITY.md "Access").

Generated from portal.cases.transitions.TRANSITIONS: for every transition a person takes, and
every stage it starts from, a case is built where the guards pass. Then each allowed role takes
it on a case of its own and succeeds, and every other role is refused on one more case:
FORBIDDEN when it can see the case, NOT_FOUND when it cannot (another organisation's agent,
another provider's caseworker, another consumer), and the refusal changes nothing. A new row
or source stage without a builder fails `test_every_transition_has_a_builder`.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

import pytest

from portal.accounts.models import Role, User
from portal.accounts.services import create_user, grant_role
from portal.auth.actor import Actor, ActorKind, Grant
from portal.automated.models import AutomatedDecision
from portal.automated.services import request_review
from portal.cases.engine import load_view, roles_on
from portal.cases.errors import CaseError, CaseNotFound
from portal.cases.models import (
    CaseParticipant,
    Clock,
    Consent,
    DisputeCase,
    NeutralAppointment,
    Objection,
    Offer,
    OrganisationProvider,
    Outcome,
    Scheme,
)
from portal.cases.services import Action, perform
from portal.cases.states import (
    COMPLAINANT_SIDE,
    AppointmentStatus,
    CaseRole,
    ClockStatus,
    Method,
    Stage,
)
from portal.cases.transitions import TRANSITIONS, Transition, available_actions
from portal.timeline.models import TimelineEvent
from tests.factories import NOTICE_READ, Factory, World, actor_for, quick_world
from tests.test_lifecycle_paths import CONSENT


class Who(StrEnum):
    COMPLAINANT = "complainant"
    REPRESENTATIVE = "representative"
    ORG_AGENT = "org_agent"
    ORG_MANAGER = "org_manager"
    CASEWORKER = "caseworker"
    NEUTRAL = "neutral"  # the neutral of the case's provider, appointed or not
    AUDITOR = "auditor"
    ADMIN = "admin"
    FOREIGN_AGENT = "foreign_agent"  # agent of another organisation in the same scheme
    FOREIGN_CASEWORKER = "foreign_caseworker"  # of another provider the organisation uses
    OTHER_CONSUMER = "other_consumer"


# The role each person holds on the case; the neutral only once appointed (see role_on).
ROLE_OF: dict[Who, CaseRole | None] = {
    Who.COMPLAINANT: CaseRole.COMPLAINANT,
    Who.REPRESENTATIVE: CaseRole.REPRESENTATIVE,
    Who.ORG_AGENT: CaseRole.ORGANISATION,
    Who.ORG_MANAGER: CaseRole.ORGANISATION,
    Who.CASEWORKER: CaseRole.PROVIDER,
    Who.NEUTRAL: CaseRole.NEUTRAL,
    Who.AUDITOR: CaseRole.AUDITOR,
    Who.ADMIN: CaseRole.ADMIN,
    Who.FOREIGN_AGENT: None,
    Who.FOREIGN_CASEWORKER: None,
    Who.OTHER_CONSUMER: None,
}


@dataclass
class Cast:
    world: World
    users: dict[Who, User]
    actors: dict[Who, Actor]


async def _person(role: Role | None = None, **scope: Any) -> User:
    user = await create_user(f"{uuid.uuid4().hex[:16]}@example.org", "Person")
    if role is not None:
        await grant_role(user, role, **scope)
    return user


async def build_cast(factory: Factory) -> Cast:
    w = await quick_world(factory)
    neighbour = await factory.organisation("Neighbour Utilities")
    await OrganisationProvider.create(organisation=neighbour, provider=w.provider, scheme=w.scheme)
    rival = await factory.provider("Other ADR")
    rival_scheme = await Scheme.create(provider=rival, name="Rival scheme", country="DE")
    await OrganisationProvider.create(
        organisation=w.organisation, provider=rival, scheme=rival_scheme
    )
    users = {
        Who.COMPLAINANT: w.complainant,
        Who.REPRESENTATIVE: await _person(),
        Who.ORG_AGENT: w.agent,
        Who.ORG_MANAGER: w.manager,
        Who.CASEWORKER: w.caseworker,
        Who.NEUTRAL: w.neutral,
        Who.AUDITOR: w.auditor,
        Who.ADMIN: await _person(Role.ADMIN),
        Who.FOREIGN_AGENT: await _person(Role.ORG_AGENT, organisation=neighbour),
        Who.FOREIGN_CASEWORKER: await _person(Role.PROVIDER_CASEWORKER, provider=rival),
        Who.OTHER_CONSUMER: await _person(),
    }
    return Cast(w, users, {who: await actor_for(user) for who, user in users.items()})


@dataclass
class Scene:
    """One case on its way through the table, acted on at explicit, increasing times."""

    cast: Cast
    case: DisputeCase
    at: datetime = field(init=False)

    def __post_init__(self) -> None:
        self.at = self.case.stage_changed_at

    def tick(self, **delta: float) -> datetime:
        self.at += timedelta(**(delta or {"hours": 1}))
        return self.at

    async def act(self, who: Who | None, action: Action, **data: Any) -> DisputeCase:
        actor = None if who is None else self.cast.actors[who]
        self.case = await perform(actor, self.case.id, action, data, at=self.tick())
        return self.case

    async def appoint_and_declare(self) -> None:
        await self.act(
            Who.CASEWORKER, Action.APPOINT_NEUTRAL, neutral_id=self.cast.users[Who.NEUTRAL].id
        )
        await self.act(Who.NEUTRAL, Action.DECLARE_IMPARTIALITY, impartial=True)

    async def confirm_neutral(self) -> None:
        await self.appoint_and_declare()
        self.tick(days=8)  # the objection window closes
        await self.act(None, Action.CONFIRM_NEUTRAL)


# --- one builder per stage: a case of ``method`` that has just reached it ----------------------

StageBuilder = Callable[[Cast, Method], Awaitable[Scene]]


async def _referred(cast: Cast, method: Method) -> Scene:
    representative = cast.users[Who.REPRESENTATIVE].id
    return Scene(cast, await cast.world.new_case(method, representative_id=representative))


async def _accepted(cast: Cast, method: Method) -> Scene:
    scene = await _referred(cast, method)
    await scene.act(Who.CASEWORKER, Action.ACCEPT)
    return scene


async def _awaiting_response(cast: Cast, method: Method) -> Scene:
    scene = await _accepted(cast, method)
    await scene.act(
        Who.COMPLAINANT, Action.GIVE_CONSENT, consents_to_be_bound=method.binding, **CONSENT
    )
    return scene


async def _file_review(cast: Cast, method: Method) -> Scene:
    scene = await _awaiting_response(cast, method)
    await scene.act(Who.ORG_AGENT, Action.SUBMIT_RESPONSE, position="The bill is right.")
    return scene


async def _in_resolution(cast: Cast, method: Method) -> Scene:
    scene = await _file_review(cast, method)
    await scene.act(Who.COMPLAINANT, Action.SUBMIT_REPLY, reply="The bill is still wrong.")
    if method.needs_neutral:
        await scene.confirm_neutral()
    await scene.act(Who.CASEWORKER, Action.COMPLETE_FILE)
    return scene


async def _outcome_proposed(cast: Cast, method: Method) -> Scene:
    scene = await _in_resolution(cast, method)
    await scene.act(Who.NEUTRAL, Action.ISSUE_OUTCOME, summary="Refund 60", reasons="Because.")
    return scene


async def _under_review(cast: Cast, method: Method) -> Scene:
    scene = await _outcome_proposed(cast, method)
    await scene.act(Who.ORG_AGENT, Action.REQUEST_REVIEW, reasons="Too much.")
    return scene


async def _implementation(cast: Cast, method: Method) -> Scene:
    scene = await _outcome_proposed(cast, method)
    await scene.act(Who.COMPLAINANT, Action.ACCEPT_OUTCOME, **NOTICE_READ)
    await scene.act(Who.ORG_AGENT, Action.ACCEPT_OUTCOME, **NOTICE_READ)
    return scene


async def _closed_by_the_clock_job(cast: Cast, method: Method) -> Scene:
    """Issue 20, 3: closed by an automated step (no consent in time), which may be reversed."""
    scene = await _accepted(cast, method)
    scene.tick(days=31)
    await scene.act(None, Action.CONSENT_LAPSED)
    return scene


STAGE_BUILDERS: dict[Stage, StageBuilder] = {
    Stage.REFERRED: _referred,
    Stage.ACCEPTED: _accepted,
    Stage.AWAITING_RESPONSE: _awaiting_response,
    Stage.FILE_REVIEW: _file_review,
    Stage.IN_RESOLUTION: _in_resolution,
    Stage.OUTCOME_PROPOSED: _outcome_proposed,
    Stage.UNDER_REVIEW: _under_review,
    Stage.IMPLEMENTATION: _implementation,
    Stage.CLOSED: _closed_by_the_clock_job,
}
# Only a binding award goes to review; every other stage is reached with a recommendation.
STAGE_METHOD = {Stage.UNDER_REVIEW: Method.ARBITRATION_BINDING}


# --- what each action needs beyond its stage, and the data it is given ------------------------

Prepare = Callable[[Scene, Who], Awaitable[dict[str, Any]]]


def _data(**data: Any) -> Prepare:
    async def prepare(scene: Scene, who: Who) -> dict[str, Any]:
        return data

    return prepare


def _on_same_side(who: Who) -> Who:
    return Who.COMPLAINANT if ROLE_OF[who] in COMPLAINANT_SIDE else Who.ORG_AGENT


def _on_other_side(who: Who) -> Who:
    return Who.ORG_AGENT if ROLE_OF[who] in COMPLAINANT_SIDE else Who.COMPLAINANT


async def _an_offer_by(scene: Scene, who: Who) -> dict[str, Any]:
    await scene.act(who, Action.MAKE_OFFER, amount="75.00", terms="Refund 75")
    offer = await Offer.filter(case_id=scene.case.id).order_by("-made_at").first()
    assert offer is not None
    return {"offer_id": offer.id}


async def _own_offer(scene: Scene, who: Who) -> dict[str, Any]:
    return await _an_offer_by(scene, _on_same_side(who))


async def _other_sides_offer(scene: Scene, who: Who) -> dict[str, Any]:
    return await _an_offer_by(scene, _on_other_side(who))


async def _vacancy(scene: Scene) -> None:
    """In resolution the case has a confirmed neutral: the provider removes them, so that a
    replacement can be appointed (in file review there is nobody to remove yet)."""
    if scene.case.stage is Stage.IN_RESOLUTION:
        await scene.act(Who.CASEWORKER, Action.REMOVE_NEUTRAL, reasons="Unavailable for months.")


async def _the_providers_neutral(scene: Scene, who: Who) -> dict[str, Any]:
    await _vacancy(scene)
    return {"neutral_id": scene.cast.users[Who.NEUTRAL].id}


async def _declaration_due(scene: Scene, who: Who) -> dict[str, Any]:
    await _vacancy(scene)
    await scene.act(
        Who.CASEWORKER, Action.APPOINT_NEUTRAL, neutral_id=scene.cast.users[Who.NEUTRAL].id
    )
    return {"impartial": True}


async def _window_open(scene: Scene) -> None:
    """An objection window: after the declaration in file review; after a later disclosure by
    the confirmed neutral in resolution."""
    if scene.case.stage is Stage.IN_RESOLUTION:
        await scene.act(Who.NEUTRAL, Action.DISCLOSE_CIRCUMSTANCE, disclosures="A new client.")
    else:
        await scene.appoint_and_declare()


async def _objection_window(scene: Scene, who: Who) -> dict[str, Any]:
    await _window_open(scene)
    return {"reasons": "The neutral used to work for the organisation."}


async def _objection_raised(scene: Scene, who: Who) -> dict[str, Any]:
    await _window_open(scene)
    await scene.act(Who.COMPLAINANT, Action.OBJECT_TO_NEUTRAL, reasons="A former employee.")
    return {"upheld": False, "reasons": "Left nine years ago."}


async def _a_neutral(scene: Scene) -> None:
    if scene.case.stage is Stage.FILE_REVIEW:
        await scene.act(
            Who.CASEWORKER, Action.APPOINT_NEUTRAL, neutral_id=scene.cast.users[Who.NEUTRAL].id
        )


async def _neutral_appointed(scene: Scene, who: Who) -> dict[str, Any]:
    await _a_neutral(scene)
    return {"reasons": "A family matter."}


async def _neutral_confirmed(scene: Scene, who: Who) -> dict[str, Any]:
    if scene.case.stage is Stage.FILE_REVIEW:
        await scene.confirm_neutral()
    return {}


async def _file_ready(scene: Scene, who: Who) -> dict[str, Any]:
    await scene.act(Who.COMPLAINANT, Action.SUBMIT_REPLY, reply="The bill is still wrong.")
    return await _neutral_confirmed(scene, who)


async def _a_new_circumstance(scene: Scene, who: Who) -> dict[str, Any]:
    await _neutral_confirmed(scene, who)
    return {"disclosures": "My sister took a job with the organisation."}


async def _withdrawal_allowed(scene: Scene, who: Who) -> dict[str, Any]:
    await Scheme.filter(id=scene.case.scheme_id).update(organisation_may_withdraw=True)
    return {"reason": "Settled outside."}


async def _implementation_recorded(scene: Scene, who: Who) -> dict[str, Any]:
    await scene.act(Who.ORG_AGENT, Action.RECORD_IMPLEMENTATION, evidence="Refund paid.")
    return {"note": "Received.", "reasons": "No refund reached my account."}


async def _a_running_clock(scene: Scene, who: Who) -> dict[str, Any]:
    if scene.case.stage is Stage.FILE_REVIEW:
        await scene.appoint_and_declare()  # the objection window is the clock that runs
    clock = await Clock.filter(case_id=scene.case.id, status=ClockStatus.RUNNING).first()
    kind = clock.kind.value if clock else "response"
    return {"clock": kind, "days": 3, "reason": "A party is abroad."}


async def _automated_review_asked(scene: Scene, who: Who) -> dict[str, Any]:
    """Issue 20, 3: an automated step that leaves the case at its stage (or, from CLOSED,
    the one that closed it), and the complainant's request that a person review it."""
    stage = scene.case.stage
    if stage is Stage.FILE_REVIEW:
        await scene.confirm_neutral()
    elif stage is Stage.IN_RESOLUTION:
        await scene.act(Who.NEUTRAL, Action.DISCLOSE_CIRCUMSTANCE, disclosures="A new client.")
        scene.tick(days=8)
        await scene.act(None, Action.CONFIRM_NEUTRAL)
    elif stage is Stage.IMPLEMENTATION:
        scene.tick(days=31)
        await scene.act(None, Action.IMPLEMENTATION_LAPSED)
    decision = await AutomatedDecision.filter(case_id=scene.case.id).order_by("-decided_at").first()
    assert decision is not None
    asker = scene.cast.actors[Who.COMPLAINANT]
    reviewed = await request_review(asker, decision.id, {"reasons": "Look again."}, at=scene.tick())
    scene.case = await DisputeCase.get(id=scene.case.id)  # the request is on its record
    return {"review_id": reviewed.review.id, "reasons": "The step was wrong."}


@dataclass(frozen=True)
class Setup:
    prepare: Prepare
    method: Method = Method.OMBUDSMAN_RECOMMENDATION
    stays: bool = False  # the stage stays although the table lists a target
    # Where the action takes the case from each source, where the handler decides among
    # several targets (a reversal: back to the stage before the automated step).
    lands: dict[Stage, Stage] = field(default_factory=dict)


SETUPS: dict[Action, Setup] = {
    Action.ACCEPT: Setup(_data(is_complex=True)),
    Action.DECLINE: Setup(_data(ground="time_barred", reasons="Raised after a year.")),
    Action.GIVE_CONSENT: Setup(_data(**CONSENT)),
    Action.SUBMIT_RESPONSE: Setup(_data(position="The bill is right.")),
    Action.SUBMIT_REPLY: Setup(_data(reply="The bill is still wrong.")),
    Action.REFUSE_PARTICIPATION: Setup(_data(reasons="We do not take part.")),
    Action.APPOINT_NEUTRAL: Setup(_the_providers_neutral),
    Action.DECLARE_IMPARTIALITY: Setup(_declaration_due),
    Action.OBJECT_TO_NEUTRAL: Setup(_objection_window),
    Action.DECIDE_OBJECTION: Setup(_objection_raised),
    Action.DISCLOSE_CIRCUMSTANCE: Setup(_a_new_circumstance),
    Action.RECUSE: Setup(_neutral_appointed),
    Action.REMOVE_NEUTRAL: Setup(_neutral_appointed),
    Action.COMPLETE_FILE: Setup(_file_ready),
    Action.MAKE_OFFER: Setup(_data(amount="50.00", terms="Refund 50"), Method.MEDIATION),
    Action.WITHDRAW_OFFER: Setup(_own_offer, Method.MEDIATION),
    Action.REJECT_OFFER: Setup(_other_sides_offer, Method.MEDIATION),
    Action.ACCEPT_OFFER: Setup(_other_sides_offer, Method.MEDIATION),
    Action.ISSUE_OUTCOME: Setup(_data(summary="Refund 60", reasons="Double billing.")),
    Action.EXTEND_CLOCK: Setup(_a_running_clock),
    # One side has accepted, not both.
    Action.ACCEPT_OUTCOME: Setup(_data(**NOTICE_READ), stays=True),
    Action.REJECT_OUTCOME: Setup(_data(reasons="The contract allows it.")),
    Action.REQUEST_REVIEW: Setup(_data(reasons="Too much."), Method.ARBITRATION_BINDING),
    Action.DECIDE_REVIEW: Setup(
        _data(varied=False, reasons="The award stands."), Method.ARBITRATION_BINDING
    ),
    Action.RECORD_IMPLEMENTATION: Setup(_data(evidence="Refund paid.")),
    Action.CONFIRM_IMPLEMENTATION: Setup(_implementation_recorded),
    Action.REPORT_NOT_IMPLEMENTED: Setup(_implementation_recorded),
    Action.CLOSE: Setup(_data(reason="discontinued", note="The complainant stopped answering.")),
    Action.WITHDRAW: Setup(_withdrawal_allowed),
    Action.REVERSE_AUTOMATED_DECISION: Setup(
        _automated_review_asked,
        lands={
            Stage.CLOSED: Stage.ACCEPTED,
            Stage.FILE_REVIEW: Stage.FILE_REVIEW,
            Stage.IN_RESOLUTION: Stage.IN_RESOLUTION,
            Stage.IMPLEMENTATION: Stage.IMPLEMENTATION,
        },
    ),
}

# Source stages the table lists where the guards can never pass, with the code they give
# (none since the consent clock runs in ACCEPTED).
UNREACHABLE: dict[tuple[Action, Stage], str] = {}

PERSON_TRANSITIONS = [
    (t, stage) for t in TRANSITIONS if not t.system for stage in Stage if stage in t.sources
]


def test_every_transition_has_a_builder() -> None:
    missing_stages = [
        (t.action.value, stage.value)
        for t in TRANSITIONS
        for stage in t.sources
        if stage not in STAGE_BUILDERS
    ]
    missing_setups = [
        t.action.value for t in TRANSITIONS if not t.system and t.action not in SETUPS
    ]
    missing_system = [
        t.action.value for t in TRANSITIONS if t.system and t.action not in SYSTEM_SETUPS
    ]

    assert (missing_stages, missing_setups, missing_system) == ([], [], [])
    assert set(UNREACHABLE) <= {(t.action, s) for t, s in PERSON_TRANSITIONS}


def test_the_matrix_covers_every_role_on_a_case() -> None:
    assert {*ROLE_OF.values(), CaseRole.SYSTEM} - {None} == set(CaseRole)


async def role_on(scene: Scene, who: Who) -> CaseRole | None:
    if who is not Who.NEUTRAL:
        return ROLE_OF[who]
    appointed = await NeutralAppointment.filter(
        case_id=scene.case.id, neutral_id=scene.cast.users[Who.NEUTRAL].id
    ).exclude(status=AppointmentStatus.REMOVED)
    return CaseRole.NEUTRAL if appointed else None


async def state(case_id: uuid.UUID) -> dict[str, Any]:
    """Everything a case is: its row, timeline, clocks and records."""
    case = await DisputeCase.get(id=case_id)
    return {
        "stage": case.stage,
        "last_sequence": case.last_sequence,
        "case": await DisputeCase.filter(id=case_id).values(),
        "events": await TimelineEvent.filter(case_id=case_id).order_by("sequence").values(),
        "clocks": await Clock.filter(case_id=case_id).order_by("started_at", "kind").values(),
        "offers": await Offer.filter(case_id=case_id).order_by("made_at").values(),
        "outcomes": await Outcome.filter(case_id=case_id).order_by("issued_at").values(),
        "appointments": await NeutralAppointment.filter(case_id=case_id).values(),
        "objections": await Objection.filter(appointment__case_id=case_id).values(),
        "consents": await Consent.filter(case_id=case_id).values(),
        "participants": await CaseParticipant.filter(case_id=case_id).order_by("role").values(),
    }


async def prepared(
    cast: Cast, transition: Transition, source: Stage, who: Who
) -> tuple[Scene, dict[str, Any]]:
    setup = SETUPS[transition.action]
    method = STAGE_METHOD.get(source, setup.method)
    scene = await STAGE_BUILDERS[source](cast, method)
    data = await setup.prepare(scene, who)
    assert scene.case.stage is source
    return scene, data


def _preparer(transition: Transition) -> Who:
    """Whom a case for the refusals is prepared for: the first person the table allows."""
    return next(who for who in Who if ROLE_OF[who] in transition.roles)


@pytest.mark.parametrize(
    ("transition", "source"),
    PERSON_TRANSITIONS,
    ids=[f"{t.action.value}-from-{s.value}" for t, s in PERSON_TRANSITIONS],
)
async def test_only_the_roles_in_the_table_may_take_a_transition(
    factory: Factory, transition: Transition, source: Stage
) -> None:
    cast = await build_cast(factory)
    blocked_by = UNREACHABLE.get((transition.action, source))
    scene, data = await prepared(cast, transition, source, _preparer(transition))
    before = await state(scene.case.id)

    allowed = [who for who in Who if await role_on(scene, who) in transition.roles]
    refusals: dict[Who | None, str] = {}
    for who in [*(who for who in Who if who not in allowed), None]:  # None: the clock job
        with pytest.raises(CaseError) as raised:
            await perform(
                None if who is None else cast.actors[who],
                scene.case.id,
                transition.action,
                data,
                at=scene.tick(),
            )
        refusals[who] = raised.value.code
        assert isinstance(raised.value, CaseNotFound) is (raised.value.code == "NOT_FOUND")
        assert await state(scene.case.id) == before, f"{who} changed the case"

    assert allowed[0] is _preparer(transition)
    assert refusals == {
        who: "FORBIDDEN" if who is None or await role_on(scene, who) else "NOT_FOUND"
        for who in refusals
    }
    assert {Who.FOREIGN_AGENT, Who.FOREIGN_CASEWORKER, Who.OTHER_CONSUMER} <= {
        who for who, code in refusals.items() if code == "NOT_FOUND"
    }

    for n, who in enumerate(allowed):
        if n > 0:
            scene, data = await prepared(cast, transition, source, who)
        actor = cast.actors[who]
        view = await load_view(scene.case, scene.tick())
        offered = transition.action in available_actions(
            view, await roles_on(actor, scene.case, view.appointment)
        )
        if blocked_by is not None:
            before = await state(scene.case.id)
            with pytest.raises(CaseError) as raised:
                await perform(actor, scene.case.id, transition.action, data, at=scene.at)
            assert (raised.value.code, offered) == (blocked_by, False)
            assert await state(scene.case.id) == before
            continue
        length = scene.case.last_sequence
        case = await perform(actor, scene.case.id, transition.action, data, at=scene.at)
        first = await TimelineEvent.get(case_id=case.id, sequence=length + 1)
        stays = not transition.targets or SETUPS[transition.action].stays
        assert offered, f"{who} was not offered {transition.action}"
        landed = SETUPS[transition.action].lands.get(source)
        assert case.stage is (landed or (source if stays else transition.targets[0])), who
        assert (first.kind, first.actor_id) == (transition.event.value, cast.users[who].id)


# --- transitions only the clock job takes ------------------------------------------------------


SystemSetup = Callable[[Cast], Awaitable[Scene]]


def _days_after(build: StageBuilder, method: Method, days: float) -> SystemSetup:
    """A case of ``method`` just at a stage, and ``days`` later (a clock has run out)."""

    async def setup(cast: Cast) -> Scene:
        scene = await build(cast, method)
        scene.tick(days=days)
        return scene

    return setup


async def _objection_window_over(cast: Cast) -> Scene:
    scene = await _file_review(cast, Method.MEDIATION)
    await scene.appoint_and_declare()
    scene.tick(days=8)
    return scene


async def _confirmation_overdue(cast: Cast) -> Scene:
    scene = await _implementation(cast, Method.OMBUDSMAN_RECOMMENDATION)
    await scene.act(Who.ORG_AGENT, Action.RECORD_IMPLEMENTATION, evidence="Refund paid.")
    scene.tick(days=15)
    return scene


async def _offer_lapsed(cast: Cast) -> Scene:
    """A negotiation with an offer made to expire in two days, three days later."""
    scene = await _in_resolution(cast, Method.NEGOTIATION)
    expiry = scene.at + timedelta(days=2)
    await scene.act(
        Who.ORG_AGENT, Action.MAKE_OFFER, amount="80.00", terms="Refund 80", expires_at=expiry
    )
    scene.tick(days=3)
    return scene


SYSTEM_SETUPS: dict[Action, SystemSetup] = {
    Action.CONSENT_LAPSED: _days_after(_accepted, Method.MEDIATION, 31),
    Action.ORGANISATION_SILENT: _days_after(_awaiting_response, Method.MEDIATION, 60),
    Action.CONFIRM_NEUTRAL: _objection_window_over,
    Action.NEGOTIATION_LAPSED: _days_after(_in_resolution, Method.NEGOTIATION, 91),
    Action.AWARD_FINAL: _days_after(_outcome_proposed, Method.ARBITRATION_BINDING, 15),
    Action.OUTCOME_NOT_ACCEPTED: _days_after(
        _outcome_proposed, Method.OMBUDSMAN_RECOMMENDATION, 15
    ),
    Action.CONFIRMATION_LAPSED: _confirmation_overdue,
    Action.IMPLEMENTATION_LAPSED: _days_after(_implementation, Method.OMBUDSMAN_RECOMMENDATION, 31),
    Action.OFFER_EXPIRED: _offer_lapsed,
}
SYSTEM_TRANSITIONS = [t for t in TRANSITIONS if t.system]


@pytest.mark.parametrize(
    "transition", SYSTEM_TRANSITIONS, ids=[t.action.value for t in SYSTEM_TRANSITIONS]
)
async def test_only_the_clock_job_takes_its_transitions(
    factory: Factory, transition: Transition
) -> None:
    cast = await build_cast(factory)
    scene = await SYSTEM_SETUPS[transition.action](cast)
    before = await state(scene.case.id)

    refusals = {}
    for who in Who:
        with pytest.raises(CaseError) as raised:
            await perform(cast.actors[who], scene.case.id, transition.action, at=scene.at)
        refusals[who] = raised.value.code
    unchanged = await state(scene.case.id) == before
    case = await perform(None, scene.case.id, transition.action, at=scene.at)

    assert refusals == {
        who: "FORBIDDEN" if await role_on(scene, who) else "NOT_FOUND" for who in Who
    }
    assert unchanged
    assert (
        await TimelineEvent.get(case_id=case.id, sequence=before["last_sequence"] + 1)
    ).kind == (transition.event.value)


# --- integration clients ----------------------------------------------------------------------

CLIENT_TRANSITIONS = [
    (t, next(s for s in Stage if s in t.sources and (t.action, s) not in UNREACHABLE), staff)
    for t in TRANSITIONS
    if not t.system
    for staff in (Who.ORG_AGENT, Who.CASEWORKER)
    if ROLE_OF[staff] in t.roles
]


@pytest.mark.parametrize(
    ("transition", "source", "staff"),
    CLIENT_TRANSITIONS,
    ids=[f"{t.action.value}-as-{staff.value}" for t, _, staff in CLIENT_TRANSITIONS],
)
async def test_an_integration_client_acts_for_its_party_except_where_a_person_must(
    factory: Factory, transition: Transition, source: Stage, staff: Who
) -> None:
    """An organisation's or provider's system takes its party's transitions, but not those
    whose record names the person who took them (an offer, an objection, an appointment)."""
    cast = await build_cast(factory)
    w = cast.world
    role = Role.ORG_AGENT if staff is Who.ORG_AGENT else Role.PROVIDER_CASEWORKER
    scope = {"organisation": w.organisation} if staff is Who.ORG_AGENT else {"provider": w.provider}
    client = await factory.service_account(role, **scope)
    grant = Grant(role, client.account.organisation_id, client.account.provider_id)
    actor = Actor(kind=ActorKind.SERVICE_ACCOUNT, id=client.account.id, grants=(grant,))
    scene, data = await prepared(cast, transition, source, staff)
    view = await load_view(scene.case, scene.tick())
    offered = transition.action in available_actions(
        view, await roles_on(actor, scene.case, view.appointment), person=False
    )
    before = await state(scene.case.id)

    if transition.by_person:
        with pytest.raises(CaseError) as raised:
            await perform(actor, scene.case.id, transition.action, data, at=scene.at)
        assert (raised.value.code, offered) == ("FORBIDDEN", False)
        assert await state(scene.case.id) == before
    else:
        case = await perform(actor, scene.case.id, transition.action, data, at=scene.at)
        first = await TimelineEvent.get(case_id=case.id, sequence=before["last_sequence"] + 1)
        assert offered
        assert (first.kind, first.actor_id) == (transition.event.value, client.account.id)

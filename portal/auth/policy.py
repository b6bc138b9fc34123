"""The one place that answers "may this actor see or do this to this object".

Resolvers and services both ask here, so a new entry point cannot skip the check. Each
function decides from rows already loaded: no I/O per field (ARCHITECTURE.md, performance).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from portal.accounts.models import (
    ORGANISATION_ROLES,
    PROVIDER_ROLES,
    Membership,
    Provider,
    Role,
    User,
)
from portal.auth.actor import Actor, ActorKind, Grant
from portal.cases.models import (
    CaseParticipant,
    DisputeCase,
    NeutralAppointment,
    RepresentativeInvitation,
)
from portal.cases.states import COMPLAINANT_SIDE, AppointmentStatus, CaseRole, Side
from portal.cases.transitions import TABLE, Action
from portal.complaints.models import Complaint
from portal.complaints.states import ComplaintRole
from portal.fees.states import FeePayer, payer_of
from portal.groups.models import GroupMember
from portal.timeline.catalogue import EventKind
from portal.timeline.models import TimelineEvent, Visibility

STAFF_ROLES = ORGANISATION_ROLES | PROVIDER_ROLES


def _staff_scopes(actor: Actor) -> set[uuid.UUID]:
    return {
        scope
        for g in actor.grants
        if g.role in STAFF_ROLES
        for scope in (g.organisation_id, g.provider_id)
        if scope
    }


def may_view_user(actor: Actor, user_id: uuid.UUID, memberships: Iterable[Membership]) -> bool:
    """The whole account (every private field): yourself; an admin; or staff of an organisation
    or provider the user also works for. The case parties' view is `may_view_participant`."""
    if actor.is_admin or (actor.kind is ActorKind.USER and actor.id == user_id):
        return True
    scopes = _staff_scopes(actor)
    return any(m.organisation_id in scopes or m.provider_id in scopes for m in memberships)


async def may_view_participant(actor: Actor, user_id: uuid.UUID) -> bool:
    """The face a person shows on the cases they take part in (their global ID and display
    name, never their account's private fields: `may_view_user` alone opens those): for whoever
    may read a case whose records name the person by their account. Those are the neutral
    appointed to it, standing or since ended, and the complainant's representative, acting or
    since removed; the events NEUTRAL_*, CIRCUMSTANCE_DISCLOSED and REPRESENTATIVE_* carry
    their IDs. The case is one `visible_cases_filter` lets the actor read, so a caucus or a
    case they do not see widens nothing. One indexed EXISTS; for a person it does not find,
    the REPRESENTATIVE_REMOVED events of the readable cases (a representative named at
    referral leaves no other trace once removed; there are few such events)."""
    named = (
        Q(id__in=Subquery(NeutralAppointment.filter(neutral_id=user_id).values("case_id")))
        | Q(
            id__in=Subquery(
                CaseParticipant.filter(user_id=user_id, role=CaseRole.REPRESENTATIVE.value).values(
                    "case_id"
                )
            )
        )
        | Q(
            id__in=Subquery(
                RepresentativeInvitation.filter(accepted_by_id=user_id).values("case_id")
            )
        )
    )
    visible = await visible_cases_filter(actor)
    if await DisputeCase.filter(visible).filter(named).exists():
        return True
    removals: list[dict[str, Any]] = await TimelineEvent.filter(
        kind=EventKind.REPRESENTATIVE_REMOVED.value,
        case_id__in=Subquery(DisputeCase.filter(visible).values("id")),
    ).values_list("payload", flat=True)  # type: ignore[assignment]
    return any(p.get("representative_id") == str(user_id) for p in removals)


def may_view_membership(actor: Actor, user_id: uuid.UUID, membership: Membership) -> bool:
    """Yourself and an admin see every role of a person; staff who may see that person see
    only the roles held where the staff member works, never the rest of their career."""
    if actor.is_admin or (actor.kind is ActorKind.USER and actor.id == user_id):
        return True
    return (
        membership.organisation_id is not None
        and membership.organisation_id in actor.organisation_ids
    ) or (membership.provider_id is not None and membership.provider_id in actor.provider_ids)


def may_view_organisation(actor: Actor, organisation_id: uuid.UUID) -> bool:
    """An organisation's public details (name, country) are for everyone signed in: consumers
    choose the organisation they complain about, and parties see who they are in dispute with.
    Its people, cases and complaints stay behind their own checks."""
    return True


def may_view_provider(actor: Actor | None, provider: Provider) -> bool:
    """The public directory (EU ADR Art. 7(1), issue 14): a published provider is for
    everyone, signed in or not. One that is not published is hidden from the public (not
    listed, NOT_FOUND by id) and stays visible to anyone signed in who reaches it by id: the
    cases, roles and referrals that point at it."""
    return provider.published or actor is not None


def directory_filter(actor: Actor | None = None) -> Q:
    """The providers the directory (`providers`) lists: the published ones; for an
    installation admin all of them, so that one taken out of the directory can be found and
    put back (the admin screens list through the same query)."""
    if actor is not None and may_administer(actor):
        return Q()
    return Q(published=True)


def may_read_directory_internals(actor: Actor | None) -> bool:
    """What a provider publishes is for everyone; the rest of what the API says about it
    (how Parley reaches it, the roster's accounts, biographies, standing disclosures and
    availability) is for people and clients signed in. The public (anonymous) gets exactly
    the published fields: a provider's profile, schemes and clocks, and the roster's names,
    titles, competences, languages, methods and mandates (Art. 7(1)(b))."""
    return actor is not None


# Node types `node(id:)` resolves for a caller who has not signed in (each still checked by
# its own rule above).
PUBLIC_NODE_TYPES = frozenset({"Provider", "Scheme", "Commitment", "SchemeFeeSchedule"})


def may_view_service_account(
    actor: Actor,
    account_id: uuid.UUID,
    organisation_id: uuid.UUID | None,
    provider_id: uuid.UUID | None,
) -> bool:
    if actor.is_admin:
        return True
    if actor.kind is ActorKind.SERVICE_ACCOUNT:
        return actor.id == account_id
    managers = {g.organisation_id for g in actor.grants if g.role is Role.ORG_MANAGER}
    caseworkers = {g.provider_id for g in actor.grants if g.role is Role.PROVIDER_CASEWORKER}
    return (organisation_id is not None and organisation_id in managers) or (
        provider_id is not None and provider_id in caseworkers
    )


def may_edit_provider(actor: Actor, provider_id: uuid.UUID) -> bool:
    """A provider's caseworkers (people or its integration client) keep what it publishes and
    its roster; admins may too."""
    return actor.is_admin or actor.has_role(Role.PROVIDER_CASEWORKER, provider_id=provider_id)


def may_edit_neutral_profile(actor: Actor, provider_id: uuid.UUID, user_id: uuid.UUID) -> bool:
    """A neutral keeps their own roster entry; the provider's caseworkers may edit it too."""
    if actor.kind is ActorKind.USER and actor.id == user_id:
        return actor.has_role(Role.NEUTRAL, provider_id=provider_id)
    return may_edit_provider(actor, provider_id)


# --- cases ----------------------------------------------------------------------------------


def case_roles(
    actor: Actor,
    case: DisputeCase,
    participant_roles: Iterable[str],
    appointment: NeutralAppointment | None,
) -> frozenset[CaseRole]:
    """The roles ``actor`` holds on ``case``; empty means the case is invisible to them.

    ``participant_roles`` are the actor's own rows in case_participant (complainant,
    representative); ``appointment`` is the case's current neutral appointment.
    """
    roles: set[CaseRole] = {CaseRole(r) for r in participant_roles}
    if CaseRole.REPRESENTATIVE in roles and any(
        role_bears_on_case(g.organisation_id, g.provider_id, case.organisation_id, case.provider_id)
        for g in actor.grants
    ):
        # Issue 13 F1, defence in depth: whoever works for either side of the case (or sees
        # every case) never acts for the complainant on it, whatever case_participant says;
        # `portal check` reports such rows.
        roles.discard(CaseRole.REPRESENTATIVE)
    for grant in actor.grants:
        if grant.role in ORGANISATION_ROLES and grant.organisation_id == case.organisation_id:
            roles.add(CaseRole.ORGANISATION)
        elif grant.role is Role.PROVIDER_CASEWORKER and grant.provider_id == case.provider_id:
            roles.add(CaseRole.PROVIDER)
        elif grant.role is Role.AUDITOR and _audit_grant_covers(grant, case):
            roles.add(CaseRole.AUDITOR)
        elif grant.role is Role.ADMIN:
            roles.add(CaseRole.ADMIN)
    if (
        appointment is not None
        and actor.kind is ActorKind.USER
        and appointment.neutral_id == actor.id
        and appointment.status is not AppointmentStatus.REMOVED
    ):
        roles.add(CaseRole.NEUTRAL)
    return frozenset(roles)


def participations_of(user_id: uuid.UUID) -> QuerySet[CaseParticipant]:
    """The person's rows in case_participant: the cases they take part in."""
    return CaseParticipant.filter(user_id=user_id)


def appointments_of(user_id: uuid.UUID) -> QuerySet[NeutralAppointment]:
    """The person's neutral appointments that make a case visible: any not removed."""
    return NeutralAppointment.filter(neutral_id=user_id).exclude(status=AppointmentStatus.REMOVED)


async def _appointed(actor: Actor) -> bool:
    if actor.case_facts is not None:
        return actor.case_facts.appointed
    return await appointments_of(actor.id).exists()


async def _takes_part_or_appointed(actor: Actor) -> bool:
    if actor.case_facts is not None:
        return actor.case_facts.takes_part or actor.case_facts.appointed
    participations, appointments = participations_of(actor.id), appointments_of(actor.id)
    return await User.filter(
        Q(id=actor.id)
        & (
            Q(id__in=Subquery(participations.values("user_id")))
            | Q(id__in=Subquery(appointments.values("neutral_id")))
        )
    ).exists()


async def visible_cases_filter(actor: Actor) -> Q:
    """Every list of cases starts here: the cases ``actor`` may see, as one SQL condition.

    A case is visible through a staff grant (an organisation's or a provider's cases), a row in
    case_participant, or a neutral appointment not removed. Only the conditions that can match
    for this actor go into the statement: an OR of a subquery with `organisation_id IN (...)`
    makes PostgreSQL scan and sort every case, where the organisation alone walks the
    (organisation_id, created_at) index. Whether staff take part in a case or sit as a
    neutral, and whether a consumer holds an appointment, comes with the actor when the
    request was authenticated (`Actor.case_facts`), or else from one indexed EXISTS.
    """
    if actor.is_admin:
        return Q()
    organisations = [
        g.organisation_id
        for g in actor.grants
        if g.role in ORGANISATION_ROLES and g.organisation_id
    ]
    providers = [
        g.provider_id for g in actor.grants if g.role is Role.PROVIDER_CASEWORKER and g.provider_id
    ]
    for grant in actor.grants:
        if grant.role is Role.AUDITOR:
            if grant.organisation_id is None and grant.provider_id is None:
                return Q()
            if grant.organisation_id:
                organisations.append(grant.organisation_id)
            if grant.provider_id:
                providers.append(grant.provider_id)
    conditions: list[Q] = []
    if organisations:
        conditions.append(Q(organisation_id__in=organisations))
    if providers:
        conditions.append(Q(provider_id__in=providers))
    if actor.kind is ActorKind.USER:
        # A service account's id is never a user's: it takes part in no case.
        participations = participations_of(actor.id)
        appointments = appointments_of(actor.id)
        taking_part = Q(id__in=Subquery(participations.values("case_id")))
        sides = (list(actor.organisation_ids), list(actor.provider_ids))
        if sides[0] or sides[1]:
            # Issue 13 F1, as case_roles: a representative row on a case of one's own
            # organisation or provider makes nothing visible (installation-wide roles saw
            # everything above already).
            complaining = participations.filter(role=CaseRole.COMPLAINANT.value)
            representing = Q(
                id__in=Subquery(
                    participations.filter(role=CaseRole.REPRESENTATIVE.value).values("case_id")
                )
            )
            if sides[0]:
                representing &= ~Q(organisation_id__in=sides[0])
            if sides[1]:
                representing &= ~Q(provider_id__in=sides[1])
            taking_part = Q(id__in=Subquery(complaining.values("case_id"))) | representing
        appointed = Q(id__in=Subquery(appointments.values("case_id")))
        if not conditions:
            # A consumer: the cases they take part in, and any they were appointed to.
            conditions.append(taking_part)
            if await _appointed(actor):
                conditions.append(appointed)
        elif await _takes_part_or_appointed(actor):
            # Staff who also take part in a case, or sit as a neutral: one statement tells
            # both apart from the usual staff member, who has neither.
            conditions += [taking_part, appointed]
    if not conditions:
        return Q(id__in=[])  # nothing: `WHERE 1=0`
    return Q(*conditions, join_type=Q.OR)


# Which scopes each role on a case may read (QUALITY.md "Access": auditors and reports never
# see caucus content). Messages and documents use the same table.
READABLE_SCOPES: dict[CaseRole, frozenset[Visibility]] = {
    CaseRole.COMPLAINANT: frozenset({Visibility.ALL_PARTIES, Visibility.CAUCUS_COMPLAINANT}),
    CaseRole.REPRESENTATIVE: frozenset({Visibility.ALL_PARTIES, Visibility.CAUCUS_COMPLAINANT}),
    CaseRole.ORGANISATION: frozenset(
        {Visibility.ALL_PARTIES, Visibility.CAUCUS_ORGANISATION, Visibility.ORGANISATION_INTERNAL}
    ),
    CaseRole.NEUTRAL: frozenset(
        {
            Visibility.ALL_PARTIES,
            Visibility.CAUCUS_COMPLAINANT,
            Visibility.CAUCUS_ORGANISATION,
            Visibility.NEUTRAL_ONLY,
        }
    ),
    CaseRole.PROVIDER: frozenset({Visibility.ALL_PARTIES, Visibility.PROVIDER_INTERNAL}),
    CaseRole.AUDITOR: frozenset({Visibility.ALL_PARTIES}),
    CaseRole.ADMIN: frozenset({Visibility.ALL_PARTIES}),
}


def readable_scopes(
    roles: frozenset[CaseRole], appointment: NeutralAppointment | None
) -> frozenset[Visibility]:
    """A neutral reads the file only after declaring impartiality (DOMAIN.md, fairness)."""
    scopes: set[Visibility] = set()
    for role in roles:
        if role is CaseRole.NEUTRAL and (
            appointment is None or appointment.status is AppointmentStatus.AWAITING_DECLARATION
        ):
            continue
        scopes |= READABLE_SCOPES.get(role, frozenset())
    return frozenset(scopes)


# Where each role on a case may post messages and documents: where it may read, except that
# auditors and admins only read (DOMAIN.md: auditors have read-only access).
WRITABLE_SCOPES: dict[CaseRole, frozenset[Visibility]] = {
    role: scopes
    for role, scopes in READABLE_SCOPES.items()
    if role not in {CaseRole.AUDITOR, CaseRole.ADMIN}
}


def writable_scopes(
    roles: frozenset[CaseRole], appointment: NeutralAppointment | None
) -> frozenset[Visibility]:
    """As `readable_scopes`: a neutral writes nothing before declaring impartiality."""
    return readable_scopes(frozenset(r for r in roles if r in WRITABLE_SCOPES), appointment)


def writer_role(
    roles: frozenset[CaseRole], appointment: NeutralAppointment | None, scope: Visibility
) -> CaseRole | None:
    """The role in which the actor writes into ``scope`` (recorded on the item and its
    event); None when no role of theirs may."""
    for role in sorted(roles):
        if scope in writable_scopes(frozenset({role}), appointment):
            return role
    return None


def role_bears_on_case(
    organisation_id: uuid.UUID | None,
    provider_id: uuid.UUID | None,
    case_organisation_id: uuid.UUID,
    case_provider_id: uuid.UUID,
) -> bool:
    """Whether a role held in this scope bears on a case between these two: one in the case's
    organisation or provider (agents, managers, caseworkers, neutrals, their auditors), or an
    installation-wide one (admins, auditors of everything)."""
    if organisation_id is None and provider_id is None:
        return True
    return organisation_id == case_organisation_id or provider_id == case_provider_id


def may_name_representative(
    actor: Actor,
    complainant_id: uuid.UUID,
    organisation_id: uuid.UUID,
    provider_id: uuid.UUID,
    candidate_id: uuid.UUID,
    memberships: Iterable[Membership],
) -> bool:
    """Issue 13 F1: a representative acts for the complainant (reads their caucus, consents,
    withdraws), so only the complainant names one, and never someone of the other side.

    ``memberships`` are the candidate's. The actor must be the complainant in person (staff
    referring on their behalf, an integration client or the provider's side may not name
    anyone); the candidate is someone else, and holds no role in the case's organisation or
    provider, nor an installation-wide one (admins and installation auditors see every case).

    Naming by invitation (portal.cases.representatives) asks the two halves at their own
    moments: `names_representatives` when the complainant invites, revokes or removes, and
    `may_represent` when the invitee accepts, since only then is the candidate known.
    """
    return names_representatives(actor, complainant_id) and may_represent(
        complainant_id, organisation_id, provider_id, candidate_id, memberships
    )


def names_representatives(actor: Actor, complainant_id: uuid.UUID) -> bool:
    """The first half of `may_name_representative`: the complainant in person."""
    return actor.kind is ActorKind.USER and actor.id == complainant_id


def may_represent(
    complainant_id: uuid.UUID,
    organisation_id: uuid.UUID,
    provider_id: uuid.UUID,
    candidate_id: uuid.UUID,
    memberships: Iterable[Membership],
) -> bool:
    """The second half of `may_name_representative`: who may act for this complainant."""
    if candidate_id == complainant_id:
        return False
    return not any(
        role_bears_on_case(m.organisation_id, m.provider_id, organisation_id, provider_id)
        for m in memberships
    )


# --- sessions and hearings (issue 20, 1) -----------------------------------------------------

# The scopes a session is held in, and the sides each asks to pick a slot: a session with all
# parties asks both; a caucus (DOMAIN.md: one private to the neutral and each side) only its own
# side, and the other side never learns of it.
SESSION_SIDES: dict[Visibility, tuple[Side, ...]] = {
    Visibility.ALL_PARTIES: (Side.COMPLAINANT, Side.ORGANISATION),
    Visibility.CAUCUS_COMPLAINANT: (Side.COMPLAINANT,),
    Visibility.CAUCUS_ORGANISATION: (Side.ORGANISATION,),
}


def may_run_session(
    roles: frozenset[CaseRole], appointment: NeutralAppointment | None, scope: Visibility
) -> bool:
    """Who proposes a session, confirms its slot, moves, cancels and minutes it: the neutral
    (once impartiality is declared, as for writing in the file) in any session scope; the
    provider's caseworkers for sessions with all parties. A caucus is the neutral's alone:
    the provider reads no caucus."""
    if scope not in SESSION_SIDES:
        return False
    neutral = frozenset({CaseRole.NEUTRAL}) & roles
    if neutral and scope in writable_scopes(neutral, appointment):
        return True
    return CaseRole.PROVIDER in roles and scope is Visibility.ALL_PARTIES


def session_side(roles: frozenset[CaseRole], scope: Visibility) -> Side | None:
    """The side the actor answers a session's slots for; None when they answer for none (the
    neutral, the provider, auditors, admins, or the other side of a caucus)."""
    side: Side | None = None
    if roles & COMPLAINANT_SIDE:
        side = Side.COMPLAINANT
    elif CaseRole.ORGANISATION in roles:
        side = Side.ORGANISATION
    return side if side is not None and side in SESSION_SIDES.get(scope, ()) else None


def may_keep_calendar_feed(actor: Actor) -> bool:
    """A calendar feed serves a person's own sessions: people only, for themselves."""
    return actor.kind is ActorKind.USER


# The roles in which a person takes part in a case's sessions, so that its sessions are in
# their calendar feed: the parties, the neutral and the provider's caseworkers. An auditor or
# an admin reads every case and takes part in none: a feed (a long-lived URL) never holds them.
SESSION_TAKING_PART = frozenset(
    {
        CaseRole.COMPLAINANT,
        CaseRole.REPRESENTATIVE,
        CaseRole.ORGANISATION,
        CaseRole.NEUTRAL,
        CaseRole.PROVIDER,
    }
)


def takes_part_in_sessions(roles: frozenset[CaseRole]) -> bool:
    return bool(roles & SESSION_TAKING_PART)


# --- linked and group cases (issue 20, deliverable 4) ---------------------------------------


def may_run_case_groups(actor: Actor, provider_id: uuid.UUID) -> bool:
    """Linking cases, asking complainants to consent to a group, forming it and sharing its
    documents: the provider's caseworkers (people or its integration clients). The group's
    outcome is proposed through each member's own transition table (the neutral issues it);
    the organisation sees groups but does not run them."""
    return actor.has_role(Role.PROVIDER_CASEWORKER, provider_id=provider_id)


def may_be_linked(case: DisputeCase, other: DisputeCase) -> bool:
    """Two different cases of one organisation at one provider: a cause shared across
    organisations or providers is not one group's to decide."""
    return (
        case.id != other.id
        and case.organisation_id == other.organisation_id
        and case.provider_id == other.provider_id
    )


# The scopes a member case's document may be shared into the group's other cases in: what
# everyone on the case reads, and what only the organisation, the provider or the neutral
# reads (each member's file shows it to whoever reads that scope there). A caucus belongs to
# one case and one side: its documents are never shared with other complainants' cases.
GROUP_SHAREABLE_SCOPES = frozenset(
    {
        Visibility.ALL_PARTIES,
        Visibility.ORGANISATION_INTERNAL,
        Visibility.PROVIDER_INTERNAL,
        Visibility.NEUTRAL_ONLY,
    }
)


# The scopes a group's session is held in (one row on each member case, issue 20, 4): with
# all parties, or in the organisation's caucus (one organisation is party to every member). A
# complainant's caucus belongs to one case: it would bring other complainants into it, which
# the group consent does not cover.
GROUP_SESSION_SCOPES = frozenset({Visibility.ALL_PARTIES, Visibility.CAUCUS_ORGANISATION})


def may_hold_group_session(scope: Visibility) -> bool:
    return scope in GROUP_SESSION_SCOPES


def may_share_with_group(actor: Actor, provider_id: uuid.UUID, scope: Visibility) -> bool:
    """Who shares a member case's document with its group, and which: the provider's
    caseworkers (`may_run_case_groups`), a document of a scope in `GROUP_SHAREABLE_SCOPES`."""
    return may_run_case_groups(actor, provider_id) and scope in GROUP_SHAREABLE_SCOPES


def may_see_case_links(roles: frozenset[CaseRole], appointment: NeutralAppointment | None) -> bool:
    """Links are the provider's working notes (recorded provider-internal): whoever reads
    that scope on the case."""
    return Visibility.PROVIDER_INTERNAL in readable_scopes(roles, appointment)


def may_answer_group_consent(actor: Actor, roles: frozenset[CaseRole]) -> bool:
    """EU ADR Directive as amended: bundling needs the complainant's consent, so only the
    complainant's side answers, in person (the complainant or their representative; never an
    integration client, the organisation or the provider)."""
    return actor.kind is ActorKind.USER and bool(roles & COMPLAINANT_SIDE)


async def visible_case_groups_filter(actor: Actor) -> Q:
    """The groups ``actor`` may see, as one condition on `case_group`: those holding a case
    they may see (`visible_cases_filter`). A complainant sees the group their case was asked
    into, never the other members' cases (each is checked on its own)."""
    cases = DisputeCase.filter(await visible_cases_filter(actor)).values("id")
    return Q(id__in=Subquery(GroupMember.filter(case_id__in=Subquery(cases)).values("group_id")))


# --- complaints -----------------------------------------------------------------------------


def is_staff_of(actor: Actor, organisation_id: uuid.UUID) -> bool:
    return any(
        g.role in ORGANISATION_ROLES and g.organisation_id == organisation_id for g in actor.grants
    )


def may_view_complaint(actor: Actor, complaint: Complaint) -> bool:
    """The complainant, the organisation's staff, its auditors and admins."""
    if actor.is_admin or is_staff_of(actor, complaint.organisation_id):
        return True
    if actor.kind is ActorKind.USER and actor.id == complaint.complainant_id:
        return True
    return any(
        g.role is Role.AUDITOR
        and g.provider_id is None
        and g.organisation_id in (None, complaint.organisation_id)
        for g in actor.grants
    )


def complaint_roles(actor: Actor, complaint: Complaint) -> frozenset[ComplaintRole]:
    """The roles ``actor`` acts in on ``complaint`` (the complaint transition table's `who`):
    its complainant, and the organisation's staff (agents, managers, its integration
    clients). Auditors and admins see a complaint (`may_view_complaint`) but take no step."""
    roles: set[ComplaintRole] = set()
    if actor.kind is ActorKind.USER and actor.id == complaint.complainant_id:
        roles.add(ComplaintRole.COMPLAINANT)
    if is_staff_of(actor, complaint.organisation_id):
        roles.add(ComplaintRole.STAFF)
    return frozenset(roles)


def may_see_complainant_account(actor: Actor, complaint: Complaint) -> bool:
    """Whether the complainant's account (its name) is shown on the complaint, rather than the
    name an agent recorded (issue 13 F5): once the complainant has confirmed the complaint, to
    the complainant themselves, and to admins. Otherwise an agent recording a complaint for an
    address would learn the name of the account behind it."""
    if complaint.confirmed_at is not None or actor.is_admin:
        return True
    return actor.kind is ActorKind.USER and actor.id == complaint.complainant_id


def visible_complaints_filter(actor: Actor) -> Q:
    if actor.is_admin or any(
        g.role is Role.AUDITOR and g.organisation_id is None and g.provider_id is None
        for g in actor.grants
    ):
        return Q()
    organisations = [
        g.organisation_id
        for g in actor.grants
        if (g.role in ORGANISATION_ROLES or g.role is Role.AUDITOR) and g.organisation_id
    ]
    conditions = [Q(complainant_id=actor.id)]
    if organisations:
        conditions.append(Q(organisation_id__in=organisations))
    return Q(*conditions, join_type=Q.OR)


# --- audits (issue 19, part E) ----------------------------------------------------------------

INSTALLATION_SCOPE = "installation"


def _audit_grant_covers(grant: Grant, case: DisputeCase) -> bool:
    """An auditor's grant covers the case: installation-wide, or its organisation or provider."""
    return (
        (grant.organisation_id is None and grant.provider_id is None)
        or grant.organisation_id == case.organisation_id
        or grant.provider_id == case.provider_id
    )


def audit_scopes(actor: Actor) -> frozenset[str]:
    """What the actor audits, as the scopes a run records: `installation`, or
    `organisation:<id>` and `provider:<id>` for each auditor grant. Empty: no auditor. Audits
    are the auditor role's alone: admins run the installation, they do not audit it."""
    scopes: set[str] = set()
    for g in actor.grants:
        if g.role is not Role.AUDITOR:
            continue
        if g.organisation_id is None and g.provider_id is None:
            scopes.add(INSTALLATION_SCOPE)
        if g.organisation_id is not None:
            scopes.add(f"organisation:{g.organisation_id}")
        if g.provider_id is not None:
            scopes.add(f"provider:{g.provider_id}")
    return frozenset(scopes)


def may_audit(actor: Actor) -> bool:
    """Starting a verification run, raising findings, reading the audit report: auditors."""
    return bool(audit_scopes(actor))


def audited_cases_filter(actor: Actor) -> Q:
    """The cases the actor audits, as one SQL condition: through auditor grants only (a case
    they take part in otherwise is not theirs to audit)."""
    scopes = audit_scopes(actor)
    if INSTALLATION_SCOPE in scopes:
        return Q()
    auditing = [g for g in actor.grants if g.role is Role.AUDITOR]
    organisations = [g.organisation_id for g in auditing if g.organisation_id]
    providers = [g.provider_id for g in auditing if g.provider_id]
    conditions: list[Q] = []
    if organisations:
        conditions.append(Q(organisation_id__in=organisations))
    if providers:
        conditions.append(Q(provider_id__in=providers))
    if not conditions:
        return Q(id__in=[])
    return Q(*conditions, join_type=Q.OR)


def may_audit_case(actor: Actor, case: DisputeCase) -> bool:
    """Findings on a case are for the auditors whose grants cover it."""
    return any(g.role is Role.AUDITOR and _audit_grant_covers(g, case) for g in actor.grants)


def may_view_audit_run(actor: Actor, run_scopes: Iterable[str]) -> bool:
    """A run (its progress and the cases it found broken) is for the auditors who audit at
    least all it covered: the starter, their fellow auditors of the same scope, and
    installation-wide auditors."""
    mine = audit_scopes(actor)
    if not mine:
        return False
    return INSTALLATION_SCOPE in mine or set(run_scopes) <= mine


# --- reports --------------------------------------------------------------------------------


def may_view_management_review(actor: Actor, organisation_id: uuid.UUID) -> bool:
    """ISO 10003 8.4 is top management's: the organisation's managers (people or integration
    clients with the manager role), its auditors and installation-wide auditors, admins.
    Agents handle cases; they do not get the organisation's figures."""
    if actor.is_admin:
        return True
    return any(
        (g.role is Role.ORG_MANAGER and g.organisation_id == organisation_id)
        or (
            g.role is Role.AUDITOR
            and g.provider_id is None
            and g.organisation_id in (None, organisation_id)
        )
        for g in actor.grants
    )


# --- commitments (ISO 10001) ----------------------------------------------------------------


def may_manage_commitments(actor: Actor, organisation_id: uuid.UUID) -> bool:
    """An organisation's code of conduct is its top management's (ISO 10001 clauses 5 and 6): its
    managers, in person, and admins. Agents, its integration clients and auditors do not
    change what the organisation promises; the management review measures it for whoever
    may see that (`may_view_management_review`)."""
    if actor.kind is not ActorKind.USER:
        return False
    return actor.is_admin or actor.has_role(Role.ORG_MANAGER, organisation_id=organisation_id)


def may_read_commitments(actor: Actor | None) -> bool:
    """The commitments' wording is published (ISO 10001 clause 7: the code is communicated to
    customers, before they complain): for everyone, signed in or not. Only the published
    words and numbers; how each fared is the management review's."""
    return True


# --- the record access log (issue 19, 3) ----------------------------------------------------


def access_log_filter(actor: Actor) -> Q | None:
    """Which reads of records an actor may review in the access log, as one condition; None
    when they may review none (FORBIDDEN). Admins and installation-wide auditors: every read.
    An organisation's auditor: reads of its cases and its reports; a provider's auditor: of
    the provider's cases. Nobody else: the log says who looked at whose file, which is itself
    personal data; the person whose records they are sees theirs (`own_access_log_filter`)."""
    if actor.is_admin:
        return Q()
    conditions: list[Q] = []
    for grant in actor.grants:
        if grant.role is not Role.AUDITOR:
            continue
        if grant.organisation_id is None and grant.provider_id is None:
            return Q()
        if grant.organisation_id:
            conditions.append(Q(organisation_id=grant.organisation_id))
        if grant.provider_id:
            conditions.append(Q(provider_id=grant.provider_id))
    return Q(*conditions, join_type=Q.OR) if conditions else None


def own_access_log_filter(actor: Actor) -> Q:
    """The reads of a person's own records (GDPR Art. 15): of the cases they take part in
    (complainant or representative), and of records about them as a person (a subject-access
    export names them as its target). An integration client has no records of its own."""
    if actor.kind is not ActorKind.USER:
        return Q(id__in=[])
    return Q(case_id__in=Subquery(participations_of(actor.id).values("case_id"))) | Q(
        target_type="User", target_id=str(actor.id)
    )


# --- events out -----------------------------------------------------------------------------


def may_manage_webhooks(actor: Actor, organisation_id: uuid.UUID) -> bool:
    """An organisation's managers, its own integration clients (issue 18: a system subscribes
    itself to the events it handles; it sees and changes only its own organisation's
    subscriptions), and admins. Agents are people who handle cases, not the set-up."""
    if actor.is_admin:
        return True
    if actor.kind is ActorKind.SERVICE_ACCOUNT:
        # Its token must carry `webhooks` (issue 18, 4); without it the subscriptions are
        # not there for it, as for anyone outside the organisation.
        return has_scope(actor, Scope.WEBHOOKS) and any(
            g.role in ORGANISATION_ROLES and g.organisation_id == organisation_id
            for g in actor.grants
        )
    return actor.has_role(Role.ORG_MANAGER, organisation_id=organisation_id)


# --- OAuth scopes (issue 18, 4) --------------------------------------------------------------


class Scope(StrEnum):
    """What an integration client's token may be used for (RFC 6749 3.3). People hold no
    scopes: their roles alone decide."""

    READ = "read"  # queries and live subscriptions, REST reads (reports, downloads)
    WRITE = "write"  # every mutation that changes cases, complaints, documents and the rest
    WEBHOOKS = "webhooks"  # managing webhook subscriptions and reading their delivery log


SCOPES: tuple[Scope, ...] = tuple(Scope)
_SCOPE_NAMES = frozenset(s.value for s in Scope)

# The root fields that manage webhooks: `webhooks`, not `read` or `write`.
WEBHOOK_FIELDS = frozenset(
    {
        "webhookSubscriptions",
        "createWebhookSubscription",
        "updateWebhookSubscription",
        "pauseWebhookSubscription",
        "resumeWebhookSubscription",
        "pingWebhookSubscription",
        "redeliverWebhookDelivery",
        "deleteWebhookSubscription",
    }
)


def parse_scopes(text: str) -> frozenset[Scope] | None:
    """A space-separated scope list (RFC 6749 3.3); None when it names one that is not a
    scope. Order and repeats do not matter."""
    names = text.split()
    if not set(names) <= _SCOPE_NAMES:
        return None
    return frozenset(Scope(n) for n in names)


def format_scopes(scopes: Iterable[Scope]) -> str:
    """Scopes as OAuth writes them: space-separated, in `SCOPES` order."""
    given = set(scopes)
    return " ".join(s.value for s in SCOPES if s in given)


def granted_scopes(requested: str | None, allowed: frozenset[Scope]) -> frozenset[Scope] | None:
    """What a token request gets (RFC 6749 3.3): without `scope`, all the client's own;
    with one, exactly those asked for when every one is the client's. None: `invalid_scope`."""
    if not requested:
        return allowed
    asked = parse_scopes(requested)
    if asked is None or not asked or not asked <= allowed:
        return None
    return asked


def scope_needed(operation: str, field: str) -> Scope | None:
    """The scope a root field of a GraphQL operation (`query`, `mutation`, `subscription`)
    needs: managing webhooks needs `webhooks`; any other mutation `write`; any other read
    `read`. Introspection (`__schema`, `__type`, `__typename`) needs none."""
    if field.startswith("__"):
        return None
    if field in WEBHOOK_FIELDS:
        return Scope.WEBHOOKS
    return Scope.WRITE if operation == "mutation" else Scope.READ


def has_scope(actor: Actor, scope: Scope | None) -> bool:
    """Whether the actor's token carries ``scope``: a person always (roles decide); a client
    when its token was granted it."""
    return scope is None or actor.scopes is None or scope in actor.scopes


def may_manage_integration_clients(
    actor: Actor, organisation_id: uuid.UUID | None, provider_id: uuid.UUID | None
) -> bool:
    """Integration clients of an organisation are its managers' to create, list, rotate and
    disable; a provider's, its caseworkers' (the provider's managing role); admins' too. People
    only: a client never mints or rotates credentials, its own or another's."""
    if actor.kind is not ActorKind.USER:
        return False
    if actor.is_admin:
        return True
    if organisation_id is not None:
        return actor.has_role(Role.ORG_MANAGER, organisation_id=organisation_id)
    if provider_id is not None:
        return actor.has_role(Role.PROVIDER_CASEWORKER, provider_id=provider_id)
    return False


def may_manage_outbox(actor: Actor) -> bool:
    """Dead letters hold addresses and mail of every case: admins only."""
    return actor.is_admin


# --- providers ------------------------------------------------------------------------------


def may_configure_provider_adapter(actor: Actor, provider_id: uuid.UUID) -> bool:
    """How Parley reaches a provider, and the secrets it signs with, are set by the provider's
    caseworkers (people, not integration clients: a client must not redirect the provider's
    referrals elsewhere) and admins."""
    if actor.is_admin:
        return True
    return actor.kind is ActorKind.USER and actor.has_role(
        Role.PROVIDER_CASEWORKER, provider_id=provider_id
    )


def may_link_external_person(provider_id: uuid.UUID, memberships: Iterable[Membership]) -> bool:
    """Whether a provider's callback may name an existing account (found by its e-mail
    address) as one of its people: only someone who already works for that provider. Anyone
    else (a consumer, another provider's neutral, an admin) is not the provider's to act as;
    an admin adds them to the provider first."""
    return any(m.provider_id == provider_id and m.role in PROVIDER_ROLES for m in memberships)


# --- administration -------------------------------------------------------------------------


def may_administer(actor: Actor) -> bool:
    """Creating, editing and retiring organisations, providers, schemes and their links is
    the installation admins' alone (issue 14): nobody in an organisation or a provider, and
    no auditor, sets up the parties they work for or watch."""
    return actor.is_admin


def may_read_admin_audit(actor: Actor) -> bool:
    """The admin audit log records changes to the installation's set-up (no case data, no
    secrets): admins, and auditors of any scope, who are there to check who changed what."""
    return actor.is_admin or actor.has_role(Role.AUDITOR)


# --- data protection (issue 19, D) ---------------------------------------------------------


def _self_or_admin(actor: Actor, user_id: uuid.UUID) -> bool:
    return actor.is_admin or (actor.kind is ActorKind.USER and actor.id == user_id)


def may_export_personal_data(actor: Actor, user_id: uuid.UUID) -> bool:
    """A subject-access export (GDPR Art. 15): the person, of their own data; an admin, for a
    person who asked on paper. Nobody else, staff and auditors included."""
    return _self_or_admin(actor, user_id)


def may_download_export(actor: Actor, user_id: uuid.UUID, requested_by_id: uuid.UUID) -> bool:
    """The export's person; and the admin who made it for them from a paper request."""
    if actor.kind is not ActorKind.USER:
        return False
    return actor.id == user_id or (actor.is_admin and actor.id == requested_by_id)


def may_request_erasure(actor: Actor, user_id: uuid.UUID) -> bool:
    """An erasure request (GDPR Art. 17): the person's own, or recorded by an admin."""
    return _self_or_admin(actor, user_id)


def may_view_erasure_request(actor: Actor, user_id: uuid.UUID) -> bool:
    """The person sees their own requests and how they stand; admins see every request."""
    return _self_or_admin(actor, user_id)


def may_decide_erasure(actor: Actor) -> bool:
    """Granting or refusing an erasure is the installation admins' (the controller's)."""
    return actor.is_admin


# --- teams (issue 14, 4) --------------------------------------------------------------------

# The roles a team offers, and the one that runs it: an organisation's managers; a provider's
# caseworkers, who also keep its profile and roster (`may_edit_provider`).
TEAM_ROLES: dict[str, frozenset[Role]] = {
    "organisation": ORGANISATION_ROLES,
    "provider": PROVIDER_ROLES,
}
TEAM_MANAGER: dict[str, Role] = {
    "organisation": Role.ORG_MANAGER,
    "provider": Role.PROVIDER_CASEWORKER,
}


def _team_grants(actor: Actor, kind: str, owner_id: uuid.UUID) -> list[Role]:
    return [
        g.role
        for g in actor.grants
        if g.role in TEAM_ROLES[kind]
        and (g.organisation_id if kind == "organisation" else g.provider_id) == owner_id
    ]


def may_see_team(actor: Actor, kind: str, owner_id: uuid.UUID) -> bool:
    """Whether the team is there for the actor at all: its members (people or clients) and
    admins. Anyone else is answered NOT_FOUND, as for a team that does not exist."""
    return actor.is_admin or bool(_team_grants(actor, kind, owner_id))


def may_manage_team(actor: Actor, kind: str, owner_id: uuid.UUID) -> bool:
    """Who invites, changes roles and removes members: the team's managers and admins, in
    person (an invitation is signed by a person; a client must not add people)."""
    if actor.kind is not ActorKind.USER:
        return False
    return actor.is_admin or TEAM_MANAGER[kind] in _team_grants(actor, kind, owner_id)


def keeps_a_manager(remaining_roles: Iterable[Role], kind: str) -> bool:
    """A team is never left without someone to run it: after a role change or a removal, at
    least one member still holds the manager role."""
    return TEAM_MANAGER[kind] in set(remaining_roles)


# --- fees (issue 20, deliverable 2; portal.fees) --------------------------------------------

# Who reads a case's fee invoices: its parties, the provider, auditors and admins. A neutral
# decides the dispute, not the fees: who paid or asked for a waiver is none of their business.
FEE_READERS = frozenset(
    {
        CaseRole.COMPLAINANT,
        CaseRole.REPRESENTATIVE,
        CaseRole.ORGANISATION,
        CaseRole.PROVIDER,
        CaseRole.AUDITOR,
        CaseRole.ADMIN,
    }
)


# The scope fee events are recorded in. No scope holds exactly FEE_READERS (the parties and
# the provider, without the neutral), and a waiver's request is for its side alone: so the
# provider's own; each party reads its invoices, waivers and payments through `caseFees`.
FEE_EVENT_SCOPE = Visibility.PROVIDER_INTERNAL


def may_read_fees(roles: frozenset[CaseRole]) -> bool:
    return bool(roles & FEE_READERS)


def fee_payer_role(roles: frozenset[CaseRole], payer: FeePayer) -> CaseRole | None:
    """The role in which the actor answers for ``payer``'s invoices (asks a waiver, pays by
    card); None when they do not."""
    return next((r for r in sorted(roles) if payer_of(r) is payer), None)


def may_read_fee_waiver(roles: frozenset[CaseRole], payer: FeePayer) -> bool:
    """A waiver's reasons and evidence (often about someone's means) are for the side that
    asked, the provider that decides, and auditors and admins; not for the other side."""
    return fee_payer_role(roles, payer) is not None or bool(
        roles & {CaseRole.PROVIDER, CaseRole.AUDITOR, CaseRole.ADMIN}
    )


def may_decide_fee_waiver(roles: frozenset[CaseRole]) -> bool:
    return CaseRole.PROVIDER in roles


def may_record_fee_payment(roles: frozenset[CaseRole]) -> bool:
    """A payment made outside the portal is recorded by the provider's staff."""
    return CaseRole.PROVIDER in roles


def acts_on_fees_in_person(actor: Actor) -> bool:
    """Asking for or deciding a waiver, recording a payment and paying by card are done by a
    person, never an integration client: the record names the person who asked, decided,
    recorded or paid (and a card is a person's)."""
    return actor.kind is ActorKind.USER


def may_set_fee_schedule(actor: Actor) -> bool:
    """Fee schedules are part of a scheme: set where schemes are set (`may_administer`)."""
    return may_administer(actor)


# --- issue 20, 3: a person's review of an automated step ---------------------------------------

# Whose review request is made as which role, when an actor holds several on a case.
_REVIEW_REQUESTERS = (CaseRole.COMPLAINANT, CaseRole.REPRESENTATIVE, CaseRole.ORGANISATION)


def automated_review_requester(roles: frozenset[CaseRole]) -> CaseRole | None:
    """The role in which someone asks a person to review an automated step on a case: the
    parties it affects (the complainant's side and the organisation, its staff and
    integration clients), or None for anyone else (the provider decides reviews, the neutral
    and auditors only read)."""
    return next((role for role in _REVIEW_REQUESTERS if role in roles), None)


def may_decide_automated_review(roles: frozenset[CaseRole]) -> bool:
    """Who decides a review of an automated step: whoever the transition table lets reverse
    it (its reversal row's roles: the provider's caseworkers on the case), since upholding
    and reversing are one decision. Asked of the table, not restated."""
    return bool(roles & TABLE[Action.REVERSE_AUTOMATED_DECISION].roles)


def automated_review_queue_filter(actor: Actor) -> Q:
    """The reviews of automated steps in ``actor``'s queue, as one condition on
    `automated_review`: those on the cases of the providers they are a caseworker of (the
    ones they decide, `may_decide_automated_review`); nothing for anyone else."""
    providers = [
        g.provider_id for g in actor.grants if g.role is Role.PROVIDER_CASEWORKER and g.provider_id
    ]
    if not providers:
        return Q(id__in=[])
    return Q(case__provider_id__in=providers)

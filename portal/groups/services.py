"""Linking cases and running groups (issue 20, deliverable 4; portal.groups.models).

Who may do what is `portal.auth.policy` (`may_run_case_groups`, `may_be_linked`,
`may_answer_group_consent`, `visible_case_groups_filter`); each step locks the rows it changes
and records, in the same transaction, an event on the timeline of every case it concerns, so
that each member's own timeline tells what happened in the group. The group's outcome goes to
every member through that member's own transition table (`propose_outcome`).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.expressions import Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from portal.auth import policy
from portal.auth.actor import Actor
from portal.casefiles.models import Document
from portal.casefiles.services import CaseFileAccess, access
from portal.cases.engine import now, perform
from portal.cases.errors import CaseError
from portal.cases.events import EventKind, record_step
from portal.cases.inputs import text
from portal.cases.models import DisputeCase, Outcome
from portal.cases.states import TERMINAL_STAGES, CaseRole
from portal.cases.transitions import Action
from portal.complaints.services import next_reference
from portal.groups.errors import GroupError, GroupNotFound, case_not_found
from portal.groups.models import CaseGroup, CaseLink, GroupConsent, GroupDocument, GroupMember
from portal.timeline.models import Visibility

GROUP_PREFIX = "GRP"
MAX_REASON = 2000
MAX_GROUP_CASES = 100
# Consent that makes (or, once answered, keeps) a case part of a group.
OPEN_CONSENT = (GroupConsent.ASKED, GroupConsent.GIVEN)


# --- reading ------------------------------------------------------------------------------


async def visible_groups(actor: Actor) -> QuerySet[CaseGroup]:
    """The groups the actor may see, as a query (newest first in the API's pages)."""
    return CaseGroup.filter(await policy.visible_case_groups_filter(actor))


async def group_for(actor: Actor, group_id: uuid.UUID) -> CaseGroup:
    """The group when the actor may see it; GroupNotFound otherwise."""
    group = await (await visible_groups(actor)).get_or_none(id=group_id)
    if group is None:
        raise GroupNotFound()
    return group


async def member_count(group_id: uuid.UUID) -> int:
    return await GroupMember.filter(group_id=group_id, consent=GroupConsent.GIVEN).count()


async def links_of(actor: Actor, case: DisputeCase) -> list[tuple[CaseLink, uuid.UUID]]:
    """The case's links with the other case's id, for whoever may see them
    (`policy.may_see_case_links`); empty for anyone else."""
    found = await access(actor, case)
    if not policy.may_see_case_links(found.roles, found.appointment):
        return []
    rows = await CaseLink.filter(Q(case_id=case.id) | Q(other_id=case.id)).order_by("created_at")
    return [(row, row.other_id if row.case_id == case.id else row.case_id) for row in rows]


async def membership_of(case_id: uuid.UUID) -> GroupMember | None:
    """The case's latest group row (asked, consented, refused or withdrawn)."""
    return await GroupMember.filter(case_id=case_id).order_by("-asked_at").first()


async def shareable_documents(actor: Actor, member: GroupMember) -> list[Document]:
    """The member case's current documents the actor may share with its group now, oldest
    first: none unless the group is formed, the case's consent stands, the case is open and
    the actor may share (`policy.may_share_with_group`, asked for each document's scope);
    never one already shared, nor one the actor may not read."""
    if member.consent is not GroupConsent.GIVEN:
        return []
    group = await CaseGroup.get(id=member.group_id)
    case = await DisputeCase.get(id=member.case_id)
    if group.formed_at is None or case.stage in TERMINAL_STAGES:
        return []
    if not policy.may_run_case_groups(actor, case.provider_id):
        return []
    found = await access(actor, case)
    shared = GroupDocument.filter(group_id=group.id).values_list("lineage_id", flat=True)
    rows = await (
        Document.filter(case_id=case.id, superseded_at__isnull=True, redacted_at__isnull=True)
        .exclude(lineage_id__in=list(await shared))
        .order_by("created_at", "id")
    )
    return [
        d
        for d in rows
        if d.visibility in found.readable
        and policy.may_share_with_group(actor, case.provider_id, d.visibility)
    ]


# --- locking and checking -----------------------------------------------------------------


async def _case(actor: Actor, case_id: uuid.UUID, field: str) -> tuple[DisputeCase, CaseFileAccess]:
    case = await DisputeCase.select_for_update().get_or_none(id=case_id)
    if case is None:
        raise case_not_found(field)
    found = await access(actor, case)
    if not found.roles:
        raise case_not_found(field)
    return case, found


async def _cases(
    actor: Actor, named: Sequence[tuple[uuid.UUID, str]]
) -> dict[uuid.UUID, DisputeCase]:
    """The cases, locked in id order (no two steps deadlock), then checked in the order
    named, so that the first one the actor may not see is the one the refusal names."""
    rows = {
        c.id: c
        for c in await DisputeCase.select_for_update()
        .filter(id__in=[pk for pk, _ in named])
        .order_by("id")
    }
    for pk, field in named:
        case = rows.get(pk)
        if case is None or not (await access(actor, case)).roles:
            raise case_not_found(field)
    return rows


def _runs(actor: Actor, case: DisputeCase) -> None:
    if not policy.may_run_case_groups(actor, case.provider_id):
        raise GroupError("FORBIDDEN", "Only the provider's caseworkers link cases and run groups.")


def _active(case: DisputeCase, field: str) -> None:
    if case.stage in TERMINAL_STAGES:
        raise GroupError("CASE_CLOSED", f"Case {case.reference} has ended.", field)


async def _locked_group(actor: Actor, group_id: uuid.UUID) -> CaseGroup:
    visible = await visible_groups(actor)
    group = await visible.select_for_update().get_or_none(id=group_id)
    if group is None:
        raise GroupNotFound()
    return group


async def _note(
    case: DisputeCase,
    kind: EventKind,
    at: datetime,
    actor: Actor,
    role: str,
    payload: dict[str, Any],
    visibility: Visibility = Visibility.ALL_PARTIES,
) -> None:
    """One event on one case's timeline; the case row is locked by the caller."""
    await record_step(
        case,
        kind,
        at=at,
        actor_id=actor.id,
        actor_role=role,
        payload=payload,
        visibility=visibility,
    )


def _about(group: CaseGroup) -> dict[str, Any]:
    return {"group_id": str(group.id), "group_reference": group.reference}


async def _member_cases(group: CaseGroup) -> list[tuple[GroupMember, DisputeCase]]:
    """The consenting members whose case is still open, and their cases, locked, in id order
    (no two steps deadlock). A member closed since (withdrawn, say) takes no further part:
    it would otherwise refuse the group's outcome for every other member."""
    members = await GroupMember.filter(group_id=group.id, consent=GroupConsent.GIVEN).order_by(
        "case_id"
    )
    cases = {
        c.id: c
        for c in await DisputeCase.select_for_update()
        .filter(id__in=[m.case_id for m in members])
        .order_by("id")
    }
    return [(m, cases[m.case_id]) for m in members if cases[m.case_id].stage not in TERMINAL_STAGES]


# --- links --------------------------------------------------------------------------------


async def link_cases(
    actor: Actor,
    case_id: uuid.UUID,
    other_id: uuid.UUID,
    reason: str,
    *,
    at: datetime | None = None,
) -> CaseLink:
    """Link two related cases (same organisation, same provider), with the reason; the link
    is recorded on both timelines, provider-internal."""
    at = at or now()
    reason = text({"reason": reason}, "reason", max_length=MAX_REASON)
    async with in_transaction():
        if case_id == other_id:
            raise GroupError("SAME_CASE", "A case is not linked to itself.", "other_case_id")
        cases = await _cases(actor, [(case_id, "case_id"), (other_id, "other_case_id")])
        case, other = cases[case_id], cases[other_id]
        _runs(actor, case)
        if not policy.may_be_linked(case, other):
            raise GroupError(
                "CASES_NOT_RELATED",
                "Only cases of the same organisation at the same provider can be linked.",
                "other_case_id",
            )
        _active(case, "case_id")
        _active(other, "other_case_id")
        first, second = sorted((case_id, other_id))
        a, b = cases[first], cases[second]
        if await CaseLink.exists(case_id=first, other_id=second):
            raise GroupError("ALREADY_LINKED", "The cases are already linked.", "other_case_id")
        link = await CaseLink.create(
            case_id=first, other_id=second, reason=reason, linked_by_id=actor.id, created_at=at
        )
        role = CaseRole.PROVIDER.value
        for this, that in ((a, b), (b, a)):
            await _note(
                this,
                EventKind.CASE_LINKED,
                at,
                actor,
                role,
                {
                    "other_case_id": str(that.id),
                    "other_reference": that.reference,
                    "reason": reason,
                },
                Visibility.PROVIDER_INTERNAL,
            )
    return link


# --- groups -------------------------------------------------------------------------------


async def ask_consent(
    actor: Actor,
    lead_case_id: uuid.UUID,
    case_ids: Sequence[uuid.UUID],
    *,
    at: datetime | None = None,
) -> CaseGroup:
    """Propose a group of the lead case and cases linked to it: each complainant is asked
    to consent; nothing is bundled before they do (`form`)."""
    at = at or now()
    others = list(dict.fromkeys(c for c in case_ids if c != lead_case_id))
    if not others:
        raise GroupError(
            "GROUP_TOO_SMALL", "A group needs at least one case besides the lead.", "case_ids"
        )
    if len(others) + 1 > MAX_GROUP_CASES:
        raise GroupError(
            "GROUP_TOO_LARGE", f"A group holds at most {MAX_GROUP_CASES} cases.", "case_ids"
        )
    async with in_transaction():
        ordered = sorted([lead_case_id, *others])
        cases = await _cases(
            actor, [(lead_case_id, "lead_case_id"), *((pk, "case_ids") for pk in others)]
        )
        lead = cases[lead_case_id]
        _runs(actor, lead)
        _active(lead, "lead_case_id")
        for pk in others:
            _active(cases[pk], "case_ids")
        linked = {
            row.other_id if row.case_id == lead.id else row.case_id
            for row in await CaseLink.filter(Q(case_id=lead.id) | Q(other_id=lead.id))
        }
        unlinked = [cases[pk].reference for pk in others if pk not in linked]
        if unlinked:
            raise GroupError(
                "NOT_LINKED",
                f"Link these cases to the lead case first: {', '.join(sorted(unlinked))}.",
                "case_ids",
            )
        busy = await GroupMember.filter(
            case_id__in=ordered, consent__in=OPEN_CONSENT, group__outcome_proposed_at__isnull=True
        ).values_list("case_id", flat=True)
        if busy:
            names = sorted(cases[pk].reference for pk in busy)  # type: ignore[index]
            raise GroupError(
                "ALREADY_IN_GROUP", f"Already in another group: {', '.join(names)}.", "case_ids"
            )
        group = await CaseGroup.create(
            reference=await next_reference(GROUP_PREFIX, at),
            organisation_id=lead.organisation_id,
            provider_id=lead.provider_id,
            lead_case_id=lead.id,
            created_by_id=actor.id,
            created_at=at,
        )
        for pk in ordered:
            await GroupMember.create(group_id=group.id, case_id=pk, asked_at=at)
            await _note(
                cases[pk],
                EventKind.GROUP_CONSENT_ASKED,
                at,
                actor,
                CaseRole.PROVIDER.value,
                {**_about(group), "lead": pk == lead.id},
            )
    return group


@dataclass(frozen=True)
class Answered:
    group: CaseGroup
    member: GroupMember


async def _member_for_complainant(
    actor: Actor, group_id: uuid.UUID, case_id: uuid.UUID
) -> tuple[CaseGroup, GroupMember, DisputeCase, CaseRole]:
    group = await _locked_group(actor, group_id)
    member = await GroupMember.get_or_none(group_id=group.id, case_id=case_id)
    if member is None:
        raise case_not_found("case_id")
    case, found = await _case(actor, case_id, "case_id")
    if not policy.may_answer_group_consent(actor, found.roles):
        raise GroupError(
            "FORBIDDEN", "Only the complainant (or their representative), in person, answers."
        )
    if group.outcome_proposed_at is not None:
        raise GroupError(
            "GROUP_OUTCOME_PROPOSED",
            "The group's outcome has been proposed: consent can no longer change; answer the "
            "outcome on your case.",
        )
    _active(case, "case_id")
    role = sorted(found.roles & {CaseRole.COMPLAINANT, CaseRole.REPRESENTATIVE})[0]
    return group, member, case, role


async def answer_consent(
    actor: Actor,
    group_id: uuid.UUID,
    case_id: uuid.UUID,
    consents: bool,
    *,
    at: datetime | None = None,
) -> Answered:
    """The complainant consents to (or refuses) their case being run in the group; a
    refusal or a withdrawal may be followed by consent, until the group's outcome."""
    at = at or now()
    async with in_transaction():
        group, member, case, role = await _member_for_complainant(actor, group_id, case_id)
        wanted = GroupConsent.GIVEN if consents else GroupConsent.REFUSED
        if member.consent is wanted or (not consents and member.consent is not GroupConsent.ASKED):
            raise GroupError(
                "ALREADY_ANSWERED",
                "Your answer is already recorded"
                + (
                    "; withdraw your consent instead."
                    if member.consent is GroupConsent.GIVEN
                    else "."
                ),
            )
        # One open group at a time (as asking checks): a case that refused this group may
        # have been asked into another since.
        if consents and (
            await GroupMember.filter(
                case_id=case.id, consent__in=OPEN_CONSENT, group__outcome_proposed_at__isnull=True
            )
            .exclude(group_id=group.id)
            .exists()
        ):
            raise GroupError(
                "ALREADY_IN_GROUP",
                "This case is asked into another group: answer or withdraw there first.",
                "case_id",
            )
        member.consent = wanted
        member.answered_at = at
        member.answered_by_id = actor.id
        joins = consents and group.formed_at is not None
        if joins:
            member.joined_at = at
        await member.save()
        kind = EventKind.GROUP_CONSENT_GIVEN if consents else EventKind.GROUP_CONSENT_REFUSED
        await _note(case, kind, at, actor, role.value, _about(group))
        if joins:
            await _note(
                case,
                EventKind.GROUP_JOINED,
                at,
                actor,
                role.value,
                {**_about(group), "member_count": await member_count(group.id)},
            )
    return Answered(group, member)


async def withdraw_consent(
    actor: Actor, group_id: uuid.UUID, case_id: uuid.UUID, *, at: datetime | None = None
) -> Answered:
    """The complainant withdraws their consent before the group's outcome: the case leaves
    the group (and its shared documents) and runs on alone."""
    at = at or now()
    async with in_transaction():
        group, member, case, role = await _member_for_complainant(actor, group_id, case_id)
        if member.consent is not GroupConsent.GIVEN:
            raise GroupError("NO_CONSENT_TO_WITHDRAW", "No consent of yours stands to withdraw.")
        member.consent = GroupConsent.WITHDRAWN
        member.answered_at = at
        member.answered_by_id = actor.id
        await member.save()
        await _note(case, EventKind.GROUP_CONSENT_WITHDRAWN, at, actor, role.value, _about(group))
        # Imported here: sessions read the groups' models, and groups call back only here.
        from portal.sessions.group import leave_group_sessions

        await leave_group_sessions(case, group.id, at, actor.id, role)
    return Answered(group, member)


async def form(actor: Actor, group_id: uuid.UUID, *, at: datetime | None = None) -> CaseGroup:
    """Form the group of the consenting complainants' cases: the lead's complainant and at
    least one other must have consented (no group without consent)."""
    at = at or now()
    async with in_transaction():
        group = await _locked_group(actor, group_id)
        lead = await DisputeCase.get(id=group.lead_case_id)
        _runs(actor, lead)
        if group.formed_at is not None:
            raise GroupError("GROUP_ALREADY_FORMED", "The group is already formed.")
        members = await _member_cases(group)
        if not any(case.id == group.lead_case_id for _, case in members):
            raise GroupError("CONSENT_MISSING", "The lead case's complainant has not consented.")
        if len(members) < 2:
            raise GroupError(
                "CONSENT_MISSING", "Another complainant besides the lead's must consent first."
            )
        group.formed_at = at
        await group.save(update_fields=["formed_at"])
        for member, case in members:
            member.joined_at = at
            await member.save(update_fields=["joined_at"])
            await _note(
                case,
                EventKind.GROUP_FORMED,
                at,
                actor,
                CaseRole.PROVIDER.value,
                {
                    **_about(group),
                    "lead_case_id": str(group.lead_case_id),
                    "member_count": len(members),
                },
            )
    return group


async def formed_group(
    actor: Actor, group_id: uuid.UUID
) -> tuple[CaseGroup, list[tuple[GroupMember, DisputeCase]]]:
    """The formed group the actor may see, locked, and its open members' cases, locked in id
    order; GROUP_NOT_FORMED before it is formed. The caller owns the transaction."""
    group = await _locked_group(actor, group_id)
    if group.formed_at is None:
        raise GroupError("GROUP_NOT_FORMED", "Form the group first.")
    return group, await _member_cases(group)


async def share_document(
    actor: Actor, group_id: uuid.UUID, document_id: uuid.UUID, *, at: datetime | None = None
) -> GroupDocument:
    """Share a member case's document with the group: every member's case file lists it, in
    the scope it was posted in, to whoever reads that scope there."""
    at = at or now()
    async with in_transaction():
        group, members = await formed_group(actor, group_id)
        lead = await DisputeCase.get(id=group.lead_case_id)
        _runs(actor, lead)
        document = await Document.get_or_none(id=document_id, superseded_at__isnull=True)
        cases = {case.id: case for _, case in members}
        if document is None or document.case_id not in cases:
            raise GroupError("NOT_FOUND", "No such document in a member case.", "document_id")
        found = await access(actor, cases[document.case_id])
        if document.visibility not in found.readable:
            raise GroupError("NOT_FOUND", "No such document in a member case.", "document_id")
        if not policy.may_share_with_group(actor, lead.provider_id, document.visibility):
            raise GroupError(
                "SCOPE_NOT_ALLOWED",
                "A caucus belongs to one case: its documents are not shared.",
                "document_id",
            )
        if await GroupDocument.exists(group_id=group.id, lineage_id=document.lineage_id):
            raise GroupError("ALREADY_SHARED", "The document is already shared.", "document_id")
        shared = await GroupDocument.create(
            group_id=group.id,
            case_id=document.case_id,
            lineage_id=document.lineage_id,
            shared_by_id=actor.id,
            shared_at=at,
        )
        payload = {
            **_about(group),
            "document_id": str(document.id),
            "lineage_id": str(document.lineage_id),
            "version": document.version,
            "filename": document.filename,
            "sha256": document.sha256,
            "size": document.size,
            "content_type": document.content_type,
        }
        for _, case in members:
            await _note(
                case,
                EventKind.GROUP_DOCUMENT_SHARED,
                at,
                actor,
                CaseRole.PROVIDER.value,
                payload,
                document.visibility,
            )
    return shared


async def propose_outcome(
    actor: Actor,
    group_id: uuid.UUID,
    data: Mapping[str, Any],
    *,
    at: datetime | None = None,
) -> CaseGroup:
    """One outcome to every member, through each member's own transition table: the
    `issue_outcome` row, once per member, as ``actor`` (the neutral appointed to each). All
    members or none: a refusal on one case refuses the group's proposal, naming the case.
    Each complainant then accepts or rejects it on their own case."""
    at = at or now()
    async with in_transaction():
        group, members = await formed_group(actor, group_id)
        if group.outcome_proposed_at is not None:
            raise GroupError("GROUP_OUTCOME_PROPOSED", "The group's outcome is already proposed.")
        for _, case in members:
            try:
                await perform(actor, case.id, Action.ISSUE_OUTCOME, data, at=at)
            except CaseError as exc:
                if exc.code == "NOT_FOUND":
                    # A member case the actor may not see is not named to them.
                    raise GroupError(
                        "FORBIDDEN", "Your role on the group's cases does not allow that action."
                    ) from exc
                raise GroupError(
                    exc.code,
                    f"Case {case.reference}: {exc.message}",
                    exc.field,
                    limit=exc.limit,
                    actual=exc.actual,
                ) from exc
        group.outcome_proposed_at = at
        await group.save(update_fields=["outcome_proposed_at"])
        for _, case in members:
            # The case row as the engine left it (its chain's head moved).
            fresh = await DisputeCase.get(id=case.id)
            outcome = (
                await Outcome.filter(case_id=case.id, superseded_at__isnull=True)
                .order_by("-issued_at")
                .first()
            )
            assert outcome is not None
            await _note(
                fresh,
                EventKind.GROUP_OUTCOME_PROPOSED,
                at,
                actor,
                CaseRole.NEUTRAL.value,
                {**_about(group), "outcome_id": str(outcome.id), "member_count": len(members)},
            )
    return group

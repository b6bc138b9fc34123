"""The access matrix's rows for linked and group cases (issue 20, deliverable 4): the
provider's caseworkers link, ask, form and share; the complainant's side answers in person;
the neutral of every member proposes the group's outcome; anyone who sees a member case sees
the group. Each row prepares fresh cases of the side's complainant (the world's own case is
left alone)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from portal.cases.models import DisputeCase
from portal.cases.states import Stage
from portal.groups.models import CaseGroup, CaseLink, GroupConsent, GroupMember
from tests.access_matrix_rules import ON_CASE, PROVIDER_SIDE, P, Rule
from tests.access_matrix_table import (
    LISTED,
    NODE,
    NULL,
    PAGE,
    UE,
    Row,
    inputs,
    key,
    mutation,
)
from tests.access_matrix_world import Me, Side, Target, gid

# Fresh cases have no neutral: the world's neutral holds no role on them, nor on the group.
NOT_NEUTRAL = ON_CASE - {P.NEUTRAL}
RUNNERS = {"may": PROVIDER_SIDE, "sees": NOT_NEUTRAL - PROVIDER_SIDE, "hidden": "ue:NOT_FOUND"}
COMPLAINANT_SIDE = frozenset({P.COMPLAINANT, P.REPRESENTATIVE})
ANSWERERS = {
    "may": COMPLAINANT_SIDE,
    "sees": NOT_NEUTRAL - COMPLAINANT_SIDE,
    "hidden": "ue:NOT_FOUND",
}


async def _pair(side: Side, stage: Stage) -> tuple[DisputeCase, DisputeCase]:
    return await side.case_at(stage), await side.case_at(stage)


def _ids(case: DisputeCase, other: DisputeCase) -> Target:
    return {"case": gid("DisputeCase", case.id), "other": gid("DisputeCase", other.id)}


async def _unlinked(side: Side | None, me: Me) -> Target:
    if side is None:
        return {}
    return _ids(*await _pair(side, Stage.REFERRED))


async def _linked_pair(side: Side, stage: Stage) -> tuple[DisputeCase, DisputeCase]:
    case, other = await _pair(side, stage)
    first, second = sorted((case.id, other.id))
    await CaseLink.create(
        case_id=first,
        other_id=second,
        reason="Same cause.",
        linked_by_id=side.w.caseworker.id,
        created_at=datetime.now(UTC),
    )
    return case, other


async def _linked(side: Side | None, me: Me) -> Target:
    if side is None:
        return {}
    return _ids(*await _linked_pair(side, Stage.REFERRED))


async def _group(side: Side, stage: Stage, consent: GroupConsent, formed: bool) -> Target:
    """Two linked cases of the side's complainant, asked into a group (rows written as the
    services would; tests/test_case_groups.py drives the services themselves)."""
    case, other = await _linked_pair(side, stage)
    at = datetime.now(UTC)
    group = await CaseGroup.create(
        reference=f"GRP-T-{case.id.hex[:12]}",
        organisation_id=side.w.organisation.id,
        provider_id=side.w.provider.id,
        lead_case_id=case.id,
        created_by_id=side.w.caseworker.id,
        created_at=at,
        formed_at=at if formed else None,
    )
    for member in (case, other):
        await GroupMember.create(
            group_id=group.id,
            case_id=member.id,
            consent=consent,
            asked_at=at,
            answered_at=None if consent is GroupConsent.ASKED else at,
            joined_at=at if formed else None,
        )
    return {
        **_ids(case, other),
        "case_uuid": case.id,
        "group": gid("CaseGroup", group.id),
    }


async def _asked(side: Side | None, me: Me) -> Target:
    if side is None:
        return {}
    return await _group(side, Stage.REFERRED, GroupConsent.ASKED, formed=False)


async def _consented(side: Side | None, me: Me) -> Target:
    if side is None:
        return {}
    return await _group(side, Stage.REFERRED, GroupConsent.GIVEN, formed=False)


async def _formed_with_document(side: Side | None, me: Me) -> Target:
    if side is None:
        return {}
    target = await _group(side, Stage.REFERRED, GroupConsent.GIVEN, formed=True)
    return {**target, "group_document": await side.document(target["case_uuid"])}


async def _formed_in_resolution(side: Side | None, me: Me) -> Target:
    if side is None:
        return {}
    return await _group(side, Stage.IN_RESOLUTION, GroupConsent.GIVEN, formed=True)


GROUP_ROWS = [
    Row(
        "linkCases",
        Rule(**RUNNERS),  # type: ignore[arg-type]
        mutation("linkCases", f"link {{ id }} {UE}"),
        inputs(caseId=key("case"), otherCaseId=key("other"), reason=lambda t, me: "Same cause."),
        prepare=_unlinked,
        prepare_each=True,
    ),
    Row(
        "askGroupConsent",
        Rule(**RUNNERS),  # type: ignore[arg-type]
        mutation("askGroupConsent", f"group {{ id }} {UE}"),
        lambda t, me: {"input": {"leadCaseId": t["case"], "caseIds": [t["other"]]}},
        prepare=_linked,
        prepare_each=True,
    ),
    Row(
        "answerGroupConsent",
        Rule(**ANSWERERS),  # type: ignore[arg-type]
        mutation("answerGroupConsent", f"membership {{ consent }} {UE}"),
        inputs(groupId=key("group"), caseId=key("case"), consents=lambda t, me: True),
        prepare=_asked,
        prepare_each=True,
    ),
    Row(
        "withdrawGroupConsent",
        Rule(**ANSWERERS),  # type: ignore[arg-type]
        mutation("withdrawGroupConsent", f"membership {{ consent }} {UE}"),
        inputs(groupId=key("group"), caseId=key("case")),
        prepare=_consented,
        prepare_each=True,
    ),
    Row(
        "formCaseGroup",
        Rule(**RUNNERS),  # type: ignore[arg-type]
        mutation("formCaseGroup", f"group {{ id }} {UE}"),
        inputs(groupId=key("group")),
        prepare=_consented,
        prepare_each=True,
    ),
    Row(
        "shareGroupDocument",
        Rule(**RUNNERS),  # type: ignore[arg-type]
        mutation("shareGroupDocument", f"group {{ id }} {UE}"),
        inputs(groupId=key("group"), documentId=key("group_document")),
        prepare=_formed_with_document,
        prepare_each=True,
    ),
    Row(
        "proposeGroupOutcome",
        # Through each member's `issueOutcome` row: its neutral (appointed to both cases);
        # everyone else who sees the group is refused by the table.
        Rule(
            may=frozenset({P.NEUTRAL}),
            sees=ON_CASE - {P.NEUTRAL},
            hidden="ue:NOT_FOUND",
        ),
        mutation("proposeGroupOutcome", f"group {{ id }} {UE}"),
        inputs(groupId=key("group"), summary=lambda t, me: "60", reasons=lambda t, me: "Why."),
        prepare=_formed_in_resolution,
    ),
    Row(
        "proposeGroupSession",
        # A session of every member case: their neutral (appointed to both), or the provider
        # for one with all parties; the parties see the group and are refused.
        Rule(
            may=PROVIDER_SIDE | {P.NEUTRAL},
            sees=ON_CASE - PROVIDER_SIDE - {P.NEUTRAL},
            hidden="ue:NOT_FOUND",
        ),
        mutation("proposeGroupSession", f"sessions {{ id }} {UE}"),
        inputs(
            groupId=key("group"),
            kind=lambda t, me: "HEARING",
            visibility=lambda t, me: "ALL_PARTIES",
            slots=lambda t, me: [(datetime.now(UTC) + timedelta(days=3)).isoformat()],
            durationMinutes=lambda t, me: 60,
            agenda=lambda t, me: "The outage.",
            link=lambda t, me: "https://meet.example.org/g",
        ),
        prepare=_formed_in_resolution,
    ),
    Row(
        "caseGroups",
        Rule(may=NOT_NEUTRAL, **LISTED),  # type: ignore[arg-type]
        f"query Q {{ caseGroups(first: 100) {{ {PAGE} }} }}",
        list_key="group",
        prepare=_asked,
    ),
    Row(
        "node",
        Rule(may=NOT_NEUTRAL, hidden=NULL),
        NODE,
        lambda t, me: {"id": t["group"]},
        label="group",
        prepare=_asked,
    ),
]

"""Linked and group cases (issue 20, deliverable 4): links within one organisation at one
provider, each complainant's recorded consent (no group without it, withdrawable until the
group's outcome), one outcome proposed to every member through its own transition table and
answered by each complainant on their own case, shared documents under the case-file rules,
and who may see and do what."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from starlette.applications import Starlette

from portal.accounts.models import Organisation, Role
from portal.auth.keys import load_keyset
from portal.casefiles import services as casefiles
from portal.casefiles.bundle import DOCUMENTS, write_bundle
from portal.casefiles.bundle_check import check_bundle
from portal.casefiles.errors import DocumentNotFound
from portal.casefiles.storage import storage_of
from portal.cases.models import DisputeCase, OrganisationProvider
from portal.cases.services import Action
from portal.cases.states import ClosureReason, Stage
from portal.feedback.periods import Period
from portal.feedback.review import management_review
from portal.groups.models import CaseGroup, CaseLink, GroupConsent, GroupMember
from portal.settings import Settings
from portal.timeline.models import TimelineEvent, Visibility
from portal.timeline.services import verify
from tests import samples
from tests.factories import (
    NOTICE_READ,
    Factory,
    World,
    actor_for,
    delivered_mails,
    mail_text,
    quick_world,
)
from tests.group_support import members_in_resolution, of, referred
from tests.test_api_support import call, case_id, token_for

UE = "userErrors { field code message }"
GROUP_FIELDS = "id reference memberCount formedAt outcomeProposedAt"
LINK = f"""
mutation L($input: LinkCasesInput!) {{
  linkCases(input: $input) {{ link {{ id reason otherCase {{ id }} }} {UE} }}
}}"""
ASK = f"""
mutation A($input: AskGroupConsentInput!) {{
  askGroupConsent(input: $input) {{ group {{ {GROUP_FIELDS} }} {UE} }}
}}"""
ANSWER = f"""
mutation C($input: AnswerGroupConsentInput!) {{
  answerGroupConsent(input: $input) {{ membership {{ consent answeredAt joinedAt }} {UE} }}
}}"""
WITHDRAW = f"""
mutation W($input: WithdrawGroupConsentInput!) {{
  withdrawGroupConsent(input: $input) {{ membership {{ consent answeredAt }} {UE} }}
}}"""
FORM = f"""
mutation F($input: FormCaseGroupInput!) {{
  formCaseGroup(input: $input) {{ group {{ {GROUP_FIELDS} }} {UE} }}
}}"""
SHARE = f"""
mutation S($input: ShareGroupDocumentInput!) {{
  shareGroupDocument(input: $input) {{ group {{ id }} {UE} }}
}}"""
PROPOSE = f"""
mutation P($input: ProposeGroupOutcomeInput!) {{
  proposeGroupOutcome(input: $input) {{ group {{ {GROUP_FIELDS} }} {UE} }}
}}"""
GROUPS = """
query G { caseGroups(first: 10) { totalCount edges { node {
  id reference memberCount leadCase { id } memberships { consent case { id } }
} } } }"""
CASE = """
query C($id: ID!) { case(id: $id) {
  stage
  groupMembership { consent group { reference memberCount } }
  caseLinks { reason otherCase { id } }
  documents(first: 20) { edges { node { id filename visibility } } }
} }"""


def fast(factory: Factory) -> Factory:
    return Factory(factory.settings, passwords=False)


async def mutate(client: httpx.AsyncClient, token: str, query: str, **input: Any) -> dict[str, Any]:
    body = await call(client, token, query, {"input": input})
    assert "errors" not in body, body
    (payload,) = body["data"].values()
    assert isinstance(payload, dict)
    return payload


async def ok(client: httpx.AsyncClient, token: str, query: str, **input: Any) -> dict[str, Any]:
    payload = await mutate(client, token, query, **input)
    assert payload["userErrors"] == [], payload
    return payload


def refusal(payload: dict[str, Any]) -> str:
    return str(payload["userErrors"][0]["code"])


async def kinds(case: DisputeCase) -> list[str]:
    return list(
        await TimelineEvent.filter(case_id=case.id)
        .order_by("sequence")
        .values_list("kind", flat=True)  # type: ignore[arg-type]
    )


async def state(*cases: DisputeCase) -> tuple[Any, ...]:
    """What a refused step must leave alone: stages, chains and the group rows."""
    rows = [await DisputeCase.get(id=c.id) for c in cases]
    members = await GroupMember.all().order_by("id").values_list("consent", "joined_at")
    groups = await CaseGroup.all().order_by("id").values_list("formed_at", "outcome_proposed_at")
    return (
        [(r.stage, r.last_sequence, r.head_hash) for r in rows],
        members,
        groups,
        await CaseLink.all().count(),
    )


async def grouped(
    client: httpx.AsyncClient, app: Starlette, w: World, lead: DisputeCase, *others: DisputeCase
) -> str:
    """The provider links each case to the lead and asks their complainants: the group's id."""
    worker = await token_for(app, w.caseworker)
    for other in others:
        await ok(
            client,
            worker,
            LINK,
            caseId=case_id(lead),
            otherCaseId=case_id(other),
            reason="The same outage in March.",
        )
    payload = await ok(
        client, worker, ASK, leadCaseId=case_id(lead), caseIds=[case_id(o) for o in others]
    )
    return str(payload["group"]["id"])


async def consent(
    client: httpx.AsyncClient, app: Starlette, w: World, group: str, case: DisputeCase, yes: bool
) -> dict[str, Any]:
    token = await token_for(app, w.complainant)
    return await mutate(client, token, ANSWER, groupId=group, caseId=case_id(case), consents=yes)


async def formed_group(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, count: int
) -> tuple[World, list[tuple[World, DisputeCase]], str]:
    """``count`` cases in resolution with the same neutral, each complainant consenting
    through the API, the group formed: the world, the members and the group's id."""
    w = await quick_world(factory)
    members = await members_in_resolution(w, fast(factory), count)
    group = await grouped(client, app, w, *(case for _, case in members))
    for mine, case in members:
        answered = await consent(client, app, mine, group, case, True)
        assert answered["userErrors"] == []
        assert answered["membership"]["consent"] == "GIVEN"
    formed = await ok(client, await token_for(app, w.caseworker), FORM, groupId=group)
    assert formed["group"]["memberCount"] == count
    assert formed["group"]["formedAt"]
    return w, members, group


async def propose(
    client: httpx.AsyncClient, app: Starlette, w: World, group: str, **more: Any
) -> dict[str, Any]:
    """The world's neutral proposes one outcome to the group: the payload, refused or not."""
    token = await token_for(app, w.neutral)
    return await mutate(
        client, token, PROPOSE, groupId=group, summary="Refund", reasons="Why.", **more
    )


# --- the group's outcome --------------------------------------------------------------------


async def test_group_outcome_accepted_by_some_rejected_by_others_leaves_each_in_its_stage(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    # Given three complainants' cases in resolution with the same neutral, grouped with consent
    w, members, group = await formed_group(client, app, factory, 3)
    (w1, c1), (w2, c2), (w3, c3) = members

    # When the neutral proposes one outcome to the group
    proposed = await propose(client, app, w, group, amount="60.00")
    assert proposed["userErrors"] == []
    assert proposed["group"]["outcomeProposedAt"]
    for case in (c1, c2, c3):
        assert (await DisputeCase.get(id=case.id)).stage is Stage.OUTCOME_PROPOSED

    # and each complainant answers on their own case, through its own transition table
    await w1.act(w1.complainant, c1, Action.ACCEPT_OUTCOME, **NOTICE_READ)
    await w1.act(w1.agent, c1, Action.ACCEPT_OUTCOME, **NOTICE_READ)
    await w2.act(w2.complainant, c2, Action.REJECT_OUTCOME, reasons="Too little for me.")
    await w3.act(w3.complainant, c3, Action.ACCEPT_OUTCOME, **NOTICE_READ)

    # Then each case stands where its own answers put it
    one, two, three = [await DisputeCase.get(id=c.id) for c in (c1, c2, c3)]
    assert one.stage is Stage.IMPLEMENTATION
    assert two.stage is Stage.CLOSED
    assert two.closure_reason is ClosureReason.OUTCOME_REJECTED
    assert three.stage is Stage.OUTCOME_PROPOSED  # the organisation has not answered yet
    # and every member's own timeline tells what happened in the group, its chain intact
    for case in (one, two, three):
        recorded = await kinds(case)
        for kind in (
            "case_linked",
            "group_consent_asked",
            "group_consent_given",
            "group_formed",
            "outcome_issued",
            "group_outcome_proposed",
        ):
            assert kind in recorded, (case.reference, kind)
        assert recorded.index("outcome_issued") < recorded.index("group_outcome_proposed")
        assert (await verify(case)).ok
    assert (await kinds(one)).count("case_linked") == 2  # the lead is linked to both
    # The organisation's management review names the group with its members
    review = await management_review(
        await actor_for(w.manager),
        w.organisation.id,
        Period(datetime.now(UTC) - timedelta(days=1), datetime.now(UTC) + timedelta(days=1)),
        systemic_threshold=3,
    )
    group_row = await CaseGroup.get()
    assert [(t.key, t.count) for t in review.case_groups] == [(group_row.reference, 3)]


async def test_group_outcome_is_all_members_or_none(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    # Given a formed group of two cases whose second case has another neutral
    w, ((_, c1), (_, c2)), group = await formed_group(client, app, factory, 2)
    other_neutral = await fast(factory).user(Role.NEUTRAL, provider=w.provider)
    await w.act(w.caseworker, c2, Action.REMOVE_NEUTRAL, reasons="Unavailable.")
    c2 = await DisputeCase.get(id=c2.id)
    await w.act(w.caseworker, c2, Action.APPOINT_NEUTRAL, neutral_id=other_neutral.id)
    before = await state(c1, c2)

    # When the first case's neutral proposes the group's outcome
    refused = await propose(client, app, w, group)

    # Then the second case's table refuses them (without naming a case they may not see),
    # and neither case has an outcome
    assert refusal(refused) == "FORBIDDEN"
    assert c2.reference not in refused["userErrors"][0]["message"]
    assert await state(c1, c2) == before


async def test_a_member_withdrawn_since_takes_no_part_in_the_group_outcome(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    # Given a formed group of three, one of whose complainants then withdrew their case
    w, members, group = await formed_group(client, app, factory, 3)
    (_, c1), (w2, c2), (_, c3) = members
    await w2.act(w2.complainant, c2, Action.WITHDRAW, reason="Refund received.")

    # When the neutral proposes the group's outcome
    proposed = await propose(client, app, w, group)

    # Then the open members get it, and the withdrawn case stays as it was
    assert proposed["userErrors"] == []
    assert (await DisputeCase.get(id=c1.id)).stage is Stage.OUTCOME_PROPOSED
    assert (await DisputeCase.get(id=c3.id)).stage is Stage.OUTCOME_PROPOSED
    assert (await DisputeCase.get(id=c2.id)).stage is Stage.WITHDRAWN


# --- consent --------------------------------------------------------------------------------


async def test_no_group_without_consent(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    # Given a lead and two linked cases whose complainants were asked
    w = await quick_world(factory)
    (w1, c1), (w2, c2), (w3, c3) = await members_in_resolution(w, fast(factory), 3)
    group = await grouped(client, app, w, c1, c2, c3)
    worker = await token_for(app, w.caseworker)

    # When only the lead's complainant consented, the group cannot be formed
    await consent(client, app, w1, group, c1, True)
    before = await state(c1, c2, c3)
    assert refusal(await mutate(client, worker, FORM, groupId=group)) == "CONSENT_MISSING"
    assert await state(c1, c2, c3) == before

    # and another's refusal, recorded with its time, keeps their case out of it
    refused = await consent(client, app, w3, group, c3, False)
    assert refused["membership"]["consent"] == "REFUSED"
    assert refused["membership"]["answeredAt"]
    assert refusal(await mutate(client, worker, FORM, groupId=group)) == "CONSENT_MISSING"

    # Then with a second consent it forms of the consenting cases only
    await consent(client, app, w2, group, c2, True)
    formed = await ok(client, worker, FORM, groupId=group)
    assert formed["group"]["memberCount"] == 2
    assert (await propose(client, app, w, group))["userErrors"] == []
    assert (await DisputeCase.get(id=c3.id)).stage is Stage.IN_RESOLUTION
    assert "group_formed" not in await kinds(c3)
    assert "group_consent_refused" in await kinds(c3)


async def test_consent_is_withdrawable_until_the_group_outcome(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    # Given a formed group of three
    w, members, group = await formed_group(client, app, factory, 3)
    (_, c1), (w2, c2), (w3, c3) = members

    # When one complainant withdraws before the outcome
    withdrawn = await ok(
        client, await token_for(app, w3.complainant), WITHDRAW, groupId=group, caseId=case_id(c3)
    )
    assert withdrawn["membership"]["consent"] == "WITHDRAWN"

    # Then the outcome goes to the two others only
    proposed = await propose(client, app, w, group)
    assert proposed["userErrors"] == []
    assert proposed["group"]["memberCount"] == 2
    assert (await DisputeCase.get(id=c3.id)).stage is Stage.IN_RESOLUTION
    assert "group_consent_withdrawn" in await kinds(c3)
    # and after it, consent no longer changes
    token = await token_for(app, w2.complainant)
    before = await state(c1, c2, c3)
    late = await mutate(client, token, WITHDRAW, groupId=group, caseId=case_id(c2))
    assert refusal(late) == "GROUP_OUTCOME_PROPOSED"
    assert await state(c1, c2, c3) == before


async def test_consent_after_formation_joins_the_group(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    (w1, c1), (w2, c2), (w3, c3) = await members_in_resolution(w, fast(factory), 3)
    group = await grouped(client, app, w, c1, c2, c3)
    await consent(client, app, w1, group, c1, True)
    await consent(client, app, w2, group, c2, True)
    await ok(client, await token_for(app, w.caseworker), FORM, groupId=group)

    joined = await consent(client, app, w3, group, c3, True)

    assert joined["membership"]["joinedAt"]
    assert (await kinds(c3))[-2:] == ["group_consent_given", "group_joined"]
    assert await GroupMember.filter(consent=GroupConsent.GIVEN).count() == 3


# --- who may do and see what ----------------------------------------------------------------


async def test_only_the_provider_links_and_only_within_one_organisation(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    (w1, c1), (_w2, c2) = [await referred(w, fast(factory)) for _ in range(2)]
    # Another organisation at the same provider, and another organisation at another one.
    organisation = await Organisation.create(slug="other-org", name="Other", country="DE")
    await OrganisationProvider.create(
        organisation=organisation, provider=w.provider, scheme=w.scheme
    )
    same_provider = of(w, await fast(factory).user())
    same_provider.organisation = organisation
    c3 = await same_provider.new_case()
    away = await quick_world(factory)
    c4 = await away.new_case()
    before = await state(c1, c2, c3, c4)

    def link(other: DisputeCase) -> dict[str, Any]:
        return {"caseId": case_id(c1), "otherCaseId": case_id(other), "reason": "Same cause."}

    answers = {}
    for name, user in (
        ("complainant", w1.complainant),
        ("agent", w.agent),
        ("manager", w.manager),
        ("neutral", w.neutral),
        ("auditor", w.auditor),
        ("other caseworker", away.caseworker),
    ):
        payload = await mutate(client, await token_for(app, user), LINK, **link(c2))
        answers[name] = refusal(payload)
    worker = await token_for(app, w.caseworker)
    answers["across organisations"] = refusal(await mutate(client, worker, LINK, **link(c3)))
    answers["across providers"] = refusal(await mutate(client, worker, LINK, **link(c4)))
    answers["to itself"] = refusal(await mutate(client, worker, LINK, **link(c1)))

    assert answers == {
        "complainant": "NOT_FOUND",  # the other case is another complainant's
        "agent": "FORBIDDEN",
        "manager": "FORBIDDEN",
        "neutral": "NOT_FOUND",  # not appointed to the case: it is not theirs to see
        "auditor": "FORBIDDEN",
        "other caseworker": "NOT_FOUND",
        "across organisations": "CASES_NOT_RELATED",
        "across providers": "NOT_FOUND",
        "to itself": "SAME_CASE",
    }
    assert await state(c1, c2, c3, c4) == before
    # The provider links; a second link of the same pair, either way round, is refused.
    await ok(client, worker, LINK, **link(c2))
    again = {"caseId": case_id(c2), "otherCaseId": case_id(c1), "reason": "Again."}
    assert refusal(await mutate(client, worker, LINK, **again)) == "ALREADY_LINKED"


async def test_each_complainant_is_asked_by_mail(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await quick_world(factory)
    (w1, c1), (w2, c2) = [await referred(w, fast(factory)) for _ in range(2)]
    await grouped(client, app, w, c1, c2)

    mails = await delivered_mails(settings, tmp_path)

    asked = {
        str(m["To"]): mail_text(m)
        for m in mails
        if "be handled with related cases" in str(m["Subject"])
    }
    assert sorted(asked) == sorted([w1.complainant.email, w2.complainant.email])
    group = await CaseGroup.get()
    assert all(group.reference in text for text in asked.values())
    assert all("/cases/" in text for text in asked.values())


async def test_who_sees_groups_and_links(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    # Given a group of two cases, asked
    w = await quick_world(factory)
    (w1, c1), (w2, c2) = [await referred(w, fast(factory)) for _ in range(2)]
    group = await grouped(client, app, w, c1, c2)
    away = await quick_world(factory)

    async def seen(user: Any) -> Any:
        body = await call(client, await token_for(app, user), GROUPS)
        assert "errors" not in body, body
        return body["data"]["caseGroups"]

    # The provider and the organisation see the group and every membership
    for user in (w.caseworker, w.agent, w.manager, w.auditor):
        found = await seen(user)
        assert found["totalCount"] == 1
        node = found["edges"][0]["node"]
        assert node["id"] == group
        assert len(node["memberships"]) == 2
        assert node["leadCase"] == {"id": case_id(c1)}
    # A complainant sees the group their case is asked into, and only their own case in it
    mine = (await seen(w2.complainant))["edges"][0]["node"]
    assert mine["leadCase"] is None
    assert mine["memberships"] == [{"consent": "ASKED", "case": {"id": case_id(c2)}}]
    # Nobody of another organisation or provider sees it, by list or by id
    node_query = "query N($id: ID!) { node(id: $id) { id } }"
    for user in (away.caseworker, away.agent, away.complainant):
        assert (await seen(user))["totalCount"] == 0
        body = await call(client, await token_for(app, user), node_query, {"id": group})
        assert body["data"]["node"] is None
    # Links are the provider's: the parties' case pages show none
    for user, case, count in (
        (w.caseworker, c1, 1),
        (w.agent, c1, 0),
        (w1.complainant, c1, 0),
        (w2.complainant, c2, 0),
    ):
        body = await call(client, await token_for(app, user), CASE, {"id": case_id(case)})
        page = body["data"]["case"]
        assert len(page["caseLinks"]) == count, user
        assert page["groupMembership"]["consent"] == "ASKED"


async def test_only_the_complainant_side_answers_and_only_the_provider_forms(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    (w1, c1), (w2, c2) = [await referred(w, fast(factory)) for _ in range(2)]
    group = await grouped(client, app, w, c1, c2)
    before = await state(c1, c2)
    answers = {}
    for name, user in (
        ("caseworker", w.caseworker),
        ("agent", w.agent),
        ("other complainant", w2.complainant),
        ("stranger", (await quick_world(factory)).complainant),
    ):
        payload = await mutate(
            client,
            await token_for(app, user),
            ANSWER,
            groupId=group,
            caseId=case_id(c1),
            consents=True,
        )
        answers[name] = refusal(payload)
    assert answers == {
        "caseworker": "FORBIDDEN",
        "agent": "FORBIDDEN",
        "other complainant": "NOT_FOUND",  # sees the group (their case), not this case
        "stranger": "NOT_FOUND",
    }
    for user in (w.agent, w1.complainant, w.neutral):
        payload = await mutate(client, await token_for(app, user), FORM, groupId=group)
        assert refusal(payload) == "FORBIDDEN" or refusal(payload) == "NOT_FOUND"
    assert await state(c1, c2) == before


# --- shared documents -----------------------------------------------------------------------


async def _upload(
    settings: Settings, w: World, case: DisputeCase, by: Any, scope: Visibility
) -> Any:
    return await casefiles.upload_document(
        storage_of(settings),
        await actor_for(by),
        case.id,
        casefiles.IncomingFile("terms.pdf", io.BytesIO(samples.PDF)),
        scope,
        max_bytes=settings.document_max_bytes,
    )


async def test_shared_documents_follow_the_case_file_rules(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings
) -> None:
    # Given a formed group of two
    w, ((w1, c1), (w2, c2)), group = await formed_group(client, app, factory, 2)
    worker = await token_for(app, w.caseworker)
    public = await _upload(settings, w, c1, w.caseworker, Visibility.ALL_PARTIES)
    internal = await _upload(settings, w, c1, w.caseworker, Visibility.PROVIDER_INTERNAL)
    caucus = await _upload(settings, w1, c1, w1.complainant, Visibility.CAUCUS_COMPLAINANT)

    # When the provider shares the lead's documents with the group
    for document in (public, internal):
        await ok(client, worker, SHARE, groupId=group, documentId=_doc(document))
    refused = await mutate(client, worker, SHARE, groupId=group, documentId=_doc(caucus))
    assert refusal(refused) == "NOT_FOUND"  # the provider reads no caucus: nothing to share

    # Then the other member's file lists them to those who read their scope there
    async def files(user: Any) -> set[str]:
        body = await call(client, await token_for(app, user), CASE, {"id": case_id(c2)})
        return {e["node"]["id"] for e in body["data"]["case"]["documents"]["edges"]}

    assert await files(w2.complainant) == {_doc(public)}
    assert await files(w.agent) == {_doc(public)}
    assert await files(w.caseworker) == {_doc(public), _doc(internal)}
    second = await actor_for(w2.complainant)
    assert (await casefiles.readable_document(second, public.id)).id == public.id
    try:
        await casefiles.readable_document(second, internal.id)
        raise AssertionError("a provider-internal document read by a complainant")
    except DocumentNotFound:
        pass
    assert "group_document_shared" in await kinds(c2)
    # and a complainant who withdraws takes their case's documents out of the group
    await ok(
        client, await token_for(app, w1.complainant), WITHDRAW, groupId=group, caseId=case_id(c1)
    )
    assert await files(w2.complainant) == set()
    # nor by its id: the listing and the reading follow one rule
    with pytest.raises(DocumentNotFound):
        await casefiles.readable_document(second, public.id)


def _doc(row: Any) -> str:
    from portal.api.node import to_global_id

    return to_global_id("Document", row.id)


async def test_the_bundle_holds_documents_shared_into_the_case_and_says_where_they_came_from(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, settings: Settings
) -> None:
    # Given a formed group of two, the lead's public document shared with it, and the second
    # case's own document
    w, ((w1, c1), (w2, c2)), group = await formed_group(client, app, factory, 2)
    public = await _upload(settings, w, c1, w.caseworker, Visibility.ALL_PARTIES)
    internal = await _upload(settings, w, c1, w.caseworker, Visibility.PROVIDER_INTERNAL)
    own = await _upload(settings, w2, c2, w2.complainant, Visibility.ALL_PARTIES)
    worker = await token_for(app, w.caseworker)
    for document in (public, internal):
        await ok(client, worker, SHARE, groupId=group, documentId=_doc(document))

    # When the second complainant downloads their case's bundle
    out = io.BytesIO()
    found = await casefiles.case_access(await actor_for(w2.complainant), c2.id)
    await write_bundle(storage_of(settings), found, out, load_keyset(settings))
    with zipfile.ZipFile(out) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}

    # Then it holds the shared document under the group's folder, and their own under theirs
    reference = (await CaseGroup.get()).reference
    assert f"shared/{reference}/{public.lineage_id}/v1/terms.pdf" in members
    assert f"documents/{own.lineage_id}/v1/terms.pdf" in members
    assert not any(str(internal.lineage_id) in name for name in members)  # not their scope
    # and documents.json says where each came from, naming the group, never the other case
    listing = orjson.loads(members[DOCUMENTS])
    origin = {d["id"]: d["shared_from"] for d in listing["documents"]}
    assert origin[_doc(own)] is None
    shared = origin[_doc(public)]
    assert shared["group_reference"] == reference
    assert shared["group_id"] == group
    event = await TimelineEvent.get(
        case_id=c2.id, kind="group_document_shared", visibility=Visibility.ALL_PARTIES
    )
    assert shared["event_sequence"] == event.sequence
    assert c1.reference.encode() not in members[DOCUMENTS]
    # and the whole bundle checks out offline
    report = check_bundle(members, load_keyset(settings).jwks())
    assert report.ok, report.lines()
    # The lead's bundle lists the same document as its own
    out = io.BytesIO()
    found = await casefiles.case_access(await actor_for(w1.complainant), c1.id)
    await write_bundle(storage_of(settings), found, out, load_keyset(settings))
    with zipfile.ZipFile(out) as archive:
        lead = orjson.loads(archive.read(DOCUMENTS))
    assert {d["id"]: d["shared_from"] for d in lead["documents"]} == {_doc(public): None}

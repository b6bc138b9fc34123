"""ISO 10001 commitments: recorded by an organisation's managers (audited), published to
everyone, and measured by the management review against the clocks and outcomes of a
hand-built dataset (tests/feedback_data.py), where some are met and some missed. Working days
are German ones (the dataset's organisations are in DE): 2026's Good Friday (3 April), Easter
Monday (6 April) and May Day (1 May) are holidays."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from portal.accesslog.services import forget_recorded_views
from portal.accounts.models import Locale, Role
from portal.admin.models import AdminAuditEntry
from portal.api.node import to_global_id
from portal.auth.actor import Actor, ActorKind, Grant
from portal.cases.models import Clock, Scheme
from portal.cases.states import (
    Calendar,
    ClockKind,
    ClockStatus,
    ClosureReason,
    Method,
    Party,
    Stage,
)
from portal.commitments.measures import Basis, days_taken, median, serves
from portal.commitments.models import Commitment, CommitmentKind
from portal.commitments.services import remove_commitment, set_commitment
from portal.feedback.errors import FeedbackError
from portal.feedback.periods import Period
from portal.feedback.review import management_review, review_document
from tests.factories import Factory, actor_for, gql
from tests.feedback_data import YEAR, Dataset, case, complaint, day, more_closed_cases, seeded
from tests.sql_statements import statements
from tests.test_api_support import call, token_for

PERIOD = Period.of_year(YEAR)
# When the review is made: the last complaint (30 December) is still within its time.
AT = datetime(YEAR, 12, 31, 12, tzinfo=UTC)
W = Calendar.WORKING_DAYS

WORDS = {
    CommitmentKind.ACKNOWLEDGE_COMPLAINT: (
        "We acknowledge every complaint within 2 working days.",
        "我们在2个工作日内确认收到每一项投诉。",
    ),
    CommitmentKind.RESPOND_COMPLAINT: (
        "We answer every complaint within 10 working days.",
        "我们在10个工作日内答复每一项投诉。",
    ),
    CommitmentKind.RESPOND_DISPUTE: (
        "We state our position on a dispute within 5 working days.",
        "我们在5个工作日内就争议陈述立场。",
    ),
    CommitmentKind.REMEDIES: (
        "We offer a refund, a repair or compensation.",
        "我们提供退款、维修或赔偿。",
    ),
    CommitmentKind.LANGUAGES: ("We serve you in English.", "我们以英语为您服务。"),
    CommitmentKind.ACCESSIBILITY: (
        "Letters in large print or braille on request.",
        "可应要求提供大字版或盲文信件。",
    ),
}


async def _commit(data: Dataset) -> None:
    manager = await actor_for(data.manager)
    for kind, (en, zh) in WORDS.items():
        days = {
            CommitmentKind.ACKNOWLEDGE_COMPLAINT: 2,
            CommitmentKind.RESPOND_COMPLAINT: 10,
            CommitmentKind.RESPOND_DISPUTE: 5,
        }.get(kind)
        items = {
            CommitmentKind.REMEDIES: ["refund", "correction", "compensation"],
            CommitmentKind.LANGUAGES: ["en"],
        }.get(kind, [])
        await set_commitment(
            manager,
            data.organisation.id,
            kind,
            wording_en=en,
            wording_zh_hans=zh,
            days=days,
            items=items,
            at=day(1, 5),
        )


async def _more_records(data: Dataset) -> None:
    """A remedy not delivered (K8, closed as not implemented), a complainant who reads
    Chinese (C4's), and a complaint of 30 December still within its time at AT."""
    org = data.organisation
    c8 = await complaint(org, data.complainants[0], day(9, 1, YEAR - 1), ack_days=1)
    k8 = await case(
        c8,
        data.provider,
        await Scheme.get(id=data.cases["k1"].scheme_id),
        Method.MEDIATION,
        day(9, 10),
        stage=Stage.CLOSED,
        ended=day(11, 1),
        reason=ClosureReason.NOT_IMPLEMENTED,
    )
    data.cases["k8"] = k8
    await Clock.create(
        case=k8,
        kind=ClockKind.IMPLEMENTATION,
        responsible=Party.ORGANISATION,
        calendar="calendar_days",
        days=30,
        started_at=day(9, 15),
        due_at=day(10, 15),
        status=ClockStatus.MISSED,
        ended_at=day(10, 15),
    )
    reader = data.complainants[2]  # C4's complainant
    reader.locale = Locale.ZH_HANS
    await reader.save()
    await complaint(org, data.complainants[0], day(12, 30))


async def _dataset(factory: Factory) -> Dataset:
    data = await seeded(factory)
    await _more_records(data)
    await _commit(data)
    return data


# --- measuring ------------------------------------------------------------------------------


def test_days_taken_count_the_commitments_calendar() -> None:
    # Thursday 2 April to Good Friday: within the next working day, Tuesday 7 April.
    assert days_taken(day(4, 2), day(4, 3), W, "DE") == 1
    assert days_taken(day(4, 2), day(4, 2), W, "DE") == 0
    # Wednesday 1 April to Saturday 4 April: Thursday is one, Tuesday 7 April the second.
    assert days_taken(day(4, 1), day(4, 4), W, "DE") == 2
    assert days_taken(day(4, 1), day(4, 4), Calendar.CALENDAR_DAYS, "DE") == 3
    assert days_taken(day(4, 1), day(4, 3) + timedelta(hours=1), Calendar.CALENDAR_DAYS, "") == 3
    assert median([8, 14, 3]) == 8
    assert median([3, 1]) == 1
    assert median([]) is None
    assert serves(["zh"], "zh-Hans")
    assert not serves(["zh-Hant"], "zh-Hans")
    assert not serves(["en"], "zh-Hans")


async def test_the_review_measures_each_commitment_met_and_missed(factory: Factory) -> None:
    data = await _dataset(factory)

    review = await management_review(
        await actor_for(data.manager), data.organisation.id, PERIOD, systemic_threshold=3, at=AT
    )
    found = {m.commitment.kind: m for m in review.commitments}
    ref = {k: c.reference for k, c in data.cases.items()}
    complaints = {
        k: (await c.complaint).reference for k, c in data.cases.items() if k in ("k2", "k3", "k4")
    }

    assert [m.commitment.kind for m in review.commitments] == list(CommitmentKind)
    # Acknowledged within 2 working days: C1 (Sunday to Monday) 1; C2 (Thursday to Saturday)
    # 2; C3 (Wednesday 1 April to Saturday, Good Friday between) 2; C4 (May Day to Tuesday
    # 5 May, four calendar days) 2. The complaint of 30 December is still within its time.
    ack = found[CommitmentKind.ACKNOWLEDGE_COMPLAINT]
    assert (ack.basis, ack.evidence, ack.met, ack.missed, ack.pending) == (
        Basis.COMPLAINT_ACKNOWLEDGEMENTS,
        4,
        4,
        0,
        1,
    )
    assert (ack.share_met, ack.median_days, ack.missed_references) == (1.0, 2, [])
    # Answered within 10 working days: C1 after 8, C4 after 3; C2 after 14, and C3 never
    # (closed on 6 May, after its due date): two misses. Median of 3, 8, 14: 8.
    respond = found[CommitmentKind.RESPOND_COMPLAINT]
    assert (respond.evidence, respond.met, respond.missed, respond.pending) == (4, 2, 2, 1)
    assert (respond.share_met, respond.median_days) == (0.5, 8)
    assert respond.missed_references == sorted([complaints["k2"], complaints["k3"]])
    # Response clocks: K1 after 3 working days, K2 after 1 (Good Friday to Tuesday); K4's
    # ran out with no position by 9 June.
    dispute = found[CommitmentKind.RESPOND_DISPUTE]
    assert (dispute.evidence, dispute.met, dispute.missed, dispute.pending) == (3, 2, 1, 0)
    assert (dispute.share_met, dispute.median_days, dispute.missed_references) == (
        0.6667,
        1,
        [ref["k4"]],
    )
    # Remedies due: K1 delivered after 17 days, K4 after 59 (late, but delivered), K5's
    # still running, K8 closed as not implemented.
    remedies = found[CommitmentKind.REMEDIES]
    assert (remedies.basis, remedies.evidence, remedies.met, remedies.missed) == (
        Basis.REMEDIES_DELIVERED,
        3,
        2,
        1,
    )
    assert (remedies.pending, remedies.median_days, remedies.missed_references) == (
        1,
        17,
        [ref["k8"]],
    )
    assert "free text" in remedies.note
    # Five complaints received (C4's complainant reads Chinese) and six disputes referred in
    # English: one not served.
    languages = found[CommitmentKind.LANGUAGES]
    assert (languages.evidence, languages.met, languages.missed) == (11, 10, 1)
    assert (languages.share_met, languages.median_days) == (0.9091, None)
    assert languages.missed_references == [(await data.cases["k4"].complaint).reference]
    # Accessibility: nothing in the records shows it; no number is made up.
    access = found[CommitmentKind.ACCESSIBILITY]
    assert not access.measurable
    assert (access.basis, access.evidence, access.share_met) == (Basis.NOT_MEASURABLE, 0, None)
    assert "cannot be measured" in access.note


async def test_another_organisations_records_and_commitments_do_not_count(
    factory: Factory,
) -> None:
    data = await _dataset(factory)
    admin = await actor_for(await Factory(factory.settings, passwords=False).user(Role.ADMIN))
    other = await management_review(
        admin, data.other_organisation.id, PERIOD, systemic_threshold=3, at=AT
    )
    assert other.commitments == []
    # An admin records one for the other organisation: its two complaints were never
    # acknowledged.
    await set_commitment(
        admin,
        data.other_organisation.id,
        CommitmentKind.ACKNOWLEDGE_COMPLAINT,
        wording_en="Within 3 working days.",
        wording_zh_hans="3个工作日内。",
        days=3,
        at=AT,
    )
    other = await management_review(
        admin, data.other_organisation.id, PERIOD, systemic_threshold=3, at=AT
    )
    (only,) = other.commitments
    assert (only.evidence, only.met, only.missed, only.median_days) == (2, 0, 2, None)


# --- recording ------------------------------------------------------------------------------


async def test_a_manager_records_changes_and_removes_a_commitment_each_change_audited(
    factory: Factory,
) -> None:
    data = await seeded(factory)
    manager = await actor_for(data.manager)
    org = data.organisation.id

    first = await set_commitment(
        manager,
        org,
        CommitmentKind.RESPOND_COMPLAINT,
        wording_en=" We answer within 10 working days. ",
        wording_zh_hans="我们在10个工作日内答复。",
        days=10,
        items=["ignored"],
        at=day(1, 5),
    )
    assert (first.days, first.calendar, first.items) == (10, W, [])
    assert first.wording_en == "We answer within 10 working days."
    same = await set_commitment(
        manager,
        org,
        CommitmentKind.RESPOND_COMPLAINT,
        wording_en="We answer within 10 working days.",
        wording_zh_hans="我们在10个工作日内答复。",
        days=10,
        at=day(1, 6),
    )
    changed = await set_commitment(
        manager,
        org,
        CommitmentKind.RESPOND_COMPLAINT,
        wording_en="We answer within 15 calendar days.",
        wording_zh_hans="我们在15个日历日内答复。",
        days=15,
        calendar=Calendar.CALENDAR_DAYS,
        at=day(1, 7),
    )
    await remove_commitment(manager, org, CommitmentKind.RESPOND_COMPLAINT, at=day(1, 8))

    assert same.id == changed.id == first.id
    assert not await Commitment.exists(organisation_id=org)
    entries = await AdminAuditEntry.filter(subject_id=first.id).order_by("created_at")
    assert [e.action for e in entries] == [
        "commitment.create",
        "commitment.update",
        "commitment.remove",
    ]
    assert all(e.actor_id == data.manager.id for e in entries)
    assert entries[0].actor_label == data.manager.email
    assert entries[1].before is not None
    assert entries[1].after is not None
    assert (entries[1].before["days"], entries[1].after["days"]) == (10, 15)
    assert entries[1].after["calendar"] == "calendar_days"
    assert (entries[2].before is not None, entries[2].after) == (True, None)


async def test_two_managers_saving_the_same_new_commitment_at_once_both_succeed(
    factory: Factory,
) -> None:
    """On PostgreSQL both transactions find no row and insert; the unique key refuses the
    second, which then changes the first one's row instead of failing."""
    f = Factory(factory.settings, passwords=False)
    org = await f.organisation()
    first = await actor_for(await f.user(Role.ORG_MANAGER, organisation=org))
    second = await actor_for(await f.user(Role.ORG_MANAGER, organisation=org))

    saved = await asyncio.gather(
        *(
            set_commitment(
                who,
                org.id,
                CommitmentKind.RESPOND_DISPUTE,
                wording_en=f"Within {days} working days.",
                wording_zh_hans=f"{days}个工作日内。",
                days=days,
                at=day(1, 5),
            )
            for who, days in ((first, 5), (second, 7))
        )
    )

    (row,) = await Commitment.filter(organisation_id=org.id)
    assert {s.id for s in saved} == {row.id}
    actions = await AdminAuditEntry.filter(subject_id=row.id).values_list("action", flat=True)
    assert sorted(actions) == ["commitment.create", "commitment.update"]
    assert row.days in (5, 7)


@pytest.mark.parametrize(
    ("kind", "change", "code", "field"),
    [
        (CommitmentKind.RESPOND_DISPUTE, {"days": None}, "REQUIRED", "days"),
        (CommitmentKind.RESPOND_DISPUTE, {"days": 0}, "INVALID_DAYS", "days"),
        (CommitmentKind.RESPOND_DISPUTE, {"days": 366}, "INVALID_DAYS", "days"),
        (CommitmentKind.REMEDIES, {"items": ["refund", "a pony"]}, "INVALID_CHOICE", "items"),
        (CommitmentKind.REMEDIES, {"items": []}, "REQUIRED", "items"),
        (CommitmentKind.LANGUAGES, {"items": ["English"]}, "INVALID_LANGUAGE", "items"),
        (CommitmentKind.LANGUAGES, {"items": ["en"] * 21}, "INVALID_INPUT", "items"),
        (CommitmentKind.ACCESSIBILITY, {"wording_zh_hans": "  "}, "REQUIRED", "wording_zh_hans"),
        (CommitmentKind.ACCESSIBILITY, {"wording_en": "x" * 2001}, "TOO_LONG", "wording_en"),
        (CommitmentKind.ACCESSIBILITY, {"wording_en": "a\x00b"}, "INVALID_INPUT", "wording_en"),
    ],
)
async def test_a_wrong_value_is_refused_and_nothing_is_written(
    factory: Factory, kind: CommitmentKind, change: dict[str, Any], code: str, field: str
) -> None:
    f = Factory(factory.settings, passwords=False)
    org = await f.organisation()
    manager = await actor_for(await f.user(Role.ORG_MANAGER, organisation=org))
    values: dict[str, Any] = {
        "wording_en": "Words.",
        "wording_zh_hans": "文字。",
        "days": 5,
        "items": ["refund"] if kind is CommitmentKind.REMEDIES else ["en"],
    }
    values |= change

    with pytest.raises(FeedbackError) as refused:
        await set_commitment(manager, org.id, kind, at=day(1, 5), **values)

    assert (refused.value.code, refused.value.field) == (code, field)
    assert not await Commitment.exists(organisation_id=org.id)
    assert not await AdminAuditEntry.exists(subject_type="Commitment")


async def test_only_the_organisations_managers_in_person_and_admins_change_commitments(
    factory: Factory,
) -> None:
    data = await seeded(factory)
    f = Factory(factory.settings, passwords=False)
    client = await f.service_account(Role.ORG_MANAGER, organisation=data.organisation)
    client_actor = Actor(
        kind=ActorKind.SERVICE_ACCOUNT,
        id=client.account.id,
        grants=(Grant(Role.ORG_MANAGER, data.organisation.id, None),),
    )
    other_manager = await f.user(Role.ORG_MANAGER, organisation=data.other_organisation)
    for who in (
        await actor_for(data.agent),
        await actor_for(data.auditor),
        await actor_for(other_manager),
        client_actor,
    ):
        with pytest.raises(FeedbackError) as refused:
            await set_commitment(
                who,
                data.organisation.id,
                CommitmentKind.ACCESSIBILITY,
                wording_en="Words.",
                wording_zh_hans="文字。",
                at=day(1, 5),
            )
        assert refused.value.code == "FORBIDDEN"
    assert not await Commitment.exists()


# --- over GraphQL and as downloads ------------------------------------------------------------

COMMITMENTS = """
query C($slug: String, $id: ID) {
  organisationCommitments(slug: $slug, organisationId: $id) {
    kind days calendar items wordingEn wordingZhHans zh: wording(language: "zh-Hans")
  }
}
"""
SET = """
mutation S($input: SetCommitmentInput!) {
  setCommitment(input: $input) {
    commitment { kind days calendar items wordingEn }
    userErrors { field code message limit actual }
  }
}
"""
REVIEW = """
query R($org: ID!) {
  managementReview(organisationId: $org, from: "2026-01-01", until: "2027-01-01") {
    commitments {
      commitment { kind days }
      measurable basis note evidence met missed shareMet pending medianDays missedReferences
    }
  }
}
"""


async def test_the_commitments_are_published_without_sign_in(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    data = await _dataset(factory)

    by_slug = await gql(client, COMMITMENTS, {"slug": data.organisation.slug})
    by_id = await gql(
        client, COMMITMENTS, {"id": to_global_id("Organisation", data.organisation.id)}
    )
    missing = await gql(client, COMMITMENTS, {"slug": "no-such-organisation"})

    listed = by_slug.json()["data"]["organisationCommitments"]
    assert listed == by_id.json()["data"]["organisationCommitments"]
    assert [c["kind"] for c in listed] == [k.name for k in CommitmentKind]
    assert listed[0] == {
        "kind": "ACKNOWLEDGE_COMPLAINT",
        "days": 2,
        "calendar": "WORKING_DAYS",
        "items": [],
        "wordingEn": WORDS[CommitmentKind.ACKNOWLEDGE_COMPLAINT][0],
        "wordingZhHans": WORDS[CommitmentKind.ACKNOWLEDGE_COMPLAINT][1],
        "zh": WORDS[CommitmentKind.ACKNOWLEDGE_COMPLAINT][1],
    }
    assert listed[3]["items"] == ["refund", "correction", "compensation"]
    assert missing.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_a_manager_sets_a_commitment_over_graphql_and_an_agent_is_refused(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    data = await seeded(factory)
    org = to_global_id("Organisation", data.organisation.id)
    good = {
        "organisationId": org,
        "kind": "REMEDIES",
        "items": ["refund", "apology"],
        "wordingEn": "A refund or an apology.",
        "wordingZhHans": "退款或道歉。",
    }

    agent = await call(client, await token_for(app, data.agent), SET, {"input": good})
    long = await call(
        client,
        await token_for(app, data.manager),
        SET,
        {"input": {**good, "wordingZhHans": "长" * 2001}},
    )
    done = await call(client, await token_for(app, data.manager), SET, {"input": good})

    assert agent["data"]["setCommitment"]["userErrors"][0]["code"] == "FORBIDDEN"
    (too_long,) = long["data"]["setCommitment"]["userErrors"]
    assert (too_long["code"], too_long["field"], too_long["limit"], too_long["actual"]) == (
        "TOO_LONG",
        ["input", "wordingZhHans"],
        2000,
        2001,
    )
    assert done["data"]["setCommitment"] == {
        "commitment": {
            "kind": "REMEDIES",
            "days": None,
            "calendar": None,
            "items": ["refund", "apology"],
            "wordingEn": "A refund or an apology.",
        },
        "userErrors": [],
    }
    assert await AdminAuditEntry.filter(action="commitment.create").count() == 1


async def test_the_review_shows_and_downloads_the_commitments(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    data = await _dataset(factory)
    token = await token_for(app, data.manager)
    auth = {"Authorization": f"Bearer {token}"}
    query = f"organisation={data.organisation.slug}&from={YEAR}-01-01&until={YEAR + 1}-01-01"

    body = await call(
        client, token, REVIEW, {"org": to_global_id("Organisation", data.organisation.id)}
    )
    as_json = (await client.get(f"/reports/management-review.json?{query}", headers=auth)).json()
    as_csv = (await client.get(f"/reports/management-review.csv?{query}", headers=auth)).text

    shown = {m["commitment"]["kind"]: m for m in body["data"]["managementReview"]["commitments"]}
    # Measured now (after the period): the 30 December complaint is past its deadlines too.
    assert shown["RESPOND_DISPUTE"] | {"note": ""} == {
        "commitment": {"kind": "RESPOND_DISPUTE", "days": 5},
        "measurable": True,
        "basis": "DISPUTE_RESPONSES",
        "note": "",
        "evidence": 3,
        "met": 2,
        "missed": 1,
        "shareMet": 0.6667,
        "pending": 0,
        "medianDays": 1,
        "missedReferences": [data.cases["k4"].reference],
    }
    assert shown["ACCESSIBILITY"]["measurable"] is False
    assert shown["ACCESSIBILITY"]["shareMet"] is None
    assert as_json["commitments"]["respond_dispute"]["share_met"] == 0.6667
    assert as_json["commitments"]["accessibility"]["measurable"] is False
    assert "share_met" not in as_json["commitments"]["accessibility"]
    lines = dict(csv.reader(io.StringIO(as_csv)))
    assert lines["commitments.respond_dispute.missed"] == "1"
    assert lines["commitments.respond_dispute.missed_references"] == data.cases["k4"].reference
    assert lines["commitments.remedies.items"] == "refund correction compensation"
    assert lines["commitments.accessibility.basis"] == "not_measurable"
    assert lines["commitments.languages.wording_zh_hans"] == "我们以英语为您服务。"


async def test_the_review_figures_are_the_same_on_a_review_made_later(factory: Factory) -> None:
    """What is pending when the review is made becomes met or missed; nothing else moves."""
    data = await _dataset(factory)
    manager = await actor_for(data.manager)
    later = await management_review(
        manager,
        data.organisation.id,
        PERIOD,
        systemic_threshold=3,
        at=AT + timedelta(days=30),
    )
    ack = next(
        m for m in later.commitments if m.commitment.kind is CommitmentKind.ACKNOWLEDGE_COMPLAINT
    )
    assert (ack.evidence, ack.met, ack.missed, ack.pending) == (5, 4, 1, 0)
    assert review_document(later)["commitments"]["acknowledge_complaint"]["missed"] == 1


async def test_measuring_costs_the_same_statements_whatever_the_number_of_cases(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    data = await _dataset(factory)
    token = await token_for(app, data.manager)
    variables = {"org": to_global_id("Organisation", data.organisation.id)}
    await call(client, token, REVIEW, variables)  # warm-up: the first request loads keys

    # Each request as a page view's first: its access-log INSERT is counted (a second read
    # in the same minute sends none, tests/test_record_access_log.py).
    forget_recorded_views()
    with statements() as before:
        await call(client, token, REVIEW, variables)
    await more_closed_cases(data, 30)
    forget_recorded_views()
    with statements() as after:
        body = await call(client, token, REVIEW, variables)

    # The review's nine and its case groups' one (issue 20), and for the commitments: two
    # complaint statements, two of clocks, three for languages (complaints, their
    # complainants' languages, disputes); and the access log's one INSERT (issue 19, 3:
    # folded into the first read of the minute).
    assert len(before) == len(after) == 10 + 7 + 1
    assert len(body["data"]["managementReview"]["commitments"]) == len(CommitmentKind)

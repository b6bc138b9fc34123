"""Audits (issue 19, part E): a bulk verification run over every case an auditor audits,
resumed after a restart; findings with their follow-up; the period report and its downloads."""

from __future__ import annotations

import asyncio
import dataclasses
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from starlette.applications import Starlette

from portal.accesslog.models import AccessAction, AccessRecord
from portal.accounts.models import Role
from portal.auditing import findings, runs
from portal.auditing.models import AuditRun, AuditRunCase, RunStatus, Severity
from portal.auth.actor import Actor
from portal.cases.models import DisputeCase
from portal.notifications.worker import Worker
from portal.settings import Settings
from portal.timeline.models import TimelineEvent
from tests.factories import Factory, actor_for, quick_world
from tests.test_api_support import call, case_id, token_for

START = "mutation { startAuditRun { run { id status total } userErrors { field code message } } }"
RUN = """query R($id: ID!) { auditRun(id: $id) {
  status total checked broken brokenCases { caseId reference brokenSequence length } } }"""
RAISE = """mutation M($input: RaiseAuditFindingInput!) { raiseAuditFinding(input: $input) {
  finding { id status caseReference severity } userErrors { field code message } } }"""
FOLLOW = """mutation M($input: FollowUpAuditFindingInput!) { followUpAuditFinding(input: $input) {
  finding { id status closedAt followUps { text closes authorEmail } }
  userErrors { field code message } } }"""
REPORT = """query { auditReport(from: "2020-01-01", until: "2030-01-01") {
  runsStarted runsFinished casesChecked breaks brokenCases findingsOpened findingsClosed
  findingsOpenAtEnd openedBySeverity { severity count } } }"""


async def _tamper(case: DisputeCase, sequence: int) -> None:
    """An edit below the application: the event's payload no longer matches its digest."""
    await TimelineEvent.filter(case_id=case.id, sequence=sequence).update(payload={"forged": True})


def _data(body: dict[str, Any], name: str) -> Any:
    assert "errors" not in body, body
    return body["data"][name]


async def test_a_run_checks_every_audited_case_and_lists_the_broken_one(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    other = await quick_world(factory)
    mine = [await w.new_case(), await w.new_case(), await w.new_case()]
    foreign = await other.new_case()
    await _tamper(mine[1], 1)
    await _tamper(foreign, 1)  # not the auditor's: never checked, never listed
    token = await token_for(app, w.auditor)

    started = _data(await call(client, token, START), "startAuditRun")
    assert started["userErrors"] == []
    assert (started["run"]["status"], started["run"]["total"]) == ("QUEUED", 3)
    again = _data(await call(client, token, START), "startAuditRun")
    assert again["userErrors"][0]["code"] == "AUDIT_RUN_ACTIVE"

    assert await runs.work_all("worker-1", datetime.now(UTC)) == 3
    run = _data(await call(client, token, RUN, {"id": started["run"]["id"]}), "auditRun")

    assert (run["status"], run["checked"], run["broken"]) == ("DONE", 3, 1)
    assert run["brokenCases"] == [
        {
            "caseId": case_id(mine[1]),
            "reference": mine[1].reference,
            "brokenSequence": 1,
            "length": mine[1].last_sequence,
        }
    ]
    # The other organisation's auditor does not see this run.
    stranger = await token_for(app, other.auditor)
    hidden = await call(client, stranger, RUN, {"id": started["run"]["id"]})
    assert hidden["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    # An installation-wide auditor's run covers both organisations.
    everywhere = await factory.user(Role.AUDITOR)
    wide = await runs.start_run(await actor_for(everywhere), datetime.now(UTC))
    await runs.work_all("worker-1", datetime.now(UTC))
    wide_run = await AuditRun.get(id=wide.id)
    assert (wide_run.total, wide_run.broken) >= (4, 2)


async def test_a_run_survives_a_restart_and_checks_each_case_once(factory: Factory) -> None:
    w = await quick_world(factory)
    cases = [await w.new_case() for _ in range(3)]
    await _tamper(cases[2], 2)
    at = datetime(2026, 12, 1, 9, tzinfo=UTC)
    run = await runs.start_run(await actor_for(w.auditor), at)

    # The first worker checks one case and is killed (it never comes back).
    assert await runs.work("worker-killed", at, batch=1) == 1
    # While its lease runs, another worker leaves the run alone ...
    assert await runs.work("worker-new", at + timedelta(seconds=5), batch=1) == 0
    # ... and takes it up once the lease has run out, with the cases that are left.
    later = at + timedelta(seconds=runs.LEASE_SECONDS + 1)
    assert await runs.work_all("worker-new", later) == 2

    done = await AuditRun.get(id=run.id)
    assert (done.status, done.checked, done.broken, done.total) == (RunStatus.DONE, 3, 1, 3)
    rows = await AuditRunCase.filter(run_id=run.id).order_by("id")
    assert [r.checked_at is not None for r in rows] == [True, True, True]
    assert [r.broken_sequence for r in rows if not r.intact] == [2]


async def test_findings_are_followed_up_and_closed(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    other = await quick_world(factory)
    case = await w.new_case()
    token = await token_for(app, w.auditor)
    finding_input = {
        "caseId": case_id(case),
        "severity": "HIGH",
        "found": "The timeline breaks at event 1.",
        "action": "Restore the event from the backup and report how it changed.",
    }

    raised = _data(await call(client, token, RAISE, {"input": finding_input}), "raiseAuditFinding")
    assert raised["userErrors"] == []
    assert (raised["finding"]["status"], raised["finding"]["caseReference"]) == (
        "OPEN",
        case.reference,
    )
    finding_id = raised["finding"]["id"]

    async def follow(text: str, close: bool = False) -> dict[str, Any]:
        body = await call(
            client,
            token,
            FOLLOW,
            {"input": {"findingId": finding_id, "text": text, "close": close}},
        )
        payload: dict[str, Any] = _data(body, "followUpAuditFinding")
        return payload

    first = await follow("The provider restored the event.")
    closed = await follow("Checked again: intact.", close=True)
    after = await follow("Too late.")
    blank = await follow("   ")

    assert first["finding"]["status"] == "FOLLOWED_UP"
    assert closed["finding"]["status"] == "CLOSED"
    assert closed["finding"]["closedAt"]
    assert [e["closes"] for e in closed["finding"]["followUps"]] == [False, True]
    assert after["userErrors"][0]["code"] == "FINDING_CLOSED"
    assert (blank["userErrors"][0]["code"], blank["userErrors"][0]["field"]) == (
        "REQUIRED",
        ["input", "text"],
    )

    # Another organisation's case, an empty text, someone who is no auditor.
    foreign = {**finding_input, "caseId": case_id(await other.new_case())}
    refused = _data(await call(client, token, RAISE, {"input": foreign}), "raiseAuditFinding")
    empty = {**finding_input, "found": ""}
    missing = _data(await call(client, token, RAISE, {"input": empty}), "raiseAuditFinding")
    manager = await token_for(app, w.manager)
    forbidden = _data(
        await call(client, manager, RAISE, {"input": finding_input}), "raiseAuditFinding"
    )
    by_reference = {**finding_input, "caseId": None, "caseReference": case.reference.lower()}
    named = _data(await call(client, token, RAISE, {"input": by_reference}), "raiseAuditFinding")
    assert named["finding"]["caseReference"] == case.reference
    assert refused["userErrors"][0]["code"] == "NOT_FOUND"
    assert missing["userErrors"][0]["field"] == ["input", "found"]
    assert forbidden["userErrors"][0]["code"] == "FORBIDDEN"
    listed = await call(client, token, "query { auditFindings(status: CLOSED) { id status } }")
    assert _data(listed, "auditFindings") == [{"id": finding_id, "status": "CLOSED"}]
    stranger = await token_for(app, other.auditor)
    assert (
        _data(await call(client, stranger, "query { auditFindings { id } }"), "auditFindings") == []
    )


async def _finding(actor: Actor, case: DisputeCase, at: datetime) -> uuid.UUID:
    row = await findings.raise_finding(
        actor, case.id, severity=Severity.LOW, found="x", action="y", run_id=None, at=at
    )
    return row.id


async def test_the_report_counts_a_period_and_downloads(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    cases = [await w.new_case() for _ in range(2)]
    await _tamper(cases[0], 1)
    auditor = await actor_for(w.auditor)
    march = datetime(2026, 3, 10, tzinfo=UTC)
    await runs.start_run(auditor, march)
    await runs.work_all("w", march)
    await _finding(auditor, cases[0], march)  # stays open
    closed_in_april = await _finding(auditor, cases[1], march)
    await findings.follow_up(
        auditor, closed_in_april, text="done", closes=True, at=datetime(2026, 4, 2, tzinfo=UTC)
    )
    token = await token_for(app, w.auditor)

    march_report = await call(
        client,
        token,
        'query { auditReport(from: "2026-03-01", until: "2026-04-01") { runsStarted '
        "runsFinished casesChecked breaks brokenCases findingsOpened findingsClosed "
        "findingsOpenAtEnd openedBySeverity { severity count } } }",
    )
    figures = _data(march_report, "auditReport")
    assert figures == {
        "runsStarted": 1,
        "runsFinished": 1,
        "casesChecked": 2,
        "breaks": 1,
        "brokenCases": 1,
        "findingsOpened": 2,
        "findingsClosed": 0,
        "findingsOpenAtEnd": 2,
        "openedBySeverity": [
            {"severity": "LOW", "count": 2},
            {"severity": "MEDIUM", "count": 0},
            {"severity": "HIGH", "count": 0},
        ],
    }
    headers = {"Authorization": f"Bearer {token}"}
    april = {"from": "2026-04-01", "until": "2026-05-01"}
    as_json = await client.get("/reports/audit.json", params=april, headers=headers)
    as_csv = await client.get("/reports/audit.csv", params=april, headers=headers)
    assert as_json.status_code == 200
    assert as_json.json()["findings"] == {
        "opened": 0,
        "closed": 1,
        "open_at_end": 1,
        "opened_by_severity": {"LOW": 0, "MEDIUM": 0, "HIGH": 0},
    }
    assert as_json.json()["runs"]["started"] == 0
    assert "findings.closed,1\r\n" in as_csv.text
    assert as_csv.headers["content-disposition"].endswith('audit-report-2026-04-01-2026-05-01.csv"')

    manager = {"Authorization": f"Bearer {await token_for(app, w.manager)}"}
    refused = await client.get("/reports/audit.json", params=april, headers=manager)
    nobody = await client.get("/reports/audit.json", params=april)
    backwards = await client.get(
        "/reports/audit.csv", params={"from": "2026-05-01", "until": "2026-04-01"}, headers=headers
    )
    assert (refused.status_code, nobody.status_code, backwards.status_code) == (403, 401, 400)
    # Each download served is one export in the record access log; the refused ones are none.
    exports = await AccessRecord.filter(action=AccessAction.EXPORT).values_list(
        "target_type", "target_id"
    )
    assert exports == [("AuditReport", "2026-04-01/2026-05-01")] * 2


async def test_the_workers_loop_checks_a_run_in_the_background(
    factory: Factory, settings: Settings
) -> None:
    w = await quick_world(factory)
    await _tamper(await w.new_case(), 1)
    await w.new_case()
    run = await runs.start_run(await actor_for(w.auditor), datetime.now(UTC))
    stop = asyncio.Event()
    worker = asyncio.create_task(Worker(dataclasses.replace(settings, clock_interval=0)).run(stop))
    try:
        for _ in range(400):  # 20 s at most
            if (await AuditRun.get(id=run.id)).status is RunStatus.DONE:
                break
            await asyncio.sleep(0.05)
    finally:
        stop.set()
        await worker

    done = await AuditRun.get(id=run.id)
    assert (done.checked, done.broken, done.claimed_by, done.finished_at is not None) == (
        2,
        1,
        "",
        True,
    )

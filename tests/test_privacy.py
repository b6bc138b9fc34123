"""Issue 19, data protection: retention redacts a closed case's personal data past its scheme's
period and every chain still verifies; a subject-access export holds every record naming the
person and nothing of the other side's caucus; erasure requests meet their legal holds, are
decided with reasons, mailed in the person's language, and when granted erase like retention."""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import io
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import orjson
import pytest
from starlette.applications import Starlette

from portal.accesslog.models import AccessAction, AccessRecord, ReaderKind
from portal.accounts.models import Locale, Role, User
from portal.auth.keys import load_keyset
from portal.casefiles.models import Document, Message
from portal.casefiles.signing import verify_manifest
from portal.casefiles.storage import StorageError, storage_of
from portal.cases.events import EventKind
from portal.cases.models import DisputeCase, Scheme
from portal.complaints.models import Complaint, ComplaintStep
from portal.notifications.mail import MailKind
from portal.notifications.models import OutboxMessage
from portal.notifications.worker import Worker
from portal.privacy.erasure import ERASED_DOMAIN, decide_erasure, request_erasure
from portal.privacy.errors import PrivacyError
from portal.privacy.export import build_export, request_data_export
from portal.privacy.models import ErasureStatus, HoldKind
from portal.privacy.retention import kept_until, run_retention
from portal.settings import Settings
from portal.timeline.models import TimelineEvent
from portal.timeline.services import ERASED, verify
from tests.factories import Factory, actor_for, delivered_mails, mail_text
from tests.privacy_support import (
    COMMENT,
    EMAIL,
    NAME,
    ORG_INTERNAL,
    OTHER_CAUCUS,
    OWN_CAUCUS,
    PERSONAL,
    REPLY,
    TO_ALL,
    Populated,
    found_in_database,
    populated,
)
from tests.test_api_support import call, token_for

# What retention keeps on purpose: the account itself (it is not the case's; erasure removes it).
ACCOUNT_TABLES = frozenset({"user_account"})


async def _closed(
    factory: Factory, settings: Settings, retention_years: int | None = None
) -> tuple[Populated, datetime]:
    """The populated case, closed, under a scheme keeping it ``retention_years`` (default: 6)."""
    data = await populated(factory, settings)
    if retention_years is not None:
        await Scheme.filter(id=data.world.scheme.id).update(retention_years=retention_years)
    closed = (await DisputeCase.get(id=data.case.id)).closed_at
    assert closed is not None
    return data, closed


async def _redacted_everywhere(case: DisputeCase) -> None:
    """Every row whose content went carries `redacted_at`, and the chain verifies."""
    assert await Message.filter(case_id=case.id, redacted_at__isnull=True).count() == 0
    assert await Document.filter(case_id=case.id, redacted_at__isnull=True).count() == 0
    steps = ComplaintStep.filter(complaint_id=case.complaint_id, redacted_at__isnull=True)
    assert await steps.count() == 0
    fresh = await DisputeCase.get(id=case.id)
    assert fresh.redacted_at is not None
    assert (await verify(fresh)).ok
    last = await TimelineEvent.get(case_id=case.id, sequence=fresh.last_sequence)
    assert last.kind == EventKind.RECORDS_REDACTED.value
    erased = await TimelineEvent.filter(case_id=case.id, sequence__lt=fresh.last_sequence)
    assert erased
    assert all(set(e.payload) == {ERASED} for e in erased)


async def test_retention_redacts_a_closed_case_past_its_period_and_every_chain_verifies(
    factory: Factory, settings: Settings
) -> None:
    data, closed = await _closed(factory, settings, retention_years=2)
    storage = storage_of(settings)
    document = await Document.get(case_id=data.case.id)
    before = await verify(await DisputeCase.get(id=data.case.id))
    assert before.ok

    # Within the period: nothing, dry or not.
    within = await run_retention(storage, kept_until(closed, 2) - timedelta(seconds=1))
    assert within.cases == []
    assert set(await found_in_database(*PERSONAL)) == set(PERSONAL)

    at = kept_until(closed, 2) + timedelta(days=1)
    dry = await run_retention(storage, at, dry_run=True)
    assert dry.cases == [data.case.reference]
    assert (await DisputeCase.get(id=data.case.id)).redacted_at is None

    done = await run_retention(storage, at)
    assert done.cases == [data.case.reference]
    assert done.counts["messages"] == 4
    assert done.counts["documents"] == 1
    assert done.counts["survey_comments"] == 1
    assert done.counts["events"] >= 10
    await _redacted_everywhere(data.case)
    redaction = await TimelineEvent.get(case_id=data.case.id, kind="records_redacted")
    assert redaction.payload["rule"] == "retention"
    assert redaction.payload["retention_years"] == 2
    # The person's words, in every table, are gone; the account is not the case's to remove.
    assert await found_in_database(*PERSONAL, skip=ACCOUNT_TABLES) == {}
    assert await found_in_database(OTHER_CAUCUS, ORG_INTERNAL) == {}
    with pytest.raises(StorageError):
        [chunk async for chunk in storage.read(document.storage_key)]
    # The document keeps its row and its digest: what was there can still be proven.
    kept = await Document.get(id=document.id)
    assert kept.sha256 == document.sha256
    assert kept.size == document.size
    # Run again: nothing more to do, the chain unchanged.
    head = (await DisputeCase.get(id=data.case.id)).head_hash
    assert (await run_retention(storage, at + timedelta(days=1))).cases == []
    assert (await DisputeCase.get(id=data.case.id)).head_hash == head


async def test_the_default_retention_period_is_six_years(factory: Factory) -> None:
    provider = await factory.provider()
    scheme = await Scheme.create(provider=provider, name="Plain", country="DE")
    assert scheme.retention_years == 6


def _archive(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


async def test_the_export_holds_every_record_naming_the_person_and_nothing_of_the_other_caucus(
    factory: Factory, settings: Settings
) -> None:
    data = await populated(factory, settings)
    keys = load_keyset(settings)
    # An agent read the case once (issue 19, 3): the person learns it, by role, not by name.
    await AccessRecord.create(
        created_at=data.case.stage_changed_at,
        reader_kind=ReaderKind.USER,
        reader_id=data.world.agent.id,
        role="org_agent",
        action=AccessAction.CASE_READ,
        case_id=data.case.id,
        case_reference=data.case.reference,
        target_type="DisputeCase",
        target_id=str(data.case.id),
        ip="203.0.113.9",
    )
    files = _archive(await build_export(data.person.id, storage_of(settings), keys))
    signature = files.pop("MANIFEST.sha256.jws").decode()
    verify_manifest(files["MANIFEST.sha256"], signature, keys.jwks())
    manifest = files.pop("MANIFEST.sha256").decode()
    listed = dict(reversed(line.split("  ", 1)) for line in manifest.splitlines())
    assert set(listed) == set(files)
    assert all(hashlib.sha256(files[n]).hexdigest() == h for n, h in listed.items())
    everything = b"".join(files.values()).decode("utf-8", "replace")
    for text in (NAME, EMAIL, OWN_CAUCUS, TO_ALL, REPLY, COMMENT, "QRTN-DOC"):
        assert text in everything, text
    assert data.case.reference in everything
    complaint = await Complaint.get(id=data.case.complaint_id)
    assert complaint.reference in files["complaints.json"].decode()
    assert OTHER_CAUCUS not in everything
    assert ORG_INTERNAL not in everything
    folder = f"cases/{data.case.reference}"
    events = files[f"{folder}/events.json"].decode()
    assert "caucus_organisation" not in events
    assert "organisation_internal" not in events
    assert "caucus_complainant" in events
    assert (
        files["mails.json"].count(b'"kind"') == await OutboxMessage.filter(recipient=EMAIL).count()
    )
    [read] = orjson.loads(files["access_log.json"])
    assert (read["role"], read["action"], read["case_reference"]) == (
        "org_agent",
        "case_read",
        data.case.reference,
    )
    assert str(data.world.agent.id) not in files["access_log.json"].decode()
    assert "203.0.113.9" not in everything


async def test_an_export_is_the_persons_own_or_an_admins_for_a_paper_request(
    factory: Factory, settings: Settings
) -> None:
    data = await populated(factory, settings, close=False)
    storage = storage_of(settings)
    keys = load_keyset(settings)
    at = data.case.stage_changed_at
    for stranger in (data.world.agent, data.world.auditor, data.world.neutral):
        with pytest.raises(PrivacyError) as refused:
            await request_data_export(await actor_for(stranger), data.person.id, at, storage, keys)
        assert refused.value.code == "FORBIDDEN"
    own = await request_data_export(await actor_for(data.person), data.person.id, at, storage, keys)
    assert not own.on_paper
    assert own.expires_at == at + timedelta(days=30)
    admin = await factory.user(Role.ADMIN)
    paper = await request_data_export(await actor_for(admin), data.person.id, at, storage, keys)
    assert paper.on_paper
    assert paper.requested_by_id == admin.id
    assert hashlib.sha256(paper.content).hexdigest() == paper.sha256
    # Expired exports go with the retention job.
    later = await run_retention(storage, at + timedelta(days=31))
    assert later.exports_deleted == 2


async def test_an_erasure_request_on_an_open_case_is_held_with_its_reason_and_refused_by_mail(
    factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    data = await populated(factory, settings, close=False)
    await User.filter(id=data.person.id).update(locale=Locale.ZH_HANS)
    storage = storage_of(settings)
    at = data.case.stage_changed_at
    request = await request_erasure(await actor_for(data.person), data.person.id, "Forget me.", at)
    assert request.status is ErasureStatus.HELD
    [hold] = request.holds
    assert hold["kind"] == HoldKind.OPEN_CASE.value
    assert hold["reference"] == data.case.reference
    assert hold["until"] is None
    assert "still being handled" in hold["reason"]

    with pytest.raises(PrivacyError) as twice:
        await request_erasure(await actor_for(data.person), data.person.id, None, at)
    assert twice.value.code == "ERASURE_ALREADY_REQUESTED"
    admin = await actor_for(await factory.user(Role.ADMIN))
    for who in (await actor_for(data.person), await actor_for(data.world.caseworker)):
        with pytest.raises(PrivacyError) as refused:
            await decide_erasure(who, request.id, False, "No.", at, storage)
        assert refused.value.code == "FORBIDDEN"
    with pytest.raises(PrivacyError) as held:
        await decide_erasure(admin, request.id, True, "Granted.", at, storage)
    assert held.value.code == "ERASURE_HELD"
    with pytest.raises(PrivacyError) as bare:
        await decide_erasure(admin, request.id, False, "  ", at, storage)
    assert bare.value.code == "REASONS_REQUIRED"
    decided = await decide_erasure(admin, request.id, False, "The case is still open.", at, storage)
    assert decided.status is ErasureStatus.REFUSED
    assert decided.decided_at == at
    assert await Message.filter(case_id=data.case.id, redacted_at__isnull=False).count() == 0

    mails = [
        m
        for m in await delivered_mails(settings, tmp_path)
        if str(m["To"]).endswith(EMAIL) and "删除" in str(m["Subject"])
    ]
    [mail] = mails
    text = mail_text(mail)
    assert "已被拒绝" in text
    assert "The case is still open." in text
    assert data.case.reference in text
    assert "仍在处理中" in text


async def test_a_closed_case_within_its_period_holds_an_erasure_until_the_period_ends(
    factory: Factory, settings: Settings
) -> None:
    data, closed = await _closed(factory, settings)
    admin = await actor_for(await factory.user(Role.ADMIN))
    request = await request_erasure(admin, data.person.id, "Letter of 3 May.", closed)
    assert request.on_paper
    assert request.status is ErasureStatus.HELD
    [hold] = request.holds
    assert hold["kind"] == HoldKind.RETENTION_PERIOD.value
    assert hold["until"] == kept_until(closed, 6).isoformat()


async def test_a_granted_erasure_erases_like_retention_and_anonymises_the_account(
    factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    data, closed = await _closed(factory, settings, retention_years=0)
    at = closed  # a period of no years: over as the case closes
    request = await request_erasure(await actor_for(data.person), data.person.id, "", at)
    assert request.status is ErasureStatus.PENDING
    assert request.holds == []
    admin = await actor_for(await factory.user(Role.ADMIN))
    decided = await decide_erasure(
        admin, request.id, True, "No hold applies.", at, storage_of(settings)
    )
    assert decided.status is ErasureStatus.GRANTED
    assert decided.erased["cases"] == 1
    assert decided.erased["messages"] == 4
    await _redacted_everywhere(data.case)
    redaction = await TimelineEvent.get(case_id=data.case.id, kind="records_redacted")
    assert redaction.payload == {
        "rule": "erasure",
        "erasure_request": str(request.id),
        "counts": redaction.payload["counts"],
    }
    person = await User.get(id=data.person.id)
    assert person.email == f"{person.id.hex}@{ERASED_DOMAIN}"
    assert person.display_name == ""
    assert not person.is_active

    mails = [m for m in await delivered_mails(settings, tmp_path) if str(m["To"]).endswith(EMAIL)]
    [mail] = mails
    assert "granted" in str(mail["Subject"])
    assert "No hold applies." in mail_text(mail)
    assert await OutboxMessage.filter(kind=MailKind.ERASURE_DECIDED.value, recipient="").exists()
    # Once the last mail is sent, nothing in the database names the person any more.
    assert await found_in_database(*PERSONAL) == {}


async def test_the_worker_runs_retention_beside_the_clock_job(
    factory: Factory, settings: Settings
) -> None:
    data, closed = await _closed(factory, settings, retention_years=1)
    worker = Worker(dataclasses.replace(settings, clock_interval=1))
    await worker.schedule(kept_until(closed, 1) - timedelta(days=1))
    assert (await DisputeCase.get(id=data.case.id)).redacted_at is None
    later = kept_until(closed, 1) + timedelta(days=1)
    # Within the hour the worker does not look again (the clock job still runs each round)...
    worker._last_schedule = float("-inf")
    await worker.schedule(later)
    assert (await DisputeCase.get(id=data.case.id)).redacted_at is None
    # ...and in the next hour it does.
    worker._last_schedule = worker._last_retention = float("-inf")
    await worker.schedule(later)
    await _redacted_everywhere(data.case)


MY_REQUEST = """
mutation { requestErasure(input: {reasons: "Forget me."}) {
  erasureRequest { id status holds { kind reference reason until } }
  userErrors { code }
} }
"""
ADMIN_LIST = "query { erasureRequests { id status personEmail } }"
DECIDE = """
mutation D($id: ID!, $grant: Boolean!) {
  decideErasure(input: {requestId: $id, grant: $grant, reasons: "A case is open."}) {
    erasureRequest { status decisionReasons } userErrors { code }
  }
}
"""


async def test_through_the_api_a_held_request_shows_its_hold_and_an_admin_can_only_refuse_it(
    factory: Factory, settings: Settings, client: httpx.AsyncClient, app: Starlette
) -> None:
    data = await populated(factory, settings, close=False)
    own = await token_for(app, data.person)
    made = (await call(client, own, MY_REQUEST))["data"]["requestErasure"]
    assert made["userErrors"] == []
    request = made["erasureRequest"]
    assert request["status"] == "HELD"
    assert request["holds"] == [
        {
            "kind": "OPEN_CASE",
            "reference": data.case.reference,
            "reason": f"{data.case.reference} is still being handled; its records are needed "
            "until it closes.",
            "until": None,
        }
    ]
    admin = await token_for(app, await factory.user(Role.ADMIN))
    listed = (await call(client, admin, ADMIN_LIST))["data"]["erasureRequests"]
    assert listed == [{"id": request["id"], "status": "HELD", "personEmail": EMAIL}]
    granted = await call(client, admin, DECIDE, {"id": request["id"], "grant": True})
    assert granted["data"]["decideErasure"]["userErrors"] == [{"code": "ERASURE_HELD"}]
    refused = await call(client, admin, DECIDE, {"id": request["id"], "grant": False})
    assert refused["data"]["decideErasure"] == {
        "erasureRequest": {"status": "REFUSED", "decisionReasons": "A case is open."},
        "userErrors": [],
    }
    again = await call(client, admin, DECIDE, {"id": request["id"], "grant": False})
    assert again["data"]["decideErasure"]["userErrors"] == [{"code": "ALREADY_DECIDED"}]


async def test_two_admins_deciding_at_once_make_one_decision(
    factory: Factory, settings: Settings
) -> None:
    data = await populated(factory, settings, close=False)
    at = data.case.stage_changed_at
    request = await request_erasure(await actor_for(data.person), data.person.id, None, at)
    first = await actor_for(await factory.user(Role.ADMIN))
    second = await actor_for(await factory.user(Role.ADMIN))
    storage = storage_of(settings)
    answers = await asyncio.gather(
        decide_erasure(first, request.id, False, "Open.", at, storage),
        decide_erasure(second, request.id, False, "Still open.", at, storage),
        return_exceptions=True,
    )
    refused = [a for a in answers if isinstance(a, PrivacyError)]
    assert [e.code for e in refused] == ["ALREADY_DECIDED"]
    assert await OutboxMessage.filter(kind=MailKind.ERASURE_DECIDED.value).count() == 1
    # A grant a hold stops leaves the request open to a decision.
    held = await request_erasure(await actor_for(data.person), data.person.id, None, at)
    with pytest.raises(PrivacyError):
        await decide_erasure(first, held.id, True, "Yes.", at, storage)
    refusal = await decide_erasure(second, held.id, False, "No.", at, storage)
    assert refusal.status is ErasureStatus.REFUSED
    assert refusal.decided_by_id == second.id


async def test_retention_removes_content_stored_in_the_database_too(
    factory: Factory, settings: Settings
) -> None:
    in_database = dataclasses.replace(settings, document_storage="database")
    data = await populated(factory, in_database)
    await Scheme.filter(id=data.world.scheme.id).update(retention_years=0)
    assert await found_in_database("QRTN-DOC") == {"QRTN-DOC": "document_chunk"}
    done = await run_retention(storage_of(in_database), datetime.now(UTC) + timedelta(seconds=1))
    assert done.cases == [data.case.reference]
    assert await found_in_database("QRTN-DOC", *PERSONAL, skip=ACCOUNT_TABLES) == {}
    await _redacted_everywhere(data.case)

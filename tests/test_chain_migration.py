"""Migration 0023 on a database populated before it: every existing chain still verifies, no
stored hash is rewritten, each case records the anchoring of its messages and document versions
(`records_anchored`), and each complaint's steps are chained from the first under a recorded
anchoring. After it, a message or a step changed in the database is named."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import orjson
from tortoise.backends.base.client import BaseDBAsyncClient

from portal.cases.models import DisputeCase
from portal.complaints.chain import StepBreakReason, verify_complaint
from portal.complaints.models import Complaint
from portal.db import is_sqlite, migrate
from portal.timeline.chain import GENESIS, ChainLink, payload_digest, text_digest
from portal.timeline.coverage import BreakReason
from portal.timeline.services import ChainBreak, name_break, verify
from tests.test_migrations import (
    MigrationSteps,
    _literal,
    connect,
    fresh_url,
    migration_steps,
    populate_every_table,
)

__all__ = ["fresh_url", "migration_steps"]  # the fixtures, for pytest

SCOPES = ("all_parties", "caucus_complainant", "organisation_internal")


def _at(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


async def _rows(conn: BaseDBAsyncClient, sql: str) -> list[dict[str, Any]]:
    return list(await conn.execute_query_dict(sql))


async def _old_chain(conn: BaseDBAsyncClient, case: dict[str, Any]) -> None:
    """The case's timeline as the code before issue 19 wrote it: its referral, then one event
    per message (no text digest) and per document version, each in the record's scope."""
    case_id = uuid.UUID(str(case["id"]))
    where = f"WHERE case_id = {_literal(case_id)} ORDER BY created_at, id"
    messages = await _rows(conn, f"SELECT * FROM message {where}")
    documents = await _rows(conn, f"SELECT * FROM document {where}")
    events: list[tuple[str, str, Any, str, Any, dict[str, Any]]] = [
        ("case_referred", "all_parties", None, "complainant", case["created_at"], {"m": "x"})
    ]
    for m in messages:
        payload = {"message_id": str(m["id"])}
        events.append(
            ("message_posted", m["visibility"], m["author_id"], m["author_role"],
             m["created_at"], payload)
        )  # fmt: skip
    for d in documents:
        payload = {
            "document_id": str(d["id"]), "lineage_id": str(d["lineage_id"]),
            "version": int(d["version"]), "filename": d["filename"], "sha256": d["sha256"],
            "size": int(d["size"]), "content_type": d["content_type"],
        }  # fmt: skip
        events.append(
            ("document_uploaded", d["visibility"], d["uploaded_by_id"], d["uploader_role"],
             d["created_at"], payload)
        )  # fmt: skip
    prev = GENESIS
    for sequence, (kind, scope, actor, role, at, payload) in enumerate(events, start=1):
        link = ChainLink(
            case_id=case_id,
            sequence=sequence,
            kind=kind,
            occurred_at=_at(at),
            actor_id=uuid.UUID(str(actor)) if actor else None,
            actor_role=role,
            visibility=scope,
            payload_digest=payload_digest(payload),
            prev_hash=prev,
        )
        prev = link.hash()
        values = [
            _literal(case_id), str(sequence), _literal(kind), _literal(_at(at).isoformat()),
            _literal(actor) if actor else "NULL", _literal(role), _literal(scope),
            _literal(orjson.dumps(payload).decode()), _literal(link.payload_digest),
            _literal(link.prev_hash), _literal(prev),
        ]  # fmt: skip
        await conn.execute_script(
            "INSERT INTO timeline_event (case_id, sequence, kind, occurred_at, actor_id,"
            " actor_role, visibility, payload, payload_digest, prev_hash, hash)"
            f" VALUES ({', '.join(values)})"
        )
    await conn.execute_script(
        f"UPDATE dispute_case SET last_sequence = {len(events)}, head_hash = {_literal(prev)}"
        f" WHERE id = {_literal(case_id)}"
    )


async def _populated_before_0023(url: str, steps: MigrationSteps) -> None:
    sqlite = is_sqlite(url)
    await steps.migrate_to(url, "0022_redaction_marks")
    async with connect(url) as (conn, _):
        await populate_every_table(conn, sqlite)
        await conn.execute_script("DELETE FROM timeline_event")
        cases = await _rows(conn, "SELECT id, created_at FROM dispute_case ORDER BY id")
        messages = await _rows(conn, "SELECT * FROM message ORDER BY id")
        documents = await _rows(conn, "SELECT id FROM document ORDER BY id")
        for scope, m, d in zip(SCOPES, messages, documents, strict=True):
            await conn.execute_script(
                f"UPDATE message SET visibility = {_literal(scope)} WHERE id = {_literal(m['id'])};"
                f"UPDATE document SET visibility = {_literal(scope)}, version = 1,"
                f" lineage_id = id WHERE id = {_literal(d['id'])}"
            )
        # A second message on the first case, in a caucus: its anchoring is listed apart.
        first = messages[0]
        await conn.execute_script(
            "INSERT INTO message (id, case_id, visibility, author_id, author_role, body,"
            f" created_at) VALUES ({_literal(uuid.uuid4())}, {_literal(first['case_id'])},"
            f" 'caucus_organisation', {_literal(uuid.uuid4())}, 'organisation',"
            " 'Between us: offer 60.', '2024-03-01T10:00:00+00:00')"
        )
        # Redacted before the migration (part D may run first): its text is already gone.
        await conn.execute_script(
            "UPDATE message SET body = '', redacted_at = '2024-05-01T00:00:00+00:00'"
            f" WHERE id = {_literal(messages[1]['id'])}"
        )
        for case in cases:
            await _old_chain(conn, case)
        # More steps on the first complaint, one of them redacted.
        complaint = (await _rows(conn, "SELECT id FROM complaint ORDER BY id"))[0]["id"]
        for day, text, redacted in (
            (5, "Refund refused.", None),
            (6, "", "2024-05-01T00:00:00+00:00"),
        ):
            await conn.execute_script(
                'INSERT INTO complaint_step (complaint_id, action, status, actor_role, "at",'
                f" \"text\", redacted_at) VALUES ({_literal(complaint)}, 'add_note',"
                f" 'acknowledged', 'staff', '2024-02-{day:02d}T09:00:00+00:00',"
                f" {_literal(text)}, {_literal(redacted) if redacted else 'NULL'})"
            )


def _case(row: dict[str, Any]) -> DisputeCase:
    """The chain's view of a case row (its other columns hold the generator's samples)."""
    return DisputeCase(
        id=uuid.UUID(str(row["id"])),
        last_sequence=int(row["last_sequence"]),
        head_hash=str(row["head_hash"]),
    )


def _complaint(row: dict[str, Any]) -> Complaint:
    return Complaint(
        id=uuid.UUID(str(row["id"])),
        last_sequence=int(row["last_sequence"]),
        head_hash=str(row["head_hash"]),
        anchored_at=_at(row["anchored_at"]) if row["anchored_at"] is not None else None,
        anchored_steps=int(row["anchored_steps"]),
    )


async def test_0023_anchors_existing_records_and_leaves_every_chain_verifying(
    fresh_url: str, migration_steps: MigrationSteps
) -> None:
    await _populated_before_0023(fresh_url, migration_steps)
    async with connect(fresh_url) as (conn, _):
        before = await _rows(conn, "SELECT id, hash FROM timeline_event ORDER BY id")
        cases_before = await _rows(conn, "SELECT * FROM dispute_case ORDER BY id")
        for row in cases_before:
            assert (await verify(_case(row))).ok

    await migrate(fresh_url)

    async with connect(fresh_url) as (conn, _):
        events = await _rows(conn, "SELECT * FROM timeline_event ORDER BY case_id, sequence")
        cases = await _rows(conn, "SELECT * FROM dispute_case ORDER BY id")
        complaints = await _rows(conn, "SELECT * FROM complaint ORDER BY id")
        messages = await _rows(conn, "SELECT * FROM message ORDER BY created_at, id")
        steps = await _rows(conn, 'SELECT * FROM complaint_step ORDER BY "at", id')
        # Never a rewrite: every event from before keeps its hash.
        kept = {str(r["id"]): r["hash"] for r in events}
        assert {str(r["id"]): r["hash"] for r in before} == {
            str(r["id"]): kept[str(r["id"])] for r in before
        }
        for row in cases:
            result = await verify(_case(row))
            assert (result.ok, result.first_broken_sequence) == (True, None), row["id"]
        for row in complaints:
            result = await verify_complaint(_complaint(row))
            assert result.ok, (row["id"], result)

        anchored = [e for e in events if e["kind"] == "records_anchored"]
        by_case: dict[str, list[dict[str, Any]]] = {}
        for e in anchored:
            by_case.setdefault(str(e["case_id"]), []).append(e)
        documents = await _rows(conn, "SELECT case_id, visibility FROM document")
        scopes: dict[str, set[str]] = {str(c["id"]): set() for c in cases}
        for r in [*messages, *documents]:
            scopes[str(r["case_id"])].add(str(r["visibility"]))
        # One event per scope that holds records, in that scope.
        assert {k: {e["visibility"] for e in v} for k, v in by_case.items()} == scopes
        assert all(len(v) == len(scopes[k]) for k, v in by_case.items())
        assert any(len(v) > 1 for v in by_case.values())
        listed: dict[str, str] = {}
        for e in anchored:
            payload = e["payload"] if isinstance(e["payload"], dict) else orjson.loads(e["payload"])
            assert (e["actor_role"], e["actor_id"]) == ("system", None)
            for m in payload["messages"]:
                listed[m["message_id"]] = m["text_digest"]
        assert listed == {str(m["id"]): text_digest(str(m["body"])) for m in messages}

        # Complaint steps: chained from the first, under the recorded anchoring.
        first_complaint = next(c for c in complaints if c["last_sequence"] == 3)
        assert first_complaint["anchored_at"] is not None
        assert first_complaint["anchored_steps"] == 3
        chained = sorted(
            (s for s in steps if str(s["complaint_id"]) == str(first_complaint["id"])),
            key=lambda s: s["sequence"],
        )
        assert [s["sequence"] for s in chained] == [1, 2, 3]
        assert [_at(s["at"]) for s in chained] == sorted(_at(s["at"]) for s in chained)
        assert first_complaint["head_hash"] == chained[-1]["hash"]

        # From now on, a change of a message from before names its anchoring event ...
        changed = next(m for m in messages if m["redacted_at"] is None)
        await conn.execute_script(
            f"UPDATE message SET body = 'Changed.' WHERE id = {_literal(changed['id'])}"
        )
        case_row = next(c for c in cases if str(c["id"]) == str(changed["case_id"]))
        anchor = next(
            e for e in by_case[str(changed["case_id"])] if e["visibility"] == changed["visibility"]
        )
        result = await verify(_case(case_row))
        assert result.first_broken_sequence == anchor["sequence"]
        assert await name_break(_case(case_row), anchor["sequence"]) == ChainBreak(
            anchor["sequence"], "records_anchored", BreakReason.MESSAGE_ALTERED
        )
        # ... and a change of a step's text names the step.
        second = _literal(chained[1]["id"])
        await conn.execute_script(
            f"UPDATE complaint_step SET \"text\" = 'Changed.' WHERE id = {second}"
        )
        result_c = await verify_complaint(_complaint(first_complaint))
        assert result_c.broken is not None
        assert (result_c.broken.sequence, result_c.broken.reason) == (
            2,
            StepBreakReason.TEXT_ALTERED,
        )

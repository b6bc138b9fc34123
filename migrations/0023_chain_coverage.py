"""Issue 19, part A: everything on the chain.

A complaint's steps form a hash chain of their own (`portal.complaints.chain`): each step keeps
its sequence, the SHA-256 of its text, the digest of its fields, the previous step's hash and its
own; the complaint keeps the head. A case's messages and document versions are covered by the
case's chain (`portal.timeline.coverage`).

Rows from before, never rewritten (no stored hash changes):
- Each complaint's existing steps are chained from the first in order (`at`, then id), under an
  anchoring the complaint records (`anchored_at`, `anchored_steps`) and its first step's hash
  covers. A complaint without steps is left as it is: its first step will start at the genesis.
- Each case gets `records_anchored` events appended to its timeline, after its head: one per
  visibility scope that holds messages or document versions, in that scope (a caucus's records
  are listed only where that caucus may read them), each listing the text digest of every
  message and the SHA-256, version and lineage of every document version of that scope; a case
  holding none gets one event for all parties with empty lists, marking when coverage began.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import orjson
from tortoise import fields, migrations
from tortoise.migrations import operations as ops

from portal.complaints.chain import StepLink, anchor_hash
from portal.timeline.chain import GENESIS, ChainLink, payload_digest, text_digest
from portal.timeline.coverage import RECORDS_ANCHORED, anchored_payload

# The scopes in the order their events are appended (portal.timeline.models.Visibility).
SCOPES = (
    "all_parties",
    "caucus_complainant",
    "caucus_organisation",
    "neutral_only",
    "organisation_internal",
    "provider_internal",
)


class AddColumnWithDefault(ops.AddField):
    """Tortoise's AddField writes `ADD COLUMN ... NOT NULL` without the default, which SQLite
    refuses outright and PostgreSQL refuses on a table with rows (see 0021_ways_forward)."""

    async def database_forward(self, app_label, old_state, new_state, state_editor=None):
        if not state_editor:
            return
        model = new_state.apps.get_model(f"{app_label}.{self.model_name}")
        sql_type = self.field.get_for_dialect(state_editor.DIALECT, "SQL_TYPE")
        default = self.field.default
        literal = str(default) if isinstance(default, int) else "'" + str(default) + "'"
        await state_editor._run_sql(
            f'ALTER TABLE "{model._meta.db_table}" ADD COLUMN "{self.name}" {sql_type} '
            f"NOT NULL DEFAULT {literal}"
        )


def _instant(value: Any) -> datetime:
    """A stored timestamp as a datetime (SQLite hands back text, PostgreSQL datetimes)."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _uuid(value: Any) -> uuid.UUID | None:
    return None if value is None else uuid.UUID(str(value))


def _optional(value: Any) -> str | None:
    return None if value is None else str(value)


class _Writer:
    """Parameters in the dialect's style and values in the form its driver takes."""

    def __init__(self, state_editor: Any) -> None:
        self.client = state_editor.client
        self.sqlite = state_editor.DIALECT == "sqlite"

    def marks(self, count: int) -> list[str]:
        return ["?" if self.sqlite else f"${n}" for n in range(1, count + 1)]

    def at(self, value: datetime) -> Any:
        return value.isoformat(" ") if self.sqlite else value

    def id(self, value: uuid.UUID | None) -> Any:
        if value is None:
            return None
        return str(value) if self.sqlite else value

    async def update(self, table: str, key: Any, values: dict[str, Any]) -> None:
        marks = self.marks(len(values) + 1)
        assignments = ", ".join(f'"{name}" = {mark}' for name, mark in zip(values, marks))
        await self.client.execute_query(
            f'UPDATE "{table}" SET {assignments} WHERE id = {marks[-1]}',  # noqa: S608
            [*values.values(), key],
        )


async def _chain_complaint_steps(w: _Writer, at: datetime) -> None:
    complaints = await w.client.execute_query_dict("SELECT id FROM complaint ORDER BY id")
    for complaint in complaints:
        complaint_id = uuid.UUID(str(complaint["id"]))
        steps = await w.client.execute_query_dict(
            'SELECT id, action, status, actor_id, actor_role, "at", "text", decision, clock'
            f' FROM complaint_step WHERE complaint_id = {w.marks(1)[0]} ORDER BY "at", id',
            [w.id(complaint_id)],
        )
        if not steps:
            continue
        prev = anchor_hash(complaint_id, at, len(steps))
        for sequence, step in enumerate(steps, start=1):
            link = StepLink(
                complaint_id=complaint_id,
                sequence=sequence,
                action=str(step["action"]),
                status=str(step["status"]),
                actor_id=_uuid(step["actor_id"]),
                actor_role=str(step["actor_role"]),
                at=_instant(step["at"]),
                text_digest=text_digest(str(step["text"])),
                decision=_optional(step["decision"]),
                clock=_optional(step["clock"]),
                prev_hash=prev,
            )
            prev = link.hash()
            await w.update(
                "complaint_step",
                step["id"],
                {
                    "sequence": sequence,
                    "text_digest": link.text_digest,
                    "payload_digest": link.payload_digest(),
                    "prev_hash": link.prev_hash,
                    "hash": prev,
                },
            )
        await w.update(
            "complaint",
            complaint["id"],
            {
                "last_sequence": len(steps),
                "head_hash": prev,
                "anchored_at": w.at(at),
                "anchored_steps": len(steps),
            },
        )


async def _anchor_case_records(w: _Writer, at: datetime) -> None:
    cases = await w.client.execute_query_dict(
        "SELECT id, last_sequence, head_hash FROM dispute_case ORDER BY id"
    )
    columns = (
        "case_id, sequence, kind, occurred_at, actor_id, actor_role, visibility, payload,"
        " payload_digest, prev_hash, hash"
    )
    insert = f"INSERT INTO timeline_event ({columns}) VALUES ({', '.join(w.marks(11))})"  # noqa: S608
    for case in cases:
        case_id = uuid.UUID(str(case["id"]))
        where = f"WHERE case_id = {w.marks(1)[0]} ORDER BY created_at, id"
        messages = await w.client.execute_query_dict(
            f"SELECT id, visibility, body FROM message {where}",  # noqa: S608
            [w.id(case_id)],
        )
        documents = await w.client.execute_query_dict(
            f"SELECT id, visibility, lineage_id, version, sha256 FROM document {where}",  # noqa: S608
            [w.id(case_id)],
        )
        scopes = {str(r["visibility"]) for r in [*messages, *documents]} or {"all_parties"}
        sequence, prev = int(case["last_sequence"]), str(case["head_hash"] or "") or GENESIS
        for scope in sorted(scopes, key=lambda s: SCOPES.index(s) if s in SCOPES else len(SCOPES)):
            payload = anchored_payload(
                [m for m in messages if str(m["visibility"]) == scope],
                [d for d in documents if str(d["visibility"]) == scope],
            )
            sequence += 1
            link = ChainLink(
                case_id=case_id,
                sequence=sequence,
                kind=RECORDS_ANCHORED,
                occurred_at=at,
                actor_id=None,
                actor_role="system",
                visibility=scope,
                payload_digest=payload_digest(payload),
                prev_hash=prev,
            )
            prev = link.hash()
            await w.client.execute_query(
                insert,
                [
                    w.id(case_id),
                    sequence,
                    RECORDS_ANCHORED,
                    w.at(at),
                    None,
                    "system",
                    scope,
                    orjson.dumps(payload).decode(),
                    link.payload_digest,
                    link.prev_hash,
                    prev,
                ],
            )
        await w.update("dispute_case", case["id"], {"last_sequence": sequence, "head_hash": prev})


async def anchor(apps, state_editor) -> None:
    writer = _Writer(state_editor)
    at = datetime.now(UTC)
    await _chain_complaint_steps(writer, at)
    await _anchor_case_records(writer, at)


def _column(model: str, name: str, field: fields.Field) -> ops.AddField:
    return AddColumnWithDefault(model_name=model, name=name, field=field)


class Migration(migrations.Migration):
    dependencies = [("portal", "0022_redaction_marks")]

    initial = False

    operations = [
        _column("Complaint", "last_sequence", fields.IntField(default=0)),
        _column("Complaint", "head_hash", fields.CharField(default="", max_length=64)),
        ops.AddField(
            model_name="Complaint",
            name="anchored_at",
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        _column("Complaint", "anchored_steps", fields.IntField(default=0)),
        _column("ComplaintStep", "sequence", fields.IntField(default=0)),
        _column("ComplaintStep", "text_digest", fields.CharField(default="", max_length=64)),
        _column("ComplaintStep", "payload_digest", fields.CharField(default="", max_length=64)),
        _column("ComplaintStep", "prev_hash", fields.CharField(default="", max_length=64)),
        _column("ComplaintStep", "hash", fields.CharField(default="", max_length=64)),
        ops.RunPython(anchor, reverse_code=ops.RunPython.noop),
    ]

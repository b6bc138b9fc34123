"""Issue 15: complaints as a lifecycle of their own (portal.complaints.transitions). Every step
taken on a complaint is kept (`complaint_step`); the organisation's acknowledge and respond
clocks (`complaint_clock`), per its `complaint_policy`; the decision given with a response.

Rows from before: every organisation gets the default complaint policy (an empty one). Each
complaint gets its steps from the dates it kept, in the order of the lifecycle, with the text
it kept for each (assessment, response, closure note, unresolved reason): filed online by its
complainant, or recorded by the agent who recorded it; confirmed by its complainant; the
organisation's steps as staff, with no actor (the complaint did not record who took them); a
referral by whoever the dispute case's timeline says referred it. No decision is invented for
a response, and no clock is started for a complaint received before clocks existed.
"""

from datetime import datetime
from typing import Any
from uuid import uuid4

from orjson import loads
from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from portal.cases.states import Calendar, ClockStatus
from portal.complaints.models import ComplaintStatus
from portal.complaints.states import (
    ComplaintAction,
    ComplaintClockKind,
    ComplaintDecision,
    ComplaintRole,
)


class AddJsonColumnWithDefault(ops.AddField):
    """Tortoise's AddField writes `ADD COLUMN ... NOT NULL` without the default, which SQLite
    refuses outright and PostgreSQL refuses on a table with rows (see 0018_signup); the
    default here is an empty JSON object."""

    async def database_forward(self, app_label, old_state, new_state, state_editor=None):
        if not state_editor:
            return
        model = new_state.apps.get_model(f"{app_label}.{self.model_name}")
        sql_type = self.field.get_for_dialect(state_editor.DIALECT, "SQL_TYPE")
        await state_editor._run_sql(
            f'ALTER TABLE "{model._meta.db_table}" ADD COLUMN "{self.name}" {sql_type} '
            "NOT NULL DEFAULT '{}'"
        )


def _instant(value: Any) -> datetime:
    """A stored timestamp as a datetime (SQLite hands back text, PostgreSQL datetimes)."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


# The lifecycle after receipt, in order: (date column, action, status after, text column).
_STAFF_STEPS = (
    ("acknowledged_at", "acknowledge", "acknowledged", None),
    ("assessed_at", "assess", "assessed", "assessment"),
    ("responded_at", "respond", "responded", "response"),
    ("closed_at", "close", "closed", "closure_note"),
)


def _steps(c: dict[str, Any], referrer: dict[str, Any] | None) -> list[tuple[Any, ...]]:
    """(action, status, actor_id, actor_role, at, text) of one complaint's steps, oldest first
    (the lifecycle's order between steps of the same instant)."""
    web = c["channel"] == "web"
    first = (
        ("file", "complainant", c["complainant_id"])
        if web
        else ("record", "staff", c["recorded_by_id"])
    )
    found: list[tuple[int, tuple[Any, ...]]] = [
        (0, (first[0], "received", first[2], first[1], c["received_at"], ""))
    ]
    for order, (column, action, status, text) in enumerate(_STAFF_STEPS, start=2):
        if c[column] is not None:
            found.append((order, (action, status, None, "staff", c[column], c[text] if text else "")))
    referred = c["referred_at"]
    if referred is not None:
        by_complainant = referrer is not None and referrer["actor_role"] != "organisation"
        actor = referrer["actor_id"] if referrer is not None else None
        role = "complainant" if by_complainant else "staff"
        found.append((9, ("refer", "referred", actor, role, referred, c["unresolved_reason"])))
    confirmed = c["confirmed_at"]
    # Filed online, a complaint is confirmed when filed; referred by its complainant, the
    # referral is the confirmation: neither is a step of its own.
    if not web and confirmed is not None and confirmed != referred:
        before = [s for _, s in found if _instant(s[4]) <= _instant(confirmed)]
        status = sorted(before, key=lambda s: _instant(s[4]))[-1][1] if before else "received"
        found.append((1, ("confirm", status, c["complainant_id"], "complainant", confirmed, "")))
    return [s for _, s in sorted(found, key=lambda item: (_instant(item[1][4]), item[0]))]


async def backfill_steps(apps, state_editor) -> None:
    client = state_editor.client
    sqlite = state_editor.DIALECT == "sqlite"
    marks = ", ".join("?" if sqlite else f"${n}" for n in range(1, 8))
    columns = 'complaint_id, action, status, actor_id, actor_role, "at", "text"'
    insert = f"INSERT INTO complaint_step ({columns}) VALUES ({marks})"  # noqa: S608
    referrers = {
        str(row["complaint_id"]): row
        for row in await client.execute_query_dict(
            "SELECT dispute_case.complaint_id, timeline_event.actor_id, timeline_event.actor_role"
            " FROM dispute_case JOIN timeline_event ON timeline_event.case_id = dispute_case.id"
            " WHERE timeline_event.kind = 'case_referred'"
        )
    }
    rows: list[list[Any]] = []
    for c in await client.execute_query_dict("SELECT * FROM complaint ORDER BY received_at, id"):
        for step in _steps(c, referrers.get(str(c["id"]))):
            rows.append([c["id"], *step])
    if rows:
        await client.execute_many(insert, rows)


class Migration(migrations.Migration):
    dependencies = [("portal", "0019_shown_recorded")]

    initial = False

    operations = [
        ops.CreateModel(
            name="ComplaintClock",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                (
                    "complaint",
                    fields.ForeignKeyField(
                        "portal.Complaint",
                        source_field="complaint_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="clocks",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "kind",
                    fields.CharEnumField(
                        description="ACKNOWLEDGE: acknowledge\nRESPOND: respond",
                        enum_type=ComplaintClockKind,
                        max_length=16,
                    ),
                ),
                (
                    "calendar",
                    fields.CharEnumField(
                        description="CALENDAR_DAYS: calendar_days\nWORKING_DAYS: working_days",
                        enum_type=Calendar,
                        max_length=16,
                    ),
                ),
                ("days", fields.IntField()),
                ("started_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ("due_at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
                (
                    "status",
                    fields.CharEnumField(
                        default=ClockStatus.RUNNING,
                        description="RUNNING: running\nMET: met\nMISSED: missed\nSTOPPED: stopped",
                        enum_type=ClockStatus,
                        max_length=16,
                    ),
                ),
                ("ended_at", fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={
                "table": "complaint_clock",
                "app": "portal",
                "indexes": [Index(fields=["status", "due_at"])],
                "pk_attr": "id",
                "table_description": "A deadline of the organisation on one complaint (portal.complaints.clocks).",
            },
            bases=["Model"],
        ),
        ops.CreateModel(
            name="ComplaintStep",
            fields=[
                (
                    "id",
                    fields.BigIntField(
                        generated=True, primary_key=True, unique=True, db_index=True
                    ),
                ),
                (
                    "complaint",
                    fields.ForeignKeyField(
                        "portal.Complaint",
                        source_field="complaint_id",
                        db_constraint=True,
                        to_field="id",
                        related_name="steps",
                        on_delete=OnDelete.RESTRICT,
                    ),
                ),
                (
                    "action",
                    fields.CharEnumField(
                        description="FILE: file\nRECORD: record\nCONFIRM: confirm\nACKNOWLEDGE: acknowledge\nASSESS: assess\nADD_NOTE: add_note\nRESPOND: respond\nCLOSE: close\nREFER: refer\nMISS_ACKNOWLEDGE: miss_acknowledge\nMISS_RESPOND: miss_respond",
                        enum_type=ComplaintAction,
                        max_length=24,
                    ),
                ),
                (
                    "status",
                    fields.CharEnumField(
                        description="RECEIVED: received\nACKNOWLEDGED: acknowledged\nASSESSED: assessed\nRESPONDED: responded\nCLOSED: closed\nREFERRED: referred",
                        enum_type=ComplaintStatus,
                        max_length=16,
                    ),
                ),
                ("actor_id", fields.UUIDField(null=True)),
                (
                    "actor_role",
                    fields.CharEnumField(
                        description="COMPLAINANT: complainant\nSTAFF: staff\nSYSTEM: system",
                        enum_type=ComplaintRole,
                        max_length=16,
                    ),
                ),
                ("at", fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ("text", fields.TextField(default="", unique=False)),
                (
                    "decision",
                    fields.CharEnumField(
                        null=True,
                        description="UPHELD: upheld\nPARTLY_UPHELD: partly_upheld\nNOT_UPHELD: not_upheld",
                        enum_type=ComplaintDecision,
                        max_length=16,
                    ),
                ),
                (
                    "clock",
                    fields.CharEnumField(
                        null=True,
                        description="ACKNOWLEDGE: acknowledge\nRESPOND: respond",
                        enum_type=ComplaintClockKind,
                        max_length=16,
                    ),
                ),
            ],
            options={
                "table": "complaint_step",
                "app": "portal",
                "indexes": [Index(fields=["complaint_id", "at"])],
                "pk_attr": "id",
                "table_description": "One step taken on a complaint, as its transition table ran it (append-only).",
            },
            bases=["Model"],
        ),
        ops.AddField(
            model_name="Complaint",
            name="decision",
            field=fields.CharEnumField(
                null=True,
                description="UPHELD: upheld\nPARTLY_UPHELD: partly_upheld\nNOT_UPHELD: not_upheld",
                enum_type=ComplaintDecision,
                max_length=16,
            ),
        ),
        AddJsonColumnWithDefault(
            model_name="Organisation",
            name="complaint_policy",
            field=fields.JSONField(default=dict, encoder=JSON_DUMPS, decoder=loads),
        ),
        ops.RunPython(backfill_steps, reverse_code=ops.RunPython.noop),
    ]

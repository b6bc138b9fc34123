"""Issue 15, a way forward from every stage: the new clocks (consent, reply, confirmation,
closure) and closure reasons (consent not given, not settled, outcome not accepted, not
implemented); the complainant's reply to the organisation's position; the implementation
escalated to the provider; which side withdrew; why a neutral's appointment ended; whether a
scheme lets the organisation withdraw.

Rows from before: no reply and nothing escalated; every past withdrawal was the complainant's
(who alone could withdraw), and no scheme lets the organisation withdraw.
"""

from tortoise import fields, migrations
from tortoise.migrations import operations as ops

from portal.cases.states import ClockKind, ClosureReason, Side


class AddColumnWithDefault(ops.AddField):
    """Tortoise's AddField writes `ADD COLUMN ... NOT NULL` without the default, which SQLite
    refuses outright and PostgreSQL refuses on a table with rows (see 0008_providers)."""

    async def database_forward(self, app_label, old_state, new_state, state_editor=None):
        if not state_editor:
            return
        model = new_state.apps.get_model(f"{app_label}.{self.model_name}")
        sql_type = self.field.get_for_dialect(state_editor.DIALECT, "SQL_TYPE")
        default = self.field.default
        if isinstance(default, bool):
            literal = "TRUE" if default else "FALSE"
            if state_editor.DIALECT == "sqlite":
                literal = "1" if default else "0"
        else:
            literal = "'" + str(default).replace("'", "''") + "'"
        await state_editor._run_sql(
            f'ALTER TABLE "{model._meta.db_table}" ADD COLUMN "{self.name}" {sql_type} '
            f"NOT NULL DEFAULT {literal}"
        )


class AlterEnumValues(ops.AlterField):
    """Only the enum's values change (the column's description): the column stays a VARCHAR
    of the same length. SQLite stores no column comment, and Tortoise would rebuild the whole
    table there for it; PostgreSQL updates the comment."""

    async def database_forward(self, app_label, old_state, new_state, state_editor=None):
        if state_editor is None or state_editor.DIALECT == "sqlite":
            return
        await super().database_forward(app_label, old_state, new_state, state_editor)

    async def database_backward(self, app_label, old_state, new_state, state_editor=None):
        if state_editor is None or state_editor.DIALECT == "sqlite":
            return
        await super().database_backward(app_label, old_state, new_state, state_editor)


class Migration(migrations.Migration):
    dependencies = [("portal", "0020_complaint_lifecycle")]

    initial = False

    operations = [
        AlterEnumValues(
            model_name="Clock",
            name="kind",
            field=fields.CharEnumField(
                description="ACCEPTANCE: acceptance\nCONSENT: consent\nRESPONSE: response\n"
                "REPLY: reply\nOBJECTION: objection\nOUTCOME: outcome\nREFLECTION: reflection\n"
                "REVIEW: review\nIMPLEMENTATION: implementation\nCONFIRMATION: confirmation\n"
                "CLOSURE: closure",
                enum_type=ClockKind,
                max_length=16,
            ),
        ),
        AlterEnumValues(
            model_name="DisputeCase",
            name="closure_reason",
            field=fields.CharEnumField(
                null=True,
                description="RESOLVED: resolved\nOUTCOME_REJECTED: outcome_rejected\n"
                "ORGANISATION_REFUSED: organisation_refused\nDISCONTINUED: discontinued\n"
                "CONSENT_NOT_GIVEN: consent_not_given\nNOT_SETTLED: not_settled\n"
                "OUTCOME_NOT_ACCEPTED: outcome_not_accepted\nNOT_IMPLEMENTED: not_implemented",
                enum_type=ClosureReason,
                max_length=32,
            ),
        ),
        AddColumnWithDefault(
            model_name="DisputeCase",
            name="complainant_reply",
            field=fields.TextField(default="", unique=False),
        ),
        ops.AddField(
            model_name="DisputeCase",
            name="replied_at",
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name="DisputeCase",
            name="escalated_at",
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
        AddColumnWithDefault(
            model_name="DisputeCase",
            name="escalation_note",
            field=fields.TextField(default="", unique=False),
        ),
        ops.AddField(
            model_name="DisputeCase",
            name="withdrawn_by",
            field=fields.CharEnumField(
                null=True,
                description="COMPLAINANT: complainant\nORGANISATION: organisation",
                enum_type=Side,
                max_length=16,
            ),
        ),
        ops.RunSQL(
            ["UPDATE dispute_case SET withdrawn_by = 'complainant' WHERE stage = 'withdrawn'"],
            reverse_sql=[],
        ),
        AddColumnWithDefault(
            model_name="NeutralAppointment",
            name="end_reasons",
            field=fields.TextField(default="", unique=False),
        ),
        AddColumnWithDefault(
            model_name="Scheme",
            name="organisation_may_withdraw",
            field=fields.BooleanField(default=False),
        ),
    ]

"""Indexes on the foreign keys that had none (issue 17: reads by case, complainant, invoice...).

PostgreSQL does not index a foreign key by itself, and the models left `db_index` off these
columns, so every lookup by them (a case's automated reviews and decisions, receipts,
satisfaction records, audit findings; a complainant's cases and complaints; an invoice's
payments, waivers and checkouts; a deleted parent's cascade) read the whole table. Found by
listing every foreign key whose column leads no index (`pg_constraint` against `pg_index`).

Tortoise's AlterField would rebuild each table on SQLite to add an index (STACK-NOTES: a
rebuild cascades and deletes child rows), so `IndexForeignKey` keeps AlterField's state change
(the field now says `db_index=True`, so models and migrations agree) and only creates, or on
the way back drops, the index, on both databases.
"""

from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.migrations import operations as ops


def _index(table: str, column: str) -> str:
    return f"idx_{table}_{column}_fk"


class IndexForeignKey(ops.AlterField):
    """The field gains `db_index=True`: one CREATE INDEX, no table rebuild."""

    def _where(self, state, app_label):
        model = state.apps.get_model(f"{app_label}.{self.model_name}")
        return model._meta.db_table, f"{self.name}_id"

    async def database_forward(self, app_label, old_state, new_state, state_editor=None):
        if state_editor is None:
            return
        table, column = self._where(new_state, app_label)
        await state_editor._run_sql(
            f'CREATE INDEX IF NOT EXISTS "{_index(table, column)}" ON "{table}" ("{column}")'
        )

    async def database_backward(self, app_label, old_state, new_state, state_editor=None):
        if state_editor is None:
            return
        table, column = self._where(new_state, app_label)
        await state_editor._run_sql(f'DROP INDEX IF EXISTS "{_index(table, column)}"')


class Migration(migrations.Migration):
    dependencies = [("portal", "0040_automated_mail")]

    initial = False

    operations = [
        IndexForeignKey(
            model_name="AuditFinding",
            name="case",
            field=fields.ForeignKeyField(
                "portal.DisputeCase",
                source_field="case_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="audit_findings",
                on_delete=OnDelete.RESTRICT,
            ),
        ),
        IndexForeignKey(
            model_name="AuditFinding",
            name="run",
            field=fields.ForeignKeyField(
                "portal.AuditRun",
                source_field="run_id",
                null=True,
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="findings",
                on_delete=OnDelete.SET_NULL,
            ),
        ),
        IndexForeignKey(
            model_name="AuditFollowUp",
            name="finding",
            field=fields.ForeignKeyField(
                "portal.AuditFinding",
                source_field="finding_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="follow_ups",
                on_delete=OnDelete.CASCADE,
            ),
        ),
        IndexForeignKey(
            model_name="AuditRunCase",
            name="case",
            field=fields.ForeignKeyField(
                "portal.DisputeCase",
                source_field="case_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="audit_checks",
                on_delete=OnDelete.RESTRICT,
            ),
        ),
        IndexForeignKey(
            model_name="AutomatedDecision",
            name="case",
            field=fields.ForeignKeyField(
                "portal.DisputeCase",
                source_field="case_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="automated_decisions",
                on_delete=OnDelete.RESTRICT,
            ),
        ),
        IndexForeignKey(
            model_name="AutomatedReview",
            name="case",
            field=fields.ForeignKeyField(
                "portal.DisputeCase",
                source_field="case_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="automated_reviews",
                on_delete=OnDelete.RESTRICT,
            ),
        ),
        IndexForeignKey(
            model_name="CaseGroup",
            name="lead_case",
            field=fields.ForeignKeyField(
                "portal.DisputeCase",
                source_field="lead_case_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="led_groups",
                on_delete=OnDelete.RESTRICT,
            ),
        ),
        IndexForeignKey(
            model_name="Complaint",
            name="complainant",
            field=fields.ForeignKeyField(
                "portal.User",
                source_field="complainant_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="complaints",
                on_delete=OnDelete.RESTRICT,
            ),
        ),
        IndexForeignKey(
            model_name="ComplaintClock",
            name="complaint",
            field=fields.ForeignKeyField(
                "portal.Complaint",
                source_field="complaint_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="clocks",
                on_delete=OnDelete.RESTRICT,
            ),
        ),
        IndexForeignKey(
            model_name="DisputeCase",
            name="complainant",
            field=fields.ForeignKeyField(
                "portal.User",
                source_field="complainant_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="disputes",
                on_delete=OnDelete.RESTRICT,
            ),
        ),
        IndexForeignKey(
            model_name="DisputeCase",
            name="scheme",
            field=fields.ForeignKeyField(
                "portal.Scheme",
                source_field="scheme_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="cases",
                on_delete=OnDelete.RESTRICT,
            ),
        ),
        IndexForeignKey(
            model_name="Document",
            name="supersedes",
            field=fields.ForeignKeyField(
                "portal.Document",
                source_field="supersedes_id",
                null=True,
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="superseded_by",
                on_delete=OnDelete.RESTRICT,
            ),
        ),
        IndexForeignKey(
            model_name="ExternalPerson",
            name="user",
            field=fields.ForeignKeyField(
                "portal.User",
                source_field="user_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="external_references",
                on_delete=OnDelete.CASCADE,
            ),
        ),
        IndexForeignKey(
            model_name="FeeBand",
            name="schedule",
            field=fields.ForeignKeyField(
                "portal.FeeSchedule",
                source_field="schedule_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="bands",
                on_delete=OnDelete.CASCADE,
            ),
        ),
        IndexForeignKey(
            model_name="FeeCheckout",
            name="invoice",
            field=fields.ForeignKeyField(
                "portal.FeeInvoice",
                source_field="invoice_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="checkouts",
                on_delete=OnDelete.RESTRICT,
            ),
        ),
        IndexForeignKey(
            model_name="FeePayment",
            name="invoice",
            field=fields.ForeignKeyField(
                "portal.FeeInvoice",
                source_field="invoice_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="payments",
                on_delete=OnDelete.RESTRICT,
            ),
        ),
        IndexForeignKey(
            model_name="FeeWaiver",
            name="invoice",
            field=fields.ForeignKeyField(
                "portal.FeeInvoice",
                source_field="invoice_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="waivers",
                on_delete=OnDelete.RESTRICT,
            ),
        ),
        IndexForeignKey(
            model_name="HeadReceipt",
            name="case",
            field=fields.ForeignKeyField(
                "portal.DisputeCase",
                source_field="case_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="head_receipts",
                on_delete=OnDelete.RESTRICT,
            ),
        ),
        IndexForeignKey(
            model_name="Message",
            name="reply_to",
            field=fields.ForeignKeyField(
                "portal.Message",
                source_field="reply_to_id",
                null=True,
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="replies",
                on_delete=OnDelete.RESTRICT,
            ),
        ),
        IndexForeignKey(
            model_name="NeutralProfile",
            name="user",
            field=fields.ForeignKeyField(
                "portal.User",
                source_field="user_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="neutral_profiles",
                on_delete=OnDelete.CASCADE,
            ),
        ),
        IndexForeignKey(
            model_name="Objection",
            name="appointment",
            field=fields.ForeignKeyField(
                "portal.NeutralAppointment",
                source_field="appointment_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="objections",
                on_delete=OnDelete.CASCADE,
            ),
        ),
        IndexForeignKey(
            model_name="Offer",
            name="replying_to",
            field=fields.ForeignKeyField(
                "portal.Offer",
                source_field="replying_to_id",
                null=True,
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="counter_offers",
                on_delete=OnDelete.SET_NULL,
            ),
        ),
        IndexForeignKey(
            model_name="OrganisationProvider",
            name="provider",
            field=fields.ForeignKeyField(
                "portal.Provider",
                source_field="provider_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="organisation_links",
                on_delete=OnDelete.CASCADE,
            ),
        ),
        IndexForeignKey(
            model_name="OutboxMessage",
            name="subscription",
            field=fields.ForeignKeyField(
                "portal.WebhookSubscription",
                source_field="subscription_id",
                null=True,
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="messages",
                on_delete=OnDelete.SET_NULL,
            ),
        ),
        IndexForeignKey(
            model_name="SatisfactionRecord",
            name="case",
            field=fields.ForeignKeyField(
                "portal.DisputeCase",
                source_field="case_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="satisfaction_records",
                on_delete=OnDelete.CASCADE,
            ),
        ),
        IndexForeignKey(
            model_name="SatisfactionRecord",
            name="invitation",
            field=fields.ForeignKeyField(
                "portal.SurveyInvitation",
                source_field="invitation_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="answers",
                on_delete=OnDelete.CASCADE,
            ),
        ),
        IndexForeignKey(
            model_name="Scheme",
            name="provider",
            field=fields.ForeignKeyField(
                "portal.Provider",
                source_field="provider_id",
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="schemes",
                on_delete=OnDelete.CASCADE,
            ),
        ),
        IndexForeignKey(
            model_name="SignInCode",
            name="user",
            field=fields.ForeignKeyField(
                "portal.User",
                source_field="user_id",
                null=True,
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="sign_in_codes",
                on_delete=OnDelete.CASCADE,
            ),
        ),
        IndexForeignKey(
            model_name="SurveyInvitation",
            name="recipient",
            field=fields.ForeignKeyField(
                "portal.User",
                source_field="recipient_id",
                null=True,
                db_index=True,
                db_constraint=True,
                to_field="id",
                related_name="survey_invitations",
                on_delete=OnDelete.SET_NULL,
            ),
        ),
    ]

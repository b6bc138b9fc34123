"""Issue 20, 3: an offer that reaches its expiry is recorded expired by the clock job, a rule
that decides automatically like a clock's lapse: `AutomatedRule` gains `offer_expired`.

Only the enum's values change (the column's description); the column stays a VARCHAR(32).
"""

from tortoise import fields, migrations
from tortoise.migrations import operations as ops

from portal.cases.states import AutomatedRule


class AlterEnumValues(ops.AlterField):
    """Only the enum's values change (the column's description): the column stays a VARCHAR
    of the same length. SQLite stores no column comment, and Tortoise would rebuild the whole
    table there for it (STACK-NOTES: a rebuild may cascade); PostgreSQL updates the comment."""

    async def database_forward(self, app_label, old_state, new_state, state_editor=None):
        if state_editor is None or state_editor.DIALECT == "sqlite":
            return
        await super().database_forward(app_label, old_state, new_state, state_editor)

    async def database_backward(self, app_label, old_state, new_state, state_editor=None):
        if state_editor is None or state_editor.DIALECT == "sqlite":
            return
        await super().database_backward(app_label, old_state, new_state, state_editor)


class Migration(migrations.Migration):
    dependencies = [("portal", "0039_provider_invoices")]

    initial = False

    operations = [
        AlterEnumValues(
            model_name="AutomatedDecision",
            name="rule",
            field=fields.CharEnumField(
                description="CONSENT_LAPSED: consent_lapsed\n"
                "ORGANISATION_SILENT: organisation_silent\nCONFIRM_NEUTRAL: confirm_neutral\n"
                "NEGOTIATION_LAPSED: negotiation_lapsed\nAWARD_FINAL: award_final\n"
                "OUTCOME_NOT_ACCEPTED: outcome_not_accepted\n"
                "CONFIRMATION_LAPSED: confirmation_lapsed\n"
                "IMPLEMENTATION_LAPSED: implementation_lapsed\nOFFER_EXPIRED: offer_expired",
                enum_type=AutomatedRule,
                max_length=32,
            ),
        ),
    ]

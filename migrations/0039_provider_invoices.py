"""Issue 20, fees, mended: invoices are numbered in their issuing provider's own series (the
PDF names the provider as the issuer), card checkouts are written before the processor is
asked (a status, and no reference until it answered), and a payment records what of it
nothing was owed for (an overpayment).

Rows from before: each invoice's issuer is its case's provider; each provider's counter for a
year starts after the highest number it issued that year under the installation-wide series,
so no number repeats within a provider (those older numbers keep their gaps: an issued number
is never changed). Checkouts from before were all opened by the processor (`open`), and no
payment before was flagged.
"""

from tortoise import migrations
from tortoise.migrations import operations as ops
from portal.fees.states import CheckoutStatus
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.migrations.constraints import UniqueConstraint


class AddColumnWithDefault(ops.AddField):
    """Tortoise's AddField writes `ADD COLUMN ... NOT NULL` without the default, which SQLite
    refuses outright and PostgreSQL refuses on a table with rows (see 0008_providers)."""

    async def database_forward(self, app_label, old_state, new_state, state_editor=None):
        if not state_editor:
            return
        model = new_state.apps.get_model(f"{app_label}.{self.model_name}")
        sql_type = self.field.get_for_dialect(state_editor.DIALECT, "SQL_TYPE")
        literal = "'" + str(self.field.default).replace("'", "''") + "'"
        await state_editor._run_sql(
            f'ALTER TABLE "{model._meta.db_table}" ADD COLUMN "{self.name}" {sql_type} '
            f"NOT NULL DEFAULT {literal}"
        )


class Migration(migrations.Migration):
    dependencies = [('portal', '0038_group_sessions')]

    initial = False

    operations = [
        ops.CreateModel(
            name='FeeInvoiceCounter',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('provider', fields.ForeignKeyField('portal.Provider', source_field='provider_id', db_constraint=True, to_field='id', related_name='fee_invoice_counters', on_delete=OnDelete.RESTRICT)),
                ('year', fields.IntField()),
                ('value', fields.IntField(default=0)),
            ],
            options={'table': 'fee_invoice_counter', 'app': 'portal', 'unique_together': (('provider', 'year'),), 'pk_attr': 'id', 'table_description': "The last invoice number one provider issued in one year. The provider is the invoice's"},
            bases=['Model'],
        ),
        ops.AlterField(
            model_name='FeeCheckout',
            name='reference',
            field=fields.CharField(null=True, max_length=200),
        ),
        AddColumnWithDefault(
            model_name='FeeCheckout',
            name='status',
            field=fields.CharEnumField(default=CheckoutStatus.OPEN, description='PENDING: pending\nOPEN: open\nREFUSED: refused\nFAILED: failed\nPAID: paid', enum_type=CheckoutStatus, max_length=16),
        ),
        ops.AlterField(
            model_name='FeeInvoice',
            name='number',
            field=fields.CharField(max_length=24),
        ),
        ops.AddField(
            model_name='FeeInvoice',
            name='provider',
            field=fields.ForeignKeyField('portal.Provider', source_field='provider_id', null=True, db_constraint=True, to_field='id', related_name='fee_invoices', on_delete=OnDelete.RESTRICT),
        ),
        ops.RunSQL(
            [
                "UPDATE fee_invoice SET provider_id = "
                "(SELECT provider_id FROM dispute_case WHERE dispute_case.id = fee_invoice.case_id)",
                "INSERT INTO fee_invoice_counter (provider_id, year, value) "
                "SELECT provider_id, CAST(SUBSTR(number, 5, 4) AS INTEGER), "
                "MAX(CAST(SUBSTR(number, 10) AS INTEGER)) FROM fee_invoice "
                "WHERE number LIKE 'FEE-____-______' GROUP BY 1, 2",
            ],
            reverse_sql=[],
        ),
        ops.AlterField(
            model_name='FeeInvoice',
            name='provider',
            field=fields.ForeignKeyField('portal.Provider', source_field='provider_id', db_constraint=True, to_field='id', related_name='fee_invoices', on_delete=OnDelete.RESTRICT),
        ),
        ops.AddConstraint(
            model_name='FeeInvoice',
            constraint=UniqueConstraint(fields=('provider', 'number'), name=None),
        ),
        AddColumnWithDefault(
            model_name='FeePayment',
            name='overpaid_minor',
            field=fields.BigIntField(default=0),
        ),
    ]

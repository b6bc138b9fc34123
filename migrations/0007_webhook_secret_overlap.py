from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('portal', '0006_outbox')]

    initial = False

    operations = [
        ops.AddField(
            model_name='WebhookSubscription',
            name='previous_secret',
            field=fields.CharField(default='', max_length=80),
        ),
        ops.AddField(
            model_name='WebhookSubscription',
            name='previous_secret_until',
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        ),
    ]

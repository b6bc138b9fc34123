from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields

class Migration(migrations.Migration):
    dependencies = [('portal', '0008_providers')]

    initial = False

    operations = [
        ops.CreateModel(
            name='AttemptCounter',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('key', fields.CharField(max_length=400)),
                ('slot', fields.BigIntField()),
                ('hits', fields.IntField(default=0)),
                ('expires_at', fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'attempt_counter', 'app': 'portal', 'unique_together': (('key', 'slot'),), 'pk_attr': 'id', 'table_description': 'Sign-in attempts counted per key (a client address, or an address and an account) in'},
            bases=['Model'],
        ),
    ]

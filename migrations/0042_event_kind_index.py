"""An index on timeline events by kind and case: `policy.may_view_participant` looks up the
REPRESENTATIVE_REMOVED events of the cases a reader may read (a representative named at
referral leaves no other trace once removed). Without it, each such lookup read the whole
timeline table (a parallel sequential scan on PostgreSQL), and `nodes(ids:)` with 100 unknown
user ids read it 100 times."""

from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.indexes import Index


class Migration(migrations.Migration):
    dependencies = [("portal", "0041_foreign_key_indexes")]

    initial = False

    operations = [
        ops.AddIndex(
            model_name="TimelineEvent",
            index=Index(fields=["kind", "case_id"]),
        ),
    ]

"""Issue 19, the mark of a redaction: a document, message or complaint step whose content
retention or an erasure removed. The row stays, and with it the digest the chain covers; only
the content goes, and a verifier no longer compares what is gone. Rows from before: none
redacted.
"""

from tortoise import fields, migrations
from tortoise.migrations import operations as ops


class Migration(migrations.Migration):
    dependencies = [("portal", "0021_ways_forward")]

    initial = False

    operations = [
        ops.AddField(
            model_name=model,
            name="redacted_at",
            field=fields.DatetimeField(null=True, auto_now=False, auto_now_add=False),
        )
        for model in ("Document", "Message", "ComplaintStep")
    ]

"""Issue 19, 3: the record access log, one append-only row per read of a case file, a
document, a bundle, an export or a report. On PostgreSQL a trigger refuses UPDATE and DELETE
of its rows (and TRUNCATE of the table), so not even a bug or a stray statement in a console
rewrites who read what; SQLite, the embedded single-user default, has no code path that does.
"""

from uuid import uuid4

from tortoise import fields, migrations
from tortoise.migrations import operations as ops

from portal.accesslog.models import AccessAction, ReaderKind

REFUSE = """
CREATE OR REPLACE FUNCTION access_record_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'access_record is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER access_record_no_update_delete
    BEFORE UPDATE OR DELETE ON access_record
    FOR EACH ROW EXECUTE FUNCTION access_record_append_only();
CREATE TRIGGER access_record_no_truncate
    BEFORE TRUNCATE ON access_record
    FOR EACH STATEMENT EXECUTE FUNCTION access_record_append_only();
"""

ALLOW = """
DROP TRIGGER IF EXISTS access_record_no_update_delete ON access_record;
DROP TRIGGER IF EXISTS access_record_no_truncate ON access_record;
DROP FUNCTION IF EXISTS access_record_append_only();
"""


async def refuse_changes(apps, state_editor) -> None:
    if state_editor.DIALECT == "postgres":
        await state_editor.client.execute_script(REFUSE)


async def allow_changes(apps, state_editor) -> None:
    if state_editor.DIALECT == "postgres":
        await state_editor.client.execute_script(ALLOW)


class Migration(migrations.Migration):
    dependencies = [("portal", "0024_receipts")]

    initial = False

    operations = [
        ops.CreateModel(
            name="AccessRecord",
            fields=[
                (
                    "id",
                    fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True),
                ),
                (
                    "created_at",
                    fields.DatetimeField(db_index=True, auto_now=False, auto_now_add=False),
                ),
                (
                    "reader_kind",
                    fields.CharEnumField(
                        description="USER: user\nSERVICE_ACCOUNT: service_account\n"
                        "ANONYMOUS: anonymous",
                        enum_type=ReaderKind,
                        max_length=16,
                    ),
                ),
                ("reader_id", fields.UUIDField(null=True, db_index=True)),
                ("role", fields.CharField(default="", max_length=200)),
                (
                    "action",
                    fields.CharEnumField(
                        description="CASE_READ: case_read\nDOCUMENT_DOWNLOAD: document_download\n"
                        "BUNDLE_DOWNLOAD: bundle_download\nEXPORT: export\n"
                        "REPORT_READ: report_read\n"
                        "SUBJECT_ACCESS_EXPORT: subject_access_export",
                        enum_type=AccessAction,
                        max_length=32,
                    ),
                ),
                ("case_id", fields.UUIDField(null=True, db_index=True)),
                ("case_reference", fields.CharField(default="", max_length=32)),
                ("organisation_id", fields.UUIDField(null=True, db_index=True)),
                ("provider_id", fields.UUIDField(null=True, db_index=True)),
                ("target_type", fields.CharField(max_length=32)),
                ("target_id", fields.CharField(default="", max_length=64)),
                ("ip", fields.CharField(default="", max_length=64)),
                ("user_agent", fields.CharField(default="", max_length=512)),
                ("request_id", fields.CharField(default="", max_length=64)),
                ("visit", fields.BigIntField(null=True)),
            ],
            options={
                "table": "access_record",
                "app": "portal",
                "unique_together": (
                    ("reader_id", "action", "target_type", "target_id", "visit"),
                ),
                "pk_attr": "id",
                "table_description": "Who read what, in which role, when and from where "
                "(append-only).",
            },
            bases=["Model"],
        ),
        ops.RunPython(refuse_changes, reverse_code=allow_changes),
    ]

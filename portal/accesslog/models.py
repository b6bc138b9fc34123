"""One row per read of protected records: append-only (no update or delete path in code; on
PostgreSQL a trigger refuses both, migration 0025_access_log)."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class AccessAction(StrEnum):
    CASE_READ = "case_read"  # a case page: one per case per request, whatever fields it asks
    DOCUMENT_DOWNLOAD = "document_download"
    BUNDLE_DOWNLOAD = "bundle_download"
    EXPORT = "export"  # a CSV or JSON download under /reports/*
    REPORT_READ = "report_read"  # a report read through GraphQL
    SUBJECT_ACCESS_EXPORT = "subject_access_export"  # GDPR Art. 15 (part D calls it)


class ReaderKind(StrEnum):
    USER = "user"
    SERVICE_ACCOUNT = "service_account"
    ANONYMOUS = "anonymous"  # a public report, read without signing in


class AccessRecord(Model):
    """Who read what, in which role, when and from where. The case and its parties are kept
    by id and reference, not by foreign key: a log row outlives whatever it names."""

    id = fields.UUIDField(primary_key=True)
    created_at = fields.DatetimeField(db_index=True)  # when it was read
    reader_kind = fields.CharEnumField(ReaderKind, max_length=16)
    reader_id = fields.UUIDField(null=True, db_index=True)
    role = fields.CharField(max_length=200, default="")  # the roles it read in, comma-separated
    action = fields.CharEnumField(AccessAction, max_length=32)
    case_id = fields.UUIDField(null=True, db_index=True)
    case_reference = fields.CharField(max_length=32, default="")
    # Whose records these are, for scoping the auditors' view (policy.access_log_filter).
    organisation_id = fields.UUIDField(null=True, db_index=True)
    provider_id = fields.UUIDField(null=True, db_index=True)
    target_type = fields.CharField(max_length=32)  # DisputeCase, Document, ManagementReview, ...
    target_id = fields.CharField(max_length=64, default="")
    ip = fields.CharField(max_length=64, default="")
    user_agent = fields.CharField(max_length=512, default="")
    request_id = fields.CharField(max_length=64, default="")
    # A page view's minute (`services.PAGE_VIEW_SECONDS`): one record per reader, read and
    # minute, whatever number of requests the page sent. Null (never folded) for downloads
    # and exports, and for anonymous readers (a null never conflicts).
    visit = fields.BigIntField(null=True)

    class Meta:
        table = "access_record"
        unique_together = (("reader_id", "action", "target_type", "target_id", "visit"),)
        table_description = "Who read what, in which role, when and from where (append-only)."

"""What a case's chain covers beside its own events: its messages and its document versions.

An event's payload is covered by the chain (its digest is in the event's hash). Since issue 19
the payload of `message_posted` carries `text_digest` (SHA-256 of the message's UTF-8 text),
and those of `document_uploaded` and `document_superseded` carry the version's `sha256`,
`version`, `lineage_id` and the rest of its row; `records_anchored` (written once per case by
migration 0023) lists the digests of every message and document version that existed before.
Verification holds each such event against the rows it names: a message whose text, scope,
author or time differs, or a document version whose digest, place in its lineage or other
fields differ, or a row that is gone, breaks the chain at the first event that names it. A
message or document version that no event names (written behind the chain's back) breaks it
after its head.

A row marked `redacted_at` (retention or an erasure removed its content) is still held to its
place: it must exist, in its scope, by its author, with its digest; only its content (a
message's text, a document's name, type and size) is no longer compared.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from tortoise import connections
from tortoise.models import Model

from portal.casefiles.models import Document, Message
from portal.timeline.chain import instant, stored_instant, text_digest

# Event kinds, as stored (portal.cases.events.EventKind, which imports this module's users).
MESSAGE_POSTED = "message_posted"
DOCUMENT_UPLOADED = "document_uploaded"
DOCUMENT_SUPERSEDED = "document_superseded"
RECORDS_ANCHORED = "records_anchored"


class BreakReason(StrEnum):
    """Why an event of the chain no longer holds."""

    EVENT_MISSING = "event_missing"  # no event at this sequence: deleted, or the tail cut off
    EVENT_ALTERED = "event_altered"  # the event's fields, payload or hashes differ
    MESSAGE_MISSING = "message_missing"  # the message the event names is gone
    MESSAGE_ALTERED = "message_altered"  # its text, scope, author or time differ
    DOCUMENT_MISSING = "document_missing"  # the document version the event names is gone
    DOCUMENT_ALTERED = "document_altered"  # its digest, version, lineage or fields differ
    # A message or document version is stored that no event names: written behind the
    # chain's back. Named at the sequence after the head, where its event is missing.
    MESSAGE_NOT_ON_CHAIN = "message_not_on_chain"
    DOCUMENT_NOT_ON_CHAIN = "document_not_on_chain"


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _instant(value: Any) -> str | None:
    """A stored timestamp in the chain's encoding; None when it is none or not an instant."""
    try:
        return instant(stored_instant(value))
    except ValueError:
        return None


@dataclass(frozen=True)
class _Row:
    values: dict[str, Any]

    @property
    def redacted(self) -> bool:
        return self.values.get("redacted_at") is not None


_MESSAGE_COLUMNS = (
    "id",
    "visibility",
    "reply_to_id",
    "author_id",
    "author_role",
    "body",
    "created_at",
    "redacted_at",
)
_DOCUMENT_COLUMNS = (
    "id",
    "visibility",
    "lineage_id",
    "version",
    "supersedes_id",
    "filename",
    "content_type",
    "size",
    "sha256",
    "uploaded_by_id",
    "uploader_role",
    "created_at",
    "redacted_at",
)


async def _raw(model: type[Model], case_id: uuid.UUID, columns: Iterable[str]) -> dict[str, _Row]:
    """The case's rows read raw (a value written behind the model's back is compared, not
    raised), by id as text."""
    query = model.filter(case_id=case_id).values(*columns)
    rows = await connections.get("default").execute_query_dict(query.sql(params_inline=True))
    return {str(r["id"]): _Row(dict(r)) for r in rows}


@dataclass(frozen=True)
class Records:
    """The messages and document versions of one case, as stored now."""

    messages: dict[str, _Row]
    documents: dict[str, _Row]

    def check(
        self, kind: str, payload: dict[str, Any], *, at: datetime, actor: str | None, scope: str
    ) -> BreakReason | None:
        """None when every record the event names still matches it; else why not."""
        if kind == MESSAGE_POSTED:
            return self._message(payload, at=at, actor=actor, scope=scope)
        if kind in (DOCUMENT_UPLOADED, DOCUMENT_SUPERSEDED):
            return self._document(payload, at=at, actor=actor, scope=scope)
        if kind == RECORDS_ANCHORED:
            return self._anchored(payload)
        return None

    def unnamed(self, named: set[str]) -> BreakReason | None:
        """Why the case holds a record no event names; None when every one is named. A
        redacted record is left out: the event that named it may have had its payload erased
        with it."""
        if any(k not in named and not r.redacted for k, r in self.messages.items()):
            return BreakReason.MESSAGE_NOT_ON_CHAIN
        if any(k not in named and not r.redacted for k, r in self.documents.items()):
            return BreakReason.DOCUMENT_NOT_ON_CHAIN
        return None

    def _message(
        self, payload: dict[str, Any], *, at: datetime, actor: str | None, scope: str
    ) -> BreakReason | None:
        row = self.messages.get(str(payload.get("message_id")))
        if row is None:
            return BreakReason.MESSAGE_MISSING
        v = row.values
        same = (
            str(v["visibility"]) == scope
            and _text(v["author_id"]) == actor
            and _instant(v["created_at"]) == instant(at)
            and _text(v["reply_to_id"]) == payload.get("reply_to_id")
        )
        # Events from before issue 19 carry no digest: the anchoring event covers their text.
        digest = payload.get("text_digest")
        if same and digest is not None and not row.redacted:
            same = text_digest(str(v["body"])) == digest
        return None if same else BreakReason.MESSAGE_ALTERED

    def _document(
        self, payload: dict[str, Any], *, at: datetime, actor: str | None, scope: str
    ) -> BreakReason | None:
        row = self.documents.get(str(payload.get("document_id")))
        if row is None:
            return BreakReason.DOCUMENT_MISSING
        v = row.values
        same = (
            str(v["visibility"]) == scope
            and _text(v["uploaded_by_id"]) == actor
            and _instant(v["created_at"]) == instant(at)
            and _text(v["supersedes_id"]) == payload.get("supersedes_id")
            and self._version_holds(row, payload)
        )
        if same and not row.redacted:
            same = (
                str(v["filename"]) == payload.get("filename")
                and str(v["content_type"]) == payload.get("content_type")
                and _int(v["size"]) == payload.get("size")
            )
        return None if same else BreakReason.DOCUMENT_ALTERED

    @staticmethod
    def _version_holds(row: _Row, listed: dict[str, Any]) -> bool:
        v = row.values
        return (
            str(v["sha256"]) == listed.get("sha256")
            and _int(v["version"]) == listed.get("version")
            and _text(v["lineage_id"]) == listed.get("lineage_id")
        )

    def _anchored(self, payload: dict[str, Any]) -> BreakReason | None:
        for listed in payload.get("messages", []):
            row = self.messages.get(str(listed.get("message_id")))
            if row is None:
                return BreakReason.MESSAGE_MISSING
            if not row.redacted and text_digest(str(row.values["body"])) != listed.get(
                "text_digest"
            ):
                return BreakReason.MESSAGE_ALTERED
        for listed in payload.get("documents", []):
            row = self.documents.get(str(listed.get("document_id")))
            if row is None:
                return BreakReason.DOCUMENT_MISSING
            if not self._version_holds(row, listed):
                return BreakReason.DOCUMENT_ALTERED
        return None


def names(kind: str, payload: dict[str, Any]) -> set[str]:
    """The ids of the messages and document versions an event's payload names."""
    if kind == MESSAGE_POSTED:
        return {str(payload.get("message_id"))}
    if kind in (DOCUMENT_UPLOADED, DOCUMENT_SUPERSEDED):
        return {str(payload.get("document_id"))}
    if kind == RECORDS_ANCHORED:
        listed = [*payload.get("messages", []), *payload.get("documents", [])]
        return {str(r.get("message_id") or r.get("document_id")) for r in listed}
    return set()


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


async def records_of(case_id: uuid.UUID) -> Records:
    return Records(
        messages=await _raw(Message, case_id, _MESSAGE_COLUMNS),
        documents=await _raw(Document, case_id, _DOCUMENT_COLUMNS),
    )


def projected(model: type[Model], columns: Iterable[str], alias: str = "r") -> str:
    """``model``'s fields ``columns`` as the select list of its table's rows named ``alias``."""
    projection = model._meta.fields_db_projection
    return ", ".join(f'{alias}."{projection.get(c, c)}"' for c in columns)


def records_sql(case_param: str) -> tuple[str, str]:
    """PostgreSQL: the case's messages and its document versions (the columns `records_of`
    reads), each as an array of anonymous rows, for a statement that reads them beside the
    case's events (`timeline.services`); ``case_param`` is the case id's placeholder."""
    return tuple(  # type: ignore[return-value]
        f"ARRAY(SELECT ROW({projected(model, columns)}) FROM "  # noqa: S608
        f'"{model._meta.db_table}" AS r WHERE r."case_id" = {case_param})'
        for model, columns in ((Message, _MESSAGE_COLUMNS), (Document, _DOCUMENT_COLUMNS))
    )


def records_from(messages: Iterable[Iterable[Any]], documents: Iterable[Iterable[Any]]) -> Records:
    """`records_of`'s answer from the rows `records_sql` read (in its columns' order)."""
    return Records(
        messages={
            str(v["id"]): _Row(v)
            for v in (dict(zip(_MESSAGE_COLUMNS, r, strict=True)) for r in messages)
        },
        documents={
            str(v["id"]): _Row(v)
            for v in (dict(zip(_DOCUMENT_COLUMNS, r, strict=True)) for r in documents)
        },
    )


def message_payload(message: Message) -> dict[str, Any]:
    """The payload of `message_posted`: the message, its thread, and its text's digest."""
    return {
        "message_id": str(message.id),
        "reply_to_id": str(message.reply_to_id) if message.reply_to_id else None,
        "text_digest": text_digest(message.body),
    }


def anchored_payload(
    messages: Iterable[dict[str, Any]], documents: Iterable[dict[str, Any]]
) -> dict[str, Any]:
    """The payload of `records_anchored`: every message's text digest and every document
    version's digest, version and lineage, oldest first (rows as `records_of` reads them)."""
    return {
        "messages": [
            {"message_id": str(m["id"]), "text_digest": text_digest(str(m["body"]))}
            for m in messages
        ],
        "documents": [
            {
                "document_id": str(d["id"]),
                "lineage_id": str(d["lineage_id"]),
                "version": int(d["version"]),
                "sha256": str(d["sha256"]),
            }
            for d in documents
        ],
    }

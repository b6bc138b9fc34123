"""The case bundle: a zip of the documents the actor may read (every version), the messages
they may read, the timeline as they may read it with its hashes, a manifest of SHA-256 sums
(`sha256sum -c` reads it), and the manifest's detached signature by the installation's key
(portal.casefiles.signing), so the bundle is checked offline (`portal verify-bundle`).

Stored content is hashed again on the way into the zip and must match the SHA-256 recorded
at upload (and on the timeline): a bundle never carries a silently altered file.

Documents shared into the case from another case of its group (issue 20) are in it too, as
the case file lists them, under `shared/<group reference>/`; `documents.json` says where each
document came from: this case, or the group it was shared through, when, and the sequence of
this case's `group_document_shared` event that recorded it (the other case is not named: a
member's complainant does not learn the other members' cases).

`timeline.json` carries every field an event's hash covers (the case's id and each actor's
id too), so the chain is recomputed from the bundle alone. An event the actor may not read is
`withheld`: only its sequence, its previous hash and its hash (what a head receipt already
shows), enough to link the chain across it, nothing of what it says.
"""

from __future__ import annotations

import hashlib
import uuid
import zipfile
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any

import orjson
from tortoise.expressions import Subquery

from portal.auth.keys import KeySet
from portal.casefiles.models import Document
from portal.casefiles.services import CaseFileAccess, documents_of, messages_of
from portal.casefiles.signing import sign_manifest
from portal.casefiles.storage import DocumentStore
from portal.groups.models import CaseGroup, GroupConsent, GroupDocument, GroupMember
from portal.ids import global_id
from portal.timeline.catalogue import EventKind
from portal.timeline.chain import text_digest
from portal.timeline.models import TimelineEvent

MANIFEST = "MANIFEST.sha256"
SIGNATURE = "MANIFEST.sha256.jws"
TIMELINE = "timeline.json"
MESSAGES = "messages.json"
DOCUMENTS = "documents.json"

_EVENT_COLUMNS = (
    "sequence",
    "kind",
    "occurred_at",
    "actor_id",
    "actor_role",
    "visibility",
    "payload",
    "payload_digest",
    "prev_hash",
    "hash",
)


def member_name(document: Document, group_reference: str | None = None) -> str:
    """Unique per version; the name was checked at upload (no path, no control characters).
    A document shared from another case of a group is under that group's folder."""
    folder = "documents" if group_reference is None else f"shared/{group_reference}"
    return f"{folder}/{document.lineage_id}/v{document.version}/{document.filename}"


@dataclass(frozen=True)
class SharedFrom:
    """Where a document shared into the case came from: the group, when, and the event."""

    group_id: uuid.UUID
    group_reference: str
    shared_at: datetime
    event_sequence: int | None

    def as_json(self) -> dict[str, Any]:
        return {
            "group_id": global_id("CaseGroup", self.group_id),
            "group_reference": self.group_reference,
            "shared_at": self.shared_at,
            "event_sequence": self.event_sequence,
        }


async def _shared_into(case_id: uuid.UUID, lineages: set[uuid.UUID]) -> dict[uuid.UUID, SharedFrom]:
    """For each lineage of another case listed in this case's file, the group that shared it
    (while both cases are its members, as `documents_of` lists them)."""
    if not lineages:
        return {}
    groups = GroupMember.filter(case_id=case_id, consent=GroupConsent.GIVEN).values("group_id")
    rows = await GroupDocument.filter(
        group_id__in=Subquery(groups), lineage_id__in=list(lineages)
    ).order_by("shared_at")
    references = dict(
        await CaseGroup.filter(id__in=[r.group_id for r in rows]).values_list("id", "reference")
    )
    # The event on this case's chain that recorded each sharing.
    events = await TimelineEvent.filter(
        case_id=case_id, kind=EventKind.GROUP_DOCUMENT_SHARED.value
    ).values_list("sequence", "payload")
    recorded = {(str(p.get("group_id")), str(p.get("lineage_id"))): seq for seq, p in events if p}
    return {
        r.lineage_id: SharedFrom(
            r.group_id,
            references[r.group_id],
            r.shared_at,
            recorded.get((str(r.group_id), str(r.lineage_id))),
        )
        for r in rows
    }


async def _messages(found: CaseFileAccess) -> bytes:
    rows = await messages_of(found.case.id, found.readable).order_by("created_at", "id")
    messages = [
        {
            # Global IDs, as the API names the messages (`node(id:)`).
            "id": global_id("Message", m.id),
            "visibility": m.visibility.value,
            "reply_to_id": global_id("Message", m.reply_to_id) if m.reply_to_id else None,
            "author_role": m.author_role,
            "created_at": m.created_at,
            # A redacted message (retention, erasure) is listed without its text.
            "body": None if m.redacted_at else m.body,
            "text_digest": None if m.redacted_at else text_digest(m.body),
            "redacted_at": m.redacted_at,
        }
        for m in rows
    ]
    return orjson.dumps({"case": found.case.reference, "messages": messages}, option=_JSON)


_JSON = orjson.OPT_INDENT_2 | orjson.OPT_UTC_Z


async def write_bundle(
    storage: DocumentStore, found: CaseFileAccess, out: IO[bytes], keys: KeySet
) -> list[str]:
    """Write the zip to ``out``, its manifest signed with ``keys``; returns the manifest's
    lines."""
    case = found.case
    documents = await (
        await documents_of(case.id, found.readable, history=True, shared=True)
    ).order_by("created_at", "id")
    origins = await _shared_into(case.id, {d.lineage_id for d in documents if d.case_id != case.id})
    listed: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    withheld: list[dict[str, Any]] = []
    rows = await TimelineEvent.filter(case_id=case.id).order_by("sequence").values(*_EVENT_COLUMNS)
    for row in rows:
        if row["visibility"] in found.readable:
            row["actor_id"] = str(row["actor_id"]) if row["actor_id"] else None
            events.append(row)
        else:
            withheld.append({k: row[k] for k in ("sequence", "prev_hash", "hash")})
    manifest: list[str] = []
    with zipfile.ZipFile(out, "w") as archive:
        for document in documents:
            origin = origins.get(document.lineage_id) if document.case_id != case.id else None
            name = member_name(document, origin.group_reference if origin else None)
            listed.append(
                {
                    "id": global_id("Document", document.id),
                    "file": None if document.redacted_at else name,
                    "filename": document.filename,
                    "version": document.version,
                    "visibility": document.visibility.value,
                    "sha256": document.sha256,
                    "created_at": document.created_at,
                    "redacted_at": document.redacted_at,
                    # null: a document of this case; otherwise the group it was shared through.
                    "shared_from": origin.as_json() if origin else None,
                }
            )
            if document.redacted_at is not None:
                continue  # its content was removed (retention, erasure); its event stays
            with archive.open(name, "w", force_zip64=document.size > 2**31) as entry:
                # From the backend that holds it, checked against its SHA-256: an altered
                # file raises before its last chunk, and the whole bundle is refused.
                async for chunk in storage.read_document(document):
                    entry.write(chunk)
            manifest.append(f"{document.sha256}  {name}")
        timeline = orjson.dumps(
            {
                "case": case.reference,
                # As the chain hashed it (a UUID, like each event's `actor_id` and payload):
                # the chain is recomputed from this file alone (docs/operations.md).
                "case_id": str(case.id),
                "head": {"sequence": case.last_sequence, "hash": case.head_hash},
                "events": events,
                "withheld": withheld,
            },
            option=_JSON,
        )
        messages = await _messages(found)
        listing = orjson.dumps({"case": case.reference, "documents": listed}, option=_JSON)
        for name, content in ((TIMELINE, timeline), (MESSAGES, messages), (DOCUMENTS, listing)):
            archive.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
            manifest.append(f"{hashlib.sha256(content).hexdigest()}  {name}")
        signed = ("\n".join(manifest) + "\n").encode()
        archive.writestr(MANIFEST, signed)
        archive.writestr(SIGNATURE, sign_manifest(signed, keys))
    return manifest

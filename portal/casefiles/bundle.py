"""The case bundle: a zip of the documents the actor may read (every version), the messages
they may read, the timeline as they may read it with its hashes, a manifest of SHA-256 sums
(`sha256sum -c` reads it), and the manifest's detached signature by the installation's key
(portal.casefiles.signing), so the bundle is checked offline (`portal verify-bundle`).

Stored content is hashed again on the way into the zip and must match the SHA-256 recorded
at upload (and on the timeline): a bundle never carries a silently altered file.

`timeline.json` carries every field an event's hash covers (the case's id and each actor's
id too), so the chain is recomputed from the bundle alone. An event the actor may not read is
`withheld`: only its sequence, its previous hash and its hash (what a head receipt already
shows), enough to link the chain across it, nothing of what it says.
"""

from __future__ import annotations

import hashlib
import zipfile
from typing import IO, Any

import orjson

from portal.auth.keys import KeySet
from portal.casefiles.models import Document
from portal.casefiles.services import CaseFileAccess, documents_of, messages_of
from portal.casefiles.signing import sign_manifest
from portal.casefiles.storage import DocumentStore
from portal.ids import global_id
from portal.timeline.chain import text_digest
from portal.timeline.models import TimelineEvent

MANIFEST = "MANIFEST.sha256"
SIGNATURE = "MANIFEST.sha256.jws"
TIMELINE = "timeline.json"
MESSAGES = "messages.json"

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


def member_name(document: Document) -> str:
    """Unique per version; the name was checked at upload (no path, no control characters)."""
    return f"documents/{document.lineage_id}/v{document.version}/{document.filename}"


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
    documents = await documents_of(case.id, found.readable, history=True).order_by(
        "created_at", "id"
    )
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
            if document.redacted_at is not None:
                continue  # its content was removed (retention, erasure); its event stays
            name = member_name(document)
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
        for name, content in ((TIMELINE, timeline), (MESSAGES, messages)):
            archive.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
            manifest.append(f"{hashlib.sha256(content).hexdigest()}  {name}")
        signed = ("\n".join(manifest) + "\n").encode()
        archive.writestr(MANIFEST, signed)
        archive.writestr(SIGNATURE, sign_manifest(signed, keys))
    return manifest

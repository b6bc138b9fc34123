"""The case bundle: a zip of the documents the actor may read (every version), the timeline
as they may read it with its hashes, and a manifest of SHA-256 sums (`sha256sum -c` reads it).

Stored content is hashed again on the way into the zip and must match the SHA-256 recorded
at upload (and on the timeline): a bundle never carries a silently altered file.
"""

from __future__ import annotations

import hashlib
import zipfile
from typing import IO, Any

import orjson

from portal.casefiles.models import Document
from portal.casefiles.services import CaseFileAccess, documents_of
from portal.casefiles.storage import Storage, StorageError
from portal.timeline.models import TimelineEvent

_EVENT_COLUMNS = (
    "sequence",
    "kind",
    "occurred_at",
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


async def write_bundle(storage: Storage, found: CaseFileAccess, out: IO[bytes]) -> list[str]:
    """Write the zip to ``out``; returns the manifest's lines."""
    case = found.case
    documents = await documents_of(case.id, found.readable, history=True).order_by(
        "created_at", "id"
    )
    events: list[dict[str, Any]] = (
        await TimelineEvent.filter(case_id=case.id, visibility__in=list(found.readable))
        .order_by("sequence")
        .values(*_EVENT_COLUMNS)
        if found.readable
        else []
    )
    manifest: list[str] = []
    with zipfile.ZipFile(out, "w") as archive:
        for document in documents:
            name = member_name(document)
            digest = hashlib.sha256()
            with archive.open(name, "w", force_zip64=document.size > 2**31) as entry:
                async for chunk in storage.read(document.storage_key):
                    digest.update(chunk)
                    entry.write(chunk)
            if digest.hexdigest() != document.sha256:
                raise StorageError(f"stored content of document {document.id} was altered")
            manifest.append(f"{document.sha256}  {name}")
        timeline = orjson.dumps(
            {
                "case": case.reference,
                "head": {"sequence": case.last_sequence, "hash": case.head_hash},
                "events": events,
            },
            option=orjson.OPT_INDENT_2,
        )
        archive.writestr("timeline.json", timeline, compress_type=zipfile.ZIP_DEFLATED)
        manifest.append(f"{hashlib.sha256(timeline).hexdigest()}  timeline.json")
        archive.writestr("MANIFEST.sha256", "\n".join(manifest) + "\n")
    return manifest

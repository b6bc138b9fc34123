"""The hash chain: a canonical encoding, each event's hash, and verification.

Event n stores SHA-256 over the canonical encoding of its own fields, the digest of its
payload, and the hash of event n-1. A payload that names a record kept beside the chain (a
message, a document version) carries that record's digest, so the record is covered too
(`portal.timeline.coverage`). Editing, deleting or reordering any event breaks the chain
at that sequence; truncating the tail shows against the case's stored head and any receipt.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson

GENESIS = "0" * 64


def canonical(value: Any) -> bytes:
    """Sorted keys, no whitespace, UTF-8: the same value always encodes to the same bytes."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS)


# An erased payload (GDPR Art. 17, retention): `{ERASED: when}`; its digest stays on the chain.
ERASED = "_erased"


def is_erased(payload: Any) -> bool:
    return isinstance(payload, dict) and set(payload) == {ERASED}


def payload_digest(payload: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(payload)).hexdigest()


def text_digest(text: str) -> str:
    """SHA-256 hex of a text's UTF-8 bytes: what the chain keeps of a message or a step's text,
    so the text itself can later be erased while the chain still proves what it was."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def instant(at: datetime) -> str:
    """An instant as the chain encodes it: UTC, microseconds, a trailing Z."""
    utc = at if at.tzinfo is UTC else at.astimezone(UTC)
    if utc.year < 1000:  # `%Y` does not pad these to four digits
        return utc.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    # The same text as the strftime above, at a fraction of its cost (it runs per event and
    # per record a verification holds against it).
    return (
        f"{utc.year}-{utc.month:02d}-{utc.day:02d}T{utc.hour:02d}:{utc.minute:02d}:"
        f"{utc.second:02d}.{utc.microsecond:06d}Z"
    )


@dataclass(frozen=True)
class ChainLink:
    case_id: uuid.UUID
    sequence: int
    kind: str
    occurred_at: datetime
    actor_id: uuid.UUID | None
    actor_role: str
    visibility: str
    payload_digest: str
    prev_hash: str

    def hash(self) -> str:
        return hashlib.sha256(
            canonical(
                {
                    "case": str(self.case_id),
                    "seq": self.sequence,
                    "kind": self.kind,
                    "at": instant(self.occurred_at),
                    "actor": str(self.actor_id) if self.actor_id else None,
                    "role": self.actor_role,
                    "scope": self.visibility,
                    "payload": self.payload_digest,
                    "prev": self.prev_hash,
                }
            )
        ).hexdigest()


def stored_instant(value: Any) -> datetime:
    """A timestamp as a raw row holds it (a datetime, or ISO text on SQLite); ValueError when
    it is not an instant (no time zone: written below the ORM)."""
    at = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if at.tzinfo is None:
        raise ValueError("not an instant")
    return at


def link_of(case_id: uuid.UUID, row: dict[str, Any]) -> tuple[ChainLink, dict[str, Any]]:
    """One stored event (a database row, or an event of a bundle's `timeline.json`) as the chain
    saw it, with its payload; raises ValueError for a value it could never have been written
    with (tampering below the ORM, or in the bundle)."""
    occurred_at = stored_instant(row["occurred_at"])
    payload = row["payload"]
    if isinstance(payload, str | bytes):
        payload = orjson.loads(payload)
    if not isinstance(payload, dict):
        raise ValueError("payload is not an object")
    actor = row["actor_id"]
    link = ChainLink(
        case_id=case_id,
        sequence=int(row["sequence"]),
        kind=str(row["kind"]),
        occurred_at=occurred_at,
        actor_id=(actor if isinstance(actor, uuid.UUID) else uuid.UUID(str(actor)))
        if actor
        else None,
        actor_role=str(row["actor_role"]),
        visibility=str(row["visibility"]),
        payload_digest=str(row["payload_digest"]),
        prev_hash=str(row["prev_hash"]),
    )
    return link, payload

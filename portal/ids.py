"""Global IDs: `base64url("<Type>:<uuid>")`, unpadded, as Relay's `Node` and every payload,
webhook and export name an object. Below the API (ARCHITECTURE.md, layers): notifications and
the web endpoints name objects too, and must not import the GraphQL layer to do it."""

from __future__ import annotations

import base64
import binascii
import uuid

MAX_GLOBAL_ID = 128


def global_id(type_name: str, pk: uuid.UUID) -> str:
    raw = f"{type_name}:{pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def parse_global_id(value: str) -> tuple[str, uuid.UUID] | None:
    """The type name and primary key, or None for anything malformed.

    Only the canonical form is accepted: base64 and `uuid.UUID` both tolerate variants (stray
    characters, braces, `urn:uuid:`, upper case), and one object must not have many IDs.
    """
    if len(value) > MAX_GLOBAL_ID:
        return None
    try:
        padded = value + "=" * (-len(value) % 4)
        type_name, _, pk = base64.urlsafe_b64decode(padded).decode().partition(":")
        decoded = type_name, uuid.UUID(pk)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None
    return decoded if global_id(*decoded) == value else None


def decode_id(value: str, type_name: str) -> uuid.UUID | None:
    """The primary key in ``value`` when it names a ``type_name``; else None."""
    parsed = parse_global_id(value)
    return parsed[1] if parsed is not None and parsed[0] == type_name else None


# The GraphQL type that shows each stored model, where `node(id:)` resolves it: what exports
# and reports name an object by. A model left out (a survey invitation, a delivery attempt)
# is shown only inside another object and keeps its raw UUID; so do the numbered rows (a
# timeline event, a complaint step: a global ID names a UUID; the event's is the `events`
# catalogue's). tests/test_nodes.py checks that every
# type named here is resolvable.
NODE_TYPE_OF_MODEL: dict[str, str] = {
    "User": "User",
    "Organisation": "Organisation",
    "Provider": "Provider",
    "ServiceAccount": "ServiceAccount",
    "Membership": "TeamMember",
    "StaffInvitation": "StaffInvitation",
    "OrganisationProvider": "OrganisationProviderLink",
    "Scheme": "Scheme",
    "DisputeCase": "DisputeCase",
    "RepresentativeInvitation": "RepresentativeInvitation",
    "Consent": "Consent",
    "NeutralAppointment": "NeutralAppointment",
    "Objection": "Objection",
    "Offer": "Offer",
    "Outcome": "Outcome",
    "Complaint": "Complaint",
    "Document": "Document",
    "Message": "Message",
    "OutboxMessage": "OutboxMessage",
    "WebhookSubscription": "WebhookSubscription",
    "HeadReceipt": "KeptReceipt",
    "Commitment": "Commitment",
    "AdminAuditEntry": "AdminAuditEntry",
    "AuditRun": "AuditRun",
    "AuditFinding": "AuditFinding",
    "ErasureRequest": "ErasureRequest",
    "DataExport": "DataExport",
}

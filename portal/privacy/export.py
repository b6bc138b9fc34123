"""Subject-access export (GDPR Art. 15): every record naming the person, as a zip of JSON with
a `MANIFEST.sha256` (`sha256sum -c MANIFEST.sha256` checks it).

What it holds: the account and its roles; the person's complaints and their steps; every case
they take part in (as complainant, representative or neutral) with the events, messages and
documents their role on it may read (portal.auth.policy: never another side's caucus), the
offers and outcomes; messages they wrote anywhere else; their survey answers; the mails sent to
them; their erasure requests and earlier exports. Content of a redacted record is gone, and the
export says so (`redacted_at`). Every id, and every key naming another object, is the global ID
the API gives that object (`node(id:)` resolves it); an event's payload keeps the UUIDs it was
hashed with.
"""

from __future__ import annotations

import hashlib
import io
import uuid
import zipfile
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import orjson
from tortoise.expressions import Subquery
from tortoise.models import Model
from tortoise.transactions import in_transaction

from portal.accesslog.models import AccessRecord
from portal.accounts.external import acting_as
from portal.accounts.models import Membership, User
from portal.auth import policy
from portal.auth.actor import Actor
from portal.auth.keys import KeySet
from portal.casefiles.models import Document, Message
from portal.casefiles.signing import sign_manifest
from portal.casefiles.storage import DocumentStore, StorageError, read_checked
from portal.cases.models import (
    Consent,
    DisputeCase,
    NeutralAppointment,
    Offer,
    Outcome,
)
from portal.complaints.models import Complaint, ComplaintStep
from portal.feedback.models import SatisfactionRecord, SurveyInvitation
from portal.ids import NODE_TYPE_OF_MODEL, global_id
from portal.notifications.models import OutboxMessage
from portal.privacy.errors import PrivacyError
from portal.privacy.models import DataExport, ErasureRequest
from portal.timeline.models import TimelineEvent

# How long an export stays downloadable; the retention job deletes it after.
EXPORT_DAYS = 30
# Exports of one person made within a day, whoever asked: each is a whole zip of their records
# kept in the database for EXPORT_DAYS, so a request aliased thirty times, sent again and again,
# would fill it (GDPR Art. 12(5): a request manifestly excessive by its repetition may be
# refused). Three a day leaves a person room to ask again after new records; the export made
# earlier stays downloadable meanwhile.
EXPORTS_PER_DAY = 3
# A fixed time for every entry: the archive's bytes depend on the data alone.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _default(value: Any) -> Any:
    # asyncpg's UUID is a subclass orjson does not take as one.
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    raise TypeError(type(value).__name__)


def _named(model: type[Model], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``model``'s rows with its id and every foreign key as the global ID `node(id:)`
    resolves (portal.ids): how the API names the same objects. Keys of types the API shows
    only inside another object keep their UUID."""
    keys: dict[str, str] = {}
    own = NODE_TYPE_OF_MODEL.get(model.__name__)
    if own is not None:
        keys["id"] = own
    for name in model._meta.fk_fields:
        related = model._meta.fields_map[name].related_model  # type: ignore[attr-defined]
        target = NODE_TYPE_OF_MODEL.get(related.__name__)
        if target is not None:
            keys[f"{name}_id"] = target
    for row in rows:
        for key, type_name in keys.items():
            value = row.get(key)
            if value is not None:
                row[key] = global_id(type_name, uuid.UUID(str(value)))
    return rows


def _json(value: Any) -> bytes:
    return orjson.dumps(value, default=_default, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)


async def _case_files(
    user: User, actor: Actor, storage: DocumentStore
) -> tuple[dict[str, bytes], set[uuid.UUID]]:
    files: dict[str, bytes] = {}
    participations = await policy.participations_of(user.id).values_list("case_id", "role")
    roles_of: dict[uuid.UUID, list[str]] = {}
    for case_id, role in participations:
        roles_of.setdefault(case_id, []).append(role)
    appointed = await NeutralAppointment.filter(neutral_id=user.id).only("case_id")
    case_ids = set(roles_of) | {a.case_id for a in appointed}
    for case in await DisputeCase.filter(id__in=case_ids).order_by("created_at"):
        appointment = (
            await NeutralAppointment.filter(case_id=case.id).order_by("-appointed_at").first()
        )
        roles = policy.case_roles(actor, case, roles_of.get(case.id, []), appointment)
        scopes = policy.readable_scopes(roles, appointment)
        folder = f"cases/{case.reference}"
        record = await DisputeCase.filter(id=case.id).values()
        files[f"{folder}/case.json"] = _json(
            {
                "case": _named(DisputeCase, record)[0],
                "your_roles": sorted(r.value for r in roles),
                "consents": _named(Consent, await Consent.filter(case_id=case.id).values()),
                "appointments": _named(
                    NeutralAppointment, await NeutralAppointment.filter(case_id=case.id).values()
                ),
                "offers": _named(Offer, await Offer.filter(case_id=case.id).values()),
                "outcomes": _named(Outcome, await Outcome.filter(case_id=case.id).values()),
            }
        )
        # An event's payload is kept as it was hashed (raw UUIDs); its own keys are named.
        files[f"{folder}/events.json"] = _json(
            _named(
                TimelineEvent,
                await TimelineEvent.filter(case_id=case.id, visibility__in=scopes)
                .order_by("sequence")
                .values(),
            )
        )
        files[f"{folder}/messages.json"] = _json(
            _named(
                Message,
                await Message.filter(case_id=case.id, visibility__in=scopes)
                .order_by("created_at", "id")
                .values(),
            )
        )
        documents = (
            await Document.filter(case_id=case.id, visibility__in=scopes)
            .order_by("created_at", "version")
            .values()
        )
        # Named like the API names it: documents.json's `id`, and the file's name.
        documents = _named(Document, documents)
        files[f"{folder}/documents.json"] = _json(documents)
        for document in documents:
            if document["redacted_at"] is not None:
                continue
            holder = storage.backend(document["storage_backend"])
            checked = read_checked(
                holder, document["storage_key"], document["sha256"], document["size"]
            )
            try:
                content = b"".join([chunk async for chunk in checked])
            except StorageError:
                continue  # listed in documents.json with its SHA-256; the content is missing
            files[f"{folder}/documents/{document['id']}"] = content
    return files, case_ids


async def build_export(user_id: uuid.UUID, storage: DocumentStore, keys: KeySet) -> bytes:
    """The archive's bytes: its manifest signed like a case bundle's (`MANIFEST.sha256.jws`,
    portal.casefiles.signing), so the person can prove later what Parley handed them."""
    user = await User.get(id=user_id)
    actor = await acting_as(user)
    files: dict[str, bytes] = {}
    account = (
        await User.filter(id=user.id).values(
            "id",
            "email",
            "display_name",
            "locale",
            "time_zone",
            "created_at",
            "last_login_at",
            "is_active",
            "claim_pending",
        )
    )[0]
    files["account.json"] = _json(
        {
            "account": _named(User, [account])[0],
            "roles": _named(
                Membership,
                await Membership.filter(user_id=user.id).values(
                    "role", "organisation_id", "provider_id", "created_at"
                ),
            ),
        }
    )
    complaints = await Complaint.filter(complainant_id=user.id).order_by("received_at").values()
    for complaint in complaints:
        complaint["steps"] = _named(
            ComplaintStep,
            await ComplaintStep.filter(complaint_id=complaint["id"]).order_by("at", "id").values(),
        )
    files["complaints.json"] = _json(_named(Complaint, complaints))
    case_files, case_ids = await _case_files(user, actor, storage)
    files.update(case_files)
    # Messages the person wrote on cases not exported above (as organisation or provider staff):
    # theirs, in the scope they wrote them in.
    files["messages_written_elsewhere.json"] = _json(
        _named(
            Message,
            await Message.filter(author_id=user.id)
            .exclude(case_id__in=list(case_ids))
            .order_by("created_at", "id")
            .values(),
        )
    )
    invitations = Subquery(SurveyInvitation.filter(recipient_id=user.id).values("id"))
    files["survey_answers.json"] = _json(
        _named(
            SatisfactionRecord,
            await SatisfactionRecord.filter(invitation_id__in=invitations)
            .order_by("answered_at")
            .values("case_id", "question", "kind", "score", "agreed", "comment", "answered_at"),
        )
    )
    files["mails.json"] = _json(
        _named(
            OutboxMessage,
            await OutboxMessage.filter(recipient=user.email, channel="email")
            .order_by("created_at")
            .values(
                "id", "kind", "locale", "context", "case_id", "status", "created_at", "delivered_at"
            ),
        )
    )
    files["erasure_requests.json"] = _json(
        _named(
            ErasureRequest,
            await ErasureRequest.filter(user_id=user.id).order_by("created_at").values(),
        )
    )
    files["exports.json"] = _json(
        _named(
            DataExport,
            await DataExport.filter(user_id=user.id)
            .order_by("created_at")
            .values("id", "created_at", "expires_at", "size", "sha256", "on_paper"),
        )
    )
    # Who has read their records (issue 19, 3): as `viewer.accessLog` shows them, by role and
    # kind of record; not the record's id, which for a read of the other side's caucus or an
    # organisation's internal note would name an item the person may not know of.
    files["access_log.json"] = _json(
        await AccessRecord.filter(policy.own_access_log_filter(actor))
        .order_by("created_at", "id")
        .values("created_at", "role", "action", "case_reference", "target_type")
    )
    manifest = "".join(
        f"{hashlib.sha256(content).hexdigest()}  {name}\n"
        for name, content in sorted(files.items())
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in sorted(files.items()):
            archive.writestr(zipfile.ZipInfo(name, _ZIP_TIME), content, zipfile.ZIP_DEFLATED)
        archive.writestr(zipfile.ZipInfo("MANIFEST.sha256", _ZIP_TIME), manifest.encode())
        archive.writestr(
            zipfile.ZipInfo("MANIFEST.sha256.jws", _ZIP_TIME),
            sign_manifest(manifest.encode(), keys).encode(),
        )
    return buffer.getvalue()


async def request_data_export(
    actor: Actor, user_id: uuid.UUID, at: datetime, storage: DocumentStore, keys: KeySet
) -> DataExport:
    """Build the person's export now and keep it for `EXPORT_DAYS`: asked by the person, or by
    an admin acting on a request made on paper."""
    if not policy.may_export_personal_data(actor, user_id):
        raise PrivacyError("FORBIDDEN", "Your role does not allow this.")
    async with in_transaction():
        # The person's row, locked: two requests at once count each other's export.
        if await User.select_for_update().get_or_none(id=user_id) is None:
            raise PrivacyError("NOT_FOUND", "No such person.", "user_id")
        made = await DataExport.filter(user_id=user_id, created_at__gt=at - timedelta(days=1))
        if len(made) >= EXPORTS_PER_DAY:
            raise PrivacyError(
                "EXPORT_LIMIT",
                f"{EXPORTS_PER_DAY} copies of this person's data were made within the last "
                "24 hours; download one of them, or ask again tomorrow.",
                limit=EXPORTS_PER_DAY,
                actual=len(made),
            )
        content = await build_export(user_id, storage, keys)
        return await DataExport.create(
            user_id=user_id,
            requested_by_id=actor.id,
            on_paper=actor.id != user_id,
            created_at=at,
            expires_at=at + timedelta(days=EXPORT_DAYS),
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            content=content,
        )

"""Subject-access exports and erasure requests (issue 19, D): what the person asks for on
their account page, and what an admin records and decides."""

from __future__ import annotations

import uuid
from typing import Annotated

import strawberry

from portal.accounts.models import User
from portal.api.context import Info
from portal.api.errors import PublicError, UserError, user_error
from portal.api.inputs import mutations
from portal.api.node import decode_id, node_resolver
from portal.api.privacy.types import DataExport, ErasureRequest
from portal.auth import policy
from portal.casefiles.storage import storage_of
from portal.cases.engine import now
from portal.privacy import erasure, export, models
from portal.privacy.errors import PrivacyError


class ErasureListForbidden(PublicError):
    code = "FORBIDDEN"


def _error(exc: PrivacyError) -> list[UserError]:
    return [user_error(exc.code, exc.message, exc.field, limit=exc.limit, actual=exc.actual)]


def _person(info: Info, user_id: strawberry.ID | None) -> uuid.UUID:
    """The person a request is about: the viewer, or the one an admin names."""
    actor = info.context.require_actor()
    if user_id is None:
        return actor.id
    pk = decode_id(user_id, "User")
    if pk is None:
        raise PrivacyError("NOT_FOUND", "No such person.", "user_id")
    return pk


@strawberry.input(description="Ask for a subject-access export.")
class RequestDataExportInput:
    user_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Admins only, for a person who asked on paper; empty: your own data.",
    )


@strawberry.type(description="The export made, or why not.")
class RequestDataExportPayload:
    data_export: DataExport | None = strawberry.field(
        default=None, description="The export, ready to download."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why it was not made."
    )


@strawberry.input(description="Ask for a person's personal data to be erased.")
class RequestErasureInput:
    user_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Admins only, recording a request made on paper; empty: your own.",
    )
    reasons: str | None = strawberry.field(
        default=None, description="Anything the person wants to say; optional."
    )


@strawberry.type(description="The request recorded, with its legal holds, or why not.")
class ErasureRequestPayload:
    erasure_request: ErasureRequest | None = strawberry.field(
        default=None, description="The request as it now stands."
    )
    user_errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why nothing changed."
    )


@strawberry.input(description="An admin's decision on an erasure request.")
class DecideErasureInput:
    request_id: strawberry.ID = strawberry.field(description="The erasure request.")
    grant: bool = strawberry.field(
        description="True: erase now (refused while a legal hold stands); false: refuse."
    )
    reasons: str = strawberry.field(description="Why; mailed to the person.")


async def _request_of(row: models.ErasureRequest) -> ErasureRequest:
    return ErasureRequest.of(row, await User.get(id=row.user_id))


@node_resolver("DataExport")
async def _export_node(info: Info, pk: uuid.UUID) -> DataExport | None:
    """An export while it can be downloaded, for whoever may download it."""
    actor = info.context.require_actor()
    row = await models.DataExport.get_or_none(id=pk, expires_at__gt=now())
    if row is None or not policy.may_download_export(actor, row.user_id, row.requested_by_id):
        return None
    return DataExport.of(row)


@node_resolver("ErasureRequest")
async def _erasure_node(info: Info, pk: uuid.UUID) -> ErasureRequest | None:
    """The person's own request, or any for the admins who decide them."""
    actor = info.context.require_actor()
    row = await models.ErasureRequest.get_or_none(id=pk)
    if row is None or not policy.may_view_erasure_request(actor, row.user_id):
        return None
    return await _request_of(row)


@strawberry.type
class PrivacyQueries:
    @strawberry.field(
        description="Your subject-access exports that can still be downloaded, newest first."
    )
    async def my_data_exports(self, info: Info) -> list[DataExport]:
        actor = info.context.require_actor()
        rows = await models.DataExport.filter(user_id=actor.id, expires_at__gt=now()).order_by(
            "-created_at"
        )
        return [
            DataExport.of(r)
            for r in rows
            if policy.may_download_export(actor, r.user_id, r.requested_by_id)
        ]

    @strawberry.field(description="Your erasure requests and how they stand, newest first.")
    async def my_erasure_requests(self, info: Info) -> list[ErasureRequest]:
        actor = info.context.require_actor()
        rows = await models.ErasureRequest.filter(user_id=actor.id).order_by("-created_at")
        return [
            await _request_of(r) for r in rows if policy.may_view_erasure_request(actor, r.user_id)
        ]

    @strawberry.field(
        description="Admins: every undecided erasure request, oldest first, then the 100 decided "
        "last; filter by status."
    )
    async def erasure_requests(
        self,
        info: Info,
        status: Annotated[
            list[models.ErasureStatus] | None,
            strawberry.argument(description="Only these statuses; empty: all."),
        ] = None,
    ) -> list[ErasureRequest]:
        actor = info.context.require_actor()
        if not policy.may_decide_erasure(actor):
            raise ErasureListForbidden("Erasure requests are for admins to decide.")
        query = models.ErasureRequest.filter(status__in=status) if status else models.ErasureRequest
        undecided = await query.filter(decided_at__isnull=True).order_by("created_at")
        decided = await query.filter(decided_at__isnull=False).order_by("-decided_at").limit(100)
        return [await _request_of(r) for r in [*undecided, *decided]]


@mutations
@strawberry.type
class PrivacyMutations:
    @strawberry.mutation(
        description="Make a subject-access export (GDPR Art. 15): every record naming the "
        "person, as a zip of JSON files with a MANIFEST.sha256, downloadable for 30 days."
    )
    async def request_data_export(
        self, info: Info, input: RequestDataExportInput
    ) -> RequestDataExportPayload:
        try:
            person = _person(info, input.user_id)
            row = await export.request_data_export(
                info.context.require_actor(),
                person,
                now(),
                storage_of(info.context.settings),
                info.context.auth.issuer.keys,
            )
        except PrivacyError as exc:
            return RequestDataExportPayload(user_errors=_error(exc))
        return RequestDataExportPayload(data_export=DataExport.of(row))

    @strawberry.mutation(
        description="Ask for the person's personal data to be erased (GDPR Art. 17); the legal "
        "holds that stop it are evaluated at once."
    )
    async def request_erasure(
        self, info: Info, input: RequestErasureInput
    ) -> ErasureRequestPayload:
        try:
            person = _person(info, input.user_id)
            row = await erasure.request_erasure(
                info.context.require_actor(), person, input.reasons, now()
            )
        except PrivacyError as exc:
            return ErasureRequestPayload(user_errors=_error(exc))
        return ErasureRequestPayload(erasure_request=await _request_of(row))

    @strawberry.mutation(
        description="Admins: grant or refuse an erasure request, with reasons; the person is "
        "told by mail. Granting erases at once and anonymises the account."
    )
    async def decide_erasure(self, info: Info, input: DecideErasureInput) -> ErasureRequestPayload:
        actor = info.context.require_actor()
        try:
            pk = decode_id(input.request_id, "ErasureRequest")
            if pk is None:
                raise PrivacyError("NOT_FOUND", "No such erasure request.", "request_id")
            row = await erasure.decide_erasure(
                actor, pk, input.grant, input.reasons, now(), storage_of(info.context.settings)
            )
        except PrivacyError as exc:
            return ErasureRequestPayload(user_errors=_error(exc))
        return ErasureRequestPayload(erasure_request=await _request_of(row))

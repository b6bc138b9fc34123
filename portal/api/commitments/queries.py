"""Reading an organisation's commitments: public words, for everyone."""

from __future__ import annotations

from typing import Annotated

import strawberry

from portal.api.commitments.types import Commitment
from portal.api.context import Info
from portal.api.feedback.queries import FeedbackRefused
from portal.api.node import decode_id
from portal.auth import policy
from portal.commitments import services
from portal.feedback.errors import FeedbackError


@strawberry.type
class CommitmentQueries:
    @strawberry.field(
        description="An organisation's code-of-conduct commitments (ISO 10001), by its ID or "
        "its slug (one of the two), in the order of `CommitmentKind`; no sign-in: they are "
        "published. An organisation that does not exist is `NOT_FOUND`."
    )
    async def organisation_commitments(
        self,
        info: Info,
        organisation_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="The organisation's global ID (or give `slug`)."),
        ] = None,
        slug: Annotated[
            str | None,
            strawberry.argument(description="The organisation's slug (or give `organisationId`)."),
        ] = None,
    ) -> list[Commitment]:
        try:
            if not policy.may_read_commitments(info.context.actor):
                raise FeedbackError("NOT_FOUND", "No such organisation.", "organisation")
            if organisation_id is not None:
                pk = decode_id(organisation_id, "Organisation")
                if pk is None:
                    raise FeedbackError("NOT_FOUND", "No such organisation.", "organisation_id")
                rows = await services.commitments_of_existing(pk)
            else:
                organisation = await services.organisation_by_slug(slug or "")
                rows = await services.commitments_of(organisation.id)
        except FeedbackError as exc:
            raise FeedbackRefused(exc) from exc
        return [Commitment.of(r) for r in rows]

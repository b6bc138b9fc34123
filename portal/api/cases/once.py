"""Case actions that create something, made idempotent by a client's key (issue 13 D3).

`makeOffer` creates an offer: a client that lost the answer (a dropped connection, a 503 after
the commit) and sends the request again would make a second offer. With the same
`idempotencyKey` the retry does nothing and answers with the case as it stands; the same key
with another request is refused (portal.api.idempotency).
"""

from __future__ import annotations

import uuid
from typing import Any

from portal.api.idempotency import IdempotencyError, once
from portal.auth.actor import Actor
from portal.cases.errors import CaseError, CaseNotFound
from portal.cases.models import DisputeCase
from portal.cases.services import Action, perform
from portal.cases.states import Stage


async def perform_once(
    actor: Actor,
    case_id: uuid.UUID,
    action: Action,
    data: dict[str, Any],
    key: str,
    expected_stage: Stage | None = None,
) -> DisputeCase:
    """`perform`, at most once per actor and key; the case row either way."""
    done: list[DisputeCase] = []

    async def create() -> uuid.UUID:
        done.append(await perform(actor, case_id, action, data, expected_stage=expected_stage))
        return case_id

    request = {"case_id": str(case_id), **data}
    try:
        await once(actor.id, key, action.value, request, create)
    except IdempotencyError as exc:
        raise CaseError(exc.code, exc.message, exc.field) from exc
    if done:
        return done[0]
    row = await DisputeCase.get_or_none(id=case_id)
    if row is None:
        raise CaseNotFound()
    return row

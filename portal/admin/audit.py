"""Writing the admin audit log (portal.admin.models.AdminAuditEntry): one function for every
change that is audited, an installation admin's (portal.admin.services) or a team manager's
(portal.accounts.team)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from portal.accounts.models import User
from portal.admin.models import AdminAuditEntry
from portal.auth.actor import Actor, ActorKind


async def log_change(
    actor: Actor,
    action: str,
    subject_type: str,
    subject_id: uuid.UUID,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    at: datetime,
) -> None:
    """Append who did ``action`` to what, when, and how it stood before and after; inside the
    caller's transaction, so a change and its entry are written together or not at all."""
    label = ""
    if actor.kind is ActorKind.USER:
        user = await User.get_or_none(id=actor.id)
        label = user.email if user else ""
    await AdminAuditEntry.create(
        created_at=at,
        actor_id=actor.id,
        actor_kind=actor.kind.value,
        actor_label=label,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        before=before,
        after=after,
    )

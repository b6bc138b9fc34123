"""Checks of data written before a rule existed: reported, never changed silently.

Issue 13 F1: until referrals checked who names a representative, anyone could be made one,
staff of the case's own organisation or provider included. `portal migrate` and `portal check`
list such rows so that an operator reviews them with the complainant; the access policy already
ignores them (such a person holds no representative role on that case).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from portal.accounts.models import Membership
from portal.auth.policy import role_bears_on_case
from portal.cases.models import CaseParticipant, DisputeCase
from portal.cases.states import CaseRole


@dataclass(frozen=True)
class ConflictedRepresentative:
    """A representative on a case who also holds a role on the other side of it."""

    case_id: uuid.UUID
    case_reference: str
    user_id: uuid.UUID
    role: str  # the conflicting membership's role
    scope: str  # "installation", "organisation:<id>" or "provider:<id>"

    def line(self) -> str:
        return (
            f"representative-conflict: case {self.case_reference} ({self.case_id}): "
            f"representative {self.user_id} holds {self.role} in {self.scope}"
        )


async def conflicted_representatives() -> list[ConflictedRepresentative]:
    """Every (case, representative, membership) where the representative holds a role in the
    case's organisation or provider, or an installation-wide one; oldest case first."""
    rows = await CaseParticipant.filter(role=CaseRole.REPRESENTATIVE.value).values_list(
        "case_id", "user_id"
    )
    if not rows:
        return []
    cases = {
        c.id: c
        for c in await DisputeCase.filter(id__in={case_id for case_id, _ in rows}).only(
            "id", "reference", "organisation_id", "provider_id", "created_at"
        )
    }
    memberships: dict[uuid.UUID, list[Membership]] = {}
    for m in await Membership.filter(user_id__in={user_id for _, user_id in rows}).order_by(
        "created_at"
    ):
        memberships.setdefault(m.user_id, []).append(m)
    found = [
        ConflictedRepresentative(case.id, case.reference, user_id, m.role.value, m.scope)
        for case_id, user_id in rows
        for case in [cases[case_id]]
        for m in memberships.get(user_id, [])
        if role_bears_on_case(
            m.organisation_id, m.provider_id, case.organisation_id, case.provider_id
        )
    ]
    order = {case_id: (c.created_at, c.reference) for case_id, c in cases.items()}
    return sorted(found, key=lambda f: (order[f.case_id], str(f.user_id), f.role, f.scope))

"""Who on a case gets a mail, and whether they may read what it is about.

A recipient gets a case mail only when the event's visibility scope is one they may read
(`policy.readable_scopes`, the same table the timeline and the case file use), so a caucus
message never announces itself to the other side, nor to a neutral who has not yet declared
impartiality (QUALITY.md "Access").
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from portal.accounts.models import ORGANISATION_ROLES, Membership, Role, User
from portal.auth import policy
from portal.cases.models import CaseParticipant, DisputeCase, NeutralAppointment
from portal.cases.states import COMPLAINANT_SIDE, AppointmentStatus, CaseRole, Party
from portal.timeline.models import Visibility

# The roles a mail to a responsible party goes to (DOMAIN.md "Clocks": who must act).
RESPONSIBLE_ROLES: dict[Party, frozenset[CaseRole]] = {
    Party.PROVIDER: frozenset({CaseRole.PROVIDER}),
    Party.ORGANISATION: frozenset({CaseRole.ORGANISATION}),
    Party.COMPLAINANT: COMPLAINANT_SIDE,
    Party.NEUTRAL: frozenset({CaseRole.NEUTRAL}),
    Party.PARTIES: COMPLAINANT_SIDE | {CaseRole.ORGANISATION},
}
PARTIES = RESPONSIBLE_ROLES[Party.PARTIES]


@dataclass(frozen=True)
class Recipient:
    user_id: uuid.UUID
    email: str
    name: str
    locale: str
    roles: frozenset[CaseRole]
    # An IANA name: every instant in the person's mail is shown in it (issue 15).
    time_zone: str = "UTC"

    @classmethod
    def of(cls, user: User, roles: frozenset[CaseRole] = frozenset()) -> Recipient:
        """``user`` as a recipient: their address, name, language and time zone."""
        return cls(user.id, user.email, user.display_name, user.locale.value, roles, user.time_zone)


async def case_people(case: DisputeCase) -> tuple[list[Recipient], NeutralAppointment | None]:
    """Everyone who takes part in ``case`` (active accounts), with their roles on it, and the
    current neutral appointment (which decides what the neutral may read)."""
    roles: dict[uuid.UUID, set[CaseRole]] = {}
    for user_id, role in await CaseParticipant.filter(case_id=case.id).values_list(
        "user_id", "role"
    ):
        roles.setdefault(user_id, set()).add(CaseRole(role))
    representatives = [u for u, r in roles.items() if CaseRole.REPRESENTATIVE in r]
    if representatives:
        # Issue 13 F1, as policy.case_roles: whoever holds a role on the other side of the
        # case (or an installation-wide one) is never mailed as the complainant's representative.
        for m in await Membership.filter(user_id__in=representatives):
            if policy.role_bears_on_case(
                m.organisation_id, m.provider_id, case.organisation_id, case.provider_id
            ):
                roles[m.user_id].discard(CaseRole.REPRESENTATIVE)
    staff = await Membership.filter(
        organisation_id=case.organisation_id, role__in=list(ORGANISATION_ROLES)
    ).values_list("user_id", flat=True)
    caseworkers = await Membership.filter(
        provider_id=case.provider_id, role=Role.PROVIDER_CASEWORKER
    ).values_list("user_id", flat=True)
    for user_id in staff:
        roles.setdefault(user_id, set()).add(CaseRole.ORGANISATION)  # type: ignore[arg-type]
    for user_id in caseworkers:
        roles.setdefault(user_id, set()).add(CaseRole.PROVIDER)  # type: ignore[arg-type]
    appointment = (
        await NeutralAppointment.filter(case_id=case.id)
        .exclude(status=AppointmentStatus.REMOVED)
        .order_by("-appointed_at")
        .first()
    )
    if appointment is not None:
        roles.setdefault(appointment.neutral_id, set()).add(CaseRole.NEUTRAL)
    users = await User.filter(id__in=list(roles), is_active=True).order_by("email")
    people = [Recipient.of(u, frozenset(roles[u.id])) for u in users]
    return people, appointment


def audience(
    people: Iterable[Recipient],
    appointment: NeutralAppointment | None,
    roles: frozenset[CaseRole],
    visibility: Visibility,
    *,
    leave_out: uuid.UUID | None = None,
) -> list[Recipient]:
    """Those of ``people`` holding one of ``roles`` who may read an event of ``visibility``."""
    return [
        p
        for p in people
        if p.roles & roles
        and visibility in policy.readable_scopes(p.roles, appointment)
        and p.user_id != leave_out
    ]

"""Where a complaint may be taken (ISO 10003 7.2): the one rule, read by the escalation form
(`Complaint.eligibleProviders`) and enforced by `referComplaint`.

A complaint against an organisation goes to a provider whose scheme the organisation takes
part in: an organisation-provider link. Nothing else (the public directory, a provider's
methods or languages) makes a provider eligible.
"""

from __future__ import annotations

import uuid

from tortoise.expressions import Subquery
from tortoise.queryset import QuerySet

from portal.accounts.models import Provider
from portal.cases.models import OrganisationProvider


def referral_links(organisation_id: uuid.UUID) -> QuerySet[OrganisationProvider]:
    """The links a complaint against ``organisation_id`` may be referred through."""
    return OrganisationProvider.filter(organisation_id=organisation_id)


async def eligible_providers(organisation_id: uuid.UUID) -> list[Provider]:
    """The providers a complaint against ``organisation_id`` may be taken to, by name."""
    # Only what a referral would accept: a retired link or provider is refused there
    # (PROVIDER_NOT_AVAILABLE, PROVIDER_RETIRED), so it is not offered here.
    links = referral_links(organisation_id).filter(retired_at=None)
    return await Provider.filter(
        id__in=Subquery(links.values("provider_id")), retired_at=None
    ).order_by("name", "id")

"""Outbox rows for external providers, written with the event that causes them.

A case at a provider whose adapter works outside Parley gets one row for its referral, one
for each later event the provider may read, and one for a withdrawal. The row names the
provider and the event; the worker builds the pack from the case when it delivers, with a
fresh answer link (portal.notifications.provider_delivery).
"""

from __future__ import annotations

from portal.accounts.models import Provider
from portal.auth import policy
from portal.cases.events import EventKind
from portal.cases.models import DisputeCase
from portal.cases.states import CaseRole
from portal.notifications.models import Channel
from portal.notifications.outbox import enqueue
from portal.timeline.models import TimelineEvent
from providers import registry

PROVIDER_SCOPES = policy.readable_scopes(frozenset({CaseRole.PROVIDER}), None)
REFERRAL = "referral"
WITHDRAWAL = "withdrawal"
CASE_EVENT = "case_event"


def is_external(adapter: str) -> bool:
    try:
        return registry.get(adapter).external
    except registry.UnknownAdapter:
        # Configured once, then uninstalled: queue anyway, so the rows wait (as dead letters
        # an admin can retry) instead of the provider silently missing its referrals.
        return True


async def provider_rows(case: DisputeCase, event: TimelineEvent) -> None:
    if event.visibility not in PROVIDER_SCOPES:
        return
    found = await Provider.filter(id=case.provider_id).values_list("slug", "adapter")
    if not found or not is_external(found[0][1]):
        return
    slug = found[0][0]
    kind = {EventKind.CASE_REFERRED: REFERRAL, EventKind.CASE_WITHDRAWN: WITHDRAWAL}.get(
        EventKind(event.kind), CASE_EVENT
    )
    context = {
        "provider_id": str(case.provider_id),
        "sequence": event.sequence,
        "event": event.kind,
        "occurred_at": event.occurred_at.isoformat(),
    }
    if "clock" in event.payload:
        context["clock"] = event.payload["clock"]
    if kind == WITHDRAWAL and event.payload.get("reason"):
        context["reason"] = event.payload["reason"]
    await enqueue(
        Channel.PROVIDER,
        kind,
        f"provider:{slug}",
        context,
        at=event.occurred_at,
        case_id=case.id,
    )

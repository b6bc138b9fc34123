"""Delivering a provider's outbox row through its adapter.

The pack is built from the case when the row is delivered, so it is current, and an e-mail
provider's answer link is minted then (a token is never stored in the outbox). The URL check
of organisation webhooks applies to provider endpoints too, at every delivery, in the pinned
client's transport (portal.notifications.destinations).
"""

from __future__ import annotations

import uuid
from email.message import EmailMessage
from email.utils import formatdate

import httpx

from portal.accounts.models import Organisation, Provider, User
from portal.auth.tokens import TokenIssuer, TokenKind
from portal.cases.models import Clock, DisputeCase
from portal.cases.states import ClockKind
from portal.ids import global_id
from portal.notifications import mail, webhooks
from portal.notifications.models import OutboxMessage
from portal.notifications.provider_outbox import REFERRAL, WITHDRAWAL
from portal.settings import Settings
from providers import registry
from providers.contract import (
    CaseEvent,
    CaseRef,
    DeliveryResult,
    Outbound,
    ProviderConfig,
    ReferralPack,
    Withdrawal,
)

CALLBACK_PATH = "/providers/{slug}/callbacks"
ANSWER_PATH = "/providers/{slug}/answer"


def config_of(provider: Provider) -> ProviderConfig:
    return ProviderConfig(
        slug=provider.slug,
        name=provider.name,
        adapter=provider.adapter,
        endpoint_url=provider.endpoint_url,
        outbound_secret=provider.outbound_secret,
        inbound_secret=provider.inbound_secret,
        email=provider.adapter_email,
    )


def answer_url(
    issuer: TokenIssuer, settings: Settings, provider: Provider, case_id: uuid.UUID
) -> str:
    """A link for this provider to answer for this case, and nothing else: its own token kind
    (it opens no other door), bound to the case and the provider, expiring."""
    token = issuer.issue(
        TokenKind.PROVIDER_ANSWER,
        str(case_id),
        settings.provider_answer_link_ttl,
        prv=str(provider.id),
    )
    path = ANSWER_PATH.format(slug=provider.slug)
    return f"{settings.public_url.rstrip('/')}{path}?token={token}"


async def _pack(
    case: DisputeCase, provider: Provider, settings: Settings, link: str
) -> ReferralPack:
    organisation = await Organisation.get(id=case.organisation_id).values_list("name", flat=True)
    complainant = await User.get(id=case.complainant_id).values_list("display_name", flat=True)
    clock = (
        await Clock.filter(case_id=case.id, kind=ClockKind.ACCEPTANCE)
        .order_by("-started_at")
        .first()
    )
    return ReferralPack(
        case=CaseRef(global_id("DisputeCase", case.id), case.reference),
        provider=provider.slug,
        subject=case.subject,
        method=case.method.value,
        language=case.language,
        organisation=str(organisation),
        complainant=str(complainant),
        unresolved_reason=case.unresolved_reason,
        claimed_amount=str(case.claimed_amount) if case.claimed_amount is not None else None,
        currency=case.currency,
        referred_at=case.created_at.isoformat(),
        acceptance_due_at=clock.due_at.isoformat() if clock else None,
        callback_url=settings.public_url.rstrip("/") + CALLBACK_PATH.format(slug=provider.slug),
        answer_url=link,
    )


async def deliver(
    message: OutboxMessage, client: httpx.AsyncClient, settings: Settings, issuer: TokenIssuer
) -> DeliveryResult:
    provider = await Provider.get_or_none(id=message.context.get("provider_id"))
    case = await DisputeCase.get_or_none(id=message.case_id) if message.case_id else None
    if provider is None or case is None:
        return DeliveryResult.permanent("the provider or the case no longer exists")
    try:
        adapter = registry.get(provider.adapter)
    except registry.UnknownAdapter:
        return DeliveryResult.permanent(f"no adapter {provider.adapter!r} is installed")
    if not adapter.external:
        return DeliveryResult.delivered(f"the provider now works in the portal ({adapter.name})")
    if provider.endpoint_url:
        try:
            # Where the name points is checked by the worker's client, on the very addresses
            # it connects to (Issue 13 F6: no second resolution to rebind).
            webhooks.check_syntax(provider.endpoint_url)
        except webhooks.UrlRefused as exc:
            return DeliveryResult.permanent(exc.message)

    async def send_mail(email: EmailMessage) -> DeliveryResult:
        email["Message-ID"] = mail.message_id(str(message.id), settings)
        email["Date"] = formatdate(usegmt=True)
        email["From"] = settings.mail_from
        email["Auto-Submitted"] = "auto-generated"
        try:
            return DeliveryResult.delivered(await mail.send(email, settings))
        except mail.MailFailure as exc:
            return (DeliveryResult.permanent if exc.permanent else DeliveryResult.retry)(str(exc))

    out = Outbound(http=client, send_mail=send_mail, message_id=str(message.id))
    config = config_of(provider)
    link = answer_url(issuer, settings, provider, case.id) if adapter.answers_by_link else ""
    ref = CaseRef(global_id("DisputeCase", case.id), case.reference)
    context = message.context
    if message.kind == REFERRAL:
        return await adapter.refer(config, await _pack(case, provider, settings, link), out)
    if message.kind == WITHDRAWAL:
        withdrawal = Withdrawal(
            case=ref,
            provider=provider.slug,
            occurred_at=str(context["occurred_at"]),
            reason=context.get("reason"),
        )
        return await adapter.withdraw(config, withdrawal, out)
    event = CaseEvent(
        case=ref,
        provider=provider.slug,
        sequence=int(context["sequence"]),
        kind=str(context["event"]),
        occurred_at=str(context["occurred_at"]),
        clock=context.get("clock"),
        answer_url=link,
    )
    return await adapter.deliver_event(config, event, out)

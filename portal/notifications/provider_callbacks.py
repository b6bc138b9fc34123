"""What a provider tells Parley: verified, de-duplicated, applied as the portal would.

Every provider event becomes the same case service call (portal.cases.services.perform) an
in-portal caseworker or neutral makes, by the account of the person the provider named, so
the timeline, the clocks and the mails are the same whichever adapter the provider uses. A
callback is applied in one transaction with the row that takes its id: a refused one
(unknown case, an action the stage does not allow, bad input) changes nothing, and its id
stays free; an applied one cannot be applied twice.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from portal.accounts.errors import AccountError
from portal.accounts.external import account_for, acting_as
from portal.accounts.models import Provider, Role, User
from portal.cases.errors import MESSAGES, CaseError, CaseNotFound
from portal.cases.models import DisputeCase, NeutralAppointment
from portal.cases.services import Action, perform
from portal.cases.states import AppointmentStatus
from portal.cases.transitions import TABLE
from portal.ids import decode_id
from portal.notifications.models import ProviderCallback
from portal.notifications.provider_delivery import config_of
from providers import registry
from providers.contract import (
    CallbackRefused,
    InboundRequest,
    Person,
    ProviderEvent,
    ProviderEventKind,
)

__all__ = [
    "Applied",
    "CallbackRefused",
    "InboundRequest",
    "answers_by_link",
    "receive_answer",
    "receive_callback",
    "refusal_body",
]

log = logging.getLogger("portal.providers")

# The provider's own people act in these roles; an outcome is the neutral's.
_ACTIONS: dict[ProviderEventKind, Action] = {
    ProviderEventKind.ACCEPTED: Action.ACCEPT,
    ProviderEventKind.DECLINED: Action.DECLINE,
    ProviderEventKind.NEUTRAL_APPOINTED: Action.APPOINT_NEUTRAL,
    ProviderEventKind.FILE_COMPLETED: Action.COMPLETE_FILE,
    ProviderEventKind.OUTCOME_ISSUED: Action.ISSUE_OUTCOME,
    ProviderEventKind.CLOSED: Action.CLOSE,
}


@dataclass(frozen=True)
class Applied:
    id: str
    kind: str
    case: str  # the case's reference
    stage: str  # its stage afterwards


async def provider_by_slug(slug: str) -> Provider:
    provider = await Provider.get_or_none(slug=slug)
    if provider is None:
        raise CallbackRefused(404, "UNKNOWN_PROVIDER", "No such provider.")
    return provider


async def receive_callback(slug: str, request: InboundRequest) -> list[Applied]:
    """`POST /providers/{slug}/callbacks`: verified by the provider's adapter on the raw
    bytes, then applied. Raises CallbackRefused."""
    provider = await provider_by_slug(slug)
    try:
        adapter = registry.get(provider.adapter)
    except registry.UnknownAdapter:
        raise CallbackRefused(
            404, "NO_CALLBACKS", "This provider's adapter is not installed."
        ) from None
    if not adapter.callbacks:
        raise CallbackRefused(404, "NO_CALLBACKS", "This provider does not send callbacks.")
    events = adapter.parse_callback(config_of(provider), request)
    return await apply_events(provider, events, request.received_at)


def answers_by_link(provider: Provider) -> bool:
    try:
        return registry.get(provider.adapter).answers_by_link
    except registry.UnknownAdapter:
        return False


async def receive_answer(
    provider: Provider, case: DisputeCase, request: InboundRequest
) -> list[Applied]:
    """An answer form of an adapter that answers by link, after the web layer checked the
    link's token and the form's CSRF token: read by the adapter, applied like a callback."""
    if not answers_by_link(provider):
        raise CallbackRefused(403, "LINK_INVALID", "This link is not valid.")
    adapter = registry.get(provider.adapter)
    events = list(adapter.parse_callback(config_of(provider), request))
    if any(decode_id(e.case_id, "DisputeCase") != case.id for e in events):
        raise CallbackRefused(400, "UNKNOWN_CASE", "The form names another case.")
    return await apply_events(provider, events, request.received_at)


async def apply_events(
    provider: Provider, events: Sequence[ProviderEvent], at: datetime
) -> list[Applied]:
    applied: list[Applied] = []
    async with in_transaction():
        for event in events:
            applied.append(await _apply(provider, event, at))
    for item in applied:
        log.info(
            "provider callback applied",
            extra={
                "provider": provider.slug,
                "callback_id": item.id,
                "kind": item.kind,
                "case": item.case,
                "stage": item.stage,
            },
        )
    return applied


async def _apply(provider: Provider, event: ProviderEvent, at: datetime) -> Applied:
    if await ProviderCallback.exists(provider_id=provider.id, message_id=event.id):
        raise CallbackRefused(
            409, "REPLAYED", "A callback with this webhook-id was received already."
        )
    case_id = decode_id(event.case_id, "DisputeCase")
    case = await DisputeCase.get_or_none(id=case_id, provider_id=provider.id) if case_id else None
    if case is None:
        raise CallbackRefused(404, "UNKNOWN_CASE", "No case with that id was referred to you.")
    try:
        await ProviderCallback.create(
            provider_id=provider.id,
            message_id=event.id,
            kind=event.kind.value,
            case_id=case.id,
            received_at=at,
        )
    except IntegrityError as exc:  # the same id, applied concurrently
        raise CallbackRefused(
            409, "REPLAYED", "A callback with this webhook-id was received already."
        ) from exc
    if case.stage not in TABLE[_ACTIONS[event.kind]].sources:
        # Said before anyone's role is looked at: the stage alone refuses it.
        raise CallbackRefused(409, "ACTION_NOT_AVAILABLE", MESSAGES["ACTION_NOT_AVAILABLE"])
    try:
        case = await _perform(provider, case, event)
    except CaseNotFound as exc:  # the person named holds no role on the case
        raise CallbackRefused(
            409, "FORBIDDEN", "The person named may not take that action on this case."
        ) from exc
    except CaseError as exc:
        status = 422 if exc.field else 409
        raise CallbackRefused(status, exc.code, exc.message) from exc
    except AccountError as exc:
        raise CallbackRefused(422, exc.code.value, exc.message) from exc
    return Applied(event.id, event.kind.value, case.reference, case.stage.value)


async def _person(provider: Provider, person: Person | None, role: Role) -> User:
    if person is None:
        # The e-mail adapter's answers come from the provider's address: its contact acts.
        if not provider.adapter_email:
            raise CallbackRefused(422, "MALFORMED", "`by` names who acted.")
        person = Person(
            external_id=f"email:{provider.adapter_email.lower()}",
            email=provider.adapter_email,
            name=f"{provider.name} (by e-mail)",
        )
    return await account_for(provider, person.external_id, person.email, person.name, role)


async def _current_neutral(case: DisputeCase) -> User:
    appointment = (
        await NeutralAppointment.filter(case_id=case.id)
        .exclude(status=AppointmentStatus.REMOVED)
        .order_by("-appointed_at")
        .first()
    )
    if appointment is None:
        raise CaseError("NEUTRAL_NOT_CONFIRMED", "A neutral must be appointed and confirmed first.")
    return await User.get(id=appointment.neutral_id)


async def _perform(provider: Provider, case: DisputeCase, event: ProviderEvent) -> DisputeCase:
    action = _ACTIONS[event.kind]
    data: dict[str, Any] = {}
    if event.kind is ProviderEventKind.OUTCOME_ISSUED:
        # ISO 10003 7.5: the outcome is the neutral's; named by the provider, or the one
        # appointed when the answer came by e-mail.
        user = (
            await _person(provider, event.by, Role.NEUTRAL)
            if event.by
            else await _current_neutral(case)
        )
        data = {
            "summary": event.summary,
            "reasons": event.reasons,
            "amount": event.amount,
            "currency": event.currency,
        }
        return await perform(await acting_as(user), case.id, action, data)
    caseworker = await acting_as(await _person(provider, event.by, Role.PROVIDER_CASEWORKER))
    if event.kind is ProviderEventKind.ACCEPTED:
        data = {"is_complex": event.is_complex, "note": event.note}
    elif event.kind is ProviderEventKind.DECLINED:
        data = {"ground": event.ground, "reasons": event.reasons}
    elif event.kind is ProviderEventKind.CLOSED:
        data = {"reason": event.reason, "note": event.note}
    elif event.kind is ProviderEventKind.NEUTRAL_APPOINTED:
        if event.neutral is None:
            raise CallbackRefused(422, "MALFORMED", "`neutral` names the neutral appointed.")
        neutral = await _person(provider, event.neutral, Role.NEUTRAL)
        case = await perform(caseworker, case.id, action, {"neutral_id": neutral.id})
        if event.impartial is None:
            return case  # the neutral declares later
        # The neutral's own declaration, reported with the appointment (ISO 10003 4.7).
        declaration = {"impartial": event.impartial, "disclosures": event.disclosures}
        return await perform(
            await acting_as(neutral), case.id, Action.DECLARE_IMPARTIALITY, declaration
        )
    return await perform(caseworker, case.id, action, data)


def refusal_body(exc: CallbackRefused) -> dict[str, Any]:
    """The JSON of a refusal, shaped like every other HTTP error of Parley's."""
    return {"errors": [{"message": exc.message, "extensions": {"code": exc.code}}]}

"""The JSON Parley and a provider exchange, shared by the webhook adapter and the simulator.

Outgoing bodies are `{"type", "timestamp", "data"}` (the Standard Webhooks shape): `referral`,
`case_event` or `withdrawal`, with the contract's dataclass as `data`. A callback body is
`{"type": <provider event kind>, "timestamp", "data": {"case": {"id"}, "by": {...}, ...}}`.
Serialised with sorted keys, so the same pack is the same bytes on every retry.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from typing import Any

from providers.contract import (
    CallbackRefused,
    CaseEvent,
    Person,
    ProviderEvent,
    ProviderEventKind,
    ReferralPack,
    Withdrawal,
)

MAX_TEXT = 10_000
MAX_BODY_BYTES = 64 * 1024


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _camel_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {_camel(k): _camel_keys(v) for k, v in value.items()}
    return value


def body(
    kind: str, timestamp: str, data: ReferralPack | CaseEvent | Withdrawal | Mapping[str, Any]
) -> bytes:
    payload = dataclasses.asdict(data) if dataclasses.is_dataclass(data) else dict(data)
    envelope = {"type": kind, "timestamp": timestamp, "data": _camel_keys(payload)}
    return json.dumps(envelope, sort_keys=True, separators=(",", ":")).encode()


def referral_body(pack: ReferralPack) -> bytes:
    return body("referral", pack.referred_at, pack)


def event_body(event: CaseEvent) -> bytes:
    return body("case_event", event.occurred_at, event)


def withdrawal_body(withdrawal: Withdrawal) -> bytes:
    return body("withdrawal", withdrawal.occurred_at, withdrawal)


def _malformed(message: str) -> CallbackRefused:
    return CallbackRefused(400, "MALFORMED", message)


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise _malformed(f"`{key}` is a string of at most {MAX_TEXT} characters.")
    return value.strip()


def _person(value: Any, key: str) -> Person | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise _malformed(f"`{key}` is an object with externalId, email and name.")
    external_id, email = _text(value, "externalId"), _text(value, "email")
    if not external_id or not email:
        raise _malformed(f"`{key}` needs an externalId and an email.")
    return Person(external_id=external_id[:200], email=email, name=_text(value, "name"))


def provider_event(message_id: str, kind: str, data: Mapping[str, Any]) -> ProviderEvent:
    """One provider event from the fields of a callback (or an answer form), checked for
    shape; whether the case allows it is Parley's to decide."""
    try:
        event_kind = ProviderEventKind(kind)
    except ValueError as exc:
        known = ", ".join(k.value for k in ProviderEventKind)
        raise CallbackRefused(
            400, "UNKNOWN_EVENT_TYPE", f"Unknown event type {kind!r}; known: {known}."
        ) from exc
    case = data.get("case")
    case_id = _text(case, "id") if isinstance(case, Mapping) else ""
    if not case_id:
        raise _malformed("`data.case.id` names the case (the id of the referral pack).")
    impartial = data.get("impartial")
    if impartial is not None and not isinstance(impartial, bool):
        raise _malformed("`impartial` is true or false.")
    amount = data.get("amount")
    if amount is not None and not isinstance(amount, str | int | float):
        raise _malformed("`amount` is a decimal number, as a string.")
    return ProviderEvent(
        id=message_id,
        kind=event_kind,
        case_id=case_id,
        by=_person(data.get("by"), "by"),
        is_complex=data.get("isComplex") is True,
        note=_text(data, "note"),
        ground=_text(data, "ground"),
        reasons=_text(data, "reasons"),
        neutral=_person(data.get("neutral"), "neutral"),
        impartial=impartial,
        disclosures=_text(data, "disclosures"),
        summary=_text(data, "summary"),
        amount=None if amount is None or amount == "" else str(amount),
        currency=_text(data, "currency") or None,
        reason=_text(data, "reason"),
    )


def parse_callback(message_id: str, raw: bytes) -> ProviderEvent:
    if len(raw) > MAX_BODY_BYTES:
        raise CallbackRefused(413, "TOO_LARGE", f"A callback has at most {MAX_BODY_BYTES} bytes.")
    try:
        envelope = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _malformed("The body is not JSON.") from exc
    if not isinstance(envelope, dict) or not isinstance(envelope.get("data"), dict):
        raise _malformed('The body is {"type", "timestamp", "data": {...}}.')
    return provider_event(message_id, str(envelope.get("type", "")), envelope["data"])


def callback_body(event: ProviderEvent, timestamp: str) -> bytes:
    """A callback as a provider sends it (the simulator and the tests use this)."""
    data: dict[str, Any] = {"case": {"id": event.case_id}}
    for key, value in dataclasses.asdict(event).items():
        if key in {"id", "kind", "case_id"} or value is None or value == "":
            continue
        if key == "is_complex" and value is False:
            continue
        data[key] = value
    return body(event.kind.value, timestamp, data)

"""Editing a provider's published profile and its roster of neutrals.

Checks come from portal.auth.policy; input is read field by field and refused with a code and
the field at fault before anything is written.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from tortoise.transactions import in_transaction

from portal.accounts.models import Membership, Provider, Role
from portal.accounts.services import is_email
from portal.auth import policy
from portal.auth.actor import Actor
from portal.cases.inputs import amount, currency, text
from portal.cases.states import Method
from portal.directory.errors import DirectoryError
from portal.directory.models import NeutralProfile, ProviderProfile
from portal.directory.texts import read_translations

_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")  # BCP 47, as far as we need
_COUNTRY = re.compile(r"^[A-Z]{2}$")
MAX_LIST = 50
MAX_ITEM = 100
MAX_URL = 500

# Plain text fields of the provider profile, each read with portal.cases.inputs.text.
PROFILE_TEXT = (
    "summary",
    "postal_address",
    "dispute_types",
    "decision_basis",
    "preliminary_requirements",
    "fees",
    "legal_effect",
)
NEUTRAL_TEXT = ("title", "biography", "standing_disclosures")


class ProviderNotFound(DirectoryError):
    def __init__(self) -> None:
        super().__init__("NOT_FOUND", "No such provider.", field="provider_id")


class NeutralNotFound(DirectoryError):
    def __init__(self) -> None:
        super().__init__("NOT_FOUND", "That person is not a neutral of this provider.", "user_id")


def _list(data: Mapping[str, Any], key: str, pattern: re.Pattern[str] | None = None) -> list[str]:
    raw = data.get(key) or []
    if not isinstance(raw, list | tuple) or len(raw) > MAX_LIST:
        raise DirectoryError("INVALID_INPUT", f"`{key}` is a list of at most {MAX_LIST}.", key)
    items: list[str] = []
    for value in raw:
        item = text({key: value}, key, max_length=MAX_ITEM)
        if pattern is not None and not pattern.match(item):
            raise DirectoryError(
                "INVALID_INPUT", f"`{key}` holds a value it cannot: {item!r}.", key
            )
        if item not in items:
            items.append(item)
    return items


def _methods(data: Mapping[str, Any]) -> list[str]:
    methods = _list(data, "methods")
    for value in methods:
        if value not in Method.__members__.values():
            raise DirectoryError("INVALID_CHOICE", f"`{value}` is not a method.", "methods")
    return methods


def _url(data: Mapping[str, Any], key: str) -> str:
    value = text(data, key, required=False, max_length=MAX_URL)
    if value and not value.startswith(("https://", "http://")):
        raise DirectoryError("INVALID_URL", f"`{key}` is an http(s) address.", key)
    return value


def _given(data: Mapping[str, Any]) -> set[str]:
    """The fields the caller set: left out (None) means unchanged."""
    return {k for k, v in data.items() if v is not None}


def read_profile(data: Mapping[str, Any]) -> dict[str, Any]:
    given = _given(data)
    changes: dict[str, Any] = {k: text(data, k, required=False) for k in PROFILE_TEXT if k in given}
    if "website" in given:
        changes["website"] = _url(data, "website")
    if "rules_url" in given:
        changes["rules_url"] = _url(data, "rules_url")
    if "contact_email" in given:
        email = text(data, "contact_email", required=False).lower()
        if email and not is_email(email):
            raise DirectoryError("INVALID_EMAIL", "That is not an e-mail address.", "contact_email")
        changes["contact_email"] = email
    if "methods" in given:
        changes["methods"] = _methods(data)
    if "languages" in given:
        changes["languages"] = _list(data, "languages", _LANGUAGE)
    if "countries" in given:
        changes["countries"] = _list(data, "countries", _COUNTRY)
    if "consumer_fee_amount" in given:
        changes["consumer_fee_amount"] = amount(data, "consumer_fee_amount")
    if "consumer_fee_currency" in given:
        changes["consumer_fee_currency"] = currency(data, "consumer_fee_currency", "EUR")
    if "text_language" in given:
        language = text(data, "text_language")
        if len(language) > 35 or not _LANGUAGE.match(language):
            raise DirectoryError(
                "INVALID_INPUT", "`text_language` is a BCP 47 tag, such as `en`.", "text_language"
            )
        changes["text_language"] = language
    return changes


async def update_provider_profile(
    actor: Actor, provider_id: uuid.UUID, data: Mapping[str, Any]
) -> ProviderProfile:
    """EU ADR Art. 7(1): the provider's caseworkers (or an admin) keep its public profile."""
    if not await Provider.exists(id=provider_id):
        raise ProviderNotFound()
    if not policy.may_edit_provider(actor, provider_id):
        raise DirectoryError("FORBIDDEN", "Only the provider's caseworkers edit its profile.")
    changes = read_profile(data)
    async with in_transaction():
        profile, _ = await ProviderProfile.get_or_create(provider_id=provider_id)
        if data.get("translations") is not None:
            changes["translations"] = read_translations(profile.translations, data["translations"])
        profile.update_from_dict(changes)
        await profile.save()
    return profile


def read_neutral(data: Mapping[str, Any]) -> dict[str, Any]:
    given = _given(data)
    changes: dict[str, Any] = {k: text(data, k, required=False) for k in NEUTRAL_TEXT if k in given}
    if "competences" in given:
        changes["competences"] = _list(data, "competences")
    if "languages" in given:
        changes["languages"] = _list(data, "languages", _LANGUAGE)
    if "accepting_cases" in given:
        changes["accepting_cases"] = bool(data["accepting_cases"])
    return changes


def read_mandate(data: Mapping[str, Any]) -> dict[str, Any]:
    """The whole mandate at once: the methods sat for (empty: all) and its end (None: open)."""
    ends = data.get("mandate_ends_on")
    if ends is not None and not isinstance(ends, date):
        raise DirectoryError("INVALID_INPUT", "`mandate_ends_on` is a date.", "mandate_ends_on")
    return {"methods": _methods(data), "mandate_ends_on": ends}


async def update_neutral_profile(
    actor: Actor,
    provider_id: uuid.UUID,
    user_id: uuid.UUID,
    data: Mapping[str, Any],
    *,
    mandate: bool = False,
) -> NeutralProfile:
    """The neutral keeps their own entry (competences, languages, standing disclosures); the
    provider's caseworkers may too, and alone set the mandate (methods and its end, Art.
    7(1)(b)). ``mandate`` says which of the two the caller asks for."""
    if not await Membership.exists(user_id=user_id, role=Role.NEUTRAL, provider_id=provider_id):
        raise NeutralNotFound()
    allowed = (
        policy.may_edit_provider(actor, provider_id)
        if mandate
        else policy.may_edit_neutral_profile(actor, provider_id, user_id)
    )
    if not allowed:
        raise DirectoryError("FORBIDDEN", "You may not edit this roster entry.")
    changes = read_mandate(data) if mandate else read_neutral(data)
    async with in_transaction():
        profile, _ = await NeutralProfile.get_or_create(provider_id=provider_id, user_id=user_id)
        profile.update_from_dict(changes)
        await profile.save()
    return profile


def availability(profile: NeutralProfile | None, method: Method, on: date) -> str | None:
    """Why this neutral cannot sit on a case with ``method`` on ``on``; None when they can.

    A neutral without a roster entry keeps the rule that came before the directory: being a
    neutral of the provider is enough.
    """
    if profile is None:
        return None
    if not profile.accepting_cases:
        return "The neutral is not taking new cases."
    if profile.mandate_ends_on is not None and profile.mandate_ends_on < on:
        return "The neutral's mandate has ended."
    if profile.methods and method.value not in profile.methods:
        return "The neutral does not sit for this method."
    return None

"""What installation admins change: organisations, providers, schemes and the links between
organisations and providers. Each change is checked with portal.auth.policy, read field by field
(refused with a code and the field at fault before anything is written), and written in one
transaction with its entry in the admin audit log (who, when, what, before and after).

Nothing that cases or complaints point at is deleted: it is retired. A retired organisation takes
no new complaints, a retired provider no new referrals, a retired link refers nobody; what they
have keeps working. A scheme that cases point at is never changed in place: an edit makes a new
version (same rules plus the change) that the organisation links move to, and the old version is
retired pointing at it, so every case keeps running on the rules it started under.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from tortoise.transactions import in_transaction

from portal.accounts.models import Organisation, Provider
from portal.admin.audit import log_change
from portal.auth import policy
from portal.auth.actor import Actor
from portal.cases.errors import CaseError
from portal.cases.inputs import text
from portal.cases.models import DisputeCase, OrganisationProvider, Scheme
from portal.cases.states import Calendar, ClockKind, Method
from portal.codes import CaseLanguage
from portal.fees.schedule import copy_schedule

# One error type with the case and directory services: one mapping to userErrors in the API.
AdminError = CaseError

SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
MAX_NAME = 200
MAX_DAYS = 365
# The languages a legal-effect text may be written in: those a case may run in.
LANGUAGES = frozenset(CaseLanguage)
COMPLEX_RESPONSE = "response_complex"


def _now() -> datetime:
    return datetime.now(UTC)


def _given(data: Mapping[str, Any]) -> set[str]:
    """The fields the caller set: left out (None) means unchanged."""
    return {k for k, v in data.items() if v is not None}


def _check(actor: Actor) -> None:
    if not policy.may_administer(actor):
        raise AdminError("FORBIDDEN", "Only installation admins change the set-up.")


# --- reading input --------------------------------------------------------------------------


def _name(data: Mapping[str, Any]) -> str:
    return text(data, "name", max_length=MAX_NAME)


def _slug(data: Mapping[str, Any]) -> str:
    value = text(data, "slug").lower()
    if not SLUG.match(value):
        raise AdminError(
            "INVALID_SLUG",
            "A slug is 1 to 64 lower-case letters, digits and hyphens, not starting or ending "
            "with a hyphen.",
            "slug",
        )
    return value


def _country(data: Mapping[str, Any], *, required: bool = False) -> str:
    value = text(data, "country", required=required).upper()
    if value and not COUNTRY.match(value):
        raise AdminError("INVALID_COUNTRY", "A country is an ISO 3166-1 alpha-2 code.", "country")
    return value


def _methods(data: Mapping[str, Any]) -> list[str]:
    raw = data.get("methods") or []
    methods: list[str] = []
    for value in raw:
        value = getattr(value, "value", value)
        if value not in Method.__members__.values():
            raise AdminError("INVALID_CHOICE", f"`{value}` is not a method.", "methods")
        if value not in methods:
            methods.append(value)
    return methods


def _clocks(data: Mapping[str, Any]) -> dict[str, Any]:
    """`clocks`: [{kind, days, calendar, complex_case}] -> Scheme.clock_policy. A kind left
    out keeps the default of portal.cases.clocks.DEFAULT_POLICY."""
    policy_: dict[str, Any] = {}
    for item in data.get("clocks") or []:
        kind = ClockKind(getattr(item["kind"], "value", item["kind"]))
        complex_case = bool(item.get("complex_case"))
        if complex_case and kind is not ClockKind.RESPONSE:
            raise AdminError(
                "INVALID_INPUT", "Only the response clock has a complex-case length.", "clocks"
            )
        days = item.get("days")
        if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= MAX_DAYS:
            raise AdminError("INVALID_DAYS", f"A clock runs 1 to {MAX_DAYS} days.", "clocks")
        calendar = Calendar(getattr(item["calendar"], "value", item["calendar"]))
        key = COMPLEX_RESPONSE if complex_case else kind.value
        if key in policy_:
            raise AdminError("INVALID_INPUT", f"The `{key}` clock is given twice.", "clocks")
        policy_[key] = {"days": days, "calendar": calendar.value}
    return policy_


def _legal_effects(data: Mapping[str, Any]) -> dict[str, dict[str, str]]:
    """`legal_effects`: [{method, language, text}] -> {method: {language: text}}."""
    texts: dict[str, dict[str, str]] = {}
    for item in data.get("legal_effects") or []:
        method = Method(getattr(item["method"], "value", item["method"]))
        language = str(item.get("language") or "")
        if language not in LANGUAGES:
            raise AdminError(
                "INVALID_LANGUAGE", f"`{language}` is not a language cases run in.", "legal_effects"
            )
        value = text({"legal_effects": item.get("text")}, "legal_effects")
        texts.setdefault(method.value, {})[language] = value
    return texts


def read_scheme(data: Mapping[str, Any], *, creating: bool) -> dict[str, Any]:
    given = _given(data) | ({"name", "country"} if creating else set())
    changes: dict[str, Any] = {}
    if "name" in given:
        changes["name"] = _name(data)
    if "country" in given:
        changes["country"] = _country(data, required=True)
    if "silence_is_refusal" in given:
        changes["silence_is_refusal"] = bool(data["silence_is_refusal"])
    if "organisation_may_withdraw" in given:
        changes["organisation_may_withdraw"] = bool(data["organisation_may_withdraw"])
    if "methods" in given:
        changes["methods"] = _methods(data)
    if "fees" in given:
        changes["fees"] = text(data, "fees", required=False)
    if "clocks" in given:
        changes["clock_policy"] = _clocks(data)
    if "legal_effects" in given:
        changes["legal_effects"] = _legal_effects(data)
    if "retention_years" in given:
        changes["retention_years"] = _retention_years(data)
    if "automated_review_days" in given:
        changes["automated_review_days"] = _automated_review_days(data)
    return changes


# Issue 19: whole years a closed case's personal data is kept (portal.privacy.retention).
MAX_RETENTION_YEARS = 100


MAX_AUTOMATED_REVIEW_DAYS = 365


def _automated_review_days(data: Mapping[str, Any]) -> int:
    """Issue 20, 3: the window for asking a person to review an automated step."""
    days = data["automated_review_days"]
    if not isinstance(days, int) or not 1 <= days <= MAX_AUTOMATED_REVIEW_DAYS:
        raise AdminError(
            "INVALID_INPUT",
            f"The window to ask for a review is 1 to {MAX_AUTOMATED_REVIEW_DAYS} days.",
            "automated_review_days",
        )
    return days


def _retention_years(data: Mapping[str, Any]) -> int:
    years = data["retention_years"]
    if not isinstance(years, int) or not 0 <= years <= MAX_RETENTION_YEARS:
        raise AdminError(
            "INVALID_INPUT",
            f"A retention period is 0 to {MAX_RETENTION_YEARS} whole years.",
            "retention_years",
        )
    return years


# --- snapshots and the log ------------------------------------------------------------------


def _at(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def organisation_snapshot(row: Organisation) -> dict[str, Any]:
    return {
        "id": str(row.id),
        "slug": row.slug,
        "name": row.name,
        "country": row.country,
        "retired_at": _at(row.retired_at),
    }


def provider_snapshot(row: Provider) -> dict[str, Any]:
    # Never the adapter's secrets: the log is read by auditors.
    return {
        "id": str(row.id),
        "slug": row.slug,
        "name": row.name,
        "country": row.country,
        "published": row.published,
        "retired_at": _at(row.retired_at),
    }


def scheme_snapshot(row: Scheme) -> dict[str, Any]:
    return {
        "id": str(row.id),
        "provider_id": str(row.provider_id),
        "name": row.name,
        "country": row.country,
        "version": row.version,
        "silence_is_refusal": row.silence_is_refusal,
        "organisation_may_withdraw": row.organisation_may_withdraw,
        "methods": list(row.methods),
        "fees": row.fees,
        "clock_policy": dict(row.clock_policy),
        "legal_effects": dict(row.legal_effects),
        "retention_years": row.retention_years,
        "automated_review_days": row.automated_review_days,
        "replaced_by_id": str(row.replaced_by_id) if row.replaced_by_id else None,
        "retired_at": _at(row.retired_at),
    }


async def link_snapshot(row: OrganisationProvider) -> dict[str, Any]:
    """With the names as they stood, so the log reads without looking anything up."""
    organisation = await Organisation.get(id=row.organisation_id)
    provider = await Provider.get(id=row.provider_id)
    scheme = await Scheme.get(id=row.scheme_id)
    return {
        "id": str(row.id),
        "organisation_id": str(row.organisation_id),
        "organisation": organisation.name,
        "provider_id": str(row.provider_id),
        "provider": provider.name,
        "scheme_id": str(row.scheme_id),
        "scheme": f"{scheme.name} (version {scheme.version})",
        "retired_at": _at(row.retired_at),
    }


# --- organisations --------------------------------------------------------------------------


def _named_changes(data: Mapping[str, Any]) -> dict[str, Any]:
    """The slug, name and country an edit of an organisation or provider gives."""
    given = _given(data)
    changes: dict[str, Any] = {}
    if "slug" in given:
        changes["slug"] = _slug(data)
    if "name" in given:
        changes["name"] = _name(data)
    if "country" in given:
        changes["country"] = _country(data)
    return changes


async def _save_changes(
    actor: Actor,
    row: Organisation | Provider,
    changes: dict[str, Any],
    snapshot: Callable[[Any], dict[str, Any]],
    subject: str,
) -> None:
    """An edit of an organisation or provider (locked by the caller): its slug unique among
    its kind, and an audit entry when something changed."""
    model = type(row)
    if "slug" in changes and await model.filter(slug=changes["slug"]).exclude(id=row.id).exists():
        raise AdminError("SLUG_TAKEN", f"Another {subject.lower()} has this slug.", "slug")
    before = snapshot(row)
    row.update_from_dict(changes)
    await row.save()
    after = snapshot(row)
    if after != before:
        await log_change(actor, f"{subject.lower()}.update", subject, row.id, before, after, _now())


async def _retire(
    actor: Actor,
    row: Organisation | Provider,
    snapshot: Callable[[Any], dict[str, Any]],
    subject: str,
) -> None:
    """Retire an organisation or provider (locked by the caller), once, audited."""
    if row.retired_at is not None:
        raise AdminError("ALREADY_RETIRED", f"This {subject.lower()} is already retired.")
    before = snapshot(row)
    row.retired_at = _now()
    await row.save()
    await log_change(
        actor, f"{subject.lower()}.retire", subject, row.id, before, snapshot(row), row.retired_at
    )


async def _organisation(organisation_id: uuid.UUID, *, lock: bool = True) -> Organisation:
    query = Organisation.filter(id=organisation_id)
    row = await (query.select_for_update() if lock else query).first()
    if row is None:
        raise AdminError("ORGANISATION_NOT_FOUND", "No such organisation.", "organisation_id")
    return row


async def create_organisation(actor: Actor, data: Mapping[str, Any]) -> Organisation:
    _check(actor)
    slug, name, country = _slug(data), _name(data), _country(data)
    async with in_transaction():
        if await Organisation.exists(slug=slug):
            raise AdminError("SLUG_TAKEN", "Another organisation has this slug.", "slug")
        row = await Organisation.create(slug=slug, name=name, country=country)
        await log_change(
            actor,
            "organisation.create",
            "Organisation",
            row.id,
            None,
            organisation_snapshot(row),
            _now(),
        )
    return row


async def update_organisation(
    actor: Actor, organisation_id: uuid.UUID, data: Mapping[str, Any]
) -> Organisation:
    _check(actor)
    changes = _named_changes(data)
    async with in_transaction():
        row = await _organisation(organisation_id)
        await _save_changes(actor, row, changes, organisation_snapshot, "Organisation")
    return row


async def retire_organisation(actor: Actor, organisation_id: uuid.UUID) -> Organisation:
    """No new complaints; its complaints, cases and links keep working."""
    _check(actor)
    async with in_transaction():
        row = await _organisation(organisation_id)
        await _retire(actor, row, organisation_snapshot, "Organisation")
    return row


# --- providers ------------------------------------------------------------------------------


async def _provider(provider_id: uuid.UUID, *, lock: bool = True) -> Provider:
    query = Provider.filter(id=provider_id)
    row = await (query.select_for_update() if lock else query).first()
    if row is None:
        raise AdminError("NOT_FOUND", "No such provider.", "provider_id")
    return row


async def create_provider(actor: Actor, data: Mapping[str, Any]) -> Provider:
    _check(actor)
    slug, name, country = _slug(data), _name(data), _country(data)
    async with in_transaction():
        if await Provider.exists(slug=slug):
            raise AdminError("SLUG_TAKEN", "Another provider has this slug.", "slug")
        row = await Provider.create(slug=slug, name=name, country=country)
        await log_change(
            actor, "provider.create", "Provider", row.id, None, provider_snapshot(row), _now()
        )
    return row


async def update_provider(
    actor: Actor, provider_id: uuid.UUID, data: Mapping[str, Any]
) -> Provider:
    _check(actor)
    changes = _named_changes(data)
    if "published" in _given(data):
        changes["published"] = bool(data["published"])
    async with in_transaction():
        row = await _provider(provider_id)
        await _save_changes(actor, row, changes, provider_snapshot, "Provider")
    return row


async def retire_provider(actor: Actor, provider_id: uuid.UUID) -> Provider:
    """No new referrals (PROVIDER_RETIRED at referComplaint); its cases run on to the end."""
    _check(actor)
    async with in_transaction():
        row = await _provider(provider_id)
        await _retire(actor, row, provider_snapshot, "Provider")
    return row


# --- schemes --------------------------------------------------------------------------------


async def _scheme(scheme_id: uuid.UUID) -> Scheme:
    row = await Scheme.filter(id=scheme_id).select_for_update().first()
    if row is None:
        raise AdminError("NOT_FOUND", "No such scheme.", "scheme_id")
    return row


async def create_scheme(actor: Actor, provider_id: uuid.UUID, data: Mapping[str, Any]) -> Scheme:
    _check(actor)
    changes = read_scheme(data, creating=True)
    async with in_transaction():
        provider = await _provider(provider_id)
        if provider.retired_at is not None:
            raise AdminError("PROVIDER_RETIRED", "This provider is retired.", "provider_id")
        row = await Scheme.create(provider_id=provider.id, **changes)
        await log_change(
            actor, "scheme.create", "Scheme", row.id, None, scheme_snapshot(row), _now()
        )
    return row


# What a new version copies from the one it replaces.
SCHEME_FIELDS = (
    "name",
    "country",
    "silence_is_refusal",
    "organisation_may_withdraw",
    "methods",
    "fees",
    "clock_policy",
    "legal_effects",
    "retention_years",
    "automated_review_days",
)


async def update_scheme(actor: Actor, scheme_id: uuid.UUID, data: Mapping[str, Any]) -> Scheme:
    """In place while no case points at the scheme; otherwise a new version (see the module's
    docstring). Returns the scheme as it now stands: the new version, when one was made."""
    _check(actor)
    changes = read_scheme(data, creating=False)
    async with in_transaction():
        row = await _scheme(scheme_id)
        if row.retired_at is not None:
            raise AdminError(
                "SCHEME_RETIRED", "This scheme is retired; edit its current version.", "scheme_id"
            )
        before = scheme_snapshot(row)
        now = _now()
        if all(getattr(row, name) == value for name, value in changes.items()):
            return row  # nothing changes: no new version, no log entry
        if not await DisputeCase.exists(scheme_id=row.id):
            row.update_from_dict(changes)
            await row.save()
            after = scheme_snapshot(row)
            if after != before:
                await log_change(actor, "scheme.update", "Scheme", row.id, before, after, now)
            return row
        values = {name: getattr(row, name) for name in SCHEME_FIELDS} | changes
        new = await Scheme.create(provider_id=row.provider_id, version=row.version + 1, **values)
        await copy_schedule(row.id, new.id)  # issue 20: a new version keeps its fees
        row.retired_at = now
        row.replaced_by_id = new.id
        await row.save()
        await OrganisationProvider.filter(scheme_id=row.id).update(scheme_id=new.id)
        await log_change(
            actor, "scheme.new_version", "Scheme", row.id, before, scheme_snapshot(new), now
        )
        return new


async def retire_scheme(actor: Actor, scheme_id: uuid.UUID) -> Scheme:
    """Its cases keep running on it; a scheme an active link refers under is kept until the
    link is moved to another scheme or retired."""
    _check(actor)
    async with in_transaction():
        row = await _scheme(scheme_id)
        if row.retired_at is not None:
            raise AdminError("ALREADY_RETIRED", "This scheme is already retired.")
        if await OrganisationProvider.exists(scheme_id=row.id, retired_at=None):
            raise AdminError(
                "SCHEME_IN_USE",
                "Organisations are referred under this scheme: move or retire their links first.",
                "scheme_id",
            )
        before = scheme_snapshot(row)
        row.retired_at = _now()
        await row.save()
        await log_change(
            actor, "scheme.retire", "Scheme", row.id, before, scheme_snapshot(row), row.retired_at
        )
    return row


# --- links ----------------------------------------------------------------------------------


async def _usable_scheme(scheme_id: uuid.UUID | None, provider_id: uuid.UUID) -> Scheme:
    row = await Scheme.get_or_none(id=scheme_id) if scheme_id else None
    if row is None or row.provider_id != provider_id:
        raise AdminError("NOT_FOUND", "The provider has no such scheme.", "scheme_id")
    if row.retired_at is not None:
        raise AdminError("SCHEME_RETIRED", "This scheme is retired.", "scheme_id")
    return row


async def link_organisation_provider(
    actor: Actor,
    organisation_id: uuid.UUID,
    provider_id: uuid.UUID,
    scheme_id: uuid.UUID | None,
) -> OrganisationProvider:
    """The organisation takes part in the provider's scheme: its customers may be referred
    there. A retired link between the two is taken up again."""
    _check(actor)
    async with in_transaction():
        organisation = await _organisation(organisation_id, lock=False)
        provider = await _provider(provider_id, lock=False)
        if organisation.retired_at is not None:
            raise AdminError(
                "ORGANISATION_RETIRED", "This organisation is retired.", "organisation_id"
            )
        if provider.retired_at is not None:
            raise AdminError("PROVIDER_RETIRED", "This provider is retired.", "provider_id")
        scheme = await _usable_scheme(scheme_id, provider.id)
        row = (
            await OrganisationProvider.filter(
                organisation_id=organisation.id, provider_id=provider.id
            )
            .select_for_update()
            .first()
        )
        now = _now()
        if row is None:
            row = await OrganisationProvider.create(
                organisation_id=organisation.id, provider_id=provider.id, scheme_id=scheme.id
            )
            await log_change(
                actor, "link.create", "Link", row.id, None, await link_snapshot(row), now
            )
            return row
        if row.retired_at is None:
            raise AdminError(
                "ALREADY_LINKED",
                "The organisation already takes part in this provider's scheme.",
                "provider_id",
            )
        before = await link_snapshot(row)
        row.retired_at = None
        row.scheme_id = scheme.id
        await row.save()
        await log_change(
            actor, "link.create", "Link", row.id, before, await link_snapshot(row), now
        )
    return row


async def _link(link_id: uuid.UUID) -> OrganisationProvider:
    row = await OrganisationProvider.filter(id=link_id).select_for_update().first()
    if row is None:
        raise AdminError("NOT_FOUND", "No such link.", "link_id")
    return row


async def update_link(
    actor: Actor, link_id: uuid.UUID, scheme_id: uuid.UUID | None
) -> OrganisationProvider:
    """Move the link to another scheme of the same provider (for new referrals)."""
    _check(actor)
    async with in_transaction():
        row = await _link(link_id)
        if row.retired_at is not None:
            raise AdminError("ALREADY_RETIRED", "This link is retired.", "link_id")
        scheme = await _usable_scheme(scheme_id, row.provider_id)
        before = await link_snapshot(row)
        row.scheme_id = scheme.id
        await row.save()
        after = await link_snapshot(row)
        if after != before:
            await log_change(actor, "link.update", "Link", row.id, before, after, _now())
    return row


async def retire_link(actor: Actor, link_id: uuid.UUID) -> OrganisationProvider:
    """The organisation's customers are no longer referred to the provider; cases referred
    already run on."""
    _check(actor)
    async with in_transaction():
        row = await _link(link_id)
        if row.retired_at is not None:
            raise AdminError("ALREADY_RETIRED", "This link is already retired.")
        before = await link_snapshot(row)
        row.retired_at = _now()
        await row.save()
        await log_change(
            actor, "link.retire", "Link", row.id, before, await link_snapshot(row), row.retired_at
        )
    return row

"""A realistic demo installation: one organisation, one provider, their staff, some consumers.

Idempotent: running it again finds what it made and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from portal.accounts.models import Locale, Organisation, Provider, Role, User
from portal.accounts.services import create_user, grant_role

DEMO_PASSWORD = "parley-demo-2026"


@dataclass(frozen=True)
class DemoPerson:
    email: str
    display_name: str
    role: Role | None
    scope: str  # "organisation", "provider", "installation" or "" for consumers
    locale: Locale = Locale.EN


PEOPLE = (
    DemoPerson("agent@northwind.example", "Amara Okafor", Role.ORG_AGENT, "organisation"),
    DemoPerson("manager@northwind.example", "Jonas Weber", Role.ORG_MANAGER, "organisation"),
    DemoPerson(
        "caseworker@fairsettle.example", "Priya Raman", Role.PROVIDER_CASEWORKER, "provider"
    ),
    DemoPerson("mediator@fairsettle.example", "Lucía Fernández", Role.NEUTRAL, "provider"),
    DemoPerson(
        "arbitrator@fairsettle.example", "Chen Wei", Role.NEUTRAL, "provider", Locale.ZH_HANS
    ),
    DemoPerson("auditor@parley.example", "Sam Whitfield", Role.AUDITOR, "installation"),
    DemoPerson("admin@parley.example", "Robin Admin", Role.ADMIN, "installation"),
    DemoPerson("maria@consumer.example", "Maria Rossi", None, ""),
    DemoPerson("li.na@consumer.example", "李娜", None, "", Locale.ZH_HANS),
    DemoPerson("tom@consumer.example", "Tom Becker", None, ""),
)


async def seed_demo(progress: Callable[[str], None] = lambda _: None) -> list[DemoPerson]:
    organisation, _ = await Organisation.get_or_create(
        slug="northwind", defaults={"name": "Northwind Energy", "country": "DE"}
    )
    provider, _ = await Provider.get_or_create(
        slug="fairsettle",
        defaults={"name": "FairSettle Mediation and Arbitration", "country": "DE"},
    )
    progress(f"organisation {organisation.name}, provider {provider.name}")
    for person in PEOPLE:
        user = await User.get_or_none(email=person.email)
        if user is None:
            user = await create_user(
                person.email, person.display_name, DEMO_PASSWORD, person.locale
            )
        if person.role is not None:
            await grant_role(
                user,
                person.role,
                organisation=organisation if person.scope == "organisation" else None,
                provider=provider if person.scope == "provider" else None,
            )
        progress(f"{person.email} ({person.role.value if person.role else 'consumer'})")
    return list(PEOPLE)

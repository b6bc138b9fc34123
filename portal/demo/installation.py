"""The demo's organisation, provider, scheme and people. Idempotent: found again, never doubled."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tortoise.transactions import in_transaction

from portal.accounts.external import acting_as
from portal.accounts.models import Locale, Organisation, Provider, Role, User
from portal.accounts.services import create_user, grant_role
from portal.auth.actor import Actor
from portal.cases.models import OrganisationProvider, Scheme

DEMO_PASSWORD = "parley-demo-2026"
SCHEME_NAME = "FairSettle energy consumer scheme"


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


@dataclass
class Installation:
    """What the stories play with: the organisation in the provider's scheme, and everyone."""

    organisation: Organisation
    provider: Provider
    scheme: Scheme
    users: dict[str, User] = field(default_factory=dict)  # by e-mail
    actors: dict[str, Actor] = field(default_factory=dict)  # by e-mail, as they sign in
    # SimSettle, the external provider the simulator plays (portal.demo.simulated).
    simulated: Provider | None = None


# The demo organisation's slug: the integrator guide's first commands name it.
DEMO_ORGANISATION = "northwind"


async def actor_of(user: User) -> Actor:
    """The actor ``user`` is once signed in, with the roles they hold."""
    return await acting_as(user)


async def seed_installation(progress: Callable[[str], None]) -> Installation:
    organisation, _ = await Organisation.get_or_create(
        slug=DEMO_ORGANISATION, defaults={"name": "Northwind Energy", "country": "DE"}
    )
    provider, _ = await Provider.get_or_create(
        slug="fairsettle",
        defaults={"name": "FairSettle Mediation and Arbitration", "country": "DE"},
    )
    async with in_transaction():
        link = await OrganisationProvider.get_or_none(
            organisation_id=organisation.id, provider_id=provider.id
        )
        if link is None:
            # Country DE for the working-day calendar; an empty policy keeps DOMAIN.md's defaults.
            scheme = await Scheme.create(
                provider=provider, name=SCHEME_NAME, country="DE", clock_policy={}
            )
            await OrganisationProvider.create(
                organisation=organisation, provider=provider, scheme=scheme
            )
        else:
            scheme = await Scheme.get(id=link.scheme_id)
    progress(f"organisation {organisation.name}, provider {provider.name}, scheme {scheme.name}")
    installation = Installation(organisation, provider, scheme)
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
        installation.users[person.email] = user
        installation.actors[person.email] = await actor_of(user)
        progress(f"{person.email} ({person.role.value if person.role else 'consumer'})")
    return installation

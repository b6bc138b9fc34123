"""The vocabulary of the total access matrix (tests/test_access_matrix.py): who asks, about
which object, and the rule that says what they must be answered.

Answers are short strings, normalised from what the server said:
- `OK`: data and no error (a mutation: no userError);
- a top-level error's `extensions.code`: `UNAUTHENTICATED`, `NOT_FOUND`, `FORBIDDEN`, ...;
- `ue:CODE`: the payload's first userError;
- `LISTED` / `ABSENT`: whether a list holds the object; `EMPTY`: an empty list;
- `NULL`: a nullable root field (`node`, `nodes`, `case`, `complaint`) answered null, with
  no error: what a missing or foreign object is there (issue 18);
- `http:STATUS` (and `:CODE`) for the REST endpoints; `closed:4403` for a refused socket.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class P(StrEnum):
    """Every principal kind. The OTHER_* ones work on the second side of the world (another
    organisation at another provider): to them the first side's objects are the foreign ones."""

    ANONYMOUS = "anonymous"
    COMPLAINANT = "complainant"
    REPRESENTATIVE = "representative"
    ORG_AGENT = "org_agent"
    ORG_MANAGER = "org_manager"
    CASEWORKER = "caseworker"
    NEUTRAL = "neutral"  # appointed to the case and declared impartial
    REMOVED_NEUTRAL = "removed_neutral"  # appointed, declared, removed on an upheld objection
    AUDITOR = "auditor"  # the organisation's auditor
    ADMIN = "admin"
    ORG_CLIENT = "org_client"  # integration client with the organisation's agent role
    PROVIDER_CLIENT = "provider_client"  # integration client with the provider's caseworker role
    OTHER_CONSUMER = "other_consumer"  # the complainant of the other side's case
    OTHER_ORG_STAFF = "other_org_staff"  # a manager of another organisation
    OTHER_PROVIDER_STAFF = "other_provider_staff"  # a caseworker of another provider


class O(StrEnum):  # noqa: E742 (the matrix's second axis, short on purpose)
    OWN = "own"  # the principal's own (their side's) object
    FOREIGN = "foreign"  # the same kind of object on the other side
    MISSING = "missing"  # a well-formed global id (token, slug) that names nothing
    NONE = "none"  # operations that take no object


# On their own side, the OTHER_* principals hold the role of their counterpart.
COUNTERPART: Mapping[P, P] = {
    P.OTHER_CONSUMER: P.COMPLAINANT,
    P.OTHER_ORG_STAFF: P.ORG_MANAGER,
    P.OTHER_PROVIDER_STAFF: P.CASEWORKER,
}
AWAY = frozenset(COUNTERPART)
USERS = frozenset(P) - {P.ANONYMOUS, P.ORG_CLIENT, P.PROVIDER_CLIENT}
SIGNED_IN = frozenset(P) - {P.ANONYMOUS}
# Everyone with a role on the case (the removed neutral has lost theirs).
ON_CASE = SIGNED_IN - {P.REMOVED_NEUTRAL}
ORG_SIDE = frozenset({P.ORG_AGENT, P.ORG_MANAGER, P.ORG_CLIENT})
PROVIDER_SIDE = frozenset({P.CASEWORKER, P.PROVIDER_CLIENT})
# Who may see a complaint: its complainant, the organisation's staff, auditors, admins.
COMPLAINT_VIEWERS = frozenset({P.COMPLAINANT, P.AUDITOR, P.ADMIN}) | ORG_SIDE
# Whose rights reach every side's objects.
GLOBAL = frozenset({P.ADMIN})

OBJECTS = (O.OWN, O.FOREIGN, O.MISSING)
NO_OBJECT = (O.NONE,)


@dataclass(frozen=True)
class Rule:
    """What each principal is answered, in a few sets rather than a grid.

    ``may`` get ``ok`` on their own object, ``sees`` (who can see it but may not act) get
    ``forbidden``, everyone else ``hidden``; a foreign or missing object is ``hidden`` for
    everyone but ``GLOBAL`` principals (and everyone, for ``public`` objects such as the
    directory's), for whom a foreign object is like their own. ``cells`` lists the few
    exceptions, each explained where the row is written.
    """

    may: frozenset[P]
    sees: frozenset[P] = frozenset()
    hidden: str = "NOT_FOUND"
    forbidden: str = "ue:FORBIDDEN"
    ok: str = "OK"
    anonymous: str = "UNAUTHENTICATED"
    public: bool = False
    foreign: str | None = None  # a foreign object's answer when not ``hidden`` (public ones)
    cells: Mapping[tuple[P, O], str] = field(default_factory=dict)

    def expect(self, who: P, obj: O) -> str:
        if (who, obj) in self.cells:
            return self.cells[(who, obj)]
        if who is P.ANONYMOUS:
            return self.anonymous
        role = COUNTERPART.get(who, who)
        if obj is O.FOREIGN and self.foreign is not None and who not in GLOBAL:
            return self.foreign
        if obj is O.MISSING or (obj is O.FOREIGN and not self.public and who not in GLOBAL):
            return self.hidden
        if role in self.may:
            return self.ok
        return self.forbidden if role in self.sees else self.hidden


def everyone(answer: str = "OK", missing: str | None = None, foreign: str | None = None) -> Rule:
    """The same answer for every principal, signed in or not (public endpoints, and those
    where a credential in the call is what counts); ``missing`` for an object that is not."""
    hidden = missing or answer
    return Rule(
        may=frozenset(P),
        ok=answer,
        anonymous=answer,
        public=True,
        hidden=hidden,
        foreign=foreign,
        cells={
            (P.ANONYMOUS, O.MISSING): hidden,
            **({(who, O.FOREIGN): foreign for who in P} if foreign else {}),
        },
    )

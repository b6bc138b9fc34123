"""Enum value descriptions: one mechanism for every GraphQL enum (issue 18, deliverable 7).

Two cases, both keeping the descriptions next to the definition:

- A plain ``Enum`` the API owns (decorated with ``@strawberry.enum``): describe each member with
  ``strawberry.enum_value("value", description="...")``. (A ``StrEnum`` cannot take
  ``enum_value``: its members must be strings; use :func:`described_enum` below.)
- Any other enum, in particular a domain ``StrEnum`` (``portal/*/states.py``, ``models.py`` ...)
  that must not import strawberry: register it with :func:`described_enum` where the GraphQL enum
  is declared, instead of ``strawberry.enum``, passing one description per member. A member
  without a description, or a description for no member, fails at import, so a value added to
  the domain cannot reach the schema undescribed::

      described_enum(
          Stage,
          name="CaseStage",
          description="A stage of a dispute case (ISO 10003 7).",
          values={
              Stage.SUBMITTED: "Filed by the complainant; the provider has not screened it yet.",
              ...
          },
      )

``values`` may also be computed from the domain (a transition table's summaries, a policy's
numbers), as long as it describes every member.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any, TypeVar

import strawberry

E = TypeVar("E", bound=type[Enum])


def described_enum(
    enum: E,
    *,
    description: str,
    values: Mapping[Any, str],
    name: str | None = None,
) -> E:
    """Register the domain enum ``enum`` as a GraphQL enum with a description for the type and
    one for each value (keys: the members, or their values). Returns ``enum``."""
    by_value = {key.value if isinstance(key, Enum) else key: text for key, text in values.items()}
    members = {member.value for member in enum}
    missing = sorted(str(value) for value in members - by_value.keys())
    unknown = sorted(str(value) for value in by_value.keys() - members)
    if missing or unknown:
        raise ValueError(
            f"{enum.__name__}: describe every value once (missing {missing}, unknown {unknown})"
        )
    empty = sorted(str(value) for value, text in by_value.items() if not text.strip())
    if empty:
        raise ValueError(f"{enum.__name__}: empty descriptions for {empty}")
    registered = strawberry.enum(enum, name=name, description=description)
    for value in registered.__strawberry_definition__.values:  # type: ignore[attr-defined]
        value.description = by_value[value.value]
    return registered

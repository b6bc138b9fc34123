"""The closed sets of codes as GraphQL enums (issue 18, deliverable 7): countries, currencies,
the languages a case runs in, and the provider adapters this installation has."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING

from portal.api.enums import described_enum
from portal.codes import (
    CASE_LANGUAGE_NAMES,
    CaseLanguage,
    Country,
    Currency,
    country_name,
    currency_name,
)
from providers.registry import adapters

described_enum(
    Country,
    description="A country by its ISO 3166-1 alpha-2 code, as the standard lists them.",
    values={code: country_name(code) for code in Country},
)
described_enum(
    Currency,
    description="A currency by its ISO 4217 code: every current code of the standard but "
    "precious metals, bond-market and accounting units, the testing code and XXX (no currency). "
    "Amounts have at most two decimals, whatever the currency's minor unit.",
    values={code: currency_name(code) for code in Currency},
)
described_enum(
    CaseLanguage,
    description="A language a case may run in (its notices, the scheme's legal-effect texts). "
    "Values are BCP 47 tags upper-cased, `-` written `_`: `ZH_HANS` is `zh-Hans`.",
    values=CASE_LANGUAGE_NAMES,
)


def _about_adapter(name: str) -> str:
    adapter = adapters()[name]
    module = sys.modules.get(type(adapter).__module__)
    text = (getattr(module, "__doc__", None) or type(adapter).__doc__ or "").strip()
    return text.split("\n\n")[0].replace("\n", " ") or f"The installed adapter `{name}`."


# Closed per installation: Parley's own adapters and the third-party ones installed under the
# `parley.providers` entry points (providers.registry); installing one adds a value.
if TYPE_CHECKING:  # the members are the installed adapters, known at import

    class ProviderAdapterName(StrEnum): ...

else:
    ProviderAdapterName = StrEnum(
        "ProviderAdapterName",
        [(name.upper().replace("-", "_").replace(".", "_"), name) for name in adapters()],
    )
described_enum(
    ProviderAdapterName,
    description="How Parley works with a provider: one value per provider adapter this "
    "installation has (docs/providers.md), the value its name upper-cased.",
    values={name: _about_adapter(name) for name in adapters()},
)

"""The closed sets of codes the portal accepts (issue 18, deliverable 7: every closed set an
enum): countries (ISO 3166-1 alpha-2), currencies (ISO 4217) and the languages a case may run in.

Countries and currencies come from pycountry's copy of the ISO tables, so the list is the
standard's, not one typed here; the GraphQL enums (portal.api.codes) describe each value by its
ISO name. Stored values stay the plain codes (`DE`, `EUR`, `zh-Hans`)."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

import pycountry

# ISO 4217 codes that are no money a complainant claims or an organisation pays: precious
# metals, bond-market units, accounting units, the testing code and "no currency".
NOT_MONEY = frozenset(
    {
        "XAG",
        "XAU",
        "XPD",
        "XPT",
        "XBA",
        "XBB",
        "XBC",
        "XBD",
        "XDR",
        "XSU",
        "XUA",
        "XAD",
        "XTS",
        "XXX",
    }
)

if TYPE_CHECKING:  # the members come from the ISO tables at import

    class Country(StrEnum): ...

    class Currency(StrEnum): ...

else:
    Country = StrEnum("Country", sorted((c.alpha_2, c.alpha_2) for c in pycountry.countries))
    Currency = StrEnum(
        "Currency",
        sorted((c.alpha_3, c.alpha_3) for c in pycountry.currencies if c.alpha_3 not in NOT_MONEY),
    )


def country_name(code: str) -> str:
    """The short English name of a country (ISO 3166-1), as people know it."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise LookupError(f"not an ISO 3166-1 alpha-2 code: {code}")
    return str(getattr(country, "common_name", None) or country.name)


def currency_name(code: str) -> str:
    """The English name of a currency (ISO 4217)."""
    currency = pycountry.currencies.get(alpha_3=code)
    if currency is None:
        raise LookupError(f"not an ISO 4217 code: {code}")
    return str(currency.name)


class CaseLanguage(StrEnum):
    """The languages a case may run in, and a scheme's legal-effect texts be written in."""

    EN = "en"
    ZH_HANS = "zh-Hans"
    DE = "de"
    FR = "fr"
    ES = "es"
    IT = "it"
    NL = "nl"
    PL = "pl"


CASE_LANGUAGE_NAMES = {
    CaseLanguage.EN: "English",
    CaseLanguage.ZH_HANS: "Chinese in simplified script (BCP 47 `zh-Hans`)",
    CaseLanguage.DE: "German",
    CaseLanguage.FR: "French",
    CaseLanguage.ES: "Spanish",
    CaseLanguage.IT: "Italian",
    CaseLanguage.NL: "Dutch",
    CaseLanguage.PL: "Polish",
}

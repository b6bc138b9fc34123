"""The demo provider's published profile and roster, written through the directory services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from portal.cases.states import Method
from portal.demo.installation import Installation
from portal.directory.services import update_neutral_profile, update_provider_profile

CASEWORKER = "caseworker@fairsettle.example"
ROSTER = {
    "mediator@fairsettle.example": {
        "title": "Mediator and conciliator, energy and utilities",
        "biography": "Twelve years of consumer mediation; former energy-ombudsman caseworker.",
        "competences": ["energy supply", "metering and billing", "consumer contracts"],
        "languages": ["en", "es", "de"],
        "standing_disclosures": "No interests in energy suppliers. Member of the Bar of Madrid.",
    },
    "arbitrator@fairsettle.example": {
        "title": "Arbitrator and expert, tariffs and network charges",
        "biography": "Regulatory economist; arbitrates consumer and small-business disputes.",
        "competences": ["tariff regulation", "network charges", "arbitration"],
        "languages": ["zh-Hans", "en"],
        "standing_disclosures": "Advised the regulator on grid tariffs until 2022.",
    },
}


async def seed_directory(installation: Installation, progress: Callable[[str], None]) -> None:
    """Idempotent: the services update in place."""
    caseworker = installation.actors[CASEWORKER]
    provider_id = installation.provider.id
    await update_provider_profile(
        caseworker,
        provider_id,
        {
            "summary": "Independent mediation, conciliation, ombudsman recommendations and "
            "arbitration for energy consumers in Germany and Austria.",
            "website": "https://fairsettle.example",
            "contact_email": "cases@fairsettle.example",
            "postal_address": "Schlichtungsweg 1, 10115 Berlin",
            "methods": [m.value for m in Method],
            "languages": ["de", "en", "es", "zh-Hans"],
            "countries": ["DE", "AT"],
            "dispute_types": "Energy supply contracts, billing, metering, switching.",
            "rules_url": "https://fairsettle.example/rules",
            "decision_basis": "Law, the suppliers' codes of conduct, and fairness.",
            "preliminary_requirements": "The complaint was first raised with the supplier.",
            "fees": "Free for consumers. Suppliers pay a case fee.",
            "consumer_fee_amount": "0.00",
            "consumer_fee_currency": "EUR",
            "legal_effect": "Recommendations are not binding. A binding award binds both sides "
            "when the consumer consented to be bound.",
            "text_language": "en",
            # Issue 16: the provider's own Simplified Chinese texts, for readers who chose it.
            "translations": {
                "zh-Hans": {
                    "summary": "为德国和奥地利的能源消费者提供独立的调解、和解、申诉专员建议"
                    "和仲裁服务。",
                    "dispute_types": "能源供应合同、账单、计量、更换供应商。",
                    "decision_basis": "法律、供应商的行为准则以及公平原则。",
                    "preliminary_requirements": "投诉须先向供应商提出。",
                    "fees": "消费者免费。供应商支付案件费用。",
                    "legal_effect": "建议没有约束力。消费者同意受约束时，有约束力的裁决对双方"  # noqa: RUF001
                    "均有约束力。",
                }
            },
        },
    )
    for email, entry in ROSTER.items():
        neutral = installation.users[email]
        await update_neutral_profile(caseworker, provider_id, neutral.id, entry)
        await update_neutral_profile(
            caseworker,
            provider_id,
            neutral.id,
            {"methods": [], "mandate_ends_on": date(2030, 12, 31)},
            mandate=True,
        )
    progress(f"directory: {installation.provider.name}'s profile and {len(ROSTER)} neutrals")

"""What a provider publishes about itself, and the neutrals on its roster.

EU ADR Directive 2013/11/EU Art. 7(1) lists what an ADR entity makes public: contact details,
the natural persons in charge of dispute resolution and the length of their mandate, the types
of disputes covered, the procedural rules and the grounds for refusing a dispute, the languages,
the principles decisions rest on, preliminary requirements, costs, the average length of a
procedure and the legal effect of its outcome. The average length and the refusal statistics
are computed from case data by the transparency report, never typed in.
"""

from __future__ import annotations

import uuid
from typing import Any

from tortoise import fields
from tortoise.models import Model

from portal.accounts.models import Provider, User


class ProviderProfile(Model):
    """One per provider. A provider without one publishes nothing beyond its name."""

    # Tortoise splits migration SQL on semicolons, a table comment's too: none in the line above.

    id = fields.UUIDField(primary_key=True)
    provider: fields.OneToOneRelation[Provider] = fields.OneToOneField(
        "portal.Provider", related_name="profile", on_delete=fields.CASCADE
    )
    provider_id: uuid.UUID
    summary = fields.TextField(default="")
    website = fields.CharField(max_length=500, default="")
    contact_email = fields.CharField(max_length=254, default="")
    postal_address = fields.TextField(default="")
    # Method values (portal.cases.states.Method): which resolution methods the provider runs.
    methods: list[str] = fields.JSONField(default=list)
    languages: list[str] = fields.JSONField(default=list)  # BCP 47 tags
    countries: list[str] = fields.JSONField(default=list)  # ISO 3166-1 alpha-2
    dispute_types = fields.TextField(default="")  # Art. 7(1)(d)
    rules_url = fields.CharField(max_length=500, default="")  # Art. 7(1)(e): procedural rules
    decision_basis = fields.TextField(default="")  # Art. 7(1)(i): law, equity, codes of conduct
    preliminary_requirements = fields.TextField(default="")  # Art. 7(1)(j)
    fees = fields.TextField(default="")  # Art. 7(1)(l): costs, if any, for the parties
    consumer_fee_amount = fields.DecimalField(max_digits=12, decimal_places=2, null=True)
    consumer_fee_currency = fields.CharField(max_length=3, default="EUR")
    legal_effect = fields.TextField(default="")  # Art. 7(1)(n), (o): effect and enforceability
    # Issue 16: the language the texts above are written in (BCP 47), and the provider's own
    # translations of them, by language and field: {"zh-Hans": {"fees": "..."}}
    # (portal.directory.texts reads them for each reader).
    text_language = fields.CharField(max_length=35, default="en")
    translations: dict[str, dict[str, str]] = fields.JSONField(default=dict)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "provider_profile"


class NeutralProfile(Model):
    """A neutral's entry on one provider's roster (Art. 7(1)(b): who decides, for how long).

    Being able to sit still comes from the neutral's Membership; the profile holds what parties
    and caseworkers need to choose and to trust: competences, languages, standing disclosures
    (interests declared once for every case, beside the per-case impartiality declaration).
    """

    id = fields.UUIDField(primary_key=True)
    provider: fields.ForeignKeyRelation[Provider] = fields.ForeignKeyField(
        "portal.Provider", related_name="roster", on_delete=fields.CASCADE
    )
    provider_id: uuid.UUID
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "portal.User", related_name="neutral_profiles", on_delete=fields.CASCADE, db_index=True
    )
    user_id: uuid.UUID
    title = fields.CharField(max_length=200, default="")
    biography = fields.TextField(default="")
    competences: list[str] = fields.JSONField(default=list)
    languages: list[str] = fields.JSONField(default=list)
    # Method values this neutral sits for; empty: every method the provider offers.
    methods: list[str] = fields.JSONField(default=list)
    standing_disclosures = fields.TextField(default="")
    mandate_ends_on = fields.DateField(null=True)
    accepting_cases = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "neutral_profile"
        unique_together = (("provider", "user"),)

    def as_disclosure(self) -> dict[str, Any]:
        """What an appointment records of the profile, as it stood when the neutral was chosen."""
        return {
            "standing_disclosures": self.standing_disclosures,
            "competences": list(self.competences),
            "mandate_ends_on": self.mandate_ends_on.isoformat() if self.mandate_ends_on else None,
        }

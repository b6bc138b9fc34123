"""Issue 16, deliverable 5: a provider's published texts (fees, legal effect, the rules it
decides by) reach a reader in their language where the provider translated them, and otherwise
as written, marked with the language they are in (so the page can set `lang` on them)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from portal.accounts.models import Locale, User
from portal.api.node import to_global_id
from portal.auth.limits import attempt_from
from portal.cases.errors import CaseError
from portal.directory.models import ProviderProfile
from portal.directory.texts import TRANSLATABLE, from_accept_language, read_translations
from tests.factories import Factory, World, gql, quick_world
from tests.test_api_support import call, token_for

UPDATE = """
mutation P($input: UpdateProviderProfileInput!) {
  updateProviderProfile(input: $input) {
    provider { profile { fees textLanguage } }
    userErrors { field code message }
  }
}
"""

TEXT = "text language translated"
READ = f"""
query D($id: ID!, $language: Locale) {{
  node(id: $id) {{ ... on Provider {{ profile {{
    fees legalEffect
    texts(language: $language) {{
      language
      summary {{ {TEXT} }} fees {{ {TEXT} }} legalEffect {{ {TEXT} }}
      decisionBasis {{ {TEXT} }}
    }}
  }} }} }}
}}
"""

FEES_ZH = "消费者免费。供应商支付案件费用。"
EFFECT_ZH = "建议没有约束力。"


async def _published(client: httpx.AsyncClient, app: Starlette, w: World) -> dict[str, Any]:
    staff = await token_for(app, w.caseworker)
    given = {
        "providerId": to_global_id("Provider", w.provider.id),
        "summary": "Energy disputes.",
        "decisionBasis": "Law and fairness.",
        "fees": "Free for consumers.",
        "legalEffect": "Recommendations are not binding.",
        "textLanguage": "en",
        # Fees and legal effect translated; the summary and decision basis are not.
        "translations": [{"language": "ZH_HANS", "fees": FEES_ZH, "legalEffect": EFFECT_ZH}],
    }
    body = await call(client, staff, UPDATE, {"input": given})
    return dict(body["data"]["updateProviderProfile"])


def _texts(body: dict[str, Any]) -> dict[str, Any]:
    return dict(body["data"]["node"]["profile"]["texts"])


async def test_a_chinese_reader_gets_the_providers_chinese_texts_and_the_rest_marked_english(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    assert await _published(client, app, w) == {
        "provider": {"profile": {"fees": "Free for consumers.", "textLanguage": "en"}},
        "userErrors": [],
    }
    await User.filter(id=w.complainant.id).update(locale=Locale.ZH_HANS)
    provider = to_global_id("Provider", w.provider.id)

    # The reader's stored language decides when the page does not ask for one.
    body = await call(client, await token_for(app, w.complainant), READ, {"id": provider})

    profile = body["data"]["node"]["profile"]
    # The texts as written stay where they were.
    assert (profile["fees"], profile["legalEffect"]) == (
        "Free for consumers.",
        "Recommendations are not binding.",
    )
    assert _texts(body) == {
        "language": "zh-Hans",
        "fees": {"text": FEES_ZH, "language": "zh-Hans", "translated": True},
        "legalEffect": {"text": EFFECT_ZH, "language": "zh-Hans", "translated": True},
        "summary": {"text": "Energy disputes.", "language": "en", "translated": False},
        "decisionBasis": {"text": "Law and fairness.", "language": "en", "translated": False},
    }

    # An English reader, and a Chinese one asking for English, get the texts as written.
    english = await call(client, await token_for(app, w.agent), READ, {"id": provider})
    asked = await call(
        client, await token_for(app, w.complainant), READ, {"id": provider, "language": "EN"}
    )
    for body in (english, asked):
        texts = _texts(body)
        assert texts["language"] == "en"
        assert texts["fees"] == {
            "text": "Free for consumers.",
            "language": "en",
            "translated": False,
        }
    # An English reader may ask for the Chinese texts (the page's language switch).
    switched = await call(
        client, await token_for(app, w.agent), READ, {"id": provider, "language": "ZH_HANS"}
    )
    assert _texts(switched)["fees"]["text"] == FEES_ZH


async def test_an_integration_client_gets_the_language_of_its_accept_language_header(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    await _published(client, app, w)
    integration = await factory.service_account(organisation=w.organisation)
    token = await app.state.auth.client_credentials(
        integration.account.client_id, integration.client_secret, attempt_from("127.0.0.1")
    )
    provider = to_global_id("Provider", w.provider.id)

    answers = {}
    for header in ("zh-CN,zh;q=0.9,en;q=0.8", "de-DE, en;q=0.5", "fr"):
        response = await gql(
            client,
            READ,
            {"id": provider},
            token=token.access_token,
            **{"Accept-Language": header},
        )
        texts = response.json()["data"]["node"]["profile"]["texts"]
        answers[header] = (texts["language"], texts["fees"]["language"])

    assert answers == {
        "zh-CN,zh;q=0.9,en;q=0.8": ("zh-Hans", "zh-Hans"),
        "de-DE, en;q=0.5": ("en", "en"),
        "fr": (None, "en"),  # nothing Parley offers: the texts as written
    }


async def test_translations_are_kept_per_field_and_bad_ones_are_refused_with_a_code(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await quick_world(factory)
    await _published(client, app, w)
    staff = await token_for(app, w.caseworker)
    provider = to_global_id("Provider", w.provider.id)

    # A later edit changes only what it names; an empty text removes that translation.
    changed = await call(
        client,
        staff,
        UPDATE,
        {
            "input": {
                "providerId": provider,
                "translations": [{"language": "ZH_HANS", "summary": "能源争议。", "fees": ""}],
            }
        },
    )
    bad_tag = await call(
        client, staff, UPDATE, {"input": {"providerId": provider, "textLanguage": "not a tag"}}
    )

    assert changed["data"]["updateProviderProfile"]["userErrors"] == []
    row = await ProviderProfile.get(provider_id=w.provider.id)
    assert row.translations == {"zh-Hans": {"legal_effect": EFFECT_ZH, "summary": "能源争议。"}}
    assert bad_tag["data"]["updateProviderProfile"]["userErrors"] == [
        {
            "field": ["input", "textLanguage"],
            "code": "INVALID_INPUT",
            "message": "`text_language` is a BCP 47 tag, such as `en`.",
        }
    ]


def test_reading_translations_refuses_what_parley_cannot_show() -> None:
    with pytest.raises(CaseError) as language:
        read_translations({}, {"de": {"fees": "Kostenlos."}})
    with pytest.raises(CaseError) as field:
        read_translations({}, {"zh-Hans": {"website": "https://x.example"}})
    with pytest.raises(CaseError) as nul:
        read_translations({}, {"zh-Hans": {"fees": "a\x00b"}})

    assert (language.value.code, language.value.field) == ("INVALID_CHOICE", "translations")
    assert (field.value.code, field.value.field) == ("INVALID_INPUT", "translations")
    assert nul.value.code == "INVALID_INPUT"
    assert read_translations({"zh-Hans": {"fees": "免费"}}, {"zh-Hans": {"fees": ""}}) == {}
    assert set(TRANSLATABLE) >= {"fees", "legal_effect", "decision_basis"}


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("zh-Hans", "zh-Hans"),
        ("zh-CN,en;q=0.5", "zh-Hans"),
        ("en;q=0.5,zh;q=0.9", "zh-Hans"),
        ("zh-TW,en;q=0.3", "en"),  # Traditional Chinese is not offered
        ("zh;q=0,en-GB", "en"),
        ("fr, de", None),
        ("", None),
        ("en;q=abc", None),
    ],
)
def test_accept_language_picks_the_preferred_language_parley_offers(
    header: str, language: str | None
) -> None:
    assert from_accept_language(header) == language

"""The public directory (issue 14, deliverable 5; EU ADR Art. 7(1)): what providers publish is
readable without signing in, and nothing else; the escalation form offers the providers linked
to the complaint's organisation, and only those."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from portal.api.node import to_global_id
from portal.cases.models import OrganisationProvider, Scheme
from portal.complaints.services import ComplaintError, refer_complaint
from portal.directory.models import NeutralProfile, ProviderProfile
from tests.factories import Factory, actor_for, bare, gql, quick_world
from tests.test_api_support import call, filed, token_for

DIRECTORY = """
query D {
  providers(first: 100) { edges { node {
    id slug name country published
    profile { methods languages countries fees legalEffect rulesUrl
      texts { fees { text language translated } } }
    schemes { name country silenceIsRefusal clocks { kind days calendar responsible } }
    roster(first: 10) { edges { node { displayName title competences languages methods
      mandateEndsOn } } }
  } } }
}
"""

ONE = """
query P($slug: String!) { provider(slug: $slug) { name slug profile { summary } } }
"""

NODE = """
query N($id: ID!) { node(id: $id) { __typename ... on Provider { slug } } }
"""

ELIGIBLE = """
query E($id: ID!) { complaint(id: $id) { eligibleProviders { slug name } } }
"""


def codes(body: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in body.get("errors") or []]


async def anonymous(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any] | None = None, **headers: str
) -> dict[str, Any]:
    response = await gql(client, query, variables, **headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def published_world(factory: Factory) -> Any:
    w = await quick_world(factory)
    await ProviderProfile.create(
        provider_id=w.provider.id,
        methods=["mediation"],
        languages=["en", "zh-Hans"],
        countries=["DE"],
        fees="Free for consumers.",
        legal_effect="Not binding.",
        rules_url="https://adr.example/rules",
        translations={"zh-Hans": {"fees": "消费者免费。"}},
    )
    await NeutralProfile.create(
        provider_id=w.provider.id,
        user_id=w.neutral.id,
        title="Mediator",
        biography="Twenty years at the bar.",
        competences=["energy"],
        languages=["en"],
        standing_disclosures="Shareholder of Acme.",
    )
    return w


async def test_the_public_reads_published_providers_with_their_schemes_and_clocks(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    w = await published_world(factory)

    body = await anonymous(client, DIRECTORY, **{"Accept-Language": "zh-CN,zh;q=0.9"})

    assert "errors" not in body, body
    [node] = [e["node"] for e in body["data"]["providers"]["edges"]]
    assert (node["slug"], node["published"]) == (w.provider.slug, True)
    profile = node["profile"]
    assert profile["methods"] == ["MEDIATION"]
    assert profile["languages"] == ["en", "zh-Hans"]
    assert profile["texts"]["fees"] == {
        "text": "消费者免费。",
        "language": "zh-Hans",
        "translated": True,
    }
    [scheme] = node["schemes"]
    assert scheme["name"] == "Consumer scheme"
    assert {c["kind"] for c in scheme["clocks"]} >= {"RESPONSE", "OUTCOME"}
    assert all(c["days"] > 0 for c in scheme["clocks"])
    [neutral] = [e["node"] for e in node["roster"]["edges"]]
    assert (neutral["title"], neutral["competences"]) == ("Mediator", ["energy"])
    # By slug, too, for the directory's page.
    one = await anonymous(client, ONE, {"slug": w.provider.slug})
    assert one["data"]["provider"]["slug"] == w.provider.slug


@pytest.mark.parametrize(
    "field",
    [
        "adapter",
        "roster(first: 5) { edges { node { userId } } }",
        "roster(first: 5) { edges { node { biography } } }",
        "roster(first: 5) { edges { node { standingDisclosures } } }",
        "roster(first: 5) { edges { node { acceptingCases } } }",
    ],
)
async def test_the_public_is_refused_what_is_not_published(
    client: httpx.AsyncClient, app: Starlette, factory: Factory, field: str
) -> None:
    w = await published_world(factory)
    query = f"query P($slug: String!) {{ provider(slug: $slug) {{ name {field} }} }}"

    body = await anonymous(client, query, {"slug": w.provider.slug})

    assert codes(body) == ["UNAUTHENTICATED"]
    assert body["data"] is None
    # Signed in, the same question is answered.
    signed_in = await call(
        client, await token_for(app, w.complainant), query, {"slug": w.provider.slug}
    )
    assert "errors" not in signed_in, signed_in
    assert signed_in["data"]["provider"]["name"] == w.provider.name


async def test_an_unpublished_provider_is_invisible_to_the_public(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await published_world(factory)
    hidden = await quick_world(factory)
    hidden.provider.published = False
    await hidden.provider.save()
    await ProviderProfile.create(provider_id=hidden.provider.id, fees="Hidden fees.")

    listed = await anonymous(client, DIRECTORY)
    slugs = [e["node"]["slug"] for e in listed["data"]["providers"]["edges"]]
    assert slugs == [w.provider.slug]
    assert "Hidden fees." not in str(listed)
    # By id and by slug: exactly like a provider that does not exist.
    by_slug = await anonymous(client, ONE, {"slug": hidden.provider.slug})
    missing = await anonymous(client, ONE, {"slug": "no-such-provider"})
    assert codes(by_slug) == codes(missing) == ["NOT_FOUND"]
    by_id = await anonymous(client, NODE, {"id": to_global_id("Provider", hidden.provider.id)})
    assert bare(by_id) == {"data": {"node": None}}  # as a missing one (issue 18: null, no error)
    # Nor does anyone signed in find it in the directory; whoever reaches it by id (a case of
    # theirs points at it) still sees who it is.
    consumer = await token_for(app, hidden.complainant)
    listed_in = await call(client, consumer, DIRECTORY)
    assert [e["node"]["slug"] for e in listed_in["data"]["providers"]["edges"]] == [w.provider.slug]
    found = await call(client, consumer, NODE, {"id": to_global_id("Provider", hidden.provider.id)})
    assert found["data"]["node"] == {"__typename": "Provider", "slug": hidden.provider.slug}


async def test_the_public_still_reads_nothing_else_by_id(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    w = await published_world(factory)
    complaint = await filed(w)
    for global_id in (
        to_global_id("Complaint", complaint.id),
        to_global_id("Organisation", w.organisation.id),
        to_global_id("User", w.neutral.id),
        "not-a-global-id",
    ):
        body = await anonymous(client, NODE, {"id": global_id})
        assert codes(body) == ["UNAUTHENTICATED"], global_id


async def test_eligible_providers_are_exactly_those_linked_to_the_organisation(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    w = await published_world(factory)
    elsewhere = await quick_world(factory)  # published, linked to another organisation only
    second = await factory.provider("Another ADR")
    scheme = await Scheme.create(provider=second, name="Second scheme", country="DE")
    await OrganisationProvider.create(organisation=w.organisation, provider=second, scheme=scheme)
    complaint = await filed(w)

    for user in (w.complainant, w.agent):
        body = await call(
            client,
            await token_for(app, user),
            ELIGIBLE,
            {"id": to_global_id("Complaint", complaint.id)},
        )
        assert "errors" not in body, body
        offered = [p["slug"] for p in body["data"]["complaint"]["eligibleProviders"]]
        assert sorted(offered) == sorted([w.provider.slug, second.slug])
        assert elsewhere.provider.slug not in offered
    # The same rule refuses a referral anywhere else.
    with pytest.raises(ComplaintError) as refused:
        await refer_complaint(
            await actor_for(w.complainant),
            complaint.id,
            {
                "provider_id": elsewhere.provider.id,
                "method": "mediation",
                "unresolved_reason": "Refused.",
            },
        )
    assert refused.value.code == "PROVIDER_NOT_AVAILABLE"

"""`viewer` and `node(id:)`: authentication, object-level authorisation (a foreign object looks
exactly like a missing one) and a constant number of SQL statements."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Callable
from typing import Any

import httpx
from starlette.applications import Starlette

from portal.accounts.models import Organisation, Role, User
from portal.accounts.services import grant_role
from portal.api.node import to_global_id
from portal.cases import representatives
from portal.cases.models import CaseParticipant
from tests.factories import Factory, actor_for, answer, gql, quick_world
from tests.sql_statements import statements

NODE = """
query Node($id: ID!) {
  node(id: $id) {
    __typename id
    ... on User { email }
    ... on Organisation { name }
  }
}
"""
# A missing, foreign or malformed ID: `node` is null, with no error, and the rest of the
# response stands (as GitHub answers it).
NOT_FOUND: dict[str, Any] = {"data": {"node": None}}


async def token_for(app: Starlette, user: User) -> str:
    tokens = await app.state.auth.start_session(user, method="password")
    return str(tokens.access_token)


async def node(client: httpx.AsyncClient, token: str | None, global_id: str) -> dict[str, Any]:
    response = await gql(client, NODE, {"id": global_id}, token=token)
    assert response.status_code == 200
    body: dict[str, Any] = answer(response)
    return body


def b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


# --- authentication ----------------------------------------------------------------------------


async def test_viewer_without_a_token_is_unauthenticated(client: httpx.AsyncClient) -> None:
    response = await gql(client, "{ viewer { kind } }")

    assert response.status_code == 200
    assert answer(response) == {
        "data": None,
        "errors": [
            {
                "message": "Sign in to do this.",
                "locations": [{"line": 1, "column": 3}],
                "path": ["viewer"],
                "extensions": {"code": "UNAUTHENTICATED"},
            }
        ],
    }


async def test_node_without_a_token_is_unauthenticated(
    client: httpx.AsyncClient, factory: Factory
) -> None:
    user = await factory.user()

    body = await node(client, None, to_global_id("User", user.id))

    assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"]
    assert body["data"] == {"node": None}


async def test_viewer_shows_the_signed_in_user(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    organisation = await factory.organisation()
    user = await factory.user(Role.ORG_AGENT, organisation=organisation)
    query = "{ viewer { kind user { id email } roles { role organisation { name } } } }"

    response = await gql(client, query, token=await token_for(app, user))

    assert answer(response) == {
        "data": {
            "viewer": {
                "kind": "USER",
                "user": {"id": to_global_id("User", user.id), "email": user.email},
                "roles": [{"role": "ORG_AGENT", "organisation": {"name": organisation.name}}],
            }
        }
    }


# --- malformed and missing IDs -----------------------------------------------------------------

MALFORMED: list[tuple[str, Callable[[User], str]]] = [
    ("garbage", lambda u: "garbage!"),
    ("empty", lambda u: ""),
    ("base64-of-junk", lambda u: b64("\x00\xffjunk")),
    ("not-utf8", lambda u: base64.urlsafe_b64encode(b"\xff\xfe:\xfa").decode()),
    ("no-separator", lambda u: b64(f"User{u.id}")),
    ("not-a-uuid", lambda u: b64("User:12345")),
    ("unknown-type", lambda u: b64(f"Invoice:{u.id}")),
    ("type-of-another-object", lambda u: to_global_id("Organisation", u.id)),
    ("unregistered-type", lambda u: to_global_id("Membership", u.id)),
    ("missing-user", lambda u: to_global_id("User", uuid.uuid4())),
    ("upper-case-uuid", lambda u: b64(f"User:{str(u.id).upper()}")),
    ("braced-uuid", lambda u: b64(f"User:{{{u.id}}}")),
    ("urn-uuid", lambda u: b64(f"User:urn:uuid:{u.id}")),
    ("padded", lambda u: to_global_id("User", u.id) + "=="),
    (
        "stray-characters",
        lambda u: to_global_id("User", u.id)[:8] + "!" + to_global_id("User", u.id)[8:],
    ),
    ("huge", lambda u: "A" * 100_000),
]


async def test_malformed_and_unknown_ids_are_not_found(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    user = await factory.user()
    token = await token_for(app, user)
    ids = {name: make_id(user) for name, make_id in MALFORMED}
    assert to_global_id("User", user.id) not in ids.values()

    answers = {name: await node(client, token, global_id) for name, global_id in ids.items()}

    assert answers == dict.fromkeys(ids, NOT_FOUND)


# --- who sees whom -----------------------------------------------------------------------------


async def test_a_user_fetches_their_own_node(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    user = await factory.user()
    global_id = to_global_id("User", user.id)

    body = await node(client, await token_for(app, user), global_id)

    assert body == {"data": {"node": {"__typename": "User", "id": global_id, "email": user.email}}}


async def test_another_consumer_is_answered_exactly_like_a_missing_one(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    me, other = await factory.user(), await factory.user()
    token = await token_for(app, me)

    foreign = await node(client, token, to_global_id("User", other.id))
    missing = await node(client, token, to_global_id("User", uuid.uuid4()))

    assert foreign == missing == NOT_FOUND


async def test_staff_of_one_organisation_see_each_other_and_no_one_else(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    acme, globex = await factory.organisation(), await factory.organisation()
    agent = await factory.user(Role.ORG_AGENT, organisation=acme)
    manager = await factory.user(Role.ORG_MANAGER, organisation=acme)
    outsider = await factory.user(Role.ORG_MANAGER, organisation=globex)
    consumer = await factory.user()
    token = await token_for(app, agent)

    colleague = await node(client, token, to_global_id("User", manager.id))
    back = await node(client, await token_for(app, manager), to_global_id("User", agent.id))
    stranger = await node(client, token, to_global_id("User", outsider.id))
    customer = await node(client, token, to_global_id("User", consumer.id))

    assert colleague["data"]["node"]["email"] == manager.email
    assert back["data"]["node"]["email"] == agent.email
    assert stranger == customer == NOT_FOUND


async def test_an_admin_sees_everyone(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    acme = await factory.organisation()
    admin = await factory.user(Role.ADMIN)
    agent = await factory.user(Role.ORG_AGENT, organisation=acme)
    consumer = await factory.user()
    token = await token_for(app, admin)

    seen = [
        (await node(client, token, to_global_id(kind, pk)))["data"]["node"]
        for kind, pk in (("User", agent.id), ("User", consumer.id), ("Organisation", acme.id))
    ]

    assert [s["__typename"] for s in seen] == ["User", "User", "Organisation"]
    assert [s.get("email") or s.get("name") for s in seen] == [
        agent.email,
        consumer.email,
        acme.name,
    ]


async def test_an_organisations_public_details_are_visible_to_everyone_signed_in(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    acme, globex = await factory.organisation(), await factory.organisation()
    member = await factory.user(Role.ORG_AGENT, organisation=acme)
    outsider = await factory.user(Role.ORG_MANAGER, organisation=globex)
    admin = await factory.user(Role.ADMIN)
    consumer = await factory.user()
    global_id = to_global_id("Organisation", acme.id)
    expected = {
        "data": {"node": {"__typename": "Organisation", "id": global_id, "name": acme.name}}
    }

    assert await node(client, await token_for(app, member), global_id) == expected
    assert await node(client, await token_for(app, admin), global_id) == expected
    assert await node(client, await token_for(app, outsider), global_id) == expected
    assert await node(client, await token_for(app, consumer), global_id) == expected
    missing = to_global_id("Organisation", uuid.uuid4())
    assert await node(client, await token_for(app, outsider), missing) == NOT_FOUND


async def test_staff_see_only_the_roles_a_colleague_holds_where_they_work(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    """A nested field is checked like `node`: another organisation stays invisible."""
    acme, globex = await factory.organisation(), await factory.organisation()
    colleague = await factory.user(Role.ORG_AGENT, organisation=acme)
    await grant_role(colleague, Role.ORG_MANAGER, organisation=globex)
    agent = await factory.user(Role.ORG_AGENT, organisation=acme)
    query = """
    query Node($id: ID!) {
      node(id: $id) { ... on User { memberships { role organisation { name } } } }
    }
    """
    variables = {"id": to_global_id("User", colleague.id)}

    by_agent = await gql(client, query, variables, token=await token_for(app, agent))
    by_self = await gql(client, query, variables, token=await token_for(app, colleague))

    assert by_agent.json()["data"]["node"]["memberships"] == [
        {"role": "ORG_AGENT", "organisation": {"name": acme.name}}
    ]
    assert sorted(
        m["organisation"]["name"] for m in by_self.json()["data"]["node"]["memberships"]
    ) == sorted([acme.name, globex.name])


async def _member_of(factory: Factory, organisations: list[Organisation]) -> User:
    user = await factory.user()
    for organisation in organisations:
        await grant_role(user, Role.ORG_AGENT, organisation=organisation)
    return user


async def test_statements_do_not_grow_with_the_number_of_memberships(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    organisations = [await factory.organisation() for _ in range(8)]
    one = await _member_of(factory, organisations[:1])
    many = await _member_of(factory, organisations)
    query = "{ viewer { user { memberships { organisation { name } } } } }"
    tokens = [await token_for(app, one), await token_for(app, many)]

    counts, answers = [], []
    for token in tokens:
        with statements() as sql:
            response = await gql(client, query, token=token)
        counts.append(len(sql))
        answers.append(response.json()["data"]["viewer"]["user"]["memberships"])

    assert [len(a) for a in answers] == [1, 8]
    assert {m["organisation"]["name"] for m in answers[1]} == {o.name for o in organisations}
    assert 0 < counts[0] == counts[1]
    # authentication (session, grants), the user, their memberships, their organisations
    assert counts[1] <= 5, counts


# --- the people a case names (issue 18 review) -------------------------------------------------


async def test_a_representative_named_at_referral_stays_readable_to_the_case_once_removed(
    client: httpx.AsyncClient, app: Starlette, factory: Factory
) -> None:
    """REPRESENTATIVE_REMOVED names the representative after their row on the case is gone:
    whoever reads the case still resolves that id, as the parties see them (no email); a
    stranger and the other side's staff do not, and the representative stays whole to
    themselves."""
    w = await quick_world(factory)
    representative = await factory.user()
    case = await w.new_case(representative_id=representative.id)
    global_id = to_global_id("User", representative.id)
    agent = await token_for(app, w.agent)
    stranger = await token_for(app, await factory.user())
    outsider = await token_for(
        app, await factory.user(Role.ORG_MANAGER, organisation=await factory.organisation())
    )

    acting = await node(client, agent, global_id)
    await representatives.remove(await actor_for(w.complainant), case.id)
    assert not await CaseParticipant.filter(user_id=representative.id).exists()
    removed = await node(client, agent, global_id)

    as_party = {"data": {"node": {"__typename": "User", "id": global_id, "email": None}}}
    assert acting == removed == as_party
    assert await node(client, stranger, global_id) == NOT_FOUND
    assert await node(client, outsider, global_id) == NOT_FOUND
    themselves = await node(client, await token_for(app, representative), global_id)
    assert themselves["data"]["node"]["email"] == representative.email

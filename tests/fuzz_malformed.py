"""Hand-made malformed HTTP requests for the live fuzz run: wrong content types, odd and huge
JSON, NUL bytes, enormous page sizes, deep nesting, invalid UTF-8, and the REST endpoints
(/oauth/token, /oauth/revoke, /reports/..., /files/..., /providers/...). Each must be answered
with a 4xx (or a 2xx), never a 5xx or a masked internal error."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import orjson

from tests.fuzz_server import Targets
from tests.fuzz_support import Sender

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class Malformed:
    name: str
    method: str
    path: str
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


def _gql(name: str, query: str, variables: object = None, **headers: str) -> Malformed:
    payload: dict[str, object] = {"query": query}
    if variables is not None:
        payload["variables"] = variables
    body = orjson.dumps(payload)
    return Malformed(name, "POST", "/graphql", body, {"Content-Type": JSON, **headers})


def _raw(name: str, body: bytes, content_type: str = JSON, **headers: str) -> Malformed:
    return Malformed(name, "POST", "/graphql", body, {"Content-Type": content_type, **headers})


def _nested_first(depth: int, first: int) -> str:
    inner = "id"
    for _ in range(depth):
        inner = f"documents(first: {first}) {{ edges {{ node {{ id }} }} }} id"
    return f"{{ cases(first: {first}) {{ edges {{ node {{ {inner} }} }} }} }}"


def graphql_cases(targets: Targets) -> list[Malformed]:
    case_id = targets.ids[0] if targets.ids else "x"
    deep = "[" * 200 + "]" * 200
    return [
        _raw("text/plain", b"{ __typename }", "text/plain"),
        _raw("application/graphql", b"{ __typename }", "application/graphql"),
        _raw(
            "latin-1 charset", b'{"query": "{ __typename }"}', "application/json; charset=latin-1"
        ),
        _raw("no content type", b'{"query": "{ __typename }"}', ""),
        _raw("multipart without preflight", b"--x\r\n\r\n--x--", "multipart/form-data; boundary=x"),
        _raw(
            "multipart junk",
            b"--x\r\nContent-Disposition: form-data; name=operations\r\n\r\n{]\r\n--x--\r\n",
            "multipart/form-data; boundary=x",
            **{"GraphQL-Require-Preflight": "1"},
        ),
        _raw(
            "multipart bad map",
            b"--x\r\nContent-Disposition: form-data; name=operations\r\n\r\n"
            b'{"query": "{ __typename }"}\r\n--x\r\nContent-Disposition: form-data; name=map'
            b'\r\n\r\n{"0": ["variables.a.b.c"]}\r\n--x--\r\n',
            "multipart/form-data; boundary=x",
            **{"GraphQL-Require-Preflight": "1"},
        ),
        _raw("invalid utf-8", b'{"query": "{ __typename \xff\xfe }"}'),
        _raw(
            "invalid utf-8 in a variable",
            b'{"query": "{ __typename }", "variables": {"a": "\xc3"}}',
        ),
        _raw("utf-16", '{"query": "{ __typename }"}'.encode("utf-16")),
        _raw(
            "lone surrogate escape", b'{"query": "{ __typename }", "variables": {"a": "\\ud800"}}'
        ),
        _raw("huge number", b'{"query": "{ __typename }", "variables": {"a": 1e400}}'),
        _raw(
            "huge integer", b'{"query": "{ __typename }", "variables": {"a": ' + b"9" * 5000 + b"}}"
        ),
        _raw("duplicate keys", b'{"query": "{ __typename }", "query": "{ viewer { kind } }"}'),
        _raw("body over the cap", b'{"query": "{ __typename }", "x": "' + b"a" * 3_000_000 + b'"}'),
        _raw(
            "deep list", b'{"query": "{ __typename }", "variables": {"a": ' + deep.encode() + b"}}"
        ),
        _raw("big batch", orjson.dumps([{"query": "{ __typename }"}] * 500)),
        _raw("nul in query", b'{"query": "{ __typename }\\u0000"}'),
        _gql("nul in a string literal", '{ case(id: "a\\u0000b") { id } }'),
        _gql("nul in case id", "query Q($id: ID!) { case(id: $id) { id } }", {"id": "\x00"}),
        _gql(
            "nul in search",
            "query Q($f: CaseFilter) { cases(filter: $f) { edges { cursor } } }",
            {"f": {"search": "a\x00"}},
        ),
        _gql(
            "nul in login",
            "mutation M($i: LoginInput!) { login(input: $i) { accessToken } }",
            {"i": {"email": "a\x00@example.org", "password": "x\x00"}},
        ),
        _gql(
            "nul in sign-in code request",
            "mutation M($i: RequestSignInCodeInput!) { requestSignInCode(input: $i) { sent } }",
            {"i": {"email": "\x00@example.org"}},
        ),
        _gql("first 2^31-1", "{ cases(first: 2147483647) { edges { cursor } } }"),
        _gql("first nested twice", _nested_first(2, 2147483647)),
        _gql("first negative", "{ cases(first: -2147483648) { edges { cursor } } }"),
        _gql(
            "first as variable 1e10",
            "query Q($n: Int) { cases(first: $n) { edges { cursor } } }",
            {"n": 10**10},
        ),
        _gql(
            "first as float",
            "query Q($n: Int) { cases(first: $n) { edges { cursor } } }",
            {"n": 1.5},
        ),
        _gql("after junk", '{ cases(after: "\\u00ff\\u0000==") { edges { cursor } } }'),
        _gql(
            "variables not an object",
            "query Q($n: Int) { cases(first: $n) { edges { cursor } } }",
            [1],
        ),
        _gql("deep list variable", "query Q($a: [ID!]) { __typename }", {"a": [[[[[["x"]]]]]]}),
        _gql("undeclared operation", "query A { __typename } query B { __typename }"),
        _gql("unknown operation name", "query A { __typename }", None),
        _gql("node of a case id", f'{{ node(id: "{case_id}") {{ id }} }}'),
        _gql("long alias chain", "{ " + " ".join(f"a{i}: __typename" for i in range(2000)) + " }"),
        _gql("deep fragments", "query { ...A } fragment A on Query { ...A }"),
        _gql("directive junk", "{ __typename @skip(if: 5) @include }"),
        _gql("subscription over http", 'subscription { caseEvents(caseId: "x") { sequence } }'),
        _gql("auth junk", "{ viewer { kind } }", Authorization="Bearer \x7f" + "x" * 5000),
        _gql("auth basic", "{ viewer { kind } }", Authorization="Basic Zm9vOmJhcg=="),
        _gql(
            "auth alg none", "{ viewer { kind } }", Authorization="Bearer eyJhbGciOiJub25lIn0.e30."
        ),
        Malformed(
            "GET graphql", "GET", "/graphql?query=%7B__typename%7D", headers={"Accept": JSON}
        ),
        Malformed("PUT graphql", "PUT", "/graphql", b"{}", {"Content-Type": JSON}),
        Malformed("DELETE graphql", "DELETE", "/graphql"),
        Malformed(
            "OPTIONS graphql",
            "OPTIONS",
            "/graphql",
            headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
        ),
    ]


def rest_cases(targets: Targets) -> list[Malformed]:
    slug = targets.slugs[0] if targets.slugs else "fairsettle"
    link = targets.links[0] if targets.links else "/files/documents/x"
    org = targets.ids[0] if targets.ids else "x"
    review = "/reports/management-review"
    cases = [
        Malformed(
            "token json",
            "POST",
            "/oauth/token",
            b'{"grant_type": "refresh_token"}',
            {"Content-Type": JSON},
        ),
        Malformed("token empty form", "POST", "/oauth/token", b"", {"Content-Type": FORM}),
        Malformed(
            "token nul",
            "POST",
            "/oauth/token",
            b"grant_type=refresh_token&refresh_token=%00",
            {"Content-Type": FORM},
        ),
        Malformed(
            "token invalid utf-8",
            "POST",
            "/oauth/token",
            b"grant_type=%ff%fe&refresh_token=%c3",
            {"Content-Type": FORM},
        ),
        Malformed(
            "token client nul",
            "POST",
            "/oauth/token",
            b"grant_type=client_credentials&client_id=%00&client_secret=%00",
            {"Content-Type": FORM},
        ),
        Malformed(
            "token long client",
            "POST",
            "/oauth/token",
            b"grant_type=client_credentials&client_id=" + b"a" * 100_000 + b"&client_secret=x",
            {"Content-Type": FORM},
        ),
        Malformed(
            "token basic junk",
            "POST",
            "/oauth/token",
            b"grant_type=client_credentials",
            {"Content-Type": FORM, "Authorization": "Basic %%%"},
        ),
        Malformed(
            "token basic no colon",
            "POST",
            "/oauth/token",
            b"grant_type=client_credentials",
            {"Content-Type": FORM, "Authorization": "Basic eHh4"},
        ),
        Malformed(
            "token basic bad utf-8",
            "POST",
            "/oauth/token",
            b"grant_type=client_credentials",
            {"Content-Type": FORM, "Authorization": "Basic //79:"},
        ),
        Malformed(
            "token repeated",
            "POST",
            "/oauth/token",
            b"grant_type=a&grant_type=b",
            {"Content-Type": FORM},
        ),
        Malformed(
            "token multipart",
            "POST",
            "/oauth/token",
            b"--x\r\nContent-Disposition: form-data; name=grant_type; filename=a\r\n\r\n"
            b"x\r\n--x--\r\n",
            {"Content-Type": "multipart/form-data; boundary=x"},
        ),
        Malformed(
            "token bad multipart",
            "POST",
            "/oauth/token",
            b"--x\r\n\r\n",
            {"Content-Type": FORM + "; boundary=x"},
        ),
        Malformed(
            "token cookie junk",
            "POST",
            "/oauth/token",
            b"grant_type=refresh_token",
            {"Content-Type": FORM, "Cookie": "parley_refresh=\x7f%00; a"},
        ),
        Malformed("revoke junk", "POST", "/oauth/revoke", b"token=%00%ff", {"Content-Type": FORM}),
        Malformed("revoke json", "POST", "/oauth/revoke", b"[]", {"Content-Type": JSON}),
        Malformed(
            "revoke huge",
            "POST",
            "/oauth/revoke",
            b"token=" + b"a" * 500_000,
            {"Content-Type": FORM},
        ),
        Malformed("jwks", "GET", "/.well-known/jwks.json"),
        Malformed("file junk", "GET", "/files/documents/%00%ff"),
        Malformed("file link", "GET", link),
        Malformed("file truncated link", "GET", link[:-5]),
        Malformed("file link flipped", "GET", link[:-1] + ("A" if link[-1] != "A" else "B")),
        Malformed("file link long", "GET", "/files/bundles/" + "a" * 10_000),
        Malformed("file link dots", "GET", "/files/documents/..%2F..%2Fetc%2Fpasswd"),
        Malformed("report no token", "GET", f"{review}.json"),
        Malformed("report xml", "GET", f"{review}.xml?from=2026-01-01&until=2026-12-31"),
        Malformed("report bad dates", "GET", f"{review}.json?from=2026-13-45&until=0"),
        Malformed("report year 0", "GET", f"{review}.json?from=0000-01-01&until=9999-12-31"),
        Malformed("report reversed", "GET", f"{review}.csv?from=2026-12-31&until=2026-01-01"),
        Malformed(
            "report nul",
            "GET",
            f"{review}.json?from=2026-01-01%00&until=2026-12-31&organisation=%00",
        ),
        Malformed(
            "report organisation id",
            "GET",
            f"{review}.json?from=2026-01-01&until=2026-12-31&organisation={org}",
        ),
        Malformed(
            "report organisation long",
            "GET",
            f"{review}.json?from=2026-01-01&until=2026-12-31&organisation=" + "o" * 65,
        ),
        Malformed("transparency junk year", "GET", f"/reports/transparency/{slug}.json?year=-1"),
        Malformed(
            "transparency quarter 9", "GET", f"/reports/transparency/{slug}.csv?year=2026&quarter=9"
        ),
        Malformed(
            "transparency year 9999",
            "GET",
            f"/reports/transparency/{slug}.json?year=9999&quarter=4",
        ),
        Malformed(
            "transparency order", "GET", f"/reports/transparency/{slug}.json?year=2026&order=%00"
        ),
        Malformed("transparency slug nul", "GET", "/reports/transparency/%00%ff.json?year=2026"),
        Malformed(
            "transparency long slug",
            "GET",
            "/reports/transparency/" + "s" * 5000 + ".json?year=2026",
        ),
        Malformed("provider answer junk", "GET", f"/providers/{slug}/answer?token=%00%ff"),
        Malformed(
            "provider answer post",
            "POST",
            f"/providers/{slug}/answer",
            b"token=x&decision=%00",
            {"Content-Type": FORM},
        ),
        Malformed("provider answer unknown", "GET", "/providers/%00/answer"),
        Malformed(
            "callback junk",
            "POST",
            f"/providers/{slug}/callbacks",
            b"\xff\xfe",
            {"Content-Type": JSON},
        ),
        Malformed(
            "callback signed junk",
            "POST",
            f"/providers/{slug}/callbacks",
            b"{}",
            {
                "Content-Type": JSON,
                "webhook-id": "\x7f",
                "webhook-timestamp": "99999999999999999999",
                "webhook-signature": "v1,%%%",
            },
        ),
        Malformed(
            "callback unknown provider",
            "POST",
            "/providers/nobody/callbacks",
            b"{}",
            {"Content-Type": JSON},
        ),
        Malformed("spa path", "GET", "/cases/%00%ff/../../x"),
        Malformed("long path", "GET", "/" + "a" * 20_000),
        Malformed("healthz head", "HEAD", "/healthz"),
        Malformed("readyz post", "POST", "/readyz"),
        Malformed("request id junk", "GET", "/healthz", headers={"X-Request-ID": "\x7f" * 100}),
    ]
    return cases


def malformed(targets: Targets) -> list[Malformed]:
    return graphql_cases(targets) + rest_cases(targets)


def send_malformed(sender: Sender, targets: Targets, principals: Iterable[str]) -> None:
    """Every malformed request, as every principal."""
    for case in malformed(targets):
        for principal in principals:
            sender.send(
                principal,
                case.method,
                case.path,
                body=case.body,
                headers=case.headers,
                label=case.name,
            )

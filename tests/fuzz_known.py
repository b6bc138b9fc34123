"""Failures of the live fuzz run that other work on issue 13 fixes, each matched on the request
and the server's own traceback, so that nothing else hides behind it.

EMPTY `KNOWN_FAILURES` WHEN THOSE FIXES MERGE: tests/test_fuzz_graphql.py then holds the whole
schema and the REST endpoints to "no 5xx, no internal error" with no exception.
"""

from __future__ import annotations

from tests.fuzz_support import KnownFailure

_NUL_ON_POSTGRES = 'invalid byte sequence for encoding "UTF8": 0x00'

KNOWN_FAILURES: tuple[KnownFailure, ...] = (
    KnownFailure(
        "F8: a huge `first` overflows the cost estimate and the JSON encoder (HTTP 500)",
        lambda sent, tb: "Integer exceeds 64-bit range" in tb and "encode_json" in tb,
    ),
    KnownFailure(
        "F8: login with an e-mail over 254 characters",
        lambda sent, tb: "ValidationError: email: Length of" in tb and ", in login" in tb,
    ),
    KnownFailure(
        "F8: a NUL byte in GraphQL input on PostgreSQL",
        lambda sent, tb: sent.path == "/graphql" and _NUL_ON_POSTGRES in tb,
    ),
    KnownFailure(
        "F8: makeOffer with an expiry near year 9999 (OverflowError)",
        lambda sent, tb: "OverflowError" in tb and ", in make_offer" in tb,
    ),
    KnownFailure(
        "F8: /reports/management-review with a bad organisation parameter (HTTP 500)",
        lambda sent, tb: sent.path.startswith("/reports/management-review"),
    ),
    # Not in the issue: found by this fuzz run, in files other engineers are changing
    # (portal/auth/services.py `client_credentials`, portal/web/oauth.py), so reported to
    # the lead rather than fixed here. Reproducers (HTTP 500 each, the second on PostgreSQL):
    #   curl -d grant_type=client_credentials -d client_secret=x \
    #        -d client_id=$(printf 'a%.0s' {1..65}) http://127.0.0.1:8000/oauth/token
    #   curl -d grant_type=client_credentials -d client_secret=x -d client_id=%00 \
    #        http://127.0.0.1:8000/oauth/token
    KnownFailure(
        "NEW: /oauth/token client_credentials with a client_id over 64 characters or a NUL",
        lambda sent, tb: (
            sent.path == "/oauth/token"
            and ("ValidationError: client_id: Length of" in tb or _NUL_ON_POSTGRES in tb)
        ),
    ),
)

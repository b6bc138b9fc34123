"""Where Parley's outgoing HTTP may go: organisation webhooks and provider endpoints.

Issue 13 F6: the URL's host was resolved and checked, and then resolved again by httpx when it
connected, so a name that answered a public address to the check and 127.0.0.1 to the
connection (DNS rebinding) reached the portal's own network. Here a host is resolved once,
every address it resolves to is checked, and the connection goes to the checked address
(`PinnedTransport`): the URL's host stays in the `Host` header and in TLS (SNI and the
certificate's name check), only the socket is pinned.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
import ssl
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

import httpx

from portal.lengths import at_most
from providers.http import DestinationRefused

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# host, port -> the addresses it resolves to (a seam for tests of rebinding; the default asks
# the system resolver, as httpx would).
Resolver = Callable[[str, int], Awaitable[list[str]]]
MAX_URL_LENGTH = 2048
# IPv4 written as one integer, in octal or hex, or with fewer than four parts (`2130706433`,
# `0x7f.1`, `0177.0.0.1`, `127.1`): the C resolver reads them all as addresses. Nobody's
# webhook lives there; they are how a filter is walked around.
_NUMERIC_HOST = re.compile(r"^(0x[0-9a-f]*|[0-9]+)(\.(0x[0-9a-f]*|[0-9]+))*\.?$", re.I)
# NAT64's well-known prefix (RFC 6052) carries an IPv4 address in its last 32 bits.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class UrlRefused(Exception):
    """A URL that may not be called; ``code`` is the userError code."""

    def __init__(
        self,
        code: str,
        message: str,
        field: str | None = None,
        *,
        limit: int | None = None,
        actual: int | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.limit = limit  # for TOO_LONG (portal.lengths)
        self.actual = actual


NOT_ALLOWED = "The URL points to a private, loopback, link-local or otherwise non-public address."


def is_public(ip: IPAddress) -> bool:
    """A globally reachable unicast address, and so is every IPv4 address it embeds
    (IPv4-mapped, 6to4, Teredo, NAT64): not loopback, private, link-local, multicast,
    reserved, unspecified, shared (CGNAT) or documentation space."""
    if ip.is_multicast or not ip.is_global:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        embedded: list[ipaddress.IPv4Address] = []
        if ip.ipv4_mapped is not None:
            embedded.append(ip.ipv4_mapped)
        if ip.sixtofour is not None:
            embedded.append(ip.sixtofour)
        if ip.teredo is not None:
            embedded.extend(ip.teredo)
        if ip in _NAT64:
            embedded.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        return all(is_public(v4) for v4 in embedded)
    return True


def literal(host: str) -> IPAddress | None:
    """The address ``host`` is written as, or None for a name. Raises UrlRefused for the
    non-canonical numeric forms of IPv4."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if _NUMERIC_HOST.match(host):
        raise UrlRefused("INVALID_URL", "Write an IP address in dotted decimal, or use a name.")
    return None


def check_syntax(url: str) -> tuple[str, int]:
    """An http(s) URL without credentials; returns its host and port. No DNS."""
    at_most(url, MAX_URL_LENGTH, "url", UrlRefused, label="The URL")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UrlRefused("INVALID_URL", "The URL is malformed.") from exc
    if parts.scheme not in {"https", "http"} or not parts.hostname:
        raise UrlRefused("INVALID_URL", "A webhook URL is an http:// or https:// URL.")
    if parts.username or parts.password:
        raise UrlRefused("INVALID_URL", "A webhook URL carries no credentials.")
    literal(parts.hostname)
    return parts.hostname, port or (443 if parts.scheme == "https" else 80)


async def system_resolver(host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


async def resolve(
    host: str, port: int, *, allow_private: bool, resolver: Resolver = system_resolver
) -> list[IPAddress]:
    """Every address ``host`` stands for, each checked (unless private ones are allowed, in
    development): one non-public address refuses the lot, whichever the connection would use."""
    found = literal(host)
    if found is not None:
        addresses = [found]
    else:
        try:
            answers = await resolver(host, port)
            addresses = [ipaddress.ip_address(a.split("%", 1)[0]) for a in answers]
        except (OSError, ValueError, UnicodeError) as exc:
            raise UrlRefused("INVALID_URL", "The URL's host does not resolve.") from exc
        if not addresses:
            raise UrlRefused("INVALID_URL", "The URL's host does not resolve.")
    if not allow_private and not all(is_public(a) for a in addresses):
        raise UrlRefused("URL_NOT_ALLOWED", NOT_ALLOWED)
    return addresses


async def check_url(url: str, *, allow_private: bool, resolver: Resolver = system_resolver) -> None:
    """When a URL is configured: well-formed, and resolving to public addresses only."""
    host, port = check_syntax(url)
    await resolve(host, port, allow_private=allow_private, resolver=resolver)


class PinnedTransport(httpx.AsyncBaseTransport):
    """httpx's transport, connecting only to an address it checked.

    For each request: resolve the host once, check every address, then connect to the first
    one that answers, with the URL's host name kept in `Host` and used for TLS (SNI and the
    certificate check, through httpcore's `sni_hostname`). Connections are not kept alive:
    the pool keys connections by address, and two names on one address must not share a TLS
    session verified for one of them.
    """

    def __init__(
        self,
        *,
        allow_private: bool,
        resolver: Resolver = system_resolver,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        self.allow_private = allow_private
        self.resolver = resolver
        self._inner = httpx.AsyncHTTPTransport(
            verify=verify, limits=httpx.Limits(max_keepalive_connections=0)
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        port = request.url.port or (443 if request.url.scheme == "https" else 80)
        try:
            addresses = await resolve(
                host, port, allow_private=self.allow_private, resolver=self.resolver
            )
        except UrlRefused as exc:
            raise DestinationRefused(exc.message, request=request) from exc
        if request.url.scheme == "https" and literal(host) is None:
            request.extensions = {**request.extensions, "sni_hostname": host}
        original = request.url
        failure: httpx.ConnectError | None = None
        for address in addresses:
            request.url = original.copy_with(host=str(address))
            try:
                return await self._inner.handle_async_request(request)
            except httpx.ConnectError as exc:
                failure = exc  # the next address, as a connecting client would
            finally:
                request.url = original
        assert failure is not None
        raise failure

    async def aclose(self) -> None:
        await self._inner.aclose()


def pinned_client(
    *,
    allow_private: bool,
    timeout: float,
    resolver: Resolver = system_resolver,
    verify: ssl.SSLContext | bool = True,
) -> httpx.AsyncClient:
    """The client every delivery to a configured URL goes through. Redirects are not
    followed: a checked URL must not hand the request on elsewhere."""
    transport = PinnedTransport(allow_private=allow_private, resolver=resolver, verify=verify)
    return httpx.AsyncClient(transport=transport, timeout=timeout, follow_redirects=False)

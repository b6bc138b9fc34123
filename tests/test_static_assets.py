"""The built portal's files as a browser gets them (Issue 16, Weight): the precompressed copy the
request accepts (brotli, then gzip, then the file itself) with `Vary: Accept-Encoding`, the
original's type and the copy's length; hashed assets cached for a year, the page revalidated; no
source map, no compressed copy by its own name, nothing from outside the build."""

from __future__ import annotations

import dataclasses
import gzip
from pathlib import Path

import httpx
import pytest

from portal.app import create_app
from portal.settings import Settings
from portal.web.spa import CONTENT_SECURITY_POLICY, IMMUTABLE, accepted_encodings

PAGE = b"<!doctype html><title>Parley</title><div id=root></div>" * 4
SCRIPT = b"console.log('the portal');\n" * 40
STYLE = b"body { margin: 0 }\n" * 30
# Not real brotli: the server sends the build's bytes as they are, so any marker shows which
# file was sent (the standard library has no brotli).
SCRIPT_BR = b"BR:app-abc123.js"
PAGE_BR = b"BR:index.html"


@pytest.fixture
def build(tmp_path: Path) -> Path:
    folder = tmp_path / "dist"
    assets = folder / "assets"
    assets.mkdir(parents=True)
    (folder / "index.html").write_bytes(PAGE)
    (folder / "index.html.br").write_bytes(PAGE_BR)
    (folder / "index.html.gz").write_bytes(gzip.compress(PAGE))
    (folder / "robots.txt").write_bytes(b"User-agent: *\n")
    (assets / "app-abc123.js").write_bytes(SCRIPT)
    (assets / "app-abc123.js.br").write_bytes(SCRIPT_BR)
    (assets / "app-abc123.js.gz").write_bytes(gzip.compress(SCRIPT))
    # The build skips a copy that would not be smaller: here brotli was skipped.
    (assets / "style-abc123.css").write_bytes(STYLE)
    (assets / "style-abc123.css.gz").write_bytes(gzip.compress(STYLE))
    (assets / "app-abc123.js.map").write_bytes(b'{"sources": ["src/app.tsx"]}')
    (assets / "app-abc123.js.map.br").write_bytes(b'{"sources": ["src/app.tsx"]} as br')
    (assets / "app-abc123.js.map.gz").write_bytes(gzip.compress(b'{"sources": ["src/app.tsx"]}'))
    # Outside the build, with "compressed copies" a lookup must not reach either.
    (tmp_path / "secret.txt").write_bytes(b"outside the build")
    (tmp_path / "secret.txt.br").write_bytes(b"outside the build, br")
    (tmp_path / "secret.txt.gz").write_bytes(gzip.compress(b"outside the build, gz"))
    return folder


@dataclasses.dataclass
class Got:
    status: int
    headers: httpx.Headers
    body: bytes  # as sent, not decoded


async def _fetch(
    settings: Settings, folder: Path, *requests: tuple[str, str, dict[str, str]]
) -> list[Got]:
    """(method, path, headers) each; the bodies as the server sent them."""
    app = create_app(dataclasses.replace(settings, frontend_dir=str(folder)), manage_orm=False)
    got: list[Got] = []
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as client:
        for method, path, headers in requests:
            async with client.stream(method, path, headers=headers) as response:
                body = b"".join([chunk async for chunk in response.aiter_raw()])
                got.append(Got(response.status_code, response.headers, body))
    return got


def _get(path: str, accept: str | None = None, **headers: str) -> tuple[str, str, dict[str, str]]:
    sent = {key.replace("_", "-"): value for key, value in headers.items()}
    # httpx sends its own Accept-Encoding unless told; "identity" is what a client without
    # compression sends.
    sent["Accept-Encoding"] = accept if accept is not None else "identity"
    return ("GET", path, sent)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("gzip, deflate, br, zstd", {"gzip", "deflate", "br", "zstd"}),
        ("gzip;q=1.0, br;q=0.5", {"gzip", "br"}),
        ("br;q=0, gzip", {"gzip"}),
        ("BR, X-Gzip", {"br", "gzip"}),
        ("*", {"br", "gzip"}),
        ("*, br;q=0", {"gzip"}),
        ("*;q=0", set()),
        ("identity", {"identity"}),
        ("br;q=zero", set()),
        ("", set()),
        (" , ;q=1", set()),
    ],
)
def test_accept_encoding_is_read_with_its_weights(header: str, expected: set[str]) -> None:
    assert accepted_encodings(header) == expected


async def test_each_file_in_the_best_encoding_the_browser_accepts(
    settings: Settings, build: Path
) -> None:
    chrome, gzip_only, plain, refused_br, anything, style_br = await _fetch(
        settings,
        build,
        _get("/assets/app-abc123.js", "gzip, deflate, br, zstd"),
        _get("/assets/app-abc123.js", "gzip"),
        _get("/assets/app-abc123.js"),
        _get("/assets/app-abc123.js", "br;q=0, gzip;q=0.8"),
        _get("/assets/app-abc123.js", "*"),
        _get("/assets/style-abc123.css", "br, gzip"),
    )
    assert chrome.headers["content-encoding"] == "br"
    assert chrome.body == SCRIPT_BR
    assert gzip_only.headers["content-encoding"] == "gzip"
    assert gzip.decompress(gzip_only.body) == SCRIPT
    assert "content-encoding" not in plain.headers
    assert plain.body == SCRIPT
    assert refused_br.headers["content-encoding"] == "gzip"
    assert anything.headers["content-encoding"] == "br"
    # No brotli copy of the stylesheet: the next best.
    assert style_br.headers["content-encoding"] == "gzip"
    assert gzip.decompress(style_br.body) == STYLE

    for got in (chrome, gzip_only, plain, refused_br, anything):
        assert got.status == 200
        assert got.headers["content-type"] == "text/javascript; charset=utf-8"
        assert int(got.headers["content-length"]) == len(got.body)
        assert got.headers["vary"] == "Accept-Encoding"
        assert got.headers["cache-control"] == IMMUTABLE == "public, max-age=31536000, immutable"
        assert got.headers["x-content-type-options"] == "nosniff"
    assert style_br.headers["content-type"] == "text/css; charset=utf-8"
    # One ETag per encoding: a cache never takes one for the other.
    assert len({got.headers["etag"] for got in (chrome, gzip_only, plain)}) == 3


async def test_the_page_and_its_fallbacks_compressed_and_revalidated(
    settings: Settings, build: Path
) -> None:
    home, route, deep, by_name, plain, robots = await _fetch(
        settings,
        build,
        _get("/", "gzip, br"),
        _get("/disputes", "gzip"),
        _get("/cases/RGlzcHV0ZUNhc2U6MQ==", "br"),
        _get("/index.html", "br"),
        _get("/disputes"),
        _get("/robots.txt", "br, gzip"),
    )
    for got in (home, route, deep, by_name, plain):
        assert got.status == 200
        assert got.headers["content-type"] == "text/html; charset=utf-8"
        assert got.headers["cache-control"] == "no-cache"
        assert got.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert got.headers["vary"] == "Accept-Encoding"
        assert int(got.headers["content-length"]) == len(got.body)
    assert home.headers["content-encoding"] == "br"
    assert home.body == PAGE_BR
    assert deep.body == by_name.body == PAGE_BR
    assert route.headers["content-encoding"] == "gzip"
    assert gzip.decompress(route.body) == PAGE
    assert "content-encoding" not in plain.headers
    assert plain.body == PAGE
    # A top-level file keeps its name from build to build: revalidated, never "immutable".
    assert robots.status == 200
    assert robots.body == b"User-agent: *\n"
    assert robots.headers["cache-control"] == "no-cache"
    assert robots.headers["content-type"] == "text/plain; charset=utf-8"


async def test_head_and_revalidation_per_encoding(settings: Settings, build: Path) -> None:
    (first,) = await _fetch(settings, build, _get("/assets/app-abc123.js", "br"))
    etag = first.headers["etag"]
    head, same, other_encoding, page = await _fetch(
        settings,
        build,
        ("HEAD", "/assets/app-abc123.js", {"Accept-Encoding": "br"}),
        _get("/assets/app-abc123.js", "br", If_None_Match=etag),
        _get("/assets/app-abc123.js", "gzip", If_None_Match=etag),
        _get("/disputes", "br", If_None_Match=f'W/"nothing", {etag}'),
    )
    assert head.status == 200
    assert head.body == b""
    assert head.headers["content-encoding"] == "br"
    assert head.headers["content-length"] == str(len(SCRIPT_BR))
    assert same.status == 304
    assert same.body == b""
    assert same.headers["vary"] == "Accept-Encoding"
    assert same.headers["cache-control"] == IMMUTABLE
    assert other_encoding.status == 200
    assert gzip.decompress(other_encoding.body) == SCRIPT
    assert page.status == 200  # another file's ETag does not match the page


async def test_source_maps_and_compressed_copies_are_not_served_by_name(
    settings: Settings, build: Path
) -> None:
    responses = await _fetch(
        settings,
        build,
        _get("/assets/app-abc123.js.map", "br, gzip"),
        _get("/assets/app-abc123.js.map"),
        _get("/assets/APP-ABC123.JS.MAP", "gzip"),
        _get("/assets/app-abc123.js.map.br", "br"),
        _get("/assets/app-abc123.js.map.gz"),
        _get("/assets/app-abc123.js.br", "br"),
        _get("/assets/app-abc123.js.gz"),
        _get("/index.html.br", "br"),
        _get("/index.html.gz"),
    )
    for got in responses:
        assert got.status == 404
        assert b"sources" not in got.body
        assert b"BR:" not in got.body
        assert "content-encoding" not in got.headers


@pytest.mark.parametrize(
    "path",
    [
        "/..%2Fsecret.txt",
        "/%2e%2e/secret.txt",
        "/assets/..%2F..%2Fsecret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt",
        "/assets/..%5C..%5Csecret.txt",
        "/assets/%2Fetc%2Fpasswd",
        "/assets/%00.js",
    ],
)
async def test_no_way_out_of_the_build_in_any_encoding(
    settings: Settings, build: Path, path: str
) -> None:
    for accept in ("br", "gzip", "identity"):
        (got,) = await _fetch(settings, build, _get(path, accept))
        assert b"outside the build" not in got.body
        assert b"root:" not in got.body
        if got.status == 200:  # a client route: the page itself
            assert got.headers["content-type"] == "text/html; charset=utf-8"
        else:
            assert got.status in {400, 404}


async def test_a_compressed_copy_that_links_out_of_the_build_is_not_followed(
    settings: Settings, build: Path
) -> None:
    script = build / "assets" / "linked-abc123.js"
    script.write_bytes(SCRIPT)
    (build / "assets" / "linked-abc123.js.br").symlink_to(build.parent / "secret.txt.br")
    (got,) = await _fetch(settings, build, _get("/assets/linked-abc123.js", "br"))
    assert got.status == 200
    assert "content-encoding" not in got.headers
    assert got.body == SCRIPT

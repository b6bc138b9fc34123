"""Issue 16, Weight: what a consumer's browser downloads, counted from Chromium's own network
events (DevTools `Network.loadingFinished`: the bytes received, response headers and compressed
body), with its cache off. The first page, signed out (the sign-in page) and signed in (the
dispute list), transfers under BUDGET; no source map is asked for; and no chunk that only staff
pages use (found with the build's manifest) reaches a consumer, not even on the case page. A
caseworker opening the same case does load the staff chunk, so the check looks at real files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from playwright.async_api import BrowserContext, Page, expect

from tests.e2e.conftest import DIST, Portal, sign_in
from tests.factories import PASSWORD, Factory, build_world
from tests.test_api_support import case_id

BUDGET = 150_000  # bytes, compressed, on the wire
MANIFEST = DIST / ".vite" / "manifest.json"
# The modules only staff open: the chunks built from them (frontend/src/pages/staff.ts and
# review.ts gather them) and whatever only those chunks import.
STAFF_SOURCES = (
    "src/pages/staff.ts",
    "src/pages/review.ts",
    "src/pages/organisation/",
    "src/pages/provider/",
    "src/pages/neutral/",
    "src/pages/case/staffActions",
)


def _reachable(manifest: dict[str, Any], keys: list[str]) -> set[str]:
    """The manifest entries `keys` load: themselves and their static imports, transitively."""
    seen: set[str] = set()
    todo = list(keys)
    while todo:
        key = todo.pop()
        if key not in seen:
            seen.add(key)
            todo.extend(manifest[key].get("imports", []))
    return seen


def staff_only_files() -> set[str]:
    """The built files (scripts and stylesheets) only staff pages load."""
    manifest: dict[str, Any] = json.loads(MANIFEST.read_text())
    entries = [
        key
        for key, chunk in manifest.items()
        if chunk.get("isEntry") or chunk.get("isDynamicEntry")
    ]
    staff = [key for key in entries if key.startswith(STAFF_SOURCES)]
    assert staff, f"no staff chunk in {MANIFEST}: are the staff pages still loaded lazily?"
    others = _reachable(manifest, [key for key in entries if key not in staff])
    only_staff = _reachable(manifest, staff) - others
    files = {manifest[key]["file"] for key in only_staff}
    files |= {css for key in only_staff for css in manifest[key].get("css", [])}
    files -= {css for key in others for css in manifest[key].get("css", [])}
    return {f"/{name}" for name in files}


@dataclass
class Traffic:
    """Every response a page received, by Chromium's count of bytes on the wire."""

    responses: dict[str, dict[str, Any]] = field(default_factory=dict)
    received: dict[str, int] = field(default_factory=dict)
    failed: list[str] = field(default_factory=list)

    @classmethod
    async def watch(cls, context: BrowserContext, page: Page) -> Traffic:
        traffic = cls()
        cdp = await context.new_cdp_session(page)
        cdp.on("Network.responseReceived", traffic._response)
        cdp.on("Network.loadingFinished", traffic._finished)
        cdp.on("Network.loadingFailed", lambda event: traffic.failed.append(event["errorText"]))
        await cdp.send("Network.enable")
        # A first visit: nothing from the browser's cache.
        await cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        return traffic

    def _response(self, event: dict[str, Any]) -> None:
        self.responses[event["requestId"]] = event["response"]

    def _finished(self, event: dict[str, Any]) -> None:
        self.received[event["requestId"]] = int(event["encodedDataLength"])

    def paths(self) -> list[str]:
        return [urlsplit(response["url"]).path for response in self.responses.values()]

    def total(self) -> int:
        return sum(self.received.values())

    def table(self) -> str:
        rows = []
        for request, size in sorted(self.received.items(), key=lambda item: -item[1]):
            response = self.responses.get(request, {})
            headers = {name.lower(): value for name, value in response.get("headers", {}).items()}
            path = urlsplit(response.get("url", "?")).path
            rows.append(f"{size:>8} {headers.get('content-encoding', '-'):<5} {path}")
        return "\n".join([*rows, f"{self.total():>8} total"])

    def encodings(self) -> dict[str, str]:
        """The content coding of each built script and stylesheet received."""
        found = {}
        for response in self.responses.values():
            path = urlsplit(response["url"]).path
            if path.startswith("/assets/") and path.endswith((".js", ".css")):
                headers = {name.lower(): value for name, value in response["headers"].items()}
                found[path] = headers.get("content-encoding", "identity")
        return found


def _check(traffic: Traffic, name: str, staff: set[str]) -> None:
    report = f"{name}: bytes received per response\n{traffic.table()}"
    print(report)  # the measurement, for the record (pytest -s)
    assert traffic.failed == [], report
    assert not [path for path in traffic.paths() if path.lower().endswith(".map")], report
    assert not staff & set(traffic.paths()), report
    encodings = traffic.encodings()
    assert encodings, report
    # Chromium asks for brotli only over https; over this test's http it takes gzip.
    assert set(encodings.values()) <= {"br", "gzip"}, report
    assert traffic.total() < BUDGET, report


async def test_a_consumers_first_page_is_light_and_has_no_staff_code(
    portal: Portal, factory: Factory
) -> None:
    staff = staff_only_files()
    w = await build_world(factory)
    case = await w.new_case()

    # Signed out: the sign-in page
    context = await portal.context(phone=True)
    page = await context.new_page()
    traffic = await Traffic.watch(context, page)
    await page.goto("/")
    await expect(page).to_have_url(f"{portal.url}/sign-in")
    await expect(page.get_by_role("heading", level=1)).to_be_visible()
    await page.wait_for_load_state("networkidle")
    _check(traffic, "sign-in page", staff)

    # Signed in: the first page of a new visit is the dispute list
    await sign_in(page, w.complainant.email, PASSWORD)
    fresh = await context.new_page()
    traffic = await Traffic.watch(context, fresh)
    await fresh.goto("/")
    await expect(fresh).to_have_url(f"{portal.url}/disputes")
    await expect(fresh.locator(".card")).to_have_count(1)
    await fresh.wait_for_load_state("networkidle")
    _check(traffic, "a signed-in consumer's dispute list", staff)

    # Their case page still loads no staff code
    await fresh.locator(".card a").first.click()
    await expect(fresh.get_by_test_id("timeline-verification")).to_contain_text("unchanged")
    await fresh.wait_for_load_state("networkidle")
    assert not staff & set(traffic.paths()), traffic.table()

    # A page whose chunk cannot be fetched (offline, or a deploy removed it): said, with a reload
    await fresh.route("**/assets/MyComplaints-*", lambda route: route.abort())
    await fresh.get_by_role("navigation").get_by_role("link", name="My complaints").click()
    await expect(fresh.get_by_role("alert")).to_contain_text("This page could not be loaded")
    await fresh.unroute("**/assets/MyComplaints-*")
    await fresh.get_by_role("link", name="Reload the page").click()
    await expect(fresh).to_have_url(f"{portal.url}/complaints")
    await expect(fresh.get_by_role("alert")).to_have_count(0)
    await expect(fresh.get_by_role("heading", level=1)).to_be_visible()
    await context.close()

    # A caseworker on the same case: the staff chunk is what the check above looked for
    context = await portal.context()
    page = await context.new_page()
    await sign_in(page, w.caseworker.email, PASSWORD)
    traffic = await Traffic.watch(context, page)
    await page.goto(f"/cases/{case_id(case)}")
    await expect(page.get_by_test_id("case-stage")).to_be_visible()
    await page.wait_for_load_state("networkidle")
    assert staff & set(traffic.paths()), traffic.table()
    await context.close()


async def test_without_javascript_the_page_says_so_and_where_to_get_help(portal: Portal) -> None:
    context = await portal.browser.new_context(base_url=portal.url, java_script_enabled=False)
    page = await context.new_page()
    await page.goto("/disputes")
    await expect(page.get_by_role("heading", name="Parley needs JavaScript")).to_be_visible()
    await expect(page.get_by_role("heading", name="Parley 需要 JavaScript")).to_be_visible()
    # (Playwright's text locators skip <noscript>: the rendered text instead.)
    shown = " ".join((await page.locator("body").inner_text()).split())
    assert "or the dispute resolution provider handling your case" in shown
    assert "或处理您案件的争议解决机构" in shown
    assert await page.title() == "Parley: complaints and dispute resolution"
    await context.close()

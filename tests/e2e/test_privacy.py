"""Issue 19, data protection in the web portal: on their account page, a complainant with an
open case downloads a copy of their data (a zip whose manifest checks) and asks for erasure,
which is shown held with its reason; an admin refuses it with reasons on the erasure page.
On a 375 px phone in English, the admin in Simplified Chinese; axe-core on each page."""

from __future__ import annotations

import hashlib
import io
import zipfile

from playwright.async_api import expect

from portal.accounts.models import Role
from portal.privacy.models import ErasureRequest, ErasureStatus
from tests.e2e.conftest import Portal, accessible, catalogue, fits, sign_in, use_language
from tests.factories import PASSWORD, Factory, build_world


async def test_a_complainant_downloads_their_data_asks_for_erasure_and_an_admin_refuses_it(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)
    case = await w.new_case()
    admin = await factory.user(Role.ADMIN)
    en, zh = catalogue("en"), catalogue("zh-Hans")

    page = await (await portal.context(phone=True)).new_page()
    await sign_in(page, w.complainant.email, PASSWORD)
    await page.goto("/account")
    await expect(page.get_by_role("heading", name=en["privacy.title"], exact=True)).to_be_visible()
    await page.get_by_role("button", name=en["privacy.export.request"]).click()
    await expect(page.get_by_text(en["privacy.export.made"])).to_be_visible()
    exports = page.get_by_test_id("data-exports")
    await expect(exports.get_by_role("row")).to_have_count(2)
    async with page.expect_download() as downloading:
        await exports.get_by_role("button").click()
    content = (await (await downloading.value).path()).read_bytes()
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        manifest = archive.read("MANIFEST.sha256").decode()
        for line in manifest.splitlines():
            digest, name = line.split("  ", 1)
            assert hashlib.sha256(archive.read(name)).hexdigest() == digest
        assert f"cases/{case.reference}/case.json" in archive.namelist()

    await page.get_by_label(en["privacy.erasure.reasons"]).fill("Please forget me.")
    await page.get_by_role("button", name=en["privacy.erasure.request"]).click()
    await expect(page.get_by_text(en["privacy.erasure.sent"])).to_be_visible()
    await expect(page.get_by_test_id("erasure-status")).to_have_text(en["privacy.status.HELD"])
    await expect(page.get_by_test_id("erasure-holds")).to_contain_text(case.reference)
    await expect(page.get_by_text(en["privacy.erasure.holds"])).to_be_visible()
    await expect(page.get_by_role("button", name=en["privacy.erasure.request"])).to_have_count(0)
    await fits(page, "privacy-account-phone")
    await accessible(page, "privacy-account-phone")

    desk = await (await portal.context()).new_page()
    await sign_in(desk, admin.email, PASSWORD)
    await use_language(desk, "zh-Hans")
    await desk.goto("/admin/erasure")
    request = desk.get_by_test_id("erasure-request")
    await expect(request).to_contain_text(w.complainant.email)
    await expect(request).to_contain_text(case.reference)
    # The admin reads of "the data", not of "your data".
    await expect(request).to_contain_text(zh["privacy.admin.holds"])
    await expect(request).not_to_contain_text(zh["privacy.erasure.holds"])
    # A hold stands: only refusing is offered.
    await expect(request.get_by_role("button", name=zh["privacy.admin.grant"])).to_have_count(0)
    await accessible(desk, "privacy-admin")
    await request.get_by_label(zh["privacy.admin.reasons"]).fill("案件仍在处理中。")
    await request.get_by_role("button", name=zh["privacy.admin.refuse"]).click()
    await expect(desk.get_by_text(zh["privacy.admin.decided"])).to_be_visible()
    await expect(desk.get_by_test_id("erasure-status")).to_have_text(zh["privacy.status.REFUSED"])
    [row] = await ErasureRequest.filter(user_id=w.complainant.id)
    assert row.status is ErasureStatus.REFUSED
    assert row.decision_reasons == "案件仍在处理中。"

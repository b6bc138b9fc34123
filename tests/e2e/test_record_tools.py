"""The record tools on the case page, as a complainant uses them on a 375 px phone: a file
too large is refused in the browser before anything is sent (no upload request leaves the
page), a document and a new version of it are uploaded and listed with their versions, the
case bundle downloads with its manifest, a receipt of the case record is kept and checked
(and a wrong one is reported in plain words), a message is answered and the reply shows under
it, the composer's draft survives a reload, the fairness view reads side by side; in English
and Simplified Chinese. Then, on a desktop, the complainant invites a representative by e-mail
(a wrong address refused, an invitation withdrawn), and the invitee, reading the link from the
mail a real SMTP server received, signs in on a phone and accepts. axe-clean at each step."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

from playwright.async_api import Page, Request, expect

from portal.casefiles.services import post_message
from portal.notifications.worker import Worker
from portal.settings import Settings
from portal.timeline.models import Visibility
from tests.e2e.conftest import Portal, accessible, sign_in
from tests.factories import (
    PASSWORD,
    Factory,
    actor_for,
    build_world,
    deliver_all,
    mail_settings,
    start_mailsink,
)
from tests.test_api_support import case_id

TOO_LARGE = 25 * 1024 * 1024 + 1  # one byte over the server's default document_max_bytes


def _uploads(page: Page) -> list[Request]:
    """Every multipart request (an upload) the page sends."""
    sent: list[Request] = []

    def seen(request: Request) -> None:
        if "multipart/form-data" in (request.headers.get("content-type") or ""):
            sent.append(request)

    page.on("request", seen)
    return sent


async def _unfold(page: Page, *titles: str) -> None:
    """Open the case page's folded sections (GOV.UK details) by their summaries, as a person
    taps them."""
    for title in titles:
        fold = page.locator("details.parley-fold").filter(
            has=page.locator(":scope > summary").get_by_text(title, exact=True)
        )
        if await fold.get_attribute("open") is None:
            await fold.locator(":scope > summary").click()


async def _fits(page: Page, name: str) -> None:
    width = await page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375, f"{name} is {width} px wide"
    await accessible(page, name)


async def test_record_tools_on_a_phone_and_a_representative_by_invitation(
    portal: Portal, portal_settings: Settings, factory: Factory, tmp_path: Path
) -> None:
    w = await build_world(factory)
    case = await w.new_case()
    page = await (await portal.context(phone=True)).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    uploads = _uploads(page)
    await sign_in(page, w.complainant.email, PASSWORD)
    await page.goto(f"/cases/{case_id(case)}")
    await _unfold(page, "Documents")
    documents = page.get_by_test_id("documents")
    await expect(documents.get_by_text("No documents yet.")).to_be_visible()

    # The limits are in the hint; a file too large is refused here, and nothing is sent
    await expect(documents.get_by_text("must be smaller than 25 MB")).to_be_visible()
    scan = tmp_path / "scan.pdf"
    with scan.open("wb") as sparse:  # handed to the browser by path, as a person picks it
        sparse.truncate(TOO_LARGE)
    await documents.get_by_label("File", exact=True).set_input_files(scan)
    await documents.get_by_role("button", name="Upload", exact=True).click()
    summary = documents.get_by_test_id("error-summary")
    await expect(summary).to_be_focused()
    await expect(summary).to_contain_text("scan.pdf must be smaller than 25 MB")
    await expect(documents.get_by_label("File", exact=True)).to_have_attribute(
        "aria-invalid", "true"
    )
    assert await page.title() == "Error: Overcharged on the March bill · Parley"
    assert uploads == [], "the too-large file was sent"
    await _fits(page, "records-upload-refused")

    # An empty file and a kind the server refuses are stopped the same way
    await documents.get_by_label("File", exact=True).set_input_files(
        {"name": "tool.exe", "mimeType": "application/x-msdownload", "buffer": b"MZ"}
    )
    await documents.get_by_role("button", name="Upload", exact=True).click()
    await expect(summary).to_contain_text("tool.exe must be one of these kinds of file")
    assert uploads == []

    # A document, then a new version of it: listed with its versions, each downloadable
    await documents.get_by_label("File", exact=True).set_input_files(
        {"name": "notes.txt", "mimeType": "text/plain", "buffer": b"first draft\n"}
    )
    await documents.get_by_role("button", name="Upload", exact=True).click()
    await expect(page.get_by_test_id("success-banner")).to_contain_text("notes.txt was added")
    assert len(uploads) == 1
    await documents.get_by_text("Upload a new version of notes.txt").click()
    await documents.get_by_label("New version of notes.txt").set_input_files(
        {"name": "notes.txt", "mimeType": "text/plain", "buffer": b"second draft\n"}
    )
    await documents.get_by_role("button", name="Upload the new version").click()
    await expect(documents.get_by_text("All versions (2)")).to_be_visible()
    await documents.get_by_text("All versions (2)").click()
    await expect(documents.get_by_test_id("document")).to_have_count(1)
    async with page.expect_download() as downloading:
        await documents.get_by_role("button", name="Download version 1 of notes.txt").click()
    first = await downloading.value
    assert (await first.path()).read_bytes() == b"first draft\n"
    async with page.expect_download() as downloading:
        await documents.get_by_role("button", name="Download notes.txt").click()
    assert (await (await downloading.value).path()).read_bytes() == b"second draft\n"
    await _fits(page, "records-documents")

    # The case bundle: both versions, the record, and a manifest whose sums hold
    await _unfold(page, "Download the whole case file")
    bundle = page.get_by_test_id("bundle")
    await expect(bundle).to_contain_text("MANIFEST.sha256")
    async with page.expect_download() as downloading:
        await bundle.get_by_role("button", name="Download the case file (zip)").click()
    zipped = await downloading.value
    assert zipped.suggested_filename == f"{case.reference}-bundle.zip"
    with zipfile.ZipFile(io.BytesIO((await zipped.path()).read_bytes())) as archive:
        names = archive.namelist()
        manifest = archive.read("MANIFEST.sha256").decode().splitlines()
        for line in manifest:
            digest, name = line.split("  ", 1)
            assert hashlib.sha256(archive.read(name)).hexdigest() == digest, name
        timeline = json.loads(archive.read("timeline.json"))
    assert sum(name.endswith("/notes.txt") for name in names) == 2
    assert "timeline.json" in names
    await _fits(page, "records-bundle")

    # A receipt: shown, kept in this browser, downloaded, and checked against the live record
    await _unfold(page, "Receipts of the case record")
    receipts = page.get_by_test_id("receipts")
    sequence = int(await receipts.get_by_test_id("receipt-sequence").inner_text())
    head = await receipts.get_by_test_id("receipt-hash").inner_text()
    assert sequence == timeline["head"]["sequence"]
    assert head == timeline["head"]["hash"]
    await receipts.get_by_role("button", name="Keep this receipt in this browser").click()
    await expect(receipts.get_by_test_id("success-banner")).to_contain_text(
        f"The receipt for event {sequence} is kept"
    )
    async with page.expect_download() as downloading:
        await receipts.get_by_role("button", name="Download it (JSON file)").click()
    kept = json.loads((await (await downloading.value).path()).read_text())
    assert (kept["sequence"], kept["hash"], kept["case"]) == (sequence, head, case.reference)
    # The record moves on (a message by the organisation); the kept receipt still matches
    await post_message(
        await actor_for(w.agent),
        case.id,
        "Could you send the bank statement?",
        Visibility.ALL_PARTIES,
    )
    messages = page.get_by_test_id("messages")
    await _unfold(page, "Messages")
    await expect(messages).to_contain_text("Could you send the bank statement?")
    await page.reload()
    await _unfold(page, "Receipts of the case record", "Messages")
    await receipts.get_by_role("button", name=f"Check the receipt for event {sequence}").click()
    result = receipts.get_by_test_id("receipt-result")
    await expect(result).to_have_attribute("data-result", "MATCHES")
    await expect(result).to_contain_text(f"Nothing up to event {sequence} has been changed")
    await expect(result).to_be_focused()
    # A receipt pasted with a wrong code is reported, in plain words
    receipt_box = receipts.get_by_label("Receipt", exact=True)
    await receipt_box.fill("not a receipt")
    await receipts.get_by_role("button", name="Check the receipt", exact=True).click()
    await expect(receipts.get_by_test_id("error-summary")).to_contain_text(
        "Receipt must have the number of an event and its 64-character code"
    )
    wrong = json.dumps({**kept, "hash": "0" * 64})
    await receipt_box.fill(wrong)
    await receipts.get_by_role("button", name="Check the receipt", exact=True).click()
    await expect(result).to_have_attribute("data-result", "DIFFERS")
    await expect(result).to_contain_text("The receipt does not match the case record")
    await _fits(page, "records-receipts")

    # A reply under the organisation's message; the composer keeps its draft across a reload
    await messages.get_by_role("button", name="Reply to").first.click()
    await messages.get_by_label("Your reply to").fill("Attached above: notes.txt.")
    await messages.get_by_role("button", name="Send the reply").click()
    replies = messages.get_by_test_id("replies")
    await expect(replies).to_contain_text("Attached above: notes.txt.")
    await expect(page.get_by_test_id("success-banner").last).to_contain_text("Your reply was sent")
    await messages.get_by_label("Write to: All parties").fill("Half of what I meant to say")
    await page.reload()
    await _unfold(page, "Messages", "Documents", "Receipts of the case record")
    await expect(messages.get_by_test_id("draft-restored")).to_be_visible()
    await expect(messages.get_by_label("Write to: All parties")).to_have_value(
        "Half of what I meant to say"
    )
    await _fits(page, "records-messages")

    # The fairness view, side by side (stacked on a phone)
    await _unfold(page, "How fairly the case was run")
    fairness = page.get_by_test_id("fairness")
    await expect(fairness.get_by_role("heading", name="The complainant's side")).to_be_visible()
    await expect(fairness.get_by_role("heading", name="The organisation's side")).to_be_visible()
    await _fits(page, "records-fairness")

    # In Simplified Chinese
    await page.get_by_label("Language").select_option("zh-Hans")
    await expect(page.locator("summary").get_by_text("案件记录的收据")).to_be_visible()
    await expect(page.get_by_role("heading", name="投诉方", exact=True)).to_be_visible()
    await expect(documents).to_contain_text("每个文件须小于 25 MB")
    await _fits(page, "records-zh")

    # Desktop: the complainant invites someone, withdraws it, invites the right person
    desk = await (await portal.context()).new_page()
    desk.on("pageerror", lambda error: errors.append(str(error)))
    await sign_in(desk, w.complainant.email, PASSWORD)
    await desk.goto(f"/cases/{case_id(case)}")
    await _unfold(desk, "Someone to act for you")
    representative = desk.get_by_test_id("representative")
    email = representative.get_by_label("Their e-mail address")
    await email.fill("not an address")
    await representative.get_by_role("button", name="Send the invitation").click()
    await expect(representative.get_by_test_id("error-summary")).to_contain_text(
        "Enter their e-mail address in the correct format"
    )
    await email.fill("someone.else@example.org")
    await representative.get_by_role("button", name="Send the invitation").click()
    pending = representative.get_by_test_id("invitation-pending")
    await expect(pending).to_contain_text("someone.else@example.org")
    await expect(pending).to_contain_text("Waiting for an answer")
    await accessible(desk, "records-representative-pending")
    await representative.get_by_role("button", name="Withdraw the invitation").click()
    await expect(representative.get_by_test_id("success-banner")).to_contain_text("was withdrawn")
    invitee = await factory.user()
    await representative.get_by_label("Their e-mail address").fill(invitee.email)
    await representative.get_by_role("button", name="Send the invitation").click()
    await expect(pending).to_contain_text(invitee.email)
    await representative.get_by_text("Earlier invitations (1)").click()
    await expect(representative).to_contain_text("someone.else@example.org · withdrawn")

    # The mail reaches a real SMTP server; its link opens the invitee's page on a phone
    running = await start_mailsink(tmp_path / "mail")
    try:
        await deliver_all(Worker(mail_settings(portal_settings, running.port)))
    finally:
        await running.stop()
    [mail] = [m for m in running.sink.received if str(m["To"]) == invitee.email]
    body = mail.get_body(preferencelist=("plain",))
    assert body is not None
    [link] = re.findall(
        r"http://\S+/representative-invitation#token=[\w.-]+", str(body.get_content())
    )
    helper = await (await portal.context(phone=True)).new_page()
    helper.on("pageerror", lambda error: errors.append(str(error)))
    await helper.goto(link[link.index("/representative-invitation") :])
    sign_in_first = helper.get_by_role("link", name="Sign in to see the invitation")
    await expect(sign_in_first).to_be_visible()
    assert "#token" not in helper.url  # kept for this tab only, out of the address bar
    await _fits(helper, "records-invitation-sign-in-first")
    await sign_in_first.click()
    await helper.get_by_role("button", name="Password").click()
    await helper.get_by_label("E-mail address").fill(invitee.email)
    await helper.get_by_role("textbox", name="Password").fill(PASSWORD)
    await helper.get_by_role("button", name="Sign in").click()
    inviter = w.complainant.display_name
    await expect(helper.get_by_role("heading", level=1)).to_have_text(
        f"{inviter} asks you to act for them"
    )
    assert "#token" not in helper.url
    await _fits(helper, "records-invitation")
    await helper.get_by_role("button", name=f"Accept and act for {inviter}").click()
    await expect(helper.get_by_test_id("confirmation")).to_contain_text(
        f"You now act for {inviter}"
    )
    await helper.get_by_role("link", name=f"Open dispute {case.reference}").click()
    await _unfold(helper, "Someone to act for you")
    await expect(helper.get_by_test_id("representative")).to_contain_text(
        "You act for the complainant"
    )
    await _fits(helper, "records-representative-case")

    # The complainant's page names them, and can end it
    await desk.reload()
    await _unfold(desk, "Someone to act for you")
    await expect(representative.get_by_test_id("representative-name")).to_have_text(
        invitee.display_name
    )
    await accessible(desk, "records-representative-named")
    await representative.get_by_role(
        "button", name=f"Stop {invitee.display_name} acting for you"
    ).click()
    await expect(representative.get_by_test_id("check-page")).to_contain_text(
        "no longer see this case"
    )
    await representative.get_by_role(
        "button", name=f"Stop {invitee.display_name} acting for me"
    ).click()
    await expect(representative.get_by_test_id("success-banner")).to_contain_text(
        f"{invitee.display_name} no longer acts for you"
    )
    await expect(representative.get_by_label("Their e-mail address")).to_be_visible()
    assert errors == []

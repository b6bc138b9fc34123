"""A complaint handled in the portal (issue 15, ISO 10002 7.2-7.9) and taken further from the
answer's mail (EU ADR Art. 13), in the browser.

An agent, on a 375 px phone, records a complaint taken by phone (an empty submit first: the
error summary); the list tags it late to be acknowledged, and its filters agree. The agent
acknowledges it, records the assessment and a note, and answers it as not upheld through a
check page; the page names who did each step, in which role, and offers only the steps the
server lists. The complainant gets the answer by mail, read from a real SMTP server, with the
dispute-resolution route; the mail's link, opened signed out, leads through sign-in back to
the escalation page; My complaints shows the answer and the way on, and the complainant
confirms the complaint as theirs there, then refers it to the provider. The agent's page then
reads in Simplified Chinese."""

from __future__ import annotations

import dataclasses
import re
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import urlsplit

from playwright.async_api import Page, expect

from portal.cases.engine import now
from portal.cases.models import DisputeCase
from portal.cases.states import Stage
from portal.complaints.models import Channel, Complaint, ComplaintClock
from portal.complaints.states import ComplaintClockKind
from portal.settings import Settings
from tests.e2e.conftest import Portal, accessible, catalogue, fits, sign_in, sign_in_here
from tests.factories import PASSWORD, Factory, build_world, delivered_mails, mail_text

ANSWER = "We checked the call recordings: the fee was agreed on the phone."
ASSESSMENT = "Billing fee of 35 EUR disputed; not urgent; billing team to check the call."
NOTE = "Call of 2 March listened to: the fee was read out and accepted."


def _no_script_errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def _answer_mail(mails: list[EmailMessage], to: str) -> str:
    """The one mail to `to` that carries the organisation's answer."""
    answers = [mail_text(m) for m in mails if str(m["To"]) == to and ANSWER in mail_text(m)]
    assert len(answers) == 1, [str(m["Subject"]) for m in mails]
    return answers[0]


async def test_an_agent_answers_a_phone_complaint_and_the_complainant_escalates_from_the_mail(
    portal: Portal, factory: Factory, settings: Settings, tmp_path: Path
) -> None:
    w = await build_world(factory)

    # The agent, on a phone: the record form, refused empty, then filled in
    agent = await (await portal.context(phone=True)).new_page()
    agent_errors = _no_script_errors(agent)
    await sign_in(agent, w.agent.email, PASSWORD)
    await agent.get_by_role("button", name="Complaints").click()
    await expect(agent).to_have_url(f"{portal.url}/organisation/complaints")
    await agent.get_by_role("button", name="Record a complaint").click()
    await expect(agent.get_by_role("heading", level=1)).to_have_text("Record a complaint")
    await agent.get_by_role("button", name="Record the complaint").click()
    summary = agent.get_by_test_id("error-summary")
    await expect(summary).to_be_focused()
    await expect(summary).to_contain_text("Choose how the complaint was received")
    await expect(summary).to_contain_text("Enter complainant's e-mail address")
    await fits(agent, "record-complaint-errors-phone")
    await agent.get_by_label("Phone", exact=True).check()
    await agent.get_by_label("Complainant's name").fill("Mia Example")
    await agent.get_by_label("Complainant's e-mail address").fill(w.complainant.email)
    await agent.get_by_label("Subject").fill("Fee charged for a cancelled contract")
    await agent.get_by_label("What happened").fill("Called to say a 35 EUR fee was unfair.")
    await fits(agent, "record-complaint-phone")
    await agent.get_by_role("button", name="Record the complaint").click()
    panel = agent.get_by_test_id("confirmation")
    await expect(panel).to_contain_text("Complaint recorded")
    await expect(agent.locator(".govuk-panel")).to_be_focused()
    complaint = await Complaint.get(organisation_id=w.organisation.id)
    assert complaint.subject == "Fee charged for a cancelled contract"
    assert complaint.channel is Channel.PHONE
    await expect(
        panel.get_by_role("link", name=f"Open complaint {complaint.reference}")
    ).to_be_visible()

    # Late to acknowledge: the list tags it, and "Overdue only" and the status filter agree
    await ComplaintClock.filter(
        complaint_id=complaint.id, kind=ComplaintClockKind.ACKNOWLEDGE
    ).update(due_at=now() - timedelta(days=1))
    await panel.get_by_role("link", name="Back to complaints").click()
    row = agent.get_by_test_id("complaint-row").filter(has_text=complaint.reference)
    await expect(row.get_by_test_id("overdue-tag")).to_have_text("Overdue")
    await expect(row).to_contain_text("Received")
    await agent.get_by_label("Overdue only").check()
    await expect(agent.get_by_test_id("complaint-row")).to_have_count(1)
    await agent.get_by_label("Status").select_option(label="Closed")
    await expect(agent.get_by_test_id("complaint-row")).to_have_count(0)
    await expect(agent.get_by_text("No complaint matches.")).to_be_visible()
    await agent.get_by_label("Status").select_option(label="Received")
    await expect(row).to_be_visible()
    await fits(agent, "complaint-list-phone")
    await row.get_by_role("link", name=complaint.reference).click()

    # The complaint's page: who must act by when, and only the step the server offers
    await expect(agent.get_by_test_id("complaint-status")).to_have_text("Received")
    clocks = agent.get_by_test_id("complaint-clocks")
    await expect(clocks).to_contain_text("We: acknowledge receipt")
    await expect(clocks.get_by_text("Overdue")).to_have_count(1)
    await expect(
        agent.get_by_role("heading", name="Acknowledge receipt", exact=True)
    ).to_be_visible()
    await expect(agent.get_by_role("heading", name="Answer the complainant")).to_have_count(0)
    await agent.get_by_role("button", name="Acknowledge receipt").click()
    banner = agent.get_by_test_id("success-banner")
    await expect(banner).to_contain_text("Receipt acknowledged")
    await expect(banner).to_be_focused()
    await expect(agent.get_by_test_id("complaint-status")).to_have_text("Acknowledged")

    # The assessment, then an investigation note (the form is empty again after it)
    await agent.get_by_role("textbox", name="Assessment").fill(ASSESSMENT)
    await agent.get_by_role("button", name="Record the assessment").click()
    await expect(banner).to_contain_text("Assessment recorded")
    await agent.get_by_role("textbox", name="Note", exact=True).fill(NOTE)
    await agent.get_by_role("button", name="Add the note").click()
    await expect(banner).to_contain_text("Note added")
    await expect(agent.get_by_role("textbox", name="Note", exact=True)).to_have_value("")
    steps = agent.get_by_test_id("complaint-steps")
    await expect(steps).to_contain_text(ASSESSMENT)
    await expect(steps).to_contain_text(NOTE)
    await expect(steps.locator("li").filter(has_text=NOTE)).to_contain_text(
        f"{w.agent.display_name} (staff)"
    )

    # The answer: a decision is required, then a check page, then the confirmation
    respond = agent.get_by_role("region", name="Answer the complainant")
    await respond.get_by_role("textbox", name="Your answer").fill(ANSWER)
    await respond.get_by_role("button", name="Continue").click()
    await expect(summary).to_contain_text("Choose your decision on the complaint")
    await expect(summary).to_be_focused()
    await respond.get_by_label("Not upheld").check()
    await respond.get_by_role("button", name="Continue").click()
    check = agent.get_by_test_id("check-page")
    await expect(check).to_contain_text(ANSWER)
    await expect(check).to_contain_text("how to take it to an independent dispute resolution")
    await fits(agent, "complaint-respond-check-phone")
    await check.get_by_role("button", name="Send the answer").click()
    await expect(panel).to_contain_text("Answer sent")
    await expect(agent.locator(".govuk-panel")).to_be_focused()
    await expect(agent.get_by_test_id("complaint-status")).to_have_text("Answered")
    await expect(steps.locator("li").last).to_contain_text("Answered: Not upheld")
    await expect(agent.get_by_role("heading", name="Close the complaint")).to_be_visible()
    await fits(agent, "complaint-answered-phone")

    # The complainant's mail: the decision, the answer, the provider and the link to escalate
    mails = await delivered_mails(dataclasses.replace(settings, public_url=portal.url), tmp_path)
    text = _answer_mail(mails, w.complainant.email)
    assert "not upheld" in text.lower()
    assert w.provider.name in text
    link = re.search(r"https?://\S+/complaints/\S+/escalate", text)
    assert link is not None, text
    assert link.group(0).startswith(f"{portal.url}/complaints/"), link.group(0)

    # Opened signed out: sign in, and back to the escalation page
    consumer = await (await portal.context()).new_page()
    consumer_errors = _no_script_errors(consumer)
    escalate_path = urlsplit(link.group(0)).path
    await consumer.goto(link.group(0))
    await expect(consumer).to_have_url(re.compile(r"/sign-in\?next="))
    await sign_in_here(consumer, w.complainant.email, PASSWORD)
    await expect(consumer).to_have_url(f"{portal.url}{escalate_path}")
    await expect(consumer.get_by_role("heading", level=1)).to_have_text(
        "Escalate to dispute resolution"
    )

    # My complaints shows the answer and the way on; back to the mail's page to escalate
    await consumer.get_by_role("navigation").get_by_role("link", name="My complaints").click()
    card = consumer.get_by_test_id("my-complaint").filter(has_text=complaint.reference)
    await expect(card.get_by_test_id("complaint-answer")).to_contain_text("Not upheld")
    await expect(card.get_by_test_id("complaint-answer")).to_contain_text(ANSWER)
    await expect(card.get_by_test_id("dispute-route")).to_contain_text("independent dispute")
    await accessible(consumer, "consumer-complaint-answered")
    await card.get_by_role("button", name="Confirm it is my complaint").click()
    await expect(consumer.get_by_test_id("success-banner")).to_contain_text("confirmed as yours")
    await expect(consumer.get_by_test_id("success-banner")).to_be_focused()
    await expect(card.get_by_role("button", name="Confirm it is my complaint")).to_have_count(0)
    assert (await Complaint.get(id=complaint.id)).confirmed_at is not None
    await consumer.go_back()
    await consumer.get_by_label("Dispute resolution service").select_option(
        label=f"{w.provider.name} (DE)"
    )
    await consumer.get_by_label("Mediation").check()
    await consumer.get_by_label("Why the complaint is not resolved").fill(
        "The fee was never explained to me."
    )
    await consumer.get_by_role("button", name="Escalate").click()
    await expect(consumer.get_by_test_id("case-stage")).to_have_text("Referred")
    case = await DisputeCase.get(organisation_id=w.organisation.id)
    assert case.stage is Stage.REFERRED
    assert case.provider_id == w.provider.id

    # The agent's page, in Simplified Chinese: the referral is the last step, the complainant's
    await agent.context.add_init_script("localStorage.setItem('parley.locale', 'zh-Hans')")
    await agent.reload()
    zh = catalogue("zh-Hans")
    await expect(agent.get_by_test_id("complaint-status")).to_have_text(
        zh["complaintStatus.REFERRED"]
    )
    await expect(steps.locator("li").last).to_contain_text(zh["complaintStep.REFER"])
    await expect(steps.locator("li").last).to_contain_text(zh["complaintRole.COMPLAINANT"])
    await expect(steps.locator("li").filter(has_text=ANSWER)).to_contain_text(
        zh["complaintDecision.NOT_UPHELD"]
    )
    await fits(agent, "complaint-referred-phone-zh")

    assert agent_errors == consumer_errors == []

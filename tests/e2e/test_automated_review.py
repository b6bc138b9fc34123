"""Issue 20, deliverable 3 in the browser: the organisation's response clock runs out and the
clock job closes the case (silence as refusal); the complainant reads that this was decided
automatically, by which rule, and asks a person to review it; the provider's caseworker finds
the request in their queue and reverses the step, and the case is back awaiting the response,
its clock running again."""

from __future__ import annotations

from datetime import timedelta

from playwright.async_api import expect

from portal.automated.models import AutomatedReview
from portal.cases.engine import now
from portal.cases.models import Clock, DisputeCase
from portal.cases.services import Action, run_clock_job
from portal.cases.states import AutomatedReviewStatus, ClockKind, ClockStatus, Stage
from tests.e2e.conftest import Portal, accessible, fits, sign_in
from tests.e2e.test_ways_forward import _no_script_errors
from tests.factories import PASSWORD, Factory, build_world
from tests.test_api_support import case_id


async def test_a_clock_lapse_marked_automated_is_reviewed_on_request_and_reversed(
    portal: Portal, factory: Factory
) -> None:
    w = await build_world(factory)
    case = await w.new_case()
    await w.act(w.caseworker, case, Action.ACCEPT)
    await w.act(
        w.complainant,
        case,
        Action.GIVE_CONSENT,
        understands_legal_effect=True,
        understands_right_to_withdraw=True,
    )
    # The organisation's response clock runs out; the clock job records its silence.
    await Clock.filter(case_id=case.id, kind=ClockKind.RESPONSE).update(
        due_at=now() - timedelta(minutes=5)
    )
    assert await run_clock_job() == 1
    assert (await DisputeCase.get(id=case.id)).stage is Stage.CLOSED
    url = f"/cases/{case_id(case)}"

    # The complainant reads that it was automated, and by which rule, and asks for a person.
    consumer = await (await portal.context(phone=True)).new_page()
    consumer_errors = _no_script_errors(consumer)
    await sign_in(consumer, w.complainant.email, PASSWORD)
    await consumer.goto(url)
    decided = consumer.get_by_test_id("automated-decision")
    await expect(decided).to_contain_text(
        "This was decided automatically by rule: the organisation's silence counts as refusal."
    )
    await consumer.get_by_role("button", name="Ask a person to review").click()
    # Nothing typed: the error summary names the field and links to it.
    missing = consumer.get_by_role("link", name="Enter why a person should review this step")
    await expect(missing).to_be_visible()
    await consumer.get_by_label("Why should a person look at this again?").fill(
        "The company wrote to me before the deadline."
    )
    await fits(consumer, "automated-review-ask")
    await consumer.get_by_role("button", name="Ask a person to review").click()
    await expect(consumer.get_by_test_id("automated-review")).to_contain_text(
        "Waiting for a person"
    )
    await expect(consumer.get_by_role("button", name="Ask a person to review")).to_have_count(0)
    review = await AutomatedReview.get(case_id=case.id)
    assert review.reasons == "The company wrote to me before the deadline."
    # What the rule does, in the reader's language (it was the table's English in both).
    await expect(decided).to_contain_text("where the scheme says so, silence is recorded")
    await consumer.get_by_label("Language").select_option("zh-Hans")
    await expect(decided).to_contain_text("沉默被记录为拒绝")
    await consumer.get_by_role("combobox").first.select_option("en")
    await expect(decided).to_contain_text("where the scheme says so, silence is recorded")

    # The caseworker finds it in their queue, opens the case and reverses the step.
    staff = await (await portal.context()).new_page()
    staff_errors = _no_script_errors(staff)
    await sign_in(staff, w.caseworker.email, PASSWORD)
    await staff.goto("/provider/automated-reviews")
    queue = staff.get_by_test_id("automated-review-queue")
    await expect(queue).to_contain_text("The company wrote to me before the deadline.")
    await accessible(staff, "automated-review-queue")
    await queue.get_by_role("link", name=case.reference, exact=False).click()
    await staff.get_by_label("Reverse the step").check()
    await staff.get_by_label("Your reasons").fill("Their letter arrived in time.")
    await accessible(staff, "automated-review-decide")
    await staff.get_by_role("button", name="Decide the review").click()
    await expect(staff.get_by_test_id("automated-review")).to_contain_text(
        "Reviewed: the step was reversed"
    )

    reopened = await DisputeCase.get(id=case.id)
    assert (reopened.stage, reopened.closed_at) == (Stage.AWAITING_RESPONSE, None)
    assert await Clock.filter(
        case_id=case.id, kind=ClockKind.RESPONSE, status=ClockStatus.RUNNING
    ).exists()
    assert (await AutomatedReview.get(id=review.id)).status is AutomatedReviewStatus.REVERSED

    # The complainant's page follows: the step is shown reversed, with the reasons.
    await consumer.reload()
    await expect(consumer.get_by_test_id("automated-review")).to_contain_text(
        "Their letter arrived in time."
    )
    assert consumer_errors == []
    assert staff_errors == []

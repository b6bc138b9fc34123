# Chinese text uses Chinese punctuation (full-width commas, semicolons, brackets).
# ruff: noqa: RUF001
"""The demo's stories: Northwind Energy's customers, their complaints and their disputes at
FairSettle (and one at SimSettle, the external provider the simulator plays), between a few
months ago and yesterday.

Together the disputes reach every stage and use every method; the complaints that stay with
Northwind cover every complaint status. Days are counted back from today, so the clocks of
the open cases are still running whenever the demo is seeded; the one clock meant to be
missed is the response clock of the case where Northwind stays silent.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import datetime

from portal.cases.services import Action
from portal.cases.states import ClockKind, DeclineGround, Method
from portal.complaints.models import Channel, ComplaintStatus
from portal.complaints.states import ComplaintDecision
from portal.demo.play import CONSUMER, Play, Script, Story

MARIA = "maria@consumer.example"
LI_NA = "li.na@consumer.example"
TOM = "tom@consumer.example"

ACKNOWLEDGED = ComplaintStatus.ACKNOWLEDGED
ASSESSED = ComplaintStatus.ASSESSED
RESPONDED = ComplaintStatus.RESPONDED
CLOSED = ComplaintStatus.CLOSED

STORIES: list[Story] = []


def story(consumer: str, subject: str) -> Callable[[Script], Script]:
    def register(script: Script) -> Script:
        STORIES.append(Story(consumer, subject, script))
        return script

    return register


# --- complaints that stay with Northwind (ISO 10002) -------------------------------------------


@story(TOM, "Online account shows a meter reading I never submitted")
async def phantom_reading(p: Play) -> AsyncIterator[datetime]:
    yield p.ago(1, 8, 15)
    await p.file(
        "The customer portal lists a reading of 48,210 kWh on a day when I was abroad; "
        "my meter shows 47,350 kWh today.",
        "Remove the wrong reading and recalculate the instalment.",
    )


@story(MARIA, "Paper bills keep arriving although I chose e-billing")
async def paper_bills(p: Play) -> AsyncIterator[datetime]:
    yield p.ago(4, 14, 5)
    await p.file(
        "I switched to e-billing in the spring, but a paper bill still arrives every month and "
        "Northwind charges a paper fee of €1.50 for it.",
        "Stop the paper bills and refund the paper fees.",
        Channel.PHONE,
    )
    yield p.ago(3, 9, 30)
    await p.handle(ACKNOWLEDGED)


@story(LI_NA, "新电表安装预约一再推迟")
async def meter_appointment(p: Play) -> AsyncIterator[datetime]:
    yield p.ago(10, 11, 20)
    await p.file(
        "智能电表的安装预约已经被推迟了三次，每次我都请假在家等候，但安装人员都没有来。",
        "确定安装日期，并补偿误工损失。",
        Channel.EMAIL,
    )
    yield p.ago(9, 8, 45)
    await p.handle(ACKNOWLEDGED)
    yield p.ago(5, 15, 10)
    await p.handle(ASSESSED, "安装公司人手不足导致多次延误；已将该客户列为优先处理。")


@story(TOM, "Welcome bonus of €100 not credited")
async def welcome_bonus(p: Play) -> AsyncIterator[datetime]:
    yield p.ago(25, 10, 0)
    await p.file(
        "The €100 welcome bonus promised when I signed up was not credited on my first "
        "annual bill.",
        "Credit the €100 bonus.",
        Channel.LETTER,
    )
    yield p.ago(24, 9, 15)
    await p.handle(ACKNOWLEDGED)
    yield p.ago(20, 13, 40)
    await p.handle(
        ASSESSED, "The bonus needs 12 months of supply; the first annual bill covered 11."
    )
    yield p.ago(12, 10, 5)
    await p.handle(
        RESPONDED,
        "The bonus is credited on the next annual bill, once 12 months of supply are complete.",
    )


@story(MARIA, "Wrong tariff name on the contract confirmation")
async def wrong_tariff_name(p: Play) -> AsyncIterator[datetime]:
    yield p.ago(45, 19, 30)
    await p.file(
        "The contract confirmation says 'Northwind Basic' although I signed up for "
        "'Northwind Green 24'.",
        "A corrected confirmation.",
    )
    yield p.ago(44, 9, 0)
    await p.handle(ACKNOWLEDGED)
    yield p.ago(38, 11, 25)
    await p.handle(
        RESPONDED,
        "Corrected confirmation sent; the green tariff applied from the first day.",
        ComplaintDecision.UPHELD,
    )
    yield p.ago(30, 16, 0)
    await p.handle(CLOSED, "The customer confirmed receipt of the corrected confirmation.")


# --- disputes at FairSettle (ISO 10003), one per stage -----------------------------------------


@story(MARIA, "New smart meter records 40% more consumption than the old one")
async def smart_meter_referred(p: Play) -> AsyncIterator[datetime]:
    # Stage: referred (the acceptance clock runs).
    yield p.ago(40, 18, 20)
    await p.file(
        "Since the smart meter was installed my monthly consumption is about 40% higher than "
        "in the same months last year, although nothing in the flat has changed.",
        "An independent test of the meter and a corrected bill.",
    )
    yield p.ago(39, 8, 50)
    await p.handle(ACKNOWLEDGED)
    yield p.ago(33, 14, 0)
    await p.handle(ASSESSED, "Meter data checked: no transmission errors. Field test booked.")
    yield p.ago(20, 10, 30)
    await p.handle(
        RESPONDED, "Our field test found the meter within the legal error limits; the bill stands."
    )
    yield p.ago(3, 20, 10)
    await p.refer(
        Method.EXPERT_OPINION,
        "486.20",
        "Northwind relies on its own ten-minute field test; I want an independent expert "
        "to examine the meter.",
    )


@story(TOM, "Direct debit taken twice in November")
async def double_debit_at_simsettle(p: Play) -> AsyncIterator[datetime]:
    # Stage: referred to SimSettle, the external provider: its referral waits in the outbox
    # until `./run demo` starts the simulator, which then accepts it over the webhook adapter.
    yield p.ago(12, 9, 40)
    await p.file(
        "Northwind took the November instalment of €96.00 twice from my account.",
        "Refund of the second €96.00.",
    )
    yield p.ago(11, 10, 0)
    await p.handle(ACKNOWLEDGED)
    yield p.ago(6, 15, 30)
    await p.handle(RESPONDED, "The second debit was a bank error; please ask your bank.")
    yield p.ago(1, 18, 0)
    await p.refer(
        Method.MEDIATION,
        "96.00",
        "My bank says the second debit came from Northwind.",
        simulated=True,
    )


@story(TOM, "Gas contract cancellation not confirmed")
async def cancellation_declined(p: Play) -> AsyncIterator[datetime]:
    # Stage: declined (raised with Northwind only the day before).
    yield p.ago(30, 21, 5)
    await p.file(
        "I cancelled my gas contract by e-mail and received no confirmation; Northwind still "
        "collects the monthly instalment of €95.",
        "Confirm the cancellation and refund the last instalment.",
    )
    yield p.ago(29, 7, 40)
    await p.refer(
        Method.OMBUDSMAN_RECOMMENDATION, "95.00", "No answer from Northwind, and no confirmation."
    )
    yield p.ago(26, 11, 15)
    await p.act(
        "caseworker",
        Action.DECLINE,
        ground=DeclineGround.NOT_RAISED_WITH_ORGANISATION.value,
        reasons="The complaint reached Northwind one day before the referral. Our rules give "
        "the organisation eight weeks to answer first; you may refer the dispute again if it "
        "stays unresolved.",
    )


@story(LI_NA, "分期还款申请被拒，并收到停电警告")
async def payment_plan_accepted(p: Play) -> AsyncIterator[datetime]:
    # Stage: accepted (waiting for the complainant's consent).
    yield p.ago(35, 12, 10)
    await p.file(
        "我因失业申请将1,240欧元的欠款分12期偿还，但Northwind拒绝了，并寄来了停电警告信。",
        "同意12期分期付款计划，并暂停停电程序。",
    )
    yield p.ago(34, 9, 5)
    await p.handle(ACKNOWLEDGED)
    yield p.ago(30, 15, 30)
    await p.handle(ASSESSED, "客户欠款1,240欧元；按照内部规定最多可分6期偿还。")
    yield p.ago(21, 10, 45)
    await p.handle(
        RESPONDED,
        "我们可以提供6期分期付款，但无法接受12期。停电程序暂停至月底。",
        ComplaintDecision.PARTLY_UPHELD,
    )
    yield p.ago(6, 19, 0)
    await p.refer(
        Method.CONCILIATION, "1240.00", "6期的月供超过我目前的收入，Northwind不愿再协商。"
    )
    yield p.ago(2, 9, 20)
    await p.act(
        "caseworker",
        Action.ACCEPT,
        note="Accepted. Disconnection paused while the case runs; conciliation offered in "
        "Simplified Chinese.",
    )


@story(MARIA, "Final bill after moving out charges 14 months of estimated use")
async def final_bill_awaiting_response(p: Play) -> AsyncIterator[datetime]:
    # Stage: awaiting_response (binding arbitration; Northwind's response clock runs).
    yield p.ago(60, 10, 10)
    await p.file(
        "I moved out and gave the final meter reading with a photo at the handover. The final "
        "bill ignores it and charges 14 months of estimated consumption.",
        "A final bill based on the handover reading and a refund of €1,870.45.",
        Channel.LETTER,
    )
    yield p.ago(59, 9, 30)
    await p.handle(ACKNOWLEDGED)
    yield p.ago(52, 14, 20)
    await p.handle(ASSESSED, "The meter number in the handover photo does not match our records.")
    yield p.ago(38, 11, 0)
    await p.handle(
        RESPONDED,
        "We cannot accept the photo because the meter number differs; the estimate stands.",
    )
    yield p.ago(18, 18, 45)
    await p.refer(
        Method.ARBITRATION_BINDING,
        "1870.45",
        "The meter was exchanged three years ago; Northwind's records still show the old one.",
    )
    yield p.ago(15, 10, 0)
    await p.act("caseworker", Action.ACCEPT)
    yield p.ago(12, 20, 30)
    await p.consent()


@story(TOM, "Direct debit taken twice for the September instalment")
async def double_debit_file_review(p: Play) -> AsyncIterator[datetime]:
    # Stage: file_review (the mediator declared impartiality; the objection window is open).
    yield p.ago(55, 9, 0)
    await p.file(
        "My bank statement shows two debits of €156.00 on the same day in September, and "
        "again in October.",
        "Refund of the two duplicated debits, €312.00.",
    )
    yield p.ago(54, 8, 30)
    await p.handle(ACKNOWLEDGED)
    yield p.ago(45, 16, 10)
    await p.handle(
        RESPONDED,
        "A system migration duplicated some mandates; we refund one debit of €156.00.",
        ComplaintDecision.PARTLY_UPHELD,
    )
    yield p.ago(30, 21, 0)
    await p.refer(
        Method.MEDIATION, "312.00", "Northwind refunds only one of the two duplicated debits."
    )
    yield p.ago(28, 9, 40)
    await p.act("caseworker", Action.ACCEPT)
    yield p.ago(27, 18, 15)
    await p.consent()
    yield p.ago(10, 15, 0)
    await p.act(
        "agent",
        Action.SUBMIT_RESPONSE,
        position="Northwind accepts that the September debit was duplicated and refunds it. The "
        "second October debit belongs to the customer's separate heat meter contract.",
    )
    yield p.ago(6, 10, 30)
    await p.appoint("mediator")
    yield p.ago(3, 11, 0)
    await p.act(
        "mediator",
        Action.DECLARE_IMPARTIALITY,
        impartial=True,
        disclosures="No personal or business relationship with either party.",
    )


@story(MARIA, "Heat pump tariff not applied since installation")
async def heat_pump_in_resolution(p: Play) -> AsyncIterator[datetime]:
    # Stage: in_resolution (mediation with offers and counter-offers; one offer is open).
    yield p.ago(95, 9, 12)
    await p.file(
        "Since our heat pump was registered in March, Northwind bills its separate meter at "
        "the standard household price instead of the heat pump tariff.",
        "Re-bill from the registration date at the heat pump tariff: €642.80.",
    )
    yield p.ago(94, 8, 40)
    await p.handle(ACKNOWLEDGED)
    yield p.ago(88, 13, 0)
    await p.handle(ASSESSED, "Heat pump registration found; the tariff switch was not triggered.")
    yield p.ago(75, 10, 20)
    await p.handle(
        RESPONDED,
        "We apply the tariff from the first full month after the network operator's "
        "confirmation reached our billing system, which was July.",
    )
    yield p.ago(62, 19, 5)
    await p.refer(
        Method.MEDIATION,
        "642.80",
        "The network operator confirmed in March; Northwind applies the tariff only from July.",
    )
    yield p.ago(58, 9, 0)
    await p.act("caseworker", Action.ACCEPT)
    yield p.ago(56, 20, 40)
    await p.consent()
    yield p.ago(40, 14, 30)
    await p.act(
        "agent",
        Action.SUBMIT_RESPONSE,
        position="The tariff applies from the date the confirmation reached our billing system. "
        "We are open to a goodwill settlement.",
    )
    yield p.ago(39, 19, 30)
    await p.act(
        CONSUMER,
        Action.SUBMIT_REPLY,
        reply="The network operator's confirmation is dated 14 March; it is attached to my "
        "complaint.",
    )
    yield p.ago(38, 10, 0)
    await p.appoint("mediator")
    yield p.ago(37, 9, 15)
    await p.act(
        "mediator",
        Action.DECLARE_IMPARTIALITY,
        impartial=True,
        disclosures="No relationship with either party.",
    )
    # The objection window closes unopposed; the clock job confirms the mediator.
    yield p.ago(28, 11, 0)
    await p.act("caseworker", Action.COMPLETE_FILE)
    yield p.ago(21, 15, 20)
    await p.offer(
        "agent", "250.00", "Goodwill credit of €250.00 on the next bill.", p.ago(7, 23, 59)
    )
    yield p.ago(17, 20, 10)
    await p.offer(
        CONSUMER,
        "560.00",
        "Re-billing from March: €560.00 paid to my bank account; no credit on future bills.",
    )
    yield p.ago(9, 11, 30)
    await p.offer(
        "agent",
        "420.00",
        "€420.00 paid to the customer's bank account within 14 days; the heat pump tariff "
        "applies from now on.",
        p.in_days(10),
    )


@story(LI_NA, "智能电表读数异常，冬季电费翻倍")
async def meter_outcome_proposed(p: Play) -> AsyncIterator[datetime]:
    # Stage: outcome_proposed (an expert's recommendation; the reflection period runs).
    yield p.ago(140, 10, 30)
    await p.file(
        "去年冬天（12月至2月）的用电量是往年的两倍多，但家里没有添置任何新电器。",
        "检测电表，按正常用量重新计算电费，并退还780欧元。",
    )
    yield p.ago(139, 9, 0)
    await p.handle(ACKNOWLEDGED)
    yield p.ago(130, 14, 15)
    await p.handle(ASSESSED, "远程读数数据完整，暂未发现异常；已更换电表以便检测。")
    yield p.ago(118, 11, 40)
    await p.handle(RESPONDED, "旧电表的现场检测结果在法定误差范围内，账单维持不变。")
    yield p.ago(110, 19, 50)
    await p.refer(
        Method.EXPERT_OPINION, "780.00", "现场检测只用了几分钟，我要求由独立专家鉴定旧电表。"
    )
    yield p.ago(106, 9, 30)
    await p.act("caseworker", Action.ACCEPT)
    yield p.ago(104, 21, 0)
    await p.consent()
    yield p.ago(84, 16, 0)
    await p.act(
        "agent",
        Action.SUBMIT_RESPONSE,
        position="Northwind认为旧电表运行正常，现场检测报告已附上。旧电表已封存，可供专家检测。",
    )
    yield p.ago(83, 20, 15)
    await p.act(
        CONSUMER,
        Action.SUBMIT_REPLY,
        reply="旧电表的检测报告没有记录检测日期，我要求由独立专家重新检测。",
    )
    yield p.ago(82, 10, 0)
    await p.appoint("arbitrator")
    yield p.ago(81, 8, 30)
    await p.act(
        "arbitrator",
        Action.DECLARE_IMPARTIALITY,
        impartial=True,
        disclosures="与双方均无任何个人或业务关系。",
    )
    yield p.ago(72, 10, 15)
    await p.act("caseworker", Action.COMPLETE_FILE)
    yield p.ago(30, 12, 0)
    await p.act(
        "arbitrator",
        Action.EXTEND_CLOCK,
        clock=ClockKind.OUTCOME.value,
        days=21,
        reason="旧电表需在认证实验室检测，检测结果预计三周后出来。",
    )
    yield p.ago(5, 14, 45)
    await p.act(
        "arbitrator",
        Action.ISSUE_OUTCOME,
        summary="建议Northwind按新电表的读数重新计算12月至2月的电费，并退还512.40欧元。",
        reasons="认证实验室的检测报告证实，旧电表在低温下计量偏高约38%，超出法定误差限值；"
        "新电表三个月的读数与往年同期用量一致。",
        amount="512.40",
    )


@story(TOM, "Power surge after grid maintenance damaged my appliances")
async def surge_under_review(p: Play) -> AsyncIterator[datetime]:
    # Stage: under_review (a binding award; Northwind asked for review).
    yield p.ago(150, 11, 0)
    await p.file(
        "After Northwind's contractor worked on the street connection, a surge destroyed my "
        "fridge, my router and the heating control unit.",
        "Compensation of €2,350.00 for the replaced appliances.",
        Channel.IN_PERSON,
    )
    yield p.ago(149, 9, 10)
    await p.handle(ACKNOWLEDGED)
    yield p.ago(140, 15, 0)
    await p.handle(
        ASSESSED,
        "The contractor's log confirms work on the connection that day; the cause of "
        "the surge is disputed.",
    )
    yield p.ago(120, 10, 0)
    await p.handle(RESPONDED, "Our contractor found no fault; Northwind declines liability.")
    yield p.ago(115, 18, 30)
    await p.refer(
        Method.ARBITRATION_BINDING,
        "2350.00",
        "Northwind denies liability although its contractor's log confirms the work.",
    )
    yield p.ago(112, 10, 20)
    await p.act("caseworker", Action.ACCEPT)
    yield p.ago(110, 19, 0)
    await p.consent()
    yield p.ago(92, 14, 0)
    await p.act(
        "manager",
        Action.SUBMIT_RESPONSE,
        position="The surge came from the customer's own installation; the contractor's "
        "measurement protocol shows correct voltage after the work.",
    )
    yield p.ago(91, 18, 0)
    await p.act(
        CONSUMER,
        Action.SUBMIT_REPLY,
        reply="Three neighbours lost appliances the same evening; my installation was "
        "inspected in May.",
    )
    yield p.ago(90, 9, 45)
    await p.appoint("arbitrator")
    yield p.ago(89, 8, 20)
    await p.act(
        "arbitrator",
        Action.DECLARE_IMPARTIALITY,
        impartial=True,
        disclosures="I have no ties to Northwind Energy or to the complainant.",
    )
    yield p.ago(80, 10, 0)
    await p.act("caseworker", Action.COMPLETE_FILE)
    yield p.ago(20, 15, 30)
    await p.act(
        "arbitrator",
        Action.ISSUE_OUTCOME,
        summary="Northwind pays €1,480.00: the fridge and the heating control at their current "
        "value. The router is not covered.",
        reasons="The contractor's log and three neighbours' reports place the surge in the "
        "street connection. The router was ten years old and its loss by the surge is not "
        "shown.",
        amount="1480.00",
    )
    yield p.ago(12, 11, 10)
    await p.act(
        "manager",
        Action.REQUEST_REVIEW,
        reasons="The award does not address the measurement protocol, which shows correct "
        "voltage after the work.",
    )


@story(LI_NA, "更换供应商时被收取149欧元违约金")
async def switch_fee_implementation(p: Play) -> AsyncIterator[datetime]:
    # Stage: implementation (an ombudsman's recommendation accepted by both; Northwind has
    # recorded the refund, Li Na has yet to confirm it).
    yield p.ago(120, 9, 40)
    await p.file(
        "我在合同期满后才更换了供应商，却被收取了149欧元的提前解约费。",
        "退还149欧元违约金。",
    )
    yield p.ago(119, 8, 50)
    await p.handle(ACKNOWLEDGED)
    yield p.ago(105, 10, 30)
    await p.handle(RESPONDED, "系统记录显示，您更换供应商时合同尚未到期，违约金依约收取。")
    yield p.ago(100, 20, 15)
    await p.refer(
        Method.OMBUDSMAN_RECOMMENDATION,
        "149.00",
        "合同确认书上的到期日早于我更换供应商的日期，Northwind却只看系统记录。",
    )
    yield p.ago(97, 9, 0)
    await p.act("caseworker", Action.ACCEPT)
    yield p.ago(96, 18, 30)
    await p.consent()
    yield p.ago(78, 11, 0)
    await p.act(
        "agent",
        Action.SUBMIT_RESPONSE,
        position="系统中的合同到期日与确认书不一致；我们正在核查，但认为违约金条款仍然适用。",
    )
    yield p.ago(77, 21, 0)
    await p.act(
        CONSUMER,
        Action.SUBMIT_REPLY,
        reply="确认书上的到期日是我换供应商的前一天，违约金条款不适用。",
    )
    yield p.ago(76, 10, 0)
    await p.appoint("mediator")
    yield p.ago(75, 9, 0)
    await p.act(
        "mediator",
        Action.DECLARE_IMPARTIALITY,
        impartial=True,
        disclosures="No relationship with either party.",
    )
    yield p.ago(66, 10, 30)
    await p.act("caseworker", Action.COMPLETE_FILE)
    yield p.ago(28, 14, 0)
    await p.act(
        "mediator",
        Action.ISSUE_OUTCOME,
        summary="建议Northwind退还149欧元违约金，并支付30欧元补偿，共计179欧元。",
        reasons="合同确认书是双方约定的依据，其到期日早于更换供应商的日期；"
        "系统记录的错误不应由客户承担。",
        amount="179.00",
    )
    yield p.ago(26, 19, 20)
    await p.act(CONSUMER, Action.ACCEPT_OUTCOME, acknowledges_notice=True)
    yield p.ago(17, 10, 0)
    await p.act("manager", Action.ACCEPT_OUTCOME, acknowledges_notice=True)
    yield p.ago(4, 13, 30)
    await p.act(
        "agent",
        Action.RECORD_IMPLEMENTATION,
        evidence="Credit note GS-0931 issued; €179.00 transferred to the customer's account.",
    )


@story(MARIA, "Annual bill used an estimated reading despite my photo")
async def estimate_closed_resolved(p: Play) -> AsyncIterator[datetime]:
    # Stage: closed, resolved (a negotiated settlement, implemented and confirmed).
    yield p.ago(80, 17, 45)
    await p.file(
        "I uploaded a photo of my meter reading in the customer portal before the deadline, "
        "yet the annual bill uses an estimate that is 1,100 kWh too high.",
        "A corrected annual bill and a refund of €218.60.",
    )
    yield p.ago(79, 9, 10)
    await p.handle(ACKNOWLEDGED)
    yield p.ago(66, 11, 30)
    await p.handle(
        RESPONDED, "Your upload arrived after the billing run; we will use it next year."
    )
    yield p.ago(60, 20, 0)
    await p.refer(
        Method.NEGOTIATION, "218.60", "Northwind refuses to correct this year's annual bill."
    )
    yield p.ago(57, 9, 30)
    await p.act("caseworker", Action.ACCEPT)
    yield p.ago(56, 12, 0)
    await p.consent()
    yield p.ago(45, 10, 40)
    await p.act(
        "agent",
        Action.SUBMIT_RESPONSE,
        position="The photo's timestamp is before the billing run. We will negotiate a refund.",
    )
    yield p.ago(44, 20, 0)
    await p.act(
        CONSUMER,
        Action.SUBMIT_REPLY,
        reply="I accept a negotiated refund; the corrected bill shows €218.60.",
    )
    yield p.ago(43, 9, 0)
    await p.act("caseworker", Action.COMPLETE_FILE)
    yield p.ago(40, 14, 20)
    await p.offer("agent", "150.00", "Credit of €150.00 on the next instalment.", p.ago(26, 23, 59))
    yield p.ago(37, 21, 15)
    await p.offer(
        CONSUMER,
        "218.60",
        "Refund of €218.60 to my bank account, as the corrected annual bill shows.",
    )
    yield p.ago(33, 10, 5)
    await p.accept_offer("agent")
    yield p.ago(27, 15, 0)
    await p.act(
        "agent",
        Action.RECORD_IMPLEMENTATION,
        evidence="Corrected annual bill issued; €218.60 refunded by bank transfer.",
    )
    yield p.ago(25, 19, 40)
    await p.act(CONSUMER, Action.CONFIRM_IMPLEMENTATION, note="Refund received, thank you.")


@story(TOM, "Credit balance not refunded after contract end")
async def credit_closed_by_silence(p: Play) -> AsyncIterator[datetime]:
    # Stage: closed, by silence: Northwind's response clock runs out (the missed clock).
    yield p.ago(75, 16, 30)
    await p.file(
        "My final bill shows a credit of €407.30 in my favour, but it has not been paid out.",
        "Payment of the €407.30 credit.",
        Channel.PHONE,
    )
    yield p.ago(74, 9, 0)
    await p.handle(ACKNOWLEDGED)
    yield p.ago(62, 11, 15)
    await p.handle(
        RESPONDED, "The refund follows with the next payment run.", ComplaintDecision.UPHELD
    )
    yield p.ago(48, 19, 30)
    await p.refer(Method.NEGOTIATION, "407.30", "Two payment runs have passed without the refund.")
    yield p.ago(45, 10, 0)
    await p.act("caseworker", Action.ACCEPT)
    yield p.ago(40, 20, 10)
    await p.consent()


@story(LI_NA, "合同自动续约后涨价，未提前通知")
async def price_rise_closed_rejected(p: Play) -> AsyncIterator[datetime]:
    # Stage: closed, outcome rejected (a non-binding award; Northwind's objection to the
    # arbitrator was rejected, and it rejects the award with reasons).
    yield p.ago(170, 12, 0)
    await p.file(
        "合同自动续约后，电价从每千瓦时0.32欧元涨到0.41欧元，我没有收到任何涨价通知。",
        "按原价格结算续约后的电费，退还356欧元差价。",
    )
    yield p.ago(169, 9, 20)
    await p.handle(ACKNOWLEDGED)
    yield p.ago(150, 14, 0)
    await p.handle(RESPONDED, "涨价通知已于续约前六周通过电子邮件发送。")
    yield p.ago(140, 18, 0)
    await p.refer(
        Method.ARBITRATION_NON_BINDING,
        "356.00",
        "我从未收到该邮件，Northwind也无法提供送达记录。",
    )
    yield p.ago(137, 9, 45)
    await p.act("caseworker", Action.ACCEPT)
    yield p.ago(135, 20, 30)
    await p.consent()
    yield p.ago(115, 15, 0)
    await p.act(
        "manager",
        Action.SUBMIT_RESPONSE,
        position="涨价通知已按合同约定通过电子邮件发送，邮件服务器日志可以证明。",
    )
    yield p.ago(114, 19, 0)
    await p.act(
        CONSUMER,
        Action.SUBMIT_REPLY,
        reply="服务器日志只能证明邮件已发出，不能证明我收到了；我的邮箱里没有这封邮件。",
    )
    yield p.ago(113, 10, 0)
    await p.appoint("arbitrator")
    yield p.ago(112, 8, 40)
    await p.act(
        "arbitrator",
        Action.DECLARE_IMPARTIALITY,
        impartial=True,
        disclosures="与双方均无任何关系。曾在消费者杂志上发表过关于能源价格的一般性评论。",
    )
    yield p.ago(110, 11, 30)
    await p.act(
        "manager",
        Action.OBJECT_TO_NEUTRAL,
        reasons="The arbitrator criticised energy suppliers' pricing in a consumer magazine.",
    )
    yield p.ago(107, 14, 0)
    await p.act(
        "caseworker",
        Action.DECIDE_OBJECTION,
        upheld=False,
        reasons="The article is a general market commentary that names no supplier; it gives "
        "no reasonable doubt about the arbitrator's impartiality.",
    )
    yield p.ago(104, 10, 0)
    await p.act("caseworker", Action.COMPLETE_FILE)
    yield p.ago(34, 16, 0)
    await p.act(
        "arbitrator",
        Action.ISSUE_OUTCOME,
        summary="Northwind按原价格重新结算续约后的电费，并退还356欧元。",
        reasons="服务器日志只能证明邮件已发出，不能证明客户已收到；合同规定涨价须提前书面通知，"
        "未经有效通知的涨价不生效。",
        amount="356.00",
    )
    yield p.ago(31, 20, 0)
    await p.act(CONSUMER, Action.ACCEPT_OUTCOME, acknowledges_notice=True)
    yield p.ago(22, 11, 0)
    await p.act(
        "manager",
        Action.REJECT_OUTCOME,
        reasons="Our contract allows notice by e-mail and the server log proves it was sent. "
        "We will not refund the difference.",
    )


@story(MARIA, "Monthly instalment raised from €85 to €190 without explanation")
async def instalment_withdrawn(p: Play) -> AsyncIterator[datetime]:
    # Stage: withdrawn (Northwind fixed it while the case ran).
    yield p.ago(50, 18, 0)
    await p.file(
        "Northwind more than doubled my monthly instalment although my consumption fell.",
        "An instalment that matches my consumption, and a refund of the €630 overpaid.",
    )
    yield p.ago(49, 9, 15)
    await p.handle(ACKNOWLEDGED)
    yield p.ago(35, 10, 50)
    await p.handle(
        RESPONDED, "The new instalment reflects the price change and last year's consumption."
    )
    yield p.ago(25, 21, 30)
    await p.refer(Method.CONCILIATION, "630.00", "Northwind does not explain the calculation.")
    yield p.ago(22, 9, 10)
    await p.act("caseworker", Action.ACCEPT)
    yield p.ago(21, 19, 45)
    await p.consent()
    yield p.ago(8, 18, 20)
    await p.act(
        CONSUMER,
        Action.WITHDRAW,
        reason="Northwind reset the instalment to €95 after a new meter reading and refunded "
        "the difference; I no longer need the conciliation.",
    )

import { Suspense, useCallback, useEffect, useState } from "react";
import type { MouseEvent } from "react";
import { useClient, useQuery } from "urql";
import { ClockTable, WhoMustAct } from "../../components/Clocks";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import { Confirmation, Explained, SuccessBanner, SummaryList, Tag } from "../../design/patterns";
import {
  CaseFileDocument,
  CasePageDocument,
  type CaseAction,
  type CasePageQuery,
  type CaseRole,
} from "../../gql/graphql";
import { apiLocale, useI18n } from "../../i18n";
import { lazyNamed } from "../../lib/lazyPage";
import { NotFound } from "../NotFound";
import { ActionPanels, anchorFor, PANELS, type Done } from "./actions";
import { RecordTools } from "./records";
import { Documents } from "./Documents";
import { GroupPanel } from "./GroupPanel";
import { Fees } from "./Fees";
import { dutiesOf, myDeadline, rightsOf, whoMustAct } from "./duties";
import { Messages } from "./Messages";
import { Sessions } from "./Sessions";
import { useNames } from "../public/directoryText";
import { MethodExplained } from "./methods";
import { Offers } from "./Offers";
import { OutcomePanel } from "./OutcomePanel";
import { AutomatedDecisions } from "./AutomatedDecisions";
import { Timeline } from "./Timeline";
import type { StaffDone } from "./staffActions";

/** A case the viewer may see: `case` is null for a missing or foreign one (the page says
 * "not found"). */
export type CaseData = NonNullable<CasePageQuery["case"]>;

// The staff forms and the neutral's case file are in the staff chunk (pages/staff.ts), fetched
// only for a viewer with a staff role on this case: a complainant never downloads them. What
// each form offers still comes from the server's availableActions.
const StaffActionPanels = lazyNamed(() => import("../staff"), "StaffActionPanels");
const NeutralCaseFile = lazyNamed(() => import("../staff"), "NeutralCaseFile");
const StaffDoneNotice = lazyNamed(() => import("../staff"), "StaffDoneNotice");
const STAFF_ON_CASE: readonly CaseRole[] = ["ORGANISATION", "PROVIDER", "NEUTRAL", "AUDITOR", "ADMIN"];

/** A link the server names by its public URL, on the server this page came from. */
function sameOrigin(url: string): string {
  const parsed = new URL(url, location.href);
  return parsed.pathname + parsed.search + parsed.hash;
}

/** The heading an action's form starts with; a staff form names its section its own way: then
 * the first staff action's heading. */
function jumpTarget(anchor: string): HTMLElement | null {
  return document.getElementById(anchor) ?? document.querySelector<HTMLElement>(".parley-staff-action h2");
}

// A jump to a form that is not on the page yet: the staff forms are a chunk of their own
// (pages/staff.ts), fetched while the page already shows its next-step button. The jump is made
// when the form arrives, unless the person has moved on (focused something else) or left.
let waitingJump: (() => void) | null = null;

function cancelJump() {
  waitingJump?.();
  waitingJump = null;
}

/** Move to an action's form: open the folded section it is in, focus its heading. */
function jumpTo(anchor: string, event?: MouseEvent) {
  event?.preventDefault();
  cancelJump();
  const target = jumpTarget(anchor);
  if (target) {
    focusHeading(target);
    return;
  }
  const observer = new MutationObserver(() => {
    const arrived = jumpTarget(anchor);
    if (!arrived) return;
    cancelJump();
    focusHeading(arrived);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  document.addEventListener("focusin", cancelJump, { once: true });
  waitingJump = () => {
    observer.disconnect();
    document.removeEventListener("focusin", cancelJump);
  };
}

function focusHeading(target: HTMLElement) {
  if (!target.hasAttribute("tabindex")) target.tabIndex = -1;
  const folded = target.closest("details");
  if (folded) folded.open = true;
  target.focus();
  target.scrollIntoView({ block: "start" });
}

/** A folded section (GOV.UK details): the case page on a phone is its next step first, the
 * rest one tap away. */
function Folded({ title, children, open, testId }: { title: string; children: React.ReactNode; open?: boolean; testId?: string }) {
  return (
    <details className="govuk-details parley-fold" open={open} data-testid={testId}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{title}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}

/** One dispute, for anyone with a role on it: what the viewer must and may do comes from the
 * server (duties.ts), never from a copy of the rules here. Keyed by the case: nothing (an
 * error, a confirmation) follows to another case's page. */
export function CasePage({ id }: { id: string }) {
  const caseId = decodeURIComponent(id);
  return <CaseView key={caseId} caseId={caseId} />;
}

function CaseView({ caseId }: { caseId: string }) {
  const { t, label, date, money, locale } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CasePageDocument,
    variables: { id: caseId, language: apiLocale(locale) },
    requestPolicy: "cache-and-network",
  });
  const client = useClient();
  // A jump still waiting for its form ends with the page.
  useEffect(() => cancelJump, []);
  const [done, setDone] = useState<{ done: Done; count: number } | null>(null);
  // A staff step's banner or confirmation is the page's, not the forms': a step that ends the
  // viewer's part (a neutral's withdrawal) takes the case from them, and its confirmation
  // must outlive the forms (the refetch answers null).
  const [staffDone, setStaffDone] = useState<(StaffDone & { at: number }) | null>(null);
  const onStaffSuccess = useCallback((next: StaffDone) => setStaffDone({ ...next, at: Date.now() }), []);
  // After an action or a timeline event: the case, and its documents and messages (the
  // Documents and Messages sections watch the same query and get the fresh result).
  const refresh = useCallback(() => {
    refetch({ requestPolicy: "network-only" });
    void client.query(CaseFileDocument, { id: caseId }, { requestPolicy: "network-only" }).toPromise();
  }, [refetch, client, caseId]);
  const onDone = useCallback(
    (what?: Done) => {
      refresh();
      if (what) setDone((old) => ({ done: what, count: (old?.count ?? 0) + 1 }));
    },
    [refresh],
  );
  if (fetching && !data) return <Loading />;
  if (!data) return <RequestError error={error} />;
  // A case that does not exist and one the viewer may not see are alike: null, no error.
  if (!data.case) {
    if (!staffDone?.confirmation) return <NotFound />;
    return (
      <article className="parley-case" data-testid="case-left">
        <PageTitle caption={staffDone.reference} text={staffDone.title} />
        <Suspense fallback={<Loading />}>
          <StaffDoneNotice key={staffDone.at} done={staffDone} />
        </Suspense>
        <p className="govuk-body">
          <a className="govuk-link" href="/">
            {t("notFound.home")}
          </a>
        </p>
      </article>
    );
  }
  const item = data.case;
  const duties = dutiesOf(item);
  const rights = rightsOf(item);
  const first = duties[0];
  const deadline = myDeadline(item);
  // Rights with a form of their own here are folded below; the others (offers, review) sit
  // with what they answer.
  const foldedRights = rights.filter((action) => PANELS[action] && !duties.includes(action));
  return (
    <article className="parley-case">
      <PageTitle caption={item.reference} text={item.subject} />
      {done &&
        (done.done.receipt ? (
          <Confirmation key={done.count} title={done.done.title} reference={item.reference}>
            <p className="govuk-body">{done.done.next}</p>
          </Confirmation>
        ) : (
          <SuccessBanner key={done.count} title={done.done.title}>
            {done.done.next && <p className="govuk-body">{done.done.next}</p>}
          </SuccessBanner>
        ))}
      <p className="govuk-body">
        <Tag colour="blue" testId="case-stage">
          {label("stage", item.stage)}
        </Tag>{" "}
        {label("method", item.method)}
        {item.binding && ` · ${t("case.binding")}`}
      </p>

      <section aria-labelledby="next-heading" className="parley-next" data-testid="next-step">
        {first ? (
          <>
            <h2 id="next-heading" className="govuk-heading-m">
              <Tag colour="orange" testId="your-turn">
                {t("case.yourTurn")}
              </Tag>{" "}
              {label("duty", first)}
            </h2>
            {deadline && (
              <p className="govuk-body" data-testid="your-deadline">
                {t("case.yourDeadline", { date: date(deadline.dueAt) })}{" "}
                {deadline.overdue && <Tag colour="red">{t("clocks.overdue")}</Tag>}
              </p>
            )}
            <button
              type="button"
              className="govuk-button govuk-!-margin-bottom-2"
              data-testid="next-step-button"
              onClick={() => jumpTo(anchorFor(first))}
            >
              {label("dutyButton", first)}
            </button>
          </>
        ) : (
          <>
            <h2 id="next-heading" className="govuk-heading-m">
              {t("case.whatNext")}
            </h2>
            <p className="govuk-body">{t("case.nothingForYou")}</p>
          </>
        )}
        <p className="govuk-body">{label("stageNext", item.stage)}</p>
        {rights.length > 0 && (
          <div data-testid="you-may-also">
            <h3 className="govuk-heading-s">{t("case.youMayAlso")}</h3>
            <ul className="govuk-list govuk-list--bullet">
              {rights.map((action: CaseAction) => (
                <li key={action}>
                  <a className="govuk-link" href={`#${anchorFor(action)}`} onClick={(event) => jumpTo(anchorFor(action), event)}>
                    {label("right", action)}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <h3 className="govuk-heading-s">{t("case.whoMustAct")}</h3>
        <WhoMustAct clocks={item.clocks} duties={whoMustAct(item)} />
        {item.surveyUrl && (
          <p className="govuk-body">
            <a className="govuk-link" href={sameOrigin(item.surveyUrl)}>
              {t("case.takeSurvey")}
            </a>
          </p>
        )}
        <Explained summary={t("case.howMethodWorks", { method: label("method", item.method) })}>
          <MethodExplained method={item.method} fees={item.provider?.profile?.texts.fees} legalEffect={item.consentText} />
        </Explained>
      </section>

      {/* Issue 20: fees the case may wait on, and the waiver and payment forms. */}
      <Fees caseId={item.id} onDone={onDone} />
      {/* The neutral reads the file before any form (issue 16: the file was below them). */}
      {item.viewerRoles.includes("NEUTRAL") && (
        <Suspense fallback={<Loading />}>
          <NeutralCaseFile item={item} />
        </Suspense>
      )}
      <AutomatedDecisions caseId={item.id} recordLength={item.timelineHead?.sequence ?? 0} onDone={refresh} />
      <ActionPanels item={item} onDone={onDone} only={duties} />
      {item.viewerRoles.some((role) => STAFF_ON_CASE.includes(role)) && (
        <Suspense fallback={<Loading />}>
          {staffDone && <StaffDoneNotice key={staffDone.at} done={staffDone} />}
          <StaffActionPanels item={item} onDone={refresh} onSuccess={onStaffSuccess} />
        </Suspense>
      )}
      <OutcomePanel item={item} onDone={onDone} />
      <Offers item={item} onDone={onDone} />
      <GroupPanel caseId={item.id} recordLength={item.timelineHead.sequence} onDone={refresh} />
      {foldedRights.map((action) => (
        <Folded key={action} title={label("right", action)}>
          <ActionPanels item={item} onDone={onDone} only={[action]} />
        </Folded>
      ))}
      <Folded title={t("sessions.title")} testId="sessions-fold">
        <Sessions caseId={item.id} />
      </Folded>
      <Folded title={t("case.documentsFold")}>
        <Documents caseId={item.id} />
      </Folded>
      <Folded title={t("case.messagesFold")}>
        <Messages caseId={item.id} />
      </Folded>
      <RecordTools item={item} onDone={onDone} />
      <Folded title={t("timeline.title")}>
        <Timeline caseId={item.id} onEvent={refresh} clocks={item.clocks} known={item.timelineHead?.sequence} />
      </Folded>
      <Folded title={t("clocks.title")} testId="clocks-fold">
        <ClockTable clocks={item.clocks} />
      </Folded>
      <Folded title={t("case.facts")}>
        <CaseFacts item={item} money={money} />
      </Folded>
    </article>
  );
}

/** A consent as it is recorded (issue 15): who, when, and the legal-effect text in the
 * language it was shown in; a consent from before the screen showed that text says so. */
function ConsentRecord({ consent }: { consent: CaseData["consents"][number] }) {
  const { t, date } = useI18n();
  const names = useNames();
  return (
    <div data-testid="consent-record">
      <p className="govuk-body govuk-!-margin-bottom-2">
        {consent.givenBy?.displayName ?? ""} · {date(consent.givenAt)}
        {consent.consentsToBeBound ? ` · ${t("consent.bound")}` : ""}
      </p>
      <div className="govuk-inset-text govuk-!-margin-top-0">
        <p className="govuk-body parley-prose govuk-!-margin-bottom-0" lang={consent.language || undefined} data-testid="consent-record-text">
          {consent.legalEffect}
        </p>
        <p className="govuk-hint govuk-!-margin-top-1 govuk-!-margin-bottom-0">
          {consent.language
            ? t("consent.shownIn", { language: names.language(consent.language) })
            : t("consent.recordedNotShown")}
        </p>
      </div>
    </div>
  );
}

function CaseFacts({ item, money }: { item: CaseData; money(amount: string, currency: string): string }) {
  const { t, label, date } = useI18n();
  const rows = [
    { key: t("case.organisation"), value: item.organisation?.name ?? "—" },
    { key: t("case.provider"), value: item.provider?.name ?? "—" },
    ...(item.claimedAmount
      ? [{ key: t("case.claimedRow"), value: money(item.claimedAmount.amount, item.claimedAmount.currency) }]
      : []),
    { key: t("case.stageSinceRow"), value: date(item.stageChangedAt) },
    ...(item.neutralAppointment?.neutral
      ? [{ key: t("case.neutralRow"), value: item.neutralAppointment.neutral.displayName }]
      : []),
    { key: t("case.complainant"), value: item.complainant?.displayName ?? "—" },
    ...(item.representative ? [{ key: t("case.representative"), value: item.representative.displayName }] : []),
    { key: t("case.unresolvedReason"), value: item.unresolvedReason || "—" },
    ...(item.organisationPosition ? [{ key: t("case.organisationPosition"), value: item.organisationPosition }] : []),
    ...(item.complainantReply
      ? [{ key: t("case.reply"), value: `${item.complainantReply} (${date(item.repliedAt)})` }]
      : []),
    ...(item.declineGround
      ? [{ key: t("case.declined"), value: `${label("declineGround", item.declineGround)}: ${item.declineReasons ?? ""}` }]
      : []),
    ...item.consents.map((consent, index) => ({
      key: `${t("case.consentGiven")}${index ? ` (${index + 1})` : ""}`,
      value: <ConsentRecord consent={consent} />,
    })),
    ...(item.implementationEvidence
      ? [{ key: t("case.implementation"), value: `${item.implementationEvidence} (${date(item.implementedAt)})` }]
      : []),
    ...(item.escalatedAt
      ? [{ key: t("case.escalated"), value: `${item.escalationNote} (${date(item.escalatedAt)})` }]
      : []),
    ...(item.closureReason
      ? [{ key: t("case.closed"), value: `${label("closure", item.closureReason)} · ${date(item.closedAt)} ${item.closureNote ?? ""}` }]
      : []),
    ...(item.withdrawnBy
      ? [{ key: t("case.withdrawnBy"), value: `${label("side", item.withdrawnBy)}${item.withdrawalReason ? `: ${item.withdrawalReason}` : ""}` }]
      : []),
  ];
  return (
    <section aria-labelledby="facts-heading">
      <h2 id="facts-heading" className="govuk-heading-m">
        {t("case.facts")}
      </h2>
      <SummaryList rows={rows} />
    </section>
  );
}

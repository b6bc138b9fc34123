import { Suspense, useCallback } from "react";
import { useClient, useQuery } from "urql";
import { ClockTable, WhoMustAct } from "../../components/Clocks";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import { CaseFileDocument, CasePageDocument, type CasePageQuery, type CaseRole } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { lazyNamed } from "../../lib/lazyPage";
import { ActionPanels } from "./actions";
import { Documents } from "./Documents";
import { Messages } from "./Messages";
import { Offers } from "./Offers";
import { OutcomePanel } from "./OutcomePanel";
import { Timeline } from "./Timeline";

export type CaseData = CasePageQuery["case"];

// The staff forms and the neutral's case file are in the staff chunk (pages/staff.ts), fetched
// only for a viewer with a staff role on this case: a complainant never downloads them. What
// each form offers still comes from the server's availableActions.
const StaffActionPanels = lazyNamed(() => import("../staff"), "StaffActionPanels");
const NeutralCaseFile = lazyNamed(() => import("../staff"), "NeutralCaseFile");
const STAFF_ON_CASE: readonly CaseRole[] = ["ORGANISATION", "PROVIDER", "NEUTRAL", "AUDITOR", "ADMIN"];

/** A link the server names by its public URL, on the server this page came from. */
function sameOrigin(url: string): string {
  const parsed = new URL(url, location.href);
  return parsed.pathname + parsed.search + parsed.hash;
}

/** One dispute, for anyone with a role on it: what the viewer may do comes from the server
 * (`availableActions`, by the transition table), never from a copy of the rules here. */
export function CasePage({ id }: { id: string }) {
  const caseId = decodeURIComponent(id);
  const { t, label, dateTime, money } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CasePageDocument,
    variables: { id: caseId },
    requestPolicy: "cache-and-network",
  });
  const client = useClient();
  // After an action or a timeline event: the case, and its documents and messages (the
  // Documents and Messages sections watch the same query and get the fresh result).
  const refresh = useCallback(() => {
    refetch({ requestPolicy: "network-only" });
    void client.query(CaseFileDocument, { id: caseId }, { requestPolicy: "network-only" }).toPromise();
  }, [refetch, client, caseId]);
  if (fetching && !data) return <Loading />;
  if (!data) return <RequestError error={error} />;
  const item = data.case;
  return (
    <article className="case-page">
      <header className="case-header">
        <PageTitle text={`${item.reference}: ${item.subject}`} />
        <p>
          <span className="badge" data-testid="case-stage">
            {label("stage", item.stage)}
          </span>{" "}
          {label("method", item.method)}
          {item.binding && ` · ${t("case.binding")}`} · {item.organisation?.name} ·{" "}
          {item.provider?.name}
          {item.claimedAmount &&
            ` · ${t("case.claimed", { amount: money(item.claimedAmount.amount, item.claimedAmount.currency) })}`}
        </p>
        <p className="muted">
          {t("case.stageSince", { date: dateTime(item.stageChangedAt) })}
          {item.neutralAppointment?.neutral &&
            ` · ${t("case.neutral", { name: item.neutralAppointment.neutral.displayName })}`}
        </p>
      </header>

      <section aria-labelledby="next-heading" className="panel next-steps">
        <h2 id="next-heading">{t("case.whatNext")}</h2>
        <p>{label("stageNext", item.stage)}</p>
        <h3>{t("case.whoMustAct")}</h3>
        <WhoMustAct clocks={item.clocks} />
        {item.availableActions.length > 0 ? (
          <p className="your-turn">
            {t("case.youMay")}{" "}
            {item.availableActions.map((action) => label("action", action)).join(" · ")}
          </p>
        ) : (
          <p>{t("case.nothingForYou")}</p>
        )}
        {item.surveyUrl && (
          <p>
            <a href={sameOrigin(item.surveyUrl)}>{t("case.takeSurvey")}</a>
          </p>
        )}
      </section>

      <ActionPanels item={item} onDone={refresh} />
      {item.viewerRoles.some((role) => STAFF_ON_CASE.includes(role)) && (
        <Suspense fallback={<Loading />}>
          <StaffActionPanels item={item} onDone={refresh} />
          {item.viewerRoles.includes("NEUTRAL") && <NeutralCaseFile item={item} />}
        </Suspense>
      )}
      <OutcomePanel item={item} onDone={refresh} />
      <Offers item={item} onDone={refresh} />
      <Documents caseId={item.id} />
      <Messages caseId={item.id} />
      <Timeline caseId={item.id} onEvent={refresh} />
      <section aria-labelledby="clocks-heading" className="panel">
        <h2 id="clocks-heading">{t("clocks.title")}</h2>
        <ClockTable clocks={item.clocks} />
      </section>
      <CaseFacts item={item} />
    </article>
  );
}

function CaseFacts({ item }: { item: CaseData }) {
  const { t, label, dateTime } = useI18n();
  return (
    <section aria-labelledby="facts-heading" className="panel">
      <h2 id="facts-heading">{t("case.facts")}</h2>
      <dl className="facts">
        <dt>{t("case.complainant")}</dt>
        <dd>{item.complainant?.displayName ?? "—"}</dd>
        {item.representative && (
          <>
            <dt>{t("case.representative")}</dt>
            <dd>{item.representative.displayName}</dd>
          </>
        )}
        <dt>{t("case.unresolvedReason")}</dt>
        <dd>{item.unresolvedReason || "—"}</dd>
        {item.organisationPosition && (
          <>
            <dt>{t("case.organisationPosition")}</dt>
            <dd>{item.organisationPosition}</dd>
          </>
        )}
        {item.declineGround && (
          <>
            <dt>{t("case.declined")}</dt>
            <dd>
              {label("declineGround", item.declineGround)}: {item.declineReasons}
            </dd>
          </>
        )}
        {item.consents.map((consent) => (
          <div key={consent.givenAt} className="fact-pair">
            <dt>{t("case.consentGiven")}</dt>
            <dd>
              {consent.givenBy?.displayName} · {dateTime(consent.givenAt)}
              {consent.consentsToBeBound && ` · ${t("consent.bound")}`}
            </dd>
          </div>
        ))}
        {item.implementationEvidence && (
          <>
            <dt>{t("case.implementation")}</dt>
            <dd>
              {item.implementationEvidence} ({dateTime(item.implementedAt)})
            </dd>
          </>
        )}
        {item.closureReason && (
          <>
            <dt>{t("case.closed")}</dt>
            <dd>
              {label("closure", item.closureReason)} · {dateTime(item.closedAt)} {item.closureNote}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

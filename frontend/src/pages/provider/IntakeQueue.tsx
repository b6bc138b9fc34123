import { useCallback } from "react";
import { Link } from "wouter";
import { useQuery } from "urql";
import { WhoMustAct } from "../../components/Clocks";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import { CasesDocument, type CaseAction, type CaseSummaryFragment } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { useAuth } from "../../lib/auth";
import { StaffActionPanels } from "../case/staffActions";

const INTAKE: readonly CaseAction[] = ["ACCEPT", "DECLINE"];
const APPOINT: readonly CaseAction[] = ["APPOINT_NEUTRAL"];

/** A provider's caseworkers: new referrals to accept or decline on a ground, and accepted cases
 * waiting for a neutral. Which case is in which list is the server's `availableActions`. */
export function IntakeQueue() {
  const { t } = useI18n();
  const { viewer } = useAuth();
  const providers = (viewer?.roles ?? []).flatMap((membership) => (membership.provider ? [membership.provider] : []));
  const [referred, refetchReferred] = useQuery({
    query: CasesDocument,
    variables: { first: 100, filter: { stage: "REFERRED" } },
    requestPolicy: "cache-and-network",
  });
  const [open, refetchOpen] = useQuery({
    query: CasesDocument,
    variables: { first: 100 },
    requestPolicy: "cache-and-network",
  });
  const refresh = useCallback(() => {
    refetchReferred({ requestPolicy: "network-only" });
    refetchOpen({ requestPolicy: "network-only" });
  }, [refetchReferred, refetchOpen]);
  const toDecide = (referred.data?.cases.edges ?? [])
    .map((edge) => edge.node)
    .filter((item) => item.availableActions.some((a) => INTAKE.includes(a)));
  const toAppoint = (open.data?.cases.edges ?? [])
    .map((edge) => edge.node)
    .filter((item) => item.availableActions.includes("APPOINT_NEUTRAL"));
  return (
    <section>
      <PageTitle text={t("intake.title")} />
      {providers.slice(0, 1).map((provider) => (
        <p key={provider.id}>
          <Link href={`/transparency/${encodeURIComponent(provider.slug)}`}>{t("transparency.link")}</Link>
        </p>
      ))}
      <section aria-labelledby="referrals-heading">
        <h2 id="referrals-heading">{t("intake.referrals", { count: toDecide.length })}</h2>
        {referred.fetching && !referred.data && <Loading />}
        <RequestError error={referred.error} />
        {referred.data && toDecide.length === 0 && <p>{t("intake.noReferrals")}</p>}
        <QueueCards cases={toDecide} actions={INTAKE} onDone={refresh} />
      </section>
      <section aria-labelledby="appoint-heading">
        <h2 id="appoint-heading">{t("intake.awaitingNeutral", { count: toAppoint.length })}</h2>
        {open.fetching && !open.data && <Loading />}
        <RequestError error={open.error} />
        {open.data && toAppoint.length === 0 && <p>{t("intake.noneAwaitingNeutral")}</p>}
        <QueueCards cases={toAppoint} actions={APPOINT} onDone={refresh} />
      </section>
    </section>
  );
}

function QueueCards({
  cases,
  actions,
  onDone,
}: {
  cases: readonly CaseSummaryFragment[];
  actions: readonly CaseAction[];
  onDone(): void;
}) {
  const { t, label, date, money } = useI18n();
  return (
    <ul className="cards">
      {cases.map((item) => (
        <li key={item.id} className="card queue-card">
          <h3>
            <Link href={`/cases/${encodeURIComponent(item.id)}`}>
              {item.reference}: {item.subject}
            </Link>
          </h3>
          <p>
            <span className="badge">{label("stage", item.stage)}</span> {label("method", item.method)} ·{" "}
            {item.organisation?.name}
            {item.claimedAmount && ` · ${money(item.claimedAmount.amount, item.claimedAmount.currency)}`}
          </p>
          <p className="muted">{t("disputes.opened", { date: date(item.createdAt) })}</p>
          <WhoMustAct clocks={item.clocks} />
          <div className="queue-actions">
            <StaffActionPanels item={item} onDone={onDone} only={actions} />
          </div>
        </li>
      ))}
    </ul>
  );
}

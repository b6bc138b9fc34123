import { useCallback, useState } from "react";
import { Link } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import type { CaseAction, ResponsibleParty } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { useAuth } from "../../lib/auth";
import { StaffActionPanels, StaffDoneNotice, type StaffDone } from "../case/staffActions";
import { useStaffCases } from "../due";
import { StaffCaseCards } from "../StaffCaseCards";

const INTAKE: readonly CaseAction[] = ["ACCEPT", "DECLINE"];
const APPOINT: readonly CaseAction[] = ["APPOINT_NEUTRAL"];
const OURS: readonly ResponsibleParty[] = ["PROVIDER"];

/** A provider's caseworkers: new referrals to accept or decline on a ground, and accepted cases
 * waiting for a neutral, each list soonest due first with whose delay it is (pages/due.ts).
 * Which case is in which list is the server's `availableActions`. */
export function IntakeQueue() {
  const { t } = useI18n();
  const { viewer } = useAuth();
  const providers = (viewer?.roles ?? []).flatMap((membership) => (membership.provider ? [membership.provider] : []));
  const referred = useStaffCases({ stage: "REFERRED" });
  const open = useStaffCases({});
  const [done, setDone] = useState<(StaffDone & { at: number }) | null>(null);
  const { refetch: refetchReferred } = referred;
  const { refetch: refetchOpen } = open;
  const refresh = useCallback(() => {
    refetchReferred({ requestPolicy: "network-only" });
    refetchOpen({ requestPolicy: "network-only" });
  }, [refetchReferred, refetchOpen]);
  const onSuccess = useCallback((next: StaffDone) => setDone({ ...next, at: Date.now() }), []);
  const toDecide = referred.cases.filter((item) => item.availableActions.some((a) => INTAKE.includes(a)));
  const toAppoint = open.cases.filter((item) => item.availableActions.includes("APPOINT_NEUTRAL"));
  return (
    <>
      <PageTitle text={t("intake.title")} />
      {done && <StaffDoneNotice key={done.at} done={done} />}
      <p className="govuk-body">{t("intake.intro")}</p>
      {providers.slice(0, 1).map((provider) => (
        <p key={provider.id} className="govuk-body">
          <Link href={`/transparency/${encodeURIComponent(provider.slug)}`} className="govuk-link">
            {t("transparency.link")}
          </Link>
        </p>
      ))}
      <section aria-labelledby="referrals-heading" className="parley-section">
        <h2 id="referrals-heading" className="govuk-heading-l">
          {t("intake.referrals", { count: toDecide.length })}
        </h2>
        {referred.fetching && !referred.data && <Loading />}
        <RequestError error={referred.error} />
        {referred.data && toDecide.length === 0 && <p className="govuk-body">{t("intake.noReferrals")}</p>}
        <StaffCaseCards
          cases={toDecide}
          ours={OURS}
          headingLevel={3}
          extra={(item) => <StaffActionPanels item={item} onDone={refresh} only={INTAKE} onSuccess={onSuccess} />}
        />
      </section>
      <section aria-labelledby="appoint-heading" className="parley-section">
        <h2 id="appoint-heading" className="govuk-heading-l">
          {t("intake.awaitingNeutral", { count: toAppoint.length })}
        </h2>
        {open.fetching && !open.data && <Loading />}
        <RequestError error={open.error} />
        {open.data && toAppoint.length === 0 && <p className="govuk-body">{t("intake.noneAwaitingNeutral")}</p>}
        <StaffCaseCards
          cases={toAppoint}
          ours={OURS}
          headingLevel={3}
          extra={(item) => <StaffActionPanels item={item} onDone={refresh} only={APPOINT} onSuccess={onSuccess} />}
        />
      </section>
    </>
  );
}

import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import type { ResponsibleParty } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { useStaffCases, waitsOnViewer } from "../due";
import { StaffCaseCards } from "../StaffCaseCards";

const OURS: readonly ResponsibleParty[] = ["NEUTRAL"];

/** The cases a neutral is appointed to (the server lists only those): those waiting for them
 * first, each list soonest due first with whose delay it is (pages/due.ts). */
export function AssignedCases() {
  const { t } = useI18n();
  const { cases: all, data, fetching, error } = useStaffCases({});
  const cases = all.filter((item) => item.viewerRoles.includes("NEUTRAL"));
  const waiting = cases.filter((item) => waitsOnViewer(item));
  const others = cases.filter((item) => !waitsOnViewer(item));
  return (
    <>
      <PageTitle text={t("assigned.title")} />
      <p className="govuk-body">{t("assigned.intro")}</p>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && cases.length === 0 && <p className="govuk-body">{t("assigned.none")}</p>}
      {waiting.length > 0 && (
        <section aria-labelledby="assigned-waiting" className="parley-section">
          <h2 id="assigned-waiting" className="govuk-heading-l">
            {t("assigned.waiting", { count: waiting.length })}
          </h2>
          <StaffCaseCards cases={waiting} ours={OURS} headingLevel={3} />
        </section>
      )}
      {others.length > 0 && (
        <section aria-labelledby="assigned-others" className="parley-section">
          <h2 id="assigned-others" className="govuk-heading-l">
            {t("assigned.others", { count: others.length })}
          </h2>
          <StaffCaseCards cases={others} ours={OURS} headingLevel={3} />
        </section>
      )}
    </>
  );
}

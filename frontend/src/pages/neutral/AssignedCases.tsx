import { useQuery } from "urql";
import { CaseCards } from "../../components/CaseCards";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import { CasesDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";

/** The cases a neutral is appointed to (the server lists only those), those awaiting them first. */
export function AssignedCases() {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: CasesDocument,
    variables: { first: 100 },
    requestPolicy: "cache-and-network",
  });
  const cases = (data?.cases.edges.map((edge) => edge.node) ?? []).filter((item) =>
    item.viewerRoles.includes("NEUTRAL"),
  );
  const waiting = cases.filter((item) => item.availableActions.length > 0);
  const others = cases.filter((item) => item.availableActions.length === 0);
  return (
    <section>
      <PageTitle text={t("assigned.title")} />
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && cases.length === 0 && <p>{t("assigned.none")}</p>}
      {waiting.length > 0 && (
        <section aria-labelledby="assigned-waiting">
          <h2 id="assigned-waiting">{t("assigned.waiting", { count: waiting.length })}</h2>
          <CaseCards cases={waiting} />
        </section>
      )}
      {others.length > 0 && (
        <section aria-labelledby="assigned-others">
          <h2 id="assigned-others">{t("assigned.others", { count: others.length })}</h2>
          <CaseCards cases={others} />
        </section>
      )}
    </section>
  );
}

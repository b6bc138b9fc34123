import { useState } from "react";
import { useQuery } from "urql";
import { CaseCards } from "../components/CaseCards";
import { PageTitle } from "../components/PageTitle";
import { Loading, RequestError } from "../components/Status";
import { CasesDocument, type CaseStage } from "../gql/graphql";
import { useI18n } from "../i18n";

const STAGES: CaseStage[] = [
  "REFERRED",
  "DECLINED",
  "ACCEPTED",
  "AWAITING_RESPONSE",
  "FILE_REVIEW",
  "IN_RESOLUTION",
  "OUTCOME_PROPOSED",
  "UNDER_REVIEW",
  "IMPLEMENTATION",
  "CLOSED",
  "WITHDRAWN",
];

/** Every case the viewer may see (the server's policy decides which), with filters: the
 * starting point for staff until their own pages take over. */
export function CaseList() {
  const { t, label } = useI18n();
  const [stage, setStage] = useState<CaseStage | "">("");
  const [overdue, setOverdue] = useState(false);
  const [search, setSearch] = useState("");
  const [{ data, fetching, error }] = useQuery({
    query: CasesDocument,
    variables: {
      first: 50,
      filter: { stage: stage || null, overdue: overdue || null, search: search.trim() || null },
    },
    requestPolicy: "cache-and-network",
  });
  const cases = data?.cases.edges.map((edge) => edge.node) ?? [];
  return (
    <section>
      <PageTitle text={t("cases.title")} />
      <form className="row" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t("cases.search")}
          <input type="search" maxLength={100} value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label>
          {t("cases.stage")}
          <select value={stage} onChange={(e) => setStage(e.target.value as CaseStage | "")}>
            <option value="">{t("cases.anyStage")}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {label("stage", s)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
          {t("cases.overdueOnly")}
        </label>
      </form>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && cases.length === 0 && <p>{t("cases.none")}</p>}
      <CaseCards cases={cases} />
    </section>
  );
}

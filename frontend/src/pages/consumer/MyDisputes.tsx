import { useQuery } from "urql";
import { Link } from "wouter";
import { CaseCards } from "../../components/CaseCards";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import { CasesDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";

export function MyDisputes() {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: CasesDocument,
    variables: { first: 50 },
    requestPolicy: "cache-and-network",
  });
  const cases = data?.cases.edges.map((edge) => edge.node) ?? [];
  return (
    <section>
      <PageTitle text={t("disputes.title")} />
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && cases.length === 0 && (
        <p className="govuk-body">
          {t("disputes.none")}{" "}
          <Link href="/complaints" className="govuk-link">{t("disputes.fromComplaints")}</Link>
        </p>
      )}
      <CaseCards cases={cases} />
    </section>
  );
}

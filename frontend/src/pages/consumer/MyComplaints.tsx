import { useQuery } from "urql";
import { Link } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import { Tag } from "../../design/patterns";
import { MyComplaintsDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";

export function MyComplaints() {
  const { t, label, date } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: MyComplaintsDocument,
    variables: { first: 50 },
    requestPolicy: "cache-and-network",
  });
  const complaints = data?.complaints.edges.map((edge) => edge.node) ?? [];
  return (
    <section>
      <PageTitle text={t("complaints.title")} />
      <p className="govuk-body">
        <Link href="/complaints/new" className="govuk-button" role="button">
          {t("nav.fileComplaint")}
        </Link>
      </p>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && complaints.length === 0 && <p className="govuk-body">{t("complaints.none")}</p>}
      <ul className="parley-cards">
        {complaints.map((item) => (
          <li key={item.id} className="parley-card card">
            <h2 className="govuk-heading-s">
              {item.reference}: {item.subject}
            </h2>
            <p className="govuk-body">
              <Tag colour="blue">{label("complaintStatus", item.status)}</Tag>{" "}
              {item.organisation?.name} · {t("complaints.received", { date: date(item.receivedAt) })}
            </p>
            {item.response && (
              <p className="govuk-body parley-prose">
                <strong>{t("complaints.response")}</strong> {item.response}
              </p>
            )}
            {item.dispute ? (
              <p className="govuk-body">
                <Link className="govuk-link" href={`/cases/${encodeURIComponent(item.dispute.id)}`}>
                  {t("complaints.openDispute", { reference: item.dispute.reference })}
                </Link>
              </p>
            ) : (
              <p className="govuk-body">
                <Link className="govuk-link" href={`/complaints/${encodeURIComponent(item.id)}/escalate`}>
                  {t("complaints.escalate")}
                </Link>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

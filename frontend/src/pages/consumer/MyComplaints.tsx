import { useQuery } from "urql";
import { Link } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
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
      <p>
        <Link href="/complaints/new" className="button">
          {t("nav.fileComplaint")}
        </Link>
      </p>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && complaints.length === 0 && <p>{t("complaints.none")}</p>}
      <ul className="cards">
        {complaints.map((item) => (
          <li key={item.id} className="card">
            <h2>
              {item.reference}: {item.subject}
            </h2>
            <p>
              <span className="badge">{label("complaintStatus", item.status)}</span>{" "}
              {item.organisation?.name} · {t("complaints.received", { date: date(item.receivedAt) })}
            </p>
            {item.response && (
              <p>
                <strong>{t("complaints.response")}</strong> {item.response}
              </p>
            )}
            {item.dispute ? (
              <p>
                <Link href={`/cases/${encodeURIComponent(item.dispute.id)}`}>
                  {t("complaints.openDispute", { reference: item.dispute.reference })}
                </Link>
              </p>
            ) : (
              <p>
                <Link href={`/complaints/${encodeURIComponent(item.id)}/escalate`}>
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

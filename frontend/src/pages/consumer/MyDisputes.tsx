import { useQuery } from "urql";
import { Link } from "wouter";
import { WhoMustAct } from "../../components/Clocks";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import { CasesDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";

export function MyDisputes() {
  const { t, label, date, money } = useI18n();
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
        <p>
          {t("disputes.none")} <Link href="/complaints">{t("disputes.fromComplaints")}</Link>
        </p>
      )}
      <ul className="cards">
        {cases.map((item) => (
          <li key={item.id} className="card">
            <h2>
              <Link href={`/cases/${encodeURIComponent(item.id)}`}>
                {item.reference}: {item.subject}
              </Link>
            </h2>
            <p>
              <span className="badge">{label("stage", item.stage)}</span>{" "}
              {label("method", item.method)} · {item.organisation?.name} · {item.provider?.name}
              {item.claimedAmount &&
                ` · ${money(item.claimedAmount.amount, item.claimedAmount.currency)}`}
            </p>
            <p className="muted">{t("disputes.opened", { date: date(item.createdAt) })}</p>
            {item.unreadMessageCount > 0 && (
              <p>{t("disputes.unread", { count: item.unreadMessageCount })}</p>
            )}
            {item.availableActions.length > 0 && (
              <p className="your-turn">{t("disputes.yourTurn")}</p>
            )}
            <WhoMustAct clocks={item.clocks} />
          </li>
        ))}
      </ul>
    </section>
  );
}

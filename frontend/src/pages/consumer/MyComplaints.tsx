import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { Link } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError, UserErrors, type UserErrorLike } from "../../components/Status";
import { SuccessBanner, SummaryList, Tag } from "../../design/patterns";
import { ConfirmComplaintDocument, MyComplaintsDocument, type MyComplaintsQuery } from "../../gql/graphql";
import { useI18n } from "../../i18n";

type Item = MyComplaintsQuery["complaints"]["edges"][number]["node"];

/** A consumer's complaints: each with the organisation's answer (its decision and text, ISO
 * 10002 7.7) and, while the server offers it (REFER), the way to dispute resolution, which the
 * answer's mail links to as well (EU ADR Art. 13). */
export function MyComplaints() {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MyComplaintsDocument,
    variables: { first: 50 },
    requestPolicy: "cache-and-network",
  });
  const [done, setDone] = useState<{ title: string; count: number } | null>(null);
  const complaints = data?.complaints.edges.map((edge) => edge.node) ?? [];
  const onDone = (title: string) => {
    setDone((old) => ({ title, count: (old?.count ?? 0) + 1 }));
    refetch({ requestPolicy: "network-only" });
  };
  return (
    <section>
      <PageTitle text={t("complaints.title")} />
      {done && <SuccessBanner key={done.count} title={done.title} />}
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
          <ComplaintCard key={item.id} item={item} onDone={onDone} />
        ))}
      </ul>
    </section>
  );
}

function ComplaintCard({ item, onDone }: { item: Item; onDone(title: string): void }) {
  const { t, label, date } = useI18n();
  const may = (action: Item["availableActions"][number]) => item.availableActions.includes(action);
  return (
    <li className="parley-card card" data-testid="my-complaint" data-reference={item.reference}>
      <h2 className="govuk-heading-s">
        {item.reference}: {item.subject}
      </h2>
      <p className="govuk-body">
        <Tag colour="blue">{label("complaintStatus", item.status)}</Tag>{" "}
        {item.organisation?.name} · {t("complaints.received", { date: date(item.receivedAt) })}
      </p>
      {may("CONFIRM") && <Confirm item={item} onDone={onDone} />}
      {item.respondedAt && (
        <div data-testid="complaint-answer">
          <h3 className="govuk-heading-s">{t("complaints.answerHeading", { date: date(item.respondedAt) })}</h3>
          <SummaryList
            rows={[
              ...(item.decision ? [{ key: t("complaints.decision"), value: label("complaintDecision", item.decision) }] : []),
              { key: t("complaints.response"), value: <span className="parley-prose">{item.response}</span> },
            ]}
          />
        </div>
      )}
      {item.dispute ? (
        <p className="govuk-body">
          <Link className="govuk-link" href={`/cases/${encodeURIComponent(item.dispute.id)}`}>
            {t("complaints.openDispute", { reference: item.dispute.reference })}
          </Link>
        </p>
      ) : (
        may("REFER") && (
          <div data-testid="dispute-route">
            {item.decision && item.decision !== "UPHELD" && (
              <p className="govuk-body">{t("complaints.notResolvedRoute")}</p>
            )}
            <p className="govuk-body">
              <Link className="govuk-link" href={`/complaints/${encodeURIComponent(item.id)}/escalate`}>
                {t("complaints.escalate")}
              </Link>
            </p>
          </div>
        )
      )}
    </li>
  );
}

/** A complaint an agent recorded for the complainant: theirs once they confirm it. */
function Confirm({ item, onDone }: { item: Item; onDone(title: string): void }) {
  const { t } = useI18n();
  const [result, confirm] = useMutation(ConfirmComplaintDocument);
  const [refused, setRefused] = useState<readonly UserErrorLike[]>([]);
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body">{t("complaints.confirmIntro", { organisation: item.organisation?.name ?? "" })}</p>
      <UserErrors errors={refused} />
      <RequestError error={result.error} />
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        disabled={result.fetching}
        aria-disabled={result.fetching || undefined}
        onClick={async () => {
          const answer = await confirm({ complaintId: item.id });
          const payload = answer.data?.confirmComplaint;
          setRefused(payload?.userErrors ?? []);
          if (payload?.complaint) onDone(t("complaints.confirmed", { reference: item.reference }));
        }}
      >
        {t("complaints.confirm")}
      </button>
    </div>
  );
}

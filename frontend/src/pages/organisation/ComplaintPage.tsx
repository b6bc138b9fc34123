import { useState } from "react";
import { Link } from "wouter";
import { useMutation, useQuery } from "urql";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError, UserErrors, useDescribeUserError, type UserErrorLike } from "../../components/Status";
import { FormShell, SubmitButton, Textarea, useForm } from "../../design/forms";
import { LIMITS } from "../../design/limits";
import { SuccessBanner, SummaryList, Tag } from "../../design/patterns";
import {
  AcknowledgeComplaintDocument,
  HandledComplaintDocument,
  type HandledComplaintFieldsFragment,
  RespondToComplaintDocument,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";

/** One complaint as the organisation's staff handle it (ISO 10002): acknowledge its receipt
 * (7.4), then send the response (7.7). The server decides which step a complaint may take
 * (portal/complaints/services.py) and refuses any other with a userError. */
export function ComplaintPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: HandledComplaintDocument,
    variables: { id },
    requestPolicy: "cache-and-network",
  });
  const [done, setDone] = useState<string | null>(null);
  const complaint = data?.node && "reference" in data.node ? (data.node as HandledComplaintFieldsFragment) : null;
  const finish = (message: string) => {
    setDone(message);
    refetch({ requestPolicy: "network-only" });
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link href="/organisation/inbox" className="govuk-back-link">
          {t("complaintPage.back")}
        </Link>
        <PageTitle text={complaint?.subject ?? t("complaintPage.title")} caption={complaint?.reference} />
        {done && <SuccessBanner title={done} />}
        {fetching && !data && <Loading />}
        <RequestError error={error} />
        {data && !complaint && <p className="govuk-body">{t("complaintPage.notFound")}</p>}
        {complaint && <Body complaint={complaint} onDone={finish} />}
      </div>
    </div>
  );
}

function Body({ complaint, onDone }: { complaint: HandledComplaintFieldsFragment; onDone(message: string): void }) {
  const { t, label, dateTime } = useI18n();
  return (
    <>
      <SummaryList
        rows={[
          {
            key: t("inbox.status"),
            value: (
              <span data-testid="complaint-status">
                <Tag colour="grey">{label("complaintStatus", complaint.status)}</Tag>
              </span>
            ),
          },
          { key: t("complaintPage.complainant"), value: complaint.complainant?.displayName ?? "—" },
          { key: t("inbox.received"), value: dateTime(complaint.receivedAt) },
          { key: t("complaintPage.description"), value: complaint.description },
          { key: t("complaintPage.remedy"), value: complaint.remedySought || "—" },
          ...(complaint.acknowledgedAt ? [{ key: t("complaintPage.acknowledgedAt"), value: dateTime(complaint.acknowledgedAt) }] : []),
          ...(complaint.respondedAt
            ? [
                { key: t("complaintPage.respondedAt"), value: dateTime(complaint.respondedAt) },
                { key: t("complaintPage.response"), value: complaint.response },
              ]
            : []),
        ]}
      />
      {complaint.dispute && (
        <p className="govuk-body">
          <Link href={`/cases/${encodeURIComponent(complaint.dispute.id)}`} className="govuk-link">
            {t("complaintPage.dispute", { reference: complaint.dispute.reference })}
          </Link>
        </p>
      )}
      {complaint.status === "RECEIVED" && <Acknowledge complaint={complaint} onDone={onDone} />}
      {(complaint.status === "ACKNOWLEDGED" || complaint.status === "ASSESSED") && (
        <Respond complaint={complaint} onDone={onDone} />
      )}
    </>
  );
}

function Acknowledge({ complaint, onDone }: { complaint: HandledComplaintFieldsFragment; onDone(message: string): void }) {
  const { t } = useI18n();
  const [result, acknowledge] = useMutation(AcknowledgeComplaintDocument);
  const [refused, setRefused] = useState<readonly UserErrorLike[]>([]);
  return (
    <>
      <h2 className="govuk-heading-m">{t("complaintPage.acknowledgeHeading")}</h2>
      <p className="govuk-body">{t("complaintPage.acknowledgeIntro")}</p>
      <UserErrors errors={refused} />
      <RequestError error={result.error} />
      <button
        type="button"
        className="govuk-button"
        disabled={result.fetching}
        onClick={async () => {
          const answer = await acknowledge({ complaintId: complaint.id });
          const payload = answer.data?.acknowledgeComplaint;
          if (payload?.complaint) onDone(t("complaintPage.acknowledged"));
          else setRefused(payload?.userErrors ?? []);
        }}
      >
        {t("complaintPage.acknowledge")}
      </button>
    </>
  );
}

function Respond({ complaint, onDone }: { complaint: HandledComplaintFieldsFragment; onDone(message: string): void }) {
  const { t } = useI18n();
  const describe = useDescribeUserError();
  const [result, respond] = useMutation(RespondToComplaintDocument);
  const form = useForm({
    id: `respond-${complaint.id}`,
    draft: true,
    fields: { response: { label: t("complaintPage.responseLabel"), initial: "", required: true, maxLength: LIMITS.text } },
  });
  return (
    <>
      <h2 className="govuk-heading-m">{t("complaintPage.respondHeading")}</h2>
      <FormShell
        form={form}
        onSubmit={form.onSubmit(async (values) => {
          const answer = await respond({ complaintId: complaint.id, response: values.response });
          const payload = answer.data?.respondToComplaint;
          if (payload?.complaint) {
            form.reset();
            onDone(t("complaintPage.responded"));
            return [];
          }
          if (payload) return form.fromUserErrors(payload.userErrors, describe);
          return [{ field: "", message: t("complaintPage.notSent") }];
        })}
      >
        <Textarea bound={form.bind("response")} hint={t("complaintPage.responseHint")} />
        <RequestError error={result.error} />
        <SubmitButton busy={result.fetching}>{t("complaintPage.respond")}</SubmitButton>
      </FormShell>
    </>
  );
}

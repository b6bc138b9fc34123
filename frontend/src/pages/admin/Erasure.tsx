import { useRef, useState } from "react";
import { useMutation, useQuery } from "urql";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError, useDescribeUserError } from "../../components/Status";
import { FormShell, Textarea, useForm } from "../../design/forms";
import { SuccessBanner, SummaryList } from "../../design/patterns";
import { AdminErasureRequestsDocument, type AdminErasureRequestsQuery, DecideErasureDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { ErasureRequestSummary } from "../account/YourData";
import { AdminMenu } from "./common";

type Request = AdminErasureRequestsQuery["erasureRequests"][number];
const REASONS_LIMIT = 20_000;

/** `/admin/erasure`: people's erasure requests (GDPR Art. 17), undecided first, each with its
 * legal holds; an admin grants (refused by the server while a hold stands) or refuses, with
 * reasons the person is mailed. */
export function AdminErasureRequests() {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: AdminErasureRequestsDocument,
    requestPolicy: "cache-and-network",
  });
  const [decided, setDecided] = useState(false);
  const requests = data?.erasureRequests ?? [];
  return (
    <>
      <PageTitle text={t("privacy.admin.title")} caption={t("admin.caption")} />
      <AdminMenu current="erasure" />
      <p className="govuk-body">{t("privacy.admin.intro")}</p>
      {decided ? <SuccessBanner title={t("privacy.admin.decided")} /> : null}
      <RequestError error={error} />
      {fetching && !data ? <Loading /> : null}
      {data && requests.length === 0 ? <p className="govuk-body">{t("privacy.admin.none")}</p> : null}
      {requests.map((request) => (
        <ErasureRequestCard
          key={request.id}
          request={request}
          onDecided={() => {
            setDecided(true);
            refetch({ requestPolicy: "network-only" });
          }}
        />
      ))}
    </>
  );
}

function ErasureRequestCard({ request, onDecided }: { request: Request; onDecided(): void }) {
  const { t } = useI18n();
  const heading = `erasure-${request.id}-heading`;
  const open = request.status === "PENDING" || request.status === "HELD";
  return (
    <section aria-labelledby={heading} className="govuk-!-margin-bottom-8" data-testid="erasure-request">
      <h2 id={heading} className="govuk-heading-m">
        {request.personName || request.personEmail}
      </h2>
      <SummaryList
        rows={[
          { key: t("privacy.admin.person"), value: request.personEmail },
          ...(request.onPaper ? [{ key: t("privacy.admin.onPaper"), value: "✓" }] : []),
          ...(request.reasons ? [{ key: t("privacy.admin.theirReasons"), value: request.reasons }] : []),
        ]}
      />
      <ErasureRequestSummary request={request} forAdmin />
      {open ? <DecisionForm request={request} onDecided={onDecided} /> : null}
    </section>
  );
}

function DecisionForm({ request, onDecided }: { request: Request; onDecided(): void }) {
  const { t } = useI18n();
  const describe = useDescribeUserError();
  const [result, decide] = useMutation(DecideErasureDocument);
  // Which of the two buttons sent the form: read when it is submitted, after the click.
  const grant = useRef(false);
  const form = useForm({
    id: `decide-erasure-${request.id}`,
    fields: {
      reasons: { label: t("privacy.admin.reasons"), initial: "", required: true, maxLength: REASONS_LIMIT },
    },
  });
  return (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        const answer = await decide({ requestId: request.id, grant: grant.current, reasons: String(values.reasons) });
        const payload = answer.data?.decideErasure;
        if (payload?.erasureRequest) {
          onDecided();
          return [];
        }
        if (payload) return form.fromUserErrors(payload.userErrors, describe);
        return [{ field: "", message: t("account.notSent") }];
      })}
    >
      <Textarea bound={form.bind("reasons")} rows={3} />
      <RequestError error={result.error} />
      <div className="govuk-button-group">
        <button
          type="submit"
          className="govuk-button govuk-button--secondary"
          disabled={result.fetching}
          onClick={() => {
            grant.current = false;
          }}
        >
          {t("privacy.admin.refuse")}
        </button>
        {request.holds.length === 0 ? (
          <button
            type="submit"
            className="govuk-button govuk-button--warning"
            disabled={result.fetching}
            onClick={() => {
              grant.current = true;
            }}
          >
            {t("privacy.admin.grant")}
          </button>
        ) : null}
      </div>
    </FormShell>
  );
}

import { useState } from "react";
import { useClient, useMutation, useQuery } from "urql";
import { Loading, RequestError, useDescribeUserError } from "../../components/Status";
import { FormShell, SubmitButton, Textarea, useForm } from "../../design/forms";
import { ScrollRegion, SuccessBanner, SummaryList, Tag } from "../../design/patterns";
import {
  MyDataExportLinksDocument,
  MyPrivacyDocument,
  RequestDataExportDocument,
  RequestErasureDocument,
  type ErasureRequestFieldsFragment,
  type ErasureRequestStatus,
} from "../../gql/graphql";
import { type MessageKey, useI18n } from "../../i18n";
import { download } from "../../lib/upload";

const REASONS_LIMIT = 20_000;
const STATUS_COLOUR = { PENDING: "blue", HELD: "yellow", GRANTED: "green", REFUSED: "red" } as const;

/** The account page's "Your data" (issue 19; GDPR Art. 15 and 17): a copy of everything that
 * names the person, to download; a request to erase it, and how each request stands. */
export function YourData() {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MyPrivacyDocument,
    requestPolicy: "cache-and-network",
  });
  const reload = () => refetch({ requestPolicy: "network-only" });
  return (
    <section aria-labelledby="your-data-heading" className="govuk-!-margin-top-9">
      <h2 id="your-data-heading" className="govuk-heading-l" tabIndex={-1}>
        {t("privacy.title")}
      </h2>
      <p className="govuk-body">{t("privacy.intro")}</p>
      <RequestError error={error} />
      {fetching && !data ? <Loading /> : null}
      {data ? (
        <>
          <Exports exports={data.myDataExports} onMade={reload} />
          <Erasure requests={data.myErasureRequests} onSent={reload} />
        </>
      ) : null}
    </section>
  );
}

type ExportRow = { id: string; createdAt: string; expiresAt: string; size: number };

function Exports({ exports, onMade }: { exports: readonly ExportRow[]; onMade(): void }) {
  const { t, dateTime, bytes } = useI18n();
  const client = useClient();
  const [made, make] = useMutation(RequestDataExportDocument);
  const [done, setDone] = useState(false);
  const [failed, setFailed] = useState<Error | null>(null);
  const describe = useDescribeUserError();
  const errors = made.data?.requestDataExport.userErrors ?? [];

  async function fetchOne(row: ExportRow) {
    setFailed(null);
    const links = await client.query(MyDataExportLinksDocument, {}, { requestPolicy: "network-only" });
    const url = links.data?.myDataExports.find((e) => e.id === row.id)?.download.url;
    try {
      if (!url) throw new Error("no link");
      await download(url, `parley-data-export-${row.createdAt.slice(0, 10)}.zip`);
    } catch (problem) {
      setFailed(problem instanceof Error ? problem : new Error(String(problem)));
    }
  }

  return (
    <section aria-labelledby="export-heading">
      <h3 id="export-heading" className="govuk-heading-m">
        {t("privacy.export.title")}
      </h3>
      <p className="govuk-body">{t("privacy.export.intro")}</p>
      {done ? <SuccessBanner title={t("privacy.export.made")} /> : null}
      {errors.map((e) => (
        <p key={e.code} role="alert" className="govuk-error-message">
          {describe(e)}
        </p>
      ))}
      <RequestError error={made.error ?? failed} />
      {exports.length === 0 ? (
        <p className="govuk-body">{t("privacy.export.none")}</p>
      ) : (
        <ScrollRegion label={t("privacy.export.table")}>
          <table className="govuk-table" data-testid="data-exports">
            <caption className="govuk-table__caption govuk-table__caption--s">{t("privacy.export.table")}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{t("privacy.export.created")}</th>
                <th scope="col" className="govuk-table__header">{t("privacy.export.expires")}</th>
                <th scope="col" className="govuk-table__header">{t("privacy.export.size")}</th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">{t("privacy.export.download")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {exports.map((row) => (
                <tr className="govuk-table__row" key={row.id}>
                  <td className="govuk-table__cell">{dateTime(row.createdAt)}</td>
                  <td className="govuk-table__cell">{dateTime(row.expiresAt)}</td>
                  <td className="govuk-table__cell">{bytes(row.size)}</td>
                  <td className="govuk-table__cell">
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      aria-label={t("privacy.export.downloadNamed", { date: dateTime(row.createdAt) })}
                      onClick={() => void fetchOne(row)}
                    >
                      {t("privacy.export.download")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <button
        type="button"
        className="govuk-button"
        disabled={made.fetching}
        aria-disabled={made.fetching}
        onClick={async () => {
          setDone(false);
          const answer = await make({});
          if (answer.data?.requestDataExport.dataExport) {
            setDone(true);
            onMade();
          }
        }}
      >
        {t("privacy.export.request")}
      </button>
    </section>
  );
}

function Erasure({
  requests,
  onSent,
}: {
  requests: readonly ErasureRequestFieldsFragment[];
  onSent(): void;
}) {
  const { t } = useI18n();
  const describe = useDescribeUserError();
  const [result, send] = useMutation(RequestErasureDocument);
  const [sent, setSent] = useState(false);
  const form = useForm({
    id: "erasure-request",
    fields: { reasons: { label: t("privacy.erasure.reasons"), initial: "", maxLength: REASONS_LIMIT } },
  });
  const undecided = requests.some((r) => r.status === "PENDING" || r.status === "HELD");
  return (
    <section aria-labelledby="erasure-heading">
      <h3 id="erasure-heading" className="govuk-heading-m">
        {t("privacy.erasure.title")}
      </h3>
      <p className="govuk-body">{t("privacy.erasure.intro")}</p>
      {sent ? <SuccessBanner title={t("privacy.erasure.sent")} /> : null}
      {requests.length > 0 ? (
        <>
          <h4 className="govuk-heading-s">{t("privacy.erasure.requests")}</h4>
          {requests.map((request) => (
            <ErasureRequestSummary key={request.id} request={request} />
          ))}
        </>
      ) : null}
      {undecided ? null : (
        <FormShell
          form={form}
          onSubmit={form.onSubmit(async (values) => {
            setSent(false);
            const answer = await send({ reasons: String(values.reasons) || null });
            const payload = answer.data?.requestErasure;
            if (payload?.erasureRequest) {
              setSent(true);
              onSent();
              return [];
            }
            if (payload) return form.fromUserErrors(payload.userErrors, describe);
            return [{ field: "", message: t("account.notSent") }];
          })}
        >
          <Textarea bound={form.bind("reasons")} rows={3} />
          <RequestError error={result.error} />
          <SubmitButton busy={result.fetching}>{t("privacy.erasure.request")}</SubmitButton>
        </FormShell>
      )}
    </section>
  );
}

/** One erasure request: its status, its legal holds (why, until when), the decision. Read by
 * the person ("your data") or by an administrator (`forAdmin`: "the data"). */
export function ErasureRequestSummary({
  request,
  forAdmin = false,
}: {
  request: ErasureRequestFieldsFragment;
  forAdmin?: boolean;
}) {
  const { t, label, dateTime } = useI18n();
  const status: ErasureRequestStatus = request.status;
  const rows = [
    {
      key: t("privacy.erasure.requested", { date: dateTime(request.createdAt) }),
      value: (
        <Tag colour={STATUS_COLOUR[status]} testId="erasure-status">
          {label("privacy.status", status)}
        </Tag>
      ),
    },
  ];
  if (request.holds.length > 0) {
    rows.push({
      key: t(forAdmin ? "privacy.admin.holds" : "privacy.erasure.holds"),
      value: (
        <ul className="govuk-list govuk-list--bullet" data-testid="erasure-holds">
          {request.holds.map((hold) => (
            <li key={`${hold.kind}-${hold.reference}`}>
              {t(`privacy.hold.${hold.kind}` as MessageKey, { reference: hold.reference })}:{" "}
              {hold.until
                ? t("privacy.erasure.until", { date: dateTime(hold.until) })
                : t("privacy.erasure.untilClosed")}
            </li>
          ))}
        </ul>
      ),
    });
  }
  if (request.decidedAt) {
    rows.push({
      key: t("privacy.erasure.decided", { date: dateTime(request.decidedAt) }),
      value: <>{request.decisionReasons}</>,
    });
  }
  return <SummaryList rows={rows} />;
}

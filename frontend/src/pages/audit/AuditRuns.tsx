import { useEffect } from "react";
import { useMutation, useQuery } from "urql";
import { Link } from "wouter";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError, UserErrors } from "../../components/Status";
import { ScrollRegion, SummaryList, Tag } from "../../design/patterns";
import {
  AuditRunProgressDocument,
  AuditRunsDocument,
  StartAuditRunDocument,
  type AuditRunFieldsFragment,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";

// How often the page asks how far a run has come, while it is not done.
const POLL_MS = 2000;

/** Start a verification run over every case the auditor audits, watch it progress (a worker
 * checks the cases in the background), and see the cases whose chain broke. */
export function AuditRuns() {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AuditRunsDocument, requestPolicy: "cache-and-network" });
  const [started, start] = useMutation(StartAuditRunDocument);
  const runs = data?.auditRuns ?? [];
  const latest = runs[0];
  const userErrors = started.data?.startAuditRun.userErrors;
  return (
    <>
      <PageTitle text={t("audit.runs.title")} />
      <p className="govuk-body">{t("audit.runs.intro")}</p>
      <UserErrors errors={userErrors} />
      <RequestError error={started.error} />
      <button
        type="button"
        className="govuk-button"
        // Not `disabled`: that would drop the keyboard focus to the page's start while the
        // run is asked for; the progress below is announced (role="status").
        aria-disabled={started.fetching || undefined}
        onClick={async () => {
          if (started.fetching) return;
          const answer = await start({});
          if (answer.data?.startAuditRun.run) refetch({ requestPolicy: "network-only" });
        }}
      >
        {t("audit.runs.start")}
      </button>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && !latest && <p className="govuk-body">{t("audit.runs.none")}</p>}
      {latest && <RunProgress key={latest.id} first={latest} />}
      {runs.length > 1 && <EarlierRuns runs={runs.slice(1)} />}
    </>
  );
}

function RunProgress({ first }: { first: AuditRunFieldsFragment }) {
  const { t, label, number, dateTime } = useI18n();
  const done = first.status === "DONE";
  const [{ data, error }, poll] = useQuery({
    query: AuditRunProgressDocument,
    variables: { id: first.id },
    pause: done,
    requestPolicy: "network-only",
  });
  const run = data?.auditRun ?? first;
  const finished = run.status === "DONE";
  useEffect(() => {
    if (finished) return;
    const timer = window.setInterval(() => poll({ requestPolicy: "network-only" }), POLL_MS);
    return () => window.clearInterval(timer);
  }, [finished, poll]);
  return (
    <section aria-labelledby="run-heading" className="parley-section">
      <h2 id="run-heading" className="govuk-heading-m">
        {t("audit.runs.latest")}
      </h2>
      <div role="status" aria-live="polite" data-testid="run-progress">
        <SummaryList
          rows={[
            {
              key: t("audit.runs.status"),
              value: <Tag colour={finished ? "green" : "blue"}>{label("audit.runStatus", run.status)}</Tag>,
            },
            { key: t("audit.runs.started"), value: dateTime(run.startedAt) },
            {
              key: t("audit.runs.checked"),
              value: t("audit.runs.checkedOf", { checked: number(run.checked), total: number(run.total) }),
            },
            { key: t("audit.runs.broken"), value: number(run.broken) },
          ]}
        />
        {!finished && (
          <progress className="parley-audit-progress" max={Math.max(run.total, 1)} value={run.checked}>
            {t("audit.runs.checkedOf", { checked: number(run.checked), total: number(run.total) })}
          </progress>
        )}
      </div>
      <RequestError error={error} />
      {finished && run.brokenCases.length === 0 && (
        <div className="govuk-inset-text" data-testid="run-intact">
          {t("audit.runs.allIntact", { total: number(run.total) })}
        </div>
      )}
      {run.brokenCases.length > 0 && (
        <>
          <h3 className="govuk-heading-s">{t("audit.runs.brokenTitle")}</h3>
          <p className="govuk-body">{t("audit.runs.brokenIntro")}</p>
          <ScrollRegion label={t("audit.runs.brokenTitle")}>
            <table className="govuk-table" data-testid="broken-cases">
              <caption className="govuk-visually-hidden">{t("audit.runs.brokenTitle")}</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">{t("audit.runs.case")}</th>
                  <th scope="col" className="govuk-table__header">{t("audit.runs.breaksAt")}</th>
                  <th scope="col" className="govuk-table__header">{t("audit.runs.action")}</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {run.brokenCases.map((item) => (
                  <tr className="govuk-table__row" key={item.caseId}>
                    <td className="govuk-table__cell">
                      <Link href={`/cases/${encodeURIComponent(item.caseId)}`} className="govuk-link">
                        {item.reference}
                      </Link>
                    </td>
                    <td className="govuk-table__cell">
                      {t("audit.runs.sequenceOf", { sequence: number(item.brokenSequence), length: number(item.length) })}
                    </td>
                    <td className="govuk-table__cell">
                      <Link
                        href={`/audit/findings/new?${new URLSearchParams({
                          case: item.reference,
                          run: run.id,
                          sequence: String(item.brokenSequence),
                        })}`}
                        className="govuk-link"
                      >
                        {t("audit.runs.raise")}
                        <span className="govuk-visually-hidden"> {item.reference}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </section>
  );
}

function EarlierRuns({ runs }: { runs: AuditRunFieldsFragment[] }) {
  const { t, label, number, dateTime } = useI18n();
  return (
    // No named section: the table's scrolling region carries the name (one landmark each).
    <div className="parley-section">
      <h2 id="earlier-heading" className="govuk-heading-m">
        {t("audit.runs.earlier")}
      </h2>
      <ScrollRegion label={t("audit.runs.earlier")}>
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">{t("audit.runs.earlier")}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">{t("audit.runs.started")}</th>
              <th scope="col" className="govuk-table__header">{t("audit.runs.status")}</th>
              <th scope="col" className="govuk-table__header">{t("audit.runs.checked")}</th>
              <th scope="col" className="govuk-table__header">{t("audit.runs.broken")}</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {runs.map((run) => (
              <tr className="govuk-table__row" key={run.id}>
                <td className="govuk-table__cell">{dateTime(run.startedAt)}</td>
                <td className="govuk-table__cell">{label("audit.runStatus", run.status)}</td>
                <td className="govuk-table__cell">
                  {t("audit.runs.checkedOf", { checked: number(run.checked), total: number(run.total) })}
                </td>
                <td className="govuk-table__cell">{number(run.broken)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

import { useState } from "react";
import { useQuery } from "urql";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import { PeriodFields, SummaryList } from "../../design/patterns";
import { AuditReportDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { download } from "../../lib/upload";

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The audit report for a period: the runs, the breaks they found, and the findings opened,
 * closed and still open; as a page, and as CSV or JSON to download. */
export function AuditReport() {
  const { t, label, number } = useI18n();
  const today = new Date();
  const [from, setFrom] = useState(isoDate(new Date(Date.UTC(today.getUTCFullYear(), 0, 1))));
  const [until, setUntil] = useState(isoDate(new Date(today.getTime() + 86_400_000)));
  const [downloadError, setDownloadError] = useState<Error | null>(null);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(until) && from < until;
  const [{ data, fetching, error }] = useQuery({
    query: AuditReportDocument,
    variables: { from, until },
    pause: !valid,
    requestPolicy: "cache-and-network",
  });
  const report = data?.auditReport;
  const fetchFile = async (format: "csv" | "json") => {
    setDownloadError(null);
    try {
      await download(`/reports/audit.${format}?from=${from}&until=${until}`, `audit-report-${from}-${until}.${format}`);
    } catch (caught) {
      setDownloadError(caught as Error);
    }
  };
  return (
    <>
      <PageTitle text={t("audit.report.title")} />
      <p className="govuk-body">{t("audit.report.intro")}</p>
      <form className="parley-filters" aria-label={t("audit.report.period")} onSubmit={(e) => e.preventDefault()} noValidate>
        <PeriodFields
          idPrefix="audit"
          from={from}
          until={until}
          onFrom={setFrom}
          onUntil={setUntil}
          valid={valid}
          labels={{ from: t("audit.report.from"), until: t("audit.report.until"), error: t("audit.report.periodError") }}
        />
      </form>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {report && valid && (
        <>
          <section aria-labelledby="report-runs-heading" className="parley-section">
            <h2 id="report-runs-heading" className="govuk-heading-m">
              {t("audit.report.runs")}
            </h2>
            <div data-testid="audit-report">
              <SummaryList
                rows={[
                  { key: t("audit.report.runsStarted"), value: number(report.runsStarted) },
                  { key: t("audit.report.runsFinished"), value: number(report.runsFinished) },
                  { key: t("audit.report.casesChecked"), value: number(report.casesChecked) },
                  { key: t("audit.report.breaks"), value: number(report.breaks) },
                  { key: t("audit.report.brokenCases"), value: number(report.brokenCases) },
                ]}
              />
            </div>
          </section>
          <section aria-labelledby="report-findings-heading" className="parley-section">
            <h2 id="report-findings-heading" className="govuk-heading-m">
              {t("audit.report.findings")}
            </h2>
            <SummaryList
              rows={[
                { key: t("audit.report.findingsOpened"), value: number(report.findingsOpened) },
                ...report.openedBySeverity.map((item) => ({
                  key: t("audit.report.ofSeverity", { severity: label("audit.severity", item.severity) }),
                  value: number(item.count),
                })),
                { key: t("audit.report.findingsClosed"), value: number(report.findingsClosed) },
                { key: t("audit.report.findingsOpenAtEnd"), value: number(report.findingsOpenAtEnd) },
              ]}
            />
          </section>
          <div className="govuk-button-group">
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => fetchFile("csv")}>
              {t("audit.report.downloadCsv")}
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={() => fetchFile("json")}>
              {t("audit.report.downloadJson")}
            </button>
          </div>
          <RequestError error={downloadError} />
        </>
      )}
    </>
  );
}

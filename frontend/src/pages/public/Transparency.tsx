import { useState } from "react";
import { useQuery } from "urql";
import { BarChart, type ChartCategory } from "../../components/BarChart";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import { Explained, ScrollRegion, SummaryList } from "../../design/patterns";
import { PublicTransparencyDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";

/** A provider's public annual report, no sign-in: the figures and the anonymised case-level
 * disclosure, each chart followed by its table. */
export function Transparency({ slug }: { slug: string }) {
  const provider = decodeURIComponent(slug);
  const { t, label, number, date, money } = useI18n();
  const thisYear = new Date().getUTCFullYear();
  const [yearText, setYearText] = useState(String(thisYear));
  const typed = yearText.trim().normalize("NFKC");
  const valid = /^\d{4}$/.test(typed) && Number(typed) >= 2000 && Number(typed) <= 2100;
  const [year, setYear] = useState(thisYear);
  const [{ data, fetching, error }] = useQuery({
    query: PublicTransparencyDocument,
    variables: { provider, year },
  });
  const report = data?.transparencyReport;
  const pct = (rate: number | null | undefined) =>
    rate === null || rate === undefined ? "—" : number(rate, { style: "percent", maximumFractionDigits: 0 });
  const days = (value: number | null | undefined) =>
    value === null || value === undefined ? "—" : t("review.days", { days: number(value, { maximumFractionDigits: 1 }) });
  const categories = (prefix: string, rows: readonly { key: string }[]): ChartCategory[] =>
    rows.map((row) => ({ key: row.key, label: label(prefix, row.key.toUpperCase()) }));
  const counts = (rows: readonly { count: number }[]) => [{ label: t("review.count"), values: rows.map((row) => row.count) }];
  return (
    <>
      <PageTitle text={report ? t("transparency.titleFor", { name: report.providerName }) : t("transparency.title")} />
      <p className="govuk-body">{t("transparency.intro")}</p>
      <form
        className="parley-filters"
        aria-label={t("transparency.year")}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) setYear(Number(typed));
        }}
      >
        <div className={`govuk-form-group${valid ? "" : " govuk-form-group--error"}`}>
          <label className="govuk-label" htmlFor="transparency-year">
            {t("transparency.year")}
          </label>
          {!valid && (
            <p id="transparency-year-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">{t("form.errorPrefix")}</span>{" "}
              {t("transparency.yearError", { field: t("transparency.year"), min: 2000, max: 2100 })}
            </p>
          )}
          <input
            id="transparency-year"
            className="govuk-input govuk-input--width-4"
            inputMode="numeric"
            value={yearText}
            aria-invalid={valid ? undefined : true}
            aria-describedby={valid ? undefined : "transparency-year-error"}
            onChange={(e) => setYearText(e.target.value)}
          />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary">
          {t("transparency.show")}
        </button>
      </form>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {report && (
        <>
          <section aria-labelledby="transparency-figures" className="parley-section">
            <h2 id="transparency-figures" className="govuk-heading-l">
              {t("transparency.figures")}
            </h2>
            <div data-testid="transparency-figures">
              <SummaryList
                rows={[
                  { key: t("review.disputesReceived"), value: number(report.disputesReceived) },
                  { key: t("transparency.refusalShare"), value: pct(report.refusalShare) },
                  {
                    key: t("transparency.duration"),
                    value: t("review.medianP90", { median: days(report.duration.medianDays), p90: days(report.duration.p90Days) }),
                  },
                  { key: t("review.outcomeAcceptance"), value: pct(report.outcomeAcceptance.rate) },
                  { key: t("transparency.compliance"), value: pct(report.compliance.rate) },
                ]}
              />
            </div>
            <Explained summary={t("review.termsSummary")}>
              <p className="govuk-body">{t("transparency.termsText")}</p>
            </Explained>
          </section>
          <div className="parley-charts">
            <BarChart
              testId="chart-methods"
              title={t("transparency.byMethod")}
              categoryHeading={t("transparency.method")}
              valueHeading={t("review.disputesCount")}
              empty={t("review.noData")}
              categories={categories("method", report.receivedByMethod)}
              series={counts(report.receivedByMethod)}
            />
            <BarChart
              testId="chart-refusals"
              title={t("transparency.refusals")}
              categoryHeading={t("transparency.ground")}
              valueHeading={t("review.disputesCount")}
              empty={t("review.noData")}
              categories={categories("declineGround", report.refusalsByGround)}
              series={counts(report.refusalsByGround)}
            />
            <BarChart
              testId="chart-discontinued"
              title={t("transparency.discontinued")}
              categoryHeading={t("review.how")}
              valueHeading={t("review.disputesCount")}
              empty={t("review.noData")}
              categories={categories("ending", report.discontinuedByReason)}
              series={counts(report.discontinuedByReason)}
            />
          </div>
          <section aria-labelledby="transparency-cases" className="parley-section">
            <h2 id="transparency-cases" className="govuk-heading-l">
              {t("transparency.cases", { count: report.casesTotal })}
            </h2>
            <ScrollRegion label={t("transparency.casesCaption")}>
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">{t("transparency.casesCaption")}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">{t("transparency.organisation")}</th>
                    <th scope="col" className="govuk-table__header">{t("transparency.method")}</th>
                    <th scope="col" className="govuk-table__header">{t("transparency.result")}</th>
                    <th scope="col" className="govuk-table__header">{t("transparency.amounts")}</th>
                    <th scope="col" className="govuk-table__header">{t("transparency.dates")}</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {report.cases.map((c, index) => (
                    <tr key={index} className="govuk-table__row">
                      <td className="govuk-table__cell">{c.organisation}</td>
                      <td className="govuk-table__cell">{label("method", c.method)}</td>
                      <td className="govuk-table__cell">
                        {label("ending", c.result.toUpperCase())}
                        {c.declineGround && ` · ${label("declineGround", c.declineGround)}`}
                      </td>
                      <td className="govuk-table__cell">
                        {c.claimedAmount ? money(c.claimedAmount, c.currency) : "—"} →{" "}
                        {c.outcomeAmount ? money(c.outcomeAmount, c.currency) : "—"}
                      </td>
                      <td className="govuk-table__cell">
                        {date(c.filedOn)} – {date(c.endedOn)} ({days(c.durationDays)})
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
        </>
      )}
    </>
  );
}

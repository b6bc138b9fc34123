import { useState } from "react";
import { useQuery } from "urql";
import { BarChart } from "../../components/BarChart";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import { PublicTransparencyDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";

/** A provider's public annual report (EU ADR Art. 7(2)), no sign-in: the figures and the
 * anonymised case-level disclosure, each chart with its table. */
export function Transparency({ slug }: { slug: string }) {
  const provider = decodeURIComponent(slug);
  const { t, label, number, date, money } = useI18n();
  const [year, setYear] = useState(new Date().getUTCFullYear());
  const [{ data, fetching, error }] = useQuery({
    query: PublicTransparencyDocument,
    variables: { provider, year },
  });
  const report = data?.transparencyReport;
  const pct = (rate: number | null | undefined) =>
    rate === null || rate === undefined ? "—" : number(rate, { style: "percent", maximumFractionDigits: 0 });
  const days = (value: number | null | undefined) =>
    value === null || value === undefined ? "—" : t("review.days", { days: number(value, { maximumFractionDigits: 1 }) });
  const tally = (prefix: string, rows: readonly { key: string; count: number }[]) =>
    rows.map((row) => ({ key: row.key, label: label(prefix, row.key.toUpperCase()), value: row.count, shown: number(row.count) }));
  return (
    <section>
      <PageTitle text={report ? t("transparency.titleFor", { name: report.providerName }) : t("transparency.title")} />
      <form className="row" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t("transparency.year")}
          <input
            type="number"
            min={2000}
            max={2100}
            value={year}
            onChange={(e) => e.target.value && setYear(Number(e.target.value))}
          />
        </label>
      </form>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {report && (
        <>
          <section aria-labelledby="transparency-figures" className="panel">
            <h2 id="transparency-figures">{t("transparency.figures")}</h2>
            <dl className="facts" data-testid="transparency-figures">
              <dt>{t("review.disputesReceived")}</dt>
              <dd>{number(report.disputesReceived)}</dd>
              <dt>{t("transparency.refusalShare")}</dt>
              <dd>{pct(report.refusalShare)}</dd>
              <dt>{t("transparency.duration")}</dt>
              <dd>
                {t("review.medianP90", { median: days(report.duration.medianDays), p90: days(report.duration.p90Days) })}
              </dd>
              <dt>{t("review.outcomeAcceptance")}</dt>
              <dd>{pct(report.outcomeAcceptance.rate)}</dd>
              <dt>{t("transparency.compliance")}</dt>
              <dd>{pct(report.compliance.rate)}</dd>
            </dl>
          </section>
          <div className="charts">
            <BarChart
              title={t("transparency.byMethod")}
              valueHeading={t("review.count")}
              empty={t("review.noData")}
              bars={tally("method", report.receivedByMethod)}
            />
            <BarChart
              title={t("transparency.refusals")}
              valueHeading={t("review.count")}
              empty={t("review.noData")}
              bars={tally("declineGround", report.refusalsByGround)}
            />
            <BarChart
              title={t("transparency.discontinued")}
              valueHeading={t("review.count")}
              empty={t("review.noData")}
              bars={tally("ending", report.discontinuedByReason)}
            />
          </div>
          <section aria-labelledby="transparency-cases" className="panel">
            <h2 id="transparency-cases">{t("transparency.cases", { count: report.casesTotal })}</h2>
            <div className="table-wrap">
              <table>
                <caption>{t("transparency.casesCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("transparency.organisation")}</th>
                    <th scope="col">{t("transparency.method")}</th>
                    <th scope="col">{t("transparency.result")}</th>
                    <th scope="col">{t("transparency.amounts")}</th>
                    <th scope="col">{t("transparency.dates")}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.cases.map((c, index) => (
                    <tr key={index}>
                      <td>{c.organisation}</td>
                      <td>{label("method", c.method)}</td>
                      <td>
                        {label("ending", c.result.toUpperCase())}
                        {c.declineGround && ` · ${label("declineGround", c.declineGround)}`}
                      </td>
                      <td>
                        {c.claimedAmount ? money(c.claimedAmount, c.currency) : "—"} →{" "}
                        {c.outcomeAmount ? money(c.outcomeAmount, c.currency) : "—"}
                      </td>
                      <td>
                        {date(c.filedOn)} – {date(c.endedOn)} ({days(c.durationDays)})
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </section>
  );
}

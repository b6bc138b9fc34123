import { useState } from "react";
import { useQuery } from "urql";
import { BarChart } from "../../components/BarChart";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import { ManagementReviewDocument, type ManagementReviewQuery } from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { useAuth } from "../../lib/auth";

type Review = ManagementReviewQuery["managementReview"];

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** ISO 10003 8.4 / ISO 10004 7.4: the organisation's figures for a period, each chart with
 * its table. The figures are the server's; nothing is computed here but the bars' lengths. */
export function ManagementReview() {
  const { t } = useI18n();
  const { viewer } = useAuth();
  const organisations = (viewer?.roles ?? [])
    .filter((membership) => membership.organisation && ["ORG_MANAGER", "AUDITOR", "ADMIN"].includes(membership.role))
    .map((membership) => membership.organisation!)
    .filter((org, index, all) => all.findIndex((o) => o.id === org.id) === index);
  const today = new Date();
  const [organisationId, setOrganisationId] = useState(organisations[0]?.id ?? "");
  const [from, setFrom] = useState(isoDate(new Date(Date.UTC(today.getUTCFullYear(), 0, 1))));
  const [until, setUntil] = useState(isoDate(new Date(today.getTime() + 86_400_000)));
  const [{ data, fetching, error }] = useQuery({
    query: ManagementReviewDocument,
    variables: { organisationId, from, until },
    pause: !organisationId || !from || !until,
  });
  return (
    <section>
      <PageTitle text={t("review.title")} />
      <form className="row" onSubmit={(e) => e.preventDefault()}>
        {organisations.length > 1 && (
          <label>
            {t("review.organisation")}
            <select value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
              {organisations.map((org) => (
                <option key={org.id} value={org.id}>
                  {org.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t("review.from")}
          <input type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          {t("review.until")}
          <input type="date" required value={until} onChange={(e) => setUntil(e.target.value)} />
        </label>
      </form>
      {!organisationId && <p>{t("review.noOrganisation")}</p>}
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && <ReviewFigures review={data.managementReview} />}
    </section>
  );
}

function ReviewFigures({ review }: { review: Review }) {
  const { t, label, number } = useI18n();
  const ind = review.indicators;
  const pct = (rate: number | null | undefined) =>
    rate === null || rate === undefined ? "—" : number(rate, { style: "percent", maximumFractionDigits: 0 });
  const days = (value: number | null | undefined) =>
    value === null || value === undefined ? "—" : t("review.days", { days: number(value, { maximumFractionDigits: 1 }) });
  return (
    <>
      <section aria-labelledby="review-summary-heading" className="panel">
        <h2 id="review-summary-heading">{review.organisationName}</h2>
        <dl className="facts" data-testid="review-summary">
          <dt>{t("review.complaintsReceived")}</dt>
          <dd>{number(ind.complaintsReceived)}</dd>
          <dt>{t("review.repeatComplaints")}</dt>
          <dd>{number(ind.repeatComplaints)}</dd>
          <dt>{t("review.disputesReceived")}</dt>
          <dd>{number(ind.disputesReceived)}</dd>
          <dt>{t("review.withdrawals")}</dt>
          <dd>{number(ind.withdrawals)}</dd>
          <dt>{t("review.clocksMet")}</dt>
          <dd>
            {pct(ind.clocksMet.rate)} ({number(ind.clocksMet.numerator)}/{number(ind.clocksMet.denominator)})
          </dd>
          <dt>{t("review.outcomeAcceptance")}</dt>
          <dd>
            {pct(ind.outcomeAcceptance.rate)} ({number(ind.outcomeAcceptance.numerator)}/
            {number(ind.outcomeAcceptance.denominator)})
          </dd>
          <dt>{t("review.implementation")}</dt>
          <dd>
            {pct(ind.implementation.rate)} ({number(ind.implementation.numerator)}/
            {number(ind.implementation.denominator)}) · {t("review.onTime", { count: ind.implementedOnTime })}
          </dd>
          <dt>{t("review.timeToRespond")}</dt>
          <dd>
            {t("review.medianP90", { median: days(ind.timeToRespond.medianDays), p90: days(ind.timeToRespond.p90Days) })}
          </dd>
          <dt>{t("review.timeToResolve")}</dt>
          <dd>
            {t("review.medianP90", { median: days(ind.timeToResolve.medianDays), p90: days(ind.timeToResolve.p90Days) })}
          </dd>
        </dl>
      </section>
      {review.systemicIssues.length > 0 && (
        <section aria-labelledby="systemic-heading" className="panel" role="note">
          <h2 id="systemic-heading">{t("review.systemic")}</h2>
          <ul>
            {review.systemicIssues.map((issue) => (
              <li key={issue.key}>
                {label("rootCause", issue.key.toUpperCase())}: {number(issue.count)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="charts">
        <BarChart
          title={t("review.rootCauses")}
          valueHeading={t("review.count")}
          empty={t("review.noData")}
          bars={review.rootCauses.map((tally) => ({
            key: tally.key,
            label: label("rootCause", tally.key.toUpperCase()),
            value: tally.count,
            shown: number(tally.count),
          }))}
        />
        <BarChart
          title={t("review.ended")}
          valueHeading={t("review.count")}
          empty={t("review.noData")}
          bars={ind.ended.map((tally) => ({
            key: tally.key,
            label: label("ending", tally.key.toUpperCase()),
            value: tally.count,
            shown: number(tally.count),
          }))}
        />
        <BarChart
          title={t("review.clocksMissed")}
          valueHeading={t("review.missedOfAll")}
          empty={t("review.noData")}
          bars={ind.clocksByResponsible.map((row) => ({
            key: row.responsible,
            label: label("responsible", row.responsible.toUpperCase()),
            value: row.missed,
            shown: `${number(row.missed)} / ${number(row.met + row.missed)}`,
          }))}
        />
        <BarChart
          title={t("review.satisfaction")}
          valueHeading={t("review.averageOf5")}
          empty={t("review.noData")}
          bars={ind.satisfactionByMethod.map((row) => ({
            key: row.key,
            label: label("method", row.key.toUpperCase()),
            value: row.average ?? 0,
            shown:
              row.average === null || row.average === undefined
                ? "—"
                : `${number(row.average, { maximumFractionDigits: 1 })} (${t("review.responses", { count: row.responses })})`,
          }))}
        />
      </div>
    </>
  );
}

import { useState } from "react";
import { useQuery } from "urql";
import { BarChart } from "../../components/BarChart";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import { Explained, PeriodFields, SummaryList } from "../../design/patterns";
import { ManagementReviewDocument, type ManagementReviewQuery } from "../../gql/graphql";
import { useI18n, type MessageKey } from "../../i18n";
import { useAuth } from "../../lib/auth";
import { useTerms } from "../members/commitmentTerms";

type Review = ManagementReviewQuery["managementReview"];

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The organisation's figures for a period, each chart followed by its table. The figures are
 * the server's; nothing is computed here but what the charts draw. */
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
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(until) && from < until;
  const [{ data, fetching, error }] = useQuery({
    query: ManagementReviewDocument,
    variables: { organisationId, from, until },
    pause: !organisationId || !valid,
  });
  return (
    <>
      <PageTitle text={t("review.title")} />
      <p className="govuk-body">{t("review.intro")}</p>
      <form className="parley-filters" aria-label={t("review.period")} onSubmit={(e) => e.preventDefault()} noValidate>
        {organisations.length > 1 && (
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="review-organisation">
              {t("review.organisation")}
            </label>
            <select
              id="review-organisation"
              className="govuk-select"
              value={organisationId}
              onChange={(e) => setOrganisationId(e.target.value)}
            >
              {organisations.map((org) => (
                <option key={org.id} value={org.id}>
                  {org.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <PeriodFields
          idPrefix="review"
          from={from}
          until={until}
          onFrom={setFrom}
          onUntil={setUntil}
          valid={valid}
          labels={{ from: t("review.from"), until: t("review.until"), error: t("review.periodError") }}
        />
      </form>
      {!organisationId && <p className="govuk-body">{t("review.noOrganisation")}</p>}
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && <ReviewFigures review={data.managementReview} />}
    </>
  );
}

function ReviewFigures({ review }: { review: Review }) {
  const { t, label, number } = useI18n();
  const ind = review.indicators;
  const pct = (rate: number | null | undefined) =>
    rate === null || rate === undefined ? "—" : number(rate, { style: "percent", maximumFractionDigits: 0 });
  const ofAll = (rate: number | null | undefined, part: number, whole: number) =>
    t("review.ofAll", { rate: pct(rate), part: number(part), whole: number(whole) });
  const days = (value: number | null | undefined) =>
    value === null || value === undefined ? "—" : t("review.days", { days: number(value, { maximumFractionDigits: 1 }) });
  return (
    <>
      <section aria-labelledby="review-summary-heading" className="parley-section">
        <h2 id="review-summary-heading" className="govuk-heading-l">
          {review.organisationName}
        </h2>
        <div data-testid="review-summary">
          <SummaryList
            rows={[
              { key: t("review.complaintsReceived"), value: number(ind.complaintsReceived) },
              { key: t("review.repeatComplaints"), value: number(ind.repeatComplaints) },
              { key: t("review.disputesReceived"), value: number(ind.disputesReceived) },
              { key: t("review.withdrawals"), value: number(ind.withdrawals) },
              {
                key: t("review.clocksMet"),
                value: ofAll(ind.clocksMet.rate, ind.clocksMet.numerator, ind.clocksMet.denominator),
              },
              {
                key: t("review.outcomeAcceptance"),
                value: ofAll(ind.outcomeAcceptance.rate, ind.outcomeAcceptance.numerator, ind.outcomeAcceptance.denominator),
              },
              {
                key: t("review.implementation"),
                value: `${ofAll(ind.implementation.rate, ind.implementation.numerator, ind.implementation.denominator)} · ${t(
                  "review.onTime",
                  { count: ind.implementedOnTime },
                )}`,
              },
              { key: t("review.notImplemented"), value: number(ind.outcomesNotImplemented) },
              {
                key: t("review.timeToRespond"),
                value: t("review.medianP90", { median: days(ind.timeToRespond.medianDays), p90: days(ind.timeToRespond.p90Days) }),
              },
              {
                key: t("review.timeToResolve"),
                value: t("review.medianP90", { median: days(ind.timeToResolve.medianDays), p90: days(ind.timeToResolve.p90Days) }),
              },
            ]}
          />
        </div>
        <Explained summary={t("review.termsSummary")}>
          <p className="govuk-body">{t("review.termsText")}</p>
        </Explained>
      </section>
      {review.systemicIssues.length > 0 && (
        <div className="govuk-inset-text" role="note" aria-labelledby="systemic-heading">
          <h2 id="systemic-heading" className="govuk-heading-m">
            {t("review.systemic")}
          </h2>
          <ul className="govuk-list govuk-list--bullet">
            {review.systemicIssues.map((issue) => (
              <li key={issue.key}>
                {label("rootCause", issue.key.toUpperCase())}: {number(issue.count)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <CommitmentsSection review={review} />
      <section aria-labelledby="review-groups-heading" className="parley-section" data-testid="review-groups">
        <h2 id="review-groups-heading" className="govuk-heading-l">
          {t("reviewGroups.title")}
        </h2>
        {review.caseGroups.length === 0 ? (
          <p className="govuk-body">{t("reviewGroups.none")}</p>
        ) : (
          <SummaryList
            rows={review.caseGroups.map((group) => ({
              key: group.key,
              value: `${t("inboxGroups.members")}: ${number(group.count)}`,
            }))}
          />
        )}
      </section>
      <section aria-labelledby="review-charts-heading" className="parley-section">
        <h2 id="review-charts-heading" className="govuk-heading-l">
          {t("review.charts")}
        </h2>
        <div className="parley-charts">
          <BarChart
            testId="chart-root-causes"
            title={t("review.rootCauses")}
            categoryHeading={t("review.rootCause")}
            valueHeading={t("review.complaintsCount")}
            empty={t("review.noData")}
            categories={review.rootCauses.map((tally) => ({ key: tally.key, label: label("rootCause", tally.key.toUpperCase()) }))}
            series={[{ label: t("review.count"), values: review.rootCauses.map((tally) => tally.count) }]}
          />
          <BarChart
            testId="chart-ended"
            title={t("review.ended")}
            categoryHeading={t("review.how")}
            valueHeading={t("review.disputesCount")}
            empty={t("review.noData")}
            categories={ind.ended.map((tally) => ({ key: tally.key, label: label("ending", tally.key.toUpperCase()) }))}
            series={[{ label: t("review.count"), values: ind.ended.map((tally) => tally.count) }]}
          />
          <BarChart
            testId="chart-clocks"
            title={t("review.clocksMissed")}
            categoryHeading={t("review.whose")}
            valueHeading={t("review.deadlinesCount")}
            empty={t("review.noData")}
            stacked
            categories={ind.clocksByResponsible.map((row) => ({
              key: row.responsible,
              label: label("responsible", row.responsible.toUpperCase()),
            }))}
            series={[
              { label: t("review.met"), values: ind.clocksByResponsible.map((row) => row.met), colour: "#1d70b8" },
              { label: t("review.missed"), values: ind.clocksByResponsible.map((row) => row.missed), colour: "#d4351c" },
            ]}
          />
          <BarChart
            testId="chart-satisfaction"
            title={t("review.satisfaction")}
            categoryHeading={t("review.methodHeading")}
            valueHeading={t("review.averageOf5")}
            empty={t("review.noData")}
            max={5}
            integers={false}
            categories={ind.satisfactionByMethod.map((row) => ({
              key: row.key,
              label: label("method", row.key.toUpperCase()),
              shown: [
                row.average === null || row.average === undefined
                  ? "—"
                  : `${number(row.average, { maximumFractionDigits: 1 })} (${t("review.responses", { count: row.responses })})`,
              ],
            }))}
            series={[{ label: t("review.averageOf5"), values: ind.satisfactionByMethod.map((row) => row.average ?? null) }]}
          />
        </div>
      </section>
    </>
  );
}

/** ISO 10001: each published commitment and how it fared; one that the records cannot show
 * says so, with no figure. */
function CommitmentsSection({ review }: { review: Review }) {
  const { t, number, locale } = useI18n();
  const terms = useTerms();
  const pct = (rate: number | null | undefined) =>
    rate === null || rate === undefined ? "—" : number(rate, { style: "percent", maximumFractionDigits: 0 });
  return (
    <section aria-labelledby="review-commitments-heading" className="parley-section" data-testid="review-commitments">
      <h2 id="review-commitments-heading" className="govuk-heading-l">
        {t("commitments.reviewTitle")}
      </h2>
      {review.commitments.length === 0 ? (
        <p className="govuk-body">{t("commitments.reviewNone")}</p>
      ) : (
        <p className="govuk-body">{t("commitments.reviewIntro")}</p>
      )}
      {review.commitments.map((m) => {
        const c = m.commitment;
        const headingId = `review-commitment-${c.kind.toLowerCase()}`;
        const wording = locale === "zh-Hans" ? c.wordingZhHans : c.wordingEn;
        const rows = m.measurable
          ? [
              {
                key: t("commitments.shareMet"),
                value: t("review.ofAll", { rate: pct(m.shareMet), part: number(m.met), whole: number(m.evidence) }),
              },
              { key: t("commitments.misses"), value: number(m.missed) },
              ...(m.missedReferences.length > 0
                ? [{ key: t("commitments.missedReferences"), value: m.missedReferences.join(", ") }]
                : []),
              ...(m.medianDays === null || m.medianDays === undefined
                ? []
                : [{ key: t("commitments.median"), value: t("commitments.medianDays", { days: number(m.medianDays) }) }]),
              { key: t("commitments.pending"), value: number(m.pending) },
              { key: t("commitments.measuredAgainst"), value: t(`commitments.basis.${m.basis}` as MessageKey) },
            ]
          : [
              { key: t("commitments.evidence"), value: t("commitments.notMeasurable") },
              { key: t("commitments.measuredAgainst"), value: t(`commitments.basis.${m.basis}` as MessageKey) },
            ];
        return (
          <section key={c.kind} aria-labelledby={headingId} data-testid={`review-commitment-${c.kind}`}>
            <h3 id={headingId} className="govuk-heading-m">
              {t(`commitments.kind.${c.kind}` as MessageKey)}
              {c.kind !== "ACCESSIBILITY" && <span className="govuk-caption-m">{terms(c)}</span>}
            </h3>
            <p className="govuk-body" lang={locale === "zh-Hans" ? "zh-Hans" : "en"}>
              {wording}
            </p>
            <SummaryList rows={rows} />
          </section>
        );
      })}
    </section>
  );
}

// Issue 20, 3: a provider caseworker's queue of reviews of automated steps to decide, oldest
// request first; each opens its case, where the decision form is (case/AutomatedDecisions.tsx).
import { Link } from "wouter";
import { useQuery } from "urql";
import { PageTitle } from "../../components/PageTitle";
import { Loading, RequestError } from "../../components/Status";
import { AutomatedReviewQueueDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n";

export function AutomatedReviewQueue() {
  const { t, label, dateTime } = useI18n();
  const [{ data, fetching, error }] = useQuery({
    query: AutomatedReviewQueueDocument,
    variables: { first: 100 },
    requestPolicy: "network-only",
  });
  const reviews = data?.automatedReviews.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <PageTitle text={t("automatedQueue.title")} />
      <p className="govuk-body">{t("automatedQueue.intro")}</p>
      {fetching && !data && <Loading />}
      <RequestError error={error} />
      {data && reviews.length === 0 && <p className="govuk-body">{t("automatedQueue.none")}</p>}
      <ul className="govuk-list parley-cards" data-testid="automated-review-queue">
        {reviews.map((review) => (
          <li key={review.id} className="parley-card">
            <h2 className="govuk-heading-s">
              {review.case ? (
                <Link href={`/cases/${review.case.id}`} className="govuk-link">
                  {t("automatedQueue.caseLink", { reference: review.case.reference, subject: review.case.subject })}
                </Link>
              ) : (
                t("automatedQueue.caseHidden")
              )}
            </h2>
            <p className="govuk-body">
              {t("automatedQueue.item", {
                rule: label("automatedRule", review.decision?.rule ?? ""),
                side: label("side", review.side),
                date: dateTime(review.requestedAt),
              })}
            </p>
            <p className="govuk-body parley-prose">{review.reasons}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

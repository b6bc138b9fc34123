// Issue 20, 3: the steps Parley's clock took on a case without a person, disclosed: the rule
// that decided, and the right of each party to ask a person to review it; the provider's
// caseworker decides the review (upheld, or reversed through the transition table). Who may
// ask and who may decide is the server's (`viewerMayRequestReview`, `viewerMayDecide`).
import { useEffect, useRef } from "react";
import { useMutation, useQuery } from "urql";
import { Loading, RequestError, useDescribeUserError } from "../../components/Status";
import { FormShell, Radios, SubmitButton, Textarea, useForm } from "../../design/forms";
import { SummaryList, Tag } from "../../design/patterns";
import {
  CaseAutomatedDecisionsDocument,
  DecideAutomatedReviewDocument,
  RequestAutomatedReviewDocument,
  type AutomatedDecisionFieldsFragment,
  type AutomatedReviewVerdict,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { useIdempotencyKey } from "../../lib/idempotency";

type Decision = AutomatedDecisionFieldsFragment;
type Review = NonNullable<Decision["review"]>;

const REASONS_MAX = 20000;

export function AutomatedDecisions({
  caseId,
  recordLength,
  onDone,
}: {
  caseId: string;
  /** The case record's length: when it grows, ask again (a review decided elsewhere). */
  recordLength: number;
  onDone(): void;
}) {
  const { t } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: CaseAutomatedDecisionsDocument,
    variables: { id: caseId },
    requestPolicy: "cache-and-network",
  });
  const seen = useRef(recordLength);
  useEffect(() => {
    if (recordLength === seen.current) return;
    seen.current = recordLength;
    refetch({ requestPolicy: "network-only" });
  }, [recordLength, refetch]);
  const decisions = data?.case?.automatedDecisions ?? [];
  if (fetching && !data) return <Loading />;
  if (!error && decisions.length === 0) return null;
  const changed = () => {
    refetch({ requestPolicy: "network-only" });
    onDone();
  };
  return (
    <section aria-labelledby="automated-heading" className="parley-section" data-testid="automated-decisions">
      <h2 id="automated-heading" className="govuk-heading-m">
        {t("automated.title")}
      </h2>
      <p className="govuk-body">{t("automated.intro")}</p>
      <RequestError error={error} />
      {decisions.map((decision) => (
        <AutomatedDecision key={decision.id} decision={decision} onDone={changed} />
      ))}
    </section>
  );
}

function AutomatedDecision({ decision, onDone }: { decision: Decision; onDone(): void }) {
  const { t, label, dateTime } = useI18n();
  const review = decision.review;
  const ruleSays = label("automatedRuleSays", decision.rule);
  return (
    <div className="govuk-inset-text" data-testid="automated-decision" data-rule={decision.rule}>
      <p className="govuk-body govuk-!-font-weight-bold">
        {t("automated.decidedBy", { rule: label("automatedRule", decision.rule) })}
      </p>
      <SummaryList
        rows={[
          { key: t("automated.when"), value: dateTime(decision.decidedAt) },
          // The rule in the reader's language; the server's (English) summary for a rule this
          // build does not know yet.
          { key: t("automated.ruleSays"), value: ruleSays === decision.rule ? decision.ruleSummary : ruleSays },
          {
            key: t("automated.stages"),
            value: t("automated.stagesValue", {
              before: label("stage", decision.stageBefore),
              after: label("stage", decision.stageAfter),
            }),
          },
          {
            key: t("automated.reviewUntil"),
            value: decision.reviewOpen ? dateTime(decision.reviewDueAt) : t("automated.reviewClosed"),
          },
        ]}
      />
      {review && <ReviewState review={review} />}
      {decision.viewerMayRequestReview && <AskForReview decision={decision} onDone={onDone} />}
      {review?.viewerMayDecide && <DecideReview review={review} onDone={onDone} />}
    </div>
  );
}

function ReviewState({ review }: { review: Review }) {
  const { t, label, dateTime } = useI18n();
  return (
    <div data-testid="automated-review">
      <p className="govuk-body">
        <Tag colour={review.status === "PENDING" ? "yellow" : review.status === "REVERSED" ? "green" : "grey"}>
          {label("automatedReviewStatus", review.status)}
        </Tag>{" "}
        {t("automated.askedBy", { side: label("side", review.side), date: dateTime(review.requestedAt) })}
      </p>
      <p className="govuk-body parley-prose">{review.reasons}</p>
      {review.decisionReasons && (
        <p className="govuk-body parley-prose">
          {t("automated.decisionReasons", { reasons: review.decisionReasons })}
        </p>
      )}
    </div>
  );
}

function AskForReview({ decision, onDone }: { decision: Decision; onDone(): void }) {
  const { t } = useI18n();
  const describe = useDescribeUserError();
  const [key, renewKey] = useIdempotencyKey();
  const [sent, send] = useMutation(RequestAutomatedReviewDocument);
  const form = useForm({
    id: `ask-review-${decision.id}`,
    draft: true,
    fields: {
      reasons: {
        label: t("automated.askReasons"),
        initial: "",
        required: true,
        maxLength: REASONS_MAX,
        requiredMessage: t("automated.askReasonsMissing"),
      },
    },
  });
  return (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        const answer = await send({ decisionId: decision.id, reasons: values.reasons, idempotencyKey: key });
        renewKey();
        const payload = answer.data?.requestAutomatedReview;
        if (payload?.review) {
          onDone();
          return [];
        }
        if (payload) return form.fromUserErrors(payload.userErrors, describe);
        return [{ field: "", message: t("automated.notSent") }];
      })}
    >
      <h3 className="govuk-heading-s">{t("automated.askTitle")}</h3>
      <Textarea bound={form.bind("reasons")} hint={t("automated.askHint")} rows={4} />
      <RequestError error={sent.error} />
      <SubmitButton busy={sent.fetching}>{t("automated.ask")}</SubmitButton>
    </FormShell>
  );
}

function DecideReview({ review, onDone }: { review: Review; onDone(): void }) {
  const { t } = useI18n();
  const describe = useDescribeUserError();
  const [key, renewKey] = useIdempotencyKey();
  const [sent, send] = useMutation(DecideAutomatedReviewDocument);
  const form = useForm({
    id: `decide-review-${review.id}`,
    fields: {
      verdict: {
        label: t("automated.verdict"),
        initial: "",
        required: true,
        requiredMessage: t("automated.verdictMissing"),
      },
      reasons: {
        label: t("automated.decideReasons"),
        initial: "",
        required: true,
        maxLength: REASONS_MAX,
        requiredMessage: t("automated.decideReasonsMissing"),
      },
    },
  });
  return (
    <FormShell
      form={form}
      onSubmit={form.onSubmit(async (values) => {
        const answer = await send({
          reviewId: review.id,
          verdict: values.verdict as AutomatedReviewVerdict,
          reasons: values.reasons,
          idempotencyKey: key,
        });
        renewKey();
        const payload = answer.data?.decideAutomatedReview;
        if (payload?.review) {
          onDone();
          return [];
        }
        if (payload) return form.fromUserErrors(payload.userErrors, describe);
        return [{ field: "", message: t("automated.notSent") }];
      })}
    >
      <h3 className="govuk-heading-s">{t("automated.decideTitle")}</h3>
      <Radios
        bound={form.bind("verdict")}
        options={[
          { value: "UPHELD", label: t("automated.upheld"), hint: t("automated.upheldHint") },
          { value: "REVERSED", label: t("automated.reversed"), hint: t("automated.reversedHint") },
        ]}
      />
      <Textarea bound={form.bind("reasons")} hint={t("automated.decideHint")} rows={4} />
      <RequestError error={sent.error} />
      <SubmitButton busy={sent.fetching}>{t("automated.decide")}</SubmitButton>
    </FormShell>
  );
}

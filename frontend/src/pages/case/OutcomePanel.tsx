import { useState } from "react";
import { RequestError, useDescribeUserError } from "../../components/Status";
import { Checkbox, ErrorSummary, FormShell, KEEP, SubmitButton, useForm, type FieldError } from "../../design/forms";
import { CheckPage, SummaryList, Tag } from "../../design/patterns";
import { AcceptOutcomeDocument, RejectOutcomeDocument, RequestReviewDocument } from "../../gql/graphql";
import { apiLocale, useI18n } from "../../i18n";
import { focusSoon, ReasonForm, type ActionProps } from "./actions";
import { isIrreversible } from "./duties";
import { ShownText } from "./methods";
import { useAction } from "./useAction";

/** The outcome in force, and the viewer's answer to it: accept (check page, confirmation),
 * reject with reasons (check page, confirmation), or ask for a review of a binding award. */
export function OutcomePanel({ item, onDone }: ActionProps) {
  const { t, label, date, money, locale } = useI18n();
  const actions = new Set(item.availableActions);
  const accept = useAction(AcceptOutcomeDocument, onDone);
  const reject = useAction(RejectOutcomeDocument, onDone);
  const review = useAction(RequestReviewDocument, onDone);
  const describe = useDescribeUserError();
  const [checking, setChecking] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  // EU ADR Art. 9(2)(b): the notice is read and acknowledged before accepting (issue 15).
  const acknowledge = useForm({
    id: "accept-outcome",
    fields: { notice: { label: t("outcome.noticeRead"), initial: false, required: true } },
  });
  const outcome = item.outcome;
  if (!outcome) return null;
  const notice = outcome.acceptanceNotice;
  const kind = label("outcomeKind", outcome.kind);
  const amount = outcome.amount ? money(outcome.amount.amount, outcome.amount.currency) : null;
  const toErrors = (action: { lastErrors(): readonly { code: string; message: string }[] }): FieldError[] => {
    const refused = action.lastErrors();
    return refused.length
      ? refused.map((error) => ({ field: "text", message: describe(error) }))
      : [{ field: "", message: t("form.notSent") }];
  };

  if (checking) {
    return (
      <section aria-labelledby="outcome-heading" className="parley-section" data-testid="outcome">
        <h2 id="outcome-heading" className="govuk-visually-hidden" tabIndex={-1}>
          {kind}
        </h2>
        <CheckPage
          title={t("outcome.checkAcceptTitle", { kind })}
          rows={[
            { key: t("outcome.summaryRow"), value: <span className="parley-prose">{outcome.summary}</span> },
            { key: t("offers.amount"), value: amount ?? "—" },
          ]}
          effect={
            <>
              <ShownText value={notice} testId="acceptance-notice-check" />
              <p className="govuk-body">{t("outcome.effectAcceptFinal")}</p>
            </>
          }
          confirmLabel={t("outcome.accept")}
          busy={accept.busy}
          onConfirm={async () => {
            const ok = await accept.run(
              {
                caseId: item.id,
                expectedStage: item.stage,
                acknowledgesNotice: (acknowledge.values.notice as boolean) === true,
                noticeDigest: notice.digest,
                language: apiLocale(locale),
              },
              { title: t("outcome.acceptedDone", { kind }), next: t("outcome.acceptedNext"), receipt: true },
            );
            if (ok) setChecking(false);
            else setErrors(toErrors(accept));
          }}
          onBack={() => {
            setErrors([]);
            setChecking(false);
            focusSoon("outcome-heading");
          }}
        >
          <ErrorSummary errors={errors} fieldId={(name) => name} />
          <RequestError error={accept.error} />
        </CheckPage>
      </section>
    );
  }

  return (
    <section aria-labelledby="outcome-heading" className="parley-section" data-testid="outcome">
      <h2 id="outcome-heading" className="govuk-heading-m" tabIndex={-1}>
        {kind} {outcome.binding && <Tag colour="orange">{t("case.binding")}</Tag>}
      </h2>
      <p className="govuk-body-s">{t("outcome.issued", { date: date(outcome.issuedAt) })}</p>
      <p className="govuk-body parley-prose">{outcome.summary}</p>
      {amount && (
        <p className="govuk-body">
          <strong>{amount}</strong>
        </p>
      )}
      <h3 className="govuk-heading-s">{t("outcome.reasons")}</h3>
      <p className="govuk-body parley-prose">{outcome.reasons}</p>
      <SummaryList
        rows={[
          ...(outcome.acceptedByComplainantAt
            ? [{ key: t("outcome.complainantRow"), value: t("outcome.acceptedOn", { date: date(outcome.acceptedByComplainantAt) }) }]
            : []),
          ...(outcome.acceptedByOrganisationAt
            ? [{ key: t("outcome.organisationRow"), value: t("outcome.acceptedOn", { date: date(outcome.acceptedByOrganisationAt) }) }]
            : []),
          ...(outcome.rejectedBy
            ? [{ key: t("outcome.rejectedBy", { side: label("side", outcome.rejectedBy) }), value: outcome.rejectionReasons ?? "" }]
            : []),
          ...(outcome.reviewRequestedBy
            ? [{ key: t("outcome.reviewRequested", { side: label("side", outcome.reviewRequestedBy) }), value: outcome.reviewReasons ?? "" }]
            : []),
        ]}
      />
      {(actions.has("ACCEPT_OUTCOME") || actions.has("REJECT_OUTCOME")) && (
        <>
          <h3 className="govuk-heading-s">{t("outcome.noticeTitle")}</h3>
          <ShownText value={notice} testId="acceptance-notice" />
        </>
      )}
      {actions.has("ACCEPT_OUTCOME") && (
        <FormShell
          form={acknowledge}
          onSubmit={acknowledge.onSubmit(async () => {
            setErrors([]);
            setChecking(true);
            return KEEP;
          })}
        >
          <Checkbox bound={acknowledge.bind("notice")} />
          <SubmitButton>{t("outcome.accept")}</SubmitButton>
        </FormShell>
      )}
      {actions.has("REJECT_OUTCOME") && (
        <ReasonForm
          id="reject-outcome"
          title={t("outcome.rejectTitle")}
          intro={t("outcome.rejectIntro")}
          field={t("form.reasons")}
          submitLabel={t("outcome.reject")}
          required
          busy={reject.busy}
          check={
            isIrreversible(item, "REJECT_OUTCOME")
              ? {
                  title: t("outcome.checkRejectTitle", { kind }),
                  effect: (
                    <>
                      <p className="govuk-body">{t("outcome.effectReject")}</p>
                      <p className="govuk-body">{t("outcome.effectCourts")}</p>
                    </>
                  ),
                }
              : undefined
          }
          onSubmit={async (reasons) =>
            (await reject.run(
              { caseId: item.id, expectedStage: item.stage, reasons },
              { title: t("outcome.rejectedDone", { kind }), next: t("outcome.rejectedNext"), receipt: true },
            ))
              ? []
              : toErrors(reject)
          }
        >
          <RequestError error={reject.error} />
        </ReasonForm>
      )}
      {actions.has("REQUEST_REVIEW") && (
        <ReasonForm
          id="request-review"
          title={t("outcome.reviewTitle")}
          intro={t("outcome.reviewIntro")}
          field={t("form.reasons")}
          submitLabel={t("outcome.requestReview")}
          required
          busy={review.busy}
          check={
            isIrreversible(item, "REQUEST_REVIEW")
              ? { title: t("outcome.checkReviewTitle"), effect: <p className="govuk-body">{t("outcome.effectReview")}</p> }
              : undefined
          }
          onSubmit={async (reasons) =>
            (await review.run(
              { caseId: item.id, expectedStage: item.stage, reasons },
              { title: t("outcome.reviewDone"), next: t("outcome.reviewNext"), receipt: isIrreversible(item, "REQUEST_REVIEW") },
            ))
              ? []
              : toErrors(review)
          }
        >
          <RequestError error={review.error} />
        </ReasonForm>
      )}
    </section>
  );
}

import { RequestError, UserErrors } from "../../components/Status";
import {
  AcceptOutcomeDocument,
  RejectOutcomeDocument,
  RequestReviewDocument,
} from "../../gql/graphql";
import { useI18n } from "../../i18n";
import { ReasonForm, type ActionProps } from "./actions";
import { useAction } from "./useAction";

/** The outcome in force, and the viewer's answer to it: accept, reject with reasons
 * (ISO 10003 7.5), or ask for review of a binding award. */
export function OutcomePanel({ item, onDone }: ActionProps) {
  const { t, label, dateTime, money } = useI18n();
  const actions = new Set(item.availableActions);
  const accept = useAction(AcceptOutcomeDocument, onDone);
  const reject = useAction(RejectOutcomeDocument, onDone);
  const review = useAction(RequestReviewDocument, onDone);
  const outcome = item.outcome;
  if (!outcome) return null;
  return (
    <section aria-labelledby="outcome-heading" className="panel outcome" data-testid="outcome">
      <h2 id="outcome-heading">
        {label("outcomeKind", outcome.kind)}
        {outcome.binding && ` (${t("case.binding")})`}
      </h2>
      <p className="muted">{t("outcome.issued", { date: dateTime(outcome.issuedAt) })}</p>
      <p>{outcome.summary}</p>
      {outcome.amount && (
        <p>
          <strong>{money(outcome.amount.amount, outcome.amount.currency)}</strong>
        </p>
      )}
      <h3>{t("outcome.reasons")}</h3>
      <p className="prose">{outcome.reasons}</p>
      <ul className="plain">
        {outcome.acceptedByComplainantAt && (
          <li>{t("outcome.acceptedByComplainant", { date: dateTime(outcome.acceptedByComplainantAt) })}</li>
        )}
        {outcome.acceptedByOrganisationAt && (
          <li>{t("outcome.acceptedByOrganisation", { date: dateTime(outcome.acceptedByOrganisationAt) })}</li>
        )}
        {outcome.rejectedBy && (
          <li>
            {t("outcome.rejectedBy", { side: label("side", outcome.rejectedBy) })}:{" "}
            {outcome.rejectionReasons}
          </li>
        )}
        {outcome.reviewRequestedBy && (
          <li>
            {t("outcome.reviewRequested", { side: label("side", outcome.reviewRequestedBy) })}:{" "}
            {outcome.reviewReasons}
          </li>
        )}
      </ul>
      {actions.has("ACCEPT_OUTCOME") && (
        <div className="stack">
          <button
            type="button"
            disabled={accept.busy}
            onClick={() => void accept.run({ caseId: item.id, expectedStage: item.stage })}
          >
            {t("outcome.accept")}
          </button>
          <UserErrors errors={accept.errors} />
          <RequestError error={accept.error} />
        </div>
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
          onSubmit={(reasons) => reject.run({ caseId: item.id, expectedStage: item.stage, reasons })}
        >
          <UserErrors errors={reject.errors} />
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
          onSubmit={(reasons) => review.run({ caseId: item.id, expectedStage: item.stage, reasons })}
        >
          <UserErrors errors={review.errors} />
          <RequestError error={review.error} />
        </ReasonForm>
      )}
    </section>
  );
}
